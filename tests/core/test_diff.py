"""`diff_documents`: the quality bar on 2021 -> 2022, the statistics, and the invariants."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy_cli.core.diff import (
    compare_formulations,
    compare_targets,
    diff_documents,
    diff_to_dict,
    is_calendar_variant,
    log_likelihood,
    log_ratio,
    novelty,
)
from policy_cli.core.loaders import load_document, load_text
from policy_cli.errors import NothingToAnalyseError, PolicyCliError, UsageError
from policy_cli.models import Document, Formulation, Target

from ..conftest import DOCS, gold
from ..scoring import score_diff

GOLD = "diff-gwr-2021-2022.json"


@pytest.fixture(scope="module")
def gwr_2021() -> Document:
    return load_document(DOCS / "gwr-2021.txt")


@pytest.fixture(scope="module")
def gwr_2022() -> Document:
    return load_document(DOCS / "gwr-2022.txt")


@pytest.fixture(scope="module")
def pair_diff(gwr_2021, gwr_2022):
    return diff_documents(gwr_2021, gwr_2022, sentences=True)


# --- the quality bar -----------------------------------------------------------------------


def test_bar_gwr_2021_to_2022(pair_diff):
    """new_must in the first 40 added/rising, dropped_must in removed/falling, recall >= 0.8."""
    score = score_diff(gold(GOLD), diff_to_dict(pair_diff), recall=0.8, window=40)
    print("\ndiff gwr-2021 -> gwr-2022:", score)
    assert score.figures["wrongly_new"] == 0, score
    assert score.ok, score


def test_not_new_items_are_never_new(pair_diff):
    """Items the old report already has (六稳, 十四五, 双控...) are never added or status new."""
    not_new = {item["text"] for item in gold(GOLD)["diff"]["not_new"]}
    added = {c.text for c in pair_diff.added}
    new_terms = {c.term for c in pair_diff.rising if c.status == "new"}
    assert not (not_new & added) and not (not_new & new_terms)


def test_counts_are_exact_occurrences(pair_diff, gwr_2021, gwr_2022):
    def plain(text: str) -> str:  # quote marks aside
        return "".join(ch for ch in text if ch not in "“”‘’\"'「」『』")

    for c in (*pair_diff.added, *pair_diff.removed, *pair_diff.kept):
        assert c.old_count == plain(gwr_2021.text).count(c.text)
        assert c.new_count == plain(gwr_2022.text).count(c.text)
    for c in (*pair_diff.added, *pair_diff.kept):
        assert plain(gwr_2022.text[c.offset :]).startswith(c.text)
    for t in (*pair_diff.rising, *pair_diff.falling):
        assert (t.old_count, t.new_count) == (
            gwr_2021.text.count(t.term), gwr_2022.text.count(t.term)
        )


def test_terms_are_significant_and_sorted(pair_diff):
    assert pair_diff.rising and pair_diff.falling
    for t in pair_diff.rising:
        assert t.g2 >= 3.84 and t.log_ratio > 0 and t.status in ("new", "up")
        assert t.old_count + t.new_count >= 3
    for t in pair_diff.falling:
        assert t.g2 <= -3.84 and t.log_ratio < 0 and t.status in ("dropped", "down")
    for lst in (pair_diff.rising, pair_diff.falling):
        keys = [abs(t.g2) for t in lst]
        assert keys == sorted(keys, reverse=True)


def test_years_and_plan_numbers_are_not_news(pair_diff):
    listed = [c.text for c in (*pair_diff.added, *pair_diff.removed)]
    listed += [t.term for t in (*pair_diff.rising, *pair_diff.falling)]
    assert not [x for x in listed if is_calendar_variant(x)]
    assert "十三五" not in listed and "2022年" not in listed


def test_targets_side_by_side(pair_diff):
    rows = {t.indicator: t for t in pair_diff.targets}
    gdp = rows["国内生产总值增长"]
    assert (gdp.old_value, gdp.new_value, gdp.changed) == ("6%以上", "5.5%左右", True)
    jobs = rows["城镇新增就业"]
    assert jobs.old_value == jobs.new_value and not jobs.changed


def test_unmatched_sentences(pair_diff, gwr_2021, gwr_2022):
    assert pair_diff.sentences_new and pair_diff.sentences_old
    for s in pair_diff.sentences_new:
        assert s.similarity < 0.3
        assert gwr_2022.text[s.offset : s.offset + len(s.text)] == s.text
        assert all(w not in gwr_2021.text for w in s.new_words)
    for s in pair_diff.sentences_old:
        assert all(w not in gwr_2022.text for w in s.new_words)
    indexes = [s.index for s in pair_diff.sentences_new]
    assert indexes == sorted(indexes)


def test_similarity_of_consecutive_reports(pair_diff):
    print(f"\nsimilarity gwr-2021 -> gwr-2022: {pair_diff.similarity}")
    assert 0.5 < pair_diff.similarity < 1.0


# --- invariants ----------------------------------------------------------------------------


def test_document_diffed_with_itself(gwr_2022):
    d = diff_documents(gwr_2022, gwr_2022, sentences=True)
    assert d.identical and d.similarity == 1.0
    assert not d.added and not d.removed and not d.rising and not d.falling
    assert d.kept and all(c.old_count == c.new_count for c in d.kept)
    assert not any(t.changed for t in d.targets)
    assert d.sentences_new == () and d.sentences_old == ()


def test_json_schema(pair_diff):
    out = diff_to_dict(pair_diff)
    assert list(out)[:6] == ["old", "new", "old_characters", "new_characters", "identical",
                             "similarity"]
    assert set(out) >= {"formulations", "terms", "targets", "sentences"}
    assert set(out["formulations"]) == {"added", "removed", "kept"}
    assert set(out["terms"]) == {"rising", "falling"}
    assert set(out["formulations"]["added"][0]) >= {"text", "kind", "old_count", "new_count"}
    assert set(out["terms"]["rising"][0]) >= {
        "term", "old_count", "new_count", "g2", "log_ratio", "status",
    }
    assert set(out["sentences"]) == {"only_in_new", "only_in_old"}


# --- the statistics on a hand example ------------------------------------------------------


def test_log_likelihood_by_hand():
    # 10 vs 0 in equal halves: expected 5 and 5, G2 = 2 * 10 * ln 2, falling
    assert log_likelihood(10, 0, 1000, 1000) == pytest.approx(-20 * math.log(2))
    # 5 in 1000 vs 15 in 2000: E = 20/3 and 40/3
    e_a, e_b = 20 / 3, 40 / 3
    want = 2 * (5 * math.log(5 / e_a) + 15 * math.log(15 / e_b))
    assert log_likelihood(5, 15, 1000, 2000) == pytest.approx(want)
    assert want == pytest.approx(0.6567, abs=1e-4)
    assert log_likelihood(3, 3, 500, 500) == 0.0
    assert log_likelihood(0, 0, 500, 500) == 0.0
    # only the ratio of the sizes matters (characters or tokens)
    assert log_likelihood(4, 9, 100, 150) == pytest.approx(log_likelihood(4, 9, 1000, 1500))


def test_log_ratio_by_hand():
    assert log_ratio(5, 15, 1000, 2000) == pytest.approx(math.log2(1.5))
    assert log_ratio(10, 0, 1000, 1000) == pytest.approx(math.log2(0.5 / 10))  # 0 -> 0.5
    assert log_ratio(0, 4, 1000, 1000) == pytest.approx(3.0)
    with pytest.raises(ValueError):
        log_ratio(1, 1, 0, 10)


# --- the rules on small texts --------------------------------------------------------------


def _f(text: str, kind: str = "numbered") -> Formulation:
    return Formulation(text, kind, 1, 0)


def test_formulations_counted_in_both_full_texts():
    old = load_text("我们做好“六稳”工作，推进乡村振兴战略。", source="old")
    new = load_text("继续做好“六稳”、“六保”工作。全面推进乡村振兴。", source="new")
    # 乡村振兴 was extracted from NEW only, but OLD has it inside 乡村振兴战略: kept, not added
    added, removed, kept = compare_formulations(
        old, new, [_f("六稳")], [_f("六稳"), _f("六保"), _f("乡村振兴", "slogan")]
    )
    assert [c.text for c in added] == ["六保"]
    assert {c.text for c in kept} == {"六稳", "乡村振兴"}
    assert not removed


def test_quote_marks_are_not_wording():
    old = load_text("继续做好“六稳”、“六保”工作。", source="old")
    new = load_text("做好六稳、六保工作。", source="new")
    added, removed, kept = compare_formulations(old, new, [_f("六稳"), _f("六保")], [_f("六稳、六保")])
    assert not added and not removed
    assert {(c.text, c.old_count, c.new_count) for c in kept} == {
        ("六稳", 1, 1), ("六保", 1, 1), ("六稳、六保", 1, 1)
    }
    offsets = {c.text: c.offset for c in kept}
    assert offsets["六稳、六保"] == new.text.find("六稳、六保")


def test_calendar_variants():
    for text in ("2022年", "十三五", "“十四五”规划", "中国共产党成立一百周年", "建党100周年",
                 "第十四个五年规划", "科技创新2030"):
        assert is_calendar_variant(text), text
    for text in ("两个确立", "二十大", "5G", "十九届六中全会", "六稳"):
        assert not is_calendar_variant(text), text
    assert is_calendar_variant("G20", "出席G21峰会")
    assert not is_calendar_variant("G20", "出席峰会")


def test_plan_numbers_are_not_added():
    old = load_text("“十三五”规划圆满收官，开局良好。", source="old")
    new = load_text("“十四五”规划开局良好。", source="new")
    added, removed, _ = compare_formulations(old, new, [_f("十三五")], [_f("十四五")])
    assert not added and not removed


def test_novelty():
    assert novelty("科学家精神", "弘扬科学家精神") == 0.0
    assert novelty("两个确立", "两个维护") == 0.5
    assert novelty("稳字当头", "") == 1.0


def test_targets_joined_on_indicator():
    old = [Target("国内生产总值增长", "6%以上", "国内生产总值增长6%以上", 0),
           Target("赤字率", "3.2%左右", "赤字率拟按3.2%左右安排", 9)]
    new = [Target("国内生产总值增长", "5.5%左右", "国内生产总值增长5.5%左右", 0),
           Target("粮食产量", "1.3万亿斤以上", "粮食产量1.3万亿斤以上", 5)]
    rows = compare_targets(old, new)
    assert [(r.indicator, r.old_value, r.new_value, r.changed) for r in rows] == [
        ("国内生产总值增长", "6%以上", "5.5%左右", True),
        ("粮食产量", None, "1.3万亿斤以上", True),
        ("赤字率", "3.2%左右", None, True),
    ]


def test_fixed_compounds_are_one_term():
    old = load_text("新冠肺炎疫情。" * 6 + "经济恢复。", source="old")
    new = load_text("经济恢复。" * 8, source="new")
    d = diff_documents(old, new, top=0)
    falling = [t.term for t in d.falling]
    assert "新冠肺炎疫情" in falling
    assert "肺炎" not in falling and "新冠肺炎" not in falling


def test_bad_options_and_empty_documents(gwr_2022):
    with pytest.raises(UsageError):
        diff_documents(gwr_2022, gwr_2022, top=-1)
    with pytest.raises(UsageError):
        diff_documents(gwr_2022, gwr_2022, sentence_threshold=2)
    empty = Document("empty", "", (), ())
    with pytest.raises(NothingToAnalyseError):
        diff_documents(empty, gwr_2022)


def test_substring_counter_matches_str_count(gwr_2021):
    from policy_cli.core.diff import SubstringCounter

    counter = SubstringCounter(gwr_2021.text)
    terms = ["发展", "市场主体", "新冠肺炎", "哈哈", "。", "十四五", "不存在的词", "政策", "六稳"]
    terms += [gwr_2021.text[i : i + n] for i in range(0, 5000, 97) for n in (2, 3, 4, 5)]
    for term in terms:
        assert counter.count(term) == gwr_2021.text.count(term), term
    assert SubstringCounter("哈哈哈哈哈").count("哈哈") == "哈哈哈哈哈".count("哈哈") == 2


_TEXT = st.text(
    alphabet=st.sampled_from(list("发展改革稳字当头“六稳”、2022年十四五。，！\n aZ9%")), max_size=60
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT, _TEXT)
def test_arbitrary_texts_diff_or_raise_policy_errors(a, b):
    try:
        old, new = load_text(a, source="a"), load_text(b, source="b")
        d = diff_documents(old, new, sentences=True)
    except PolicyCliError:
        return
    assert 0.0 <= d.similarity <= 1.0
    assert d.identical == (old.text == new.text)
    if d.identical:
        assert not d.added and not d.removed and not d.rising and not d.falling
