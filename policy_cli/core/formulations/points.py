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
from policy_cli.core.formulations.vocab import word_tag, words
from policy_cli.core.phrases import QUOTE_MARKS
from policy_cli.core.segment import default_tagger
from policy_cli.core.tokens import Segmentation

STAGE = "point"


def find_points(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield the headlines of the numbered points of a short text of the centre."""
    o = options
    if not o.point_min_count or not short_central_text(text, o):
        return
    headline = _headline(o.point_headline_min, o.point_headline_max)
    heads: list[re.Match[str]] = []
    for opening in (_PARAGRAPH_POINT, _SENTENCE_POINT):  # (points that open paragraphs first)
        heads = _headlines(text, _series(list(opening.finditer(text))), headline, o)
        if heads:
            break  # (a point's own 一要…，二要… inside its paragraph breaks no series of them)
    for m in heads:
        shown = "".join(ch for ch in m.group("h") if ch not in QUOTE_MARKS)
        yield Candidate(shown, "slogan", m.start("h"), None, (), BY_RULE, STAGE, "headline")


def _headlines(
    text: str, series: list[re.Match[str]], headline: re.Pattern[str], o: FormulationOptions
) -> list[re.Match[str]]:
    """The headlines of a series of points: none where it numbers fewer than `point_min_count`
    points, or heads fewer that many (a point whose first sentence is longer states none; one or
    two short sentences among long ones are measures, no headlines). 要 after the ordinal (and
    是) is the point's modal verb where it is a word of its own; where it opens a word of the
    dictionary (一是要素…, 三是要害…) the headline holds it, and 一要素… is no point."""
    if len(series) < o.point_min_count:
        return []
    modal = words().point_modal
    heads = []
    for point in series:
        at = point.end()
        if point.group("v").endswith(modal) and not _a_word_of_its_own(text, at - len(modal), modal):
            if point.group("v") == modal:
                continue  # (一要素…: no point)
            at -= len(modal)  # (二是|要求真务实)
        m = headline.match(text, at)
        if m is not None:
            heads.append(m)
    return heads if len(heads) >= o.point_min_count else []


def _a_word_of_its_own(text: str, at: int, word: str) -> bool:
    """Tell whether `word` at `at` is a word of its own: it opens no word of the dictionary with
    the next character (要|带头…), or the tagger cuts it apart from that word (要|强化…, where
    要强 is a word too); not 要素, 要害 (there the headline holds it). (The dictionary first:
    the tagger joins 要带头 into one word.)"""
    if word_tag(text[at : at + len(word) + 1]) is None:
        return True
    tagged = default_tagger().tag(text[at : at + len(word) + POINT_WORD_LOOKAHEAD], False)
    return not tagged or tagged[0][0] == word


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


# characters read after a point's 要 to tell whether the tagger cuts it apart
POINT_WORD_LOOKAHEAD = 4
# an ordinal and 是, 要 or 是要 opening a paragraph (一是宏观政策要稳健有效。)…
_PARAGRAPH_POINT = re.compile(
    rf"^[ \u3000]*(?P<n>[{CN_NUMERALS}])(?P<v>是要|是|要)", re.MULTILINE
)
# …or a sentence inside one (一要打造改革新高地。复制推广…。二要…), the first one after a
# clause too (为此，一要…): a later point after a comma is a clause of the sentence before it
_SENTENCE_POINT = re.compile(
    rf"(?:^[ \u3000]*|(?<=[。：；])|(?<=，)(?={CN_NUMERALS[0]}))"
    rf"(?P<n>[{CN_NUMERALS}])(?P<v>是要|是|要)",
    re.MULTILINE,
)


@lru_cache(maxsize=4)
def _headline(shortest: int, longest: int) -> re.Pattern[str]:
    """A headline of Han characters (and quoted words) that a point's first sentence ends with,
    read right after the ordinal and 是."""
    return re.compile(rf"(?P<h>[{HAN}“”]{{{shortest},{longest}}})。")
