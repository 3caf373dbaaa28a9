"""Rank a document's key terms: TF-IDF against the background corpus, TextRank, or frequency."""

from __future__ import annotations

import gzip
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from policy_cli.core.segment import is_candidate_term, load_stopwords
from policy_cli.errors import NothingToAnalyseError, UsageError
from policy_cli.models import Keyword, Token

METHODS = ("tfidf", "textrank", "freq")


@dataclass(frozen=True)
class IdfTable:
    """Inverse document frequencies learnt from the background corpus."""

    idf: dict[str, float]
    documents: int
    default: float  # the IDF of a term the background never saw

    def __call__(self, term: str) -> float:
        return self.idf.get(term, self.default)


@lru_cache(maxsize=1)
def load_idf() -> IdfTable:
    """Load the bundled IDF table (built by scripts/build_idf.py)."""
    path = resources.files("policy_cli.data").joinpath("idf.tsv.gz")
    idf: dict[str, float] = {}
    documents = 0
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                if line.startswith("# documents="):
                    documents = int(line.split("=", 1)[1])
                continue
            term, _, value = line.rstrip("\n").partition("\t")
            if value:
                idf[term] = float(value)
    # smooth IDF (as scikit-learn computes it) of a term seen in no background document
    default = math.log((1 + documents) / 1) + 1 if documents else 1.0
    return IdfTable(idf, documents, default)


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


def extract_keywords(
    tokens: Sequence[Token], *, method: str = "tfidf", top: int = 20
) -> list[Keyword]:
    """Rank the candidate terms of a segmented document.

    Args:
        tokens: the document's tokens (from `Segmenter.tokenize`).
        method: "tfidf" (background IDF), "textrank" (co-occurrence graph) or "freq".
        top: how many to return (0 or less: all).

    Returns:
        Keywords sorted by score, then by term.

    Raises:
        UsageError: unknown method.
        NothingToAnalyseError: the document has no candidate terms.
    """
    if method not in METHODS:
        raise UsageError(f"unknown keyword method {method!r} (choose from {', '.join(METHODS)})")
    counts, first = candidate_counts(tokens)
    if not counts:
        raise NothingToAnalyseError("no terms to rank in this document")
    if method == "tfidf":
        idf = load_idf()
        total = sum(counts.values())
        scores = {t: c / total * idf(t) for t, c in counts.items()}
    elif method == "textrank":
        scores = _textrank(tokens, counts)
    else:
        total = sum(counts.values())
        scores = {t: c / total for t, c in counts.items()}
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    if top > 0:
        ranked = ranked[:top]
    return [
        Keyword(t, round(s, 6), counts[t], first[t].start, first[t].sentence) for t, s in ranked
    ]


def _textrank(
    tokens: Sequence[Token], counts: Counter[str], *, window: int = 5, iterations: int = 30
) -> dict[str, float]:
    """PageRank over a co-occurrence graph of candidate terms within a sentence window."""
    edges: defaultdict[str, Counter[str]] = defaultdict(Counter)
    by_sentence: defaultdict[int, list[str]] = defaultdict(list)
    for tok in tokens:
        if tok.text in counts:
            by_sentence[tok.sentence].append(tok.text)
    for words in by_sentence.values():
        for i, w in enumerate(words):
            for v in words[i + 1 : i + window]:
                if v != w:
                    edges[w][v] += 1
                    edges[v][w] += 1
    nodes = sorted(counts)
    rank = dict.fromkeys(nodes, 1.0)
    out_weight = {n: sum(edges[n].values()) for n in nodes}
    d = 0.85
    for _ in range(iterations):
        rank = {
            n: (1 - d) + d * sum(rank[m] * w / out_weight[m] for m, w in edges[n].items())
            for n in nodes
        }
    top = max(rank.values()) or 1.0
    return {n: r / top for n, r in rank.items()}
