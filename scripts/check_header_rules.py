#!/usr/bin/env python3
"""Check the hand-written patterns of the header: policy_cli/data/header_rules.toml.

The file holds the patterns policy_cli/core/header.py reads: how a document states its date
(in digits, in words, a signature's date line, a news lead's day), which lines of the title
block are no title, how a document number, an adoption note, an issuer and a speaker are
written, and the words of a title or an opening that tell the kind of document. It is written
by hand (from the conventions of official documents, laws, court documents, news and reports
to a congress; see its header) and checked here, since no script builds it:

- the sections and keys the code reads are there, and nothing it does not read; every
  pattern and label the code names (`_re`, `label`) is in it;
- every pattern compiles with its character classes and fragments filled in, has the groups
  the code reads (named, or by number), and leaves no placeholder unfilled;
- the whole rule set compiles (`header._table()`).

The patterns are anchored to a line, a title or a lead, so they are not counted against whole
texts here; the tests run them on the real documents (tests/core/test_header.py).

    python scripts/check_header_rules.py     # prints the problems; exit 1 if any

The tests run the same check (tests/core/test_header.py).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_cli.core import header  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rules_check import schema_problems  # noqa: E402

# what the code reads: section -> key -> the groups it takes from a match ("" for none; a name
# for a named group, #N for N numbered groups)
SCHEMA: dict[str, dict[str, str]] = {
    "labels": dict.fromkeys(("congress_report", "work_report"), "text"),
    "fragments": dict.fromkeys(("DATE_FULL", "DATE_CN", "DATE_NUMERIC"), ""),
    "dates": {
        "full": "", "cn": "", "numeric": "", "partial": "", "year": "", "line": "",
        "iso_numeric": "#3", "iso_cn": "#3", "iso_year_month": "#2", "day": "#2",
    },
    "title": dict.fromkeys(("skip_line", "part_heading", "adverbial", "event_verb"), ""),
    "news": dict.fromkeys(("time", "event_end", "reporter"), ""),
    "speaker": dict.fromkeys(("event_speech", "says", "quoted_before", "quoted_after", "byline"), ""),
    "report": dict.fromkeys(("to_congress", "cc_report"), ""),
    "issuer": {
        "represent": "who", "in_title": "who", "adopted": "body", "body_end": "", "session": "",
        "session_tail": "",
    },
    "number": dict.fromkeys(("line", "order_head", "order_number"), ""),
    "law": {"effective": "date", "article": "", "state_title": "", "court": ""},
    "kind": dict.fromkeys(("congress_title", "party_congress", "speech", "report", "of_work"), ""),
}  # fmt: skip
_NAMED = re.compile(r"""_re\("(\w+)", "(\w+)"\)|label\("(\w+)"\)""")


def problems(table: dict[str, Any] | None = None) -> list[str]:
    """Return what is wrong with the rules file (an empty list when it is sound)."""
    table = header.rules_table() if table is None else table
    out = schema_problems(table, SCHEMA, header.expand)
    out += [f"the code reads {name}, which the file lacks" for name in _named_in_code(table)]
    if not out:
        try:
            header._table.cache_clear()
            header._table()
        except (re.error, KeyError) as exc:
            out.append(f"the rules do not compile together: {exc}")
        finally:
            header._table.cache_clear()
    return out


def _named_in_code(table: dict[str, Any]) -> list[str]:
    """The patterns and labels header.py names that the file does not hold."""
    source = Path(header.__file__).read_text(encoding="utf-8")
    missing = []
    for m in _NAMED.finditer(source):
        section, key = ("labels", m.group(3)) if m.group(3) else m.group(1, 2)
        if key not in table.get(section, {}):
            missing.append(f"[{section}] {key}")
    return sorted(set(missing))


def main() -> int:
    found = problems()
    table = header.rules_table()
    for line in found:
        print(line)
    patterns = sum(len(v) for k, v in table.items() if k not in ("labels", "fragments"))
    print(f"{header.RULES_FILE}: {len(table)} sections, {patterns} patterns, "
          f"{len(table.get('labels', {}))} labels, {len(found)} problem(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
