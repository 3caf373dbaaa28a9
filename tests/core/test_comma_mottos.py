"""Mottos whose clauses a comma joins (issue 12; stage motto, core/formulations/comma_runs.py):
rule framed-clauses (three whole clauses or more of one length sharing a frame character at one
place, with different words before and after it), rule uneven-frame (three whole clauses or more
of uneven lengths sharing a frame that opens or closes them), rule even-run (four whole clauses or more of
four characters, or three with one lead), rule crossed-clauses (two clauses crossing two words around a frame) and rule
couplet-sentence (a sentence that is nothing but a few short clauses of
one length; comma_couplet_sentences=0 switches it off), rule role-series (the parts of a
doctrine said in a row) and rule degree-run (short clauses that each open with one adverb of
degree)."""

from __future__ import annotations

import pytest

from policy_cli.core.formulations import FormulationOptions, extract_formulations
from policy_cli.core.loaders import load_document, load_text
from policy_cli.errors import UsageError

from ..conftest import DOCS

COUPLETS_ON = FormulationOptions(comma_couplet_sentences=1)


def found_in(text: str, options: FormulationOptions | None = None) -> dict[str, tuple[str, ...]]:
    return {
        f.text: f.evidence
        for f in extract_formulations(load_text(text, source="t"), options=options)
    }


def found_on(name: str, options: FormulationOptions | None = None) -> dict[str, tuple[str, ...]]:
    return {
        f.text: f.evidence
        for f in extract_formulations(load_document(DOCS / name), options=options)
    }


@pytest.fixture(scope="module")
def gwr_2018() -> dict[str, tuple[str, ...]]:
    return found_on("gwr-2018.txt")


@pytest.fixture(scope="module")
def cpc19() -> dict[str, tuple[str, ...]]:
    return found_on("cpc19-report.txt")


def test_framed_clauses_of_a_national_report_are_one_motto(gwr_2018):
    # 在新的历史起点上，思想要再解放，改革要再深化，开放要再扩大。 (X要再Y three times)
    assert "motto/framed-clauses" in gwr_2018["思想要再解放，改革要再深化，开放要再扩大"]


def test_framed_clauses_of_the_congress_report(cpc19):
    # 人民有信仰，国家有力量，民族有希望。 (X有Y)
    assert "motto/framed-clauses" in cpc19["人民有信仰，国家有力量，民族有希望"]


def test_a_framed_run_closes_with_a_longer_subject():
    # real text: the report to the 16th congress (发展要有新思路，改革要有新突破，开放要有新局面，
    # 各项工作要有新举措。): the first word of each clause is its subject, before the frame 要, so
    # the clauses are no tasks though 发展 opens them; the last clause's subject is longer
    motto = "发展要有新思路，改革要有新突破，开放要有新局面，各项工作要有新举措"
    assert "motto/framed-clauses" in found_on("cpc16-report.txt")[motto]
    from policy_cli.core.formulations.comma_runs import _is_task

    assert not _is_task("发展要有新思路", framed=True) and _is_task("发展海洋经济", framed=True)
    assert _is_task("取暖不烧煤")  # (a sentence of two such clauses is a reporter's: no frame read)
    # a longer clause after a run it shares no frame with is none of it
    found = found_in("思想要再解放，改革要再深化，开放要再扩大，各地区加快推进。")
    assert "思想要再解放，改革要再深化，开放要再扩大" in found


def test_clauses_sharing_a_noun_are_tasks_not_a_motto(cpc19):
    # 健全民主制度，丰富民主形式，拓宽民主渠道: 民主 is shared, no frame character
    assert not any("民主形式" in t for t in cpc19)


def test_couplet_sentences_are_mottos(gwr_2018):
    # 两岸同根，骨肉相亲。 and 安不忘危，兴不忘忧。 are whole sentences of two 4-character clauses
    assert "motto/couplet-sentence" in gwr_2018["两岸同根，骨肉相亲"]
    assert "motto/couplet-sentence" in gwr_2018["安不忘危，兴不忘忧"]


def test_couplet_sentences_can_be_switched_off():
    found = found_on("gwr-2018.txt", FormulationOptions(comma_couplet_sentences=0))
    assert not any("motto/couplet-sentence" in ev for ev in found.values())
    assert "两岸同根，骨肉相亲" not in found


