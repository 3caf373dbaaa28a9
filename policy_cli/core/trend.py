"""Trends across many reports: term rates per year, month or file, first seen, what changed.

Documents come from files, folders, globs or JSON-lines files (`core.corpus`); they are
streamed and only their counts are kept. Each document is read once: normalised, its terms
counted (the segmenter's tokens) and its formulations found, in a pool of worker processes;
the results go to the analysis cache (`core.cache`, one SQLite file), so that a second run
neither loads nor segments it again. Phrases followed in every document (the terms asked
with `terms`, the formulations found in the corpus) are counted where they start a word
(`core.counting`: 创新发展理念 does not say 新发展理念), and those counts are cached too.

Periods are years, months or files. By year or month, terms are ranked by how their use
changed between the earlier and the later half of the text (signed G2, `core.keyness`) and
formulations are listed by the period they were first seen in. By file, each document is
ranked by what sets it apart from the rest of the corpus: its terms' G2 against the rest.
Rates are per 10,000 characters of normalised text, spaces and line breaks not counted.
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policy_cli.core.cache import (
    AnalysisCache,
    CachedDocument,
    cache_dir,
    content_key,
    pack_counts,
    phrases_key,
    unpack_many,
)
from policy_cli.core.corpus import (
    CorpusItem,
    count_documents,
    expand_paths,
    is_jsonl,
    iter_items,
    month_of,
    year_from_text,
)
from policy_cli.errors import NothingToAnalyseError, UsageError

if TYPE_CHECKING:
    from policy_cli.core.formulations.lexicon import Lexicon

__all__ = [
    "BY", "FileKeyness", "KeyTerm", "Period", "Trend", "TermTrend", "TrendDocument",
    "cache_dir", "expand_paths", "trend_documents", "year_from_text",
]  # fmt: skip

BY = ("year", "month", "file")
PER = 10_000  # rates are counts per 10,000 characters
MAX_FORMULATIONS = 200  # formulations followed in every document, the most found first
MIN_FORMULATION_CHARS = 4
FILE_TERMS = 10  # key terms shown for each file with by="file"
IN_FLIGHT = 4  # tasks in flight per worker process
TASK_DOCUMENTS = 32  # documents sent to a worker together (small ones: fewer messages)
TASK_CHARACTERS = 200_000  # ... up to this much text
LOOKUP_BATCH = 256  # documents looked up in the cache at once

ProgressFn = Callable[[str, int, int | None], None]  # (stage, done, total)

_NUMERALS = re.compile(r"[〇○零一二三四五六七八九十百千万\d]")
_HEAD_MONTH = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月")


@dataclass(frozen=True)
class TrendDocument:
    """A document that went into the trend, with the period it was counted in."""

    source: str
    title: str | None
    kind: str | None
    year: int | None
    year_from: str | None  # metadata | text | file name
    characters: int
    period: str


@dataclass(frozen=True)
class Period:
    """A year, a month (YYYY-MM) or a file, and the size of its text."""

    label: str
    year: int | None
    characters: int
    documents: int


@dataclass(frozen=True)
class TermTrend:
    """How one term is used over the periods: counts, rates per 10,000 characters, firsts.

    `first_offset` is the character offset of the first occurrence in `first_source`
    (the normalised text of that document). `change` is a signed log-likelihood (G2)
    of the later half of the text against the earlier half: > 0 rising, < 0 falling.
    """

    term: str
    kind: str  # query | term | formulation
    total: int
    counts: tuple[int, ...]
    rates: tuple[float, ...]
    first_seen: str | None
    first_source: str | None
    first_offset: int
    last_seen: str | None
    peak: str | None
    peak_rate: float
    early_rate: float = 0.0
    late_rate: float = 0.0
    change: float = 0.0


@dataclass(frozen=True)
class KeyTerm:
    """A term of one file against the rest of the corpus: count, rates, signed G2."""

    term: str
    kind: str  # query | term | formulation
    count: int
    rate: float  # per 10,000 characters of the file
    rest_rate: float  # per 10,000 characters of the other files
    g2: float  # > 0: the file uses it more than the rest


@dataclass(frozen=True)
class FileKeyness:
    """One file (by="file"): the terms that set it apart from the rest of the corpus."""

    period: str
    source: str
    characters: int
    score: float  # the G2 of its most distinctive term: the order of the files
    terms: tuple[KeyTerm, ...]


@dataclass(frozen=True)
class Trend:
    """The result of `trend_documents`."""

    by: str
    periods: tuple[Period, ...]
    documents: tuple[TrendDocument, ...]
    terms: tuple[TermTrend, ...] = ()  # the requested terms, in the order asked
    rising: tuple[TermTrend, ...] = ()
    falling: tuple[TermTrend, ...] = ()
    formulations: tuple[TermTrend, ...] = ()  # the most used ones, in order of first seen
    files: tuple[FileKeyness, ...] = ()  # by="file": most distinctive first
    split: str | None = None  # label of the first period of the later half
    skipped: tuple[tuple[str, str], ...] = ()  # (source, reason)
    cache_hits: int = 0
    cache_misses: int = 0
    warnings: tuple[str, ...] = field(default_factory=tuple)


# --------------------------------------------------------------------------- one document


def month_from_text(text: str) -> str | None:
    """The month (YYYY-MM) a report's head dates it to (2018年1月2日 -> 2018-01), if any."""
    head = "\n".join(text.split("\n", 7)[:6])[:600]
    m = _HEAD_MONTH.search(head)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{m.group(1)}-{int(m.group(2)):02d}"
    return None


