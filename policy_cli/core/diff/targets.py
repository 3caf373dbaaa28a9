"""Targets of two reports side by side, joined on their canonical indicator, read as values."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from policy_cli.core.quantities import read_quantity, split_magnitude, target_words
from policy_cli.models import Target, TargetChange


def headline_targets(targets: Iterable[Target]) -> list[Target]:
    """The headline targets when the extractor marks them, else every target."""
    targets = list(targets)
    core = [t for t in targets if t.core]
    return core or targets


def compare_targets(old: Iterable[Target], new: Iterable[Target]) -> tuple[TargetChange, ...]:
    """Join the targets of two reports on their canonical indicator, new report's order first.

    Variants of one indicator (国内生产总值增长 / 地区生产总值增长 / 经济增长) share a row. Values
    are compared as values: 5%左右 → 5.5%左右 changes the number, 6%以上 → 6%左右 the modifier;
    "与经济增长保持同步" and "和经济增长同步" say the same.

    Args:
        old: targets of the earlier report.
        new: targets of the later report.

    Returns:
        One row per canonical indicator (the first target stated for it in each report).
    """
    first_old: dict[str, Target] = {}
    for t in old:
        first_old.setdefault(t.canonical or t.indicator, t)
    first_new: dict[str, Target] = {}
    for t in new:
        first_new.setdefault(t.canonical or t.indicator, t)
    rows = []
    for ind in [*first_new, *(i for i in first_old if i not in first_new)]:
        o, n = first_old.get(ind), first_new.get(ind)
        change = _target_change(o, n)
        rows.append(
            TargetChange(
                ind, o.value if o else None, n.value if n else None, bool(change),
                o.text if o else None, n.text if n else None, change,
                o.indicator if o else None, n.indicator if n else None,
                o.offset if o else -1, n.offset if n else -1,
            )
        )
    return tuple(rows)


def _target_change(old: Target | None, new: Target | None) -> str:
    """What changed between two statements of one target, read as values; "" when nothing.

    Amounts in units of another magnitude are compared as amounts: 8000亿元 → 1.35万亿元 is a
    change of value, and 0.8万亿元 against 8000亿元 none.
    """
    if old is None or new is None:
        return "new" if old is None else "dropped"
    a, b = read_quantity(old.value), read_quantity(new.value)
    if not a.numbers and not b.numbers:
        return "" if _wording(old.value) == _wording(new.value) else "wording"
    if not a.numbers or not b.numbers:  # 降低3%左右 → 在“十四五”规划期内统筹考核
        return "now stated as a number" if b.numbers else "now stated in words"
    scale_a, unit_a = split_magnitude(a.unit)
    scale_b, unit_b = split_magnitude(b.unit)
    amounts_a = tuple(n * scale_a for n in a.numbers)
    amounts_b = tuple(n * scale_b for n in b.numbers)
    said = []
    same = len(amounts_a) == len(amounts_b) and all(
        math.isclose(x, y, rel_tol=1e-9) for x, y in zip(amounts_a, amounts_b, strict=True)
    )
    if not same:
        if scale_a != scale_b and unit_a == unit_b:  # say the amounts in their own units
            said.append(f"value {_numbers(a.numbers)}{a.unit or ''} → "
                        f"{_numbers(b.numbers)}{b.unit or ''}")
        else:
            said.append(f"value {_numbers(a.numbers) or '—'} → {_numbers(b.numbers) or '—'}")
    for what, x, y in (
        ("unit", unit_a, unit_b),
        ("modifier", a.modifier, b.modifier),
        ("direction", a.direction, b.direction),
    ):
        if x != y:
            said.append(f"{what} {x or '—'} → {y or '—'}")
    return "; ".join(said)


def _numbers(numbers: tuple[float, ...]) -> str:
    return "、".join(f"{n:g}" for n in numbers)


def _wording(value: str) -> str:
    """A qualitative value without quotes and the words that say nothing of it (保持, 与/和/同)."""
    words = target_words()
    plain = re.sub(r"[\s“”\"'‘’]", "", value)
    for pace in words["pace"]:
        plain = plain.replace(pace, "与")
    for filler in words["filler"]:
        plain = plain.replace(filler, "")
    return plain


