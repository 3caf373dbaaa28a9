"""The one path every command takes: load -> normalise -> segment once -> analyses."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from policy_cli.core.segment import Segmenter
from policy_cli.core.tokens import Segmentation, segment_document
from policy_cli.models import Document, Formulation, Token

if TYPE_CHECKING:
    from policy_cli.core.formulations.options import FormulationOptions


@dataclass(frozen=True)
class Prepared:
    """A document segmented once, shared by every analysis of a run.

    `segmentation` is the one segmentation (every sentence cut once, words tagged);
    `tokens` its words for counting, with the `protected` strings kept whole.
    """

    document: Document
    tokens: Sequence[Token]  # `tokens.Tokens`: columns, not an object per token
    protected: tuple[str, ...] = ()
    formulations: tuple[Formulation, ...] = ()
    formulation_options: FormulationOptions | None = None
    segmentation: Segmentation | None = None


def prepare(
    document: Document,
    *,
    segmenter: Segmenter | None = None,
    protect: tuple[str, ...] = (),
    formulations: bool = True,
    formulation_options: FormulationOptions | None = None,
    segmentation: Segmentation | None = None,
) -> Prepared:
    """Segment a document once, keeping each string of `protect` (e.g. formulations) whole.

    With `formulations` (the default) the document's formulations are found first (with
    `formulation_options`: stages switched off, a user's lexicon, thresholds) and those that
    are one word (十四五, 放管服, 296X) are kept whole too, so that keywords count them as one
    term; the list is kept on the result for the analyses that show it. The formulations
    read the same segmentation (`segmentation`, made here when not given); the strings kept
    whole are merged from its words, sentence by sentence, not cut again.

    Raises:
        InputError: the document is longer than `loaders.MAX_DOCUMENT_CHARS`.
    """
    from policy_cli.core.formulations import extract_formulations, single_words

    seg = segmentation or segment_document(document, segmenter=segmenter, tags=False)
    found = (
        tuple(extract_formulations(document, options=formulation_options, segmentation=seg))
        if formulations else ()
    )
    words = tuple(dict.fromkeys((*protect, *single_words(found))))
    return Prepared(
        document, seg.tokens(protect=words), words, found, formulation_options, seg
    )


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while an analysis builds millions of small
    objects (tokens, terms) that hold no reference cycles: each full collection walks them all
    again (a 3 M-character summary: 15 collections, 16 % of its time). Reference counting
    still frees what is dropped; the collector resumes at the end."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
