"""High-level library API: one call per analysis, all sharing the same load/segment path.

This is the one way into the analysis core for the command line (and for library users): load
a document, analyse it, get typed results (`policy_cli.models`). The core's modules are
imported inside the functions, so that importing this module costs nothing.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from policy_cli.models import (
    Document,
    Formulation,
    Keyword,
    ReportDiff,
    Spread,
    Summary,
    Target,
    Trend,
)

if TYPE_CHECKING:
    from policy_cli.core.formulations.options import FormulationOptions
    from policy_cli.core.pipeline import Prepared

PathLike = str | os.PathLike[str]

def load_document(
    path: str, *, encoding: str | None = None, keep_noise: bool = False
) -> Document:
    """Load and normalise a document from a path (.txt in any encoding, HTML, .docx, .pdf).

    Raises:
        InputError: missing, unreadable, undecodable, too large, or no text (exit code 3).
    """
    from policy_cli.core.loaders import load_document as load

    return load(path, encoding=encoding, keep_noise=keep_noise)


def read_stream(
    stream: BinaryIO, *, source: str = "-", encoding: str | None = None, keep_noise: bool = False
) -> Document:
    """Load and normalise a document from a binary stream (standard input).

    One byte over the size limit is enough to refuse it: a runaway pipe is not held in memory.

    Raises:
        InputError: too large, undecodable or no text.
    """
    from policy_cli.core import loaders

    data = stream.read(loaders.MAX_BYTES + 1)
    return loaders.load_bytes(data, source=source, encoding=encoding, keep_noise=keep_noise)


def check_encoding(encoding: str | None) -> None:
    """Refuse a name that is not a text encoding (before any input is read).

    Raises:
        UsageError: not a text encoding Python knows.
    """
    if encoding is not None:
        from policy_cli.core.decoding import text_codec

        text_codec(encoding)


def lexicon_options(path: str | None) -> FormulationOptions | None:
    """The formulation extractor's options with a user's lexicon file (None without one).

    Raises:
        InputError: the file cannot be read.
    """
    if path is None:
        return None
    from policy_cli.core.formulations import FormulationOptions, read_user_lexicon

    return FormulationOptions(lexicon=read_user_lexicon(path))


def keywords_of(
    document: Document | Prepared, *, method: str = "tfidf", top: int = 20
) -> list[Keyword]:
    """Rank the key terms of a document (segmenting it if it is not prepared yet)."""
    from policy_cli.core.keywords import extract_keywords
    from policy_cli.core.pipeline import Prepared, collector_paused, prepare

    with collector_paused():
        prepared = document if isinstance(document, Prepared) else prepare(document)
        return extract_keywords(
            prepared.tokens, method=method, top=top, document=prepared.document
        )


def formulations_of(
    document: Document | Prepared,
    *,
    kinds: tuple[str, ...] | list[str] | None = None,
    sort: str = "first",
    options: FormulationOptions | None = None,
) -> list[Formulation]:
    """List the formulations (提法) of a document: codes, numbered sets, slogans, names.

    A prepared document's formulations are reused (and its options, unless others are given).
    """
    from policy_cli.core.formulations import extract_formulations
    from policy_cli.core.pipeline import Prepared

    if isinstance(document, Prepared):
        same = options is None or options == document.formulation_options
        if document.formulations and kinds is None and sort == "first" and same:
            return list(document.formulations)
        options = options or document.formulation_options
        return extract_formulations(
            document.document, kinds=kinds, sort=sort, options=options,
            segmentation=document.segmentation,
        )
    return extract_formulations(document, kinds=kinds, sort=sort, options=options)


def summary_of(
    document: Document | Prepared,
    *,
    keywords: int = 10,
    sentences: int = 5,
    formulations: int = 10,
    formulation_options: FormulationOptions | None = None,
) -> Summary:
    """Brief a document: header, keywords, formulations, targets, people, key sentences.

    `formulations` is how many formulations the summary keeps, the most salient first (0: all
    of them, as a page that marks every one in the text needs).
    """
    from policy_cli.core.summary import summarize

    if formulations < 0:
        from policy_cli.errors import UsageError

        raise UsageError("the number of formulations must be 0 (all) or more")
    return summarize(
        document, keywords=keywords, sentences=sentences,
        formulations=formulations or sys.maxsize, formulation_options=formulation_options,
    )


def summary_columns() -> tuple[str, ...]:
    """The columns of a document's one-row form (`summary_row`)."""
    from policy_cli.core.summary import ROW_COLUMNS

    return ROW_COLUMNS


def summary_row(summary: Summary) -> dict[str, str | int | None]:
    """A summary as one flat row (the columns of `summary_columns`; see core.summary)."""
    from policy_cli.core.summary import summary_row as row

    return row(summary)


def targets_of(document: Document | Prepared, *, headline: bool = False) -> list[Target]:
    """List the targets a document states, headline ones first (only those with `headline`)."""
    from policy_cli.core.pipeline import Prepared
    from policy_cli.core.targets import extract_targets

    doc = document.document if isinstance(document, Prepared) else document
    found = extract_targets(doc)
    return [t for t in found if t.core] if headline else found


