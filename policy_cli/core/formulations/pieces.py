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

    Both edges of every occurrence are looked up at once in `edges` (`word_edges(seg)`, made
    here when not given); the characters before and at each start are taken by one
    `itemgetter`. Only an occurrence with one edge inside a piece asks, as `said_at` does,
    whether that piece takes its character.
    """
    if not starts:
        return []
    import numpy as np

    if edges is None:
        edges = word_edges(seg)
    at = np.asarray(starts, dtype=np.int64)
    opens = edges[at]
    closes = edges[at + size]
    said = (opens & closes).tolist()
    one = np.flatnonzero(opens ^ closes).tolist()
    befores = _chars(text, [s - 1 for s in starts])
    mark = words().ordinal_mark
    heads = _chars(text, starts)
    if not NUMBER_CHARS.isdisjoint(heads):
        for k, before in enumerate(befores):  # 五五 in 十五五, 九章 in 第九章: not said
            if (before in NUMBER_CHARS or before == mark) and heads[k] in NUMBER_CHARS:
                said[k] = False
        one = [k for k in one if not _number_goes_on(befores[k], heads[k], mark)]
    for k in one:
        s = starts[k]
        if opens[k]:
            said[k] = not _crossed(seg, s + size, s, s + size)
        else:
            said[k] = not _crossed(seg, s, s, s + size)
    for k, before in enumerate(befores):
        if before in QUOTES:
            said[k] = True
    return said


def _number_goes_on(before: str, head: str, mark: str) -> bool:
    return (before in NUMBER_CHARS or before == mark) and head in NUMBER_CHARS


def _chars(text: str, places: Sequence[int]) -> tuple[str, ...]:
    """The character at each place ('' before the text: place -1)."""
    if len(places) == 1:
        return (text[places[0] : places[0] + 1] if places[0] >= 0 else "",)
    out = itemgetter(*places)(text)
    if min(places) < 0:
        return tuple("" if p < 0 else c for p, c in zip(places, out, strict=True))
    return tuple(out)


def word_edges(seg: Segmentation) -> Any:
    """A numpy array of one bool per place of the text and one for its end: True where a
    piece starts (`Segmentation.starts_word` at every place at once)."""
    import numpy as np

    column = seg.starts
    if isinstance(column, array):
        places = np.frombuffer(column, dtype=column.typecode)
    else:
        places = np.asarray(column, dtype=np.int64)
    edges = np.zeros(len(seg.text) + 1, dtype=bool)
    edges[places] = True
    edges[len(seg.text)] = True
    return edges
