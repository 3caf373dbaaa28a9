"""Issue 14: headlines, new and dropped terms, national standing, places, targets as amounts."""

from __future__ import annotations

import pytest

from policy_cli.core.diff import Weights, diff_documents
from policy_cli.core.diff.formulations import compare_formulations, split_mottos
from policy_cli.core.diff.places import places_of
from policy_cli.core.diff.standing import phrase_standing, standing
from policy_cli.core.diff.targets import compare_targets
from policy_cli.core.diff.vocabulary import one_sided_terms, side
from policy_cli.core.diff.weigh import formulation_factor, novelty
from policy_cli.core.keywords import load_idf
from policy_cli.core.loaders import load_document, load_text
from policy_cli.core.pipeline import prepare
from policy_cli.core.segment import Segmenter
from policy_cli.core.similarity import background_idf
from policy_cli.core.targets import extract_targets
from policy_cli.models import Formulation, Target

from ..conftest import DOCS, gold
from ..scoring import matches

GOLD = "diff-gwr-2021-2022.json"
PROVINCES = DOCS / "provinces-2025"


@pytest.fixture(scope="module")
def pair_diff():
    return diff_documents(
        load_document(DOCS / "gwr-2021.txt"), load_document(DOCS / "gwr-2022.txt")
    )


@pytest.fixture(scope="module")
def provinces_diff():
    return diff_documents(
        load_document(PROVINCES / "shanghai.txt"), load_document(PROVINCES / "tianjin.txt")
    )


# --- headlines ------------------------------------------------------------------------------


def test_headlines_lead_with_the_news(pair_diff):
    """At most 15, heaviest first, the GDP target among them, and annotated news items."""
    heads = pair_diff.headlines
    assert 10 <= len(heads) <= 15
    assert [h.weight for h in heads] == sorted((h.weight for h in heads), reverse=True)
    gdp = [h for h in heads if h.what == "target" and h.text == "国内生产总值增长"]
    assert gdp and gdp[0].detail == "6%以上 → 5.5%左右"
    diff = gold(GOLD)["diff"]
    news = [i["text"] for i in (*diff["new_must"], *diff["dropped_must"])]
    found = [h.text for h in heads if any(matches(n, h.text, 8) for n in news)]
    print("\nheadlines:", [(h.text, h.what) for h in heads], "\nannotated news among them:", found)
    assert len(found) >= 5
    texts = [h.text for h in heads if h.what != "target"]
    for t in texts:  # one headline per piece of news: none inside another
        assert not any(t != o and t in o for o in texts), t


def test_top_cuts_the_headlines_too():
    old = load_document(DOCS / "gwr-2021.txt")
    new = load_document(DOCS / "gwr-2022.txt")
    d = diff_documents(old, new, top=5, weights=Weights(headlines=5))
    assert len(d.headlines) == 5 and len(d.added) == 5 and len(d.new_terms) <= 5


# --- new and dropped terms ------------------------------------------------------------------


def _one_sided(old: str, new: str, *, lexicon: bool = True) -> list[str]:
    seg = None if lexicon else Segmenter(lexicon=False)
    p_old = prepare(load_text(old, source="old"), segmenter=seg)
    p_new = prepare(load_text(new, source="new"), segmenter=seg)
    return [c.term for c in one_sided_terms(side(p_new), side(p_old), idf=load_idf())]


def test_a_new_word_joins_the_head_noun_that_always_follows_it():
    """低空 + 经济 is one new term, even when no lexicon knows it (sentence of gwr-2024)."""
    terms = _one_sided(
        "推动数字经济发展，打造新增长引擎。",
        "积极打造生物制造、商业航天、低空经济等新增长引擎。",
        lexicon=False,
    )
    assert "低空经济" in terms and "低空" not in terms


def test_a_fragment_with_grammar_at_its_edge_opens_no_term(pair_diff):
    """水电路气信邮等基础设施建设 (gwr-2022) is cut 路气信|邮等|基础设施|建设: 邮等 closes on the
    particle 等, a fragment of the words around it, though the background's table has it."""
    new = [t.term for t in pair_diff.new_terms]
    assert not any(t.startswith("邮等") for t in new), new
    assert "以旧换新" in new and "租购并举" in new  # (new words of 2022 are still news)


