"""How alike two segmented reports are, as wholes and sentence by sentence.

Both measures are TF-IDF cosines over candidate terms, IDF from the background corpus of national
reports, so that boilerplate every report shares weighs little.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from policy_cli.core.occurrences import find_all
from policy_cli.core.pipeline import Prepared
from policy_cli.core.segment import is_candidate_term, load_stopwords
from policy_cli.core.tokens import Tokens
from policy_cli.models import SentenceChange

if TYPE_CHECKING:
    from policy_cli.core.keywords import IdfTable


def background_idf() -> IdfTable:
    """Return the IDF over the background reports, the held-out ones aside (two reports are
    compared: how routine a word is in a report, not in the news)."""
    from policy_cli.core.keywords import load_report_idf

    return load_report_idf()


def _term_lists(prepared: Prepared) -> dict[int, list[str]]:
    """Candidate terms of each sentence (by sentence index)."""
    stop = load_stopwords()
    out: dict[int, list[str]] = {s.index: [] for s in prepared.document.sentences}
    for tok in prepared.tokens:
        if is_candidate_term(tok.text, stop):
            out.setdefault(tok.sentence, []).append(tok.text)
    return out


def _vectors(groups: Sequence[Sequence[str]], idf: Callable[[str], float]) -> Any:
    """L2-normalised TF-IDF rows (background IDF) of token lists, over a shared vocabulary."""
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.preprocessing import normalize

    vec = CountVectorizer(analyzer=_identity, lowercase=False)
    counts = vec.fit_transform(groups)
    weights = np.array([idf(t) for t in vec.get_feature_names_out()], dtype=float)
    return normalize(counts.multiply(weights).tocsr())


def _identity(tokens: Sequence[str]) -> Sequence[str]:
    return tokens


def similarity(
    old: Prepared, new: Prepared, *, idf: Callable[[str], float] | None = None
) -> float:
    """Return the TF-IDF cosine of two segmented reports (1.0 for the same text).

    Term frequencies are counts of candidate terms; IDF comes from the background corpus of
    national reports, so boilerplate shared by every report weighs little.

    Args:
        old: one report, segmented.
        new: the other, segmented.
        idf: a term -> IDF function (default: the bundled background IDF).

    Returns:
        The cosine in [0, 1], rounded to 4 places.
    """
    weights = idf or background_idf()
    stop = load_stopwords()
    # the words' column, not a `Token` object made per word
    groups = [
        [w for w in Tokens.of(p.tokens).texts if is_candidate_term(w, stop)] for p in (old, new)
    ]
    if not groups[0] or not groups[1]:  # no terms to weigh: only the texts can be compared
        return 1.0 if old.document.text == new.document.text else 0.0
    # two vectors: plain dicts, so that a diff needs no scikit-learn import (0.7 s to seconds)
    a, b = (_unit_tfidf(g, weights) for g in groups)
    return round(min(1.0, sum(w * b[t] for t, w in a.items() if t in b)), 4)


def _unit_tfidf(terms: Sequence[str], idf: Callable[[str], float]) -> dict[str, float]:
    """Return the L2-normalised count x IDF vector of a list of terms."""
    weights = {t: n * idf(t) for t, n in Counter(terms).items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def unmatched_sentences(
    old: Prepared,
    new: Prepared,
    *,
    threshold: float = 0.3,
    min_terms: int = 3,
    idf: Callable[[str], float] | None = None,
) -> tuple[tuple[SentenceChange, ...], tuple[SentenceChange, ...]]:
    """Find the sentences of each report with no close counterpart in the other.

    Args:
        old: the earlier report, segmented.
        new: the later report, segmented.
        threshold: best TF-IDF cosine below which a sentence has no counterpart.
        min_terms: sentences with fewer candidate terms (headings, fragments) are skipped.
        idf: a term -> IDF function (default: the bundled background IDF).

    Returns:
        (sentences of NEW without counterpart, sentences of OLD without counterpart), in
        document order, each with the closest sentence and its terms absent from the other.
    """
    weights = idf or background_idf()
    terms_old, terms_new = _term_lists(old), _term_lists(new)
    s_old = [s for s in old.document.sentences if len(terms_old[s.index]) >= min_terms]
    s_new = [s for s in new.document.sentences if len(terms_new[s.index]) >= min_terms]
    if not s_old or not s_new:
        return (), ()
    x = _vectors([terms_old[s.index] for s in s_old] + [terms_new[s.index] for s in s_new], weights)
    sims = (x[len(s_old) :] @ x[: len(s_old)].T).toarray()  # rows: new, columns: old

    def pick(rows: Any, mine: list[Any], theirs: list[Any], terms: dict[int, list[str]],
             other: str) -> tuple[SentenceChange, ...]:
        out = []
        chosen = []
        for i, s in enumerate(mine):
            j = int(rows[i].argmax())
            best = float(rows[i, j])
            if best < threshold:
                chosen.append((s, j, best))
        # which of their terms the other report holds: one pass over it, not one per term
        present = find_all(other, {t for s, _, _ in chosen for t in terms[s.index]})
        for s, j, best in chosen:
            fresh = tuple(dict.fromkeys(t for t in terms[s.index] if not present[t]))
            out.append(
                SentenceChange(s.index, s.start, s.text, round(best, 4),
                               theirs[j].text if best > 0 else "", fresh)
            )
        return tuple(out)

    return (
        pick(sims, s_new, s_old, terms_new, old.document.text),
        pick(sims.T, s_old, s_new, terms_old, new.document.text),
    )
