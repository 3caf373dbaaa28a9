"""Rank a document's key terms: TF-IDF against the background corpus, TextRank, or frequency.

Before ranking, the tokens become terms in four general steps:
0. Names: a 2-3 character word that always stands beside the same lone character is glued to
   it (施惠+芳 -> 施惠芳, 谱+新篇 -> 谱新篇, 常态+化 -> 常态化): jieba cuts unknown names so.
1. Candidates: stop words, numbers, dates, punctuation and single characters are dropped, and
   so is a short word that neither the dictionary nor the background corpus knows and that
   occurs once (jieba's HMM glues stray characters together: 中念, 信局).
2. Compounds: two adjacent candidates that recur together (at least twice) are one term when
   one of them never occurs apart (之江+实验室, 北航+国新院): that part is absorbed into the
   compound, the other keeps its own count.
3. Place names: X区/X市/X县/X省/X镇 counts as X (余杭区 -> 余杭) when X also occurs on its own
   and is not a common word of another kind (开发区 stays: 开发 is a verb).
"""

from __future__ import annotations

import gzip
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from operator import itemgetter, mul, truediv
from typing import TYPE_CHECKING

from policy_cli.core.segment import is_candidate_term, load_lexicon, load_stopwords
from policy_cli.errors import NothingToAnalyseError, UsageError
from policy_cli.models import Keyword, Token

if TYPE_CHECKING:
    from policy_cli.core.segment import Segmenter

METHODS = ("tfidf", "textrank", "freq")

# jieba part-of-speech tags (stored in the IDF table for background words) of words that act
# rather than name: verbs, adjectives, adverbs, time words. They rank lower, not out, since a
# verb can be a document's topic (帮扶, 签约).
# Four-character idioms (i: 万马奔腾) describe rather than name, so they rank lower too.
_WEAK_TAGS = frozenset({"v", "a", "ad", "d", "vd", "t", "f", "m", "q", "r", "c", "p", "u", "i"})
_WEAK_FACTOR = 0.6
_PLACE_SUFFIXES = "区市县省镇"
_PLACE_TAGS = frozenset({"ns", "nr", "nrt", "nz", ""})


@dataclass(frozen=True)
class IdfTable:
    """Inverse document frequencies learnt from the background corpus."""

    idf: dict[str, float]
    documents: int
    default: float  # the IDF of a term the background never saw
    tags: dict[str, str] = field(default_factory=dict)  # jieba POS tag of background words

    def __call__(self, term: str) -> float:
        return self.idf.get(term, self.default)

    def tag(self, term: str) -> str:
        """Return the part-of-speech tag of a background word ("" when unknown)."""
        return self.tags.get(term, "")


@lru_cache(maxsize=1)
def load_idf() -> IdfTable:
    """Load the bundled IDF table (built by scripts/build_idf.py)."""
    path = resources.files("policy_cli.data").joinpath("idf.tsv.gz")
    idf: dict[str, float] = {}
    tags: dict[str, str] = {}
    documents = 0
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                if line.startswith("# documents="):
                    documents = int(line.split("=", 1)[1])
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[1]:
                idf[parts[0]] = float(parts[1])
                if len(parts) >= 3 and parts[2]:
                    tags[parts[0]] = parts[2]
    # smooth IDF (as scikit-learn computes it) of a term seen in no background document
    default = math.log((1 + documents) / 1) + 1 if documents else 1.0
    return IdfTable(idf, documents, default, tags)


def candidate_counts(tokens: Sequence[Token]) -> tuple[Counter[str], dict[str, Token]]:
    """Count candidate terms and remember where each first occurs."""
    stop = load_stopwords()
    counts: Counter[str] = Counter()
    first: dict[str, Token] = {}
    for tok in tokens:
        if is_candidate_term(tok.text, stop):
            counts[tok.text] += 1
            first.setdefault(tok.text, tok)
    return counts, first


def document_terms(
    tokens: Sequence[Token],
    *,
    segmenter: Segmenter | None = None,
    drop_guesses: bool = True,
) -> list[tuple[str, Token]]:
    """Turn a document's tokens into its candidate terms, in order (see the module docstring).

    scripts/build_idf.py counts the background corpus through this same function, so the IDF
    table knows the terms the ranking sees (施惠芳, 常态化, 余杭 for 余杭区).

    Args:
        tokens: the document's tokens (from `Segmenter.tokenize`).
        segmenter: the segmenter that made them (tells dictionary words from HMM guesses);
            the default segmenter when omitted.
        drop_guesses: drop short HMM guesses seen once (off when building the IDF table).

    Returns:
        (term, first token of the term) pairs in document order.
    """
    if segmenter is None:
        from policy_cli.core.segment import default_segmenter

        segmenter = default_segmenter()
    stop = load_stopwords()
    idf = load_idf()
    tokens = _glue_single_characters(tokens, stop)
    raw = Counter(t.text for t in tokens)
    # candidate flags per token, with HMM guesses seen once dropped
    keep = [
        is_candidate_term(t.text, stop)
        and not (
            drop_guesses
            and raw[t.text] == 1
            and len(t.text) <= 3
            and not t.text.isascii()
            and t.text not in idf.idf
            and not segmenter.knows(t.text)
        )
        for t in tokens
    ]
    terms = _merge_compounds(tokens, keep, idf)
    return _merge_places(terms, idf)


