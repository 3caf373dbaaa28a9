"""The shortcuts of the formulation extractor on short texts (news items, `policy trend`)
give what the general computations gave, on the paragraphs of the documents of tests/data."""

from __future__ import annotations

from functools import cache

from policy_cli.core.loaders import load_document
from tests.conftest import DOCS

PATHS = sorted(p for p in DOCS.rglob("*") if p.suffix in {".txt", ".md"})


@cache
def _paragraphs() -> tuple[str, ...]:
    """Every paragraph of the documents: short texts like a news item's."""
    return tuple(p.text for path in PATHS for p in load_document(path).paragraphs)


def test_find_all_by_str_find_is_the_automatons(monkeypatch):
    from policy_cli.core import occurrences

    paragraphs = [p for p in _paragraphs() if len(p) >= 40][:400]
    cases = []
    for p in paragraphs:
        # strings that occur (some overlapping, 的的), one that does not, an empty one
        words = [p[3:5], p[10:13], p[1:2], p[20:26], "的", "的的", "不在这里", ""]
        cases.append((p, words))
    short = [occurrences.find_all(p, words) for p, words in cases]
    assert all(len(p) * 8 <= occurrences.FIND_SCAN for p, _ in cases if len(p) < 2000)
    monkeypatch.setattr(occurrences, "FIND_SCAN", 0)
    assert [occurrences.find_all(p, words) for p, words in cases] == short
    assert sum(len(s) for found in short for s in found.values()) > 2000
