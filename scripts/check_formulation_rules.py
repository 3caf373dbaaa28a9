#!/usr/bin/env python3
"""Check the hand-written rules of the formulation stages: policy_cli/data/formulation_rules.toml.

The file holds the word lists, character sets and patterns the stages of
policy_cli/core/formulations/ read; it is written by hand (see its header for where the words
come from) and checked here, since no script builds it:

- every key the code reads (the fields of `vocab.Words` and `vocab.Patterns`) is in its
  section, and no key is there that the code does not read;
- each value has the type the code expects (a string of characters, a list of words, a table
  of count values), with no empty entry and no duplicate;
- every pattern compiles once its character classes are filled in.

    python scripts/check_formulation_rules.py     # prints the problems; exit 1 if any

The tests run the same check (tests/core/test_formulation_stages.py).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_cli.core.formulations import vocab  # noqa: E402


def problems(rules: dict[str, Any] | None = None) -> list[str]:
    """Return what is wrong with the rules file (an empty list when it is sound)."""
    rules = vocab.rules() if rules is None else rules
    out: list[str] = []
    expected_sections = {*vocab.WORD_SECTIONS, "patterns"}
    for section in sorted(set(rules) ^ expected_sections):
        out.append(f"section [{section}]: " + ("missing" if section not in rules else "not read"))
    words = {k: (s, v) for s in vocab.WORD_SECTIONS for k, v in rules.get(s, {}).items()}
    types = vocab.Words.field_containers()
    for name, container in types.items():
        if name not in words:
            out.append(f"{name}: missing (read by the code)")
            continue
        section, value = words[name]
        out.extend(f"[{section}] {name}: {p}" for p in _value_problems(value, container))
    read = set(types)
    out.extend(f"[{s}] {k}: not read by the code" for k, (s, _) in words.items() if k not in read)
    pats = rules.get("patterns", {})
    wanted = set(vocab.Patterns.field_names())
    out.extend(f"[patterns] {k}: missing (read by the code)" for k in sorted(wanted - set(pats)))
    out.extend(f"[patterns] {k}: not read by the code" for k in sorted(set(pats) - wanted))
    for name, pattern in pats.items():
        if not isinstance(pattern, str):
            out.append(f"[patterns] {name}: not a string")
            continue
        try:
            re.compile(vocab.expand(pattern))
        except re.error as e:
            out.append(f"[patterns] {name}: does not compile: {e}")
    return out


def _value_problems(value: Any, container: type) -> list[str]:
    if container is Mapping:
        # a table of one character = a number (count_values), or of a word = a list of words
        # ("" among them: any), the heads it takes (named_openers)
        if isinstance(value, dict) and value and all(
            isinstance(k, str) and len(k) == 1 and isinstance(v, int) for k, v in value.items()
        ):
            return []
        if isinstance(value, dict) and value and all(
            isinstance(k, str) and k and isinstance(v, list) and v
            and all(isinstance(x, str) for x in v)
            for k, v in value.items()
        ):
            return []
        return ["a table of one character = a number, or of a word = a list of words, expected"]
    if container is tuple or (container is frozenset and isinstance(value, list)):
        if not isinstance(value, list) or not all(isinstance(x, str) and x for x in value):
            return ["a list of words expected"]
        dup = sorted({x for x in value if value.count(x) > 1})
        return [f"duplicate {', '.join(dup)}"] if dup else []
    if not isinstance(value, str) or not value:
        return ["a string expected"]
    if container is frozenset or "{" not in value:  # a set of characters (not a template)
        dup = sorted({ch for ch in value if value.count(ch) > 1})
        return [f"duplicate character {''.join(dup)!r}"] if dup else []
    return []


def main() -> int:
    found = problems()
    for p in found:
        print(p)
    n_words = sum(len(vocab.rules()[s]) for s in vocab.WORD_SECTIONS)
    print(f"{vocab.RULES_FILE}: {n_words} word lists and character sets, "
          f"{len(vocab.rules()['patterns'])} patterns, {len(found)} problem(s)", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
