"""High-level library API: one call per analysis, all sharing the same load/segment path."""

from __future__ import annotations

from typing import TYPE_CHECKING

from policy_cli.core.diff import diff_documents  # noqa: F401  (public: policy diff)
from policy_cli.core.keywords import extract_keywords
from policy_cli.core.pipeline import Prepared, collector_paused, prepare
from policy_cli.models import Document, Formulation, Keyword, Summary, Target

if TYPE_CHECKING:
    from policy_cli.core.formulations.options import FormulationOptions


def keywords_of(
    document: Document | Prepared, *, method: str = "tfidf", top: int = 20
) -> list[Keyword]:
    """Rank the key terms of a document (segmenting it if it is not prepared yet)."""
    with collector_paused():
        prepared = document if isinstance(document, Prepared) else prepare(document)
        return extract_keywords(prepared.tokens, method=method, top=top)


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
    formulation_options: FormulationOptions | None = None,
) -> Summary:
    """Brief a document: header, keywords, formulations, targets, people, key sentences."""
    from policy_cli.core.summary import summarize

    return summarize(
        document, keywords=keywords, sentences=sentences, formulation_options=formulation_options
    )


def targets_of(document: Document | Prepared, *, headline: bool = False) -> list[Target]:
    """List the targets a document states, headline ones first (only those with `headline`)."""
    from policy_cli.core.targets import extract_targets

    doc = document.document if isinstance(document, Prepared) else document
    found = extract_targets(doc)
    return [t for t in found if t.core] if headline else found
