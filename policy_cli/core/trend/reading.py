"""Reading a corpus for a trend: each document once, through the analysis cache.

A document not in the cache is read in a worker process (`analyse_document`: load,
normalise, count its terms, find its formulations) and stored; a JSON-lines file the cache
has seen unchanged is not decompressed again (`_stream`).
"""

from __future__ import annotations

import itertools
import operator
import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from policy_cli.core import corpus
from policy_cli.core.cache import (
    COMMIT_SECONDS,
    RECORD,
    AnalysisCache,
    CachedDocument,
    content_key,
    pack_counts,
)
from policy_cli.core.corpus import CorpusItem, is_jsonl, iter_items, year_from_text

IN_FLIGHT = 4  # tasks in flight per worker process
# documents sent to a worker together: fewer messages, and a task is read a stage at a time
# (`_analyse_many`), so that the more documents a stage reads in a row, the longer its data
# stays in the processor's caches (news items in a worker: 32 -> 128 -> 256 a task, ~970 ->
# ~790 -> ~750 us a document; 512 no better)
TASK_DOCUMENTS = 256
TASK_CHARACTERS = 200_000  # ... up to this much text
# the UTF-8 bytes of a Chinese character: what a document read as bytes holds in characters
_BYTES_A_CHARACTER = 3
LOOKUP_BATCH = 256  # documents looked up in the cache at once
# Which documents propose the formulations a trend follows (`Proposal`). A trend follows the
# `MAX_FORMULATIONS` formulations found most often and then counts each in every document, so
# the extractor serves only to choose them. On a large corpus it reads the first
# `PROPOSE_ALL_FIRST` documents of the trend and, after those, one in `PROPOSE_ONE_IN` (the
# documents whose content key falls in that share: the same ones whatever comes before or
# after them); each of those stands for `PROPOSE_ONE_IN` documents in the totals the choice is
# made on. The news corpus (56,068 items): the extractor was 40 % of a cold trend's CPU; with
# one in three, the 20 formulations shown are the same and 189 of the 200 followed (the others
# at the edge of the 200: 扫黑除恶, 百年未有之大变局, 保供稳价… out; 科技自立自强, 伟大建党精神,
# 人民至上… in).
PROPOSE_ALL_FIRST = 2_000
PROPOSE_ONE_IN = 3

ProgressFn = Callable[[str, int, int | None], None]  # (stage, done, total)

# a year and month a dateline states, before a space, a bracket's close or the line's end
# (（2023年3月）, 2019年3月 北京), not a month the opening recalls (本届政府1998年3月就职)
_HEAD_MONTH = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?=\s|$|[）)])", re.M)
_HEAD_DAY = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日")


def month_from_text(text: str) -> str | None:
    """The month (YYYY-MM) a report's head dates it to (2018年1月2日 -> 2018-01), if any: the
    first whole date or dateline it states (a month its opening recalls, 本届政府1998年3月就职,
    is no date of its own)."""
    head = "\n".join(text.split("\n", 7)[:6])[:600]
    found = [m for p in (_HEAD_DAY, _HEAD_MONTH) for m in p.finditer(head)]
    for m in sorted(found, key=lambda m: m.start()):  # (the first date its head states)
        if 1 <= int(m.group(2)) <= 12:
            return f"{m.group(1)}-{int(m.group(2)):02d}"
    return None


# whether a word is a candidate term, for the words a worker has seen (a dict looked up in
# one loop: 33 -> 12 us a news item where an lru_cache was called for each of ~150 words)
_CANDIDATES: dict[str, bool] = {}
_CANDIDATES_MAX = 500_000  # words remembered before the dict starts again


def _candidate_counts(counts: Counter[str]) -> dict[str, int]:
    """The counts of the words that are candidate terms, in the order of `counts`."""
    from policy_cli.core.segment import is_candidate_term

    known = _CANDIDATES
    if len(known) > _CANDIDATES_MAX:
        known.clear()
    out: dict[str, int] = {}
    for term, n in counts.items():
        ok = known.get(term)
        if ok is None:
            ok = known[term] = is_candidate_term(term)
        if ok:
            out[term] = n
    return out