@lru_cache(maxsize=200_000)
def _candidate(term: str) -> bool:
    from policy_cli.core.segment import is_candidate_term

    return is_candidate_term(term)


@lru_cache(maxsize=1)
def _formulation_options() -> Any:
    from policy_cli.core.formulations import FormulationOptions

    return FormulationOptions()


def _characters(text: str) -> int:
    return len(text) - text.count("\n") - text.count(" ")


def _document(source: str, payload: bytes | str, normalised: bool) -> Any:
    from policy_cli.core import normalize
    from policy_cli.core.loaders import check_analysable, load_bytes, load_text
    from policy_cli.models import Document

    if normalised and isinstance(payload, str):
        paragraphs = normalize.split_paragraphs(payload)
        document = Document(source, payload, paragraphs, normalize.split_sentences(paragraphs))
    elif isinstance(payload, bytes):
        document = load_bytes(payload, source=source)
    else:
        document = load_text(payload, source=source)
    check_analysable(document)
    return document


def analyse_document(
    source: str, payload: bytes | str, want_terms: bool, normalised: bool = False
) -> dict[str, Any]:
    """Read one document and, if asked, count its terms and find its formulations (this
    runs in a worker process).

    Args:
        source: its name, for messages.
        payload: a file's bytes or a text; with `normalised`, a cached normalised text,
            split without cleaning it again.
        want_terms: segment and count the terms, find the formulations.

    Returns:
        {"text", "characters", "year", "month"} (the year and month its head states), plus
        {"terms": {term: count}, "forms": {formulation: count}} when asked; or
        {"error": message} for a document that cannot be read.
    """
    from policy_cli.errors import PolicyCliError

    try:
        document = _document(source, payload, normalised)
    except PolicyCliError as exc:
        return {"error": str(exc)}
    text = document.text
    result: dict[str, Any] = {
        "text": text,
        "characters": _characters(text),
        "year": year_from_text(text),
        "month": month_from_text(text),
    }
    if want_terms:
        from policy_cli.core.formulations import extract_formulations
        from policy_cli.core.segment import default_segmenter

        # The shared segmenter cuts each sentence once, as Segmenter.tokenize does; counting
        # the pieces directly spares a Token object per word (a third of the time).
        cut = default_segmenter().cut
        counts: Counter[str] = Counter()
        for sent in document.sentences:
            counts.update(cut(sent.text))
        result["terms"] = {t: n for t, n in counts.items() if _candidate(t)}
        found = extract_formulations(document, options=_formulation_options())
        result["forms"] = {f.text: f.count for f in found if f.text}
    return result


def _first_token_offset(text: str, term: str) -> int:
    """Where a term is first cut as a token in a normalised text (-1: never)."""
    from policy_cli.core import normalize
    from policy_cli.core.segment import default_segmenter

    cut = default_segmenter().cut
    for sent in normalize.split_sentences(normalize.split_paragraphs(text)):
        if term not in sent.text:
            continue
        pos = sent.start
        for piece in cut(sent.text):
            if piece == term:
                return pos
            pos += len(piece)
    return -1


# --------------------------------------------------------------------------- reading


@dataclass
class _Doc:
    """A placed document: its period, size, cache key and packed counts."""

    index: int
    period: Any
    characters: int
    key: bytes
    terms: bytes | None = None
    forms: bytes | None = None


