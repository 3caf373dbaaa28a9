"""What the checks of the hand-written rules files share (scripts/check_target_rules.py,
scripts/check_header_rules.py): walking a file against the schema of what the code reads, and
checking one pattern (it compiles with its fragments filled in, leaves no placeholder, and has
the groups the code takes from a match)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

PLACEHOLDER = re.compile(r"\{[A-Z_]+\}")
# expand(pattern, fragments): the pattern with its character classes and fragments filled in
Expand = Callable[[str, dict[str, str]], str]


def schema_problems(
    table: dict[str, Any], schema: dict[str, dict[str, str]], expand: Expand
) -> list[str]:
    """The sections and keys of `table` missing from or unknown to `schema`, and the problems
    of every value (`value_problems`); `schema` maps section -> key -> the groups it needs."""
    out = [
        f"[{section}]: " + ("missing" if section not in table else "not read")
        for section in sorted(set(table) ^ set(schema))
    ]
    fragments = {k: expand(v, {}) for k, v in table.get("fragments", {}).items()
                 if isinstance(v, str)}  # fmt: skip
    for section, keys in schema.items():
        got = table.get(section, {})
        out += [f"[{section}] {k}: missing" for k in sorted(set(keys) - set(got))]
        out += [f"[{section}] {k}: not read by the code" for k in sorted(set(got) - set(keys))]
        for key, groups in keys.items():
            if key in got:
                found = value_problems(got[key], groups, fragments, expand)
                out += [f"[{section}] {key}: {p}" for p in found]
    return out


def value_problems(value: Any, groups: str, fragments: dict[str, str], expand: Expand) -> list[str]:
    """What is wrong with one value. `groups` says what it is: "text" (a label: any non-empty
    string), "template" (a string with {base} and {n}), or a pattern needing these groups
    (space-separated names, or #N for N numbered groups; "" for none)."""
    if not isinstance(value, str) or not value:
        return ["a non-empty string expected"]
    if groups == "text":
        return []
    if groups == "template":
        return [f"no {{{f}}}" for f in ("base", "n") if "{" + f + "}" not in value]
    text = expand(value, fragments)
    left = PLACEHOLDER.findall(text)
    if left:
        return [f"unknown placeholder {', '.join(left)}"]
    try:
        pattern = re.compile(text)
    except re.error as exc:
        return [f"does not compile: {exc}"]
    out = []
    for group in groups.split():
        if group.startswith("#"):
            if pattern.groups < int(group[1:]):
                out.append(f"{group[1:]} groups expected, {pattern.groups} found")
        elif group not in pattern.groupindex:
            out.append(f"no group (?P<{group}>…)")
    return out
