"""Compare two reports: formulations added/removed/kept, rising and falling terms, targets.

Counts are exact occurrences in each full text (`str.count` on `Document.text`), so an item is
never "new" only because extraction or segmentation differed between the two documents; the
segmentation (one pass per document through the shared pipeline, same segmenter and lexicon)
only proposes the vocabulary.

One module per concern: `formulations` (提法 added, removed, kept), `terms` (rising and falling
terms), `targets` (headline targets side by side), `text` (what is not wording: quote marks,
enumeration commas, years), `serialize` (the JSON schema); the statistics are shared with other
analyses in `policy_cli.core.keyness` and `policy_cli.core.similarity`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from policy_cli.core.diff.formulations import (
    compare_formulations,
    recurring_phrases,
    sibling_formulations,
)
from policy_cli.core.diff.serialize import diff_to_dict
from policy_cli.core.diff.targets import compare_targets, headline_targets
from policy_cli.core.diff.terms import compare_terms
from policy_cli.core.keyness import CRITICAL_G2
from policy_cli.core.pipeline import Prepared, prepare
from policy_cli.core.segment import Segmenter
from policy_cli.core.similarity import background_idf, similarity, unmatched_sentences
from policy_cli.core.targets import extract_targets
from policy_cli.errors import NothingToAnalyseError, UsageError
from policy_cli.models import Document, Formulation, ReportDiff, SentenceChange

__all__ = ["diff_documents", "diff_to_dict"]


def diff_documents(
    old: Document,
    new: Document,
    *,
    top: int = 40,
    min_count: int = 3,
    min_g2: float = CRITICAL_G2,
    sentences: bool = False,
    sentence_threshold: float = 0.3,
    segmenter: Segmenter | None = None,
) -> ReportDiff:
    """Tell what changed from the `old` report to the `new` one.

    Args:
        old: the earlier report.
        new: the later report.
        top: keep this many items per ranked list (0: all).
        min_count: a term needs this many occurrences in the two reports together.
        min_g2: a term needs at least this |G2| (3.84: p < 0.05).
        sentences: also list the sentences of each report with no close counterpart.
        sentence_threshold: a sentence whose best cosine with the other report is below this
            has no close counterpart.
        segmenter: the segmenter to use (default: the shared one).

    Returns:
        The diff, every list sorted by its score, then by text.

    Raises:
        UsageError: an option out of range.
        NothingToAnalyseError: a report without text.
    """
    if top < 0 or min_count < 1 or min_g2 < 0 or not 0 <= sentence_threshold <= 1:
        raise UsageError(
            "diff options out of range: top >= 0, min_count >= 1, min_g2 >= 0, "
            "0 <= sentence_threshold <= 1"
        )
    for doc in (old, new):
        if not doc.text.strip() or not doc.sentences:
            raise NothingToAnalyseError(f"{doc.source}: no text to compare")
    notes: list[str] = []
    # counts are exact occurrences in the texts, so each report is segmented on its own (the
    # segmentation only proposes the vocabulary) and its formulations come with it
    p_old = prepare(old, segmenter=segmenter)
    p_new = prepare(new, segmenter=segmenter)
    # the extractor's formulations, their unlisted siblings (新发展阶段 beside 新发展理念), then
    # word groups that recur as a unit in one report only
    old_forms = _formulations(p_old)
    new_forms = _formulations(p_new)
    known = old_forms + new_forms
    old_forms += sibling_formulations(p_old, new.text, known)
    new_forms += sibling_formulations(p_new, old.text, known)
    old_forms += recurring_phrases(p_old, new.text)
    new_forms += recurring_phrases(p_new, old.text)
    added, removed, kept = compare_formulations(old, new, old_forms, new_forms)
    rising, falling = compare_terms(p_old, p_new, min_count=min_count, min_g2=min_g2)
    weights = background_idf()
    sent_new: tuple[SentenceChange, ...] | None = None
    sent_old: tuple[SentenceChange, ...] | None = None

    def cut(items: Sequence[Any]) -> tuple[Any, ...]:
        return tuple(items[:top] if top else items)

    if sentences:
        sent_new, sent_old = (
            # the `top` least similar, shown in document order
            tuple(sorted(cut(sorted(side, key=lambda s: (s.similarity, s.index))),
                         key=lambda s: s.index))
            for side in unmatched_sentences(
                p_old, p_new, threshold=sentence_threshold, idf=weights
            )
        )

    return ReportDiff(
        old=old.source,
        new=new.source,
        old_characters=len(old.text),
        new_characters=len(new.text),
        identical=old.text == new.text,
        similarity=similarity(p_old, p_new, idf=weights),
        added=cut(added),
        removed=cut(removed),
        kept=cut(kept),
        rising=cut(rising),
        falling=cut(falling),
        targets=compare_targets(headline_targets(extract_targets(old)),
                                headline_targets(extract_targets(new))),
        sentences_new=sent_new,
        sentences_old=sent_old,
        notes=tuple(dict.fromkeys(notes)),
    )




def _formulations(prepared: Prepared) -> list[Formulation]:
    """The formulations the pipeline found while preparing the document."""
    return list(prepared.formulations)