def diff_of(
    old: Document,
    new: Document,
    *,
    top: int = 40,
    sentences: bool = False,
    formulation_options: FormulationOptions | None = None,
) -> ReportDiff:
    """Tell what changed from `old` to `new`: headlines, 提法, terms, targets (see diff_documents).

    `top` cuts every list, the headlines too (0: all of each list, the default headlines).
    """
    from policy_cli.core.diff import Weights, diff_documents

    weights = Weights(headlines=min(top, Weights.headlines) if top else Weights.headlines)
    return diff_documents(
        old, new, top=top, sentences=sentences, weights=weights,
        formulation_options=formulation_options,
    )


def occurrences(text: str, words: Iterable[str]) -> dict[str, list[int]]:
    """Where each word occurs in a text, left to right without overlap (as successive
    `str.find` calls see them), in one pass over the text (Aho-Corasick)."""
    from policy_cli.core.occurrences import find_all, non_overlapping

    found = find_all(text, words)
    return {w: non_overlapping(starts, len(w)) for w, starts in found.items()}


# -- many documents ------------------------------------------------------------------------------
def expand_paths(paths: Sequence[PathLike]) -> list[Path]:
    """The files that files, folders and globs name, in a stable order (duplicates once).

    Raises:
        InputError: a path that does not exist, a glob or folder that matches no document.
    """
    from policy_cli.core.corpus import expand_paths as expand

    return expand(paths)


def resumable_rows(rows: Sequence[dict[str, Any]], files: Sequence[Path]) -> list[dict[str, Any]]:
    """The rows of an earlier run that a run over `files` keeps (`batch --resume`): one a
    document whatever path reached it (a relative and an absolute path name one file; the later
    row wins), and only those of documents among `files`."""
    from policy_cli.core.corpus import source_file_key, source_key

    inputs = {source_file_key(str(f)) for f in files}
    by_key: dict[str, dict[str, Any]] = {}
    for row in rows:
        source = row.get("source")
        if isinstance(source, str) and source and source_file_key(source) in inputs:
            by_key[source_key(source)] = row
    return list(by_key.values())


def trend_of(
    paths: Sequence[PathLike],
    *,
    terms: Sequence[str] = (),
    top: int = 20,
    by: str = "year",
    kinds: Sequence[str] = (),
    workers: int | None = None,
    use_cache: bool = True,
    progress: Callable[[str, int, int | None], None] | None = None,
    formulation_options: FormulationOptions | None = None,
    sample: bool = True,
) -> Trend:
    """Follow terms and formulations across many documents (see `core.trend.trend_documents`).

    `formulation_options` carries the user's lexicon (`lexicon_options`): its terms are
    followed as formulations, and as terms too when `terms` are asked. `sample`: on a large
    corpus, choose the formulations followed from a sample of the documents (False: all).

    Raises:
        UsageError: a bad option value.
        InputError: a path that is missing or unreadable, a malformed JSON-lines record.
        NothingToAnalyseError: no document could be placed in a period, or too few periods.
    """
    from policy_cli.core.trend import trend_documents

    lexicon = formulation_options.lexicon if formulation_options is not None else None
    return trend_documents(
        paths, terms=terms, top=top, by=by, kinds=kinds, workers=workers,
        use_cache=use_cache, progress=progress, lexicon=lexicon, sample=sample,
    )  # fmt: skip


def worker_processes(requested: int) -> tuple[int, int]:
    """The worker processes `requested` (-j) gets, no more than the cores can use, and the
    cores this process may use."""
    from policy_cli.core.workers import pool_size, usable_cores

    return pool_size(requested), usable_cores()


def batch_columns() -> tuple[tuple[str, ...], frozenset[str]]:
    """The columns of a batch row (a summary row and its error), and those holding integers."""
    from policy_cli.core.batch import BATCH_COLUMNS, INT_COLUMNS

    return BATCH_COLUMNS, INT_COLUMNS


def batch_rows(
    paths: Sequence[PathLike],
    *,
    keywords: int = 10,
    keep_noise: bool = False,
    formulation_options: FormulationOptions | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    skip: Iterable[str] = (),
    progress: Callable[[int, int | None], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """Analyse every document of a corpus into its row, in input order (`policy batch`).

    The rows are the one-row form of each summary (`summary_row`, columns of
    `batch_columns`), a document that cannot be read a row with its error; see
    `core.batch.batch_rows` for the workers, the Dask scheduler and `skip`.

    Raises:
        InputError: a path that does not exist, a folder or glob without documents.
        UsageError: a bad option, or a Dask scheduler that cannot be reached.
    """
    from policy_cli.core.batch import BatchOptions
    from policy_cli.core.batch import batch_rows as rows

    options = BatchOptions(
        keywords=keywords, keep_noise=keep_noise, formulation_options=formulation_options
    )
    return rows(
        paths, options=options, workers=workers, scheduler=scheduler, skip=skip,
        progress=progress,
    )  # fmt: skip


def spread_of(rows: Iterable[dict[str, Any]]) -> list[Spread]:
    """The formulations that two documents or more of a batch say, the most shared first."""
    from policy_cli.core.echo import spread

    return spread(rows)