class _Reader:
    """Read the documents through the cache, computing the missing ones in a process pool."""

    def __init__(
        self, cache: AnalysisCache, workers: int, progress: ProgressFn | None
    ) -> None:
        self.cache = cache
        self.workers = workers
        self.progress = progress
        self.executor: Any = None
        self.hits = 0
        self.misses = 0

    def _pool(self) -> Any:
        if self.executor is None:
            from policy_cli.core.workers import fork_pool

            # workers that die with this process and never hold its stdout (core.workers)
            self.executor = fork_pool(self.workers)
        return self.executor

    def read(
        self,
        stream: Iterator[tuple[CorpusItem, bytes, CachedDocument | None]],
        *,
        total: int | None,
        want_terms: bool,
        done_fn: Callable[[CorpusItem, bytes, dict[str, Any]], None],
    ) -> None:
        """Give every document's entry to `done_fn(item, key, entry)`, in the input order.

        `stream` gives each document with its key and what the cache holds about it. An
        entry is {"characters", "year", "month"} (+ "terms"/"forms" blobs when wanted) or
        {"error"}. Documents to compute go to the workers in tasks of a few (small documents
        cost less to send together); at most a few tasks per worker are in flight, so memory
        does not grow with the corpus.
        """
        from collections import deque

        parallel = self.workers > 1 and (total is None or total > 1)
        limit = self.workers * IN_FLIGHT * TASK_DOCUMENTS if parallel else 0
        queue: deque[tuple[CorpusItem, bytes, Any, int]] = deque()
        task = _Task()
        done = 0

        def submit() -> None:
            nonlocal task
            if task.args:
                task.start(self._pool() if parallel else None)
                task = _Task()

        def drain(limit: int) -> None:
            nonlocal done
            while len(queue) > limit:
                item, key, pending, pos = queue.popleft()
                if pending is task:
                    submit()
                entry = pending.result(pos) if isinstance(pending, _Task) else pending
                done_fn(item, key, self._store(key, entry, want_terms))
                done += 1
                if self.progress is not None:
                    self.progress("reading", done, total)

        for item, key, row in stream:
            if item.error is not None:
                queue.append((item, key, {"error": item.error}, 0))
            elif row is not None and (not want_terms or row.terms is not None):
                self.hits += 1
                queue.append((item, key, {"cached": row}, 0))
            else:
                self.misses += 1
                payload: bytes | str = item.payload
                normalised = False
                if row is not None:  # the text is cached (a run with terms): segment it
                    text_row = self.cache.documents([key], text=True).get(key)
                    if text_row is not None and text_row.text is not None:
                        payload, normalised = text_row.text, True
                position = task.add(item.source, payload, want_terms, normalised)
                queue.append((item, key, task, position))
                if task.full():
                    submit()
            drain(limit)
        submit()
        drain(0)
        self.cache.commit()

    def _store(self, key: bytes, entry: dict[str, Any], want_terms: bool) -> dict[str, Any]:
        """Turn a fresh entry into a cached one (stored), or a cached row into an entry."""
        if "error" in entry:
            return entry
        if "cached" in entry:
            row = entry["cached"]
            return {
                "characters": row.characters, "year": row.year, "month": row.month,
                "terms": row.terms, "forms": row.forms,
            }  # fmt: skip
        cache = self.cache
        out: dict[str, Any] = {
            "characters": entry["characters"], "year": entry["year"], "month": entry["month"],
        }  # fmt: skip
        if want_terms:
            terms, forms = entry["terms"], entry["forms"]
            out["terms"] = pack_counts(cache.word_ids(terms), list(terms.values()))
            out["forms"] = pack_counts(cache.word_ids(forms), list(forms.values()))
        cache.put_document(
            key, entry["text"], entry["characters"], entry["year"], entry["month"],
            terms=out.get("terms"), forms=out.get("forms"),
        )  # fmt: skip
        return out

    def close(self, *, wait: bool = True) -> None:
        """Stop the pool: after its last task, or at once (`wait=False`: unwinding)."""
        if self.executor is not None:
            from policy_cli.core.workers import stop_pool

            stop_pool(self.executor, wait=wait)
            self.executor = None


class _Task:
    """A few documents to read in one call (in a worker process, or here)."""

    def __init__(self) -> None:
        self.args: list[tuple[str, bytes | str, bool, bool]] = []
        self.size = 0
        self.future: Any = None
        self.results: list[dict[str, Any]] | None = None

    def add(self, source: str, payload: bytes | str, want_terms: bool, normalised: bool) -> int:
        self.args.append((source, payload, want_terms, normalised))
        self.size += len(payload)
        return len(self.args) - 1

    def full(self) -> bool:
        return len(self.args) >= TASK_DOCUMENTS or self.size >= TASK_CHARACTERS

    def start(self, pool: Any) -> None:
        if pool is None:
            self.results = analyse_documents(self.args)
        else:
            self.future = pool.submit(analyse_documents, self.args)

    def result(self, pos: int) -> dict[str, Any]:
        if self.results is None:
            self.results = self.future.result()
        return self.results[pos]


def analyse_documents(args: list[tuple[str, bytes | str, bool, bool]]) -> list[dict[str, Any]]:
    """`analyse_document` for a few documents (one task of a worker process)."""
    return [analyse_document(*a) for a in args]


def _stream(
    files: Sequence[Path],
    cache: AnalysisCache,
    *,
    kinds: frozenset[str],
    want_terms: bool,
) -> Iterator[tuple[CorpusItem, bytes, CachedDocument | None]]:
    """The documents of the files in order, each with its key and what the cache holds.

    A JSON-lines file the cache has seen unchanged (same size, modification time and inode)
    is not read again when the cache holds all its documents: its records' keys and metadata
    come from the cache. Otherwise the file is read, and what it holds remembered.
    """
    index = 0
    for f in files:
        remembered = _remembered(f, cache, want_terms, kinds=kinds, start=index)
        if remembered is not None:
            for item, key, row in remembered:
                if row is not None:
                    yield item, key, row
            index += len(remembered)
            continue
        jsonl = is_jsonl(f) and cache.on and not cache.memory
        before = _stat(f) if jsonl else None
        entries: list[list[Any]] = []
        for chunk in _chunks(iter_items([f], start=index), LOOKUP_BATCH):
            keys = [content_key(it.payload) for it in chunk]
            wanted = [not kinds or it.kind in kinds for it in chunk]
            found = cache.documents([k for k, w in zip(keys, wanted, strict=True) if w], text=False)
            for item, key, want in zip(chunk, keys, wanted, strict=True):
                if jsonl:
                    entries.append([
                        item.source, key.hex(), item.title, item.kind, item.date,
                        item.meta_year, item.meta_month,
                    ])  # fmt: skip
                if want:
                    yield item, key, found.get(key)
            index = chunk[-1].index + 1
        if before is not None and _stat(f) == before:
            cache.put_file_items(f, before, entries)


def _stat(path: Path) -> Any:
    try:
        return os.stat(path)
    except OSError:
        return None


