"""Key sentences: the sentences that say where a document goes, central to it, whole, in order.

Centrality is TextRank over the TF-IDF vectors of whole sentences (scikit-learn's formula).
The document is split into sentences once by the loader, at 。！？；…; a clause closed by ；
is joined back to the rest of its sentence so that a key sentence is always whole. The
vectors use the tokens the pipeline already produced: nothing is segmented again.

Centrality alone picks the long lists of last year's figures of a work report. Each sentence's
score is therefore weighed by where it looks (`data/direction_cues.tsv`, `KeySentenceOptions`):
a part whose heading reviews the past (一、2024年工作回顾) weighs little, a part that sets what
comes (二、…总体要求和目标任务, 三、重点工作) more, its first sub-sections (the first priorities)
more still; the sentence of the overall requirements (…的总体要求是：…, or the first sentence of
a part not looking back that names its guidance: 以…为指导) and of the goals (主要预期目标是：…, 到2027年…)
weigh most; a sentence that lists figures and the closing call (让我们…) weigh less, and a list
item's heading ("八是推进法治政府建设和治理创新，保持社会和谐稳定。") is no key sentence.
"""

from __future__ import annotations

import heapq
import math
import re
from _collections import _count_elements  # type: ignore[import-not-found]  # Counter's C loop
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, compress, islice, pairwise
from operator import itemgetter, le, mul, neg
from typing import Any, NamedTuple

from policy_cli.core.boilerplate import glossary_spans
from policy_cli.core.chars import CN_NUMERALS, CN_YEAR_DIGITS
from policy_cli.core.normalize import HEADING_OPEN, MAX_SENTENCE_CHARS
from policy_cli.core.pipeline import Prepared
from policy_cli.core.segment import is_candidate_term, load_stopwords
from policy_cli.core.tokens import Tokens
from policy_cli.data import lines as data_lines
from policy_cli.errors import UsageError
from policy_cli.models import Document, KeySentence

_PART = re.compile(rf"^[{CN_NUMERALS}]+、")
_SUBPART = re.compile(rf"^（[{CN_NUMERALS}]+）")
_DIGIT = re.compile(r"\d")
# a list item's heading: "八是推进法治政府建设…。", "第一，…"
_ORDINAL = re.compile(rf"^(?:[{CN_NUMERALS}]+是|第[{CN_NUMERALS}]+[，,、]|其[{CN_NUMERALS}][，,、])")
# a stage goal: 到2027年，率先实现…; 第一个阶段，从二〇二〇年到二〇三五年，…基本实现…
_STAGE_GOAL = re.compile(
    rf"^(?:[^，。]{{1,8}}，)?(?:从[^，。]{{4,12}})?(?:到|至)(?:(?:19|20)\d\d|[{CN_YEAR_DIGITS}]{{4}})年"
)
_FIGURE = re.compile(r"\d+(?:\.\d+)?")
_MIN_CHARS = 12
_MAX_CHARS = 220
_DAMPING = 0.85
# from this many (sentence, shared term) pairs on, PageRank runs on numpy arrays: a long
# document (20 k pairs: ~100 k characters; a national work report has 2-5 k) pays numpy's
# import back (a 500 k-character text: 92 k pairs, 1.2 s -> 0.4 s; the same sentences)
NUMPY_PAIRS = 20_000
# from this many tokens on, their sentences' order is checked with numpy (0.2 s -> 3 ms at 6 M)
NUMPY_TOKENS = 200_000
# from this many terms in the candidate sentences on, TextRank's vectors are built by numpy
# (a 500 k-character news document has ~100 k; 10 M characters: 2.9 -> 1.9 s in all)
NUMPY_TERMS = 50_000


