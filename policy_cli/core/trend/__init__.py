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

The package: `models` (the result), `reading` (each document once, through the cache, in
worker processes), `table` (the counts by period and the statistics computed from them).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policy_cli.core.cache import AnalysisCache, cache_dir
from policy_cli.core.corpus import (
    count_documents,
    expand_paths,
    is_jsonl,
    year_from_text,
)
from policy_cli.core.phrases import without_quotes
from policy_cli.core.trend.models import (
    FileKeyness,
    KeyTerm,
    Period,
    TermTrend,
    Trend,
    TrendDocument,
)
from policy_cli.core.trend.reading import ProgressFn, Proposal, _Reader, _stream
from policy_cli.core.trend.table import (
    FILE_TERMS,
    PER,
    _Aggregate,
    _count_phrases,
    _rank_files,
    _relabel,
    _split_index,
    _Table,
)
from policy_cli.errors import InputError, NothingToAnalyseError, UsageError

if TYPE_CHECKING:
    from policy_cli.core.formulations.lexicon import Lexicon

__all__ = [
    "BY", "PER", "FileKeyness", "KeyTerm", "Period", "Trend", "TermTrend", "TrendDocument",
    "cache_dir", "expand_paths", "trend_documents", "year_from_text",
]  # fmt: skip

BY = ("year", "month", "file")


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
    sample: bool = True,
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
        sample: on a corpus of more than `PROPOSE_ALL_FIRST` documents, choose the
            formulations followed from the first ones and one in `PROPOSE_ONE_IN` of the
            rest (`reading.Proposal`); False: from every document (slower). Either way each
            one followed is counted in every document.

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
    # a term is counted without its quote marks (core.counting): “双减” and 双减 are one term,
    # and “” none
    queries = _one_each(terms)
    if terms and not queries:
        raise UsageError("--terms names no term")
    own = tuple(e.text for e in lexicon.entries) if lexicon is not None else ()
    if queries:
        queries = _one_each((*queries, *own))
    files = expand_paths(paths)
    # counting the records costs a read of each JSON-lines file: only for a progress bar
    total: int | None = len(files)
    if any(is_jsonl(f) for f in files):
        total = count_documents(files) if progress else None
    kind_set = frozenset(kinds)
    want_terms = not queries
    if workers is None:
        from policy_cli.core.workers import usable_cores

        workers = usable_cores()

    def run(cache: AnalysisCache) -> Trend:
        def lost() -> bool:  # the cache turned itself off: the run is made again in memory
            return bool(cache.error) and not cache.memory

        agg = _Aggregate(by)
        reader = _Reader(cache, workers, progress, Proposal() if sample else Proposal(one_in=1))
        stream = _stream(files, cache, kinds=kind_set, want_terms=want_terms)
        finished = False
        try:
            reader.read(stream, total=total, want_terms=want_terms, done_fn=agg.place)
            finished = True
        finally:
            reader.close(wait=finished)
        if lost():
            raise _CacheLost  # (what it lost is read again)
        try:
            result = _result(
                agg, cache, queries=queries, own=own, top=top, min_count=min_count,
                hits=reader.hits, misses=reader.misses, progress=progress, workers=workers,
            )  # fmt: skip
        except Exception:
            if lost():  # the words and counts it held are gone
                raise _CacheLost from None
            raise
        if lost():  # lost while the table was made: what it read may be missing
            raise _CacheLost
        return result

    # the run needs a cache even without the user's: the texts are read twice
    warnings: list[str] = []
    root = cache_root
    if use_cache and root is None:
        try:
            root = cache_dir()
        except RuntimeError as exc:  # no home directory (and none given): no cache, said so
            warnings.append(f"no cache: {exc}")
    cache = AnalysisCache(root) if use_cache and root is not None else AnalysisCache(None)
    if not cache.on:
        if cache.error:
            warnings.append(cache.error)
        cache = AnalysisCache(None, memory=True)
    lost = False
    try:
        result = run(cache)
    except _CacheLost:
        lost = True  # (cache.error says why)
    finally:
        cache.close()
    if cache.error and not cache.memory:
        warnings.append(cache.error)  # (failing only as it closed, it cost nothing of the run)
    if lost:
        # the cache failed in the middle of the run (a full disk): what it lost is read again
        memory = AnalysisCache(None, memory=True)
        try:
            result = run(memory)
        finally:
            memory.close()
    if warnings:
        from dataclasses import replace

        result = replace(result, warnings=tuple(warnings) + result.warnings)
    return result


