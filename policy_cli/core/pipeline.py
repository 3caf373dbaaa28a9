"""The one path every command takes: load -> normalise -> segment once -> analyses."""

from __future__ import annotations

from dataclasses import dataclass

from policy_cli.core.segment import Segmenter, default_segmenter
from policy_cli.models import Document, Token


@dataclass(frozen=True)
class Prepared:
    """A document segmented once, shared by every analysis of a run."""

    document: Document
    tokens: tuple[Token, ...]
    protected: tuple[str, ...] = ()


def prepare(
    document: Document,
    *,
    segmenter: Segmenter | None = None,
    protect: tuple[str, ...] = (),
) -> Prepared:
    """Segment a document once, keeping each string of `protect` (e.g. formulations) whole."""
    seg = segmenter or default_segmenter()
    return Prepared(document, seg.tokenize(document, protect=protect), protect)
