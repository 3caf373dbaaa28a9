"""Segmentation: the policy lexicon keeps established terms whole in both backends; filters.

(Token-for-token equality of rjieba and jieba on every document of tests/data/docs is tested
in test_segment_backends.py.)
"""

from __future__ import annotations

import importlib.util
import re

import pytest

from policy_cli.core.loaders import load_document, load_text
from policy_cli.core.segment import (
    Segmenter,
    default_segmenter,
    is_candidate_term,
    load_lexicon,
    load_stopwords,
)
from policy_cli.core.tokens import segment_document
from tests.conftest import DOCS, FOUNDING

BACKENDS = ["jieba"] + (["rjieba"] if importlib.util.find_spec("rjieba") else [])

# The established terms the issue names, and some more the lexicon must keep whole.
ESTABLISHED = [
    "高质量发展",
    "新质生产力",
    "专精特新",
    "碳达峰",
    "两个大局",
    "十四五",
    "十五五",
    "人工智能+",
    "放管服",
    "中国式现代化",
    "一带一路",
    "两个确立",
]
CONTEXTS = [
    "“十五五”规划开局之年，谋划好十五五时期的发展。",
    "因地制宜发展新质生产力，推动高质量发展。",
    "培育专精特新企业，实施碳达峰行动。",
    "统筹两个大局，深化放管服改革。",
    "开展“人工智能+”行动，建设中国式现代化。",
    "十四五规划目标任务全面完成。",
]


@pytest.fixture(scope="module")
def segmenters() -> dict[str, Segmenter]:
    return {b: Segmenter(backend=b) for b in BACKENDS}


@pytest.fixture(scope="module", params=BACKENDS)
def seg(request, segmenters) -> Segmenter:
    return segmenters[request.param]


@pytest.fixture(scope="module")
def plain() -> Segmenter:
    return Segmenter(backend="jieba", lexicon=False)


def test_lexicon_has_the_established_terms_jieba_lacks(plain):
    words = {w for w, _ in load_lexicon()}
    # a term is in the lexicon exactly when plain jieba would split it
    assert {t for t in ESTABLISHED if plain.cut(t) != [t]} <= words
    assert all(len(plain.cut(w)) > 1 for w in words)
    assert len(words) > 200  # learnt from the corpus, not only the seed list
    assert all(freq > 0 for _, freq in load_lexicon())


def test_plain_jieba_splits_them_but_the_lexicon_keeps_them_whole(seg, plain):
    assert plain.cut("十五五") != ["十五五"]  # why the lexicon exists
    for term in ESTABLISHED:
        assert seg.cut(term) == [term], term


@pytest.mark.parametrize("text", CONTEXTS)
def test_terms_stay_whole_in_running_text(seg, text):
    tokens = seg.cut(text)
    assert "".join(tokens) == text
    for term in ESTABLISHED:
        if term in text:
            assert term in tokens, (term, tokens)


def test_both_backends_agree_on_the_contexts(segmenters):
    if len(BACKENDS) < 2:
        pytest.skip("rjieba is not installed")
    a, b = segmenters["rjieba"], segmenters["jieba"]
    for text in CONTEXTS:
        assert a.cut(text) == b.cut(text)


def test_lexicon_words_are_whole_wherever_they_stand_alone_in_the_real_documents():
    seg = default_segmenter()
    lexicon = [w for w, _ in load_lexicon()]
    broken = []
    for path in [FOUNDING, DOCS / "gwr-2022.txt", DOCS / "local-jiangsu-2025.txt"]:
        doc = load_document(path)
        tokens = segment_document(doc, segmenter=seg).tokens()
        spans = [(t.start, t.start + len(t.text)) for t in tokens]
        known = [seg.knows(t.text) and len(t.text) > 1 for t in tokens]
        for word in lexicon:
            for m in re.finditer(re.escape(word), doc.text):
                # whole, or inside a longer token; never cut in pieces...
                if any(s <= m.start() and m.end() <= e for s, e in spans):
                    continue
                # ...unless a dictionary word runs across its edge: then it does not stand
                # alone (壮大|数据 holds 大数据, 非物质文化遗产|保护 holds 文化遗产保护)
                if any(k and (s < m.start() < e or s < m.end() < e)
                       for (s, e), k in zip(spans, known, strict=True)):
                    continue
                broken.append((word, doc.text[max(0, m.start() - 3) : m.end() + 3]))
    assert not broken


