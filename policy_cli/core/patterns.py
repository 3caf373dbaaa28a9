"""Regular expressions skipped where they cannot match: the characters every match holds.

A pattern tried at every character of a long text costs far more than testing a few
characters with `in` first; `required_characters` reads those characters from the pattern
itself (through `re`'s own parser), so the shortcut holds for any pattern given to it.
The formulation stages (`formulations.vocab`) and the targets use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any


def longest_first(words: Iterable[str]) -> list[str]:
    """Words for an alternation or a first-match loop: the longest first, and words of one
    length in a fixed order (not a set's, which changes from run to run: the pattern made of
    them is then the same text every run, and compiled once for all runs)."""
    return sorted(words, key=lambda w: (-len(w), w))


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, skipped when the text lacks a character every match holds.

    Most patterns scan a short text for nothing: a plenum needs 届, a negated pair 、 and 不.
    Testing a few characters with `in` costs far less than trying the pattern at every
    character (a news item of ~470 characters: numbered 35 us -> 11 us); same matches.
    """
    for alternatives in required_characters(pattern):
        if len(alternatives) == 1:  # (most) one `in`, no generator
            if alternatives not in text:
                return iter(())
        elif not any(c in text for c in alternatives):
            return iter(())
    return pattern.finditer(text)


@lru_cache(maxsize=256)
def required_characters(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """What every match of a pattern holds: each string of the result names characters one
    of which is in the match (its literals and small character sets outside optional parts,
    alternatives and lookarounds; nothing when the pattern cannot be read, or ignores case)."""
    try:
        import importlib

        parser = importlib.import_module("re._parser")  # the parser behind re.compile (3.11+)
        tree = parser.parse(pattern.pattern, pattern.flags)
        if tree.state.flags & re.IGNORECASE:
            return ()
        return tuple(sorted(_required(tree)))
    except Exception:  # an unreadable tree only loses the shortcut
        return ()


@lru_cache(maxsize=256)
def required_strings(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Strings of two characters or more that every match of a pattern holds: runs of its
    literals that follow each other outside optional parts, alternatives and repeats (、不 in
    `([一-鿿]{3,10})、(不[一-鿿]{3,10})`); nothing when the pattern cannot be read or ignores case."""
    try:
        import importlib

        parser = importlib.import_module("re._parser")
        tree = parser.parse(pattern.pattern, pattern.flags)
        if tree.state.flags & re.IGNORECASE:
            return ()
        runs: list[str] = []
        run: list[str] = []
        for op, av in _spliced(tree):
            if str(op) == "LITERAL":
                run.append(chr(av))
                continue
            runs.append("".join(run))
            run = []
        runs.append("".join(run))
        return tuple(longest_first({r for r in runs if len(r) >= 2}))
    except Exception:  # an unreadable tree only loses the shortcut
        return ()


def _spliced(items: Any) -> list[Any]:
    """The items of a sequence with its plain groups (once, no repeat) opened in place."""
    out: list[Any] = []
    for op, av in items:
        if str(op) == "SUBPATTERN" and not av[1] and not av[2]:  # no flags set or unset
            out.extend(_spliced(av[3]))
        else:
            out.append((op, av))
    return out


_SMALL_SET = 4  # a character set of more characters is not worth testing


def _required(items: Any) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            out.add(chr(av))
        elif name == "IN" and len(av) <= _SMALL_SET and all(str(o) == "LITERAL" for o, _ in av):
            out.add("".join(sorted(chr(c) for _, c in av)))
        elif name == "SUBPATTERN":  # (group, add_flags, del_flags, items)
            out |= _required(av[3])
        elif name in {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"} and av[0] >= 1:
            out |= _required(av[2])  # (min, max, items)
        elif name == "ATOMIC_GROUP":
            out |= _required(av)
    return out


_SHARED_SETS: dict[tuple[Any, ...], tuple[list[Any], bool]] = {}


def share_character_sets() -> bool:
    """Have `re` work out each distinct character set once per process, not once per pattern.

    `re`'s compiler reads a character set by walking every character of its ranges: a set of
    Chinese characters (`[一-鿿]`, 20,992 of them) costs ~0.5 ms, and the patterns a `summary`
    compiles hold ~1,000 sets, ~300 of them distinct (60 ms of a 0.5 s run). The compiler's
    set reader (`re._compiler._optimize_charset`) is a pure function of the set; wrapped in a
    dictionary, a repeated set is looked up. The compiled patterns are the same, code for code
    (tested); a Python whose compiler lacks that function is left as it is. Returns whether
    the wrapper is in place. The command line installs it; a library user may call it.
    """
    try:
        import importlib

        compiler = importlib.import_module("re._compiler")  # 3.11+ (sre_compile before)
        read_set = getattr(compiler, "_optimize_charset")  # noqa: B009 - private, may be gone
    except (ImportError, AttributeError):  # pragma: no cover - another Python's internals
        return False
    if hasattr(read_set, "__wrapped_read_set__"):
        return True

    def shared(charset: Any, iscased: Any = None, fixup: Any = None, fixes: Any = None) -> Any:
        if fixup is not None:  # a case-folding set depends on its functions: not shared
            return read_set(charset, iscased, fixup, fixes)
        try:
            key = tuple(charset)
            found = _SHARED_SETS.get(key)
        except TypeError:  # pragma: no cover - an item that cannot be hashed
            return read_set(charset, iscased, fixup, fixes)
        if found is None:
            out, cased = _read_set(compiler, charset) or read_set(charset, iscased, fixup, fixes)
            found = _SHARED_SETS[key] = (list(out), cased)
        return list(found[0]), found[1]

    shared.__wrapped_read_set__ = read_set  # type: ignore[attr-defined]
    setattr(compiler, "_optimize_charset", shared)  # noqa: B010 - a module without stubs
    return True


def _read_set(compiler: Any, charset: list[tuple[Any, Any]]) -> tuple[list[Any], bool] | None:
    """`_optimize_charset` (3.11-3.13) of a set of characters and ranges of the Basic
    Multilingual Plane without case folding, its character map marked a range at a time
    (a set of Chinese characters: ~10 us, not ~500); the same result, which `re` compiles to
    the same code (tested on every pattern of the package). None for any other set (classes
    such as \\d, characters past U+FFFF): `re` reads those itself."""
    g = vars(compiler)
    literal, char_range, negate = g["LITERAL"], g["RANGE"], g["NEGATE"]
    out: list[Any] = []
    charmap = bytearray(256)
    for op, av in charset:
        if op is negate:
            out.append((op, av))
            continue
        if op is literal:
            lo = hi = av
        elif op is char_range:
            lo, hi = av
        else:
            return None
        if hi > 0xFFFF:
            return None
        if hi > 0xFF and len(charmap) == 256:
            charmap += bytes(0xFF00)
        charmap[lo : hi + 1] = b"\1" * (hi - lo + 1)
    # from here on as in re._compiler._optimize_charset: one or two runs, or a bitmap
    runs: list[tuple[int, int]] | None = []
    q = 0
    while True:
        p = charmap.find(1, q)
        if p < 0:
            break
        if len(runs) >= 2:  # type: ignore[arg-type]
            runs = None
            break
        q = charmap.find(0, p)
        if q < 0:
            runs.append((p, len(charmap)))  # type: ignore[union-attr]
            break
        runs.append((p, q))  # type: ignore[union-attr]
    if runs is not None:
        for p, q in runs:
            out.append((literal, p) if q - p == 1 else (char_range, (p, q - 1)))
        return (out, False) if len(out) < len(charset) else (charset, False)
    if len(charmap) == 256:
        out.append((g["CHARSET"], g["_mk_bitmap"](charmap)))
        return out, False
    whole = bytes(charmap)
    chunks: dict[bytes, int] = {}
    mapping = bytearray(256)
    data = bytearray()
    for i in range(0, 65536, 256):
        chunk = whole[i : i + 256]
        if chunk not in chunks:
            chunks[chunk] = len(chunks)
            data += chunk
        mapping[i // 256] = chunks[chunk]
    codes = g["_mk_bitmap"](data)
    codes[0:0] = [len(chunks), *g["_bytes_to_codes"](mapping)]
    out.append((g["BIGCHARSET"], codes))
    return out, False
