"""Whether a short name found in the text is said there, or is a piece of other words.

One rule for the stages that find short names unquoted (`known`, `national`) and for the
counting of every short formulation (`rank`). An occurrence is a piece of other words when

- it starts inside a word and ends inside one (强网 in 加强|网络, 强基 in 建强|基础);
- a word of the dictionary takes its first or last character (洋垃圾 in 海洋|垃圾, 科创投 in
  科创|投资, 乡村振兴法 in 乡村振兴|法治);
- or it continues a number or an ordinal (五五 in 十五五, 九章 in 第九章).

One that opens or closes a word is said (乡村振兴 in 乡村振兴战略, 颜值 in 高颜值), and so is one
whose edge falls inside a piece the segmenter made up by gluing a short word to its neighbour
(是助|企纾困, 在|十连|增的) or gluing its last word to the head noun after it (协商|民主制度,
低空|经济走廊: a piece that takes two characters or more of it): one edge is enough there. A
quote mark right before it makes it said, whatever the words.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from policy_cli.core.chars import CN_DIGITS, CN_ZEROS
from policy_cli.core.formulations.vocab import words
from policy_cli.core.phrases import QUOTE_MARKS
from policy_cli.core.segment import default_segmenter
from policy_cli.core.tokens import Segmentation

# one character each: a test `text[i:i+1] in QUOTES` is False at the edges of the text (the
# empty string is in every str, never in a frozenset)
QUOTES = frozenset(QUOTE_MARKS)
NUMBER_CHARS = frozenset("0123456789" + CN_DIGITS + CN_ZEROS + "十")
# from this many occurrences of one name on, `said_at_all` looks their edges up as arrays
# (a 10 M-character text: ~360 k occurrences of short formulations, one Python call each)
NUMPY_OCCURRENCES = 64


def said_at(text: str, seg: Segmentation, start: int, end: int) -> bool:
    """Tell whether text[start:end] is said as words of its own, not as a piece of others."""
    if text[start - 1 : start] in QUOTES:
        return True
    before = text[start - 1 : start]
    if (before in NUMBER_CHARS or before == words().ordinal_mark) and (
        text[start : start + 1] in NUMBER_CHARS
    ):
        return False  # 五五 in 十五五, 九章 in 第九章: the number goes on
    opens, closes = seg.starts_word(start), seg.starts_word(end)
    if not (opens or closes):
        return False
    return (opens or not _crossed(seg, start, start, end)) and (
        closes or not _crossed(seg, end, start, end)
    )


def _crossed(seg: Segmentation, edge: int, start: int, end: int) -> bool:
    """Tell whether the piece over `edge` (one starts before it) takes the one character of
    text[start:end] next to that edge (海洋 over the start of 洋垃圾) and is a word of the
    dictionary, not a glued one (是助)."""
    i = bisect_right(seg.starts, edge) - 1
    lo = seg.starts[i]
    hi = lo + len(seg.pieces[i])
    taken = hi == start + 1 if lo < start else lo == end - 1
    return taken and end - start > 1 and default_segmenter().knows(seg.pieces[i])


def said_at_all(
    text: str, seg: Segmentation, starts: Sequence[int], size: int, edges: Any = None
) -> list[bool]:
    """`said_at(text, seg, s, s + size)` for every start `s`, in order.

    Every occurrence that opens and closes a word (both edges are starts of pieces) is said,
    unless a number goes on into it: those are found at once by looking both edges up in
    the pieces' starts as arrays (`edges`: `seg.starts` as a numpy array, made here when not
    given). The others, and all of them when one starts with a number character, are
    checked one by one with `said_at`.
    """
    if not starts:
        return []
    import numpy as np

    if edges is None:
        edges = starts_array(seg)
    at = np.asarray(starts, dtype=np.int64)
    end = at + size
    opens = edges[np.searchsorted(edges, at, side="right") - 1] == at
    inside = end < len(text)
    closes = ~inside  # the end of the text closes a word (`Segmentation.starts_word`)
    ends = end[inside]
    closes[inside] = edges[np.searchsorted(edges, ends, side="right") - 1] == ends
    both = opens & closes
    heads = itemgetter(*starts)(text) if len(starts) > 1 else (text[starts[0]],)
    if not NUMBER_CHARS.isdisjoint(heads):
        both[:] = False  # a number may go on into it: each one checked
    said = both.tolist()
    for k in np.flatnonzero(~both).tolist():
        s = starts[k]
        said[k] = said_at(text, seg, s, s + size)
    return said


def starts_array(seg: Segmentation) -> Any:
    """The pieces' starts as a numpy array (a column of machine integers without a copy)."""
    import numpy as np

    if isinstance(seg.starts, array):
        return np.frombuffer(seg.starts, dtype=seg.starts.typecode)
    return np.asarray(seg.starts, dtype=np.int64)
