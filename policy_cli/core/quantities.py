"""Quantities of targets: the words that state a value, and a value read as numbers.

A target value is written "5.5%左右", "不低于3%", "5.0%—5.5%", "分别再增加30元和5元" or, in
Chinese numerals, "百分之三点五"; its year "二〇三五年". The words (modifiers, units, verbs of
change, the comparison and percent words, the modifier of a range) are data:
`policy_cli/data/target_words.tsv`, checked by scripts/check_target_data.py. Numerals are no
word list: their characters come from core/chars.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from policy_cli.core.chars import CN_DIGITS, CN_MAGNITUDES, CN_NUMERALS, CN_ZEROS
from policy_cli.core.normalize import arabic_digits
from policy_cli.data import lines

WORDS_FILE = "target_words.tsv"
# a number as printed: digits, maybe grouped by thousands (1,200万人), maybe a decimal part
NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
THOUSANDS_MARK = ","
DASHES = "－—\\-~～至到"
# the signs of a value below zero, right before its number after a verb of change (增长-2%):
# ASCII, full-width and the minus sign (the dashes of a range are between two numbers)
MINUS_SIGNS = "-－−"


@dataclass(frozen=True)
class Words:
    """The word lists of target_words.tsv, by kind, longest word first."""

    by_kind: dict[str, tuple[str, ...]]

    def __getitem__(self, kind: str) -> tuple[str, ...]:
        return self.by_kind.get(kind, ())

    def alternation(self, *kinds: str) -> str:
        """A regex alternation of the words of `kinds`, longest first."""
        words = sorted({w for k in kinds for w in self[k]}, key=lambda w: (-len(w), w))
        return "|".join(re.escape(w) for w in words)

    def group(self, *kinds: str) -> str:
        """The alternation as one regex item: bare for a single word, else in (?:…)."""
        alts = self.alternation(*kinds)
        return alts if len({w for k in kinds for w in self[k]}) == 1 else f"(?:{alts})"


@cache
def target_words() -> Words:
    """Read the word lists of targets (modifiers, units, verbs) once."""
    found: dict[str, list[str]] = {}
    for line in lines(WORDS_FILE):
        kind, _, word = line.partition("\t")
        if word:
            found.setdefault(kind, []).append(word.strip())
    return Words({k: tuple(sorted(v, key=lambda w: (-len(w), w))) for k, v in found.items()})


@dataclass(frozen=True)
class Quantity:
    """A value read as structure: numbers, unit, modifier, and which way it moves."""

    numbers: tuple[float, ...]
    unit: str | None
    modifier: str | None
    direction: str | None  # "up" | "down" when the value is a change (降低3%左右)


def range_modifier() -> str:
    """The modifier of a range "5.0%—5.5%" that no word qualifies (target_words.tsv's `range`)."""
    return target_words()["range"][0]


@dataclass(frozen=True)
class _Patterns:
    qty: re.Pattern[str]  # a number and its unit
    lead: re.Pattern[str]  # what comes before the first number: again, a verb, a prefix
    tail: re.Pattern[str]  # a modifier after the value
    compare: re.Pattern[str]  # a comparison before a verb of change: 比去年(扩大)


@cache
def _patterns() -> _Patterns:
    w = target_words()
    unit = rf"(?:[%％]|(?:{w.alternation('magnitude')})?(?:{w.alternation('unit')})(?:/人|/年)?|" \
        rf"(?:{w.alternation('magnitude')}))"
    qty = re.compile(rf"(?P<num>{NUMBER})(?P<unit>{unit})?")
    lead = re.compile(
        rf"^(?P<again>(?:{w.alternation('again')})*)(?P<verb>{w.alternation('up', 'down', 'grow')})?"
        rf"(?P<pre>{w.alternation('prefix', 'plain')})?"
    )
    tail = re.compile(rf"(?P<suf>{w.alternation('suffix')})$")
    compare = re.compile(rf"^{w.group('compare')}[^\d]{{0,6}}?(?=(?:{w.alternation('up', 'down')}))")
    return _Patterns(qty, lead, tail, compare)


def read_quantity(value: str) -> Quantity:
    """Read a target value as numbers, unit, modifier and direction.

    Args:
        value: the value as the extractor states it ("5.5%左右", "降低3%左右", "5.0%—5.5%",
            "分别再增加30元和5元", "比去年扩大2万亿元以上"); a qualitative value ("基本平衡")
            gives no numbers.

    Returns:
        The Quantity. A range has two numbers and the modifier `range_modifier()` ("区间")
        unless a word says more; the unit is the first one written (a range "6%－6.5%" shares
        it); a verb of change before the value gives `direction`.
    """
    patterns = _patterns()
    qty, lead, tail = patterns.qty, patterns.lead, patterns.tail
    w = target_words()
    text = patterns.compare.sub("", value)
    text = text.replace(" ", "").replace("％", "%")
    found = list(qty.finditer(text))
    if not found:
        return Quantity((), None, None, None)
    first = found[0].start()
    negative = first > 0 and text[first - 1] in MINUS_SIGNS
    opens = first - 1 if negative else first  # (增长-2%: the sign is the value's)
    head = lead.match(text[:opens])
    if head is None or head.end() != opens:
        return Quantity((), None, None, None)  # a number inside a qualitative value
    verb = head.group("verb") if head else None
    pre = head.group("pre") if head else None
    direction = None
    if verb:
        direction = "down" if verb in w["down"] else "up"
    suf = tail.search(text)
    modifier = suf.group("suf") if suf else (pre if pre in w["prefix"] else None)
    numbers = tuple(float(m.group("num").replace(THOUSANDS_MARK, "")) for m in found)
    if negative:
        numbers = (-numbers[0], *numbers[1:])
    units = [m.group("unit") for m in found if m.group("unit")]
    unit = units[-1] if len(found) == 2 and _is_range(text, found) else (units[0] if units else None)
    if modifier is None and _is_range(text, found):
        modifier = range_modifier()
    return Quantity(numbers, unit.replace("％", "%") if unit else None, modifier, direction)


# the value of each character of a magnitude word (万亿 = 万 x 亿): numerals, not a word list
_MAGNITUDE_DIGITS = {"十": 10.0, "百": 100.0, "千": 1e3, "万": 1e4, "亿": 1e8}


def split_magnitude(unit: str | None) -> tuple[float, str | None]:
    """Split a unit into its magnitude and its base unit: 万亿元 -> (1e12, "元"), % -> (1, %).

    The magnitude words are target_words.tsv's (万亿, 千亿, 亿, 万, 千); two values in
    亿元 and 万亿元 are then compared as amounts (8000亿元 < 1.35万亿元).
    """
    if not unit:
        return 1.0, unit
    for word in target_words()["magnitude"]:  # longest first
        if unit.startswith(word):
            factor = 1.0
            for ch in word:
                factor *= _MAGNITUDE_DIGITS.get(ch, 1.0)
            return factor, unit[len(word) :] or None
    return 1.0, unit


def _is_range(text: str, found: list[re.Match[str]]) -> bool:
    if len(found) != 2:
        return False
    between = text[found[0].end() : found[1].start()]
    return len(between) == 1 and between in DASHES


# -- Chinese numerals --------------------------------------------------------------------------
_CN = f"{CN_ZEROS}两{CN_NUMERALS}{CN_MAGNITUDES}亿点"  # the characters of a number in words
_YEAR_CN = re.compile(rf"(?P<n>[一二][〇○0零{CN_DIGITS}]{{3}})(?=年)")


def arabic_numbers(text: str) -> str:
    """Write the Chinese numerals of percentages and years in Arabic digits.

    百分之三点五 -> 3.5%, 二〇三五年 -> 2035年. Other numerals (十四五, 一带一路, 两个大局) are names
    and stay as they are. Offsets into the result are not offsets into `text`.
    """
    if not any(ch in text for ch in "百〇○零一二"):
        return text

    def percent(m: re.Match[str]) -> str:
        n = _cn_number(m.group("n"))
        return f"{_plain(n)}%" if n is not None else m.group()

    # a year is read digit by digit (二〇三五, 二0一0)
    return _YEAR_CN.sub(lambda m: arabic_digits(m.group("n")), _percent_cn().sub(percent, text))


_DIGIT = re.compile(r"\d")
_NUMERAL_START = re.compile("[百〇○零一二]")  # what a percentage or a year in words opens with


def may_hold_number(text: str) -> bool:
    """Whether `text`, or `arabic_numbers(text)`, holds a digit (a value needs one).

    False means that no `NUMBER` can match either text, so that a caller can pass it over
    without writing its numerals in digits first.
    """
    if _DIGIT.search(text):
        return True
    if not _NUMERAL_START.search(text):
        return False
    return bool(_YEAR_CN.search(text) or _percent_cn().search(text))


@cache
def _percent_cn() -> re.Pattern[str]:
    """A percentage in words: 百分之三点五."""
    return re.compile(rf"{target_words().group('percent')}(?P<n>[{_CN}]+)")


def _cn_number(numeral: str) -> float | None:
    """Read a Chinese numeral (三点五, 一千一百, 二〇三五) with cn2an; None when it is not one."""
    import warnings

    import cn2an  # imported here: only documents with Chinese numerals pay for it

    numeral = numeral.replace("○", "〇")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # cn2an warns on over-long decimals
            value = cn2an.cn2an(numeral, "normal")
    except (ValueError, KeyError, IndexError):
        return None
    return float(value)


def _plain(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"
