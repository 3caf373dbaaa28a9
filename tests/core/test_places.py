"""A document's own place: named by its head, shown once in the header, one term in the list."""

from __future__ import annotations

import pytest

from policy_cli.core.header import extract_header
from policy_cli.core.keywords import extract_keywords
from policy_cli.core.loaders import load_document, load_text
from policy_cli.core.pipeline import prepare
from policy_cli.core.places import find_place, load_places
from tests.conftest import DOCS, FOUNDING


def test_the_divisions_table():
    places = load_places()
    provinces = [p for p in places.values() if p.level == "province"]
    assert len(provinces) == 34
    # 333 prefecture-level divisions, less 吉林 and 海南, which name a province first
    assert sum(p.level == "prefecture" for p in places.values()) == 331
    assert places["上海"].short == ("沪", "申")
    assert places["延边"].full == "延边朝鲜族自治州"
    assert places["包头"].province == "内蒙古"


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("provinces-2025/yunnan.txt", "云南"),  # its head also names 北京日报 as its source
        ("provinces-2025/guangxi.txt", "广西"),
        ("provinces-2025/neimenggu.txt", "内蒙古"),
        ("local-baotou-2022.txt", "包头"),
        ("local-jiangsu-2025.txt", "江苏"),
        ("gwr-2022.txt", None),  # national documents are about no place
        ("cpc19-report.txt", None),
        ("central-no1-2018.txt", None),
        ("local-shaoxing-conference-2023.txt", None),  # its head says 全市, not which city
    ],
)
def test_the_place_a_document_is_about(name, place):
    doc = load_document(DOCS / name)
    found = find_place(doc)
    assert (found.name if found else None) == place
    assert extract_header(doc).place == place


def test_a_district_named_with_its_suffix():
    doc = load_document(FOUNDING)
    assert extract_header(doc).place == "余杭"  # 余杭区, not 杭州 named later


def test_a_place_named_once_is_not_the_documents():
    doc = load_text("关于在北京市召开会议的通知\n会议讨论了数字经济发展。", source="t")
    assert find_place(doc) is None


def test_the_own_place_is_one_term_and_other_places_rank():
    doc = load_document(DOCS / "local-baotou-2022.txt")
    p = prepare(doc)
    terms = {k.term: k.count for k in extract_keywords(p.tokens, document=doc, top=0)}
    assert "包头市" not in terms
    assert terms["包头"] >= doc.text.count("包头市")
    assert "稀土高新区" in terms  # another place the notice names
    shanghai = load_document(DOCS / "provinces-2025/shanghai.txt")
    terms = {k.term for k in extract_keywords(prepare(shanghai).tokens, document=shanghai,
                                              top=0)}
    assert "上海" in terms and "上海市" not in terms and "中共上海市委" not in terms
    assert {"浦东", "虹桥"} <= terms
