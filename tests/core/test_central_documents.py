"""Central documents, opinions and plans (issue 12). Stage motto, rule new-form: a run of clauses
of one length that a verb of forming opens and that qualifies, with 的, a new form a field is to
take is listed whole, as is one a verb of holding to opens that qualifies a principle, a
tradition or a goal (弘扬|听党指挥、服务人民、英勇善战|的优良传统), or a principle's head with
no 的 (按照|德才兼备、注重实绩、群众公认|原则); stage quoted, rule heading: numbered headings made of one quoted name and a
short noun phrase name the fields of the document's own programme."""

from __future__ import annotations

import pytest

from policy_cli.core.formulations import FormulationOptions, extract_formulations
from policy_cli.core.loaders import load_document, load_text

from ..conftest import DOCS

AI_PLUS = DOCS.parent / "formats" / "state-council-ai-plus-opinion-2025.pdf"


def found_in(text: str, options: FormulationOptions | None = None) -> dict[str, tuple[str, ...]]:
    return {
        f.text: f.evidence
        for f in extract_formulations(load_text(text, source="t"), options=options)
    }


@pytest.fixture(scope="module")
def ai_plus() -> dict[str, tuple[str, ...]]:
    return {f.text: f.evidence for f in extract_formulations(load_document(AI_PLUS))}


@pytest.mark.parametrize(
    "motto",
    [
        # 加快形成|…|的智能经济和智能社会新形态，
        "人机协同、跨界融合、共创分享",
        # 打造|…|的政务服务新模式。
        "精准识别需求、主动规划服务、全程智能办理",
        # 打造|…|的人工智能能力建设开放生态。
        "平权、互信、多元、共赢",
        # 加快形成|…|的人工智能治理格局。 (a pair)
        "动态敏捷、多元协同",
    ],
)
def test_a_run_qualifying_a_new_form_is_listed_whole(ai_plus, motto):
    assert "motto/new-form" in ai_plus[motto]


def test_a_run_before_another_verb_or_head_lists_fields_and_is_not_a_new_form(ai_plus):
    # 推动人工智能在|繁荣文化生产、增强文化传播、促进文化交流|中展现更大作为
    assert not any(
        "motto/new-form" in ev for t, ev in ai_plus.items() if "文化传播" in t
    )


@pytest.mark.parametrize(
    ("text", "motto"),
    [
        # the report to the 17th congress (2007): the tradition an army is to carry on
        ("大力弘扬听党指挥、服务人民、英勇善战的优良传统。", "听党指挥、服务人民、英勇善战"),
        # the work report of 2006: the principle of credit policy held to
        ("坚持区别对待、有保有压的方针，", "区别对待、有保有压"),
        # the report to the 16th congress (2002): the style a Party is to keep
        ("全党要坚持求真务实、开拓进取的作风。", "求真务实、开拓进取"),
        # the report to the 17th congress: clauses of seven and eight characters
        ("按照建设信息化军队、打赢信息化战争的战略目标，", "建设信息化军队、打赢信息化战争"),
        ("努力形成社会和谐人人有责、和谐社会人人共享的生动局面。", "社会和谐人人有责、和谐社会人人共享"),
    ],
)
def test_a_run_qualifying_a_principle_held_to_is_listed_whole(text, motto):
    assert "motto/new-form" in found_in(text)[motto]


@pytest.mark.parametrize(
    ("text", "motto"),
    [
        # the report to the 17th congress: the principle of choosing cadres, then what it rules
        ("按照德才兼备、注重实绩、群众公认原则选拔干部。", "德才兼备、注重实绩、群众公认"),
        # the report to the 15th congress: the principle of the cadres' ranks (a knowledge
        # entry of the lexicon since the twenty-third session, which names it with its head,
        # so the rule is read with a motto of the same shape the lexicon does not know)
        ("按照革命化、年轻化、知识化、规范化方针，", "革命化、年轻化、知识化、规范化"),
    ],
)
def test_a_run_a_principles_head_follows_without_de_is_that_principle(text, motto):
    assert "motto/new-form" in found_in(text)[motto]


