"""Where a report says something: in a section heading, in its overall requirements, elsewhere.

A reader weighs a change by where it is said. Work reports and plans state the year's overall
requirements and goals in a part of their own (二、2022年经济社会发展总体要求和政策取向); each
task section opens with a heading sentence that names what the whole section is about ((一)着力
稳定宏观经济大盘，…). The words that mark the requirements part are data
(`policy_cli/data/report_parts.tsv`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from policy_cli.core.chars import CN_NUMERALS
from policy_cli.core.diff.text import QUOTE_MARKS, unquoted
from policy_cli.data import lines
from policy_cli.models import Document

PARTS_FILE = "report_parts.tsv"
# a part heading (一、…) and a section heading ((一)…, 1.…) open their paragraph
_PART = re.compile(rf"^\s*[{CN_NUMERALS}]+、")
_SECTION = re.compile(rf"^\s*(?:[（(][{CN_NUMERALS}\d]+[）)]|\d+[.．、](?!\d))")
_HEADING_END = "。！？；\n"
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")
MAX_HEADING = 80  # characters: a longer opening sentence is text, not a heading


@lru_cache(maxsize=1)
def _part_words() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for line in lines(PARTS_FILE):
        kind, _, word = line.partition("\t")
        if word.strip():
            found.setdefault(kind.strip(), []).append(word.strip())
    return {k: tuple(v) for k, v in found.items()}


@dataclass(frozen=True)
class Outline:
    """The heading sentences of a document and its overall-requirements part, quote marks aside.

    Each holds its spans' text joined by line breaks, so that a phrase is looked up in it as a
    substring.
    """

    headings: str
    requirements: str
    year: int | None = None  # the latest year its part headings name (二、2022年…): its year

    def place(self, phrase: str) -> str:
        """Tell where a report says `phrase` most prominently.

        Returns:
            "heading" (a section heading says it: the section is about it), "requirements"
            (the overall requirements and goals say it) or "" (only the body of the text).
        """
        plain = unquoted(phrase)
        if plain and plain in self.headings:
            return "heading"
        if plain and plain in self.requirements:
            return "requirements"
        return ""


def outline(document: Document) -> Outline:
    """Find the heading sentences and the overall-requirements part of a document."""
    words = _part_words().get("requirements", ())
    text = document.text
    headings: list[str] = []
    parts: list[tuple[int, bool]] = []  # (start, is requirements) of each part heading
    for para in document.paragraphs:
        body = para.text
        if not (_PART.match(body) or _SECTION.match(body)):
            continue
        cut = min((i for i in (body.find(ch) for ch in _HEADING_END) if i >= 0), default=-1)
        heading = body[: cut + 1] if cut >= 0 else body
        if len(heading) > MAX_HEADING:
            continue
        headings.append(heading)
        if _PART.match(body):
            parts.append((para.start, any(w in heading for w in words)))
    requirements = [
        text[start : parts[i + 1][0] if i + 1 < len(parts) else len(text)]
        for i, (start, is_req) in enumerate(parts)
        if is_req
    ]
    years = [int(y) for y in _YEAR.findall("\n".join(headings))]
    return Outline(
        unquoted("\n".join(headings)), unquoted("\n".join(requirements)), max(years, default=None)
    )


def occurrences(text: str, phrase: str) -> list[int]:
    """Offsets in `text` where `phrase` occurs, quote marks inside the text allowed."""
    if not phrase:
        return []
    gap = "[" + re.escape(QUOTE_MARKS) + "]*"
    pattern = gap.join(re.escape(ch) for ch in phrase)
    return [m.start() for m in re.finditer(pattern, text)]