@pytest.mark.parametrize(
    "text",
    [
        # two clauses in a frame are as often prose as a motto
        "我们坚信，国家就有前途，民族就有希望。",
        # the shared character opens every clause: a lead, no frame with a slot before it
        "今年要加快发展，要深化改革，要扩大开放。",
        # the first clause is not whole: the run is two clauses
        "我们必须把思想要再解放，改革要再深化，开放要再扩大。",
        # 不 is inside a longer word (不动产), no frame
        "推进不动产登记，完善不动产统计，健全不动产交易。",
        # clauses of different lengths
        "思想要再解放，改革要再深化，对外开放要再扩大。",
    ],
)
def test_framed_clauses_refuse(text):
    assert not any("motto/framed-clauses" in ev for ev in found_in(text).values())


@pytest.mark.parametrize(
    "text",
    [
        # a sentence of tasks, each a verb and its object, lists what to do
        "发展海洋经济，建设海洋强国。",
        # clauses longer than comma_couplet_free_max_len need a frame
        "成绩殊为不易，值得倍加珍惜。",
        # not the whole sentence
        "总之，两岸同根，骨肉相亲。",
    ],
)
def test_couplet_sentence_refuses(text):
    assert not any("motto/couplet-sentence" in ev for ev in found_in(text, COUPLETS_ON).values())


def test_couplet_sentence_on_a_short_text():
    assert "motto/couplet-sentence" in found_in("两岸同根，骨肉相亲。", COUPLETS_ON)["两岸同根，骨肉相亲"]


def test_comma_run_options_are_checked():
    with pytest.raises(UsageError, match="framed_min_len"):
        FormulationOptions(framed_min_len=10, framed_max_len=9)
    with pytest.raises(UsageError, match="comma_couplet_min_len"):
        FormulationOptions(comma_couplet_min_len=8)


@pytest.mark.parametrize(
    ("text", "motto"),
    [
        # a congress's theme: four four-character clauses in a sentence that goes on
        (
            "以邓小平理论为指导，解放思想，改革开放，凝聚力量，攻坚克难，坚定不移沿着这条道路前进。",
            "解放思想，改革开放，凝聚力量，攻坚克难",
        ),
        # the report to the 15th congress (1997): what a member of the Party is to do
        (
            "诚心诚意为人民谋利益，吃苦在前，享受在后，克己奉公，多作贡献；刻苦学习。",
            "吃苦在前，享受在后，克己奉公，多作贡献",
        ),
    ],
)
def test_an_even_run_of_four_clauses_is_a_motto(text, motto):
    assert "motto/even-run" in found_in(text)[motto]


@pytest.mark.parametrize(
    "text",
    [
        # three clauses are as often a list of tasks
        "要坚定信心，保持定力，锐意进取。",
        # clauses of unequal length
        "解放思想，改革开放，凝聚各方力量，攻坚克难，坚定前进。",
    ],
)
def test_an_even_run_refuses(text):
    assert not any("motto/even-run" in ev for ev in found_in(text).values())


def test_three_even_clauses_with_one_lead_are_a_motto():
    # the work report of 2014: three clauses that open with 稳中, inside a sentence
    found = found_on("gwr-2014.txt")
    assert "motto/even-run" in found["稳中有为，稳中提质，稳中有进"]
    assert "稳中有为" not in found  # (a part of it, no item of its own there)
    # the national news (2015-02-27), ending a sentence
    assert "以学益智，以学修身，以学增才" in found_in("读书使人进步，以学益智，以学修身，以学增才。")
    # a lead that counts or asks is prose (the news of 2015-01-10, 2019-04-05); two leads, or
    # a lead of one character, are no lead; off with even_run_lead_len 0
    for text in (
        "屋子分成三间，一间睡觉，一间库房，一间工作。",
        "他说，谁无父母，谁无儿女，谁无情人。",
        "有的地方，有的部门，有的单位，仍然存在问题。",  # (a pointing word, prose)
        # three cut from a run of four whose first clause goes on from a verb before it
        "会议强调，坚持稳中有为，稳中提质，稳中有进，稳中向好。",
        "会议指出，要以学益智，以学修身，以学增才，以学促干。",
        "要坚定信心，坚定决心，保持定力。",
        "要坚定信心，坚持定力，坚守初心。",
    ):
        assert not any("motto/even-run" in ev for ev in found_in(text).values()), text
    off = FormulationOptions(even_run_lead_len=0)
    assert "以学益智，以学修身，以学增才" not in found_in("要以学益智，以学修身，以学增才。", off)