# The formulation stages a trend runs on each document: the ones that find what a corpus names
# (quoted spans, titles, numbered and counted sets, codes, campaigns, fairs, proper names and
# doctrine heads, the bundled and the user's lexicons). The stages that read a motto or a name
# from the shape of one document (parallel clauses, words opening alike, a phrase said three
# times, a zone or programme said twice, a document's own compound) are left out: at corpus scale
# their finds are mostly that document's phrases (a sample of 9,345 news items: of the 200
# formulations followed, 192 the same; 8 lost, all found by `repeated`: 中共中央政治局委员,
# 十三届全国人大常委会, 东非野生动物大迁徙…; 8 gained: 扫黑除恶, 精准脱贫, 污染防治攻坚战…), and they
# cost 45 % of the extractor on a news item. A run is followed bare (`qualified` left out: the
# corpus says 规范、透明、开放、有活力、有韧性 before 的资本市场 in one document and another noun
# or none in the next).
TREND_SKIPPED_STAGES = frozenset(
    {"motto", "ideal", "frame", "anaphora", "repeated", "coined", "programme", "zone",
     "qualified"}
)


@lru_cache(maxsize=1)
def _formulation_options() -> Any:
    from policy_cli.core.formulations import FormulationOptions

    # a trend keeps each formulation's text and count: no context sentences looked up
    return FormulationOptions(max_contexts=0, disabled_stages=TREND_SKIPPED_STAGES)


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


@dataclass(frozen=True)
class Proposal:
    """Which documents of a trend propose the formulations it follows: every one of the
    first `all_first`, then one in `one_in` by content key (1: every document)."""

    all_first: int = PROPOSE_ALL_FIRST
    one_in: int = PROPOSE_ONE_IN

    def weight(self, position: int, key: bytes) -> int:
        """How many documents the formulations of the document at `position` among the
        trend's documents, of content key `key`, stand for: 1 among the first `all_first`,
        `one_in` for a sampled one after them, 0 for one that does not propose."""
        if position < self.all_first or self.one_in <= 1:
            return 1
        return self.one_in if int.from_bytes(key[:4], "big") % self.one_in == 0 else 0


def analyse_document(
    source: str,
    payload: bytes | str,
    want_terms: bool,
    normalised: bool = False,
    want_forms: bool | None = None,
) -> dict[str, Any]:
    """Read one document and, if asked, count its terms and find its formulations (this
    runs in a worker process).

    Args:
        source: its name, for messages.
        payload: a file's bytes or a text; with `normalised`, a cached normalised text,
            split without cleaning it again.
        want_terms: segment and count the terms, find the formulations.
        want_forms: with `want_terms`, find the formulations too (default: yes).

    Returns:
        {"text", "characters", "year", "month"} (the year and month its head states), plus
        {"terms": {term: count}, "forms": {formulation: count}} when asked; or
        {"error": message} for a document that cannot be read.
    """
    forms = want_terms if want_forms is None else want_forms
    return _with_candidates(_analyse_many([(source, payload, want_terms, normalised, forms)]))[0]