_HAN_RUN = re.compile(r"^[\u4e00-\u9fff]+$")
# lone characters that are grammar, counters or units, never the end of a name
_NO_GLUE = frozenset(
    "个只名家件项条位种次年月日号元万亿千百分户人座所批届期倍类台套辆吨占为与及等将把被向"
    "从每再叫均以由于对在是的了和或而且但也都就才还又很更最较越上下中内外前后里间时即所者来"
    "去给让使此该同到各本其之如若比共近超达约逾至成获小大老好少做搞抓党城"
)


def _glue_single_characters(tokens: Sequence[Token], stop: frozenset[str]) -> list[Token]:
    """Join a word to the lone character that always stands beside it (施惠+芳, 谱+新篇).

    jieba cuts names and coined words it does not know into a known word plus a stray
    character; when a word occurs at least twice and every time with the same lone character
    on the same side (not a function word), the two are one word of this document.
    """
    right: defaultdict[str, Counter[str]] = defaultdict(Counter)
    left: defaultdict[str, Counter[str]] = defaultdict(Counter)
    count: Counter[str] = Counter(t.text for t in tokens)

    def lone(tok: Token) -> bool:
        return (
            len(tok.text) == 1
            and bool(_HAN_RUN.match(tok.text))
            and tok.text not in stop
            and tok.text not in _NO_GLUE
        )

    def word(tok: Token) -> bool:  # a name or a coined word is short: 2-3 characters + 1
        return (
            2 <= len(tok.text) <= 3
            and bool(_HAN_RUN.match(tok.text))
            and is_candidate_term(tok.text, stop)
        )

    for a, b in zip(tokens, tokens[1:], strict=False):
        if not _adjacent(a, b):
            continue
        if lone(b) and word(a):
            right[a.text][b.text] += 1
        if lone(a) and word(b):
            left[b.text][a.text] += 1
    glue_right = {
        w: c for w, cs in right.items() for c, n in cs.items() if n == count[w] and n >= 2
    }
    glue_left = {w: c for w, cs in left.items() for c, n in cs.items() if n == count[w] and n >= 2}
    if not glue_right and not glue_left:
        return list(tokens)
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and _adjacent(tok, nxt):
            if glue_right.get(tok.text) == nxt.text:
                out.append(Token(tok.text + nxt.text, tok.start, tok.sentence))
                i += 2
                continue
            if glue_left.get(nxt.text) == tok.text:
                out.append(Token(tok.text + nxt.text, tok.start, tok.sentence))
                i += 2
                continue
        out.append(tok)
        i += 1
    return out


@lru_cache(maxsize=1)
def _lexicon_words() -> frozenset[str]:
    return frozenset(word for word, _ in load_lexicon())


def _adjacent(a: Token, b: Token) -> bool:
    return a.sentence == b.sentence and a.start + len(a.text) == b.start


