"""Rank a document's key terms: TF-IDF against national text, TextRank, or frequency.

Before ranking, the tokens become terms in general steps:
0. Names: a 2-3 character word that always stands beside the same lone character is glued to
   it (施惠+芳 -> 施惠芳, 谱+新篇 -> 谱新篇, 常态+化 -> 常态化): jieba cuts unknown names so.
1. Candidates: stop words, numbers, dates, punctuation and single characters are dropped, and
   so is a short word that neither the dictionary nor the national corpus knows and that
   occurs once or opens with a grammar character (jieba's HMM glues stray characters together:
   中念, 信局, 各旗 from 各旗县区).
2. Compounds: two adjacent candidates that recur together are one term when one of them never
   occurs apart (之江+实验室, 北航+国新院: the other keeps counting on its own), or when they
   recur often and make up a good share of the rarer one's uses (政务+服务: both give it
   their occurrences).
3. Place names: X区/X市/X县/X省/X镇 counts as X (余杭区 -> 余杭) when X also occurs on its own
   and is not a common word of another kind (开发区 stays: 开发 is a verb).
4. With the document at hand (`ranked_terms`): what it repeats in the same position is left
   out (`core.boilerplate`: 牵头考核单位：…) and its own place counts under one name
   (`core.places`: 包头市 -> 包头, 中共上海市委 -> 上海).

TF-IDF then weighs each term (`term_weights`, `KeywordOptions`): by its part of speech, whether
it is a general noun, its length, its timeliness in the national news, whether the title or a
heading names it and whether the lexicon learnt it from national text.
"""

from __future__ import annotations

import gzip
import heapq
import math
import re
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import compress, count, islice, repeat
from operator import add, and_, eq, itemgetter, mul, truediv
from typing import TYPE_CHECKING, Any, overload

from policy_cli.core.chars import CN_MAGNITUDES, CN_NUMERALS, HAN, PLAN_PERIOD
from policy_cli.core.patterns import longest_first
from policy_cli.core.segment import is_candidate_term, lexicon_words, load_stopwords
from policy_cli.core.tokens import COLUMN, Tokens
from policy_cli.data import lines as data_lines
from policy_cli.errors import NothingToAnalyseError, UsageError
from policy_cli.models import Document, Keyword, Token

if TYPE_CHECKING:
    from policy_cli.core.places import Place
    from policy_cli.core.segment import Segmenter

METHODS = ("tfidf", "textrank", "freq")
IDF_FILE = "idf.tsv.gz"  # built by scripts/build_idf.py

# jieba part-of-speech tags (stored in the IDF table for background words) of words that act
# rather than name: verbs, adjectives, adverbs, time words. They rank lower, not out, since a
# verb can be a document's topic (帮扶, 签约).
# Four-character idioms (i: 万马奔腾) describe rather than name, so they rank lower too.
_WEAK_TAGS = frozenset({"v", "a", "ad", "d", "vd", "t", "f", "m", "q", "r", "c", "p", "u", "i"})
_PLAN_PERIOD = re.compile(rf"^{PLAN_PERIOD}$")  # 十四五: a name, though jieba tags it m
MAX_COMPOUND_CHARS = 8
# from this many tokens on, the compounds' pairs are counted on numpy arrays (10 M characters,
# 5.2 M tokens: 2.6-2.9 -> 1.0-1.3 s; below, numpy's import costs more than it saves)
NUMPY_COMPOUND_TOKENS = 200_000
COMPOUND_MIN_COUNT = 8  # a pair whose words also occur apart is a compound when it recurs so...
COMPOUND_MIN_SHARE = 0.4  # ...and makes up this share of its rarer word's occurrences
_PLACE_TAGS = frozenset({"ns", "nr", "nrt", "nz", ""})
_NOUN_TAGS = frozenset({"n", "nz", "vn", "ns", ""})  # a noun that can name a field
_PLACE_OPENER_TAGS = frozenset({"ns"})  # ...or a place: where, not what (no opening credit)


class IdfTable:
    """Inverse document frequencies learnt from national text, with tags and timeliness.

    The table is columnar (built by scripts/build_idf.py): the terms sorted, and per term one
    character coding its IDF (hundredths), one its part-of-speech tag and one its timeliness
    (tenths). Loading it splits one line, with no dict of ~80 k entries to build (a few ms);
    a term is found by bisection, and every term looked up is remembered.
    """

    def __init__(
        self,
        terms: list[str],
        idf: str,
        tags: str,
        timeliness: str,
        tag_names: list[str],
        *,
        documents: int,
        default: float,
    ) -> None:
        self.terms = terms
        self._idf, self._tags, self._timely = idf, tags, timeliness
        self._tag_names = tag_names
        self.documents = documents
        self.default = default  # the IDF of a term the table leaves out (seen once, or never)
        self._found: dict[str, int] = {}

    def _index(self, term: str) -> int:
        i = self._found.get(term)
        if i is None:
            i = bisect_left(self.terms, term)
            if i == len(self.terms) or self.terms[i] != term:
                i = -1
            self._found[term] = i
        return i

    def __call__(self, term: str) -> float:
        i = self._index(term)
        return (ord(self._idf[i]) - CODE_BASE) / 100 if i >= 0 else self.default

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and self._index(term) >= 0

    def __len__(self) -> int:
        return len(self.terms)

    @property
    def idf(self) -> IdfTable:
        """The table itself (`term in table.idf`: enough documents hold the term)."""
        return self

    def tag(self, term: str) -> str:
        """Return the part-of-speech tag of a known word ("" when unknown)."""
        i = self._index(term)
        return self._tag_names[ord(self._tags[i]) - CODE_BASE] if i >= 0 else ""

    def timeliness(self, term: str) -> float:
        """Return how much a term's news items gather in a few years (0: spread over all)."""
        i = self._index(term)
        return (ord(self._timely[i]) - CODE_BASE) / 10 if i >= 0 and self._timely else 0.0


CODE_BASE = 0x100  # a coded value v is written chr(CODE_BASE + v): no control character


@lru_cache(maxsize=1)
def load_idf() -> IdfTable:
    """Load the bundled IDF table over the national news and reports (read once, on first use)."""
    return _load_table("")


@lru_cache(maxsize=1)
def load_report_idf() -> IdfTable:
    """Load the IDF over the background reports alone, the held-out ones aside (how routine a
    word is in a report)."""
    return _load_table("report_")


@lru_cache(maxsize=1)
def _table_lines() -> dict[str, str]:
    path = resources.files("policy_cli.data").joinpath(IDF_FILE)
    with path.open("rb") as raw:
        text = gzip.decompress(raw.read()).decode("utf-8")
    out = {}
    for line in text.split("\n"):
        if line.startswith("#"):
            key, _, value = line[1:].strip().partition("=")
            if value.isdigit():
                out[key] = value
        elif line:
            key, _, value = line.partition("\t")
            out[key] = value
    return out