def test_a_national_motto_before_a_principles_head_is_named_with_it():
    found = found_in("按照革命化、年轻化、知识化、专业化方针，")
    assert found["革命化、年轻化、知识化、专业化方针"] == ("national/head",)


@pytest.mark.parametrize(
    "text",
    [
        # two conditions a principle is made of, not a motto
        "按照知情、自愿原则，",
        # the last clause is longer than the others: 协调各方的 is no clause of the run
        "按照党总揽全局、协调各方的原则，",
    ],
)
def test_a_principles_head_without_de_refuses(text):
    assert not any("motto/new-form" in ev for ev in found_in(text).values())


def test_things_whose_role_is_played_are_no_principle():
    # 发挥…的作用: what plays a role is listed things, not a principle held to
    found = found_in("发挥自治章程、村规民约的积极作用。")
    assert not any("motto/new-form" in ev for ev in found.values())


@pytest.mark.parametrize(
    "text",
    [
        # a system (体系) is built of parts: the clauses list what the system is to be
        "推进能源生产和消费革命，构建清洁低碳、安全高效的能源体系。",
        # no verb of forming opens the run
        "支持发展人机协同、跨界融合、共创分享的智能经济新形态。",
        # the head word is not the end of the clause: more follows it
        "加快形成人机协同、跨界融合、共创分享的新模式试点工作。",
        # clauses of unequal length
        "加快形成人机协同、跨界深度融合、共创分享的智能经济新形态。",
    ],
)
def test_new_form_refuses(text):
    assert not any("motto/new-form" in ev for ev in found_in(text).values())


def test_new_form_on_short_text_and_its_option():
    text = "加快形成人机协同、跨界融合、共创分享的智能经济和智能社会新形态，现提出如下意见。"
    assert "motto/new-form" in found_in(text)["人机协同、跨界融合、共创分享"]
    # at least new_form_min_clauses clauses: a pair is refused when three are asked for
    pair = "加快形成动态敏捷、多元协同的人工智能治理格局。"
    assert "动态敏捷、多元协同" in found_in(pair)
    assert "动态敏捷、多元协同" not in found_in(pair, FormulationOptions(new_form_min_clauses=3))


def test_numbered_headings_of_one_quoted_name_name_the_programmes_fields(ai_plus):
    fields = ["科学技术", "产业发展", "消费提质", "民生福祉", "治理能力", "全球合作"]
    for f in fields:
        assert ai_plus[f"“人工智能+”{f}"] == ("quoted/heading",)
    assert "人工智能+" in ai_plus  # the quoted name itself stays listed


@pytest.mark.parametrize(
    "text",
    [
        # one heading alone with that quoted name: no programme of fields
        "一、总体要求\n（一）“人工智能+”科学技术\n加快科学发现进程。\n（二）产业发展\n培育新业态。",
        # headings that open with a verb or a date name no field
        "一、2024年工作回顾\n（一）坚持“两个毫不动摇”\n（二）坚持“两个毫不动摇”不变",
        # the noun phrase after the quoted name is longer than a field's name
        "（一）“人工智能+”科学技术发展的主要任务和方向\n（二）“人工智能+”产业发展的主要任务和方向",
    ],
)
def test_programme_headings_refuse(text):
    assert not any("quoted/heading" in ev for ev in found_in(text).values())


def test_programme_headings_on_short_text():
    text = "（一）“数字+”农业\n推进智慧农业。\n（二）“数字+”文旅\n发展数字文旅。"
    found = found_in(text)
    assert found["“数字+”农业"] == ("quoted/heading",)
    assert found["“数字+”文旅"] == ("quoted/heading",)
    assert not any("quoted/heading" in ev for ev in found_in(
        text, FormulationOptions(programme_heading_min=3)
    ).values())
