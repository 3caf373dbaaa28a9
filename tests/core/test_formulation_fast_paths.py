"""The formulation extractor's shortcuts find what the plain scans found (issue 16).

Each shortcut is checked against the plain computation it replaces, on the real documents of
tests/data, whole and paragraph by paragraph (short texts are where the shortcuts skip work).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache

import pytest

from policy_cli.core.formulations.known import background_lexicon
from policy_cli.core.formulations.lexicon import find_entries
from policy_cli.core.formulations.mottos import _parallel_runs
from policy_cli.core.formulations.vocab import (
    Patterns,
    finditer,
    patterns,
    required_characters,
    words,
)
from policy_cli.core.loaders import load_document
from policy_cli.core.tokens import segment_document
from tests.conftest import DOCS

PATHS = sorted(p for p in DOCS.rglob("*") if p.suffix in {".txt", ".md"})


@cache
def _texts() -> tuple[str, ...]:
    """Every test document whole, and each of its paragraphs."""
    out: list[str] = []
    for path in PATHS:
        document = load_document(path)
        out.append(document.text)
        out.extend(p.text for p in document.paragraphs)
    return tuple(out)


def _spans(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]


def _groups(matches) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in matches]


def test_the_texts_are_many():
    assert len(PATHS) >= 15
    assert len(_texts()) > 1000


@pytest.mark.parametrize("name", Patterns.field_names())
def test_finditer_finds_what_the_pattern_finds(name):
    pattern = getattr(patterns(), name)
    for text in _texts():
        found = _spans(pattern.finditer(text))
        assert _spans(finditer(pattern, text)) == found
        for start, end, _ in found:  # every match holds one character of each required set
            assert all(
                any(c in text[start:end] for c in alts) for alts in required_characters(pattern)
            )


def test_finditer_skips_most_short_texts_for_a_plenum():
    plenum = patterns().plenum
    skipped = [t for t in _texts() if not all(
        any(c in t for c in alts) for alts in required_characters(plenum)
    )]
    assert len(skipped) > len(_texts()) / 2
    assert not any(plenum.search(t) for t in skipped)


def test_required_characters_read_the_pattern():
    p = patterns()
    assert set(required_characters(p.plenum)) >= {"届", "全"}
    assert "、" in required_characters(p.negated_pair)
    assert "不" in required_characters(p.negated_pair)
    assert "+＋" in required_characters(p.unquoted_code)
    # an optional part, an alternative and a lookaround require nothing
    import re

    assert required_characters(re.compile("(?:党的)?大(?=会|学)|x")) == ()
    assert required_characters(re.compile("(?:党的)?大(?=会|学)")) == ("大",)
    assert required_characters(re.compile("(?i)ab")) == ()


def test_parallel_runs_are_the_pattern_matches():
    sep = words().list_separator
    total = 0
    for text in _texts():
        found = _spans(patterns().parallel_run.finditer(text))
        assert _spans(_parallel_runs(text, sep)) == found
        total += len(found)
    assert total > 500


def test_lexicon_automaton_finds_what_the_trie_regex_finds():
    lexicon = background_lexicon()
    assert lexicon.pattern is not None
    entries = [e.text for e in lexicon.entries]
    # every entry alone, and all of them run together (overlaps: leftmost, then longest)
    made = ("，".join(entries), "".join(entries), "".join(reversed(entries)))
    total = 0
    for text in (*_texts()[: len(PATHS)], *made):  # the whole documents, the made texts
        expected = [(m.start(), m.group()) for m in lexicon.pattern.finditer(text)]
        got = [(c.offset, c.text) for c in find_entries(text, lexicon, "known", with_heads=False)]
        assert got == expected
        total += len(expected)
    assert total > 2 * len(entries)


def _plain_words(seg, start: int, end: int) -> list[str]:
    """The reference: walk the pieces from the one at `start`."""
    start, end = max(0, start), min(len(seg.text), end)
    if start >= end:
        return []
    i = bisect_right(seg.starts, start) - 1
    out = []
    while i < len(seg.pieces) and seg.starts[i] < end:
        lo, piece = seg.starts[i], seg.pieces[i]
        if lo < start or lo + len(piece) > end:
            piece = piece[max(0, start - lo) : end - lo]
        out.append(piece)
        i += 1
    return out


def test_segmentation_words_are_the_pieces_walked():
    document = load_document(DOCS / "gwr-2022.txt")
    seg = segment_document(document, tags=False)
    n = len(document.text)
    for start in range(-3, n + 3, 97):
        for length in (0, 1, 2, 3, 5, 8, 13, 40, 400):
            assert seg.words(start, start + length) == _plain_words(seg, start, start + length)


@pytest.mark.parametrize(
    ("name", "mark"),
    [("parallel_run", "、"), ("negated_pair", "、"), ("shared_head_pair", None)],
)
def test_finditer_around_a_mark_finds_what_the_pattern_finds(name, mark):
    from policy_cli.core.formulations.vocab import finditer_around

    pattern = getattr(patterns(), name)
    total = 0
    for text in _texts():
        found = _spans(pattern.finditer(text))
        assert _spans(finditer_around(pattern, text, mark)) == found
        total += len(found)
    assert total > 20


def test_programme_verbs_match_as_a_repeated_group_would():
    import re

    from policy_cli.core.formulations.programmes import _patterns

    w = words()

    def alt(xs):
        return "|".join(re.escape(x) for x in sorted(xs, key=len, reverse=True))

    def group(xs):  # a verb, and 和 or 、 only where another verb follows (实施|和平安全行动)
        return rf"(?:(?:{alt(xs)})(?:[和、](?=(?:{alt(xs)})))?)+"

    plain = {  # the patterns written as one repeated group
        "launched": re.compile(rf"{group(w.launch_verbs)}好?"),
        "zone": re.compile(
            rf"{group(w.zone_verbs)}(?P<complement>{alt(w.result_complements)})?好?"
        ),
        "furthered": re.compile(group(w.furthering_verbs)),
    }
    total = 0
    rules = {rule: launch for rule, launch, _ in _patterns()}
    assert set(plain) <= set(rules)
    for rule, pattern in plain.items():
        for text in _texts():
            found = _groups(pattern.finditer(text))
            assert _groups(rules[rule].finditer(text)) == found
            total += len(found)
    assert total > 500