def _load_table(prefix: str) -> IdfTable:
    lines = _table_lines()
    documents = int(lines.get(prefix + "documents", 0))
    # a term the table leaves out is rare: it takes the IDF of a term seen once
    seen = 1 if int(lines.get(prefix + "min_df", 0)) > 1 else 0
    default = math.log((1 + documents) / (1 + seen)) + 1 if documents else 1.0
    terms = lines.get(prefix + "terms", "")
    return IdfTable(
        terms.split(" ") if terms else [],
        lines.get(prefix + "idf", ""),
        lines.get(prefix + "tag", ""),
        lines.get(prefix + "timeliness", ""),
        lines.get("tags", "").split(" "),
        documents=documents,
        default=default,
    )


def document_terms(
    tokens: Sequence[Token],
    *,
    segmenter: Segmenter | None = None,
    drop_guesses: bool = True,
) -> Terms:
    """Turn a document's tokens into its candidate terms, in order (see the module docstring).

    scripts/build_idf.py counts the background corpus through this same function, so the IDF
    table knows the terms the ranking sees (施惠芳, 常态化, 余杭 for 余杭区).

    Args:
        tokens: the document's tokens (from `Segmenter.tokenize`).
        segmenter: the segmenter that made them (tells dictionary words from HMM guesses);
            the default segmenter when omitted.
        drop_guesses: drop short HMM guesses seen once (off when building the IDF table).

    Returns:
        (term, first token of the term) pairs in document order (`Terms`: columns).
    """
    if segmenter is None:
        from policy_cli.core.segment import default_segmenter

        segmenter = default_segmenter()
    stop = load_stopwords()
    idf = load_idf()
    # (drops the caller's columns); the glued words counted
    tokens = Tokens.of(tokens)
    numbered: _Numbered | None = None  # a long text's words as numbers, made once
    if len(tokens) >= NUMPY_COMPOUND_TOKENS:
        tokens, raw, numbered = _glued_numpy(tokens, stop)
    else:
        tokens, raw = _glued(tokens, stop)
    # candidate flags per word (they depend on the word alone), with HMM guesses seen once
    # dropped
    def guess(word: str) -> bool:  # made up by jieba's HMM: no dictionary or corpus knows it
        return not word.isascii() and word not in idf and not segmenter.knows(word)

    grammar = keyword_chars()["grammar"]
    keep = {
        w: is_candidate_term(w, stop)
        and not (
            drop_guesses
            and len(w) <= 3
            # seen once, or two characters led by a grammar character (各旗, 对受, 以评:
            # from 各旗县区, 对受疫情影响, 以评促改)
            and (n == 1 or (len(w) == 2 and w[0] in grammar))
            and guess(w)
        )
        for w, n in raw.items()
    }
    terms = _merge_compounds(tokens, keep, idf, numbered=numbered)
    return _merge_places(terms, idf)


class Terms(Sequence[tuple[str, Token]]):
    """A document's candidate terms in order, each with the first token it was made of: the
    terms and the tokens' places as columns (a pair each cost +370 MB on 10 M characters).

    A sequence of (term, Token) pairs, each made when asked for.
    """

    __slots__ = ("terms", "token_index", "tokens")

    def __init__(self, terms: list[str], tokens: Tokens, index: Sequence[int]) -> None:
        self.terms = terms  # the terms
        self.tokens = tokens  # the tokens they were made of
        self.token_index = index  # the first token of each term, in `tokens`

    def renamed(self, terms: list[str]) -> Terms:
        """The same places under other names."""
        return Terms(terms, self.tokens, self.token_index)

    def starts(self) -> Iterator[int]:
        """The offset of each term."""
        return map(self.tokens.starts.__getitem__, self.token_index)

    def sentences(self) -> Iterator[int]:
        """The sentence of each term."""
        return map(self.tokens.sentences.__getitem__, self.token_index)

    def __len__(self) -> int:
        return len(self.terms)

    @overload
    def __getitem__(self, i: int) -> tuple[str, Token]: ...

    @overload
    def __getitem__(self, i: slice) -> Terms: ...

    def __getitem__(self, i: int | slice) -> tuple[str, Token] | Terms:
        if isinstance(i, slice):
            return Terms(self.terms[i], self.tokens, self.token_index[i])
        return self.terms[i], self.tokens[self.token_index[i]]

    def __iter__(self) -> Iterator[tuple[str, Token]]:
        return zip(self.terms, map(self.tokens.__getitem__, self.token_index), strict=True)


_HAN_RUN = re.compile(rf"^[{HAN}]+$")
KEYWORD_CHARS_FILE = "keyword_chars.tsv"


@lru_cache(maxsize=1)
def keyword_chars() -> dict[str, frozenset[str]]:
    """The characters and words the ranking reads (data/keyword_chars.tsv): place_suffix,
    no_glue and grammar (characters, written together); own_place_suffix, programme_head,
    programme_tail, duration_unit, glossary_title and institution_head (words,
    comma-separated)."""
    out: dict[str, frozenset[str]] = {}
    for line in data_lines(KEYWORD_CHARS_FILE):
        kind, _, value = line.partition("\t")
        kind, value = kind.strip(), value.strip()
        out[kind] = frozenset(value if kind in CHARACTER_KINDS else value.split(","))
    return out


CHARACTER_KINDS = frozenset({"place_suffix", "no_glue", "grammar"})  # the rest are words


def _glue_single_characters(tokens: Tokens, stop: frozenset[str]) -> Tokens:
    """Join a word to the lone character that always stands beside it (施惠+芳, 谱+新篇).

    jieba cuts names and coined words it does not know into a known word plus a stray
    character; when a word occurs at least twice and every time with the same lone character
    on the same side (not a function word), the two are one word of this document.
    """
    return _glued(tokens, stop)[0]


