"""Keyness: how strongly a term's use differs between two texts, and which terms may count.

Dunning's log-likelihood G2 is the evidence, the log2 ratio of relative frequencies the effect
size; both need only the two counts and the two text sizes. `SubstringCounter` counts many short
strings in one text as `str.count` does. `term_weight` tells content words (names, nouns) from
grammar (adverbs, numerals, pronouns...) by their part-of-speech tag in the background corpus.
Used by `policy diff` and `policy trend` (which ranks a corpus's terms between periods and a
document's against the rest); the array form computes G2 for many terms at once (numpy).
"""

from __future__ import annotations

import math
import operator
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from policy_cli.core.occurrences import find_all, non_overlapping
from policy_cli.data import lines

CRITICAL_G2 = 3.84  # chi-square, 1 degree of freedom, p < 0.05
PER = 10_000  # rates are per 10,000 characters


class SubstringCounter:
    """Count exact occurrences of many short strings in one text (as `str.count` does).

    Substrings of each needed length are tallied once, which is much faster than one scan of
    the text per term; strings that can overlap themselves ("哈哈") fall back to `str.count`.
    A text longer than `TALLY_LIMIT` characters is scanned per term instead (a table per length
    would hold a million strings).
    """

    TALLIED = 4  # most terms are 2-4 characters; longer ones are rarer: one scan each
    TALLY_LIMIT = 400_000  # characters

    def __init__(self, text: str) -> None:
        self.text = text
        self._by_length: dict[int, Counter[str]] = {}
        self._tally = len(text) <= self.TALLY_LIMIT
        self._known: dict[str, int] = {}
        self._pairs: list[str] | None = None  # the text's character pairs, while tallying

    def preload(self, terms: Iterable[str]) -> None:
        """Count many terms in one pass over the text (Aho-Corasick): the terms longer than
        `TALLIED` (all of them in a text too long to tally); one `str.count` scan per term would
        make the cost grow with the square of the text."""
        wanted = {
            t for t in terms
            if t and (len(t) > self.TALLIED or not self._tally) and t not in self._known
        }
        for term, starts in find_all(self.text, wanted).items():
            self._known[term] = len(non_overlapping(starts, len(term)))

    def count(self, term: str) -> int:
        """Return `text.count(term)`."""
        known = self._known.get(term)
        if known is not None:
            return known
        n = len(term)
        if n == 0 or n > self.TALLIED or not self._tally:
            return self.text.count(term)
        table = self._by_length.get(n)
        if table is None:
            table = self._by_length[n] = self._table(n)
        found = table.get(term, 0)
        # a term with a border (哈哈, 一二一) may overlap itself, which str.count does not count
        if found > 1 and any(term[p:] == term[: n - p] for p in range(1, n)):
            return self.text.count(term)
        return found

    def _table(self, n: int) -> Counter[str]:
        """Count every substring of `n` characters (2 to 4: joined from the text's character
        pairs, kept until the three tables are made; ~45 % faster than slicing each)."""
        text = self.text
        if not 2 <= n <= 4:
            ends = range(n, len(text) + 1)
            return Counter(map(text.__getitem__, map(slice, range(len(text)), ends)))
        if self._pairs is None:
            self._pairs = list(map(operator.add, text, text[1:]))
        pairs = self._pairs
        if n == 2:
            table = Counter(pairs)
        elif n == 3:
            table = Counter(map(operator.add, pairs, text[2:]))
        else:
            table = Counter(map(operator.add, pairs, pairs[2:]))
        if all(k in self._by_length for k in (2, 3, 4) if k != n):
            self._pairs = None  # every table made: the pairs are no longer needed
        return table

    def __contains__(self, term: str) -> bool:
        if term in self._known:
            return self._known[term] > 0
        if len(term) > self.TALLIED or not self._tally:
            return term in self.text  # stops at the first occurrence
        return self.count(term) > 0


def log_likelihood(a: int, b: int, size_a: int, size_b: int) -> float:
    """Return Dunning's signed log-likelihood G2 of a count `a` in A against `b` in B.

    Args:
        a: occurrences in the old corpus A.
        b: occurrences in the new corpus B.
        size_a: size of A (characters or tokens: only the ratio of the sizes matters).
        size_b: size of B.

    Returns:
        G2 >= 0 when the relative frequency rose from A to B, negative when it fell.
    """
    if size_a <= 0 or size_b <= 0:
        raise ValueError("corpus sizes must be positive")
    total = a + b
    if total == 0:
        return 0.0
    e_a = size_a * total / (size_a + size_b)
    e_b = size_b * total / (size_a + size_b)
    g2 = 2.0 * sum(o * math.log(o / e) for o, e in ((a, e_a), (b, e_b)) if o > 0)
    sign = 1.0 if b / size_b >= a / size_a else -1.0
    return sign * max(g2, 0.0)


