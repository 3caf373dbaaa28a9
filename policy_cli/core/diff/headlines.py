"""The headlines of a diff: the most newsworthy changes of every kind in one ranked list."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from policy_cli.core.diff.text import unquoted
from policy_cli.core.diff.weigh import Weights
from policy_cli.models import (
    HEADLINE_DROPPED_FORMULATION,
    HEADLINE_DROPPED_TERM,
    HEADLINE_NEW_FORMULATION,
    HEADLINE_NEW_TERM,
    HEADLINE_TARGET,
    FormulationChange,
    Headline,
    TargetChange,
    TermNews,
    national_note,
)

__all__ = ["national_note", "rank_headlines"]


def _formulation(c: FormulationChange) -> Headline:
    count = c.new_count if c.status == "added" else c.old_count
    what = HEADLINE_NEW_FORMULATION if c.status == "added" else HEADLINE_DROPPED_FORMULATION
    detail = f"×{count}; {national_note(c.documents, c.first_seen, c.rarity)}"
    return Headline(c.text, what, c.old_count, c.new_count, detail, c.weight, c.offset, c.context)


def _term(t: TermNews) -> Headline:
    count = t.new_count if t.status == "new" else t.old_count
    what = HEADLINE_NEW_TERM if t.status == "new" else HEADLINE_DROPPED_TERM
    detail = f"×{count}; {national_note(t.documents, t.first_seen, t.rarity)}"
    return Headline(t.term, what, t.old_count, t.new_count, detail, t.weight, t.offset, t.context)


def _target(t: TargetChange, weights: Weights) -> Headline | None:
    """A changed headline target: a new number weighs most, a target one report lacks least."""
    if not t.changed:
        return None
    if t.old_value and t.new_value:
        detail = f"{t.old_value} → {t.new_value}"
        weight = weights.target_wording if t.change == "wording" else weights.target
    else:
        detail = f"new: {t.new_value}" if t.new_value else f"dropped: {t.old_value}"
        weight = weights.target_row
    text = t.new_text if t.new_value else t.old_text
    weight = round(weight, 4)
    return Headline(t.indicator, HEADLINE_TARGET, None, None, detail, weight, -1, text or "")


def rank_headlines(
    added: Sequence[FormulationChange],
    removed: Sequence[FormulationChange],
    new_terms: Sequence[TermNews],
    dropped_terms: Sequence[TermNews],
    targets: Iterable[TargetChange],
    *,
    weights: Weights,
) -> tuple[Headline, ...]:
    """Pick the `weights.headlines` heaviest changes across kinds.

    An item that holds (or lies inside) a heavier one already picked says the same news and is
    passed over: 宏观经济大盘 after 着力稳定宏观经济大盘.

    Returns:
        The headlines, heaviest first (ties: the kind's order above, then text).
    """
    items = [
        *(_formulation(c) for c in (*added, *removed)),
        *(_term(t) for t in (*new_terms, *dropped_terms)),
        *(h for t in targets if (h := _target(t, weights)) is not None),
    ]
    items.sort(key=lambda h: (-h.weight, h.what, h.text))
    picked: list[Headline] = []
    seen: list[str] = []
    for h in items:
        if len(picked) >= weights.headlines:
            break
        plain = unquoted(h.text)
        if h.what != HEADLINE_TARGET and any(plain in s or s in plain for s in seen):
            continue
        picked.append(h)
        if h.what != HEADLINE_TARGET:
            seen.append(plain)
    return tuple(picked)
