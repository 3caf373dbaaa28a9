"""Where many strings occur in a text, found in one pass (Aho-Corasick, pyahocorasick).

Counting each of n found strings with `str.count` scans the text n times: on a long
document the number of finds grows with the text, and so the time grows with its square
(3,238 formulations of a 1.6 M-character text took 4.9 s of `count` and `find`). An
Aho-Corasick automaton reports every occurrence of every string in one scan, so the cost is
the length of the text plus the number of occurrences.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

LONG_TEXT = 100_000  # characters: a text this long is searched with ahocorasick-rs
# characters scanned (text length x strings) up to which each string is found with `str.find`:
# a news item of ~480 characters and 1-30 strings, 3.2-20 us -> 0.8-17 us (no automaton built)
FIND_SCAN = 20_000


def _automaton(words: Iterable[str]) -> tuple[object, list[str]]:
    import ahocorasick  # pyahocorasick: lazy, only the analyses that count many strings use it

    unique = list(dict.fromkeys(w for w in words if w))
    automaton = ahocorasick.Automaton()
    for i, word in enumerate(unique):
        automaton.add_word(word, i)
    if unique:
        automaton.make_automaton()
    return automaton, unique


def find_all(text: str, words: Iterable[str]) -> dict[str, list[int]]:
    """Return the start offsets of every occurrence (overlapping ones too) of each word.

    Args:
        text: the text to search.
        words: the strings to find (empty strings are ignored).

    Returns:
        {word: sorted start offsets}; a word that does not occur maps to an empty list.
    """
    unique = list(dict.fromkeys(w for w in words if w))
    if len(text) * len(unique) <= FIND_SCAN:
        return {w: find_each(text, w) for w in unique}
    if len(text) < LONG_TEXT:
        automaton, unique = _automaton(unique)
        found: list[list[int]] = [[] for _ in unique]
        if unique:
            lengths = [len(w) for w in unique]
            for end, i in automaton.iter(text):  # type: ignore[attr-defined]
                found[i].append(end - lengths[i] + 1)
    else:
        # ahocorasick_rs (Rust) finds the same overlapping occurrences faster in a long text
        # (10 M characters: 4.1 -> 2.3 s) but costs ~20 us to build, 5x pyahocorasick's; over
        # the text's UTF-8 bytes, its byte offsets turned into characters here: a pass over
        # 10 M characters 0.17-0.2 s as a str, ~0.05 s as bytes (and ~0.01 s to encode)
        import ahocorasick_rs

        found = [[] for _ in unique]
        if unique:
            kind = ahocorasick_rs.MatchKind.Standard
            automaton = ahocorasick_rs.BytesAhoCorasick(
                [w.encode("utf-8", "surrogatepass") for w in unique], matchkind=kind
            )
            data = text.encode("utf-8", "surrogatepass")  # (~11 ms for 10 M characters)
            matches = automaton.find_matches_as_indexes(data, overlapping=True)
            at = _characters_at(data, sorted({s for _, s, _ in matches}))
            for i, start, _ in matches:
                found[i].append(at[start])
    for starts in found:
        starts.sort()
    return dict(zip(unique, found, strict=True))


def _characters_at(data: bytes, offsets: list[int]) -> dict[int, int]:
    """{byte offset: character offset} in UTF-8 `data` for sorted byte offsets where a
    character starts: each stretch between two of them decoded once."""
    out: dict[int, int] = {}
    last = chars = 0
    for at in offsets:
        chars += len(data[last:at].decode("utf-8", "surrogatepass"))
        out[at] = chars
        last = at
    return out


def find_each(text: str, word: str) -> list[int]:
    """The start offsets of every occurrence of `word`, overlapping ones too, in order."""
    starts = []
    i = text.find(word)
    while i >= 0:
        starts.append(i)
        i = text.find(word, i + 1)
    return starts


def count_each(text: str, words: Iterable[str]) -> dict[str, int]:
    """Return `text.count(word)` for each word (non-empty): one `str.count` each in a text
    shorter than `LONG_TEXT`, all of them from one `find_all` pass in a longer one (a scan of
    the whole text per word grows with the text times the words).
    """
    unique = list(dict.fromkeys(w for w in words if w))
    if len(text) < LONG_TEXT:
        return {w: text.count(w) for w in unique}
    starts = find_all(text, unique)
    return {w: len(non_overlapping(starts[w], len(w))) for w in unique}


def non_overlapping(starts: list[int], length: int) -> list[int]:
    """Keep the occurrences `str.count` and successive `str.find` calls would see.

    Args:
        starts: sorted start offsets of every occurrence of one string.
        length: the length of that string.

    Returns:
        The offsets left to right, each at least `length` after the previous one kept.
    """
    out: list[int] = []
    next_free = -1
    for at in starts:
        if at >= next_free:
            out.append(at)
            next_free = at + length
    return out


def containers(words: Iterable[str]) -> dict[str, list[str]]:
    """For each word, the other (longer) words of the list that contain it.

    Args:
        words: the strings.

    Returns:
        {word: the longer words holding it, in the order given}; words no other word holds
        are left out.
    """
    automaton, unique = _automaton(words)
    out: dict[str, list[str]] = {}
    if not unique:
        return out
    for outer in unique:
        inside = {unique[i] for _, i in automaton.iter(outer)}  # type: ignore[attr-defined]
        for word in inside:
            if len(word) < len(outer):
                out.setdefault(word, []).append(outer)
    return out


def find_longest(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """Return the (start, end) of the words in `text`, left to right, the longest at each
    start, without overlaps: what `re.finditer` of their alternation, longest first, finds.

    One Rust Aho-Corasick pass (leftmost-longest) instead of `re` trying every word at every
    character: a news item of ~470 characters and 20-25 words, ~2.5 -> ~1.5 us.
    """
    return [(s, e) for _, s, e in _leftmost_longest(words).find_matches_as_indexes(text)]


@lru_cache(maxsize=16)
def _leftmost_longest(words: tuple[str, ...]) -> Any:
    import ahocorasick_rs

    kind = ahocorasick_rs.MatchKind.LeftmostLongest
    return ahocorasick_rs.AhoCorasick(list(dict.fromkeys(w for w in words if w)), matchkind=kind)
