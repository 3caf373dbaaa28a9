"""The shortcuts of the formulation extractor on short texts (news items, `policy trend`)
give what the general computations gave, on the paragraphs of the documents of tests/data."""

from __future__ import annotations

from functools import cache

from policy_cli.core.loaders import load_document
from policy_cli.errors import PolicyCliError
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


def _longest_by_stack(matcher, text: str, start: int):
    """The trie walk as it was written first: every edge pushed, the plain one last."""
    from policy_cli.core import phrases as ph

    best = None
    # (joined: a conjunction stood for the last separator; no separator after it)
    stack = [(matcher._trie, start, False)]
    while stack:
        node, j, joined = stack.pop()
        phrase = node.get(ph._END)
        if phrase is not None and (best is None or j > best.end):
            best = ph.Match(phrase, start, ph._strip_close(text, start, j))
        sep = None if joined else node.get(ph._SEP)
        if sep is not None:
            k = j
            while k < len(text) and text[k] in ph.QUOTE_MARKS:
                k += 1
            if k < len(text) and text[k] in ph.SEPARATORS:
                stack.append((sep, k + 1, False))
            elif k < len(text) and text[k] in ph.LAST_JOINERS:
                stack.append((sep, k + 1, True))
            stack.append((sep, j, False))
        particle = node.get(ph.OPTIONAL_PARTICLE)
        if particle is not None and j - start >= ph.START_CHARS:
            stack.append((particle, j, joined))
        k = j
        while k < len(text) and text[k] in ph.QUOTE_MARKS and k > start:
            k += 1
        if k < len(text):
            child = node.get(text[k])
            if child is not None and text[k] != ph._SEP:
                stack.append((child, k + 1, joined))
    return best


def test_national_trie_walk_is_the_stack_walk():
    from policy_cli.core.national import national_matcher

    matcher = national_matcher()
    found = 0
    for p in _paragraphs():
        for i in matcher._starts(p):
            best = matcher._longest(p, i)
            assert best == _longest_by_stack(matcher, p, i)
            found += best is not None
    assert found > 1000


def test_text_no_step_changes_is_returned_as_it_is():
    from policy_cli.core import normalize

    def by_steps(text: str) -> str:
        for step in normalize.STEPS:
            text = step(text)
        return text

    samples = [*_paragraphs(), "dc.title", "2018-03-05", "新闻联播：习近平主持召开会议（全文）"]
    samples += ["有 空格", "全角\u3000空格", "半角,逗号", '"引号"', "⻅面", "零\u200b宽", "a\tb"]
    untouched = 0
    for s in samples:
        assert normalize.normalize_text(s) == by_steps(s)
        untouched += bool(normalize._UNTOUCHED.fullmatch(s))
    assert untouched > 100


def test_one_pattern_of_the_line_rules_matches_where_one_rule_does():
    from policy_cli.core import noise
    from tests.conftest import DATA

    lines: list[str] = list(_paragraphs())
    for path in sorted(DATA.rglob("*")):
        if path.is_file() and path.suffix in {".txt", ".md", ".html", ".htm"}:
            try:
                doc = load_document(path, keep_noise=True)
            except PolicyCliError:  # the broken inputs of the fault tests
                continue
            lines += [p.text.strip() for p in doc.paragraphs]
    furniture = 0
    for line in lines:
        any_rule = any(p.fullmatch(line) for _, p in noise._LINE_RULES)
        assert bool(noise._ANY_LINE_RULE.fullmatch(line)) == any_rule
        furniture += any_rule
    assert furniture >= 5


def test_required_strings_are_in_every_match():
    import re

    from policy_cli.core.formulations.vocab import patterns
    from policy_cli.core.patterns import required_strings

    p = patterns()
    assert required_strings(p.negated_pair) == ("、不",)
    assert required_strings(re.compile("a(?:bc|d)ef(gh)?ij")) == ("ef", "ij")
    assert required_strings(re.compile("abc", re.IGNORECASE)) == ()
    text = "\n".join(_paragraphs())
    checked = 0
    names = ("negated_pair", "parallel_run", "shared_head_pair", "condition_pair", "necessity_pair")
    for name in names:
        pattern = getattr(p, name)
        for m in pattern.finditer(text):
            assert all(s in m.group() for s in required_strings(pattern))
            checked += bool(required_strings(pattern))
    assert checked > 0


def test_runs_opening_alike_are_the_runs_tested_one_by_one():
    from policy_cli.core.formulations.anaphora import _patterns, _runs_opening_alike
    from policy_cli.core.formulations.options import default_options

    shortest, repeat = _patterns(default_options().anaphora_shapes)
    texts = [*_paragraphs(), *(load_document(p).text for p in PATHS[:4])]
    found = 0
    for text in texts:
        expected = [m.span() for m in shortest.finditer(text) if repeat.search(m.group())]
        assert [m.span() for m in _runs_opening_alike(text, shortest, repeat)] == expected
        found += len(expected)
    assert found > 200


def test_whole_text_cut_is_the_sentence_by_sentence_cut(monkeypatch):
    """A text cut whole (`tokens.WHOLE_TEXT_CUT`) gives the segmentation that cutting each
    sentence alone gives: the documents of tests/data whole, and their paragraphs (short
    texts: the text between sentences one piece or several), across both of its paths."""
    from policy_cli.core import tokens
    from policy_cli.core.loaders import load_text
    from policy_cli.core.segment import default_segmenter

    documents = [load_document(p) for p in PATHS]
    documents += [load_text(t) for t in _paragraphs() if t.strip()]
    documents += [load_text("\n\n".join(_paragraphs()[i : i + 3])) for i in range(0, 60, 3)]
    # (a text as the cache gives it back, split without cleaning: spaces between sentences
    # are cut one piece each, the slower of the two paths)
    from policy_cli.core import normalize
    from policy_cli.models import Document

    for t in _paragraphs()[:40]:
        spaced = t.replace("。", "。  ")
        paragraphs = normalize.split_paragraphs(spaced)
        documents.append(
            Document("<spaced>", spaced, paragraphs, normalize.split_sentences(paragraphs))
        )
    whole = [tokens.segment_document(d, tags=False) for d in documents]
    monkeypatch.setattr(tokens, "WHOLE_TEXT_CUT", -1)
    apart = [tokens.segment_document(d, tags=False) for d in documents]
    assert whole == apart
    taken = [
        tokens._cut_whole(d.text, d.sentences, default_segmenter()) is not None for d in documents
    ]
    assert sum(taken) > 0.9 * len(documents)  # the shortcut is the usual path
    # a sentence edge between two Chinese characters: no shortcut (its pieces could differ)
    joined = load_text("坚持以人民为中心的发展思想。推进全面从严治党")
    first = joined.sentences[0]
    glued = type(first)(first.index, first.paragraph, first.start, first.end + 2, first.text + "推进")
    assert tokens._cut_whole(joined.text, (glued,), default_segmenter()) is None