def _glued(tokens: Tokens, stop: frozenset[str]) -> tuple[Tokens, Counter[str]]:
    """`_glue_single_characters`, and how often each word of the glued tokens is said (the
    count of the tokens taken before gluing, moved by the joins: not counted again)."""
    right: defaultdict[str, Counter[str]] = defaultdict(Counter)
    left: defaultdict[str, Counter[str]] = defaultdict(Counter)
    texts, starts, sentences = tokens.texts, tokens.starts, tokens.sentences
    counts: Counter[str] = Counter(texts)
    # whether a word is a lone character or a short word depends on the word alone: decided
    # once per distinct word, not per token
    lone, word = _glue_kinds(counts, stop)
    n = len(texts)
    # the pairs that hold a lone character: (q - 1, q) and (q, q + 1) of each lone q, in order
    lone_at = list(compress(count(), map(lone.__contains__, texts)))
    pairs = sorted({*(q - 1 for q in lone_at if q > 0), *(q for q in lone_at if q + 1 < n)})
    for q in pairs:
        a, b = texts[q], texts[q + 1]
        if sentences[q] == sentences[q + 1] and starts[q] + len(a) == starts[q + 1]:
            if b in lone and a in word:
                right[a][b] += 1
            if a in lone and b in word:
                left[b][a] += 1
    glue_right = {
        w: c for w, cs in right.items() for c, k in cs.items() if k == counts[w] and k >= 2
    }
    glue_left = {w: c for w, cs in left.items() for c, k in cs.items() if k == counts[w] and k >= 2}
    if not glue_right and not glue_left:
        return tokens, counts
    # join left to right (a token joined to the one before it joins nothing after), then
    # copy the columns in slices between the joins
    joins: list[int] = []
    free = 0  # the first token not taken by a join
    for q in pairs:
        if q < free:
            continue
        a, b = texts[q], texts[q + 1]
        if (glue_right.get(a) == b or glue_left.get(b) == a) and (
            sentences[q] == sentences[q + 1] and starts[q] + len(a) == starts[q + 1]
        ):
            joins.append(q)
            free = q + 2
    out_texts: list[str] = []
    out_starts = array(COLUMN)
    out_sentences = array(COLUMN)
    prev = 0
    for q in joins:
        out_texts.extend(texts[prev:q])
        out_starts.extend(starts[prev:q])
        out_sentences.extend(sentences[prev:q])
        out_texts.append(texts[q] + texts[q + 1])
        out_starts.append(starts[q])
        out_sentences.append(sentences[q])
        prev = q + 2
    out_texts.extend(texts[prev:])
    out_starts.extend(starts[prev:])
    out_sentences.extend(sentences[prev:])
    for q in joins:
        a, b = texts[q], texts[q + 1]
        counts[a] -= 1
        counts[b] -= 1
        counts[a + b] += 1
    for q in joins:  # (a word said only where it was joined is said no more)
        for w in (texts[q], texts[q + 1]):
            if not counts[w]:
                del counts[w]
    return Tokens(out_texts, out_starts, out_sentences), counts


def _glue_kinds(words: Iterable[str], stop: frozenset[str]) -> tuple[set[str], set[str]]:
    """Of distinct words, the lone characters that may be glued and the short words (2-3
    characters, a name or a coined word) they may be glued to."""
    no_glue = keyword_chars()["no_glue"]
    lone: set[str] = set()
    word: set[str] = set()
    for w in words:
        if len(w) == 1 and _HAN_RUN.match(w) and w not in stop and w not in no_glue:
            lone.add(w)
        elif 2 <= len(w) <= 3 and _HAN_RUN.match(w) and is_candidate_term(w, stop):
            word.add(w)
    return lone, word


# a long text's words as numbers: the distinct words, and each token's number (numpy)
_Numbered = tuple[list[str], Any]


def _numbered(texts: list[str]) -> _Numbered:
    """The distinct words of `texts` in the order first seen, and each token's number."""
    import numpy as np

    words = list(dict.fromkeys(texts))
    number = {w: i for i, w in enumerate(words)}
    # (32 bits: a 10 M-character text has 5 M tokens; a pair of numbers is made 64 bits)
    return words, np.fromiter(map(number.__getitem__, texts), dtype=np.int32, count=len(texts))


def _glued_numpy(tokens: Tokens, stop: frozenset[str]) -> tuple[Tokens, Counter[str], _Numbered]:
    """`_glued` of a long text on numpy arrays (words as numbers: counted by `bincount`, the
    pairs of a short word and a lone character found and counted with array operations; only
    the places to join are visited one by one); also the glued tokens' words as numbers."""
    import numpy as np

    texts = tokens.texts
    words, ids = _numbered(texts)
    size, n = len(words), len(texts)
    counts = np.bincount(ids, minlength=size)
    lone, word = _glue_kinds(words, stop)
    is_lone = np.fromiter(map(lone.__contains__, words), dtype=bool, count=size)[ids]
    is_word = np.fromiter(map(word.__contains__, words), dtype=bool, count=size)[ids]
    lengths = np.fromiter(map(len, words), dtype=np.int32, count=size)  # (32 bits: memory)
    starts, sentences = _column(tokens.starts), _column(tokens.sentences)
    # a short word, then a lone character (right: 施惠+芳); a lone character, then a short word
    # (left: 谱+新篇); a pair is glued when it is every use of the word, twice or more. Only
    # the places of such pairs are read: whether the two touch in one sentence, and which kind
    rights = is_word[:-1] & is_lone[1:]
    lefts = is_lone[:-1] & is_word[1:]
    del is_lone, is_word
    at = np.flatnonzero(rights | lefts)
    adjacent = (sentences[at] == sentences[at + 1]) & (
        starts[at] + lengths[ids[at]] == starts[at + 1]
    )
    right_at, left_at = at[adjacent & rights[at]], at[adjacent & lefts[at]]
    del rights, lefts, at, adjacent
    glue: list[Any] = []  # the places of the pairs to glue, of either kind
    for at, own in ((right_at, 0), (left_at, 1)):  # own: the word's side of the pair
        pair = ids[at].astype(np.int64) * size + ids[at + 1]
        together, times = np.unique(pair, return_counts=True)
        mine = together // size if own == 0 else together % size
        glued = together[(times == counts[mine]) & (times >= 2)]
        glue.append(at[np.isin(pair, glued)])
    # join left to right (a token joined to the one before it joins nothing after)
    joins: list[int] = []
    free = 0  # the first token not taken by a join
    for q in np.union1d(glue[0], glue[1]).tolist():
        if q >= free:
            joins.append(q)
            free = q + 2
    raw = counts.tolist()
    if not joins:
        return tokens, Counter({w: c for w, c in zip(words, raw, strict=True) if c}), (words, ids)
    alive = np.ones(n, dtype=bool)
    alive[np.array(joins, dtype=np.int64) + 1] = False
    out_ids = ids[alive]
    del ids
    out_texts = list(compress(texts, alive.tobytes()))
    number = {w: i for i, w in enumerate(words)}
    for k, q in enumerate(joins):  # the joined token's place among the tokens left is q - k
        a, b = texts[q], texts[q + 1]
        joined = a + b
        if joined not in number:
            number[joined] = len(words)
            words.append(joined)
            raw.append(0)
        out_texts[q - k] = joined
        out_ids[q - k] = number[joined]
        raw[number[a]] -= 1
        raw[number[b]] -= 1
        raw[number[joined]] += 1
    out_starts, out_sentences = _array(starts[alive]), _array(sentences[alive])
    said = Counter({w: c for w, c in zip(words, raw, strict=True) if c})
    return Tokens(out_texts, out_starts, out_sentences), said, (words, out_ids)


