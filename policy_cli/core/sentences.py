"""Key sentences: TextRank over the TF-IDF vectors of whole sentences (scikit-learn's formula).

The document is split into sentences once by the loader, at 。！？；…; a clause closed by ；
is joined back to the rest of its sentence so that a key sentence is always whole. The
vectors use the tokens the pipeline already produced: nothing is segmented again.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter, mul

from policy_cli.core.pipeline import Prepared
from policy_cli.core.segment import is_candidate_term, load_stopwords
from policy_cli.errors import UsageError
from policy_cli.models import Document, KeySentence

_HEADING = re.compile(r"^(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章节条部分])")
_MIN_CHARS = 12
_MAX_CHARS = 220
_DAMPING = 0.85


@dataclass(frozen=True)
class _Whole:
    """A whole sentence: one or more loader sentences up to 。！？… or the paragraph's end."""

    first: int  # index of its first loader sentence
    last: int
    start: int
    end: int


def key_sentences(prepared: Prepared, *, n: int = 5) -> list[KeySentence]:
    """Pick the `n` most central whole sentences of a document, shown in document order.

    Args:
        prepared: the document and its tokens (segmented once by `pipeline.prepare`).
        n: how many sentences to pick.

    Returns:
        Up to `n` KeySentence (index of the first loader sentence, text, score: the TextRank
        rank times log(1 + distinct terms)), in document order.

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
    candidates = [
        i for i, w in enumerate(wholes)
        if _MIN_CHARS <= w.end - w.start <= _MAX_CHARS
        and len(set(words[i])) >= 3
        and _is_prose(text[w.start : w.end])
    ]
    if len(candidates) < n:  # a short or oddly cut text: take what there is
        candidates = [i for i, w in enumerate(wholes) if words[i]]
    if not candidates:
        return []
    ranks = _textrank([words[i] for i in candidates])
    # plain TextRank favours short generic sentences ("坚持和完善社会主义基本经济制度。"): weigh
    # each by the log of its distinct terms, so that a sentence that says more can win
    scores = [r * math.log1p(len(set(words[i]))) for r, i in zip(ranks, candidates, strict=True)]
    ranked = sorted(zip(candidates, scores, strict=True), key=lambda cs: (-cs[1], cs[0]))[:n]
    ranked.sort(key=lambda cs: cs[0])
    return [
        KeySentence(
            index=wholes[i].first,
            text=text[wholes[i].start : wholes[i].end].strip(),
            score=round(float(score), 6),
        )
        for i, score in ranked
    ]


def whole_sentences(document: Document) -> list[_Whole]:
    """Join the loader's sentences closed by ；（or by nothing) into whole sentences."""
    out: list[_Whole] = []
    open_: list[int] = []
    sents = document.sentences
    for i, sent in enumerate(sents):
        open_.append(i)
        ends_para = i + 1 == len(sents) or sents[i + 1].paragraph != sent.paragraph
        closed = sent.text.rstrip("”’」』\"）) ").endswith(("。", "！", "？", "…", "!", "?"))
        if closed or ends_para:
            first, last = sents[open_[0]], sents[open_[-1]]
            out.append(_Whole(open_[0], open_[-1], first.start, last.end))
            open_ = []
    return out


def _is_prose(sentence: str) -> bool:
    """A sentence of running text, not a heading, a headline or a list label."""
    body = sentence.strip()
    if _HEADING.match(body) or (body.startswith("——") and len(body) < 40):
        return False
    return body.rstrip("”’」』\"）) ").endswith(("。", "！", "？", "…", "!", "?", "；"))


def _words_by_whole(prepared: Prepared, wholes: Sequence[_Whole]) -> list[list[str]]:
    owner: dict[int, int] = {}
    for w, whole in enumerate(wholes):
        for s in range(whole.first, whole.last + 1):
            owner[s] = w
    stop = load_stopwords()
    words: dict[int, list[str]] = defaultdict(list)
    for tok in prepared.tokens:
        at = owner.get(tok.sentence)
        if at is not None and is_candidate_term(tok.text, stop):
            words[at].append(tok.text)
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
    counts = [Counter(d) for d in docs]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    idf = {t: math.log((1 + size) / (1 + f)) + 1 for t, f in df.items()}
    column = {t: j for j, t in enumerate(sorted(t for t, f in df.items() if f > 1))}
    linked: list[int] = []  # sentences sharing a term with another; the rest are isolated
    row_cols: list[list[int]] = []
    row_vals: list[list[float]] = []
    col_rows: list[list[int]] = [[] for _ in column]
    col_vals: list[list[float]] = [[] for _ in column]
    for i, c in enumerate(counts):
        weights = {t: (1 + math.log(n)) * idf[t] for t, n in c.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        shared = sorted((column[t], w / norm) for t, w in weights.items() if t in column)
        if not shared:
            continue
        k = len(linked)
        linked.append(i)
        row_cols.append([j for j, _ in shared])
        row_vals.append([v for _, v in shared])
        for j, v in shared:
            col_rows[j].append(k)
            col_vals[j].append(v)
    diagonal = [sum(v * v for v in vals) for vals in row_vals]
    # itemgetter(*indices) fetches several items in one C call; a column has two rows or more,
    # a row gets a padding index (-1, value 0.0) so that the getter always returns a tuple
    col_get = [itemgetter(*r) for r in col_rows]
    row_get = [itemgetter(*c, -1) for c in row_cols]
    for vals in row_vals:
        vals.append(0.0)

    def similar(u: list[float]) -> list[float]:
        """Return S u over the linked sentences."""
        xt_u = [sum(map(mul, v, g(u))) for g, v in zip(col_get, col_vals, strict=True)]
        return [
            sum(map(mul, v, g(xt_u))) - d * ui
            for g, v, d, ui in zip(row_get, row_vals, diagonal, u, strict=True)
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


def _identity(words: list[str]) -> list[str]:
    return words
