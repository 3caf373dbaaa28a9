"""Character classes of Chinese text, for regular expressions, in one place.

What "a Chinese character" and "a Chinese digit" mean is a property of Unicode and of the
written language, not of any analysis: every module takes them from here (as strings to put
inside a character class, `[{HAN}]`) so that they all mean the same.
"""

from __future__ import annotations

import re

# The CJK Unified Ideographs: the characters of a Chinese word (a Unicode block, not a rule).
HAN = "\u4e00-\u9fff"
# ...with Extension A and the compatibility ideographs (rare characters, old encodings)
HAN_EXTENDED = "\u3400-\u4dbf" + HAN + "\uf900-\ufaff"
# CJK Radicals Supplement and Kangxi Radicals: some PDF text layers draw 人 as ⼈ (U+2F08)
RADICALS = "\u2e80-\u2fdf"
# CJK symbols and punctuation, full-width forms and curly quotes: the marks around Chinese text
CJK_MARKS = "\u3000-\u303f\uff00-\uffef\u2018-\u201d"

# Chinese numerals, as documents write them
CN_DIGITS = "一二三四五六七八九"  # one to nine
# zero as years and numbers write it (二〇二五, 二○二五, 二零二五; the full-width digit of a
# typeset report: 二０二０)
CN_ZEROS = "〇○零０"
CN_NUMERALS = CN_DIGITS + "十"  # the numbers of headings and ordinals: 一、 （二） 第三 十是
CN_YEAR_DIGITS = CN_ZEROS + CN_DIGITS  # the digits of a year written out
# ...and the full-width letter Ｏ that some typeset dates put for 〇 (二ＯＯ七年)
CN_DATE_DIGITS = CN_ZEROS + "Ｏ" + CN_DIGITS
CN_MAGNITUDES = "百千万"  # hundred, thousand, ten thousand: numbers written out in words
PLAN_PERIOD = f"十[{CN_DIGITS}]五"  # a five-year plan by its number: 十四五, 十五五
CIRCLED_NUMBERS = "\u2460-\u2473"  # ① to ⑳: the numbers of items in a list

# The marks that number the items of a list, by kind (one list keeps one kind): 1. 2． 3、,
# （4）, 一、, （一）, ①. Named groups: which kind a mark is tells a list's items from what
# follows it (a section heading 二、 after a glossary numbered 1. 2.).
ITEM_MARK = (
    r"(?P<arabic>\d+\s*[.．、])|(?P<arabic_paren>[（(]\d+[)）])"
    rf"|(?P<numeral>[{CN_NUMERALS}]+、)|(?P<numeral_paren>[（(][{CN_NUMERALS}]+[)）])"
    rf"|(?P<circled>[{CIRCLED_NUMBERS}])"
)

HAN_CHAR = re.compile(f"[{HAN}]")
HAN_RUN = re.compile(f"[{HAN}]+")
_SMALL = {ch: i for i, ch in enumerate(CN_DIGITS, 1)}
_DIGIT_VALUE = {ch: i for i, ch in enumerate("〇" + CN_DIGITS)} | {"○": 0, "零": 0, "Ｏ": 0, "０": 0}


def is_han(text: str) -> bool:
    """Tell whether a string is all Chinese characters (and not empty)."""
    return HAN_RUN.fullmatch(text) is not None


def han_count(text: str) -> int:
    """How many Chinese characters a string holds."""
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


def digit_value(ch: str) -> int | None:
    """The value of a Chinese digit (〇 and its look-alikes 0, 一 1 … 九 9); None otherwise."""
    return _DIGIT_VALUE.get(ch)


def small_number(text: str) -> int | None:
    """Read a Chinese numeral from 1 to 99 (十九 -> 19, 三 -> 3); None for anything else."""
    tens, ten, ones = text.partition("十")
    if not ten:
        return _SMALL.get(text)
    high = _SMALL.get(tens) if tens else 1
    low = _SMALL.get(ones) if ones else 0
    return None if high is None or low is None else high * 10 + low


def small_numeral(n: int) -> str:
    """Write a number from 1 to 99 in Chinese numerals (19 -> 十九, 3 -> 三, 20 -> 二十): the
    inverse of `small_number`; digits for any other number."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    return (
        (CN_DIGITS[tens - 1] if tens > 1 else "") + ("十" if tens else "")
        + (CN_DIGITS[ones - 1] if ones else "")
    )