def _merge_compounds(
    tokens: Tokens, keep: dict[str, bool], idf: IdfTable, *, numbered: _Numbered | None = None
) -> Terms:
    """Join adjacent candidates that recur together into one term that takes their place.

    A pair is joined when it recurs (at least twice) and one of its words never occurs apart
    (之江+实验室), or when it recurs often (COMPOUND_MIN_COUNT) and makes up a good share of
    the rarer word's uses (COMPOUND_MIN_SHARE: 政务+服务 15 of 政务's 36). A word that occurs
    apart keeps counting inside a compound whose other word never does (实验室 beside
    之江实验室); in a compound of two free words neither does, as when the lexicon keeps a
    term whole. Policy-lexicon terms (an established term stays a term of its own:
    勇闯+中国式现代化 stays two) and acting words are never joined. (`numbered`: the tokens'
    words as numbers, when a long text's were made already.)
    """
    lexicon = lexicon_words()

    def joinable(word: str) -> bool:
        return idf.tag(word) not in _WEAK_TAGS and word not in lexicon

    texts = tokens.texts
    word = texts.__getitem__
    if numbered is not None or len(texts) >= NUMPY_COMPOUND_TOKENS:
        numbered = numbered or _numbered(texts)
        stream, adjacent, joined, hits = _compound_pairs_numpy(tokens, keep, joinable, numbered)
    else:
        stream, adjacent, joined, hits = _compound_pairs(tokens, keep, joinable)
    for pair in _middles(hits, stream, adjacent, word):
        del joined[pair]
    hits = [p for p in hits if (word(stream[p]), word(stream[p + 1])) in joined]
    out: list[str] = []
    index = array(COLUMN)
    i = 0
    for p in hits:
        if p < i:
            continue
        index.extend(stream[i:p])
        out.extend(map(word, stream[i:p]))
        tok, nxt = stream[p], stream[p + 1]
        out.append(texts[tok] + texts[nxt])
        index.append(tok)
        for t, free in zip((tok, nxt), joined[(texts[tok], texts[nxt])], strict=True):
            if free:
                out.append(texts[t])
                index.append(t)
        i = p + 2
    index.extend(stream[i:])
    out.extend(map(word, stream[i:]))
    return Terms(out, tokens, index)


def _joined_pairs(
    pairs: Iterable[tuple[str, str, int]], counts: Callable[[str], int],
    joinable: Callable[[str], bool],
) -> dict[tuple[str, str], tuple[bool, bool]]:
    """The pairs (left, right, times said together) that are one term: (a, b) -> whether a, b
    keep counting inside the compound (`counts`: how often a kept word is said)."""
    joined: dict[tuple[str, str], tuple[bool, bool]] = {}
    for left, right, c in pairs:
        if (c < 2 or len(left) + len(right) > MAX_COMPOUND_CHARS or not joinable(left)
                or not joinable(right)):
            continue
        n_left, n_right = counts(left), counts(right)
        if n_left == c or n_right == c:
            joined[(left, right)] = (n_left > c, n_right > c)
        elif c >= COMPOUND_MIN_COUNT and c >= COMPOUND_MIN_SHARE * min(n_left, n_right):
            joined[(left, right)] = (False, False)
    return joined


_CompoundPairs = tuple[
    "array[int]", bytearray, dict[tuple[str, str], tuple[bool, bool]], list[int]
]


def _compound_pairs(
    tokens: Tokens, keep: dict[str, bool], joinable: Callable[[str], bool]
) -> _CompoundPairs:
    """The kept tokens (`stream`), whether each touches the next in one sentence
    (`adjacent`), the pairs that are one term (`joined`) and the places in the stream where
    such a pair touches (`hits`), in C loops (map, compress) over the tokens."""
    texts, starts, sentences = tokens.texts, tokens.starts, tokens.sentences
    word = texts.__getitem__
    # a 10 M-character text keeps ~2.4 M tokens
    stream = array(COLUMN, compress(range(len(texts)), map(keep.__getitem__, texts)))
    last = max(0, len(stream) - 1)

    def firsts() -> Iterator[int]:  # each kept token that has a next one
        return islice(stream, 0, last)

    def seconds() -> Iterator[int]:  # the next one
        return islice(stream, 1, None)

    # adjacent[p]: kept tokens p and p + 1 of the stream touch in one sentence
    adjacent = bytearray(
        map(
            and_,
            map(eq, map(sentences.__getitem__, firsts()), map(sentences.__getitem__, seconds())),
            map(
                eq,
                map(add, map(starts.__getitem__, firsts()), map(len, map(word, firsts()))),
                map(starts.__getitem__, seconds()),
            ),
        )
    )

    def pairs_of_stream() -> Iterator[tuple[str, str]]:
        """The (word, next word) of each pair of kept tokens of the stream, in order."""
        return zip(map(word, firsts()), map(word, seconds()), strict=True)

    counts = Counter(map(word, stream))
    pairs = Counter(compress(pairs_of_stream(), adjacent))
    joined = _joined_pairs(
        ((left, right, c) for (left, right), c in pairs.items()), counts.__getitem__, joinable
    )
    hits = list(
        compress(count(), map(and_, adjacent, map(joined.__contains__, pairs_of_stream())))
    )
    return stream, adjacent, joined, hits


def _compound_pairs_numpy(
    tokens: Tokens, keep: dict[str, bool], joinable: Callable[[str], bool], numbered: _Numbered
) -> _CompoundPairs:
    """`_compound_pairs` of a long text on numpy arrays: each word a number (`numbered`), a
    pair of words one number, the pairs counted by sorting those numbers; only the pairs said
    twice or more, short enough, are looked at one by one."""
    import numpy as np

    words, ids = numbered
    number = {w: i for i, w in enumerate(words)}
    size = len(words)
    # (a word no token says any more, joined every time, is not in `keep`)
    kept = np.fromiter(map(keep.get, words, repeat(False)), dtype=bool, count=size)
    lengths = np.fromiter(map(len, words), dtype=np.int32, count=size)
    stream = np.flatnonzero(kept[ids])
    said = ids[stream].astype(np.int64)  # the word of each kept token
    starts, sentences = _column(tokens.starts)[stream], _column(tokens.sentences)[stream]
    adjacent = (sentences[:-1] == sentences[1:]) & (starts[:-1] + lengths[said[:-1]] == starts[1:])
    del starts, sentences
    counts = np.bincount(said, minlength=size).tolist()
    # the pairs that touch, each (left, right) as one number
    at = np.flatnonzero(adjacent)
    pair = said[at] * size + said[at + 1]
    del said
    together, times = np.unique(pair, return_counts=True)
    left, right = together // size, together % size
    wanted = (times >= 2) & (lengths[left] + lengths[right] <= MAX_COMPOUND_CHARS)
    left, right, times = left[wanted].tolist(), right[wanted].tolist(), times[wanted].tolist()
    joined = _joined_pairs(
        zip(map(words.__getitem__, left), map(words.__getitem__, right), times, strict=True),
        lambda w: counts[number[w]],
        joinable,
    )
    codes = np.unique(np.array([number[a] * size + number[b] for a, b in joined], dtype=np.int64))
    # (np.isin sorts both arrays together: a sorted search holds less memory)
    found = np.searchsorted(codes, pair)
    np.minimum(found, max(0, len(codes) - 1), out=found)
    hits = at[codes[found] == pair].tolist() if len(codes) else []
    return _array(stream), bytearray(adjacent.tobytes()), joined, hits