def _remembered(
    path: Path, cache: AnalysisCache, want_terms: bool, *, kinds: frozenset[str], start: int
) -> list[tuple[CorpusItem, bytes, CachedDocument | None]] | None:
    """The documents of a JSON-lines file as the cache remembers them (None in place of the
    row of a document `kinds` leaves out), or None: the file changed, or the cache lacks some
    of its documents or of their counts."""
    if not is_jsonl(path) or not cache.on or cache.memory:
        return None
    st = _stat(path)
    entries = cache.file_items(path, st) if st is not None else None
    if not entries:
        return None
    try:
        items = [
            CorpusItem(
                index=start + i, source=source, payload="", title=title, kind=kind, date=date,
                meta_year=meta_year, meta_month=meta_month,
            )  # fmt: skip
            for i, (source, _, title, kind, date, meta_year, meta_month) in enumerate(entries)
        ]
        keys = [bytes.fromhex(e[1]) for e in entries]
    except (TypeError, ValueError):
        return None
    wanted = [not kinds or item.kind in kinds for item in items]
    rows = cache.documents([k for k, w in zip(keys, wanted, strict=True) if w], text=False)
    out: list[tuple[CorpusItem, bytes, CachedDocument | None]] = []
    for item, key, want in zip(items, keys, wanted, strict=True):
        row = rows.get(key) if want else None
        if want and (row is None or (want_terms and row.terms is None)):
            return None
        out.append((item, key, row))
    return out


def _chunks(items: Iterator[CorpusItem], size: int) -> Iterator[list[CorpusItem]]:
    chunk: list[CorpusItem] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# --------------------------------------------------------------------------- aggregation


class _Aggregate:
    """The placed documents by period, and what the reading learnt about each."""

    def __init__(self, by: str) -> None:
        self.by = by
        self.docs: list[_Doc] = []
        self.chars: dict[Any, int] = {}
        self.ndocs: Counter[Any] = Counter()
        self.labels: dict[Any, str] = {}
        self.years: dict[Any, int | None] = {}
        self.documents: list[tuple[Any, TrendDocument]] = []
        self.sources: dict[int, str] = {}
        self.skipped: list[tuple[str, str]] = []

    def place(self, item: CorpusItem, key: bytes, entry: dict[str, Any]) -> None:
        """Put a read document in its period (or record why it was skipped)."""
        if "error" in entry:
            self.skipped.append((item.source, str(entry["error"])))
            return
        text_year, text_month = entry.get("year"), entry.get("month")
        year: int | None = item.meta_year
        year_from: str | None = "metadata"
        if year is None and text_year is not None:
            year, year_from = text_year, "text"
        if year is None and item.name_year is not None:
            year, year_from = item.name_year, "file name"
        if year is None:
            year_from = None
        period: Any
        if self.by == "file":
            period, label = item.index, _file_label(item)
        elif self.by == "year":
            if year is None:
                self.skipped.append(
                    (item.source, "no year in its metadata, its text or its file name")
                )
                return
            period, label = year, str(year)
        else:
            month = item.meta_month or month_of(item.date) or text_month
            if month is None:
                self.skipped.append((item.source, "no month in its metadata or its text"))
                return
            period, label = month, month
            year = int(month[:4])
        chars = int(entry["characters"])
        self.labels.setdefault(period, label)
        self.years.setdefault(period, year)
        self.chars[period] = self.chars.get(period, 0) + chars
        self.ndocs[period] += 1
        self.sources[item.index] = item.source
        self.docs.append(
            _Doc(item.index, period, chars, key, entry.get("terms"), entry.get("forms"))
        )
        doc = TrendDocument(item.source, item.title, item.kind, year, year_from, chars, label)
        self.documents.append((period, doc))


def _file_label(item: CorpusItem) -> str:
    if item.title:
        return item.title
    return Path(item.source).name


@dataclass
class _Counts:
    """Counts of one kind over the placed documents, as parallel arrays (one row a pair)."""

    doc: Any  # position of the document in `docs` (sorted by period, then input order)
    period: Any  # index of its period
    ids: Any  # word id (or phrase index)
    counts: Any

    @classmethod
    def from_blobs(cls, blobs: Sequence[bytes | None], periods: Any) -> _Counts:
        import numpy as np

        try:
            doc, ids, counts = unpack_many(blobs)
        except ValueError:  # a damaged blob: read them one by one, leaving it out
            good = [b if b and len(b) % 6 == 0 else None for b in blobs]
            doc, ids, counts = unpack_many(good)
        if len(ids) and int(counts.max()) == 0xFFFF:  # a count split over records: add up
            key = doc * (int(ids.max()) + 1) + ids
            order = np.argsort(key, kind="stable")
            key, doc, ids, counts = key[order], doc[order], ids[order], counts[order]
            first = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
            doc, ids, counts = doc[first], ids[first], np.add.reduceat(counts, first)
        return cls(doc=doc, period=periods[doc], ids=ids, counts=counts)


# --------------------------------------------------------------------------- the trend


