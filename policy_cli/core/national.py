"""The lexicon of established national formulations (data/national_formulations.tsv).

Built by scripts/build_national.py from the national evening news 2012-2022 and the national
reports of the background corpus; each entry knows its kind, the date (or year) national text
first says it, and in how many documents of that corpus it occurs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from policy_cli import data
from policy_cli.core.phrases import PhraseMatcher

LEXICON_FILE = "national_formulations.tsv"


@dataclass(frozen=True)
class NationalEntry:
    """An established national formulation and its evidence in the national corpus."""

    text: str
    kind: str
    first_seen: str  # YYYY-MM-DD (news) or YYYY (a background report); "" when unknown
    documents: int
    source: str  # seed | quoted


@lru_cache(maxsize=1)
def national_lexicon() -> dict[str, NationalEntry]:
    """Return the national lexicon: canonical text -> entry."""
    out: dict[str, NationalEntry] = {}
    for line in data.lines(LEXICON_FILE)[1:]:  # the first line names the columns
        parts = line.split("\t")
        if len(parts) < 5:
            continue
        text, kind, first_seen, documents, source = parts[:5]
        out[text] = NationalEntry(text, kind, first_seen, int(documents or 0), source)
    return out


@lru_cache(maxsize=1)
def national_matcher() -> PhraseMatcher:
    """A matcher for every entry of the national lexicon."""
    return PhraseMatcher(national_lexicon())


def first_seen_year(text: str) -> int | None:
    """The year national text first says `text`, or None when it is not in the lexicon."""
    entry = national_lexicon().get(text)
    if entry is None or not entry.first_seen[:4].isdigit():
        return None
    return int(entry.first_seen[:4])