def test_a_verb_and_its_object_are_no_term():
    """入选 + 全国 (Hubei 2025 ×6): a clause's verb and object said again and again are no new
    term, though the background's reports never say 入选 (the table has no tag for it)."""
    terms = _one_sided(
        "推动高质量发展。",
        "武汉入选全国首批试点城市，15个县市入选全国县域商业领跑县，3个县市入选全国典型案例。",
    )
    assert not any(t.startswith("入选") for t in terms), terms


def test_a_glossary_counts_no_use_of_a_term():
    """Yunnan 2025's 名词解释 defines the terms its report uses: 联农带农 is said twice in the
    report and three times more in the definitions of its glossary."""
    p_old = prepare(load_document(PROVINCES / "shandong.txt"))
    p_new = prepare(load_document(PROVINCES / "yunnan.txt"))
    counts = {c.term: c.count for c in one_sided_terms(side(p_new), side(p_old), idf=load_idf())}
    assert counts["联农带农"] == 2


def test_a_recurring_new_combination_of_known_words_is_a_term():
    """经营主体 (gwr-2024's word for 市场主体): both words known, together new, said thrice."""
    terms = _one_sided(
        "为各类市场主体营造公平竞争环境，增强市场主体活力。经营收入增长，主体责任落实。",
        "为各类经营主体营造一视同仁的公平竞争环境，增强经营主体活力，稳定经营主体预期。",
    )
    assert "经营主体" in terms


def test_a_motto_item_is_a_term():
    """稳物价 standing as an item of a list (稳就业、稳物价) is dropped when NEW lacks it."""
    terms = _one_sided("扎实做好稳就业、保民生工作。", "扎实做好稳就业、稳物价、保民生工作。")
    assert "稳物价" in terms


def test_nothing_both_reports_say_is_new(pair_diff):
    old = load_document(DOCS / "gwr-2021.txt").text
    plain = old.translate(str.maketrans("", "", "“”‘’\"'「」『』、"))
    for t in pair_diff.new_terms:
        assert t.term not in plain and t.old_count == 0 < t.new_count
    for t in pair_diff.dropped_terms:
        assert t.new_count == 0 < t.old_count


# --- national standing ----------------------------------------------------------------------


def test_general_words_are_not_coinages():
    """A word of jieba's general dictionary the background never uses (智能手机) is ordinary
    vocabulary, not news; a word no dictionary knows is new to national text."""
    idf = background_idf()  # what diff weighs with: the national reports
    assert phrase_standing("智能手机", idf=idf).rarity <= 0.5
    assert phrase_standing("邕江大桥新区", idf=idf, parts=("邕江大桥", "新区")).rarity == 1.0
    assert phrase_standing("经营主体", idf=idf, parts=("经营", "主体")).rarity < 0.3


def test_novelty_is_recent_or_rare():
    """三重压力 (first said 2021) is new in 2022; 全面建成小康社会 (2011, a thousand days of news)
    is established, and a report that stops saying it drops an established formulation."""
    w = Weights()
    pressures = standing("三重压力")
    assert pressures.lexicon and novelty(pressures, 2022, w) >= 0.9
    xiaokang = standing("全面建成小康社会")
    assert xiaokang.lexicon and novelty(xiaokang, 2024, w) < 0.5
    assert formulation_factor(xiaokang, "removed", 2024, w) == 1 + w.national
    assert formulation_factor(standing("一段本报告自己的话"), "removed", 2024, w) == 1.0


# --- 提法: mottos and rewordings ------------------------------------------------------------


def _f(text: str, kind: str = "slogan") -> Formulation:
    return Formulation(text, kind, 1, 0)


