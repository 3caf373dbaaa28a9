"""Stage `point`: the headlines of a short text of the centre's numbered points.

A communiqué or a conference's news states its tasks as numbered points, each opened by a
headline sentence that stands alone before the point is worked out: 一是宏观政策要稳健有效。
二是微观政策要持续激发市场主体活力。… (the economic work conference of 2021). The headline is
the formulation a reader lists for that point (the 2021 conference's seven policies), or it
holds the one listed, said with its verb (坚持|扩大内需这个战略基点). Only a short text of the
centre is read: a report's or a local text's 一是… opens a list of measures, not its own
headlines.

A point is a headline where the ordinal and 是 or 要 (一是, 二要, 三是要) open a paragraph or a
sentence (the first one a clause too: 为此，一要打造改革新高地。复制推广…), its first sentence
ends right after a clause of `point_headline_min`-`point_headline_max` characters with no
comma, and the text numbers `point_min_count` points or more so, in order, and heads that many
so (a lone 一是 is a clause of prose; the points a sentence runs on through, 一是…，二是…, are
measures, and so are one or two short sentences among the long first sentences of a series).
In the national news the points that are sentences of their own, in a paragraph or not, are
the headlines a speech or a meeting states (坚持发展优先。…坚持普惠包容。; 一要打造改革新高地。
二要争当开放新尖兵。). The quote marks of a headline are left out (“稳”字当头).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from policy_cli.core.chars import CN_NUMERALS, HAN
from policy_cli.core.formulations.candidate import BY_RULE, Candidate
from policy_cli.core.formulations.national import short_central_text
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.phrases import QUOTE_MARKS
from policy_cli.core.tokens import Segmentation

STAGE = "point"


def find_points(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield the headlines of the numbered points of a short text of the centre."""
    o = options
    if not o.point_min_count or not short_central_text(text, o):
        return
    series = _series(list(_POINT.finditer(text)))
    if len(series) < o.point_min_count:
        return
    headline = _headline(o.point_headline_min, o.point_headline_max)
    # (a point whose first sentence is longer states no headline)
    heads = [m for m in (headline.match(text, point.end()) for point in series) if m is not None]
    if len(heads) < o.point_min_count:
        return  # (one or two short sentences among long ones are measures, no headlines)
    for m in heads:
        shown = "".join(ch for ch in m.group("h") if ch not in QUOTE_MARKS)
        yield Candidate(shown, "slogan", m.start("h"), None, (), BY_RULE, STAGE, "headline")


def _series(found: list[re.Match[str]]) -> list[re.Match[str]]:
    """The longest run of points numbered 一, 二, 三… in order, one after another."""
    best: list[re.Match[str]] = []
    run: list[re.Match[str]] = []
    for m in found:
        n = m.group("n")
        if n == CN_NUMERALS[0]:
            run = [m]
        elif run and len(run) < len(CN_NUMERALS) and n == CN_NUMERALS[len(run)]:
            run.append(m)
        else:
            run = []
        if len(run) > len(best):
            best = list(run)
    return best


# an ordinal and 是 or 要 opening a paragraph or a sentence (一要打造改革新高地。复制推广…),
# the first one after a clause too (为此，一要…)
_POINT = re.compile(rf"(?:^[ \u3000]*|(?<=[。：；，]))(?P<n>[{CN_NUMERALS}])(?:是要|是|要)", re.MULTILINE)


@lru_cache(maxsize=4)
def _headline(shortest: int, longest: int) -> re.Pattern[str]:
    """A headline of Han characters (and quoted words) that a point's first sentence ends with,
    read right after the ordinal and 是."""
    return re.compile(rf"(?P<h>[{HAN}“”]{{{shortest},{longest}}})。")