def trend_documents(
    paths: Sequence[str | os.PathLike[str]],
    *,
    terms: Sequence[str] = (),
    top: int = 20,
    by: str = "year",
    kinds: Sequence[str] = (),
    min_count: int = 5,
    workers: int | None = None,
    use_cache: bool = True,
    cache_root: Path | None = None,
    progress: ProgressFn | None = None,
    lexicon: Lexicon | None = None,
) -> Trend:
    """Count terms across many documents and tell how their use changed over the periods.

    Args:
        paths: files, folders, globs or JSON-lines files (.jsonl, .jsonl.gz, .jsonl.xz).
        terms: terms to follow, counted where they start a word (`core.counting`: 小康 counts
            in 小康社会, 新发展理念 not in 创新发展理念); when empty, the segmenter's terms and
            the formulations that changed most are ranked.
        top: how many rising and falling terms to keep (by file: key terms per file, at most
            `FILE_TERMS`).
        by: "year" or "month" (documents of a period are pooled) or "file" (one period
            per document, each ranked by its terms' keyness against the rest).
        kinds: keep only documents whose `kind` (a JSON-lines field) is one of these.
        min_count: least total count for a term to be ranked.
        workers: processes for the documents not cached yet (default: the usable cores).
        use_cache: read and write the analysis cache (`core.cache`).
        cache_root: the cache directory (default: `cache_dir()`).
        progress: called as progress(stage, done, total) after each document.
        lexicon: the user's own terms (`read_user_lexicon`): followed as formulations, and
            listed before the others among the formulations first seen; with `terms`, followed
            as terms too.

    Returns:
        A `Trend` with the periods in order, the documents used and the term series.

    Raises:
        UsageError: a bad option value.
        InputError: a path that is missing or unreadable, a malformed JSON-lines record.
        NothingToAnalyseError: no document could be placed in a period, or (without
            `terms`, by year or month) fewer than two periods.
    """
    if by not in BY:
        raise UsageError(f"--by must be one of {', '.join(BY)}, not {by!r}")
    if top < 1:
        raise UsageError("--top must be at least 1")
    queries = tuple(dict.fromkeys(t.strip() for t in terms if t and t.strip()))
    if terms and not queries:
        raise UsageError("--terms names no term")
    own = tuple(e.text for e in lexicon.entries) if lexicon is not None else ()
    if queries:
        queries = tuple(dict.fromkeys((*queries, *own)))
    files = expand_paths(paths)
    # counting the records costs a read of each JSON-lines file: only for a progress bar
    total: int | None = len(files)
    if any(is_jsonl(f) for f in files):
        total = count_documents(files) if progress else None
    kind_set = frozenset(kinds)
    want_terms = not queries
    workers = workers if workers is not None else _default_workers()

    def run(cache: AnalysisCache) -> Trend:
        agg = _Aggregate(by)
        reader = _Reader(cache, workers, progress)
        stream = _stream(files, cache, kinds=kind_set, want_terms=want_terms)
        finished = False
        try:
            reader.read(stream, total=total, want_terms=want_terms, done_fn=agg.place)
            finished = True
        finally:
            reader.close(wait=finished)
        return _result(
            agg, cache, queries=queries, own=own, top=top, min_count=min_count,
            hits=reader.hits, misses=reader.misses, progress=progress,
        )  # fmt: skip

    # the run needs a cache even without the user's: the texts are read twice
    cache = AnalysisCache(cache_root or cache_dir()) if use_cache else AnalysisCache(None)
    warnings: list[str] = []
    if not cache.on:
        if cache.error:
            warnings.append(cache.error)
        cache = AnalysisCache(None, memory=True)
    try:
        result = run(cache)
    finally:
        cache.close()
    if cache.error and not cache.memory:
        # the cache failed in the middle of the run (a full disk): what it lost is read again
        warnings.append(cache.error)
        memory = AnalysisCache(None, memory=True)
        try:
            result = run(memory)
        finally:
            memory.close()
    if warnings:
        from dataclasses import replace

        result = replace(result, warnings=tuple(warnings) + result.warnings)
    return result


def _default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _followable(text: str) -> bool:
    """Tell whether a formulation can be counted as a substring without false hits.

    Short codes such as 九五 or 十四五 also match inside dates (一九五四年), so only
    formulations of four characters or more, not made mostly of numerals, are followed.
    """
    if len(text) < MIN_FORMULATION_CHARS:
        return False
    return len(_NUMERALS.findall(text)) * 2 < len(text)


@dataclass
class _Hits:
    """Counts of followed phrases: one entry per (document, phrase) said there."""

    doc: Any  # position of the document in `_Aggregate.docs`
    ids: Any  # index of the phrase
    counts: Any
    offsets: Any  # first offset in the document


