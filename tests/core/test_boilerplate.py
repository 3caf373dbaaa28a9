"""A document's own boilerplate: what it repeats in the same position is not its topic."""

from __future__ import annotations

import pytest

from policy_cli.core.boilerplate import BoilerplateOptions, boilerplate_spans
from policy_cli.core.keywords import extract_keywords
from policy_cli.core.loaders import load_document, load_text
from policy_cli.core.pipeline import prepare
from tests.conftest import DOCS


def spans_text(doc, spans) -> list[str]:
    return [doc.text[s:e] for s, e in spans]


def test_a_repeated_closing_annotation_is_furniture():
    text = "\n".join(
        f"{i}．推进{topic}建设。（{when}，牵头单位：市{unit}局）"
        for i, (topic, when, unit) in enumerate(
            [("智慧城市", "6月底完成", "发改"), ("数据中心", "持续推进", "工信"),
             ("政务云", "9月底完成", "发改"), ("城市大脑", "持续推进", "审批")], 1
        )
    )
    doc = load_text(text, source="t")
    found = spans_text(doc, boilerplate_spans(doc))
    assert "（6月底完成，牵头单位：市发改局）" in found
    assert all("建设" not in f for f in found)  # the items themselves are the topic
    terms = {k.term for k in extract_keywords(prepare(doc).tokens, document=doc, top=0)}
    assert {"智慧城市", "数据中心", "城市大脑"} <= terms
    assert not terms & {"牵头", "牵头单位", "发改局", "工信局"}


def test_a_label_repeated_at_the_head_of_paragraphs_is_furniture():
    text = (
        "一、稳定就业\n全年城镇新增就业50万人以上。\n主办单位：省人力资源社会保障厅，各州、市人民政府\n"
        "二、关爱一老一小\n新建托育机构100所。\n主办单位：省民政厅，各州、市人民政府\n"
        "三、改善农村人居环境\n新改建卫生户厕20万座。\n主办单位：省农业农村厅，各州、市人民政府\n"
    )
    doc = load_text(text, source="t")
    found = spans_text(doc, boilerplate_spans(doc))
    assert len(found) == 3 and all(f.startswith("主办单位：省") for f in found)
    terms = {k.term for k in extract_keywords(prepare(doc).tokens, document=doc, top=0)}
    assert "主办单位" not in terms and "人民政府" not in terms
    assert "就业" in terms


def test_a_label_once_or_a_long_description_is_not_furniture():
    text = (
        "日常监测：根据全市数字政府建设重点任务、重点项目，监测考评对象的落实情况。\n"
        "实地调研：对照各旗县区及各部门报送的重点任务、重点项目进展情况，深入有关地区、部门开展调研。\n"
        "民意调查：根据民意调查机构、政府网站、城市大脑、各类媒体等公布的信息，了解社会对数字政府的满意度。\n"
    )
    doc = load_text(text, source="t")
    assert boilerplate_spans(doc) == []
    # three labels, each once; with a long value even a repeated label describes, not annotates
    repeated = "\n".join(f"主要任务：{'推进数字政府建设，完善一体化政务服务平台功能' * 2}" for _ in range(4))
    doc = load_text(repeated, source="t")
    assert boilerplate_spans(doc) == []
    assert boilerplate_spans(doc, BoilerplateOptions(max_value_chars=100)) != []


def test_reports_have_no_boilerplate_and_the_notice_loses_its_table_of_leads():
    for name in ("gwr-2022.txt", "cpc19-report.txt", "provinces-2025/tianjin.txt"):
        doc = load_document(DOCS / name)
        assert boilerplate_spans(doc) == [], name
    doc = load_document(DOCS / "local-baotou-2022.txt")
    found = spans_text(doc, boilerplate_spans(doc))
    assert len(found) > 80  # the 90 items' 牵头考核单位 annotations
    assert all("牵头考核单位" in f for f in found)
    p = prepare(doc)
    before = {k.term: k.count for k in extract_keywords(p.tokens, top=0)}
    after = {k.term: k.count for k in extract_keywords(p.tokens, document=doc, top=0)}
    # the issue: the notice led with 牵头x98 (and 单位x102), from its responsibility column
    assert before["牵头"] >= 90 and after["牵头"] < 10  # left: the rules that name the leads
    top = [k.term for k in extract_keywords(p.tokens, document=doc, top=20)]
    assert not {"牵头", "单位", "考核单位", "牵头考核单位", "市工信局", "服务局"} & set(top)


def test_a_glossary_is_its_title_and_the_numbered_items_after_it():
    from policy_cli.core.boilerplate import glossary_spans

    doc = load_document(DOCS / "provinces-2025" / "yunnan.txt")
    (start, end), = glossary_spans(doc)
    assert doc.text[start:].startswith("名词解释\n1.“两重”")
    assert doc.text[:end].endswith("风险防范应对工作。")  # item 44; the annex (附件) follows
    assert "2025年10件惠民实事" not in doc.text[start:end]
    # a report without one
    assert glossary_spans(load_document(DOCS / "gwr-2022.txt")) == []


def test_a_glossary_title_without_items_is_no_glossary():
    from policy_cli.core.boilerplate import glossary_spans

    doc = load_text("名词解释\n本报告所称数字政府，是指……\n", source="t")
    assert glossary_spans(doc) == []
    doc = load_text("正文。\n名词解释\n1.“两新”：大规模设备更新和消费品以旧换新。\n"
                    "2.“两重”：国家重大战略实施。\n", source="t")
    (start, end), = glossary_spans(doc)
    assert doc.text[start:end].startswith("名词解释") and doc.text[:end].endswith("实施。")


@pytest.mark.parametrize("marks", [("一、", "二、"), ("①", "②"), ("（一）", "（二）"), ("(1)", "(2)")])
def test_a_glossary_numbered_in_any_list_style_is_found(marks):
    from policy_cli.core.boilerplate import glossary_spans

    a, b = marks
    doc = load_text(f"正文。\n名词解释\n{a}甲：乙。\n{b}丙：丁。\n", source="t")
    (start, end), = glossary_spans(doc)
    assert doc.text[start:end] == f"名词解释\n{a}甲：乙。\n{b}丙：丁。"


def test_a_glossary_ends_where_the_numbering_changes_kind():
    from policy_cli.core.boilerplate import glossary_spans

    doc = load_text("名词解释\n1.甲：乙。\n2.丙：丁。\n三、下一部分\n正文。\n", source="t")
    (start, end), = glossary_spans(doc)
    assert doc.text[start:end].endswith("2.丙：丁。")
