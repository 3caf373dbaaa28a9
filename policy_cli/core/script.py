"""Traditional characters: tell a text written in them and convert it to simplified for analysis.

The lexicon, the stop words, the IDF and every rule of the tool are simplified Chinese; a
document in traditional characters (Hong Kong, Taiwan, historical texts) is converted with
OpenCC's t2s table before analysis (the `traditional` extra: `pip install 'policy-cli[traditional]'`;
opencc-python-reimplemented, a pure-Python port with the same `opencc.OpenCC` API, works too).

The conversion keeps every character's place: t2s maps character to character (a phrase rule
maps a phrase to one of the same length), and the result is checked; where a conversion changes
a paragraph's length, that paragraph is converted character by character. So the offsets the
analyses report into the converted text point at the same characters of the original.

A text counts as traditional when at least MIN_SHARE of its Han characters, and MIN_CHARS of
them, are characters only traditional script uses (data/traditional_chars.txt, built by
scripts/build_traditional.py from OpenCC's table), so that a simplified text quoting 臺灣 is
left as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from policy_cli import data
from policy_cli.core.chars import HAN_EXTENDED

MIN_SHARE = 0.05  # of the Han characters
MIN_CHARS = 5
CONVERTED_NOTE = (
    "converted from traditional to simplified characters for analysis (OpenCC t2s, character "
    "for character: offsets point at the same characters of the original)"
)
NOT_CONVERTED_NOTE = (
    "the text is written in traditional characters and was analysed as it is: install "
    "'policy-cli[traditional]' (OpenCC) to convert it to simplified characters first"
)
# runs of Han characters, not one match a character (10 M characters: 0.43 -> 0.15 s)
_HAN_RUN = re.compile(rf"[{HAN_EXTENDED}]+")


@lru_cache(maxsize=1)
def _traditional() -> re.Pattern[str]:
    # a character set (a bitmap lookup a character) where str.translate with a dict of the
    # same characters looked each character up in the dict: 30 -> ~3 us a news item
    chars = sorted(set("".join(data.lines("traditional_chars.txt"))))
    return re.compile("[" + "".join(map(re.escape, chars)) + "]")


def traditional_share(text: str) -> float:
    """Return the share of a text's Han characters that only traditional script uses."""
    found = len(_traditional().findall(text))
    if found < MIN_CHARS:
        return 0.0
    han = sum(map(len, _HAN_RUN.findall(text)))
    return found / han if han else 0.0


def is_traditional(text: str) -> bool:
    """Tell whether a text is written in traditional characters (see the module docstring)."""
    return traditional_share(text) >= MIN_SHARE


@lru_cache(maxsize=1)
def _converter() -> Any:
    """OpenCC's t2s converter, or None when OpenCC is not installed."""
    try:
        import opencc
    except ImportError:
        return None
    return opencc.OpenCC("t2s")


def to_simplified(text: str, *, converter: Any = None) -> str | None:
    """Convert a text to simplified characters, keeping every character's place.

    Args:
        text: the text.
        converter: an object with `convert(str) -> str` (default: OpenCC t2s).

    Returns:
        The converted text, as long as `text`; None when OpenCC is not installed.
    """
    conv = converter or _converter()
    if conv is None:
        return None
    out = str(conv.convert(text))
    if len(out) == len(text):
        return out
    # a rule changed the length somewhere: keep the places paragraph by paragraph
    lines = []
    for line in text.split("\n"):
        done = str(conv.convert(line))
        if len(done) != len(line):
            done = "".join(_one(conv, ch) for ch in line)
        lines.append(done)
    return "\n".join(lines)


def _one(conv: Any, ch: str) -> str:
    """One character converted on its own (kept when its conversion is not one character)."""
    done = str(conv.convert(ch))
    return done if len(done) == 1 else ch


def simplify(text: str) -> tuple[str, str | None]:
    """Convert a text in traditional characters for analysis; say what was done.

    Returns:
        (the text to analyse, a note for the user or None when the text is simplified).
    """
    if not is_traditional(text):
        return text, None
    converted = to_simplified(text)
    if converted is None:
        return text, NOT_CONVERTED_NOTE
    return converted, CONVERTED_NOTE