def _array(values: Any) -> array[int]:
    """A token column (an array of machine integers) of a numpy array's values."""
    out = array(COLUMN)
    # (a view of its bytes: no copy but into the array)
    out.frombytes(memoryview(values.astype(out.typecode, copy=False)).cast("B"))
    return out


def _column(values: Sequence[int]) -> Any:
    """A numpy view of a token column (an array: no copy)."""
    import numpy as np

    if isinstance(values, array):
        return np.frombuffer(values, dtype=values.typecode)
    return np.asarray(values, dtype=np.int64)


def _middles(
    hits: list[int], stream: array[int], adjacent: bytearray, word: Callable[[int], str]
) -> set[tuple[str, str]]:
    """The joined pairs that only ever occur between the same two words, together longer than a
    term (MAX_COMPOUND_CHARS): the middle of a long name (成渝|地区|双城|经济圈 makes no term
    地区双城), not a term of their own."""
    around: dict[tuple[str, str], set[tuple[str, str]]] = {}
    last = len(adjacent)
    for p in hits:
        pair = (word(stream[p]), word(stream[p + 1]))
        before = word(stream[p - 1]) if p > 0 and adjacent[p - 1] else ""
        after = word(stream[p + 2]) if p + 1 < last and adjacent[p + 1] else ""
        around.setdefault(pair, set()).add((before, after))
    return {
        pair
        for pair, sides in around.items()
        if len(sides) == 1
        and all(side := next(iter(sides)))
        and len("".join((*side, *pair))) > MAX_COMPOUND_CHARS
    }


def _merge_places(terms: Terms, idf: IdfTable) -> Terms:
    """Count X区/X市/X县/X省/X镇 as X when X occurs alone and may be a place name."""
    present = set(terms.terms)
    rename: dict[str, str] = {}
    for term in present:
        stem = term[:-1]
        if (
            len(term) >= 3
            and term[-1] in keyword_chars()["place_suffix"]
            and stem in present
            and (idf.tag(stem) in _PLACE_TAGS or idf.tag(term) == "ns")
        ):
            rename[term] = stem
    if not rename:
        return terms
    return terms.renamed(list(map(rename.get, terms.terms, terms.terms)))  # (a C loop)


@dataclass(frozen=True)
class KeywordOptions:
    """The weights of the ranking (see `term_weights`)."""

    acting_factor: float = 0.6  # verbs, adverbs, idioms... (jieba tags WEAK_TAGS)
    generic_factor: float = 0.4  # general nouns (data/generic_nouns.txt: 服务, 制度, 社会)
    length_bonus: float = 0.25  # per character beyond two, up to MAX_BONUS_CHARS
    timeliness_weight: float = 4.0  # times the term's timeliness (IdfTable.timeliness)
    heading_boost: float = 1.25  # a term the title or a section heading names
    established_boost: float = 1.25  # a term the lexicon learnt from national text
    opening_share: float = 0.5  # of a national term's uses, credited to its opening noun
    # which compounds credit their opening noun (`_credit_openings`):
    opening_min_count: int = 2  # said at least so often (a term said once credits little)
    opening_min_head: int = 2  # the opener is a word: two characters at least (not 自 of 自治区)
    opening_min_rest: int = 2  # so is what follows it (自治区 of 自治区党委, not 自治)
    opening_min_compounds: int = 2  # an opener never said alone opens this many compounds
    # of the document's own, else it is part of one name (之江 of 之江实验室)
    # a term national text says as a phrase of words (no part of speech in the IDF table)
    # credits its opener as the document's own compounds do where the opener is a compound
    # name of this many characters at least (民族团结 of 民族团结|进步), not a root or a
    # modifier (科技 of 科技|创新, 高标准 of 高标准|农田, 党的 of 党的|政治建设)
    opening_phrase_min_head: int = 4
    glossary_share: float = 0.5  # of a use in a glossary (名词解释): its definitions are detail


MAX_BONUS_CHARS = 4  # a longer term is no more specific: 新路子开好局 is a phrase


def extract_keywords(
    tokens: Sequence[Token],
    *,
    method: str = "tfidf",
    top: int = 20,
    segmenter: Segmenter | None = None,
    document: Document | None = None,
    options: KeywordOptions | None = None,
) -> list[Keyword]:
    """Rank the candidate terms of a segmented document.

    Args:
        tokens: the document's tokens (from `Segmenter.tokenize`).
        method: "tfidf" (national IDF), "textrank" (co-occurrence graph) or "freq".
        top: how many to return (0 or less: all).
        segmenter: the segmenter that made the tokens (default: the shared one).
        document: the document the tokens come from; when given, what it repeats in the same
            position is left out (`boilerplate`), its own place counts as one term (`places`),
            the terms its title and headings name weigh more and those of its glossary less.
        options: the weights of the ranking (the defaults when None).

    Returns:
        Keywords sorted by score, then by term.

    Raises:
        UsageError: unknown method.
        NothingToAnalyseError: the document has no candidate terms.
    """
    if method not in METHODS:
        raise UsageError(f"unknown keyword method {method!r} (choose from {', '.join(METHODS)})")
    opts = options or KeywordOptions()
    terms, place = _ranked_terms(tokens, segmenter=segmenter, document=document)
    if not terms:
        where = f"{document.source}: " if document is not None else ""
        raise NothingToAnalyseError(f"{where}no terms to rank in this document")
    counts: Counter[str] = Counter(terms.terms)
    total = len(terms)
    idf = load_idf()
    said: dict[str, float] = dict(counts)  # what the scores count: said here...
    opened: dict[str, int] = {}  # an opener -> the first token of a use credited to it
    credit = _credit_openings(terms, counts, opened, idf, opts, place=place)
    if document is not None:  # ...with a glossary's uses at a share
        for t, c in _glossary_counts(terms, document).items():
            said[t] -= (1 - opts.glossary_share) * c
    starts, sentences = terms.tokens.starts, terms.tokens.sentences
    headed = _headed_terms(terms, document) if document is not None else set()
    weights = term_weights(counts, idf, headed=headed, options=opts)
    if method == "tfidf":
        # with the openings' credit: the IDF tells a field (生态) from a root (电子, 服务)
        scores = {
            t: (said.get(t, 0.0) + credit.get(t, 0.0)) / total * idf(t) * weights[t]
            for t in counts
        }
    elif method == "textrank":
        scores = _textrank(terms, counts, idf, weights)
    else:  # frequency alone: without the IDF, an opening's credit lifts roots (电子, 服务)
        scores = {t: c / total * weights[t] for t, c in said.items()}
    # round first, so that the order matches the scores shown (the top ones picked alone: the
    # same as the first of all sorted, each term's key being its own)
    rounded = ((t, round(s, 6)) for t, s in scores.items())
    ranked = (
        heapq.nsmallest(top, rounded, key=_by_score) if top > 0
        else sorted(rounded, key=_by_score)
    )
    first = _first_uses(terms, [t for t, _ in ranked], said.keys(), opened)
    return [Keyword(t, s, counts[t], starts[first[t]], sentences[first[t]]) for t, s in ranked]