def test_an_even_run_ends_before_a_clause_a_list_goes_on_from():
    # 伟大梦想，|紧密联系|、相互贯通: the fifth clause is the first item of a list
    found = found_in("统揽伟大斗争，伟大工程，伟大事业，伟大梦想，紧密联系、相互贯通、相互作用。")
    assert not any("紧密联系" in t for t, ev in found.items() if "motto/even-run" in ev)


def test_even_runs_can_be_switched_off():
    text = "解放思想，改革开放，凝聚力量，攻坚克难，坚定不移前进。"
    assert "解放思想，改革开放，凝聚力量，攻坚克难" in found_in(text)
    off = FormulationOptions(even_run_min_clauses=0)
    assert "解放思想，改革开放，凝聚力量，攻坚克难" not in found_in(text, off)


@pytest.mark.parametrize(
    ("text", "motto"),
    [
        # the work report of 2013
        ("加快转变经济发展方式，在发展中促转变，在转变中谋发展，就一定能实现。", "在发展中促转变，在转变中谋发展"),
        # the Fujian report of 2025
        ("。以需求牵引供给，以供给创造需求，在更高水平上实现供需平衡。", "以需求牵引供给，以供给创造需求"),
        ("。以改革提高开放水平，以开放提升改革质量，积极服务大局。", "以改革提高开放水平，以开放提升改革质量"),
    ],
)
def test_two_clauses_crossing_two_words_are_a_motto(text, motto):
    assert "motto/crossed-clauses" in found_in(text)[motto]


@pytest.mark.parametrize(
    "text",
    [
        # the words cross, but the clauses share no frame: prose
        "。我们才能实现空气对流，新鲜空气才能进来。",
        # not whole clauses: the first goes on before
        "要以需求牵引供给，以供给创造需求，提高水平。",
        # clauses of unequal length
        "。在发展中促进转变，在转变中谋发展。",
    ],
)
def test_crossed_clauses_refuse(text):
    assert not any("motto/crossed-clauses" in ev for ev in found_in(text).values())


def test_crossed_clauses_can_be_switched_off():
    text = "。在发展中促转变，在转变中谋发展。"
    assert "在发展中促转变，在转变中谋发展" in found_in(text)
    off = FormulationOptions(crossed_min_len=0)
    assert not any("motto/crossed-clauses" in ev for ev in found_in(text, off).values())


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # the speaker is no clause of a couplet or a run (the national news)
        ("习近平指出，中泰一家亲。", "习近平指出，中泰一家亲"),
        ("文章指出，伟大斗争，伟大工程，伟大事业，伟大梦想。", "文章指出，伟大斗争，伟大工程，伟大事业，伟大梦想"),
        # a question is no couplet
        ("产品有了，怎么卖呢？", "产品有了，怎么卖呢"),
        ("今年怎么样，明年怎么办？", "今年怎么样，明年怎么办"),
        # a word said twice in a clause crosses nothing
        ("新的时代有新的使命，新的时代有新的作为。", "新的时代有新的使命，新的时代有新的作为"),
        # a pair cut from a longer run of crossed clauses
        ("重复的工作用心做，用心的工作快乐做，快乐的工作用情做。", "重复的工作用心做，用心的工作快乐做"),
    ],
)
def test_comma_mottos_refuse_speakers_questions_and_false_crossings(text, absent):
    assert absent not in found_in(text)


def test_an_even_run_opens_and_ends_with_whole_clauses():
    # a clause that a list runs into (知礼守礼、|文明游览) is no clause of the run
    found = found_in("知礼守礼、文明游览，遵守法律，恪守公德，讲究礼仪，爱护环境，尊重文化习俗。")
    assert "遵守法律，恪守公德，讲究礼仪，爱护环境" in found
    assert not any(t.startswith("文明游览，") for t in found)
    # in quotes, before 的: the run whole
    quoted = found_in("会议强调，要坚持“解放思想，改革开放，凝聚力量，攻坚克难”的要求。")
    assert "motto/even-run" in quoted["解放思想，改革开放，凝聚力量，攻坚克难"]
    # the speaker before it is left out
    said = found_in("文章指出，解放思想，改革开放，凝聚力量，攻坚克难，坚定不移沿着道路前进。")
    assert "motto/even-run" in said["解放思想，改革开放，凝聚力量，攻坚克难"]


