"""The shortcuts that make a long document linear give what the plain computations gave
(issue 16), on the real documents of tests/data."""

from __future__ import annotations

from functools import cache

from policy_cli.core.loaders import load_document
from policy_cli.core.people import _titled_matches, rules
from tests.conftest import DOCS

PATHS = sorted(p for p in DOCS.rglob("*") if p.suffix in {".txt", ".md"})


@cache
def _texts() -> tuple[str, ...]:
    return tuple(load_document(p).text for p in PATHS)


def _groups(matches) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in matches]


def test_titled_matches_are_the_pattern_matches():
    r = rules()
    total = 0
    # the documents, all of them run together, and the titles without their breaks
    texts = (*_texts(), "".join(_texts()), "".join(_texts()).replace("，", ""))
    for text in texts:
        expected = _groups(r.titled.finditer(text))
        assert _groups(_titled_matches(text, r)) == expected
        total += len(expected)
    assert total > 50
