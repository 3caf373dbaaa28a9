"""Find a list of set phrases in text as printed: quote marks and motto separators may vary.

A phrase is stored in its canonical form (`canonical`): no quote marks, the parts of a motto
joined by 、. In a text, 、 matches any motto separator (、，,) or none, and quote marks are
skipped: the entry 不敢腐、不能腐、不想腐 matches 不敢腐、不能腐、不想腐, 不敢腐，不能腐，不想腐 and
不敢腐不能腐不想腐; the entry 共建一带一路 matches 共建“一带一路”; a 的 inside an entry may be
left out (…之间的矛盾 matches …之间矛盾). Matches are leftmost-longest and
do not overlap, as a reader takes the longest name that starts where they are reading.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from policy_cli.core.occurrences import LONG_TEXT, find_all

SEPARATORS = "、，,"
# a conjunction that may stand for a motto's last separator (A、B和C says the motto A、B、C)
LAST_JOINERS = "和及与"
QUOTE_MARKS = "“”\"‘’「」『』"
OPENING_QUOTES = "“‘「『"  # the marks that open a quote, of QUOTE_MARKS (the ASCII " does both)
CLOSING_QUOTES = "”’」』"
_SEP = "、"  # the separator of a canonical phrase
_END = ""  # trie key that marks the end of a phrase
_CANON_DROP = re.compile(rf"[{QUOTE_MARKS}\s]")
_CANON_SEP = re.compile(f"[{SEPARATORS}]")
_QUOTE = re.compile(f"[{QUOTE_MARKS}]")
START_CHARS = 3  # a phrase's start is looked for by this many of its first characters
# the particle a text may leave out inside a phrase, past its first characters: the entry
# 人民日益增长的美好生活需要和不平衡不充分的发展之间的矛盾 matches …发展之间矛盾 as printed
OPTIONAL_PARTICLE = "的"


def without_quotes(text: str) -> tuple[str, list[int]]:
    """The text without its quote marks, and what maps an offset in it back to the text
    (`printed_offset`; empty when the text has no quote mark)."""
    marks = [m.start() for m in _QUOTE.finditer(text)]
    if not marks:
        return text, []
    # the k-th quote mark (at marks[k]) comes before every plain character from marks[k] - k on
    return _QUOTE.sub("", text), [at - k for k, at in enumerate(marks)]


def printed_offset(shifts: list[int], plain: int) -> int:
    """Where the character at `plain` in a text without its quote marks is in the text
    (`without_quotes`)."""
    return plain + bisect_right(shifts, plain)


def canonical(text: str) -> str:
    """Return the stored form of a phrase: no quote marks or spaces, motto parts joined by 、."""
    return _CANON_SEP.sub(_SEP, _CANON_DROP.sub("", text))


def key(text: str) -> str:
    """Return a phrase with separators and quote marks taken out (what variants share)."""
    return canonical(text).replace(_SEP, "")


@dataclass(frozen=True)
class Match:
    """A phrase found in a text: its canonical form and the span as printed."""

    phrase: str
    start: int
    end: int


class PhraseMatcher:
    """Find any of a list of phrases in texts (leftmost-longest, separators and quotes as printed)."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self._trie: dict[str, dict] = {}
        self._start_automaton: Any = None
        self._head_list: list[str] | None = None
        self._phrases: list[str] = []
        for phrase in phrases:
            canon = canonical(phrase)
            if not canon.replace(_SEP, ""):
                continue
            node = self._trie
            for ch in canon:
                node = node.setdefault(ch, {})
            node[_END] = canon  # type: ignore[assignment]
            self._phrases.append(canon)

    def __bool__(self) -> bool:
        return bool(self._trie)

    def finditer(self, text: str) -> Iterator[Match]:
        """Yield the phrases of `text`, left to right, longest first, without overlaps; a longer
        motto opening inside a find replaces it.

        The places where a phrase may start are found first, in one Aho-Corasick pass over the
        text (`_starts`); the trie is walked from those places only.
        """
        end = 0
        pending: Match | None = None  # the last find, kept until no longer one overlaps it
        for i in self._starts(text):
            if pending is not None and i >= pending.end:
                yield pending
                end, pending = pending.end, None
            if i < end:
                continue
            best = self._longest(text, i)
            if best is None:
                continue
            if pending is None:
                pending = best
            elif _SEP in best.phrase and len(best.phrase) > len(pending.phrase):
                # a longer motto opens inside the last find: it is the one said (中国特色社会主义
                # |道路自信、理论自信、制度自信、文化自信, not 中国特色社会主义道路|自信); a longer
                # phrase of one part does not (打好|精准脱贫|攻坚战: 精准脱贫, not 脱贫攻坚战)
                pending = best
        if pending is not None:
            yield pending

    def _starts(self, text: str) -> list[int]:
        """The offsets where a phrase may start: where the first characters of a phrase (up
        to `START_CHARS`, before any separator) follow each other, quote marks left out, as
        the trie walk reads them. Found in one Aho-Corasick pass over the text without its
        quote marks, then mapped back to offsets in `text`."""
        if self._start_automaton is None:
            self._start_automaton = self._build_starts()
        automaton = self._start_automaton
        if automaton is False:
            return []
        plain, shifts = without_quotes(text)
        if len(plain) >= LONG_TEXT:  # one pass over its bytes (`occurrences.find_all`)
            found = find_all(plain, self._heads()).values()
            starts = {s for at in found for s in at}
        else:
            matches = automaton.find_matches_as_indexes(plain, overlapping=True)
            starts = {s for _, s, _ in matches}
        if not shifts:
            return sorted(starts)
        return sorted(printed_offset(shifts, p) for p in starts)

    def _build_starts(self) -> Any:
        # ahocorasick_rs (Rust): 11 us a news item of ~470 characters where pyahocorasick's
        # iterator took 52 us (5 hits a text); the same starts
        import ahocorasick_rs

        heads = self._heads()
        if not heads:
            return False
        return ahocorasick_rs.AhoCorasick(heads, matchkind=ahocorasick_rs.MatchKind.Standard)

    def _heads(self) -> list[str]:
        """The first characters of each phrase (up to `START_CHARS`, before any separator)."""
        if self._head_list is None:
            self._head_list = sorted(
                {phrase.split(_SEP, 1)[0][:START_CHARS] or phrase[0] for phrase in self._phrases}
            )
        return self._head_list

    def _longest(self, text: str, start: int) -> Match | None:
        best: Match | None = None
        n = len(text)
        # (node, position) pairs still alive; a separator edge may consume one separator or none.
        # The walk goes on down the plain character's edge at once (what pushing it last and
        # popping it next did), the other edges left on the stack: the same order, fewer steps.
        # (joined: a list's conjunction stood for the last separator: no separator follows it)
        stack: list[tuple[dict, int, bool]] = [(self._trie, start, False)]
        push, pop = stack.append, stack.pop
        while stack:
            node, j, joined = pop()
            while True:
                phrase = node.get(_END)
                if phrase is not None and (best is None or j > best.end):
                    best = Match(phrase, start, _strip_close(text, start, j))  # type: ignore[arg-type]
                sep = None if joined else node.get(_SEP)
                if sep is not None:
                    k = j
                    while k < n and text[k] in QUOTE_MARKS:
                        k += 1
                    if k < n and text[k] in SEPARATORS:
                        push((sep, k + 1, False))
                    elif k < n and text[k] in LAST_JOINERS:
                        # 保持经济平稳较快发展、调整经济结构|和|管理通胀预期: the motto's last
                        # part joined by a conjunction, as a list's last item is
                        push((sep, k + 1, True))
                    push((sep, j, False))
                if j - start >= START_CHARS:
                    particle = node.get(OPTIONAL_PARTICLE)
                    if particle is not None:
                        push((particle, j, joined))  # …之间的矛盾 as printed …之间矛盾
                k = j
                while k < n and k > start and text[k] in QUOTE_MARKS:
                    k += 1
                if k >= n:
                    break
                ch = text[k]
                child = node.get(ch)
                if child is None or ch == _SEP:
                    break
                node, j = child, k + 1
        return best


def _strip_close(text: str, start: int, end: int) -> int:
    """End a match before quote marks it skipped at its end (“放管服” ends at 服)."""
    while end > start and text[end - 1] in QUOTE_MARKS:
        end -= 1
    return end
