"""Stage `point` (issue 12): the headlines of a short text of the centre's numbered points
(一是宏观政策要稳健有效。), and the formulations they hold staying items of their own."""

from __future__ import annotations

from policy_cli.core.formulations import FormulationOptions, extract_formulations
from policy_cli.core.loaders import load_document, load_text

from ..conftest import DOCS

# the shape of a conference's news (the economic work conferences of 2019-2021 state their
# tasks so): a sentence of its own after each ordinal, then the point worked out
CONFERENCE = (
    "会议指出，做好明年经济工作，要稳字当头、稳中求进。会议认为，明年要抓好以下重点任务。\n"
    "一是宏观政策要稳健有效。要继续实施积极的财政政策和稳健的货币政策。\n"
    "二是强化国家战略科技力量。要发挥新型举国体制优势，加快关键核心技术攻关。\n"
    "三是坚持扩大内需这个战略基点。要紧紧扭住供给侧结构性改革这条主线。\n"
    "会议强调，要加强党对经济工作的领导。"
)


def found_in(text: str, options: FormulationOptions | None = None) -> dict[str, tuple[str, ...]]:
    return {
        f.text: f.evidence
        for f in extract_formulations(load_text(text, source="t"), options=options)
    }


def headlines(found: dict[str, tuple[str, ...]]) -> set[str]:
    return {t for t, ev in found.items() if "point/headline" in ev}


def test_the_headlines_of_numbered_points_are_listed():
    assert headlines(found_in(CONFERENCE)) == {
        "宏观政策要稳健有效", "强化国家战略科技力量", "坚持扩大内需这个战略基点",
    }


def test_a_formulation_a_headline_says_stays_an_item_of_its_own():
    found = found_in(CONFERENCE)
    assert "国家战略科技力量" in found  # (said only inside 强化国家战略科技力量)


def test_points_refuse():
    # two points are a clause of prose, not a series of headlines
    two = CONFERENCE.split("三是")[0]
    assert not headlines(found_in(two))
    # a headline with a comma, or one that goes on after a comma, is a sentence of prose
    prose = CONFERENCE.replace("宏观政策要稳健有效。", "宏观政策要稳健有效，政策要靠前。")
    assert "宏观政策要稳健有效" not in headlines(found_in(prose))
    # points a paragraph runs on through, each a clause of one sentence, are measures
    run_on = CONFERENCE.replace("\n", "").replace("。要", "，要")
    assert not headlines(found_in(run_on))
    # one or two short sentences among long ones are measures too: fewer than
    # point_min_count headlines in a series of points list none
    long_one = CONFERENCE.replace("坚持扩大内需这个战略基点。", "坚持扩大内需这个战略基点，")
    assert not headlines(found_in(long_one))
    # ordinals out of order: no series
    assert not headlines(found_in(CONFERENCE.replace("二是", "四是")))
    # off
    assert not headlines(found_in(CONFERENCE, FormulationOptions(point_min_count=0)))


# the news of the State Council's executive meeting of 2016-05-11 (its points inside one
# paragraph: 一要打造改革新高地。复制推广…。二要…)
MEETING = (
    "会议指出，以改革创新推动长三角城市群协调发展，有利于促进产业升级。为此，一要打造改革新高地。"
    "复制推广自由贸易试验区、自主创新示范区等的成熟改革经验，在政府职能转变等方面先行先试。"
    "二要争当开放新尖兵。大力吸引外资，集聚国际化人才，探索建立自由贸易港区。三要带头发展新经济。"
    "实施创新驱动发展战略，培育壮大新动能。四要以生态保护提供发展新支撑。实施生态建设与修复工程。"
)


def test_points_inside_a_paragraph_are_headlines_where_each_is_a_sentence_of_its_own():
    assert headlines(found_in(MEETING)) == {
        "打造改革新高地", "争当开放新尖兵", "带头发展新经济", "以生态保护提供发展新支撑",
    }
    # 一是要…: the point's modal verb is no part of its headline
    said = MEETING.replace("一要", "一是要").replace("二要", "二是要").replace("三要", "三是要")
    assert {"打造改革新高地", "争当开放新尖兵"} <= headlines(found_in(said))


def test_a_points_own_list_breaks_no_series_of_paragraphs():
    # a point's paragraph that lists its own 一要…，二要… (the news of a conference): the
    # series of paragraphs stands
    inner = CONFERENCE.replace(
        "要继续实施积极的财政政策和稳健的货币政策。",
        "要继续实施积极的财政政策和稳健的货币政策。这方面，一要加强协调，二要实行清单管理。",
    )
    assert headlines(found_in(inner)) == headlines(found_in(CONFERENCE))


def test_a_points_modal_and_a_word_it_opens():
    # 要 opening a word of the dictionary is the headline's (要素…, 要害…); 要 alone is the
    # point's modal verb (二是要|加强…)
    text = CONFERENCE.replace("一是宏观政策要稳健有效", "一是要素市场化配置改革深化").replace(
        "二是强化国家战略科技力量", "二是要强化国家战略科技力量"
    ).replace("三是坚持扩大内需这个战略基点", "三是要害领域改革取得突破")
    assert headlines(found_in(text)) == {
        "要素市场化配置改革深化", "强化国家战略科技力量", "要害领域改革取得突破",
    }


def test_a_later_point_after_a_comma_is_a_clause_of_the_sentence_before():
    text = "会议指出，一是加强领导。二是强化协调，三是狠抓落实。四是严格考核。"
    assert "狠抓落实" not in headlines(found_in(text))


def test_a_headlines_quote_marks_are_left_out():
    text = CONFERENCE.replace("宏观政策要稳健有效", "坚持“稳”字当头")
    assert "坚持稳字当头" in headlines(found_in(text))


def test_a_long_or_a_local_text_has_no_point_headlines():
    # a long text (a report) of the same shape: its 一是… open lists of measures
    long = CONFERENCE + "会议强调，要坚定信心、真抓实干。\n" * 700
    assert len(long) > FormulationOptions().national_framing_short_max
    assert not headlines(found_in(long))
    # the national reports at hand: their points' first sentences are no headlines
    assert not headlines(found_in(load_document(DOCS / "gwr-2021.txt").text))
    # a local text of the same shape (全县, 县委): the centre's headlines are not its own
    local = CONFERENCE.replace("会议指出", "全县会议指出").replace("会议强调", "县委强调全县")
    assert not headlines(found_in(local))
