"""Quotes as printed: “…”, “…" (opened curly, closed plain), "…", ‘…’, 「…」, 『…』, 〝…〞, ＂…＂,
mixed in one file; and 《…》, the title of a document (kind `document`)."""

from __future__ import annotations

from policy_cli.core.formulations import FormulationOptions, extract_formulations
from policy_cli.core.loaders import load_document, load_text
from policy_cli.core.normalize import normalize_text, pair_ascii_quotes
from policy_cli.models import Formulation
from policy_cli.serialize import formulation_to_dict

from ..conftest import DOCS, gold
from ..scoring import score_formulations

BAOTOU = DOCS / "local-baotou-2022.txt"


def test_the_normaliser_pairs_quotes_as_printed():
    assert pair_ascii_quotes('推行“蒙速办"“长辈模式"，让') == "推行“蒙速办”“长辈模式”，让"
    assert pair_ascii_quotes('政务服务"一网通办"（25') == "政务服务“一网通办”（25"
    assert pair_ascii_quotes('他说"好') == '他说"好'  # nothing to pair it with
    assert pair_ascii_quotes('say "hi" now') == 'say "hi" now'  # no Chinese on the line
    assert pair_ascii_quotes("“A”和\"B\"") == "“A”和“B”"


def test_baotou_opens_with_a_curly_quote_and_closes_with_a_plain_one():
    raw = BAOTOU.read_text(encoding="utf-8")
    assert raw.count("“") == 71 and raw.count("”") == 0 and raw.count('"') == 73
    doc = load_document(BAOTOU)
    assert '"' not in doc.text and doc.text.count("“") == doc.text.count("”") == 72
    assert "“蒙速办”" in doc.text
    texts = {f.text for f in extract_formulations(doc)}
    assert {"蒙速办", "好差评", "跨域通办", "一云一池三平台", "一网通办"} <= texts


def test_baotou_quality_floor():
    # measured 0.73 recall, 0.95 precision (0.32 and 0.82 before quotes were paired)
    doc = load_document(BAOTOU)
    found = extract_formulations(doc)
    score = score_formulations(gold("local-baotou-2022.json"),
                               {"formulations": [formulation_to_dict(f) for f in found]})
    print(f"\n[formulations] local-baotou-2022: {score}")
    assert score.figures["recall"] >= 0.7 and score.figures["precision"] >= 0.9, str(score)


def test_every_quote_style_in_one_file():
    doc = load_text(
        "推进「最多跑一次」改革，打造『浙里办』平台，深化‘放管服’改革，推广\"一网通办\"，"
        "建设“城市大脑\"。",
        source="t",
    )
    found = {f.text: f for f in extract_formulations(doc)}
    assert {"最多跑一次", "浙里办", "放管服", "一网通办", "城市大脑"} <= set(found)
    assert found["浙里办"].evidence[0] == "quoted/shape"
    assert doc.text[found["放管服"].first_offset - 1] == "‘"


def test_double_prime_and_full_width_quote_marks_are_quotes():
    # 〝…〞 (or closed by the low 〟) and ＂…＂, as some PDFs and word processors print them
    doc = load_text("深化〝放管服〞改革，推进＂一网通办＂，落实〝最多跑一次〟。", source="t")
    assert doc.text == "深化“放管服”改革，推进“一网通办”，落实“最多跑一次”。"
    found = {f.text for f in extract_formulations(doc)}
    assert {"放管服", "一网通办", "最多跑一次"} <= found
    assert normalize_text("〝两个大局〞") == "“两个大局”"  # (a text of marks alone is read too)
    assert normalize_text("＂孤＂") == "“孤”" and normalize_text("他说＂好") == '他说"好'


def test_titles_of_policy_documents_are_their_own_kind():
    doc = load_text(
        "制定《中华人民共和国民法典》和《福建省营商环境建设规划（2024—2029年）》，"
        "落实《巴黎协定》。《人民日报》刊发评论，推出《台湾通史》。",
        source="t",
    )
    found = {f.text: f for f in extract_formulations(doc)}
    plan = found["福建省营商环境建设规划"]  # the name; the title as printed, note and all
    assert plan.kind == "document" and plan.refers_to == "福建省营商环境建设规划（2024—2029年）"
    assert found["巴黎协定"].kind == "document"
    assert found["中华人民共和国民法典"].evidence == ("title/法典",)
    assert not {"人民日报", "台湾通史"} & set(found)  # a newspaper and a book: no policy document
    assert extract_formulations(doc, kinds=["document"]) == [
        f for f in extract_formulations(doc) if f.kind == "document"
    ]


def test_a_title_that_is_only_a_type_of_document_names_none():
    """《决定》 said after the decision's full title is that document said again, no name."""
    doc = load_text(
        "全会审议通过了《中共中央关于全面深化改革若干重大问题的决定》。习近平就《决定（讨论稿）》"
        "向全会作了说明。全会认为，《决定》是指导改革的纲领性文件。",
        source="t",
    )
    found = {f.text for f in extract_formulations(doc, kinds=["document"])}
    assert found == {"中共中央关于全面深化改革若干重大问题的决定"}


def test_an_issuing_notice_names_the_document_it_issues():
    doc = load_document(BAOTOU)
    found = {f.text: f for f in extract_formulations(doc)}
    plan = found["包头市数字政府建设行动方案"]
    assert plan.refers_to == "包头市数字政府建设行动方案（2021—2023年）" and plan.count == 2
    assert not any(t.startswith("包头市人民政府办公室关于印发") for t in found)


def found_in(text: str) -> dict[str, Formulation]:
    """The formulations of a text, by their text."""
    return {f.text: f for f in extract_formulations(load_text(text, source="t"))}