def test_a_motto_keeps_the_parts_the_other_report_lacks():
    old_plain = "坚持稳中求进工作总基调。"
    got = split_mottos([_f("稳字当头、稳中求进"), _f("稳中求进、以进促稳、先立后破")], old_plain)
    assert [f.text for f in got] == ["稳字当头", "以进促稳、先立后破"]
    assert [f.text for f in split_mottos([_f("稳中求进")], old_plain)] == ["稳中求进"]
    # a run of one frame that reuses one old part is new whole, no fragments (the work reports of
    # 2006 and 2007: 靠科技 said before; 2009 and 2010: 最直接)
    got = split_mottos(
        [_f("靠政策、靠投入、靠科技、靠改革"), _f("最关心、最直接、最现实的利益问题")],
        "依靠科技进步。解决群众最直接的问题。",
    )
    assert [f.text for f in got] == ["靠政策、靠投入、靠科技、靠改革", "最关心、最直接、最现实的利益问题"]


def test_a_kept_formulation_reworded_is_no_news():
    """决胜 + 全面建成小康社会 is a rewording; 山水林田湖草 + 沙 adds an item: new."""
    old = load_text("决胜全面建成小康社会。统筹山水林田湖草系统治理。", source="old")
    new = load_text("全面建成小康社会。统筹山水林田湖草沙系统治理。", source="new")
    added, removed, kept = compare_formulations(
        old, new,
        [_f("决胜全面建成小康社会"), _f("全面建成小康社会"), _f("山水林田湖草")],
        [_f("全面建成小康社会"), _f("山水林田湖草沙"), _f("山水林田湖草")],
    )
    assert [c.text for c in added] == ["山水林田湖草沙"]
    assert not removed
    assert {c.text for c in kept} == {"全面建成小康社会", "山水林田湖草"}


# --- two places -----------------------------------------------------------------------------


def test_two_places_without_their_names(provinces_diff):
    """Shanghai against Tianjin: neither city's name, nor a district, lists as a term."""
    terms = [t.term for t in (*provinces_diff.new_terms, *provinces_diff.dropped_terms)]
    terms += [t.term for t in (*provinces_diff.rising, *provinces_diff.falling)]
    assert terms
    for name in ("上海", "天津", "浦东", "滨海新区", "虹桥", "临港", "海河"):
        assert not [t for t in terms if name in t], name


def test_places_of_reports():
    def places(a: str, b: str):
        return places_of(prepare(load_document(a)), prepare(load_document(b)))

    assert places(PROVINCES / "shanghai.txt", PROVINCES / "tianjin.txt").two
    assert not places(DOCS / "gwr-2021.txt", DOCS / "gwr-2022.txt").two


# --- targets ----------------------------------------------------------------------------------


def _row(old_value: str, new_value: str) -> str:
    old = [Target("地方政府专项债券", old_value, old_value, 0)]
    new = [Target("地方政府专项债券", new_value, new_value, 0)]
    return compare_targets(old, new)[0].change


def test_amounts_in_other_magnitudes_are_compared_as_amounts():
    """gwr-2017 -> gwr-2018: 专项债券 8000亿元 -> 1.35万亿元 is a new amount, not a new unit."""
    assert _row("8000亿元", "1.35万亿元") == "value 8000亿元 → 1.35万亿元"
    assert _row("0.8万亿元", "8000亿元") == ""
    assert _row("降低3%左右", "在“十四五”规划期内统筹考核") == "now stated in words"


def test_provinces_share_a_row_for_budget_revenue():
    """Yunnan's 地方一般公共预算收入增长 and Anhui's 一般公共预算收入增长 are one indicator."""
    a = extract_targets(load_document(PROVINCES / "yunnan.txt"))
    b = extract_targets(load_document(PROVINCES / "anhui.txt"))
    rows = [r for r in compare_targets(a, b) if r.indicator == "一般公共预算收入增长"]
    assert len(rows) == 1 and rows[0].old_value and rows[0].new_value


# --- data ---------------------------------------------------------------------------------------


def test_diff_word_lists_hold_what_the_texts_say(capsys):
    """scripts/check_diff_data.py: every requirements word is in a part heading of the corpus,
    every character of grammar a function word of jieba's dictionary."""
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("check", root / "scripts" / "check_diff_data.py")
    assert spec and spec.loader
    check = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check)
    assert check.main([str(root / "corpus" / "background.jsonl.xz"), str(DOCS)]) == 0
    assert "0 problem(s)" in capsys.readouterr().out
