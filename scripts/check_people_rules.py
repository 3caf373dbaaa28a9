#!/usr/bin/env python3
"""Check the hand-written rules of people and organisations: policy_cli/data/people_rules.toml.

The file holds the surnames, title words, organisation endings and tag sets that
policy_cli/core/people.py reads; it is written by hand (general knowledge of Chinese names and
of how reports name officials and bodies, see its header) and checked here, since no script
builds it:

- the sections and keys the code reads are there, and nothing it does not read;
- word lists are lists of distinct, non-empty words; the surnames one string of distinct
  single characters, the compound surnames two characters each;
- every pattern compiles (with its character classes filled in), and the whole rule set
  compiles (`people.rules()`).

    python scripts/check_people_rules.py     # prints the problems; exit 1 if any

The tests run the same check (tests/core/test_summary.py).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_cli.core import people  # noqa: E402

# what the code reads: section -> key -> "chars" | "words" | "pattern"
SCHEMA: dict[str, dict[str, str]] = {
    "names": {
        "surnames": "chars", "compound_surnames": "words", "not_names": "words",
        "honorifics": "words",
    },
    "titles": {
        "title_words": "pattern", "follow_words": "pattern", "name_titles": "pattern",
        "group_titles": "pattern", "title_lead": "pattern", "in_names": "pattern",
    },
    "organisations": {
        "suffixes": "pattern", "ends": "pattern", "not_organisations": "pattern",
        "department_ends": "pattern", "verb_like": "words", "joiners": "words",
        "name_openers": "words", "levels": "words", "generic": "words",
    },
    "tags": {
        "organisation": "words", "noun": "words", "proper": "words", "shared_head": "words",
        "function": "words",
    },
}


def problems(table: dict[str, Any] | None = None) -> list[str]:
    """Return what is wrong with the rules file (an empty list when it is sound)."""
    table = people.rules_table() if table is None else table
    out: list[str] = []
    for section in sorted(set(table) ^ set(SCHEMA)):
        out.append(f"[{section}]: " + ("missing" if section not in table else "not read"))
    for section, keys in SCHEMA.items():
        got = table.get(section, {})
        out += [f"[{section}] {k}: missing" for k in sorted(set(keys) - set(got))]
        out += [f"[{section}] {k}: not read by the code" for k in sorted(set(got) - set(keys))]
        for key, kind in keys.items():
            if key in got:
                out += [f"[{section}] {key}: {p}" for p in _value_problems(got[key], kind)]
    compound = table.get("names", {}).get("compound_surnames", [])
    out += [f"[names] compound_surnames: {s!r} is not two characters" for s in compound
            if isinstance(s, str) and len(s) != 2]
    if not out:
        try:
            people.rules.cache_clear()
            people.rules()
        except re.error as exc:
            out.append(f"the rules do not compile together: {exc}")
    return out


def _value_problems(value: Any, kind: str) -> list[str]:
    if kind == "words":
        if not isinstance(value, list) or not all(isinstance(x, str) and x for x in value):
            return ["a list of words expected"]
        dup = sorted({x for x in value if value.count(x) > 1})
        return [f"duplicate {', '.join(dup)}"] if dup else []
    if not isinstance(value, str) or not value:
        return ["a string expected"]
    if kind == "chars":
        dup = sorted({ch for ch in value if value.count(ch) > 1})
        return [f"duplicate characters {''.join(dup)}"] if dup else []
    try:
        re.compile(people.expand(value))
    except re.error as exc:
        return [f"does not compile: {exc}"]
    return []


def main() -> int:
    found = problems()
    table = people.rules_table()
    for line in found:
        print(line)
    words = sum(len(v) for s in table.values() for v in s.values() if isinstance(v, list))
    print(f"{people.RULES_FILE}: {len(table)} sections, {words} listed words, "
          f"{len(table['names']['surnames'])} surnames, {len(found)} problem(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
