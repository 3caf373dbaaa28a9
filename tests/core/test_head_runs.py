"""Stage `motto`, rule `head-run`: the kinds of one thing a short text of the centre names in a
row, each ending in one head (issue 12)."""

from __future__ import annotations

from policy_cli.core.formulations import FormulationOptions, extract_formulations
from policy_cli.core.formulations.head_runs import find_head_runs
from policy_cli.core.loaders import load_text


def runs(text: str, **options) -> list[str]:
    return [c.text for c in find_head_runs(text, FormulationOptions(**options))]


def test_a_run_of_kinds_is_listed_whole_without_the_verb_that_takes_it():
    # the reform commission's 26th meeting (news of 2022-06-22): clauses of different lengths,
    # the verb before the first (强化) and the words after the last head (的基础) left out
    text = (
        "会议指出，数据作为新型生产要素，是数字化、网络化、智能化的基础。"
        "要强化功能监管、穿透式监管、持续监管，加强监管协作。"
        "做到对历史负责、对人民负责、对世界负责。"
    )
    assert runs(text) == [
        "数字化、网络化、智能化",
        "功能监管、穿透式监管、持续监管",
        "对历史负责、对人民负责、对世界负责",
    ]
    found = {f.text: f for f in extract_formulations(load_text(text, source="t"))}
    assert "motto/head-run" in found["功能监管、穿透式监管、持续监管"].evidence


def test_things_of_one_kind_are_no_motto():
    # a one-character head that makes no quality (国, 江), names of places or bodies, two
    # clauses only, and the same clause twice
    assert runs("会议指出，要访问美国、英国、法国，考察湘江、资江、沅江。") == []
    assert runs("会议指出，要培养装调工、维修工、电焊工。") == []
    assert runs("会议指出，亩产四十斤、六十斤、八十斤。") == []  # (quantities: head 十斤)
    assert runs("会议指出，黑龙江代表团、广西代表团、重庆代表团参加审议。") == []
    assert runs("会议指出，要强化审计监督、统计监督。") == []
    assert runs("会议指出，要强化制度、制度、制度。") == []
    # bodies of one kind (news of 2018-08-24) and acts on oneself (news of 2019-01-11)
    assert runs("会议指出，要支持人大、政府、政协、监察机关、审判机关、检察机关依法履行职责。") == []
    assert runs("会议指出，必须从知行合一的角度审视自己、要求自己、检查自己。") == []


def test_only_a_short_text_of_the_centre_is_read():
    text = "会议指出，要强化功能监管、穿透式监管、持续监管。"
    assert runs(text) == ["功能监管、穿透式监管、持续监管"]
    assert runs(text, national_framing_short_max=10) == []  # (read as a long text)
    assert runs("全市上下要强化功能监管、穿透式监管、持续监管。市委强调，全市要落实。") == []
    assert runs(text, head_run_min_clauses=0) == []


def test_the_first_clause_leaves_out_what_takes_the_run_and_the_last_stops_at_its_head():
    motto = "功能监管、穿透式监管、持续监管"
    for lead in ("要抓", "2025年", "抓好3个", "当务之急是强化"):
        assert runs(f"会议指出，{lead}{motto}。") == [motto], lead
    # a first stretch that is another item: the run is read from the next clause
    assert runs(f"会议指出，加强党的领导、{motto}。") == [motto]
    # 之 after the run (…之路) is no description inside it
    assert runs("会议指出，走数字化、网络化、智能化之路。") == ["数字化、网络化、智能化"]
    # a last stretch whose head is no kind of the others (文化|素养)
    assert runs("会议指出，提升数字化、智能化、文化素养。") == []
    # three clauses at least, whatever the option says
    assert runs("会议指出，要强化功能监管、穿透式监管。", head_run_min_clauses=2) == []