def _merge_compounds(
    tokens: Sequence[Token], keep: list[bool], idf: IdfTable
) -> list[tuple[str, Token]]:
    """Join adjacent candidates that recur together when one of them never occurs apart.

    The part that never occurs apart is absorbed into the compound; the other part keeps
    counting on its own. Policy-lexicon terms (tagged "nz") and acting words are never joined:
    an established term stays a term of its own (勇闯+中国式现代化 stays two).
    """
    counts = Counter(t.text for t, k in zip(tokens, keep, strict=True) if k)
    pairs: Counter[tuple[str, str]] = Counter()
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        if keep[i] and keep[i + 1] and _adjacent(a, b):
            pairs[(a.text, b.text)] += 1

    lexicon = _lexicon_words()

    def joinable(word: str) -> bool:
        return idf.tag(word) not in _WEAK_TAGS and word not in lexicon

    joined = {
        (a, b): (counts[a] == c, counts[b] == c)
        for (a, b), c in pairs.items()
        if c >= 2
        and len(a) + len(b) <= 8
        and (counts[a] == c or counts[b] == c)
        and joinable(a)
        and joinable(b)
    }
    out: list[tuple[str, Token]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not keep[i]:
            i += 1
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        absorbed = joined.get((tok.text, nxt.text)) if nxt is not None and keep[i + 1] else None
        if nxt is not None and absorbed is not None and _adjacent(tok, nxt):
            out.append((tok.text + nxt.text, tok))
            if not absorbed[0]:
                out.append((tok.text, tok))
            if not absorbed[1]:
                out.append((nxt.text, nxt))
            i += 2
            continue
        out.append((tok.text, tok))
        i += 1
    return out


def _merge_places(terms: list[tuple[str, Token]], idf: IdfTable) -> list[tuple[str, Token]]:
    """Count X区/X市/X县/X省/X镇 as X when X occurs alone and may be a place name."""
    present = {t for t, _ in terms}
    rename: dict[str, str] = {}
    for term in present:
        stem = term[:-1]
        if (
            len(term) >= 3
            and term[-1] in _PLACE_SUFFIXES
            and stem in present
            and (idf.tag(stem) in _PLACE_TAGS or idf.tag(term) == "ns")
        ):
            rename[term] = stem
    return [(rename.get(t, t), tok) for t, tok in terms]


def extract_keywords(
    tokens: Sequence[Token],
    *,
    method: str = "tfidf",
    top: int = 20,
    segmenter: Segmenter | None = None,
) -> list[Keyword]:
    """Rank the candidate terms of a segmented document.

    Args:
        tokens: the document's tokens (from `Segmenter.tokenize`).
        method: "tfidf" (background IDF), "textrank" (co-occurrence graph) or "freq".
        top: how many to return (0 or less: all).
        segmenter: the segmenter that made the tokens (default: the shared one).

    Returns:
        Keywords sorted by score, then by term.

    Raises:
        UsageError: unknown method.
        NothingToAnalyseError: the document has no candidate terms.
    """
    if method not in METHODS:
        raise UsageError(f"unknown keyword method {method!r} (choose from {', '.join(METHODS)})")
    terms = document_terms(tokens, segmenter=segmenter)
    if not terms:
        raise NothingToAnalyseError("no terms to rank in this document")
    counts: Counter[str] = Counter(t for t, _ in terms)
    first: dict[str, Token] = {}
    for t, tok in terms:
        first.setdefault(t, tok)
    idf = load_idf()
    if method == "tfidf":
        scores = _tfidf(counts, idf)
    elif method == "textrank":
        scores = _textrank(terms, counts, idf)
    else:
        total = sum(counts.values())
        scores = {t: c / total for t, c in counts.items()}
    # round first, so that the order matches the scores shown
    ranked = sorted(((t, round(s, 6)) for t, s in scores.items()), key=lambda kv: (-kv[1], kv[0]))
    if top > 0:
        ranked = ranked[:top]
    return [Keyword(t, s, counts[t], first[t].start, first[t].sentence) for t, s in ranked]


def _tfidf(counts: Counter[str], idf: IdfTable) -> dict[str, float]:
    """Term frequency times background IDF, with acting words (verbs...) weighed down."""
    total = sum(counts.values())
    scores = {}
    for term, c in counts.items():
        scores[term] = c / total * idf(term) * _weight(term, idf)
    return scores


def _weight(term: str, idf: IdfTable) -> float:
    return _WEAK_FACTOR if idf.tag(term) in _WEAK_TAGS else 1.0


def _textrank(
    terms: Sequence[tuple[str, Token]],
    counts: Counter[str],
    idf: IdfTable,
    *,
    window: int = 5,
    iterations: int = 30,
) -> dict[str, float]:
    """PageRank over a co-occurrence graph of candidate terms within a sentence window.

    The random jump favours specific words (weighted by background IDF and part of speech,
    as in TF-IDF), so that well-connected boilerplate nouns do not lead the ranking.
    """
    edges: defaultdict[str, Counter[str]] = defaultdict(Counter)
    by_sentence: defaultdict[int, list[str]] = defaultdict(list)
    for term, tok in terms:
        by_sentence[tok.sentence].append(term)
    for words in by_sentence.values():
        for i, w in enumerate(words):
            for v in words[i + 1 : i + window]:
                if v != w:
                    edges[w][v] += 1
                    edges[v][w] += 1
    nodes = sorted(counts)
    prior = {n: idf(n) * _weight(n, idf) for n in nodes}
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
    weights = [[*edges[n].values(), 0.0, 0.0] for n in nodes]
    outs = [[*(out_weight[m] for m in edges[n]), 1.0, 1.0] for n in nodes]
    base = [(1 - d) * jump[n] for n in nodes]
    rank = [1.0] * len(nodes) + [1.0]
    for _ in range(iterations):
        new = [
            b + d * sum(map(truediv, map(mul, g(rank), w), o))
            for b, g, w, o in zip(base, getters, weights, outs, strict=True)
        ]
        new.append(1.0)
        rank = new
    scores = {n: rank[i] * _weight(n, idf) for n, i in index.items()}
    top = max(scores.values()) or 1.0
    return {n: r / top for n, r in scores.items()}
