"""Keyness: how much more (or less) one body of text uses a term than another.

Dunning's log-likelihood G2 (signed: > 0 when the second body uses the term more) says how
sure the difference is; the log2 ratio of the relative frequencies says how large it is.
Sizes are in characters (or tokens: only their ratio matters). `policy trend` ranks terms
by G2 between the earlier and the later half of a corpus, and a document's terms against the
rest of the corpus; `policy diff` compares two reports the same way.

The array forms compute the same figures for many terms at once (numpy).
"""

from __future__ import annotations

import math
from typing import Any


def log_likelihood(a: int, b: int, size_a: int, size_b: int) -> float:
    """Return Dunning's signed log-likelihood G2 of a count `a` in A against `b` in B.

    Args:
        a: occurrences in the old corpus A (the earlier text, or the rest of a corpus).
        b: occurrences in the new corpus B (the later text, or one document).
        size_a: size of A (characters or tokens: only the ratio of the sizes matters).
        size_b: size of B.

    Returns:
        G2 >= 0 when the relative frequency rose from A to B, negative when it fell.

    Raises:
        ValueError: a size that is not positive.
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

    Raises:
        ValueError: a size that is not positive.
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