def _by_score(kv: tuple[str, float]) -> tuple[float, str]:
    return (-kv[1], kv[0])


# from this many wanted terms on, every term's first use is found in one pass over the terms
FIRST_USES_BY_PASS = 200


def _first_uses(
    terms: Terms, wanted: list[str], said: Set[str], opened: dict[str, int]
) -> dict[str, int]:
    """The first token of each wanted term: its first place in the terms (a term `said`), or
    the first use credited to it as an opener (`opened`), whichever comes first.

    A few terms (the top ones) are each found by a search of the terms from the start (a C
    loop; a term ranked high is said early); many by one pass over all the terms."""
    words, index = terms.terms, terms.token_index
    first: dict[str, int]
    if len(wanted) >= FIRST_USES_BY_PASS:
        # read backwards: the first use is the last one written
        first = dict(zip(reversed(words), reversed(index), strict=True))
    else:
        first = {t: index[words.index(t)] for t in wanted if t in said}
    for head, q in opened.items():
        first[head] = min(q, first.get(head, q))
    return first


def _glossary_counts(terms: Terms, document: Document) -> Counter[str]:
    """Count the terms that stand in the document's glossaries (`boilerplate.glossary_spans`)."""
    from policy_cli.core.boilerplate import glossary_spans

    out: Counter[str] = Counter()
    starts, index = terms.tokens.starts, terms.token_index
    for lo, hi in glossary_spans(document):
        # terms and tokens are both in document order: the glossary's terms are one slice
        a = bisect_left(index, bisect_left(starts, lo))
        b = bisect_left(index, bisect_left(starts, hi))
        out.update(terms.terms[a:b])
    return out


def _credit_openings(
    terms: Terms,
    counts: Counter[str],
    credited_first: dict[str, int],
    idf: IdfTable,
    opts: KeywordOptions,
    *,
    place: Place | None = None,
) -> dict[str, float]:
    """Count a known noun also where it opens a longer term; return the weight of each credit.

    A reader counting 民族团结 counts it inside 民族团结进步 and 民族团结誓词碑 too, and 生态
    inside 生态环境 and 生态农业: the opening noun of a compound names its field (the
    closing word names a kind: 企业 of 龙头企业, not counted). The opener is the longest
    known noun that leaves a word after it (`opts.opening_min_rest` characters at least;
    自治区 of 自治区党委, not 自治) and is one itself (`opts.opening_min_head`). A term said
    less than `opts.opening_min_count` times is passed over (it would credit little).
    - A compound this document makes (glued here, or kept whole as one of its formulations)
      credits its opener in full, when the opener also stands alone or opens
      `opts.opening_min_compounds` such compounds (之江 of 之江实验室 alone is part of one name).
    - A term the national text knows as one word (a word of the policy lexicon, or one the
      IDF table tags as a word of the dictionary) is a name of its own as well: it credits
      `opts.opening_share` of its occurrences, to a word the document uses on its own at least
      as often (疫情 beside 疫情防控, not 高质量 of 高质量发展 or 人工 of 人工智能), when the
      rest is a word too (the cut falls between words). A term the table knows only as a
      phrase of words (民族团结|进步: no tag) credits an opener that is a compound name itself
      (`opts.opening_phrase_min_head` characters or more) as the document's own compounds do;
      a shorter opener of it (科技 of 科技|创新, 高标准 of 高标准|农田) as a one-word term's.
    No credit goes to a place (a word tagged as one, or the document's own `place` in any
    of its forms: a place says where, not what; 长江 of 长江经济带), nor from the name of a
    territory's leading body (data/keyword_chars.tsv: institution_head; 自治区党委,
    自治区人民政府 name the region's committee and government, not a field of 自治区).
    Only a use the terms do not count yet is credited: where a compound keeps its free opener
    counting (人工智能 of 人工智能+小镇 stands in the terms at the compound's own offset), that
    use is counted once. `counts` then holds what a reader counts (alone and opening: never
    more than the text says it); `credited_first`, the first token of a use credited to each
    opener; the returned dict, the credit that the scores take (the whole of it, or
    `opening_share` of a known term's).
    """
    stop = load_stopwords()
    lexicon = lexicon_words()
    bodies = tuple(keyword_chars()["institution_head"])
    own_place = _place_forms(place) if place is not None else frozenset()
    opener: dict[str, tuple[str, bool]] = {}  # compound -> (its opener, whether national)
    shortest = opts.opening_min_head + opts.opening_min_rest
    for term, n in counts.items():
        # (most terms are said once or short: passed over, not looked up)
        if n < opts.opening_min_count or len(term) < shortest or term.endswith(bodies):
            continue
        in_table = term in idf or term in lexicon
        one_word = term in lexicon or bool(idf.tag(term))  # (a phrase of words has no tag)
        # the longest opener first
        for cut in range(len(term) - opts.opening_min_rest, opts.opening_min_head - 1, -1):
            head = term[:cut]
            if head not in idf or (in_table and term[cut:] not in idf):
                continue
            if idf.tag(head) in _NOUN_TAGS and is_candidate_term(head, stop):
                if idf.tag(head) not in _PLACE_OPENER_TAGS and head not in own_place:
                    # a known phrase opened by a compound name (民族团结|进步) credits it as
                    # the document's own compounds do; a shorter root or modifier of it
                    # (科技|创新, 高标准|农田) is credited as a one-word term's opener
                    national = in_table and (
                        one_word or len(head) < opts.opening_phrase_min_head
                    )
                    opener[term] = (head, national)
                break  # (a place opens it: no credit, nor to a shorter piece of the place)
    if not opener:
        return {}
    heads = {head for head, _ in opener.values()}
    # the offsets where the terms already say each opener, and the uses of the compounds
    # (picked out and paired by C loops: the terms can be millions, the openers' uses too)
    words, starts, index = terms.terms, terms.tokens.starts, terms.token_index

    def where(wanted: Set[str]) -> list[int]:  # the places of the terms that are wanted
        return list(compress(range(len(words)), map(wanted.__contains__, words)))

    def offsets(places: list[int]) -> Iterator[int]:
        return map(starts.__getitem__, map(index.__getitem__, places))

    said = where(heads)
    stream_at = set(zip(map(words.__getitem__, said), offsets(said), strict=True))
    used = where(opener.keys())
    uses = zip(
        map(words.__getitem__, used), offsets(used), map(index.__getitem__, used), strict=True
    )
    credited: set[tuple[str, int]] = set()  # (opener, offset) credited from a compound
    own: Counter[str] = Counter()  # credit from this document's compounds
    known: Counter[str] = Counter()  # credit from the national text's terms
    opened: dict[str, int] = {}  # opener -> the first token of a use credited to it
    kinds: defaultdict[str, set[str]] = defaultdict(set)  # opener -> this document's compounds
    inside: Counter[str] = Counter()  # opener -> its uses inside the national text's terms
    at_compound: Counter[str] = Counter()  # opener -> its terms at a compound's offset
    for term, offset, q in uses:
        head, national = opener[term]
        inside[head] += national
        key = (head, offset)
        if key in stream_at:
            at_compound[head] += 1
            continue  # counted already, at this very offset
        if key in credited:
            continue  # credited by another compound at this offset
        credited.add(key)
        (known if national else own)[head] += 1
        if not national:
            kinds[head].add(term)
        opened[head] = min(q, opened.get(head, q))
    for head in list(own):
        if len(kinds[head]) < opts.opening_min_compounds and not counts[head]:
            del own[head]  # part of one name (之江 of 之江实验室), never said on its own
    weight: dict[str, float] = dict(own)
    for head, n in list(known.items()):
        # said on its own (not where a compound already counts it) at least as often as
        # inside the known terms (社会 of 社会主义 in the 19th congress report is not)
        if counts[head] - at_compound[head] >= inside[head]:
            weight[head] = weight.get(head, 0) + opts.opening_share * n
        else:
            del known[head]
    for head in (*own, *known):
        credited_first[head] = opened[head]
    counts.update(own)
    counts.update(known)
    return weight