@dataclass(frozen=True)
class KeySentenceOptions:
    """How the direction of a sentence weighs on its centrality."""

    back: float = 0.25  # a sentence of a part that reviews the past
    ahead: float = 1.5  # a sentence of a part that sets what comes
    first_priority: float = 1.5  # of the first sub-section of such a part (halved weight gain next)
    requirement: float = 4.0  # the overall requirements (总体要求; the first 以…为指导 of a part)
    closing: float = 0.25  # the closing call of a report (让我们…)
    target: float = 4.0  # the goals (主要预期目标是, 到2027年)
    figures: int = 4  # a sentence with this many figures or more lists them…
    figures_weight: float = 0.5  # …and weighs this much
    heading_chars: int = 40  # a list item's heading is shorter than this
    max_chars_direction: int = 900  # requirement and goal sentences may be this long


DEFAULT_KEY_OPTIONS = KeySentenceOptions()


@lru_cache(maxsize=1)
def _cues() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = defaultdict(list)
    for line in data_lines("direction_cues.tsv"):
        kind, phrase = line.split("\t")[:2]
        out[kind].append(phrase)
    return {k: tuple(v) for k, v in out.items()}


class _Whole(NamedTuple):
    """A whole sentence: one or more loader sentences up to 。！？… or the paragraph's end
    (a tuple: a 10 M-character text has ~200 k of them, a frozen dataclass is slower made)."""

    first: int  # index of its first loader sentence
    last: int
    start: int
    end: int


def key_sentences(
    prepared: Prepared, *, n: int = 5, options: KeySentenceOptions = DEFAULT_KEY_OPTIONS
) -> list[KeySentence]:
    """Pick the `n` whole sentences that best say where a document goes, in document order.

    Args:
        prepared: the document and its tokens (segmented once by `pipeline.prepare`).
        n: how many sentences to pick.
        options: how the direction of a sentence weighs (see the module docstring).

    Returns:
        Up to `n` KeySentence (index of the first loader sentence, text, score: the TextRank
        rank times log(1 + distinct terms) times the direction weight), in document order.

    Raises:
        UsageError: when `n` is not positive.
    """
    if n < 1:
        raise UsageError("the number of key sentences must be at least 1")
    document = prepared.document
    wholes = whole_sentences(document)
    if not wholes:
        return []
    words = _words_by_whole(prepared, wholes)
    text = document.text
    weights = _direction_weights(document, wholes, options)
    glossaries = glossary_spans(document)  # (名词解释: a term's definition says where nothing goes)
    candidates = [
        i for i, w in enumerate(wholes)
        if _MIN_CHARS <= w.end - w.start <= (
            options.max_chars_direction if weights[i] >= options.requirement else _MAX_CHARS
        )
        and len(set(words[i])) >= 3
        and _is_prose(text[w.start : w.end], options)
        and not any(lo <= w.start < hi for lo, hi in glossaries)
    ]
    if len(candidates) < n:  # a short or oddly cut text: take what there is, its prose only
        # (a resolution of five sentences: not its title line or its adoption note in brackets)
        said = [i for i, w in enumerate(wholes) if words[i]]
        prose = [i for i in said if _is_prose(text[wholes[i].start : wholes[i].end], options)]
        candidates = prose or said
    if not candidates:
        return []
    ranks = _textrank([words[i] for i in candidates])
    # plain TextRank favours short generic sentences ("坚持和完善社会主义基本经济制度。"): weigh
    # each by the log of its distinct terms, so that a sentence that says more can win
    distinct = map(len, map(set, map(words.__getitem__, candidates)))
    scores = [
        r * math.log1p(d) * weights[i]
        for r, d, i in zip(ranks, distinct, candidates, strict=True)
    ]
    # the n best by score, then by place (a heap of all: popped until n are picked), in document
    # order; a sentence said again (a text repeated, a copied section) is picked once, where it
    # scores best
    order = list(zip(map(neg, scores), candidates, strict=True))
    heapq.heapify(order)
    best: list[tuple[float, int]] = []
    picked: set[str] = set()
    while order:
        negative, i = heapq.heappop(order)
        sentence = "".join(text[wholes[i].start : wholes[i].end].split())  # (spaces aside)
        if sentence in picked:
            continue
        picked.add(sentence)
        best.append((negative, i))
        if len(best) == n:
            break
    ranked = sorted((i, -negative) for negative, i in best)
    return [
        KeySentence(
            index=wholes[i].first,
            text=text[wholes[i].start : wholes[i].end].strip(),
            score=round(float(score), 6),
        )
        for i, score in ranked
    ]


