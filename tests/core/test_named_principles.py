"""Parallel clauses that name a principle (issue 12; stage motto, rule principle-named,
core/formulations/principles.py): a run of clauses joined by 、 that qualifies, with 的, the head
of a principle, a requirement or an approach is that principle, whatever opens and follows it."""

from __future__ import annotations

import pytest

from policy_cli.core.formulations import FormulationOptions, extract_formulations
from policy_cli.core.loaders import load_document, load_text

from ..conftest import DOCS

RULE = "motto/principle-named"


def found_in(text: str, options: FormulationOptions | None = None) -> dict[str, tuple[str, ...]]:
    return {
        f.text: f.evidence
        for f in extract_formulations(load_text(text, source="t"), options=options)
    }


def named_on(name: str, options: FormulationOptions | None = None) -> set[str]:
    """The texts of a test document that the rule gives."""
    return {
        f.text
        for f in extract_formulations(load_document(DOCS / name), options=options)
        if RULE in f.evidence
    }


@pytest.fixture(scope="module")
def cpc16() -> set[str]:
    return named_on("cpc16-report.txt")


@pytest.mark.parametrize(
    "principle",
    [
        "精简、统一、效能",  # 按照|…|的原则和决策、执行、监督相协调的要求: the head goes on
        "依法、自愿、有偿",  # 可按照|…|的原则进行土地承包经营权流转
        "冷静观察、沉着应对",  # 按照|…|的方针和相互尊重、求同存异的精神
        "相互尊重、求同存异",  # 和|…|的精神: a conjunction opens the second
        "独立自主、完全平等、互相尊重、互不干涉内部事务",  # clauses of different lengths
    ],
)
def test_the_principles_of_the_congress_report(cpc16, principle):
    assert principle in cpc16


def test_what_opens_the_run_must_be_a_verb_or_a_link(cpc16):
    # 按照党总揽全局、协调各方的原则: 党 is a noun, the subject of the first clause, no lead
    assert not any(t.endswith("总揽全局、协调各方") for t in cpc16)


def test_clauses_of_different_lengths_name_a_requirement():
    # gwr-2011: 按照政事分开、事企分开、管办分开、营利性与非营利性分开的要求
    assert "政事分开、事企分开、管办分开、营利性与非营利性分开" in named_on("gwr-2011.txt")


def test_a_list_ending_in_deng_is_no_principle():
    # (cpc19 says it so: 人民…在民主、法治、公平、正义、安全、环境等方面的要求日益增长)
    found = found_in("人民在民主、法治、公平、正义、安全、环境等方面的要求，日益增长。")
    assert not any(RULE in ev for ev in found.values())


def test_a_run_with_quoted_clauses_is_left_to_the_quoted_stage():
    found = found_in("全面贯彻“一国两制”高度自治、依法治港的方针，维护繁荣稳定。")
    assert not any(RULE in ev for ev in found.values())
    # gwr-2021: 贯彻“一国两制”、“港人治港”、“澳人治澳”、高度自治的方针
    assert not any("高度自治" in t for t in named_on("gwr-2021.txt"))


def test_the_verb_of_holding_is_no_part_of_the_principle():
    found = found_in("文化工作要坚持为人民服务、为社会主义服务的方向，繁荣文艺创作。")
    assert RULE in found["为人民服务、为社会主义服务"]
    assert not any(t.startswith(("要坚持", "坚持")) for t in found)


def test_the_head_must_end_its_word():
    # 的精神文明: 精神 is part of a longer word here, no principle's head
    found = found_in("弘扬团结统一、自强不息的精神文明建设，取得新进展。")
    assert not any(RULE in ev for ev in found.values())
    found = found_in("弘扬团结统一、自强不息的精神，取得新进展。")  # (the control)
    assert RULE in found["团结统一、自强不息"]


def test_a_conjunction_inside_a_word_joins_no_clauses():
    # 爱好和平: its 和 is no conjunction, so the last clause is read whole, not as 爱好|平
    found = found_in("坚持团结统一、爱好和平的原则，推进工作。")
    assert RULE in found["团结统一、爱好和平"]


def test_a_run_cut_by_the_span_limit_is_left():
    clauses = "、".join(["政治上相互尊重", "经济上互利共赢", "文化上交流互鉴", "安全上互信协作",
                        "环境上绿色发展", "治理上平等协商", "外交坚持维护稳定"])
    found = found_in(f"各国应当在国际社会平等协商、{clauses}的原则。")
    assert not any(RULE in ev for ev in found.values())


def test_zero_switches_the_rule_off():
    off = named_on("cpc16-report.txt", FormulationOptions(principle_named_max_clause=0))
    assert off == set()


def test_a_guideline_head_names_the_run_with_no_de():
    # chongqing-2025: 突出稳进增效、除险固安、改革突破、惠民强企工作导向
    named = named_on("provinces-2025/chongqing.txt")
    assert "稳进增效、除险固安、改革突破、惠民强企" in named
    assert not any(t.startswith("突出") for t in named)


def test_a_guideline_head_after_de_names_the_run_too():
    found = found_in("一年来，我们突出稳进增效、除险固安的工作导向，有效应对风险挑战。")
    assert RULE in found["稳进增效、除险固安"]


def test_a_preposition_of_basis_opens_no_principle():
    # the report to the 13th congress: 根据|公平税负、促进竞争和体现产业政策|的原则, taken as
    # 按照 takes it
    found = found_in("改革财政税收体制，根据公平税负、促进竞争和体现产业政策的原则，合理设置税种。")
    assert RULE in found["公平税负、促进竞争和体现产业政策"]
    assert not [t for t in found if t.startswith("根据")]
    # before another head than a principle's they take what a decision rests on: no principle
    from policy_cli.core.formulations.principles import find_named_principles
    from policy_cli.core.tokens import segment_text

    text = "根据各自特点、按照让群众满意的标准开展工作。"
    assert not list(find_named_principles(text, FormulationOptions(), segment_text(text)))
