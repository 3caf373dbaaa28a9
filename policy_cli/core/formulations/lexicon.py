"""Lexicons of formulations: entries (text, kind, metadata), matched in a text longest first.

The `known` stage reads the bundled lexicons, the `user` stage the user's own
(`--lexicon FILE`); both find their entries with `find_entries`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from policy_cli.core.formulations.candidate import BY_RULE, KINDS, Candidate
from policy_cli.core.formulations.vocab import words


@dataclass(frozen=True)
class LexiconEntry:
    """One phrase of a lexicon: its text, its kind, and what the lexicon says about it."""

    text: str
    kind: str
    meta: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Lexicon:
    """A named list of entries, matched in a text longest first."""

    name: str
    entries: tuple[LexiconEntry, ...]

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (for the worker processes of `batch`) without what is cached from the
        entries: an Aho-Corasick automaton cannot be pickled, and a worker builds its own."""
        return {"name": self.name, "entries": self.entries}

    @cached_property
    def by_text(self) -> dict[str, LexiconEntry]:
        """The entries by text (the last one of a text wins)."""
        return {e.text: e for e in self.entries}

    @cached_property
    def texts(self) -> frozenset[str]:
        """The texts of the entries."""
        return frozenset(self.by_text)

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        """One regular expression for the whole lexicon, shaped as a trie (fast, longest first)."""
        texts = list(self.by_text)
        return re.compile(trie_regex(texts)) if texts else None

    @cached_property
    def automaton(self) -> tuple[Any, tuple[LexiconEntry, ...]] | None:
        """An Aho-Corasick automaton of the texts, leftmost-longest (the matches of `pattern`),
        and the entry of each of its texts in order."""
        import ahocorasick_rs

        entries = tuple(self.by_text.values())
        if not entries:
            return None
        kind = ahocorasick_rs.MatchKind.LeftmostLongest
        return ahocorasick_rs.AhoCorasick([e.text for e in entries], matchkind=kind), entries


def read_lexicon(name: str, lines: Iterable[str], *, columns: tuple[str, ...] = ()) -> Lexicon:
    """Build a lexicon from `text<TAB>kind[<TAB>value...]` lines; the values are named by `columns`.

    Lines whose kind is not a formulation kind are skipped (a bundled file is checked by the
    script that builds it).
    """
    entries = []
    for line in lines:
        parts = line.split("\t")
        if len(parts) >= 2 and parts[1] in KINDS:
            meta = tuple(zip(columns, parts[2:], strict=False))
            entries.append(LexiconEntry(parts[0], parts[1], meta))
    return Lexicon(name, tuple(entries))


def find_entries(
    text: str,
    lexicon: Lexicon,
    stage: str,
    *,
    strength: int = BY_RULE,
    with_heads: bool = True,
) -> Iterator[Candidate]:
    """Yield the entries of a lexicon found in a text, as candidates of `stage`.

    With `with_heads`, a programme head right after an entry joins it (双创 + 平台: the set
    phrase names a platform, a project...).
    """
    # the matches of the trie-shaped `lexicon.pattern`, found by an Aho-Corasick automaton
    # (the regular expression tried its trie at every character: 42 us a news item -> 4 us)
    found = lexicon.automaton
    if found is None:
        return
    automaton, entries = found
    heads = words().name_heads if with_heads else ()
    for i, start, end in automaton.find_matches_as_indexes(text):
        entry = entries[i]
        phrase = entry.text + next((h for h in heads if text.startswith(h, end)), "")
        yield Candidate(
            phrase, entry.kind, start, None, (), strength, stage, lexicon.name, entry.meta
        )


def trie_regex(texts: Iterable[str]) -> str:
    """A regular expression matching any of `texts`, longest first, shaped as a trie."""
    trie: dict[str, dict] = {}
    for w in texts:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            body = "(?:" + body + ")?"
        return body

    return walk(trie)