def test_a_clause_that_goes_on_after_a_quote_or_a_figure_ends_no_run():
    # the national work report of 2011: 努力实现|“十二五”时期良好开局 goes on after the quote,
    # as 努力实现|2020年… would after a figure (full-width too) or a title; none is a clause of
    # four characters
    found = found_on("gwr-2011.txt")
    assert not any(t.startswith("开拓进取，团结奋斗，扎实工作") for t in found)
    lead = "我们要勇敢面对挑战，开拓进取，团结奋斗，扎实工作，"
    for goes_on in (
        "努力实现“十二五”时期良好开局", "努力实现2020年目标", "努力实现２０２０年目标",
        "努力实现《纲要》确定的目标",
    ):
        assert not any(t.startswith("开拓进取，") for t in found_in(lead + goes_on + "。")), goes_on
    # four clauses each ending at a mark are one
    whole = found_in(lead + "锐意创新，把事业继续推向前进。")
    assert "motto/even-run" in whole["开拓进取，团结奋斗，扎实工作，锐意创新"]


# rule uneven-frame: whole clauses of uneven lengths sharing a frame of two parts or more, with a
# grammatical character in it, that fills two fifths of each clause (uneven_frame_min_percent)


def test_clauses_of_uneven_lengths_in_one_frame_are_a_motto_of_the_16th_congress_report():
    # real text: 一切…都要坚决冲破，一切…都要坚决改变，一切…都要坚决革除 (a frame of 一切, 发展的
    # and 都要坚决, clauses of 16 and 17 characters)
    motto = (
        "一切妨碍发展的思想观念都要坚决冲破，一切束缚发展的做法和规定都要坚决改变，"
        "一切影响发展的体制弊端都要坚决革除"
    )
    assert "motto/uneven-frame" in found_on("cpc16-report.txt")[motto]


def test_clauses_of_uneven_lengths_in_one_frame_of_the_17th_congress_report():
    motto = (
        "凡是对台湾同胞有利的事情，凡是对维护台海和平有利的事情，凡是对促进祖国和平统一有利的事情"
    )
    assert "motto/uneven-frame" in found_on("cpc17-report.txt")[motto]


def test_an_uneven_frame_keeps_the_names_of_its_slots():
    # real text (the Inner Mongolia report of 2025): the names that fill a slot of the frame
    # whole stay items of their own, the frame folds none of them
    found = found_on("provinces-2025/neimenggu.txt")
    assert "motto/uneven-frame" in found["蒙古马精神是跑出来的，三北精神是拼出来的，亮丽内蒙古是干出来的"]
    assert {"三北精神", "亮丽内蒙古", "蒙古马精神"} <= set(found)


@pytest.mark.parametrize(
    "text",
    [
        # real text (the 16th congress report): a frame that points back to what was said
        "。对他们的创业精神都要鼓励，对他们的合法权益都要保护，对他们中的优秀分子都要表彰。",
        # real text (the work report of 2014): the frame 从…改起 is under two fifths of each
        # clause: where to begin, said in prose
        "。从群众最期盼的领域改起，从制约经济社会发展最突出的问题改起，从社会各界能够达成共识的环节改起。",
        # real text (the work report of 2022): a frame of a verb and its noun alone (接受…监督),
        # with no grammatical character and under two fifths of the clauses: acts on different
        # objects
        "。依法接受同级人大及其常委会的监督，自觉接受人民政协的民主监督，主动接受社会和舆论监督。",
        # real text (the national news, 2015-12-09): the first clause carries a word of the
        # sentence (都|更加需要…): read whole, the clauses open alike no more; without it, they are
        # of one length (the even rules' to read)
        "不管是落实已出台的改革，还是推出新的改革举措，都更加需要披荆斩棘的勇气，更加需要勇往直前的"
        "毅力，更加需要雷厉风行的作风。",
        # two clauses are no run
        "。一切妨碍发展的思想观念都要坚决冲破，一切束缚发展的做法和规定都要坚决改变。",
    ],
)
def test_uneven_frames_refuse(text):
    assert not any("motto/uneven-frame" in ev for ev in found_in(text).values())


