"""Stage `radius`: a service or travel radius named by its time or its distance (15分钟社区生活圈,
1小时交通圈, 一刻钟便民生活圈, 2公里充电服务圈, “三公里”就业圈).

A count of minutes, hours or kilometres, what is reached in that time or distance and 圈: the
circle a government promises around every home (12分钟急救圈, 30分钟医疗圈, “三公里”就业圈: the
count and its unit may stand in a pair of quotes, the name is listed without them) or between
cities (2小时交通圈); rule `time` or `distance`. What lies between the count and 圈 is a noun
phrase of two characters or more: a clause (90分钟可绕地球一圈) or a verb (一分钟转圈) names no
circle.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from policy_cli.core.chars import CN_NUMERALS, HAN
from policy_cli.core.formulations.candidate import BY_RULE, Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import words
from policy_cli.core.occurrences import find_all
from policy_cli.core.tokens import Segmentation, segment_text

STAGE = "radius"


def find_radii(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield the circles a text names by the time it takes to cross them or their distance."""
    w = words()
    if not any(h in text for h in w.radius_heads):
        return  # (most texts: the pattern tried at every character cost ~14 us a news item)
    found = list(_radius_matches(text, options.radius_max_reach, w.radius_heads))
    if not found:
        return
    seg = seg or segment_text(text)
    for m in found:
        reach = m.group("reach")
        if not seg.starts_word(m.end()) or reach[-1] in CN_NUMERALS:
            continue  # 90分钟可绕地球一|圈: one lap, not a circle
        if not _paired(m):
            continue  # 「三公里”就业圈: quotes of two pairs
        pieces = seg.words(m.start("reach"), m.end("reach"))
        if any(p in w.function_words or p in w.radius_not_reached for p in pieces):
            continue  # 10分钟内|转圈, 可|绕地球: a clause, not what a circle reaches
        # (the count and its unit in quotes: “三公里”就业圈 is 三公里就业圈, from the count on)
        name = m.group("count") + m.group("reach") + m.group("head")
        rule = "time" if m.group("count").endswith(w.radius_times) else "distance"
        yield Candidate(name, "name", m.start("count"), None, (), BY_RULE, STAGE, rule)


def opens_a_circle(text: str, start: int, options: FormulationOptions) -> bool:
    """Tell whether the quote that opens at `start` holds the count and unit of a circle the
    stage names (提升|“三公里”|就业圈: the circle 三公里就业圈 is the name, the quoted quantity
    alone none)."""
    if "radius" in options.disabled_stages:
        return False
    m = _radius(options.radius_max_reach).match(text, start)
    return m is not None and m.group("open") is not None and _paired(m)


def _paired(m: re.Match[str]) -> bool:
    """Tell whether a match's quotes, if any, are one pair (“…”, "…", 「…」)."""
    opened = m.group("open")
    return opened is None or opened + m.group("close") in words().radius_quote_pairs


def _radius_matches(text: str, longest: int, heads: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """`_radius(longest).finditer(text)`, tried only in the stretch before each head (a long
    text tried at every character cost 0.2 s at 10 M characters)."""
    pattern = _radius(longest)
    reach = longest + _LONGEST_COUNT_AND_TIME
    ends = sorted({q + len(h) for h, starts in find_all(text, heads).items() for q in starts})
    last = 0
    for end in ends:
        m = pattern.search(text, max(last, end - reach), end)
        if m is not None and m.end() == end:
            yield m
            last = end


# the longest count and unit a radius opens with (1.5小时, 十五分钟), quotes included (“十五分钟”)
_LONGEST_COUNT_AND_TIME = 10


@lru_cache(maxsize=4)
def _radius(longest: int) -> re.Pattern[str]:
    w = words()
    units = "|".join(re.escape(t) for t in (*w.radius_times, *w.radius_distances))
    heads = "|".join(re.escape(h) for h in w.radius_heads)
    # 15, 1.5, 十五, 半 (not the end of a range: 1到2小时)
    count = rf"(?<![0-9.{re.escape(w.range_marks)}])(?:[0-9]{{1,3}}(?:\.[0-9])?|[{CN_NUMERALS}]{{1,3}}|半)"
    reach = rf"[{HAN}]{{2,{longest}}}?"
    opens = re.escape("".join(pair[0] for pair in w.radius_quote_pairs))
    closes = re.escape("".join(pair[1] for pair in w.radius_quote_pairs))
    return re.compile(
        rf"(?P<open>[{opens}])?(?P<count>{count}(?:{units}))(?(open)(?P<close>[{closes}]))"
        rf"(?P<reach>{reach})(?P<head>{heads})"
    )
