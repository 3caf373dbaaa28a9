"""Stage `known`: set phrases of bundled lexicons, found unquoted in the document.

A lexicon is a list of entries (text, kind, optional metadata such as a first-seen date);
`SOURCES` lists the bundled lexicons by name, in order, and the stage finds the entries of
every source (longest first, one trie-shaped regular expression per lexicon). The rule of the
evidence is the source's name, and the entry's metadata rides on the candidate. A second
lexicon plugs in by adding a source.

- `background`: `policy_cli/data/formulations.txt`, set phrases learnt from 62 national work
  reports and Party congress reports by `scripts/build_formulations.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

from policy_cli import data
from policy_cli.core.formulations.candidate import KINDS, Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import words

STAGE = "known"


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

    @cached_property
    def by_text(self) -> dict[str, LexiconEntry]:
        """The entries by text (the last one of a text wins)."""
        return {e.text: e for e in self.entries}

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        """One regular expression for the whole lexicon, shaped as a trie (fast, longest first)."""
        words = list(self.by_text)
        return re.compile(trie_regex(words)) if words else None


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


@lru_cache(maxsize=1)
def background_lexicon() -> Lexicon:
    """Set phrases learnt from the background corpus (`formulations.txt`)."""
    return read_lexicon("background", data.lines("formulations.txt"))


# The bundled lexicons the stage reads, in order: (name, loader).
SOURCES: tuple[tuple[str, Callable[[], Lexicon]], ...] = (
    ("background", background_lexicon),
)


def lexicon_texts() -> frozenset[str]:
    """The texts of the background lexicon (a compound set it knows needs no clause edges)."""
    return _texts(background_lexicon())


@lru_cache(maxsize=8)
def _texts(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(lexicon.by_text)


def find_known(text: str, options: FormulationOptions) -> Iterator[Candidate]:
    """Yield the entries of every bundled lexicon that the text says."""
    for _, load in SOURCES:
        yield from find_entries(text, load(), STAGE)


def find_entries(text: str, lexicon: Lexicon, stage: str) -> Iterator[Candidate]:
    """Yield the entries of one lexicon found in a text, as candidates of `stage`."""
    pattern = lexicon.pattern
    if pattern is None:
        return
    entries = lexicon.by_text
    heads = words().name_heads
    for m in pattern.finditer(text):
        hit = phrase = m.group()
        # 双创 + 平台: the set phrase names a platform, a project...
        phrase += next((h for h in heads if text.startswith(h, m.end())), "")
        entry = entries[hit]
        yield Candidate(phrase, entry.kind, m.start(), None, (), 1, stage, lexicon.name, entry.meta)


def trie_regex(texts: Iterable[str]) -> str:
    """A regular expression matching any of `words`, longest first, shaped as a trie."""
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