def _with_candidates(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entries of `_analyse_many` with the counts of the candidate terms alone."""
    for entry in entries:
        pieces = entry.get("terms")
        if pieces is not None:
            entry["terms"] = _candidate_counts(pieces)
    return entries


Args = tuple[str, bytes | str, bool, bool, bool]  # source, payload, terms, normalised, forms


def _analyse_many(args: list[Args]) -> list[dict[str, Any]]:
    """`analyse_document` for a few documents, stage by stage: every document loaded, then
    every one cut, then the formulations of each found (each stage's words, dictionary and
    patterns stay in the processor's caches from one document to the next: ~9 % less time
    than one document through every stage after the other); "terms" are the counts of every
    piece of the cut, candidate terms or not (`analyse_numbered` tells them apart as it
    numbers them, `_with_candidates` for the others)."""
    from policy_cli.errors import PolicyCliError

    results: list[dict[str, Any]] = []
    documents: list[Any] = []  # the documents to cut (None: not asked for, or no document)
    for source, payload, want_terms, normalised, _ in args:
        try:
            document = _document(source, payload, normalised)
        except PolicyCliError as exc:
            results.append({"error": str(exc)})
            documents.append(None)
            continue
        text = document.text
        results.append({
            "text": text,
            "characters": _characters(text),
            "year": year_from_text(text),
            "month": month_from_text(text),
        })  # fmt: skip
        documents.append(document if want_terms else None)
    if not any(d is not None for d in documents):
        return results
    from policy_cli.core.formulations import extract_formulations
    from policy_cli.core.tokens import segment_document

    # One segmentation (each sentence cut once) for the terms and the formulations;
    # counting its pieces directly spares a Token object per word (a third of the time).
    cuts = [segment_document(d, tags=False) if d is not None else None for d in documents]
    for result, seg in zip(results, cuts, strict=True):
        if seg is not None:
            # (the whitespace between sentences is no candidate: the caller drops it)
            result["terms"] = Counter(seg.pieces)
    options = _formulation_options()
    for result, document, seg, arg in zip(results, documents, cuts, args, strict=True):
        if document is not None and arg[4]:
            found = extract_formulations(document, options=options, segmentation=seg)
            result["forms"] = {f.text: f.count for f in found if f.text}
    return results


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


@dataclass
class _Doc:
    """A placed document: its period, size, cache key and packed counts."""

    index: int
    period: Any
    characters: int
    key: bytes
    terms: bytes | None = None
    forms: bytes | None = None
    weight: int = 0  # how many documents its formulations stand for (0: none read)


class _Reader:
    """Read the documents through the cache, computing the missing ones in a process pool."""

    def __init__(
        self,
        cache: AnalysisCache,
        workers: int,
        progress: ProgressFn | None,
        proposal: Proposal | None = None,
    ) -> None:
        self.cache = cache
        self.proposal = proposal or Proposal()
        from policy_cli.core.workers import pool_size

        self.workers = pool_size(workers)  # (-j 100000: no more than the cores can use)
        self.progress = progress
        self.executor: Any = None
        self.hits = 0
        self.misses = 0
        self.words = _WorkerWords(cache)

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
        entry is {"characters", "year", "month"} (+ "terms"/"forms" blobs when wanted, and
        "weight": how many documents its formulations stand for, 0 when it has none read:
        `Proposal`) or {"error"}. Documents to compute go to the workers in tasks of a few (small documents
        cost less to send together); at most IN_FLIGHT tasks' worth of documents and of text
        per worker are in flight, so memory does not grow with the corpus.
        """
        from collections import deque

        parallel = self.workers > 1 and (total is None or total > 1)
        limit = self.workers * IN_FLIGHT * TASK_DOCUMENTS if parallel else 0
        # ... and as much text as that many full tasks hold: a corpus of large documents (one a
        # task) would otherwise hold TASK_DOCUMENTS times more text in flight
        text_limit = self.workers * IN_FLIGHT * TASK_CHARACTERS if parallel else 0
        held = 0  # the characters of the documents in the queue (of bytes: about a third)
        queue: deque[tuple[CorpusItem, bytes, Any, int, int, int]] = deque()
        task = _Task()
        run = f"{os.getpid()}-{id(self)}-{time.monotonic_ns()}"
        done = 0

        def submit() -> None:
            nonlocal task
            if task.args:
                task.start(self._pool() if parallel else None, run)
                task = _Task()

        def drain(limit: int, text_limit: int) -> None:
            nonlocal done, held
            while len(queue) > limit or (queue and held > text_limit):
                item, key, pending, pos, size, weight = queue.popleft()
                held -= size
                if pending is task:
                    submit()
                entry = (
                    pending.result(pos, self.words, self.cache)
                    if isinstance(pending, _Task) else pending
                )  # fmt: skip
                placed = self._store(key, entry, want_terms)
                if weight and "error" not in placed:
                    placed["weight"] = weight
                done_fn(item, key, placed)
                done += 1
                if self.progress is not None:
                    self.progress("reading", done, total)

        for position, (item, key, row) in enumerate(stream):
            # (only the documents that propose formulations have theirs read and used)
            weight = self.proposal.weight(position, key) if want_terms else 0
            want_forms = weight > 0
            if item.error is not None:
                queue.append((item, key, {"error": item.error}, 0, 0, 0))
            elif row is not None and _has(row, want_terms, want_forms):
                self.hits += 1  # (forms it holds but does not propose weigh nothing)
                queue.append((item, key, {"cached": row}, 0, 0, weight))
            else:
                self.misses += 1
                payload: bytes | str = item.payload
                normalised = False
                if row is not None:  # the text is cached (a run with terms): segment it
                    text_row = self.cache.documents([key], text=True).get(key)
                    if text_row is not None and text_row.text is not None:
                        payload, normalised = text_row.text, True
                at = task.add(item.source, payload, want_terms, normalised, want_forms)
                size = len(payload) // _BYTES_A_CHARACTER if isinstance(payload, bytes) else len(
                    payload
                )
                queue.append((item, key, task, at, size, weight))
                held += size
                if task.full():
                    submit()
            drain(limit, text_limit)
        submit()
        drain(0, 0)
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
            terms, forms = entry["terms"], entry.get("forms")  # (no forms: not proposing)
            if isinstance(terms, dict):  # read here, not in a worker: words, not numbers
                terms = pack_counts(cache.word_ids(terms), list(terms.values()))
            if isinstance(forms, dict):
                forms = pack_counts(cache.word_ids(forms), list(forms.values()))
            out["terms"], out["forms"] = terms, forms
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


