"""How established a phrase is in national text: the news a reader weighs a change against.

Two sources say it. The lexicon of established national formulations (`core/national.py`) knows
a formulation's first appearance and the number of national documents that say it; the
background IDF table (`core/keywords.py`) knows in what share of national documents a word
occurs. Both become one `rarity` in [0, 1]: 1 for a phrase national text never used (a coinage
such as 新质生产力 in a report after the corpus ends), 0 for a word of every document. A better
IDF table or lexicon (built from more national text) sharpens it without a change here.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from policy_cli.core.diff.text import unquoted
from policy_cli.core.keywords import IdfTable, load_idf
from policy_cli.core.national import national_lexicon, said_nationally
from policy_cli.core.phrases import canonical
from policy_cli.core.segment import default_segmenter, lexicon_words


@dataclass(frozen=True)
class Standing:
    """A phrase's place in national text.

    `documents` is the number of national documents that say it (None: not known as a unit);
    `first_seen` the date or year national text first says it ("" when unknown); `rarity` 1.0
    for a phrase national text never used, near 0.0 for one every document uses; `lexicon` True
    when the lexicon of established national formulations lists it.
    """

    rarity: float
    documents: int | None = None
    first_seen: str = ""
    lexicon: bool = False
    specificity: float = -1.0  # rarity in the background reports alone (-1: as `rarity`)

    @property
    def specific(self) -> float:
        """How specific the phrase is to some reports: its background rarity, before the
        national news tells whether it is new (a topic, 贫困 or 复工复产, not a coinage)."""
        return self.rarity if self.specificity < 0 else self.specificity


@lru_cache(maxsize=1)
def _lexicon_span() -> int:
    """The most documents any lexicon entry has: the scale of its document counts."""
    return max((e.documents for e in national_lexicon().values()), default=0)


def _log_share(documents: int, span: int) -> float:
    """1 - log(1 + documents) / log(1 + span): a document count read on a log scale."""
    if span <= 0:
        return 1.0
    return max(0.0, 1.0 - math.log1p(documents) / math.log1p(span))


def idf_rarity(term: str, idf: IdfTable) -> float:
    """Rarity of a word in the background: its IDF scaled to [0, 1] (1: never seen).

    The smooth IDF is ln((1 + N) / (1 + df)) + 1, so (idf - 1) / ln(1 + N) is
    1 - log(1 + df) / log(1 + N), the same log scale as the lexicon's document counts.
    """
    if idf.documents <= 0:
        return 1.0
    return min(1.0, max(0.0, (idf(term) - 1.0) / math.log1p(idf.documents)))


def standing(
    text: str,
    parts: Sequence[str] = (),
    *,
    idf: IdfTable | None = None,
    general: Callable[[str], bool] | None = None,
) -> Standing:
    """Tell how established `text` is in national text.

    Args:
        text: a formulation or term as a report prints it.
        parts: the words it is made of (default: one word, itself). A compound national text
            does not know as a whole is as rare as its rarest word of two characters or more
            (低空 + 经济 is new, 经营 + 主体 two everyday words put together).
        idf: the background IDF table (default: the bundled one).
        general: tells whether a word is in the general dictionary of the language (jieba's):
            such a word standing alone that the background never uses is ordinary vocabulary
            national reports had no need for (智能手机), not a coinage: its rarity is at most
            `GENERAL_WORD`. Default: no such knowledge.

    Returns:
        The lexicon's evidence when it lists the phrase, else the background IDF's.
    """
    entry = national_lexicon().get(canonical(text))
    if entry is not None:
        return Standing(
            _log_share(entry.documents, _lexicon_span()), entry.documents, entry.first_seen, True
        )
    table = idf or load_idf()
    words = [p for p in parts if len(p) >= 2]
    if text in table.idf or len(words) < 2:
        rarity = _word_rarity(text, table, general)
        return Standing(_said(text, rarity), _documents(text, table), specificity=rarity)
    # a word national text never used makes the compound new to it (低空 of 低空经济), be it a
    # word of the general dictionary or not
    rarity = max(_word_rarity(p, table, None) for p in words)
    return Standing(_said(text, rarity), specificity=rarity)


SAID_NATIONALLY = 0.5  # the share of its rarity a phrase the national news says keeps


def _said(text: str, rarity: float) -> float:
    """A phrase the national corpus says on two days or more (`said_nationally`) is no coinage,
    however rare the background reports find it: it keeps `SAID_NATIONALLY` of its rarity
    (a rare word stays rarer than a common one; neither is new to national text)."""
    return rarity * SAID_NATIONALLY if said_nationally(text) else rarity


GENERAL_WORD = 0.5  # rarity of a general-dictionary word the background never uses


def _word_rarity(word: str, idf: IdfTable, general: Callable[[str], bool] | None) -> float:
    if word in idf.idf:
        return idf_rarity(word, idf)
    return GENERAL_WORD if general is not None and general(word) else 1.0


def _documents(term: str, idf: IdfTable) -> int | None:
    """Background documents that use `term`, read back from its smooth IDF (None: unknown)."""
    if term not in idf.idf:
        return 0
    return max(0, round((1 + idf.documents) / math.exp(idf(term) - 1.0) - 1))


def general_word(word: str) -> bool:
    """Tell whether `word` is in jieba's general dictionary (not only in the policy lexicon)."""
    return default_segmenter().knows(word) and word not in lexicon_words()


def phrase_standing(
    text: str, *, idf: IdfTable | None = None, parts: Sequence[str] = ()
) -> Standing:
    """The standing of a phrase as a report prints it, cut into words when it has several.

    Args:
        text: the phrase.
        idf: the background IDF table (default: the bundled one).
        parts: its words when known (default: the segmenter's cut of it).
    """
    table = idf or load_idf()
    if len(parts) > 1:
        words: Sequence[str] = parts
    elif text in table.idf:
        words = (text,)  # national text knows it whole: its words do not matter
    else:
        words = default_segmenter().cut(unquoted(text))
    return standing(text, words, idf=table, general=general_word)
