"""Phrases are counted where they start a word: facts checked in the background corpus."""

from __future__ import annotations

import json
import lzma
from pathlib import Path

import pytest

from policy_cli.core.counting import count_phrases, starts_a_word
from policy_cli.core.loaders import load_text

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "background.jsonl.xz"


@pytest.fixture(scope="module")
def reports() -> dict[int, str]:
    """The national government work reports by year, normalised."""
    with lzma.open(CORPUS, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    return {
        r["year"]: load_text(r["content"]).text
        for r in records
        if r["kind"] == "government_work_report"
    }


def test_a_stem_bound_to_the_first_character_is_not_the_phrase(reports):
    # 2013: 尊重发展规律，创新发展理念 (renew the idea of development) is no 新发展理念, which
    # the 2016 report is the first to say
    text = reports[2013]
    assert "创新发展理念" in text and "新发展理念" in text
    assert count_phrases(text, ["新发展理念"]) == {}
    first = min(y for y, t in reports.items() if count_phrases(t, ["新发展理念"]))
    substring_first = min(y for y, t in reports.items() if "新发展理念" in t)
    assert (first, substring_first) == (2016, 2013)
    # 1986: 一两个超级大国 (one or two superpowers) does not say 两个超级大国
    text = reports[1986]
    at = text.index("一两个超级大国") + 1
    assert not starts_a_word(text, at, len("两个超级大国"))
    assert count_phrases(text, ["两个超级大国"])["两个超级大国"][0] == text.count("两个超级大国") - 1


def test_compounds_built_on_a_phrase_still_say_it(reports):
    # 1994: 奔小康 (a word holding the whole phrase); 全面建成小康社会 (a compound after it)
    text = reports[1994]
    assert "奔小康" in text
    assert count_phrases(text, ["小康"])["小康"][0] == text.count("小康")
    for year in (2016, 2018, 2022):
        text = reports[year]
        for phrase in ("小康", "高质量发展", "供给侧结构性改革"):
            found = count_phrases(text, [phrase]).get(phrase, [0, -1])
            assert found[0] == text.count(phrase), (year, phrase)
            if found[0]:
                assert found[1] == text.find(phrase)


@pytest.mark.parametrize(
    ("text", "phrase", "count"),
    [
        ("贯彻新发展理念", "新发展理念", 1),
        ("以新发展理念为引领", "新发展理念", 1),  # 以 is a preposition, not a stem of 以新
        ("坚持创新发展理念", "新发展理念", 0),
        ("推动更高质量发展", "高质量发展", 1),
        ("土耳其历史上最严重的矿难", "史上最严", 0),
        ("中央党的群众路线教育实践活动领导小组", "党的群众路线教育实践活动", 1),  # a name before it
        ("15G网络和5G网络", "5G", 1),  # not inside a number
        ("小康、小康、小康小康", "小康", 4),
    ],
)
def test_word_starts(text, phrase, count):
    assert count_phrases(text, [phrase]).get(phrase, [0])[0] == count


def test_many_phrases_in_one_pass_and_overlaps_as_str_count():
    text = "aa,aaaa 新发展理念和高质量发展"
    # aa twice (not at 5: that is inside the Latin word aaaa), 质量 inside 高质量发展 (its end
    # is not checked: only where a phrase starts)
    assert count_phrases(text, ["aa", "新发展理念", "高质量发展", "质量", "没有"]) == {
        "aa": [2, 0],
        "新发展理念": [1, 8],
        "高质量发展": [1, 14],
        "质量": [1, 15],
    }


def test_quote_marks_inside_a_phrase_as_printed_do_not_hide_it():
    """共建“一带一路” says 共建一带一路; a phrase asked with quote marks (“双减”) is counted as
    the phrase; an occurrence is placed where it is printed, and the word-start rule still
    holds across a quote mark."""
    text = "推动共建“一带一路”，落实“双减”政策，“五位一体”总体布局；创新“发展理念”。"
    counted = count_phrases(text, ["共建一带一路", "“双减”", "双减", "五位一体总体布局", "新发展理念"])
    assert counted["共建一带一路"] == [1, 2]
    assert counted["“双减”"] == counted["双减"] == [1, text.index("双减")]
    assert counted["五位一体总体布局"] == [1, text.index("五位一体")]
    assert "新发展理念" not in counted  # 创新 | 发展理念: not said, quotes or none
    # overlapping occurrences are judged as in the text without its quote marks
    assert count_phrases("哈“哈”哈", ["哈哈"]) == count_phrases("哈哈哈", ["哈哈"]) == {"哈哈": [1, 0]}
