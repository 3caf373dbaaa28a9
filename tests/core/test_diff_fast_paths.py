"""The diff's fast paths give what the plain definitions give, on real reports (no timing)."""

from __future__ import annotations

import random
import re

import pytest

from policy_cli.core.diff.formulations import REWORDING, _rewords, _wording
from policy_cli.core.diff.text import (
    _OPENING,
    NOT_WORDING,
    QUOTE_MARKS,
    find_unquoted,
    is_quoted,
    novelty,
    unquoted,
)
from policy_cli.core.keyness import SubstringCounter
from policy_cli.core.loaders import load_document
from tests.conftest import DOCS

PAIRS = [
    ("gwr-2021.txt", "gwr-2022.txt"),
    ("gwr-2018.txt", "gwr-2021.txt"),
    ("provinces-2025/anhui.txt", "provinces-2025/hubei.txt"),
]


def _text(name: str) -> str:
    return load_document(DOCS / name).text


def _novelty_by_halving(text: str, other_text: str) -> float:
    core = NOT_WORDING.sub("", text)
    n = len(core)
    if n == 0:
        return 1.0
    low, high = 0, n
    while low < high:
        mid = (low + high + 1) // 2
        if any(core[i : i + mid] in other_text for i in range(n - mid + 1)):
            low = mid
        else:
            high = mid - 1
    return 1.0 - low / n


def _quoted_by_scan(text: str, phrase: str) -> bool:
    plain = phrase.translate(str.maketrans("", "", QUOTE_MARKS))
    if not plain:
        return False
    at = text.find(plain)
    if at < 0:
        at = find_unquoted(text, plain)
        return at > 0 and text[at - 1] in _OPENING
    while at >= 0:
        if at > 0 and text[at - 1] in _OPENING:
            return True
        at = text.find(plain, at + 1)
    return False


def _phrases(text: str, rng: random.Random, n: int) -> list[str]:
    """Pieces of a report: quoted names, windows of 1-20 characters, shuffled ones."""
    out = re.findall(r"[“‘「『]([^”’」』]{1,20})[”’」』]", text)
    for _ in range(n):
        at = rng.randrange(len(text))
        piece = text[at : at + rng.randrange(1, 21)]
        out.append(piece if rng.random() < 0.7 else "".join(rng.sample(piece, len(piece))))
    return out


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_novelty_is_the_longest_said_substring(old, new):
    a, b = _text(old), _text(new)
    phrases = _phrases(b, random.Random(7), 600)
    assert phrases
    assert [novelty(p, a) for p in phrases] == [_novelty_by_halving(p, a) for p in phrases]
    values = {novelty(p, a) for p in phrases}
    assert 0.0 in values and len(values) > 5  # said ones, new ones and partly new ones


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_is_quoted_is_the_scan_of_every_occurrence(old, new):
    text = _text(new)
    phrases = _phrases(text, random.Random(11), 800) + _phrases(_text(old), random.Random(3), 300)
    got = [is_quoted(text, p) for p in phrases]
    assert got == [_quoted_by_scan(text, p) for p in phrases]
    assert any(got) and not all(got)
    # told the first offset of a phrase, the answer is the same
    for p in phrases:
        at = text.find(unquoted(p))
        assert is_quoted(text, p, at=at) == _quoted_by_scan(text, p)



def test_is_quoted_searches_a_text_of_too_many_quote_marks_per_phrase(monkeypatch):
    # past MAX_QUOTED_PREFIXES strings the prefix set is not built (memory grows with the quote
    # marks times QUOTED_PREFIX); the answers are the scan's all the same
    from policy_cli.core.diff import text as t

    text = _text(PAIRS[0][1])
    phrases = _phrases(text, random.Random(5), 300)
    monkeypatch.setattr(t, "MAX_QUOTED_PREFIXES", 0)
    t._quoted_prefixes.cache_clear()
    assert t._quoted_prefixes(text) is None
    assert [is_quoted(text, p) for p in phrases] == [_quoted_by_scan(text, p) for p in phrases]
    t._quoted_prefixes.cache_clear()


def test_unquoted_long_text_is_the_translation():
    for name in ("gwr-2021.txt", "gwr-2022.txt", "provinces-2025/shanghai.txt"):
        text = _text(name)
        assert any(mark in text for mark in QUOTE_MARKS)
        assert unquoted(text) == text.translate(str.maketrans("", "", QUOTE_MARKS))


def test_substring_tables_count_as_str_count():
    text = unquoted(_text("gwr-2022.txt"))[:6000]
    counter = SubstringCounter(text)
    asked = {text[i : i + n] for n in (1, 2, 3, 4, 5) for i in range(0, len(text), 3)}
    asked |= {"哈哈", "不存在的", "一二一"}
    assert all(counter.count(s) == text.count(s) for s in sorted(asked))
    assert counter._pairs is None  # every table made: the pairs are dropped


def test_rewording_test_is_the_test_of_every_kept_formulation():
    kept = ["全面建成小康社会", "脱贫攻坚战", "乡村振兴战略", "乡村振兴", "新发展理念", "小康社会"]

    def by_every_kept(text: str) -> bool:
        for k in kept:
            if k == text or not (text.startswith(k) or text.endswith(k)):
                continue
            rest = text[len(k):] if text.startswith(k) else text[: -len(k)]
            if 2 <= len(rest) <= REWORDING and _wording(rest):
                return True
        return False

    texts = ["决胜全面建成小康社会", "打赢脱贫攻坚战", "实施乡村振兴战略", "乡村振兴", "全面建成小康社会",
             "新发展理念引领", "小康社会", "统筹推进乡村振兴", "稳字当头、稳中求进"]
    got = [_rewords(t, set(kept)) for t in texts]
    assert got == [by_every_kept(t) for t in texts]
    assert any(got) and not all(got)