def _count_phrases(
    agg: _Aggregate,
    cache: AnalysisCache,
    phrases: tuple[str, ...],
    progress: ProgressFn | None,
) -> _Hits:
    """Count the phrases in every placed document (where each starts a word), from the cache
    where it has the counts, else from the cached texts (and cache them)."""
    import numpy as np

    from policy_cli.core.counting import PhraseCounter

    docs = agg.docs
    blobs: list[bytes | None] = [None] * len(docs)
    if phrases:
        set_key = phrases_key(phrases)
        counter: PhraseCounter | None = None
        index = {p: i for i, p in enumerate(phrases)}
        done = 0
        for lo in range(0, len(docs), LOOKUP_BATCH):
            part = docs[lo : lo + LOOKUP_BATCH]
            keys = [d.key for d in part]
            cached = cache.hits(keys, set_key)
            missing = [k for k in keys if k not in cached]
            texts = cache.documents(missing, text=True) if missing else {}
            for pos, d in enumerate(part, lo):
                blob = cached.get(d.key)
                if blob is None or len(blob) % 12:
                    row = texts.get(d.key)
                    if row is not None and row.text is not None:
                        counter = counter or PhraseCounter(phrases)
                        found = counter.count(row.text)
                        flat = [x for p, (n, at) in found.items() for x in (index[p], n, at)]
                        blob = np.asarray(flat, dtype=np.int32).tobytes()
                        cache.put_hits(d.key, set_key, blob)
                blobs[pos] = blob
                done += 1
                if progress is not None:
                    progress("counting", done, len(docs))
        cache.commit()
    lengths = np.fromiter((len(b) // 12 if b else 0 for b in blobs), np.int64, len(blobs))
    rows = np.frombuffer(b"".join(b for b in blobs if b), dtype=np.int32).reshape(-1, 3)
    return _Hits(
        doc=np.repeat(np.arange(len(blobs), dtype=np.int64), lengths),
        ids=rows[:, 0].astype(np.int64),
        counts=rows[:, 1].astype(np.int64),
        offsets=rows[:, 2].astype(np.int64),
    )


def _result(
    agg: _Aggregate,
    cache: AnalysisCache,
    *,
    queries: tuple[str, ...],
    own: tuple[str, ...],
    top: int,
    min_count: int,
    hits: int,
    misses: int,
    progress: ProgressFn | None,
) -> Trend:
    import numpy as np

    skipped = tuple(agg.skipped)
    if not agg.chars:
        if skipped:
            source, reason = skipped[0]
            # loader errors already start with the source's name: don't say it twice
            said = reason if reason.startswith(f"{source}:") else f"{source}: {reason}"
            raise NothingToAnalyseError(
                f"no document could be used ({len(skipped)} skipped; first: {said})"
                + ("; use --by file for undated documents" if agg.by != "file" else "")
            )
        raise NothingToAnalyseError("no document matched (check --kind)")
    keys = sorted(agg.chars)
    seen_labels: Counter[str] = Counter()
    for k in keys:  # two files with the same name or title get distinct labels
        seen_labels[agg.labels[k]] += 1
        if seen_labels[agg.labels[k]] > 1:
            agg.labels[k] = f"{agg.labels[k]} #{seen_labels[agg.labels[k]]}"
    periods = tuple(Period(agg.labels[k], agg.years[k], agg.chars[k], agg.ndocs[k]) for k in keys)
    documents = tuple(
        sorted(
            (d if d.period == agg.labels[k] else _relabel(d, agg.labels[k])
             for k, d in agg.documents),
            key=lambda d: (d.year is None, d.year or 0, d.source),
        )
    )  # fmt: skip
    # documents by period, then in the input order: the first to use a term is its first
    order = {k: i for i, k in enumerate(keys)}
    agg.docs.sort(key=lambda d: (order[d.period], d.index))
    period_of = np.asarray([order[d.period] for d in agg.docs], dtype=np.int64)
    chars = np.asarray([agg.chars[k] for k in keys], dtype=np.float64)
    by_file = agg.by == "file"
    split = None if by_file else _split_index([agg.chars[k] for k in keys])
    common: dict[str, Any] = {
        "by": agg.by,
        "periods": periods,
        "documents": documents,
        "skipped": skipped,
        "cache_hits": hits,
        "cache_misses": misses,
    }
    table = _Table(agg, cache, keys, period_of, chars, split)
    if queries:
        counted = _count_phrases(agg, cache, queries, progress)
        table.add_phrases("query", queries, counted)
        series = tuple(table.series("query", i) for i in range(len(queries)))
        files = _rank_files(table, "query", top=len(queries), min_count=1) if by_file else ()
        return Trend(terms=series, files=files, **common)
    if split is None and not by_file:
        raise NothingToAnalyseError(
            "a trend needs at least two periods: documents of two years"
            " (or two documents with --by file)"
        )
    table.add_terms()
    forms = table.chosen_formulations(min_count=min_count)
    preferred: tuple[str, ...] = ()
    if own:
        own_hits = _count_phrases(agg, cache, own, progress)
        own_total: Counter[str] = Counter()
        for i, n in zip(own_hits.ids.tolist(), own_hits.counts.tolist(), strict=True):
            own_total[own[i]] += n
        preferred = tuple(sorted(own_total, key=lambda t: (-own_total[t], t)))
    followed = tuple(dict.fromkeys((*preferred, *forms)))
    if followed and len(keys) > 1:
        # Formulations are counted in every document, not only where the extractor
        # recognised them, so that "first seen" and the rates are exact.
        table.add_phrases("formulation", followed, _count_phrases(agg, cache, followed, progress))
    if by_file:
        files = _rank_files(table, None, top=min(top, FILE_TERMS), min_count=min_count)
        # the formulations in the order of the file that says each first (files in the
        # order given: a chronology when they are named or listed so)
        forms_seen = table.first_seen_formulations(top=top, preferred=frozenset(preferred))
        return Trend(files=files, formulations=forms_seen, **common)
    assert split is not None
    rising, falling = table.changes(top=top, min_count=min_count)
    return Trend(
        rising=rising,
        falling=falling,
        formulations=table.first_seen_formulations(top=top, preferred=frozenset(preferred)),
        split=periods[split].label,
        **common,
    )


def _relabel(d: TrendDocument, label: str) -> TrendDocument:
    from dataclasses import replace

    return replace(d, period=label)


class _Table:
    """Counts of terms (word ids) and phrases over the placed documents, and the series,
    changes and keyness computed from them (numpy)."""

    def __init__(
        self,
        agg: _Aggregate,
        cache: AnalysisCache,
        keys: list[Any],
        period_of: Any,
        chars: Any,
        split: int | None,
    ) -> None:
        self.agg, self.cache, self.keys = agg, cache, keys
        self.period_of, self.chars, self.split = period_of, chars, split
        self.kinds: dict[str, _Counts] = {}
        self.names: dict[str, list[str] | dict[int, str]] = {}
        self._first_texts: dict[bytes, str] = {}
        self._offsets: dict[str, _Hits] = {}  # where each followed phrase is first said

    def add_terms(self) -> None:
        docs = self.agg.docs
        self.kinds["term"] = _Counts.from_blobs([d.terms for d in docs], self.period_of)
        self.forms = _Counts.from_blobs([d.forms for d in docs], self.period_of)

    def add_phrases(self, kind: str, phrases: tuple[str, ...], hits: _Hits) -> None:
        self.kinds[kind] = _Counts(
            doc=hits.doc, period=self.period_of[hits.doc], ids=hits.ids, counts=hits.counts
        )
        self.names[kind] = list(phrases)
        self._offsets[kind] = hits

    def chosen_formulations(self, *, min_count: int) -> tuple[str, ...]:
        """The formulations worth following: frequent enough, most found first, capped."""
        import numpy as np

        f = self.forms
        if not len(f.ids):
            return ()
        totals = np.bincount(f.ids, weights=f.counts)
        ranked = np.argsort(-totals, kind="stable")
        candidates = [int(i) for i in ranked if totals[i] >= min_count]
        names = self.cache.words(candidates)
        by_total = {names[i]: totals[i] for i in candidates if i in names}
        chosen = sorted((t for t in by_total if _followable(t)), key=lambda t: (-by_total[t], t))
        return tuple(chosen[:MAX_FORMULATIONS])

    def name(self, kind: str, i: int) -> str:
        names = self.names.get(kind)
        if names is None:
            return self.cache.words([i]).get(i, "")
        return names[i] if isinstance(names, list) else names[i]

    def _period_counts(self, kind: str, i: int) -> Any:
        import numpy as np

        c = self.kinds[kind]
        mask = c.ids == i
        return np.bincount(c.period[mask], weights=c.counts[mask], minlength=len(self.keys))

    def series(self, kind: str, i: int, *, term: str | None = None) -> TermTrend:
        """The series of one term (word id, or index of a followed phrase)."""
        import numpy as np

        c = self.kinds[kind]
        mask = c.ids == i
        counts_arr = np.bincount(c.period[mask], weights=c.counts[mask], minlength=len(self.keys))
        counts = tuple(int(x) for x in counts_arr)
        rates = tuple(
            round(n * PER / ch, 4) if ch else 0.0 for n, ch in zip(counts, self.chars, strict=True)
        )
        labels = [self.agg.labels[k] for k in self.keys]
        seen = [j for j, n in enumerate(counts) if n]
        peak_i = max(range(len(counts)), key=lambda j: (rates[j], -j)) if seen else None
        first_doc = int(c.doc[mask].min()) if mask.any() else -1
        text = term if term is not None else self.name(kind, i)
        first_source, first_offset = None, -1
        if first_doc >= 0:
            d = self.agg.docs[first_doc]
            first_source = self.agg.sources[d.index]
            first_offset = self._first_offset(kind, i, first_doc, text)
        early_rate = late_rate = change = 0.0
        if self.split is not None:
            from policy_cli.core.keyness import log_likelihood

            s = self.split
            n_early, n_late = float(self.chars[:s].sum()), float(self.chars[s:].sum())
            c_early, c_late = sum(counts[:s]), sum(counts[s:])
            early_rate = round(c_early * PER / n_early, 4) if n_early else 0.0
            late_rate = round(c_late * PER / n_late, 4) if n_late else 0.0
            if n_early and n_late:
                change = round(log_likelihood(c_early, c_late, int(n_early), int(n_late)), 3)
        return TermTrend(
            term=text,
            kind=kind,
            total=sum(counts),
            counts=counts,
            rates=rates,
            first_seen=labels[seen[0]] if seen else None,
            first_source=first_source,
            first_offset=first_offset,
            last_seen=labels[seen[-1]] if seen else None,
            peak=labels[peak_i] if peak_i is not None else None,
            peak_rate=rates[peak_i] if peak_i is not None else 0.0,
            early_rate=early_rate,
            late_rate=late_rate,
            change=change,
        )

    def _first_offset(self, kind: str, i: int, doc: int, term: str) -> int:
        if kind != "term":
            hits = self._offsets[kind]
            at = hits.offsets[(hits.doc == doc) & (hits.ids == i)]
            return int(at[0]) if len(at) else -1
        key = self.agg.docs[doc].key
        text = self._first_texts.get(key)
        if text is None:
            row = self.cache.documents([key], text=True).get(key)
            text = row.text if row is not None and row.text is not None else ""
            self._first_texts[key] = text
        return _first_token_offset(text, term)

    def changes(
        self, *, top: int, min_count: int
    ) -> tuple[tuple[TermTrend, ...], tuple[TermTrend, ...]]:
        """Rank terms and formulations by the signed G2 of the later half against the earlier."""
        import numpy as np

        from policy_cli.core.keyness import log_likelihood_array

        assert self.split is not None
        s = self.split
        n_early, n_late = float(self.chars[:s].sum()), float(self.chars[s:].sum())
        scored: list[tuple[float, str, str, int]] = []
        followed = set(self.names.get("formulation", []))
        for kind in ("term", "formulation"):
            c = self.kinds.get(kind)
            if c is None or not len(c.ids):
                continue
            late = c.period >= s
            total = np.bincount(c.ids, weights=c.counts)
            late_total = np.bincount(c.ids[late], weights=c.counts[late], minlength=len(total))
            ids = np.nonzero(total >= min_count)[0]
            g2 = log_likelihood_array(total[ids] - late_total[ids], late_total[ids], n_early, n_late)
            names = (
                self.cache.words(ids[g2 != 0]) if kind == "term" else None
            )
            for i, g in zip(ids.tolist(), g2.tolist(), strict=True):
                if g == 0:
                    continue
                name = names[i] if names is not None else self.name(kind, i)
                if kind == "term" and name in followed:
                    continue
                scored.append((g, name, kind, i))
        up = sorted((x for x in scored if x[0] > 0), key=lambda x: (-x[0], x[1]))[:top]
        down = sorted((x for x in scored if x[0] < 0), key=lambda x: (x[0], x[1]))[:top]
        rising = tuple(self.series(kind, i, term=name) for _, name, kind, i in up)
        falling = tuple(self.series(kind, i, term=name) for _, name, kind, i in down)
        return rising, falling

    def first_seen_formulations(
        self, *, top: int, preferred: frozenset[str] = frozenset()
    ) -> tuple[TermTrend, ...]:
        """The `top` most used formulations (the `preferred` ones first: the user's own
        terms), ordered by the period they were first seen in."""
        import numpy as np

        c = self.kinds.get("formulation")
        if c is None or not len(c.ids):
            return ()
        names = self.names["formulation"]
        assert isinstance(names, list)
        totals = np.bincount(c.ids, weights=c.counts, minlength=len(names))
        present = [i for i in range(len(names)) if totals[i] > 0]
        chosen = sorted(present, key=lambda i: (names[i] not in preferred, -totals[i], names[i]))
        series = [self.series("formulation", i) for i in chosen[:top]]
        labels = [self.agg.labels[k] for k in self.keys]
        first = {lab: j for j, lab in enumerate(labels)}
        return tuple(
            sorted(series, key=lambda t: (first[t.first_seen or labels[-1]], -t.total, t.term))
        )


def _rank_files(
    table: _Table, kind: str | None, *, top: int, min_count: int
) -> tuple[FileKeyness, ...]:
    """Each document's terms against the rest of the corpus (signed G2), the documents
    ordered by their most distinctive term."""
    import numpy as np

    from policy_cli.core.keyness import log_likelihood_array

    agg = table.agg
    n_docs = len(agg.docs)
    sizes = np.asarray([d.characters for d in agg.docs], dtype=np.float64)
    corpus = float(sizes.sum())
    picked: dict[int, list[KeyTerm]] = {i: [] for i in range(n_docs)}
    kinds = [kind] if kind else ["term", "formulation"]
    followed = set(table.names.get("formulation", []))
    for k in kinds:
        c = table.kinds.get(k)
        if c is None or not len(c.ids):
            continue
        totals = np.bincount(c.ids, weights=c.counts)
        keep = totals[c.ids] >= min_count
        doc, ids, counts = c.doc[keep], c.ids[keep], c.counts[keep]
        rest = totals[ids] - counts
        g2 = log_likelihood_array(rest, counts, corpus - sizes[doc], sizes[doc])
        if kind is None:  # key terms: only what the file uses more than the rest
            good = g2 > 0
            doc, ids, counts, rest, g2 = doc[good], ids[good], counts[good], rest[good], g2[good]
        order = np.lexsort((ids, -g2, doc))
        doc, ids, counts, rest, g2 = doc[order], ids[order], counts[order], rest[order], g2[order]
        starts = np.searchsorted(doc, np.arange(n_docs))
        rank = np.arange(len(doc)) - starts[doc]
        room = rank < top * 2  # twice as many: terms that are followed formulations go
        doc, ids, counts, rest, g2 = doc[room], ids[room], counts[room], rest[room], g2[room]
        names = table.cache.words(ids) if k == "term" else None
        for d, i, n, r, g in zip(doc.tolist(), ids.tolist(), counts.tolist(), rest.tolist(),
                                 g2.tolist(), strict=True):  # fmt: skip
            name = names[i] if names is not None else table.name(k, i)
            if k == "term" and name in followed:
                continue
            rest_size = corpus - sizes[d]
            picked[d].append(
                KeyTerm(
                    term=name,
                    kind=k,
                    count=int(n),
                    rate=round(n * PER / sizes[d], 4) if sizes[d] else 0.0,
                    rest_rate=round(r * PER / rest_size, 4) if rest_size else 0.0,
                    g2=round(g, 3),
                )
            )
    files = []
    for d, found in picked.items():
        chosen = sorted(found, key=lambda t: (-t.g2, t.term))[:top]
        doc_ = agg.docs[d]
        files.append(
            FileKeyness(
                period=agg.labels[doc_.period],
                source=agg.sources[doc_.index],
                characters=doc_.characters,
                score=chosen[0].g2 if chosen else 0.0,
                terms=tuple(chosen),
            )
        )
    return tuple(sorted(files, key=lambda f: (-f.score, f.period)))


def _split_index(chars: Sequence[int]) -> int | None:
    """Index of the first period of the later half (halves of about equal text)."""
    if len(chars) < 2:
        return None
    total = sum(chars)
    best, best_gap, cum = 1, math.inf, 0
    for i in range(1, len(chars)):
        cum += chars[i - 1]
        gap = abs(cum - total / 2)
        if gap < best_gap:
            best, best_gap = i, gap
    return best