def term_weights(
    terms: Iterable[str],
    idf: IdfTable,
    *,
    headed: Set[str] = frozenset(),
    options: KeywordOptions | None = None,
) -> dict[str, float]:
    """Weigh each term by what kind of word it is, how specific and how timely, and where.

    - acting words (verbs, adverbs, idioms: jieba's tag) and general nouns weigh less: they
      say how or what kind, not what (a plan period such as 十四五 is a name, not a numeral);
      so does a programme named by its length and kind alone (三年行动, 百日攻坚);
    - a longer term is more specific than a two-character word (up to four characters);
    - a term of its time (its news items gather in a few years: 疫情, 十四五) weighs more;
    - a term the title or a section heading names weighs more;
    - a term the lexicon learnt from national text (an established term: 留抵退税,
      粤港澳大湾区) weighs more than a word of the dictionary or a compound of this document.
    """
    opts = options or KeywordOptions()
    generic = load_generic_nouns()
    lexicon = lexicon_words()
    out = {}
    for term in terms:
        w = 1.0
        if idf.tag(term) in _WEAK_TAGS and not _PLAN_PERIOD.match(term):
            w *= opts.acting_factor
        if term in generic or is_timed_programme(term):
            w *= opts.generic_factor
        w *= 1 + opts.length_bonus * max(0, min(len(term), MAX_BONUS_CHARS) - 2)
        w *= 1 + opts.timeliness_weight * idf.timeliness(term)
        if term in headed:
            w *= opts.heading_boost
        if term in lexicon:
            w *= opts.established_boost
        out[term] = w
    return out


def timed_programme_pattern() -> str:
    """Return the pattern (unanchored) of a programme's name made of a duration and programme
    words alone (三年行动, 百日攻坚, 三年行动计划: data/keyword_chars.tsv duration_unit,
    programme_head, programme_tail); group `head`: its (last) programme word."""
    chars = keyword_chars()
    units = "|".join(longest_first(chars["duration_unit"]))
    heads = "|".join(longest_first(chars["programme_head"]))
    tails = "|".join(longest_first(chars["programme_tail"]))
    return rf"[{CN_NUMERALS}两{CN_MAGNITUDES}0-9]+(?:{units})(?:(?P<head>{heads}))+(?:{tails})?"


@lru_cache(maxsize=1)
def _timed_programme() -> re.Pattern[str]:
    return re.compile(rf"^(?:{timed_programme_pattern()})$")


def is_timed_programme(term: str) -> bool:
    """Tell whether a term names only a programme's length (or year) and kind (三年行动计划), not its
    field: the field stands before it (营商环境三年行动), or in another sentence."""
    return _timed_programme().match(term) is not None


@lru_cache(maxsize=1)
def load_generic_nouns() -> frozenset[str]:
    """Return the bundled general nouns (built by scripts/build_lexicon.py)."""
    return frozenset(data_lines("generic_nouns.txt"))


# a section heading: 一、 （一） 第一章 第二节 opening a paragraph
_HEADING = re.compile(rf"^\s*(?:[{CN_NUMERALS}]+、|[（(][{CN_NUMERALS}]+[)）]|"
                      rf"第[{CN_NUMERALS}]+[章节部分篇])")
_TITLE_PARAGRAPHS = 2  # a title of one or two lines opens the document
_HEADING_CHARS = 60  # a heading (or the sentence that opens a numbered paragraph) is short


