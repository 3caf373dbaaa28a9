"""High-level library API: one call per analysis, all sharing the same load/segment path."""

from __future__ import annotations

from policy_cli.core.diff import diff_documents  # noqa: F401  (public: policy diff)
from policy_cli.core.keywords import extract_keywords
from policy_cli.core.pipeline import Prepared, prepare
from policy_cli.models import Document, Formulation, Keyword, Summary


def keywords_of(
    document: Document | Prepared, *, method: str = "tfidf", top: int = 20
) -> list[Keyword]:
    """Rank the key terms of a document (segmenting it if it is not prepared yet)."""
    prepared = document if isinstance(document, Prepared) else prepare(document)
    return extract_keywords(prepared.tokens, method=method, top=top, document=prepared.document)


def formulations_of(
    document: Document | Prepared,
    *,
    kinds: tuple[str, ...] | list[str] | None = None,
    sort: str = "first",
) -> list[Formulation]:
    """List the formulations (提法) of a document: codes, numbered sets, slogans, names."""
    from policy_cli.core.formulations import extract_formulations

    if isinstance(document, Prepared):
        if document.formulations and kinds is None and sort == "first":
            return list(document.formulations)
        document = document.document
    return extract_formulations(document, kinds=kinds, sort=sort)


def summary_of(
    document: Document | Prepared, *, keywords: int = 10, sentences: int = 5
) -> Summary:
    """Brief a document: header, keywords, formulations, targets, people, key sentences."""
    from policy_cli.core.summary import summarize

    return summarize(document, keywords=keywords, sentences=sentences)
