"""Target values read as numbers, unit, modifier and direction; Chinese numerals read as numbers."""

from __future__ import annotations

import re

import pytest

from policy_cli.core.loaders import load_document
from policy_cli.core.quantities import arabic_numbers, range_modifier, read_quantity
from tests.conftest import DOCS

RANGE = range_modifier()  # the modifier of a range no word qualifies (target_words.tsv)


@pytest.mark.parametrize(
    ("value", "numbers", "unit", "modifier", "direction"),
    [
        ("5.5%左右", (5.5,), "%", "左右", None),
        ("5.0%—5.5%", (5.0, 5.5), "%", RANGE, None),
        ("6%－6.5%", (6.0, 6.5), "%", RANGE, None),
        ("不低于3%", (3.0,), "%", "不低于", None),
        ("降低3%左右", (3.0,), "%", "左右", "down"),
        ("分别再增加30元和5元", (30.0, 5.0), "元", None, "up"),
        ("比去年扩大2万亿元以上", (2.0,), "万亿元", "以上", "up"),
        ("16.8万元/人左右", (16.8,), "万元/人", "左右", None),
        ("1,200万人以上", (1200.0,), "万人", "以上", None),  # digits grouped by thousands
        ("12,345.6亿元", (12345.6,), "亿元", None, None),
        ("基本平衡", (), None, None, None),
        ("-2%左右", (-2.0,), "%", "左右", None),  # a value below zero, its sign as printed
        ("增长－0.5%", (-0.5,), "%", None, "up"),
        ("实现人工智能与6大重点领域广泛深度融合", (), None, None, None),  # a number in words
    ],
)
def test_read_quantity(value, numbers, unit, modifier, direction) -> None:
    q = read_quantity(value)
    assert (q.numbers, q.unit, q.modifier, q.direction) == (numbers, unit, modifier, direction)


def test_chinese_numerals_of_percentages_and_years_in_real_text() -> None:
    """The 19th congress report writes 百分之十点二, 百分之四以下 and 二〇三五年."""
    text = load_document(DOCS / "cpc19-report.txt").text
    sentence = next(s for s in re.split("[。；]", text) if "百分之十点二" in s)
    read = arabic_numbers(sentence)
    assert "10.2%" in read and "4%以下" in read
    assert read_quantity(re.search(r"4%以下", read).group()).numbers == (4.0,)
    assert "2035年" in arabic_numbers("到二〇三五年基本实现社会主义现代化")
    # numerals that name things stay as they are
    assert arabic_numbers("“十四五”时期，“一带一路”，两个大局") == "“十四五”时期，“一带一路”，两个大局"


def test_a_number_grouped_by_thousands_is_one_target_value() -> None:
    from policy_cli.core.loaders import load_text
    from policy_cli.core.targets import extract_targets

    doc = load_text("今年发展主要预期目标是：城镇新增就业1,200万人以上，粮食产量保持在13,000亿斤以上。",
                    source="t")
    found = {t.indicator: t for t in extract_targets(doc)}
    assert found["城镇新增就业"].numbers == (1200.0,)
    assert found["城镇新增就业"].value == "1,200万人以上"  # as printed