def _has(row: CachedDocument, want_terms: bool, want_forms: bool) -> bool:
    """Whether a cached document holds what a reading wants of it: its term counts (with
    `want_terms`) and the formulations found in it (with `want_forms`)."""
    if want_terms and row.terms is None:
        return False
    return not want_forms or row.forms is not None


class _Task:
    """A few documents to read in one call (in a worker process, or here)."""

    def __init__(self) -> None:
        self.args: list[Args] = []
        self.size = 0
        self.future: Any = None
        self.results: list[dict[str, Any]] | None = None

    def add(
        self, source: str, payload: bytes | str, want_terms: bool, normalised: bool, forms: bool
    ) -> int:
        self.args.append((source, payload, want_terms, normalised, forms))
        self.size += len(payload)
        return len(self.args) - 1

    def full(self) -> bool:
        return len(self.args) >= TASK_DOCUMENTS or self.size >= TASK_CHARACTERS

    def start(self, pool: Any, run: str) -> None:
        if pool is None:
            self.results = analyse_documents(self.args)
        else:
            self.future = pool.submit(analyse_numbered, self.args, run)

    def result(self, pos: int, words: _WorkerWords, cache: AnalysisCache) -> dict[str, Any]:
        if self.results is None:
            try:
                done = self.future.result(timeout=COMMIT_SECONDS)
            except TimeoutError:
                # a long wait (a long document): the cache's write lock is not held meanwhile
                cache.commit()
                done = self.future.result()
            self.results = words.place(done)
        return self.results[pos]


def analyse_documents(args: list[Args]) -> list[dict[str, Any]]:
    """`analyse_document` for a few documents (one task, read here)."""
    return _with_candidates(_analyse_many(args))


# Words numbered by a worker process. Numbering a document's words (the cache's word ids)
# and packing its counts cost the parent ~0.1 ms a news item, a fifth of its share of a
# cold trend of the news corpus, and the strings it unpickled had to be hashed again. So
# each worker numbers the words it sends itself (0, 1, 2... in the order it first sends
# them), sends each word once (with the first task that holds it) and each document's
# counts as two arrays; the parent learns each worker's new words in the order the worker
# sent them (tasks are taken and their results read in the order they were submitted) and
# turns a whole task's numbers into cache ids in a few numpy steps (`_WorkerWords`).
_NUMBERING: dict[str, Any] = {"run": None, "ids": {}, "terms": {}}
# A piece of the cut that is no candidate term, in a worker's table of the pieces it has seen
# (`_NUMBERING["terms"]`): its counts are sent with this number and dropped by the parent,
# so that a document's pieces are looked up, told apart and numbered in one C loop
# (`map(dict.get)`), not filtered word by word first (~0.1 ms a news item of ~150 pieces).
NOT_A_TERM = 0xFFFFFFFF
_TERMS_TABLE_MAX = 1_000_000  # pieces remembered before the non-terms among them are forgotten
_NONE = itertools.repeat(None)