def _direction_weights(
    document: Document, wholes: Sequence[_Whole], options: KeySentenceOptions
) -> list[float]:
    """The weight of each whole sentence from where it looks: back, ahead, at the goals."""
    cues = _cues()
    part = _parts(document)
    # the paragraph that opens each paragraph's part: its guidance is stated once, first
    part_start: list[int] = []
    opener = 0
    for i, para in enumerate(document.paragraphs):
        if _PART.match(para.text.strip()) and len(para.text.strip()) <= 60:
            opener = i
        part_start.append(opener)
    guided: set[int] = set()
    guidance_cues, requirement_cues, target_cues, opens_back, closing = (
        cues.get(kind, ()) for kind in ("guidance", "requirement", "target", "opens_back", "closing")
    )
    # whether a head holds any cue of the three kinds at all, by one search (most hold none)
    any_cue = _cue_pattern((*guidance_cues, *requirement_cues, *target_cues)).search
    sentences, text = document.sentences, document.text
    out = []
    for whole in wholes:
        sent = sentences[whole.first]
        body = text[whole.start : whole.end].strip()
        where, order = part[sent.paragraph]
        weight = 1.0
        if where == "back" or body.startswith(opens_back):
            weight *= options.back
        elif where == "ahead":
            weight *= options.ahead
            if order:
                weight *= 1 + (options.first_priority - 1) / order
        head = body[:60]
        cued = any_cue(head) is not None
        # (any(map(head.__contains__, …)): the same test as a generator over the cues, in C)
        guidance = cued and where != "back" and part_start[sent.paragraph] not in guided and any(
            map(head.__contains__, guidance_cues)
        )
        if guidance:
            guided.add(part_start[sent.paragraph])
        if body.startswith(closing):
            weight *= options.closing
        elif guidance or (cued and any(map(head.__contains__, requirement_cues))):
            weight *= options.requirement
        elif (cued and any(map(head.__contains__, target_cues))) or _STAGE_GOAL.match(body):
            weight *= options.target
        elif len(_FIGURE.findall(body)) >= options.figures:
            weight *= options.figures_weight
        out.append(weight)
    return out


@lru_cache(maxsize=4)
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that finds a text holding any of `cues` (or none, for no cue)."""
    return re.compile("|".join(map(re.escape, cues)) if cues else "(?!)")


def _parts(document: Document) -> list[tuple[str, int]]:
    """For each paragraph: the direction of its part (back, ahead or "") and its sub-section.

    Parts are opened by short headings "一、…"; the heading says whether the part reviews the
    past or sets what comes, else its first paragraphs do (一年来，…). Sub-sections "（一）…" of a part that looks ahead are counted
    1, 2, … (0 before the first), so that the first priorities can weigh more.
    """
    cues = _cues()
    paras = document.paragraphs
    where, order = "", 0
    out: list[tuple[str, int]] = []
    for i, para in enumerate(paras):
        body = para.text.strip()
        if _PART.match(body) and len(body) <= 60:
            where, order = "", 0
            if any(c in body for c in cues.get("ahead", ())):
                where = "ahead"
            elif any(c in body for c in cues.get("back", ())):
                where = "back"
            elif any(  # a heading that names no direction: its opening says it (一年来，…)
                p.text.strip().startswith(cues.get("opens_back", ())) for p in paras[i + 1 : i + 3]
            ):
                where = "back"
        elif _SUBPART.match(body) and where == "ahead":
            order += 1
        out.append((where, order))
    return out


def whole_sentences(document: Document) -> list[_Whole]:
    """Join the loader's sentences closed by ；（or by nothing) into whole sentences, none longer
    than the loader's MAX_SENTENCE_CHARS (a list flattened to one line is no one sentence)."""
    out: list[_Whole] = []
    opened = 0  # the first sentence not closed yet
    sents = document.sentences
    last = len(sents) - 1
    for i, sent in enumerate(sents):
        ends_para = i == last or sents[i + 1].paragraph != sent.paragraph
        closed = sent.text.rstrip("”’」』\"）) ").endswith(("。", "！", "？", "…", "!", "?"))
        if closed or ends_para or sents[i + 1].end - sents[opened].start > MAX_SENTENCE_CHARS:
            out.append(_Whole(opened, i, sents[opened].start, sent.end))
            opened = i + 1
    return out