def test_a_frame_said_more_often_than_a_motto_holds_is_none():
    # (constructed from the frame of the 17th congress report, 凡是对…有利的事情, said seven
    # times where a motto holds six clauses at most: an argument, none of whose runs of six is
    # listed, since cut it would name nothing)
    places = ["台湾同胞", "维护台海和平", "促进祖国和平统一", "两岸交流", "经贸合作", "文化往来", "人员往来"]
    text = "。" + "，".join(f"凡是对{p}有利的事情" for p in places) + "。"
    assert not any("motto/uneven-frame" in ev for ev in found_in(text).values())
    shorter = "。" + "，".join(f"凡是对{p}有利的事情" for p in places[:6]) + "。"
    assert any("motto/uneven-frame" in ev for ev in found_in(shorter).values())


def test_uneven_frames_can_be_switched_off():
    text = "。凡是对台湾同胞有利的事情，凡是对维护台海和平有利的事情，凡是对促进祖国和平统一有利的事情。"
    assert any("motto/uneven-frame" in ev for ev in found_in(text).values())
    off = FormulationOptions(uneven_frame_min_clauses=0)
    assert not any("motto/uneven-frame" in ev for ev in found_in(text, off).values())


# rule role-series: clauses in a row each saying what a different part of a doctrine is


def test_the_parts_of_a_doctrine_said_in_a_row_are_one_motto():
    # real text: the 17th congress report (its definition of 科学发展观) and the 16th
    found = found_on("cpc17-report.txt")
    motto = "第一要义是发展，核心是以人为本，基本要求是全面协调可持续，根本方法是统筹兼顾"
    assert "motto/role-series" in found[motto]
    found = found_on("cpc16-report.txt")
    assert "motto/role-series" in found["关键在坚持与时俱进，核心在坚持党的先进性，本质在坚持执政为民"]
    # real text (the national news, 2022-03-21): 在 says where each part lies
    text = "进一步明确粮食生产的关键点：根本在耕地，命脉在水利，出路在科技，动力在政策。党的十八大以来"
    assert "motto/role-series" in found_in(text)["根本在耕地，命脉在水利，出路在科技，动力在政策"]


@pytest.mark.parametrize(
    "text",
    [
        # real text (the national news, 2014-11-13): countries are no parts of a doctrine
        "。中国是世界经济增长的重要引擎，墨西哥是重要的拉美国家，两国在许多重大问题上有共识。",
        # real text (the national news, 2017-07-29): what is said is the subject of none of the
        # clauses (…的目标，…的着力点 end them, no part opens one)
        "，这既是我们面临的任务，又是我们奋斗的目标，更是我们工作的着力点。",
        # two parts are no run
        "。最终目的是满足需求，主攻方向是提高供给质量。",
        # one part said twice, or one noun with other modifiers (主要目标…，核心目标…)
        "。核心是发展，核心是以人为本，根本方法是统筹兼顾。",
        "。主要目标是稳增长，重要目标是保就业，核心目标是防风险。",
        # questions
        "。核心是否落实，关键是什么，根本在哪里？",
        # (constructed) clauses that are not whole: a longer subject before the part, a figure
        # after the last clause, a stop between two clauses, a clause longer than
        # role_series_predicate_max
        "。这里的核心是发展，关键在改革，根本在人民。",
        "。核心是发展，关键在改革，根本在人民2035年。",
        "。核心是发展，关键在改革。根本在人民。",
        "。核心是发展，关键在改革，根本在于坚持以人民为中心的发展思想上。",
    ],
)
def test_role_series_refuse(text):
    assert not any("motto/role-series" in ev for ev in found_in(text).values())


def test_role_series_can_be_switched_off():
    text = "。最终目的是满足需求，主攻方向是提高供给质量，根本途径是深化改革。"
    assert any("motto/role-series" in ev for ev in found_in(text).values())
    off = FormulationOptions(role_series_min_clauses=0)
    assert not any("motto/role-series" in ev for ev in found_in(text, off).values())


# rule degree-run: short whole clauses in a row that each open with one adverb of degree


