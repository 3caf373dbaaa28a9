"""High-level library API: one call per analysis, all sharing the same load/segment path."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from policy_cli.core.diff import Weights, diff_documents
from policy_cli.core.keywords import extract_keywords
from policy_cli.core.pipeline import Prepared, collector_paused, prepare
from policy_cli.models import Document, Formulation, Keyword, ReportDiff, Summary, Target

if TYPE_CHECKING:
    from policy_cli.core.formulations.options import FormulationOptions


def keywords_of(
    document: Document | Prepared, *, method: str = "tfidf", top: int = 20
) -> list[Keyword]:
    """Rank the key terms of a document (segmenting it if it is not prepared yet)."""
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

    if isinstance(document, Prepared):
        same = options is None or options == document.formulation_options
        if document.formulations and kinds is None and sort == "first" and same:
            return list(document.formulations)
        options = options or document.formulation_options
        document = document.document
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


def targets_of(document: Document | Prepared, *, headline: bool = False) -> list[Target]:
    """List the targets a document states, headline ones first (only those with `headline`)."""
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
    weights = Weights(headlines=min(top, Weights.headlines) if top else Weights.headlines)
    return diff_documents(
        old, new, top=top, sentences=sentences, weights=weights,
        formulation_options=formulation_options,
    )