def _is_prose(sentence: str, options: KeySentenceOptions = DEFAULT_KEY_OPTIONS) -> bool:
    """A sentence of running text, not a heading, a headline or a list item's heading."""
    body = sentence.strip()
    if HEADING_OPEN.match(body) and not (
        (_PART.match(body) or _SUBPART.match(body)) and "，" in body and _DIGIT.search(body)
    ):
        return False  # (（一）到2025年，…比重达到15%。: a numbered item that states a number)
    if body.startswith("——") and len(body) < options.heading_chars:
        return False
    if _ORDINAL.match(body) and len(body) < options.heading_chars:
        return False
    return body.rstrip("”’」』\"）) ").endswith(("。", "！", "？", "…", "!", "?", "；"))


def _words_by_whole(prepared: Prepared, wholes: Sequence[_Whole]) -> list[list[str]]:
    """The candidate terms of each whole sentence, in order.

    The tokens come sentence after sentence (`Segmentation.tokens`), so a whole sentence's
    tokens are one slice of the columns, found by bisection, filtered in one C loop by the set
    of the document's candidate words (decided once per distinct word); tokens in another
    order are assigned one by one (`_words_by_owner`).
    """
    tokens = Tokens.of(prepared.tokens)  # the columns (no Token object made per token)
    texts, sents = tokens.texts, tokens.sentences
    if not wholes or not _ascending(sents):
        return _words_by_owner(tokens, wholes)
    stop = load_stopwords()
    keep = {w for w in set(texts) if is_candidate_term(w, stop)}.__contains__
    if len(texts) >= NUMPY_TOKENS:
        return _words_by_bounds(texts, sents, wholes, keep)
    out: list[list[str]] = []
    at = 0
    for whole in wholes:
        at = bisect_left(sents, whole.first, at)
        end = bisect_left(sents, whole.last + 1, at)
        out.append(list(filter(keep, texts[at:end])))
        at = end
    return out


def _words_by_bounds(
    texts: list[str], sents: Sequence[int], wholes: Sequence[_Whole], keep: Callable[[str], bool]
) -> list[list[str]]:
    """`_words_by_whole` of a long text (tokens in sentence order): the candidate words kept in
    one C loop, each whole sentence's bounds among them found by numpy (no bisection and no
    filter a sentence)."""
    import numpy as np

    kept = bytearray(map(keep, texts))
    words = list(compress(texts, kept))
    # the number of kept words before each token, and before the end
    before = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(np.frombuffer(kept, dtype=np.uint8), out=before[1:])
    column = np.frombuffer(sents, dtype=sents.typecode) if isinstance(sents, array) else (
        np.asarray(sents, dtype=np.int64)
    )
    firsts = np.fromiter(map(itemgetter(0), wholes), dtype=np.int64, count=len(wholes))
    lasts = np.fromiter(map(itemgetter(1), wholes), dtype=np.int64, count=len(wholes))
    # (wholes come in order and do not overlap: bisecting from the last end is bisecting all)
    lo = before[np.searchsorted(column, firsts)].tolist()
    hi = before[np.searchsorted(column, lasts + 1)].tolist()
    return list(map(words.__getitem__, map(slice, lo, hi)))


def _ascending(values: Sequence[int]) -> bool:
    """Whether `values` never go down (a long array is checked with numpy, without a copy)."""
    if isinstance(values, array) and len(values) >= NUMPY_TOKENS:
        import numpy as np

        column = np.frombuffer(values, dtype=values.typecode)
        return bool((column[1:] >= column[:-1]).all())
    return all(map(le, values, islice(values, 1, None)))