def analyse_numbered(
    args: list[Args], run: str
) -> tuple[int, int, list[str], list[dict[str, Any]]]:
    """`analyse_document` for a few documents in a worker process, their words numbered.

    Args:
        args: the documents, as `analyse_document` takes them.
        run: the reading this task belongs to (a worker forked from a process that read
            before starts its numbering afresh).

    Returns:
        (this process's id, how many words it had sent before this task, the words it sends
        first with this task, the entries): an entry's "terms" and "forms" are each a pair
        of arrays of 32-bit numbers (bytes): the words' numbers and their counts; a number
        `NOT_A_TERM` among the terms' is a piece that is no candidate term (`_WorkerWords`
        drops it).
    """
    from array import array

    from policy_cli.core.pipeline import collector_paused
    from policy_cli.core.segment import is_candidate_term

    if _NUMBERING["run"] != run:
        _NUMBERING["run"], _NUMBERING["ids"], _NUMBERING["terms"] = run, {}, {}
    known: dict[str, int] = _NUMBERING["ids"]
    pieces: dict[str, int] = _NUMBERING["terms"]  # a piece -> its number, or NOT_A_TERM
    before = len(known)
    with collector_paused():  # a task's objects hold no cycles: ~8 collections a task spared
        entries = _analyse_many(args)
    for entry in entries:
        counts = entry.get("terms")
        if counts is not None:
            found = list(map(pieces.get, counts))
            if None in found:
                if len(pieces) > _TERMS_TABLE_MAX:
                    pieces = {w: n for w, n in pieces.items() if n != NOT_A_TERM}
                    _NUMBERING["terms"] = pieces
                    found = list(map(pieces.get, counts))  # (the forgotten ones are new again)
                # the new pieces, in the order of the document (picked in C loops)
                for w in itertools.compress(counts, map(operator.is_, found, _NONE)):
                    ok = is_candidate_term(w)
                    pieces[w] = known.setdefault(w, len(known)) if ok else NOT_A_TERM
                found = list(map(pieces.get, counts))
            entry["terms"] = (
                array("I", found).tobytes(),  # type: ignore[type-var]  # (no None left)
                array("I", counts.values()).tobytes(),
            )
        counts = entry.get("forms")
        if counts is not None:
            found = list(map(known.get, counts))
            if None in found:
                found = [known.setdefault(w, len(known)) for w in counts]
            entry["forms"] = (
                array("I", found).tobytes(),  # type: ignore[type-var]  # (no None left)
                array("I", counts.values()).tobytes(),
            )
    new = list(itertools.islice(known, before, None)) if len(known) > before else []
    return os.getpid(), before, new, entries


