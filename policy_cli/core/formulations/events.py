"""Stage `event`: a fair or expo by its short name (进博会, 广交会, 东博会, 投洽会, 服贸会), and the
anniversaries and central work conferences a short text of the centre names.

The short name of a fair is one character of its place or theme and the short form of its kind
(博会 of 博览会, 交会 of 交易会, 洽会 of 洽谈会, 贸会 of 贸易会): a word of its own, said as a
name (第21届东博会, 华创会、汉交会等). What a longer word holds (快速|交会对接: two craft meeting in
orbit) starts no word there, so it names no fair.

An anniversary of the nation, the Party, the army or the reform (建党100周年, 中华人民共和国成立
70周年, 中国人民抗日战争暨世界反法西斯战争胜利70周年, 西藏自治区成立50周年: rule `anniversary`,
`anniversary_subjects` of the rules) is the occasion a communiqué or a conference's news works
towards (以优异成绩庆祝建党100周年); so is a work conference of the centre it follows (中央人才
工作会议, 中央第七次西藏工作座谈会: rule `conference`; `conference_heads`, no verb that calls the
meeting in its topic: 中央|召开|…). A report or a local text mentions the year's anniversaries
and the conferences it implements in passing, and is not read for them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from policy_cli.core.chars import HAN
from policy_cli.core.formulations.candidate import BY_RULE, Candidate
from policy_cli.core.formulations.national import short_central_text
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import rules, words
from policy_cli.core.tokens import Segmentation, segment_text

STAGE = "event"


def find_events(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield the fairs a text names by their short name, and the anniversaries and central work
    conferences a short text of the centre names."""
    w = words()
    said = w.anniversary_mark in text or any(h in text for h in w.conference_heads)
    if said and short_central_text(text, options):
        yield from _occasions(text, options)
    if not any(h in text for h in w.fair_heads):
        return  # (most texts)
    found = list(_fair().finditer(text))
    if not found:
        return
    seg = seg or segment_text(text)
    for m in found:
        start, end = m.span()
        if text[start] in w.function_words or not (
            seg.starts_word(start) or text[start - 1 : start] in w.fair_editions
        ):
            continue  # (第21届|东博会: the segmenter may glue the edition to the name)
        if not seg.starts_word(end) and end < len(text):
            continue
        if text.startswith(w.fair_verbs_after, end):
            continue  # 交会对接: a meeting in orbit
        if text[start] in w.fair_not_openers:
            continue  # 在此交会: two rivers meet here
        yield Candidate(m.group(), "name", start, None, (), BY_RULE, STAGE, "fair")


def _occasions(text: str, options: FormulationOptions) -> Iterator[Candidate]:
    """The anniversaries a short text of the centre serves and the central work conferences it
    follows (a conference whose topic holds the verb that calls it is none)."""
    w = words()
    for m in _anniversary().finditer(text):
        yield Candidate(m.group(), "name", m.start(), None, (), BY_RULE, STAGE, "anniversary")
    for m in _conference(options.conference_topic_max).finditer(text):
        if any(v in m.group("topic") for v in w.conference_topic_verbs):
            continue  # 中央|召开|人才工作会议: the verb that calls it, no topic
        yield Candidate(m.group(), "name", m.start(), None, (), BY_RULE, STAGE, "conference")


@lru_cache(maxsize=1)
def _anniversary() -> re.Pattern[str]:
    """What is founded, won or returned and a count of years before 周年, in digits or in words
    (100周年, 一百周年)."""
    w = words()
    subjects = "|".join(re.escape(s) for s in sorted(w.anniversary_subjects, key=len, reverse=True))
    count = rules()["characters"]["count"]
    return re.compile(rf"(?:{subjects})(?:[0-9]{{1,3}}|[{count}]{{1,4}}){w.anniversary_mark}")


@lru_cache(maxsize=4)
def _conference(topic_max: int) -> re.Pattern[str]:
    """The centre's scope word, maybe the meeting's ordinal (第七次), a topic of Han characters
    with no joining or qualifying word (checked for the verbs that call a meeting where it is
    used), and the kind of meeting (工作会议)."""
    w = words()
    heads = "|".join(re.escape(h) for h in w.conference_heads)
    topic = rf"[^\W\d_{re.escape(w.conference_topic_breaks)}]"
    return re.compile(
        rf"{re.escape(w.conference_scope)}(?:{w.conference_ordinal})?"
        rf"(?P<topic>(?:(?=[{HAN}]){topic}){{1,{topic_max}}}?)(?:{heads})"
    )


@lru_cache(maxsize=1)
def _fair() -> re.Pattern[str]:
    heads = "|".join(re.escape(h) for h in words().fair_heads)
    return re.compile(rf"[{HAN}](?:{heads})")