def _words_by_owner(tokens: Tokens, wholes: Sequence[_Whole]) -> list[list[str]]:
    """`_words_by_whole` token by token, for tokens in any order."""
    owner: dict[int, int] = {}
    for w, whole in enumerate(wholes):
        for s in range(whole.first, whole.last + 1):
            owner[s] = w
    stop = load_stopwords()
    words: dict[int, list[str]] = defaultdict(list)
    candidate: dict[str, bool] = {}  # per distinct word, not per token
    for text, sentence in zip(tokens.texts, tokens.sentences, strict=True):
        at = owner.get(sentence)
        if at is not None:
            ok = candidate.get(text)
            if ok is None:
                ok = candidate[text] = is_candidate_term(text, stop)
            if ok:
                words[at].append(text)
    return [words.get(i, []) for i in range(len(wholes))]


def _textrank(docs: list[list[str]]) -> list[float]:
    """PageRank over the cosine-similarity graph of the sentences' TF-IDF vectors.

    The vectors are scikit-learn's TfidfVectorizer(sublinear_tf=True) ones, but neither they nor the n x n
    similarity matrix S = X Xᵀ (zero diagonal) are built: a PageRank step computes S u as
    X' (X'ᵀ u) - diag(X' X'ᵀ) u, where X' keeps the terms that two sentences or more share
    (a term of one sentence links nothing). Time and memory grow with the (sentence, shared
    term) pairs, not with the square of the sentences, and no numpy import is needed (it costs
    more than the analysis); tests/core/test_fast_paths.py checks it against the dense form.
    """
    size = len(docs)
    if size == 1:
        return [1.0]
    if sum(map(len, docs)) >= NUMPY_TERMS:
        return _textrank_numpy(docs)
    # the document frequencies first, each sentence's counts made again below when its
    # weights are: a Counter kept for each of 400 k sentences held ~0.4 GB at 10 M characters
    df: Counter[str] = Counter(chain.from_iterable(map(set, docs)))
    idf = {t: math.log((1 + size) / (1 + f)) + 1 for t, f in df.items()}
    column = {t: j for j, t in enumerate(sorted(t for t, f in df.items() if f > 1))}
    linked: list[int] = []  # sentences sharing a term with another; the rest are isolated
    row_cols: list[tuple[int, ...]] = []
    row_vals: list[tuple[float, ...]] = []
    sublinear = _Sublinear()
    for i, d in enumerate(docs):
        # the same float operations in the same order as (1 + log n) * idf and the norm's sum
        # written term by term, done in C loops (map) over the sentence's distinct terms
        c: dict[str, int] = {}
        _count_elements(c, d)  # a Counter's counts, in first-seen order, without its overhead
        weights = list(map(mul, map(sublinear.__getitem__, c.values()), map(idf.__getitem__, c)))
        norm = math.sqrt(sum(map(mul, weights, weights)))
        shared = sorted(
            (j, w / norm) for j, w in zip(map(column.get, c), weights, strict=True) if j is not None
        )
        if not shared:
            continue
        linked.append(i)
        cols, vals = zip(*shared, strict=True)
        row_cols.append(cols)
        row_vals.append(vals)
    diagonal = [sum(map(mul, vals, vals)) for vals in row_vals]
    if sum(map(len, row_cols)) >= NUMPY_PAIRS:
        return _pagerank_numpy(size, linked, row_cols, row_vals, diagonal)
    return _pagerank_lists(size, linked, row_cols, row_vals, diagonal)