def test_a_title_names_the_system_or_reform_it_sets_up():
    """《关于构建数据基础制度更好发挥数据要素作用的意见》 (the reform commission's meeting of
    2022-12-02, as the news reported it): the subject after 关于 and the verbs of policy, up to
    its head (制度, 体系, 机制, 改革, 试点…) and 的, a second verb or the end, is an item of its
    own beside the title; a subject with a verb or a place's clause in it, or a task (…工作),
    names none."""
    text = (
        "会议审议通过了《关于构建数据基础制度更好发挥数据要素作用的意见》、《关于开展科技人才评价"
        "改革试点的工作方案》、《关于加强和改进行政区划工作的意见》。国务院印发《关于支持福建省深入"
        "实施生态省战略加快生态文明先行示范区建设的若干意见》。会议审议通过了《关于改革完善短缺药品"
        "供应保障机制的实施意见》。"
    )
    found = found_in(text)
    assert found["数据基础制度"].evidence == ("title/subject",)
    assert "科技人才评价改革试点" in found
    assert "短缺药品供应保障机制" in found  # (改革完善: two verbs, one joined with 和 also)
    assert "关于构建数据基础制度更好发挥数据要素作用的意见" in found
    assert not [t for t in found if t.endswith(("行政区划工作", "生态省战略"))]


def test_a_title_subject_with_a_verb_is_named_where_the_news_says_it_again():
    """The reform leading group's meeting of 2014-08-18, as the news reported it (shortened):
    the subject of 《关于深化考试招生制度改革的实施意见》 holds a verb to the tagger (招生), and is
    named where the news of the meeting goes on about it; said only in the title, or in a long
    report, it is not; an adverb or a conjunction in it is never a word of a name."""
    text = (
        "中央全面深化改革领导小组召开第四次会议。会议审议了《关于深化考试招生制度改革的实施意见》"
        "《关于加强和完善城乡社区治理的意见》《关于完善主体功能区战略和制度的若干意见》。会议指出，"
        "考试招生制度改革是事关群众切身利益的重大改革，要坚持促进公平、科学选才、监督有力。"
        "要把城乡社区治理的各项任务落到实处，推进主体功能区战略和制度落地见效。"
    )
    found = found_in(text)
    assert found["考试招生制度改革"].evidence[0] == "title/subject"
    assert found["城乡社区治理"].evidence[0] == "title/subject"
    assert not any(t.startswith("主体功能区战略和") for t in found)  # (和: no name)
    once = text.replace("考试招生制度改革是", "这是")
    assert "考试招生制度改革" not in found_in(once)
    # in a report of a province, the same subject said again names none (it goes on about
    # many; its titles' subjects of a verb are often tasks)
    local = "全省" * 40 + "。" + text
    assert "考试招生制度改革" not in found_in(local)


def test_a_verb_of_building_opens_no_title_subject():
    """《关于加快建设全国统一电力市场体系的指导意见》 (the reform commission's meeting of
    2021-11-24): 建设 is a verb of policy before the subject as 构建 is; 促进 stays a word of a
    subject (《关于完善促进消费体制机制…》 sets up mechanisms that promote consumption)."""
    text = (
        "会议审议通过了《关于加快建设全国统一电力市场体系的指导意见》。会议强调，要加快建设全国"
        "统一电力市场体系，实现电力资源在更大范围内共享互济和优化配置。"
    )
    found = found_in(text)
    assert found["全国统一电力市场体系"].evidence[0] == "title/subject"
    assert not any(t.startswith("建设全国") for t in found)


def test_titles_stage_can_be_switched_off():
    doc = load_document(DOCS / "gwr-2021.txt")
    title = "中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议"
    assert title in {f.text for f in extract_formulations(doc)}
    off = FormulationOptions(disabled_stages=frozenset({"title"}))
    assert title not in {f.text for f in extract_formulations(doc, options=off)}


def test_a_law_being_made_is_named_without_title_marks():
    # the 2018 No. 1 document and the 19th Congress report name laws without 《》
    doc = load_text("抓紧研究制定乡村振兴法的有关工作。制定国家监察法，制定管理办法，严格执法。", source="t")
    laws = [f.text for f in extract_formulations(doc) if f.kind == "document"]
    assert laws == ["乡村振兴法", "国家监察法"]
    # the work reports of 2006 and 2008: what qualifies the law up to 的 is not its name
    doc = load_text("实施修改后的个人所得税法。实施新的企业所得税法。", source="t")
    laws = [f.text for f in extract_formulations(doc) if f.kind == "document"]
    assert laws == ["个人所得税法", "企业所得税法"]


def test_a_document_being_made_or_signed_is_named_without_title_marks():
    # the work report of 2013 (签署实施两岸经济合作框架协议) and the Chongqing report of 2025: an
    # outline, regulations or an agreement made, enacted or signed, named like a law
    doc = load_text(
        "签署实施两岸经济合作框架协议，形成两岸全方位合作格局。出台优化营商环境条例，"
        "制定实施方案，制定实施意见。", source="t",
    )  # fmt: skip
    named = [f.text for f in extract_formulations(doc) if f.kind == "document"]
    assert named == ["两岸经济合作框架协议", "优化营商环境条例"]


def test_normalize_printed_keeps_the_marks_as_printed_one_for_one():
    from policy_cli.core.normalize import normalize_printed

    text, printed = normalize_printed('建设中柬(北海)产业园,推进"一网通办"。\n\n  下一段')
    assert text == "建设中柬（北海）产业园，推进“一网通办”。\n下一段"
    assert printed == '建设中柬(北海)产业园,推进"一网通办"。\n下一段'
    assert normalize_printed("两个大局") == ("两个大局", "两个大局")
