"""Wording helpers of a diff: quote marks, enumeration commas, years and plan numbers.

Two reports say the same thing when they differ only in quote marks (“六稳” and 六稳), in
enumeration commas (碳达峰、碳中和 and 碳达峰碳中和), in the particles that join a name's parts
(正确的政绩观 and 正确政绩观, 批评和自我批评 and 批评与自我批评) or in the calendar (2021年 and
2022年, 十三五 and 十四五): none of these is news.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from policy_cli.core.chars import CN_DIGITS, CN_NUMERALS, HAN, PLAN_PERIOD
from policy_cli.core.formulations.vocab import word_tag
from policy_cli.core.formulations.vocab import words as formulation_words
from policy_cli.core.occurrences import containers

# A year, a Five-Year-Plan number or an anniversary: 2021年 -> 2022年, 十三五 -> 十四五 and
# 一百周年 are the calendar moving on, not a change of policy.
_CALENDAR = re.compile(
    r"(?<!\d)(?:1[89]|20)\d\d(?!\d)"
    rf"|{PLAN_PERIOD}|第[{CN_NUMERALS}]+个五年(?:规划|计划)"
    r"|[\d一二两三四五六七八九十百]+周年"
)
_DIGITS = re.compile(r"\d+")
# a bare plan number of the 1980s-2000s or of a 普法 plan: “七五”, “八五”普法规划, “十五”
_PLAN_NUMBER = re.compile(rf"十?[{CN_DIGITS}]五|十五")

HAN_RUN = re.compile(rf"^[{HAN}]+$")
QUOTE_MARKS = "“”‘’\"'「」『』"
_UNQUOTE = str.maketrans("", "", QUOTE_MARKS)
NOT_WORDING = re.compile(r"[\s、，,·“”\"'‘’《》（）()]")


def is_calendar_variant(text: str, other_text: str = "") -> bool:
    """Tell whether `text` differs from the other report only by a year or plan number.

    Args:
        text: a term or formulation.
        other_text: the other report's text: a term with other digits in it (e.g. "G20" shaped
            like "G21") is a variant when the same shape with other digits occurs there.

    Returns:
        True for years, Five-Year-Plan numbers, anniversaries and digit variants.
    """
    if _CALENDAR.search(text) or _PLAN_NUMBER.fullmatch(text):
        return True
    if other_text and _DIGITS.search(text):
        pattern = _DIGITS.sub(lambda _m: r"\d+", re.escape(text))
        return re.search(pattern, other_text) is not None
    return False


_LONG_TEXT = 256  # characters: from here on quote marks are deleted one kind at a time


def unquoted(text: str) -> str:
    """Return `text` without quote marks."""
    if len(text) < _LONG_TEXT:
        return text.translate(_UNQUOTE)
    # `str.translate` looks up every character of a Chinese text in the table (~0.8 ms for
    # a 17k-character report, and a diff unquotes each report many times); ten `replace`
    # scans delete the same characters in ~0.1 ms
    for mark in QUOTE_MARKS:
        text = text.replace(mark, "")
    return text


def find_unquoted(text: str, phrase: str) -> int:
    """Offset in `text` of `phrase`, quote marks inside the text allowed between its characters."""
    at = text.find(phrase)
    if at >= 0:
        return at
    gap = "[" + re.escape(QUOTE_MARKS) + "]*"
    m = re.search(gap.join(re.escape(ch) for ch in phrase), text)
    return m.start() if m else -1


def novelty(text: str, other_text: str) -> float:
    """Return the share of `text` not covered by its longest substring found in `other_text`.

    Args:
        text: a formulation.
        other_text: the other report.

    Returns:
        1.0 when not even one of its characters occurs in the other report, 0.0 when all of
        it does (punctuation ignored).
    """
    core = NOT_WORDING.sub("", text)
    n = len(core)
    if n == 0:
        return 1.0

    # a substring said implies its shorter substrings said: slide a window over `core`,
    # growing it while what it holds is said and moving its start when not; each failed
    # search scans the whole other report, and there are at most n of them (a search by
    # halving the length tried every window of a length, ~n log n searches)
    # a window is said only if its last two characters are (a set lookup spares most of the
    # failed searches)
    pairs = _pairs(other_text)
    longest = start = end = 0  # core[start:end] is said
    while end < n:
        if (end == start or core[end - 1 : end + 1] in pairs) and \
                core[start : end + 1] in other_text:
            end += 1
            longest = max(longest, end - start)
        else:
            start += 1
            end = max(end, start)
    return 1.0 - longest / n


@lru_cache(maxsize=4)
def _pairs(text: str) -> frozenset[str]:
    """Every two-character string of `text` (cached: a diff asks about its two reports)."""
    return frozenset(map(text.__getitem__, map(slice, range(len(text)), range(2, len(text) + 1))))


def unlisted(text: str) -> str:
    """Return `text` without enumeration commas (碳达峰、碳中和 -> 碳达峰碳中和)."""
    return text.replace("、", "")


def unlinked(text: str) -> str:
    """Return `text` with the particles that join a name's parts made alike: a modifier's
    particle (的, 之) left out, a conjunction (和, 与, 及) or an enumeration comma written 和
    (`link_particles`, `link_conjunctions` of the formulation rules). Two reports that differ
    only in those say the same thing: 正确的政绩观 is 正确政绩观, 批评与自我批评 is 批评和自我批评,
    资源节约型、环境友好型社会 is 资源节约型和环境友好型社会, where 和平与发展 stays apart from 和平
    发展. A particle that is part of a word of the dictionary with the character before or after
    it (目的, 和平, 及时) is left as it is."""
    w = formulation_words()
    joiner = w.link_conjunctions[0]  # (和)
    return _link_pattern().sub(lambda m: _link(m, text, w.link_particles, joiner), text)


@lru_cache(maxsize=1)
def _link_pattern() -> re.Pattern[str]:
    w = formulation_words()
    return re.compile(f"[{re.escape(w.link_particles + w.link_conjunctions)}、]")


def _link(m: re.Match[str], text: str, particles: str, joiner: str) -> str:
    at, ch = m.start(), m.group()
    if ch == "、":
        return joiner
    in_word = (at > 0 and word_tag(text[at - 1 : at + 1]) is not None) or (
        word_tag(text[at : at + 2]) is not None
    )
    if in_word:
        return ch  # 目的, 和平, 之一: a word's own character
    return "" if ch in particles else joiner


def drop_contained(items: list[Any], *, key: Callable[[Any], Any]) -> list[Any]:
    """Drop items whose text lies inside a longer item with the same counts."""
    name = "text" if items and hasattr(items[0], "text") else "term"
    by_key: dict[Any, list[str]] = {}
    for it in items:
        by_key.setdefault(key(it), []).append(getattr(it, name))
    held = {k: containers(texts) for k, texts in by_key.items()}  # not all pairs: one pass
    return [it for it in items if getattr(it, name) not in held[key(it)]]


_OPENING = "“‘\"'「『"


MAX_QUOTED_PREFIXES = 1_000_000  # more strings than this: the text is searched per phrase
QUOTED_PREFIX = 16  # characters after each opening quote mark `_quoted_prefixes` keeps


def is_quoted(text: str, phrase: str, *, at: int = -1) -> bool:
    """Tell whether `text` prints `phrase` in quote marks at least once (“三大攻坚战”).

    `at`, when known, is an offset where `phrase` may occur (its first occurrence): it spares
    a search of the text.
    """
    plain = unquoted(phrase)
    if not plain:
        return False
    if len(plain) <= QUOTED_PREFIX:
        # one lookup instead of a scan of the text per phrase (a diff asks about every term)
        prefixes = _quoted_prefixes(text)
        if prefixes is not None:
            if plain in prefixes:
                return True
            if (at >= 0 and text.startswith(plain, at)) or plain in text:
                return False
            # printed with quote marks inside (“六稳”、“六保”): where it starts counts
            at = find_unquoted(text, plain)
            return at > 0 and text[at - 1] in _OPENING
    at = text.find(plain)
    if at < 0:
        at = find_unquoted(text, plain)
        return at > 0 and text[at - 1] in _OPENING
    while at >= 0:
        if at > 0 and text[at - 1] in _OPENING:
            return True
        at = text.find(plain, at + 1)
    return False


@lru_cache(maxsize=4)
def _quoted_prefixes(text: str) -> frozenset[str] | None:
    """Every string of 1 to `QUOTED_PREFIX` characters that follows an opening quote mark in
    `text`: a phrase is printed in quote marks when it is one of them. Built in one pass over
    the text (cached: a diff asks about the same two texts again and again); None for a text
    of more quote marks than `MAX_QUOTED_PREFIXES` strings allow (the search per phrase then)."""
    openings = [i + 1 for i, ch in enumerate(text) if ch in _OPENING]
    if len(openings) * QUOTED_PREFIX > MAX_QUOTED_PREFIXES:
        return None
    return frozenset(
        text[at : at + length]
        for at in openings
        for length in range(1, QUOTED_PREFIX + 1)
        if at + length <= len(text)
    )