def _headed_terms(terms: Terms, document: Document) -> set[str]:
    """The terms that the title or a section heading names."""
    heads: set[int] = set()  # sentence indexes
    for sent in document.sentences:
        if len(sent.text) > _HEADING_CHARS:  # (first: the paragraph is not stripped for it)
            continue
        para = document.paragraphs[sent.paragraph]
        if sent.start > para.start + (len(para.text) - len(para.text.lstrip())):
            continue  # it does not open its paragraph
        if _HEADING.match(para.text) or (
            sent.paragraph < _TITLE_PARAGRAPHS and not re.search(r"[。！？；，]", para.text)
        ):
            heads.add(sent.index)
    if len(terms) >= NUMPY_COMPOUND_TOKENS:  # each term's sentence looked up by numpy
        import numpy as np

        sentences = _column(terms.tokens.sentences)[_column(terms.token_index)]
        headed = np.isin(sentences, np.fromiter(heads, dtype=np.int64, count=len(heads)))
        return set(compress(terms.terms, headed.tobytes()))
    return set(compress(terms.terms, map(heads.__contains__, terms.sentences())))


def ranked_terms(
    tokens: Sequence[Token],
    *,
    segmenter: Segmenter | None = None,
    document: Document | None = None,
) -> Terms:
    """The terms a ranking sees: `document_terms`, without the document's own boilerplate and
    with its own place under one name (when the document is given)."""
    return _ranked_terms(tokens, segmenter=segmenter, document=document)[0]


def _ranked_terms(
    tokens: Sequence[Token],
    *,
    segmenter: Segmenter | None = None,
    document: Document | None = None,
) -> tuple[Terms, Place | None]:
    """`ranked_terms`, and the document's own place (None without a document, or a place)."""
    if document is None:
        return document_terms(tokens, segmenter=segmenter), None
    from policy_cli.core.boilerplate import boilerplate_spans
    from policy_cli.core.places import find_place

    place = find_place(document)
    # (the tokens outside the boilerplate handed on, not kept here: document_terms lets go
    # of them once it has glued its own)
    terms = document_terms(_outside(tokens, boilerplate_spans(document)), segmenter=segmenter)
    return (_own_place(terms, place) if place is not None else terms), place


def _place_forms(place: Place) -> frozenset[str]:
    """Every form of a place a document writes: 包头, 包头市 (own_place_suffix), 滇."""
    suffixes = keyword_chars()["own_place_suffix"]
    return frozenset({*place.forms, *place.short, *(place.name + s for s in suffixes)})


def _outside(tokens: Sequence[Token], spans: Sequence[tuple[int, int]]) -> Tokens:
    """The tokens that start outside every span (spans sorted, as tokens are)."""
    tokens = Tokens.of(tokens)
    if not spans:
        return tokens
    texts, starts, sentences = tokens.texts, tokens.starts, tokens.sentences
    # the tokens a span holds are a range of them (both sorted): cut out by bisection
    out_texts: list[str] = []
    out_starts = array(COLUMN)
    out_sentences = array(COLUMN)
    prev = 0
    for lo, hi in spans:
        a = max(prev, bisect_left(starts, lo))
        b = max(a, bisect_left(starts, hi))
        out_texts.extend(texts[prev:a])
        out_starts.extend(starts[prev:a])
        out_sentences.extend(sentences[prev:a])
        prev = b
    out_texts.extend(texts[prev:])
    out_starts.extend(starts[prev:])
    out_sentences.extend(sentences[prev:])
    return Tokens(out_texts, out_starts, out_sentences)


def _own_place(terms: Terms, place: Place) -> Terms:
    """Count every form of the document's own place as its usual name: 包头市, 云南省, and its
    own bodies named with its full name (中共上海市委, 包头市人民政府)."""
    forms = set(place.forms) | {place.name + s for s in keyword_chars()["own_place_suffix"]}
    # decided once per distinct term, renamed in a C loop
    rename = {t: place.name for t in set(terms.terms) if t in forms or place.full in t}
    named = list(map(rename.get, terms.terms, terms.terms))
    # a compound that holds the place (福建省+厦门市) keeps its free word counting at an
    # offset inside it: the place is said there once
    keep = [True] * len(named)
    end = -1  # where the last use of the place ends
    words, starts, index = terms.terms, terms.tokens.starts, terms.token_index
    for i in compress(count(), map(place.name.__eq__, named)):  # the uses of the place
        start = starts[index[i]]
        keep[i] = start >= end
        end = max(end, start + len(words[i]))
    if all(keep):
        return terms.renamed(named)
    index = array(COLUMN, compress(terms.token_index, keep))
    return Terms(list(compress(named, keep)), terms.tokens, index)


def _textrank(
    terms: Terms,
    counts: Counter[str],
    idf: IdfTable,
    weights: dict[str, float],
    *,
    window: int = 5,
    iterations: int = 30,
) -> dict[str, float]:
    """PageRank over a co-occurrence graph of candidate terms within a sentence window.

    The random jump favours specific words (weighted by the national IDF and `term_weights`,
    as in TF-IDF), so that well-connected general nouns do not lead the ranking.
    """
    edges: defaultdict[str, Counter[str]] = defaultdict(Counter)
    by_sentence: defaultdict[int, list[str]] = defaultdict(list)
    for term, k in zip(terms.terms, terms.sentences(), strict=True):
        by_sentence[k].append(term)
    for words in by_sentence.values():
        for i, w in enumerate(words):
            for v in words[i + 1 : i + window]:
                if v != w:
                    edges[w][v] += 1
                    edges[v][w] += 1
    nodes = sorted(counts)
    prior = {n: idf(n) * weights[n] for n in nodes}
    norm = sum(prior.values()) / len(nodes)
    jump = {n: prior[n] / norm for n in nodes}
    out_weight = {n: sum(edges[n].values()) for n in nodes}
    d = 0.85
    # A step sums rank[m] * w / out_weight[m] over each node's edges. The neighbours' indexes
    # are fetched in one C call (itemgetter of several items) and the products summed by
    # map(mul): the same sum, 5-10x faster than a generator over the edge dicts, which cost
    # 28 of the 44 s on 800 k characters. Index -1 (value 1.0, weight 0.0) twice pads every
    # neighbour list so that the getter always returns a tuple.
    index = {n: i for i, n in enumerate(nodes)}
    getters = [itemgetter(*(index[m] for m in edges[n]), -1, -1) for n in nodes]
    edge_weights = [[*edges[n].values(), 0.0, 0.0] for n in nodes]
    outs = [[*(out_weight[m] for m in edges[n]), 1.0, 1.0] for n in nodes]
    base = [(1 - d) * jump[n] for n in nodes]
    rank = [1.0] * len(nodes) + [1.0]
    for _ in range(iterations):
        new = [
            b + d * sum(map(truediv, map(mul, g(rank), w), o))
            for b, g, w, o in zip(base, getters, edge_weights, outs, strict=True)
        ]
        new.append(1.0)
        rank = new
    scores = {n: rank[i] * weights[n] for n, i in index.items()}
    top = max(scores.values()) or 1.0
    return {n: r / top for n, r in scores.items()}
