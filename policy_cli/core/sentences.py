"""Key sentences: TextRank over the TF-IDF vectors of whole sentences (scikit-learn's formula).

The document is split into sentences once by the loader, at 。！？；…; a clause closed by ；
is joined back to the rest of its sentence so that a key sentence is always whole. The
vectors use the tokens the pipeline already produced: nothing is segmented again.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

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
        Up to `n` KeySentence (index of the first loader sentence, text, TextRank score),
        in document order.

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
    scores = _textrank([words[i] for i in candidates])
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
    if _HEADING.match(body):
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


def tfidf_matrix(docs: Sequence[Sequence[str]]) -> Any:
    """Return the rows' TF-IDF vectors (numpy, L2-normalised), as scikit-learn computes them.

    Same formula as `TfidfVectorizer(sublinear_tf=True)` (smooth IDF, 1 + log tf, L2 rows);
    written with numpy because importing scikit-learn costs seconds on a cold start, longer
    than the whole brief. tests/core/test_summary.py checks it against scikit-learn.

    Args:
        docs: one list of words per sentence.

    Returns:
        A (len(docs), vocabulary) float array; an all-zero row for an empty sentence.
    """
    import numpy as np

    vocab = {w: i for i, w in enumerate(sorted({w for d in docs for w in d}))}
    matrix = np.zeros((len(docs), max(1, len(vocab))), dtype=np.float64)
    for row, words in enumerate(docs):
        for word in words:
            matrix[row, vocab[word]] += 1.0
    present = matrix > 0
    df = present.sum(axis=0)
    idf = np.log((1 + len(docs)) / (1 + df)) + 1.0
    matrix[present] = 1.0 + np.log(matrix[present])
    matrix *= idf
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


def _textrank(docs: list[list[str]]) -> list[float]:
    """PageRank over the cosine-similarity graph of the sentences' TF-IDF vectors."""
    import numpy as np

    if len(docs) == 1:
        return [1.0]
    matrix = tfidf_matrix(docs)
    sim = matrix @ matrix.T
    np.fill_diagonal(sim, 0.0)
    sums = sim.sum(axis=1, keepdims=True)
    sums[sums == 0] = 1.0
    trans = sim / sums
    size = len(docs)
    rank = np.full(size, 1.0 / size)
    for _ in range(100):
        new = (1 - _DAMPING) / size + _DAMPING * trans.T @ rank
        if np.abs(new - rank).sum() < 1e-9:
            rank = new
            break
        rank = new
    return [float(x) for x in rank]


def _identity(words: list[str]) -> list[str]:
    return words