def _one_each(terms: Sequence[str]) -> tuple[str, ...]:
    """The terms, each once as first given: a term is counted without its quote marks
    (core.counting), so “双减” and 双减 are one, and “” is none."""
    asked: dict[str, str] = {}  # each term without its quote marks -> as first given
    for t in terms:
        asked.setdefault(without_quotes(t.strip())[0], t.strip())
    return tuple(t for key, t in asked.items() if key)


class _CacheLost(Exception):
    """The cache turned itself off in the middle of a run (a full disk, another process
    holding its lock past the busy timeout): the run is made again in memory."""


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
    workers: int = 1,
) -> Trend:
    import numpy as np

    skipped = tuple(agg.skipped)
    if not agg.chars:
        if skipped:
            source, reason = skipped[0]
            # loader errors already start with the source's name: don't say it twice
            said = reason if reason.startswith(f"{source}:") else f"{source}: {reason}"
            if agg.unreadable == len(skipped):  # nothing could be read: an input error
                raise InputError(said if len(skipped) == 1 else (
                    f"no document could be read ({len(skipped)} skipped; first: {said})"
                ))
            raise NothingToAnalyseError(
                f"no document could be used ({len(skipped)} skipped; first: {said})"
                + ("; use --by file for undated documents" if agg.by != "file" else "")
            )
        raise NothingToAnalyseError("no document to analyse (an empty corpus, or none of the --kind asked)")
    keys = sorted(agg.chars)
    if agg.by == "file":
        _labels_by_path(agg, keys)
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
        counted = _count_phrases(agg, cache, queries, progress, workers)
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
        own_hits = _count_phrases(agg, cache, own, progress, workers)
        own_total: Counter[str] = Counter()
        for i, n in zip(own_hits.ids.tolist(), own_hits.counts.tolist(), strict=True):
            own_total[own[i]] += n
        preferred = tuple(sorted(own_total, key=lambda t: (-own_total[t], t)))
    followed = tuple(dict.fromkeys((*preferred, *forms)))
    if followed and len(keys) > 1:
        # Formulations are counted in every document, not only where the extractor
        # recognised them, so that "first seen" and the rates are exact.
        counted = _count_phrases(agg, cache, followed, progress, workers)
        table.add_phrases("formulation", followed, counted)
    if by_file:
        files = _rank_files(table, None, top=min(top, FILE_TERMS), min_count=min_count)
        # the formulations in the order of the file that says each first (files in the
        # order given: a chronology when they are named or listed so)
        forms_seen = table.first_seen_formulations(
            top=top, preferred=frozenset(preferred), min_count=min_count
        )
        return Trend(files=files, formulations=forms_seen, **common)
    assert split is not None
    rising, falling = table.changes(top=top, min_count=min_count)
    return Trend(
        rising=rising,
        falling=falling,
        formulations=table.first_seen_formulations(
            top=top, preferred=frozenset(preferred), min_count=min_count
        ),
        split=periods[split].label,
        **common,
    )


def _labels_by_path(agg: Any, keys: list[Any]) -> None:
    """Files of one name in other folders (a/report.txt, b/report.txt) are labelled by as much
    of their paths as tells them apart (with by="file": the key is the document's index), not
    numbered (report.txt #2)."""
    groups: dict[str, list[Any]] = {}
    for k in keys:
        source = agg.sources.get(k, "")
        if agg.labels[k] == Path(source).name:  # (a label of a title stays: numbered below)
            groups.setdefault(agg.labels[k], []).append(k)
    for group in groups.values():
        if len(group) < 2:
            continue
        parts = {k: Path(agg.sources[k]).parts for k in group}
        for depth in range(2, max(len(p) for p in parts.values()) + 1):
            labels = {k: Path(*parts[k][-depth:]).as_posix() for k in group}
            if len(set(labels.values())) == len(group):
                agg.labels.update(labels)
                break