class _WorkerWords:
    """The cache's word ids of the numbers each worker process gave its words."""

    def __init__(self, cache: AnalysisCache) -> None:
        import numpy as np

        self.cache = cache
        self.maps: dict[int, Any] = {}  # worker pid -> cache id by the worker's number
        self.sizes: dict[int, int] = {}
        self._empty = np.zeros(0, dtype=np.int64)

    def _learn(self, pid: int, before: int, new: list[str]) -> Any:
        import numpy as np

        size = self.sizes.get(pid, 0)
        if size != before:  # cannot happen: results are read in the order tasks were taken
            raise RuntimeError(f"worker {pid} numbered {before} words, {size} known here")
        table = self.maps.get(pid, self._empty)
        if new:
            ids = np.asarray(self.cache.word_ids(new), dtype=np.int64)
            if len(ids) != len(new):  # the cache is off: no ids, the counts are not kept
                ids = np.zeros(len(new), dtype=np.int64)
            if size + len(new) > len(table):  # grow by doubling: a copy now and then
                bigger = np.zeros(max(2 * len(table), size + len(new), 1024), dtype=np.int64)
                bigger[:size] = table[:size]
                table = bigger
            table[size : size + len(new)] = ids
            self.maps[pid] = table
            self.sizes[pid] = size + len(new)
        return table

    def place(
        self, result: tuple[int, int, list[str], list[dict[str, Any]]]
    ) -> list[dict[str, Any]]:
        """Turn a worker's task result into entries with packed counts (`pack_counts`)."""
        import numpy as np

        pid, before, new, entries = result
        table = self._learn(pid, before, new)
        fields = [(e, f) for e in entries if "error" not in e for f in ("terms", "forms") if f in e]
        if not fields:
            return entries
        ids = [np.frombuffer(e[f][0], dtype=np.uint32) for e, f in fields]
        counts = [np.frombuffer(e[f][1], dtype=np.uint32) for e, f in fields]
        lengths = np.asarray([len(i) for i in ids], dtype=np.int64)
        all_ids = np.concatenate(ids)
        all_counts = np.concatenate(counts).astype(np.int64)
        which = np.repeat(np.arange(len(fields), dtype=np.int64), lengths)
        term = all_ids != NOT_A_TERM  # the pieces that are no candidate terms: dropped
        if not term.all():
            all_ids, all_counts, which = all_ids[term], all_counts[term], which[term]
            lengths = np.bincount(which, minlength=len(fields))
        if len(all_counts) and int(all_counts.max()) > 0xFFFF:  # split records: one by one
            bounds = np.cumsum(lengths).tolist()
            start = 0
            for (e, f), end in zip(fields, bounds, strict=True):
                part = all_ids[start:end].astype(np.int64)
                e[f] = pack_counts(table[part], all_counts[start:end])
                start = end
            return entries
        word = table[all_ids.astype(np.int64)]
        order = np.lexsort((word, which))  # each field's records by id, as `pack_counts`
        records = np.empty(len(word), dtype=RECORD)
        records["id"] = word[order]
        records["n"] = all_counts[order]
        blob = records.tobytes()
        ends = np.cumsum(lengths * records.itemsize).tolist()
        start = 0
        for (e, f), end in zip(fields, ends, strict=True):
            e[f] = blob[start:end]
            start = end
        return entries


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
        # a record that cannot be read (a line cut by an interrupted download) is skipped with
        # its reason, as an unreadable file is; the file is then not remembered whole
        for chunk in _chunks(iter_items([f], start=index, errors=corpus.ITEM), LOOKUP_BATCH):
            if any(it.error is not None for it in chunk):
                jsonl, before = False, None
            keys = [content_key(it.payload) for it in chunk]
            # (a record that cannot be read is said to be skipped, whatever its kind)
            wanted = [it.error is not None or not kinds or it.kind in kinds for it in chunk]
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
        if before is not None and _unchanged(before, _stat(f)):
            cache.put_file_items(f, before, entries)


def _unchanged(before: Any, after: Any) -> bool:
    """Tell whether a file is the same after reading it: size, modification time and inode,
    what the cache keys it by (not the whole stat: reading the file may change its access time,
    and then it was never remembered; a flaky test saw it)."""
    def key(st: Any) -> tuple[int, int, int]:
        return (st.st_size, st.st_mtime_ns, st.st_ino)

    return after is not None and key(before) == key(after)


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
    if not entries or not all(_entry_shape(e) for e in entries):
        return None  # none, or written by another version: the file is read again
    items = [
        CorpusItem(
            index=start + i, source=source, payload="", title=title, kind=kind, date=date,
            meta_year=meta_year, meta_month=meta_month,
        )  # fmt: skip
        for i, (source, _, title, kind, date, meta_year, meta_month) in enumerate(entries)
    ]
    keys = [bytes.fromhex(e[1]) for e in entries]
    wanted = [not kinds or item.kind in kinds for item in items]
    rows = cache.documents([k for k, w in zip(keys, wanted, strict=True) if w], text=False)
    out: list[tuple[CorpusItem, bytes, CachedDocument | None]] = []
    for item, key, want in zip(items, keys, wanted, strict=True):
        row = rows.get(key) if want else None
        if want and (row is None or (want_terms and row.terms is None)):
            return None
        out.append((item, key, row))
    return out


_HEX_KEY = re.compile(r"(?:[0-9a-f]{2})+")


def _entry_shape(entry: Any) -> bool:
    """Whether a remembered entry has the shape `_stream` writes: [source, key as hex, title,
    kind, date, year, month]."""
    return (
        isinstance(entry, list) and len(entry) == 7 and isinstance(entry[0], str)
        and isinstance(entry[1], str) and _HEX_KEY.fullmatch(entry[1]) is not None
    )  # fmt: skip


def _chunks(items: Iterator[CorpusItem], size: int) -> Iterator[list[CorpusItem]]:
    chunk: list[CorpusItem] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
