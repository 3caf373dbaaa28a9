"""Stage `numbered`: numbered names that need no lexicon.

Five-year plans (十四五), plenums and congresses (二十届三中全会, 二十届中央纪委四次全会,
十二届历次全会, 二十大, 第十二次党代会, 中国共产党第十六次全国代表大会), ordinal sets
(第二个百年奋斗目标) and quantities that name a line not to cross (18亿亩耕地红线).
"""

from __future__ import annotations

from collections.abc import Iterator

from policy_cli.core.formulations.candidate import CERTAIN, Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.shapes import plan_period
from policy_cli.core.formulations.vocab import finditer, patterns, words
from policy_cli.core.tokens import Segmentation

STAGE = "numbered"


def find_numbered(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield plans, plenums, congresses, ordinal sets and quantity lines."""
    p, w = patterns(), words()
    for m in finditer(p.plan, text):
        plan = m.group().removesuffix(w.plan_suffix)
        yield Candidate(plan, "numbered", m.start(), plan_period(plan), (), CERTAIN, STAGE, "plan")
    for rule, pattern in (
        ("plenum", p.plenum), ("plenum", p.plenum_full), ("congress", p.congress),
        ("party-congress", p.party_congress), ("party-congress", p.party_congress_full),
        ("ordinal", p.ordinal_set), ("quantity-line", p.quantity_line),
    ):
        for m in finditer(pattern, text):
            yield Candidate(
                m.group().removeprefix(w.party_prefix), "numbered", m.start(), None, (), CERTAIN,
                STAGE, rule,
            )