def test_clauses_opening_with_one_adverb_of_degree_are_one_motto():
    # real text: the 16th and the 17th congress reports
    found = found_on("cpc16-report.txt")
    assert "motto/degree-run" in found["倍加顾全大局，倍加珍视团结，倍加维护稳定"]
    found = found_on("cpc17-report.txt")
    motto = "最大限度激发社会创造活力，最大限度增加和谐因素，最大限度减少不和谐因素"
    assert "motto/degree-run" in found[motto]
    # real text (the national news, 2015-09-29)
    text = "，坚定走和平发展道路，永不称霸，永不扩张，永不谋求势力范围。"
    assert "motto/degree-run" in found_in(text)["永不称霸，永不扩张，永不谋求势力范围"]


@pytest.mark.parametrize(
    "text",
    [
        # real text (news-ccdi5-2021): a clause longer than degree_run_max_len states a task at
        # length, and two short ones are no run
        "更加突出政治监督，更加突出高质量发展主题，更加突出整治群众身边腐败和作风问题，更加突出"
        "发挥监督治理效能。",
        # real text (the national news): a verb of work opening each clause lists tasks
        "。加强路面巡查执勤，加强道路疏导管控，加强与有关部门联勤联动。",
        # (constructed) one clause said twice, and clauses that are not whole (a figure after)
        "。更加注重治本，更加注重治本，更加注重预防。",
        "。更加注重治本，更加注重预防，更加注重制度建设2035年。",
    ],
)
def test_degree_runs_refuse(text):
    assert not any("motto/degree-run" in ev for ev in found_in(text).values())


def test_a_degree_run_is_taken_whole_with_its_lead_and_its_longer_clauses():
    # real text (the national news, 2015-12-05): the run opens after a lead (我们要) and its
    # last clause is longer than degree_run_max_len; a run cut short is listed nowhere
    text = (
        "，我们要更加注重创新驱动，更加注重公平公正，更加注重绿色发展，更加注重对外开放，"
        "更加注重提高发展质量和效益水平。"
    )
    motto = text[text.index("更加") : -1]
    assert "motto/degree-run" in found_in(text)[motto]
    cut = "。更加注重治本，更加注重预防，更加注重监督，更加注重整治群众身边腐败和作风问题的体制机制建设。"
    assert not any("motto/degree-run" in ev for ev in found_in(cut).values())


def test_degree_runs_can_be_switched_off():
    text = "。更加注重治本，更加注重预防，更加注重制度建设。"
    assert any("motto/degree-run" in ev for ev in found_in(text).values())
    off = FormulationOptions(degree_run_min_clauses=0)
    assert not any("motto/degree-run" in ev for ev in found_in(text, off).values())


def test_a_framed_run_of_five_clauses_is_listed_whole():
    # the report to the 14th congress (1992): a run cut at four clauses leaves a truncated motto
    found = found_in(
        "发展中国家维护独立主权、团结合作的趋势正在加强。世界要和平，国家要发展，社会要进步，"
        "经济要繁荣，生活要提高，已成为各国人民的普遍要求。"
    )
    assert "世界要和平，国家要发展，社会要进步，经济要繁荣，生活要提高" in found, found
    assert "世界要和平，国家要发展，社会要进步，经济要繁荣" not in found


def test_a_quoted_run_of_short_clauses_is_a_motto_and_long_clauses_a_quotation():
    # the report to the 13th congress (1987): “…”，仍然是我们的基本口号
    found = found_in("“解放思想，实事求是，团结一致向前看”，仍然是我们的基本口号。")
    assert "解放思想，实事求是，团结一致向前看" in found, found
    assert "解放思想，实事求是" not in found
    quotation = found_in(
        "他说：“我们要坚持以人民为中心的发展思想，不断增进民生福祉，扎实推动共同富裕”。"
    )
    assert not any("，" in t for t in quotation), quotation

    # a couplet's second half may be one character longer than the first's limit, as before
    from policy_cli.core.formulations.shapes import classify_quoted

    assert classify_quoted("一二三四五六七八，一二三四五六七八九") == "slogan"

    # what someone says, after a verb and a colon, is a quotation, not a motto; a run a copula
    # names is one (news of visits; the 13th congress)
    assert not any("，" in t for t in found_in("村民说：“以前路不好走，现在路通了，日子好了”。"))
    assert not any("，" in t for t in found_in("总书记连声称赞：“好，很好，非常好”。"))
    assert "解放思想，实事求是，团结一致向前看" in found_in(
        "我们的基本口号是：“解放思想，实事求是，团结一致向前看”。"
    )