def _pagerank_lists(
    size: int,
    linked: list[int],
    row_cols: list[tuple[int, ...]],
    row_vals: list[tuple[float, ...]],
    diagonal: list[float],
) -> list[float]:
    """The PageRank steps of `_textrank` in pure Python (a short document)."""
    n_cols = max((max(c) for c in row_cols), default=-1) + 1
    col_rows: list[list[int]] = [[] for _ in range(n_cols)]
    col_vals: list[list[float]] = [[] for _ in range(n_cols)]
    for k, (cols, vals) in enumerate(zip(row_cols, row_vals, strict=True)):
        for j, v in zip(cols, vals, strict=True):
            col_rows[j].append(k)
            col_vals[j].append(v)
    # itemgetter(*indices) fetches several items in one C call; a column has two rows or more,
    # a row gets a padding index (-1, value 0.0) so that the getter always returns a tuple
    col_get = [itemgetter(*r) for r in col_rows]
    row_get = [itemgetter(*c, -1) for c in row_cols]
    padded = [(*vals, 0.0) for vals in row_vals]

    def similar(u: list[float]) -> list[float]:
        """Return S u over the linked sentences."""
        xt_u = [sum(map(mul, v, g(u))) for g, v in zip(col_get, col_vals, strict=True)]
        return [
            sum(map(mul, v, g(xt_u))) - d * ui
            for g, v, d, ui in zip(row_get, padded, diagonal, u, strict=True)
        ]

    sums = similar([1.0] * len(linked))  # > 0: a linked sentence shares a term
    base = (1 - _DAMPING) / size
    rank = [1.0 / size] * size
    for _ in range(100):
        new = [base] * size  # an isolated sentence gets the teleport share only
        spread = similar([rank[i] / s for i, s in zip(linked, sums, strict=True)])
        for i, x in zip(linked, spread, strict=True):
            new[i] = base + _DAMPING * x
        if sum(abs(a - b) for a, b in zip(new, rank, strict=True)) < 1e-9:
            rank = new
            break
        rank = new
    return rank


class _Sublinear(dict[int, float]):
    """1 + log(n), the sublinear term frequency, computed once per count."""

    def __missing__(self, n: int) -> float:
        value = self[n] = 1 + math.log(n)
        return value


def _textrank_numpy(docs: list[list[str]]) -> list[float]:
    """`_textrank` of a long document with the vectors built by numpy: the same weights,
    norms and diagonal, bit for bit (each a product, quotient or square root of the same
    two floats, and each sum taken term after term in the order the Python loop takes, one
    term of every sentence per step), then the same PageRank steps."""
    import numpy as np

    size = len(docs)
    vocab = {t: i for i, t in enumerate(dict.fromkeys(chain.from_iterable(docs)))}
    terms = list(vocab)
    lengths = np.fromiter(map(len, docs), dtype=np.int64, count=size)
    ids = np.fromiter(
        map(vocab.__getitem__, chain.from_iterable(docs)), dtype=np.int64, count=int(lengths.sum())
    )
    # each sentence's distinct terms with their counts, in the order they first come
    keys = np.repeat(np.arange(size, dtype=np.int64), lengths) * len(terms) + ids
    del ids
    keys, first, counts = np.unique(keys, return_index=True, return_counts=True)
    order = np.argsort(first, kind="stable")
    del first
    keys, counts = keys[order], counts[order]
    pair_rows, pair_terms = keys // len(terms), keys % len(terms)
    del keys, order
    df = np.bincount(pair_terms, minlength=len(terms))
    idf = np.array([math.log((1 + size) / (1 + f)) + 1 for f in df.tolist()])
    sublinear = np.array([0.0, *(1 + math.log(n) for n in range(1, int(counts.max()) + 1))])
    weights = sublinear[counts] * idf[pair_terms]
    norms = np.sqrt(_sums_in_order(weights * weights, pair_rows, size))
    values = weights / norms[pair_rows]
    # the shared terms' columns, in the order of the terms
    column = np.full(len(terms), -1, dtype=np.int64)
    shared_terms = sorted(terms[i] for i in np.flatnonzero(df > 1).tolist())
    column[[vocab[t] for t in shared_terms]] = np.arange(len(shared_terms), dtype=np.int64)
    cols = column[pair_terms]
    kept = cols >= 0
    # each row's pairs by column: one stable sort of row x columns + column (the order of
    # `np.lexsort((cols, rows))`, a fifth of its time), rows and columns read back from it
    width = max(1, len(shared_terms))
    key = pair_rows[kept] * width + cols[kept]
    by_column = np.argsort(key, kind="stable")
    rows, cols = np.divmod(key[by_column], width)
    values = values[kept][by_column]
    del key, by_column
    # the linked sentences (rows sorted) and each pair's place among them
    opens = np.empty(len(rows), dtype=bool)
    opens[:1] = True
    np.not_equal(rows[1:], rows[:-1], out=opens[1:])
    linked = rows[opens]
    rows = np.searchsorted(linked, rows)
    diag = _sums_in_order(values * values, rows, len(linked))
    if len(cols) >= NUMPY_PAIRS:
        return _pagerank_arrays(size, linked, rows, cols, values, diag)
    # a long text of short, unshared sentences: the pure steps, as `_textrank` takes them
    bounds = np.searchsorted(rows, np.arange(len(linked) + 1)).tolist()
    col_list, value_list = cols.tolist(), values.tolist()
    row_cols = [tuple(col_list[a:b]) for a, b in pairwise(bounds)]
    row_vals = [tuple(value_list[a:b]) for a, b in pairwise(bounds)]
    return _pagerank_lists(size, linked.tolist(), row_cols, row_vals, diag.tolist())


