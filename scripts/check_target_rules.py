#!/usr/bin/env python3
"""Check the hand-written patterns of targets: policy_cli/data/target_rules.toml.

The file holds the patterns policy_cli/core/targets.py reads: where a report states its
targets (the 主要预期目标 lead, part headings, plan periods), which clauses look back rather
than ahead, the statements of no target and of slogans, how a clause reads as indicator +
value, and the stage goals of congress reports and plans. It is written by hand (from how the
national work reports 1998-2022, the congress reports, the No. 1 central documents and the
2025 provincial reports state their goals; see its header) and checked here, since no script
builds it:

- the sections and keys the code reads are there, and nothing it does not read; every
  pattern, label and template the code names (`_re`, `label`, the value fragments) is in it;
- every pattern compiles with its character classes and fragments filled in, has the named
  groups the code reads, and leaves no placeholder unfilled; the template has its fields;
- the whole rule set compiles (`targets._rules()`, with target_words.tsv).

Most patterns are anchored to a clause, a paragraph or a heading, so they are not counted
against whole texts here; the tests run them on the real reports (tests/core/test_targets.py).

    python scripts/check_target_rules.py     # prints the problems; exit 1 if any

The tests run the same check (tests/core/test_targets.py).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_cli.core import targets  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rules_check import schema_problems  # noqa: E402

# what the code reads: section -> key -> the named groups it takes from a match ("" for none)
SCHEMA: dict[str, dict[str, str]] = {
    "labels": dict.fromkeys(
        ("main", "stage", "slogan", "other", "not_set", "growth", "goal", "transfer", "five_years"),
        "text",
    ),
    "fragments": {"CN_YEAR": ""},
    "value": dict.fromkeys(
        ("per", "join", "year_lead", "quoted", "keeps_pace", "joined_pace", "not_qualitative"), ""
    ),
    "where": dict.fromkeys(
        ("main_lead", "generic_subject", "subject_cut", "of_edges", "heading", "part_heading",
         "retro_heading", "plan_heading", "goal_heading", "retro_paragraph", "this_year",
         "list_close", "five_year", "plan_number", "year", "dateline", "year_stated", "lead_year",
         "numbered_sentence"),
        ""
    ),  # fmt: skip
    "tense": dict.fromkeys(("past", "compare", "forward", "by_year"), ""),
    "statements": {
        "no_number": "", "no_longer": "verb what", "no_target": "what", "slogan": "goal",
        "slogan_lead": "",
    },
    "clauses": dict.fromkeys(
        ("joined", "premise", "subject_value", "bare_year", "ordinal", "year_span", "origin",
         "later", "bare_magnitude", "will", "object_end", "of_start", "value_nouns", "bare_verb",
         "action", "parts", "items", "item_count", "change_up",
         "change_down", "not_value_after", "money", "open_value"), ""
    ) | {"assigned": "value what end"},  # fmt: skip
    "indicator": dict.fromkeys(
        ("list_number", "count_list", "this_year", "each", "verb_lead", "period"), ""
    ),
    "stages": {
        "lead": "when", "goal_verb": "verb what", "goal_end": "", "doubling": "what base n",
        "doubling_lead": "", "skip": "", "skip_in_paragraph": "", "doubling_value": "template",
        "by_year": "",
    },
}
_NAMED = re.compile(
    r"""_re\("(\w+)", "(\w+)"\)|label\("(\w+)"\)|v\['(\w+)'\]|templates\[\("(\w+)", "(\w+)"\)\]"""
)


def problems(table: dict[str, Any] | None = None) -> list[str]:
    """Return what is wrong with the rules file (an empty list when it is sound)."""
    table = targets.rules_table() if table is None else table
    out = schema_problems(table, SCHEMA, targets.expand)
    out += [f"the code reads {name}, which the file lacks" for name in _named_in_code(table)]
    if not out:
        try:
            targets._table.cache_clear()
            targets._rules.cache_clear()
            targets._rules()
        except (re.error, KeyError) as exc:
            out.append(f"the rules do not compile together: {exc}")
        finally:
            targets._table.cache_clear()
            targets._rules.cache_clear()
    return out


def _named_in_code(table: dict[str, Any]) -> list[str]:
    """The patterns, labels and templates targets.py names that the file does not hold."""
    source = Path(targets.__file__).read_text(encoding="utf-8")
    missing = []
    for m in _NAMED.finditer(source):
        pattern_key, label, value, template = m.group(1, 2), m.group(3), m.group(4), m.group(5, 6)
        for section, key in (pattern_key, ("labels", label), ("value", value), template):
            if section and key and key not in table.get(section, {}):
                missing.append(f"[{section}] {key}")
    return sorted(set(missing))


def main() -> int:
    found = problems()
    table = targets.rules_table()
    for line in found:
        print(line)
    patterns = sum(len(v) for k, v in table.items() if k not in ("labels", "fragments"))
    print(f"{targets.RULES_FILE}: {len(table)} sections, {patterns} patterns, "
          f"{len(table.get('labels', {}))} labels, {len(found)} problem(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
