"""The lexicon of established national formulations (data/national_formulations.tsv).

Built by scripts/build_national.py from the national evening news 2012-2022 and the national
reports of the background corpus; each entry knows its kind, the date (or year) national text
first says it, and in how many documents of that corpus it occurs.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from policy_cli import data
from policy_cli.core.bloom import BloomFilter
from policy_cli.core.chars import CN_NUMERALS, small_number, small_numeral
from policy_cli.core.phrases import PhraseMatcher, key

LEXICON_FILE = "national_formulations.tsv"
PHRASES_FILE = "national_phrases.bloom"
# the runs of the lexicon national text says before 的 in most of their uses (built by
# scripts/build_qualifiers.py): qualities of the noun that follows (…|的资本市场)
QUALIFIERS_FILE = "national_qualifiers.tsv"
# how often national text names an entry with an opener of `named_openers` (built by
# scripts/build_openers.py): 党的|群众路线 in most of its uses, 党的|乡村振兴战略 almost never
OPENERS_FILE = "national_openers.tsv"
# the word national text says after a national set or code most often, and its share of the
# uses (built by scripts/build_referents.py): “三个代表”|重要思想 always, “一带一路” no one word
REFERENTS_FILE = "national_referents.tsv"
# the source of entries that are national formulations and everyday policy writing too (one
# current local report says them) or a standing system's plain name (社会主义市场经济体制): the
# stage lists them only where a document frames itself with them, said again and again
FRAMING_SOURCE = "framing"
# the source of entries that current local reports make everyday writing (two or more say them:
# 改革开放, 营商环境, 保障和改善民生): no entries of the lexicon, they are kept apart
# (`everyday_lexicon`) with the year national text first says them steadily, and listed only in
# a document of an earlier era (see formulations/national.py)
EVERYDAY_SOURCE = "everyday"


class NationalEntry(NamedTuple):
    """An established national formulation and its evidence in the national corpus (a named
    tuple: ~3,400 of them are read on a run's first lookup, a third of the time of a frozen
    dataclass's)."""

    text: str
    kind: str
    first_seen: str  # YYYY-MM-DD (news) or YYYY (a background report); "" when unknown
    documents: int
    source: str  # seed | reports | quoted | provincial | framing | everyday


@lru_cache(maxsize=1)
def national_lexicon() -> dict[str, NationalEntry]:
    """Return the national lexicon: canonical text -> entry (the everyday entries aside)."""
    return {t: e for t, e in _entries().items() if e.source != EVERYDAY_SOURCE}


@lru_cache(maxsize=1)
def everyday_lexicon() -> dict[str, NationalEntry]:
    """Return the everyday entries (`EVERYDAY_SOURCE`): canonical text -> entry, first_seen the
    year national text first says it steadily."""
    return {t: e for t, e in _entries().items() if e.source == EVERYDAY_SOURCE}


@lru_cache(maxsize=1)
def _entries() -> dict[str, NationalEntry]:
    out: dict[str, NationalEntry] = {}
    for line in data.lines(LEXICON_FILE)[1:]:  # the first line names the columns
        parts = line.split("\t", 5)
        if len(parts) < 5:
            continue
        text, kind, first_seen, documents, source = parts[:5]
        out[text] = NationalEntry(text, kind, first_seen, int(documents or 0), source)
    return out


@lru_cache(maxsize=1)
def national_qualifiers() -> frozenset[str]:
    """Return the runs of the lexicon that qualify (`QUALIFIERS_FILE`): national text says them
    before 的 in most of their uses, so that they name the noun that follows with it."""
    rows = data.lines(QUALIFIERS_FILE)[1:]  # (the first line names the columns)
    return frozenset(row.split("\t", 1)[0] for row in rows)


@lru_cache(maxsize=1)
def national_openers() -> dict[tuple[str, str], int]:
    """Return (entry, opener) -> the percentage of the entry's uses in national text said right
    after the opener (`OPENERS_FILE`: 群众路线 after 党的 in 78 %), for the entries said so
    twice or more."""
    out: dict[tuple[str, str], int] = {}
    for row in data.lines(OPENERS_FILE)[1:]:  # (the first line names the columns)
        text, opener, uses, after, _ = row.split("\t", 4)
        out[(text, opener)] = 100 * int(after) // max(1, int(uses))
    return out


@lru_cache(maxsize=1)
def _national_texts_sorted() -> tuple[str, ...]:
    """The canonical texts of the national lexicon, sorted: its entries by their openings."""
    return tuple(sorted(national_lexicon()))


def opens_a_national_entry(prefix: str) -> bool:
    """Tell whether an entry of the national lexicon (its canonical text) opens with `prefix`
    (防范化解 opens 防范化解重大风险; 和美 opens 和美乡村)."""
    texts = _national_texts_sorted()
    at = bisect_left(texts, prefix)
    return at < len(texts) and texts[at].startswith(prefix)


@lru_cache(maxsize=1)
def national_referents() -> dict[str, tuple[str, int]]:
    """Return entry -> (the word national text says after it most often, the percentage of its
    uses it does), for the sets and codes of the lexicon the news says with a word after them
    often enough to tell (`REFERENTS_FILE`)."""
    out: dict[str, tuple[str, int]] = {}
    for row in data.lines(REFERENTS_FILE)[1:]:  # (the first line names the columns)
        text, uses, word, after, _ = row.split("\t", 4)
        out[text] = (word, 100 * int(after) // max(1, int(uses)))
    return out


@lru_cache(maxsize=1)
def national_matcher() -> PhraseMatcher:
    """A matcher for every entry of the national lexicon but the framing ones."""
    return PhraseMatcher(t for t, e in national_lexicon().items() if e.source != FRAMING_SOURCE)


@lru_cache(maxsize=1)
def framing_matcher() -> PhraseMatcher:
    """A matcher for the framing entries of the national lexicon (`FRAMING_SOURCE`), found apart
    from the others: where a document does not say one often enough, it hides none of them."""
    return PhraseMatcher(t for t, e in national_lexicon().items() if e.source == FRAMING_SOURCE)


@lru_cache(maxsize=1)
def everyday_matcher() -> PhraseMatcher:
    """A matcher for the everyday entries (`EVERYDAY_SOURCE`)."""
    return PhraseMatcher(everyday_lexicon())


def first_seen_year(text: str) -> int | None:
    """The year national text first says `text`, or None when it is not in the lexicon."""
    entry = national_lexicon().get(text)
    if entry is None or not entry.first_seen[:4].isdigit():
        return None
    return int(entry.first_seen[:4])


@lru_cache(maxsize=1)
def _phrases() -> BloomFilter:
    resource = resources.files(data).joinpath(PHRASES_FILE)
    if isinstance(resource, Path):  # installed as files (not in a zip): mapped, not read
        try:
            return BloomFilter.open(resource)
        except (OSError, ValueError):  # no mapping here (or an empty file): read it whole
            pass
    return BloomFilter.from_bytes(resource.read_bytes())


# the ordinal of a member of a series (第十五个五年规划, 第二十次全国代表大会), and how many
# members before it a name of the series is looked for among (the corpus ends in 2022)
_ORDINAL = re.compile(f"第([{CN_NUMERALS}]{{1,3}})")
SERIES_LOOKBACK = 3


def said_in_series(text: str) -> bool:
    """Tell whether national text says `text`, or, for a member of a series named by its
    ordinal, the same name with one of the `SERIES_LOOKBACK` ordinals before it (国民经济和社会
    发展第十五个五年规划, newer than the corpus, is said where the fourteenth's name is)."""
    if said_nationally(text):
        return True
    m = _ORDINAL.search(text)
    n = small_number(m.group(1)) if m else None
    if m is None or n is None:
        return False
    return any(
        said_nationally(text[: m.start(1)] + small_numeral(k) + text[m.end(1) :])
        for k in range(max(1, n - SERIES_LOOKBACK), n)
    )


def said_nationally(text: str) -> bool:
    """Tell whether national text (the news 2012-2022, the background reports) says `text` on two
    days or more: False means the phrase is the document's own coinage, or newer than 2022.

    Answers from a Bloom filter of the corpus's word n-grams (up to 8 words, 24 characters; a
    longer phrase is said when every 24-character window of it is), so about 1 in 200 phrases
    the corpus never says is taken as said.
    """
    k = key(text)
    if not k:
        return False
    phrases = _phrases()
    width = 24
    if len(k) <= width:
        return k in phrases
    return all(k[i : i + width] in phrases for i in range(0, len(k) - width + 1, width // 2))