def test_protect_keeps_strings_whole_and_offsets_right(seg):
    doc = load_text("坚持稳中求进工作总基调，实现一年一个样、三年大变样。", source="t")
    protect = ("稳中求进工作总基调", "一年一个样、三年大变样")
    tokens = segment_document(doc, segmenter=seg).tokens(protect=protect)
    texts = [t.text for t in tokens]
    assert "稳中求进工作总基调" in texts
    assert "一年一个样、三年大变样" in texts
    for t in tokens:
        assert doc.text[t.start : t.start + len(t.text)] == t.text


def test_tokens_cover_the_sentences_and_carry_offsets():
    doc = load_document(FOUNDING)
    seg = default_segmenter()
    for t in segment_document(doc, segmenter=seg).tokens()[:500]:
        assert doc.text[t.start : t.start + len(t.text)] == t.text
        s = doc.sentences[t.sentence]
        assert s.start <= t.start < s.end


def test_knows_tells_dictionary_words_from_hmm_guesses(seg):
    assert seg.knows("十五五") and seg.knows("经济")
    assert not seg.knows("中念")


@pytest.mark.parametrize(
    "term",
    ["高质量发展", "余杭", "人工智能+", "GDP", "5G", "十五五", "开门红"],
)
def test_candidate_terms(term):
    assert is_candidate_term(term)


@pytest.mark.parametrize(
    "term",
    [
        "的",
        "推动",
        "加快",
        "坚持",
        "加强",
        "持续",
        "全面",
        "深入",
        "进一步",
        "工作",  # stop words
        "2025",
        "3.5%",
        "2025年",
        "1月29日",
        "万亿元",
        "个百分点",
        "第三",
        "一是",  # numbers
        "，",
        "“",
        "——",  # punctuation
        "新",
        "app",
        "球球",
        "上午",
        "我省",  # one character, lower-case Latin, doubled, time
    ],
)
def test_not_candidate_terms(term):
    assert not is_candidate_term(term)


def test_stopwords_hold_function_words_and_boilerplate_but_not_topics():
    stop = load_stopwords()
    assert {"的", "我们", "推进", "建设", "发展", "各位代表"} <= stop
    assert not {"就业", "创新", "改革", "企业", "消费", "经济"} & stop


def test_the_issues_fragments_stay_whole():
    # jieba alone gives 大湾|区, 可|再生能源, 新质|生产力, 中国|特色|社会主义
    seg = default_segmenter()
    for term in ("粤港澳大湾区", "大湾区", "可再生能源", "长三角", "新质生产力", "中国特色社会主义",
                 "中华民族伟大复兴"):
        assert seg.cut(term) == [term], term
    assert "大湾" not in seg.cut("推进大湾区建设")


def test_every_lexicon_entry_says_why_and_shows_its_evidence():
    lines = [ln.split("\t") for ln in lexicon_lines()]
    assert len(lines) > 1500
    for word, freq, tag, why in lines:
        assert freq.isdigit() and tag and why, word
        reason, _, evidence = why.partition("; ")
        assert evidence, word
    seeds = [(w, why) for w, _, _, why in lines if why.startswith("seed;")]
    assert seeds  # the hand seed stays only where national text uses it, and says how often
    for word, why in seeds:
        news, reports = re.search(r"(\d+) news items \+ (\d+) reports", why).groups()
        assert int(news) + int(reports) > 0, word
    learnt = [why for _, _, _, why in lines if " term; " in why]
    assert all("PMI" in why and "entropy" in why and "first" in why for why in learnt)


def lexicon_lines() -> list[str]:
    from policy_cli import data

    return data.lines("lexicon.txt")


def test_one_segmentation_with_or_without_tags():
    """Formulations and term counts read the cut alone; people and organisations the tags too."""
    from policy_cli.core.people import extract_organizations

    doc = load_document(FOUNDING)
    tagged = segment_document(doc)
    plain = segment_document(doc, tags=False)
    assert tagged.pieces == plain.pieces and list(tagged.starts) == list(plain.starts)
    assert "".join(tagged.pieces) == doc.text
    assert tagged.has_tags and not plain.has_tags
    offset, word, tag = tagged.tagged(0)[0]
    assert doc.text[offset : offset + len(word)] == word and isinstance(tag, str)
    with pytest.raises(ValueError, match="no tags"):
        plain.tagged(0)
    # an untagged segmentation given to the organisations is not trusted for tags
    assert extract_organizations(doc, segmentation=plain) == extract_organizations(doc)
    # a stretch of text is its words, a word cut at either edge of the stretch
    s = doc.sentences[3]
    words = tagged.words(s.start + 1, s.end - 1)
    assert "".join(words) == doc.text[s.start + 1 : s.end - 1]
    assert tagged.starts_word(s.start) and all(
        tagged.starts_word(a) for a in (s.start + sum(map(len, words[:k])) + 1 for k in (1, 2))
    )
