"""Stage `point`: the headlines of a short text of the centre's numbered points.

A communiqué or a conference's news states its tasks as numbered points, each opened by a
headline sentence that stands alone before the point is worked out: 一是宏观政策要稳健有效。
二是微观政策要持续激发市场主体活力。… (the economic work conference of 2021). The headline is
the formulation a reader lists for that point (the 2021 conference's seven policies), or it
holds the one listed, said with its verb (坚持|扩大内需这个战略基点). Only a short text of the
centre is read: a report's or a local text's 一是… opens a list of measures, not its own
headlines.

A point is a headline where the ordinal and 是 open a sentence or a line (after 。, ；, ：
or a line break), the sentence ends right after a clause of `point_headline_min`-
`point_headline_max` characters with no comma, and the text numbers `point_min_count` points
or more in this way (a lone 一是 is a clause of prose).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from policy_cli.core.chars import CN_NUMERALS, HAN
from policy_cli.core.formulations.candidate import BY_RULE, Candidate
from policy_cli.core.formulations.national import short_central_text
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.tokens import Segmentation

STAGE = "point"


def find_points(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield the headlines of the numbered points of a short text of the centre."""
    o = options
    if not o.point_min_count or "是" not in text or not short_central_text(text, o):
        return
    found = list(_headline(o.point_headline_min, o.point_headline_max).finditer(text))
    if len({m.group("n") for m in found}) < o.point_min_count:
        return
    for m in found:
        yield Candidate(m.group("h"), "slogan", m.start("h"), None, (), BY_RULE, STAGE, "headline")


@lru_cache(maxsize=4)
def _headline(shortest: int, longest: int) -> re.Pattern[str]:
    """An ordinal and 是 opening a sentence or a line, then a headline of Han characters (and
    quoted words) that the sentence ends with."""
    return re.compile(
        rf"(?:^|(?<=[。；：\n]))[ \u3000]*(?P<n>[{CN_NUMERALS}]{{1,2}})是"
        rf"(?P<h>[{HAN}“”]{{{shortest},{longest}}})。",
        re.MULTILINE,
    )