def log_ratio(a: int, b: int, size_a: int, size_b: int) -> float:
    """Return log2 of the relative-frequency ratio B/A, with 0.5 for a zero count.

    Args:
        a: occurrences in the old corpus A.
        b: occurrences in the new corpus B.
        size_a: size of A.
        size_b: size of B.

    Returns:
        log2((b / size_b) / (a / size_a)).
    """
    if size_a <= 0 or size_b <= 0:
        raise ValueError("corpus sizes must be positive")
    return math.log2(((b or 0.5) / size_b) / ((a or 0.5) / size_a))



def log_likelihood_array(a: Any, b: Any, size_a: Any, size_b: Any) -> Any:
    """`log_likelihood` for arrays of counts (and sizes, or one size each): numpy float64;
    0 where a size is not positive (instead of raising)."""
    import numpy as np

    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    size_a = np.asarray(size_a, dtype=np.float64)
    size_b = np.asarray(size_b, dtype=np.float64)
    total = a + b
    both = size_a + size_b
    with np.errstate(divide="ignore", invalid="ignore"):
        e_a = size_a * total / both
        e_b = size_b * total / both
        term_a = np.where(a > 0, a * np.log(np.where(a > 0, a, 1.0) / e_a), 0.0)
        term_b = np.where(b > 0, b * np.log(np.where(b > 0, b, 1.0) / e_b), 0.0)
        g2 = np.maximum(2.0 * (term_a + term_b), 0.0)
        higher = b * size_a >= a * size_b
    g2 = np.where(higher, g2, -g2)
    valid = (total > 0) & (size_a > 0) & (size_b > 0)
    return np.where(valid, g2, 0.0)


# background IDF below which a word is routine: used in about two thirds of the reports
ROUTINE_IDF = 1.45

# jieba tags of background words (kept in the IDF table): adverbs, conjunctions, numerals,
# measure words, pronouns, prepositions, particles, time and place words say how, not what
_GRAMMAR_TAGS = frozenset({"d", "ad", "vd", "c", "m", "mq", "q", "r", "p", "u", "uj", "ul", "ud",
                           "ug", "uv", "uz", "t", "tg", "f", "y", "e", "o", "z", "zg", "dg"})
# verbs, adjectives and idioms act or describe: they count, with a weaker voice
_ACTING_TAGS = frozenset({"v", "a", "i", "vi", "ag", "vg", "vq"})
ACTING_WEIGHT = 0.6  # as the keyword ranking weighs them: G2 x 0.6 must pass the threshold
FUNCTION_CHARS_FILE = "function_chars.tsv"


@lru_cache(maxsize=1)
def function_chars() -> dict[str, frozenset[str]]:
    """The characters of grammar (data/function_chars.tsv): "edge" and "fragment"."""
    out: dict[str, frozenset[str]] = {}
    for line in lines(FUNCTION_CHARS_FILE):
        kind, _, chars = line.partition("\t")
        out[kind.strip()] = frozenset(chars.strip())
    return out


def has_grammar_edge(word: str) -> bool:
    """Tell whether a word opens or closes on a character of grammar (对受, 邮等: a fragment).

    The characters are both kinds of data/function_chars.tsv: what makes a two-character token
    a fragment (要, 于, 这…) and the prepositions, particles and conjunctions (对, 等, 的…).
    """
    chars = function_chars()
    grammar = chars.get("edge", frozenset()) | chars.get("fragment", frozenset())
    return bool(word) and (word[0] in grammar or word[-1] in grammar)


def term_weight(term: str, tag: str) -> float:
    """Weigh a term's evidence by what kind of word it is (0: never a content term).

    Args:
        term: a term.
        tag: its jieba part-of-speech tag in the background corpus ("" when unknown).

    Returns:
        1.0 for names and nouns, `ACTING_WEIGHT` for verbs, adjectives and idioms, 0.0 for
        grammar words (adverbs, numerals, pronouns, time words...) and two-character
        fragments that open or close on a grammar character.
    """
    if tag in _GRAMMAR_TAGS:
        return 0.0
    edge = function_chars().get("edge", frozenset())
    if len(term) == 2 and (term[0] in edge or term[1] in edge) and not (
        tag.startswith("n") and tag != "n"  # a name: 有色 aside, 于都 is a county
    ):
        return 0.0
    return ACTING_WEIGHT if tag in _ACTING_TAGS else 1.0


