"""Learn multi-word terms that plain jieba splits, with the evidence for each (build time only).

Every text is cut by plain jieba (no policy lexicon); runs of 2-4 adjacent Han tokens joined into
3-8 characters are candidate terms. For each candidate the whole corpus gives:

- **count** and the number of **news items** and **reports** (long documents) it occurs in,
  and the **first date** it was seen;
- **PMI**, the pointwise mutual information of its weakest split (bits): log2 of how much more
  often the two sides stand together than chance would have them (粤港澳|大湾区 11.4);
- **cohesion**, for its weakest split the share of the rarer side's occurrences that fall inside
  the candidate (大湾|区 0.80: 大湾 hardly occurs elsewhere; 召开|会议 0.07);
- **branching entropy** on each side (bits): how varied the tokens just before and after it
  are. A whole term stands in many contexts; a fragment of a longer term does not
  (国务院总理 is nearly always followed by a name: right entropy 0.9).

`accept` keeps a candidate as a term when it is frequent and spread, free on both sides, and
either *bound* (a side hardly occurs without the other: a word jieba does not know, 大湾区,
新质生产力, 中华民族伟大复兴) or an established *compound of names* (every part a noun, no person's
name at either end: 京津冀协同发展); verb-object phrases (召开会议) and particles (挤满了) never
qualify. A word that, once in the lexicon, would often break a dictionary word beside it
(`straddle_shares`: 稳增长 in 平稳增长) is left out too.

Counting is vectorised with numpy over one array of token ids (16 M tokens: ~30 s, ~2 GB).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate

import numpy as np
from sources import Source

from policy_cli.core.segment import Segmenter

_HAN = re.compile(r"^[\u4e00-\u9fff]+$")

MAX_TOKENS = 4  # a candidate is a run of 2..MAX_TOKENS tokens
MIN_CHARS, MAX_CHARS = 3, 8
MIN_COUNT = 20  # occurrences in the whole corpus
MIN_NEWS_ITEMS = 10  # ... spread over this many news items
MIN_REPORTS = 4  # ... or this many reports (a term newer than the news: 新质生产力, 2023)
MIN_ENTROPY = 2.0  # bits on each side: at least ~4 equally likely neighbours
MIN_PMI = 6.5  # bits: the sides stand together ~90 times more often than chance
BOUND_COHESION = 0.8  # the rarer side occurs inside the term 4 times out of 5
COMPOUND_COHESION = 0.5  # an established compound of free words: half the time
MAX_STRADDLE = 0.15  # a learnt word may break a plain-jieba reading this often (straddle_shares)

# jieba part-of-speech tags of words that name (nouns, places, organisations, abbreviations,
# set phrases, verbal and adjectival nouns)
NOMINAL_TAGS = frozenset({"n", "nz", "ns", "nt", "nr", "nrt", "nrfg", "j", "l", "ng", "nl",
                          "g", "s", "vn", "an"})
# heads that open a clause or a quantity rather than a name: verbs, prepositions, pronouns...
CLAUSE_HEAD_TAGS = frozenset({"v", "vd", "p", "c", "u", "r", "m", "q", "d", "ad", "f", "t",
                              "y", "e", "o", "uj", "ul", "uz", "uv", "ud", "ug", "zg"})
# a term whose last word is a verb or an adverb acts rather than names (走深走实)
ACTING_TAGS = frozenset({"v", "vd", "d", "ad"})
PERSON_TAGS = frozenset({"nr", "nrt"})  # jieba tags names so (and some verbs: 弘扬)
PARTICLES = frozenset("的了着地得之们所")  # never inside a term
MEASURES = frozenset("个年月日次项位名家种条批届倍元万亿剂例")  # never open a term


@dataclass(frozen=True)
class Evidence:
    """What the corpus says about a candidate term."""

    word: str
    parts: tuple[str, ...]
    count: int
    news_items: int
    reports: int
    first: str  # the date of the earliest text that uses it
    pmi: float
    cohesion: float
    left_entropy: float
    right_entropy: float

    def describe(self) -> str:
        """One line: the figures that made it a term."""
        return (
            f"{'/'.join(self.parts)}: {self.count}x in {self.news_items} news items"
            f" + {self.reports} reports, first {self.first}, PMI {self.pmi:.1f},"
            f" cohesion {self.cohesion:.2f}, entropy L {self.left_entropy:.1f}"
            f" R {self.right_entropy:.1f}"
        )


def _entropy(group: np.ndarray, neighbour: np.ndarray, groups: int) -> np.ndarray:
    """Shannon entropy (bits) of the neighbours of each group."""
    pairs = np.stack([group, neighbour], axis=1)
    uniq, counts = np.unique(pairs, axis=0, return_counts=True)
    g = uniq[:, 0]
    total = np.bincount(g, weights=counts, minlength=groups)
    p = counts / total[g]
    return np.bincount(g, weights=-p * np.log2(p), minlength=groups)


def candidate_evidence(
    sources: Sequence[Source], cut: callable, *, min_count: int = MIN_COUNT  # type: ignore[valid-type]
) -> list[Evidence]:
    """Count every run of 2..MAX_TOKENS Han tokens and return the evidence of the frequent ones.

    Args:
        sources: the texts (news items, reports).
        cut: plain jieba's cut (text -> tokens).
        min_count: candidates seen fewer times are not looked at.
    """
    vocab: dict[str, int] = {}
    ids_list: list[int] = []
    doc_list: list[int] = []
    for d, src in enumerate(sources):
        toks = cut(src.text)
        ids_list.extend([vocab.setdefault(t, len(vocab)) if _HAN.match(t) else -1 for t in toks])
        ids_list.append(-1)  # texts never run into each other
        doc_list.extend([d] * (len(toks) + 1))
    words = [""] * len(vocab)
    for w, i in vocab.items():
        words[i] = w
    ids = np.array(ids_list, dtype=np.int64)
    docs = np.array(doc_list, dtype=np.int64)
    del ids_list, doc_list
    n_pos = len(ids)
    v = len(words) + 1
    wlen = np.array([len(w) for w in words] + [0], dtype=np.int64)
    total = int((ids >= 0).sum())
    is_news = np.array([s.origin == "news" for s in sources])
    dates = [s.date for s in sources]
    order = sorted(range(len(sources)), key=lambda i: dates[i])
    rank = np.empty(len(sources), dtype=np.int64)
    rank[order] = np.arange(len(sources))

    # index[n][i]: the id of the n-token run starting at position i (-1: none)
    index = {1: ids}
    counts = {1: np.bincount(ids[ids >= 0], minlength=v)}
    for n in range(2, MAX_TOKENS + 1):
        prev = index[n - 1]
        valid = np.zeros(n_pos, dtype=bool)
        valid[: n_pos - n + 1] = (prev[: n_pos - n + 1] >= 0) & (ids[n - 1 :] >= 0)
        keys = prev[valid] * v + ids[n - 1 :][valid[: n_pos - n + 1]]
        _, inverse, cnt = np.unique(keys, return_inverse=True, return_counts=True)
        gram = np.full(n_pos, -1, dtype=np.int64)
        gram[valid] = inverse
        index[n], counts[n] = gram, cnt

    out: list[Evidence] = []
    for n in range(2, MAX_TOKENS + 1):
        gram, cnt = index[n], counts[n]
        pos = np.nonzero(gram >= 0)[0]
        gp = gram[pos]
        chars = np.zeros(len(pos), dtype=np.int64)
        for j in range(n):
            chars += wlen[ids[pos + j]]
        keep = (cnt[gp] >= min_count) & (chars >= MIN_CHARS) & (chars <= MAX_CHARS)
        pos, gp = pos[keep], gp[keep]
        cand = np.unique(gp)
        remap = np.full(len(cnt), -1, dtype=np.int64)
        remap[cand] = np.arange(len(cand))
        gi = remap[gp]
        k = len(cand)
        first_pos = np.full(k, n_pos, dtype=np.int64)
        np.minimum.at(first_pos, gi, pos)
        first_rank = np.full(k, len(sources), dtype=np.int64)
        np.minimum.at(first_rank, gi, rank[docs[pos]])
        pairs = np.unique(gi * len(sources) + docs[pos])
        pair_gram, pair_doc = pairs // len(sources), pairs % len(sources)
        news_items = np.bincount(pair_gram[is_news[pair_doc]], minlength=k)
        reports = np.bincount(pair_gram[~is_news[pair_doc]], minlength=k)
        # a text boundary is a different neighbour every time (a term may end a sentence)
        left = np.where(pos > 0, ids[np.maximum(pos - 1, 0)], -1)
        left = np.where(left >= 0, left, -(pos + 2))
        after = pos + n
        right = np.where(after < n_pos, ids[np.minimum(after, n_pos - 1)], -1)
        right = np.where(right >= 0, right, -(pos + 2))
        h_left = _entropy(gi, left, k)
        h_right = _entropy(gi, right, k)
        for a in range(k):
            p = int(first_pos[a])
            parts = tuple(words[ids[p + j]] for j in range(n))
            c = int(cnt[cand[a]])
            pmi, coh = math.inf, math.inf
            for split in range(1, n):
                c_left = int(counts[split][index[split][p]])
                c_right = int(counts[n - split][index[n - split][p + split]])
                pmi = min(pmi, math.log2(c * total / (c_left * c_right)))
                coh = min(coh, c / min(c_left, c_right))
            out.append(Evidence("".join(parts), parts, c, int(news_items[a]), int(reports[a]),
                                dates[order[int(first_rank[a])]], pmi, coh,
                                float(h_left[a]), float(h_right[a])))
    return out


def accept(ev: Evidence, tags: dict[str, str], function_words: Iterable[str]) -> str | None:
    """Say why a candidate is a term ("bound" or "compound"), or None when it is not."""
    if ev.count < MIN_COUNT or (ev.news_items < MIN_NEWS_ITEMS and ev.reports < MIN_REPORTS):
        return None
    if min(ev.left_entropy, ev.right_entropy) < MIN_ENTROPY or ev.pmi < MIN_PMI:
        return None
    parts = ev.parts
    if any(p in PARTICLES or p in function_words for p in parts) or parts[0][0] in MEASURES:
        return None
    head, tail = tags.get(parts[0]), tags.get(parts[-1])
    if head in CLAUSE_HEAD_TAGS or tail == "v":
        return None  # 召开会议, 发表声明: a clause, not a name
    if head == "ns" and tail == "ns":
        return None  # 湖南郴州, 俄罗斯首都莫斯科: a place and the place inside it
    if ev.cohesion >= BOUND_COHESION:
        return "bound"
    if ev.cohesion < COMPOUND_COHESION or any(tags.get(p) not in NOMINAL_TAGS for p in parts):
        return None  # a compound is made of names only (弘扬劳模精神, 乘专机离开北京 are not)
    if head in PERSON_TAGS or tail in PERSON_TAGS:
        return None  # 德国总理默克尔: a title and a name
    return "compound"


def term_tag(parts: Sequence[str], tags: dict[str, str]) -> str:
    """The part of speech a learnt term takes: a name ("nz") unless its last word acts."""
    tail = tags.get(parts[-1], "")
    return tail if tail in ACTING_TAGS else "nz"


def straddle_shares(
    texts: Iterable[str], base: Segmenter, lexicon: dict[str, int]
) -> dict[str, float]:
    """For each word, the share of its tokens that break a dictionary word across their edge.

    Cut with the lexicon, a word takes characters from its neighbours where plain jieba read a
    dictionary word across the new token's edge (中国风 in 中国风电: 中国/风电 becomes 中国风/电;
    稳增长 in 平稳增长: 平稳/增长 becomes 平/稳增长). Mending a guess of jieba's HMM (为小微/企业
    becomes 为/小微企业) is no break. A word that breaks often does more harm than good.
    """
    seg = Segmenter(lexicon=False, words=lexicon.items())
    tokens: Counter[str] = Counter()
    broken: Counter[str] = Counter()
    for text in texts:
        plain = base.cut(text)
        starts = list(accumulate(map(len, plain), initial=0))
        edges = set(starts)
        pos = 0
        for w in seg.cut(text):
            end = pos + len(w)
            if w in lexicon:
                tokens[w] += 1
                for at in (pos, end):
                    crossed = "" if at in edges else plain[bisect_right(starts, at) - 1]
                    if len(crossed) > 1 and base.knows(crossed):
                        broken[w] += 1
                        break
            pos = end
    return {w: broken[w] / n for w, n in tokens.items()}