def _sums_in_order(values: Any, rows: Any, n: int) -> Any:
    """The sum of each row's values (rows sorted), added one after the other from the first as
    Python's `sum` adds them: step k adds the k-th value of every row that has one."""
    import numpy as np

    lengths = np.bincount(rows, minlength=n)
    starts = np.searchsorted(rows, np.arange(n))
    out = np.zeros(n)
    for k in range(int(lengths.max()) if n else 0):
        has = np.flatnonzero(lengths > k)
        out[has] += values[starts[has] + k]
    return out


def _pagerank_numpy(
    size: int,
    linked: list[int],
    row_cols: list[tuple[int, ...]],
    row_vals: list[tuple[float, ...]],
    diagonal: list[float],
) -> list[float]:
    """The PageRank steps of `_textrank` with numpy, for a long document (the same sums, in
    another order: the ranks agree to about 1e-12): S u = X'(X'ᵀ u) - diag·u as two weighted
    bincounts over the (sentence, shared term) pairs."""
    import numpy as np

    lengths = np.fromiter(map(len, row_cols), dtype=np.int64, count=len(row_cols))
    rows = np.repeat(np.arange(len(row_cols), dtype=np.int64), lengths)
    cols = np.fromiter(chain.from_iterable(row_cols), dtype=np.int64, count=int(lengths.sum()))
    vals = np.fromiter(chain.from_iterable(row_vals), dtype=np.float64, count=len(cols))
    diag = np.asarray(diagonal, dtype=np.float64)
    at = np.asarray(linked, dtype=np.int64)
    return _pagerank_arrays(size, at, rows, cols, vals, diag)


def _pagerank_arrays(size: int, at: Any, rows: Any, cols: Any, vals: Any, diag: Any) -> list[float]:
    """The PageRank steps over the (linked sentence, shared term) pairs as numpy arrays."""
    import numpy as np

    n_cols = int(cols.max()) + 1 if len(cols) else 0

    def similar(u: Any) -> Any:
        xt_u = np.bincount(cols, weights=vals * u[rows], minlength=n_cols)
        return np.bincount(rows, weights=vals * xt_u[cols], minlength=len(at)) - diag * u

    sums = similar(np.ones(len(at)))
    base = (1 - _DAMPING) / size
    rank = np.full(size, 1.0 / size)
    for _ in range(100):
        new = np.full(size, base)
        new[at] = base + _DAMPING * similar(rank[at] / sums)
        if float(np.abs(new - rank).sum()) < 1e-9:
            rank = new
            break
        rank = new
    return [float(x) for x in rank]


def _identity(words: list[str]) -> list[str]:
    return words
