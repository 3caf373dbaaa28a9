"""Stage `programme`: the names of programmes that a launching verb opens."""

from __future__ import annotations

from policy_cli.core.formulations import FormulationOptions, extract_formulations
from policy_cli.core.formulations.programmes import find_programmes
from policy_cli.core.loaders import load_document, load_text

from ..conftest import DOCS


def names(text: str) -> list[str]:
    return [c.text for c in find_programmes(text, FormulationOptions())]


def test_a_launched_programme_is_named_up_to_its_head():
    assert names("加快发展现代高效林业，实施兴林富民行动，推进森林生态标志产品建设工程。") == [
        "兴林富民行动", "森林生态标志产品建设工程"
    ]
    assert names("实施好关键核心技术攻关工程，深入谋划推进重大项目。") == ["关键核心技术攻关工程"]
    assert names("组织实施高校毕业生基层成长计划。") == ["高校毕业生基层成长计划"]
    # 和 joins two verbs only: 实施|和平安全行动 (the Forum on China-Africa Cooperation, 2018)
    assert names("八是实施和平安全行动。") == ["和平安全行动"]


def test_a_zone_is_named_after_the_verb_that_builds_it():
    assert names("加快划定和建设粮食生产功能区、重要农产品生产保护区。") == [
        "粮食生产功能区", "重要农产品生产保护区"
    ]
    # an economic belt, a science park, a new industrial district (Guangxi's and Hubei's
    # reports of 2025); a new district that is a place is no zone of work (滨海新区)
    assert names("加快建设平陆运河经济带。") == ["平陆运河经济带"]
    assert names("高水平建设宜昌东部产业新区，") == ["宜昌东部产业新区"]
    assert names("建设滨海新区。") == []


def test_the_names_listed_after_a_launched_one_are_launched_too():
    assert names("继续实施“三支一扶”、特岗教师计划等，深入实施农业科研杰出人才计划和杰出青年"
                 "农业科学家项目。") == ["特岗教师计划", "农业科研杰出人才计划", "杰出青年农业科学家项目"]


def test_the_year_a_programme_is_due_by_opens_its_title_but_by_then_is_the_verbs():
    # the national work report of 2021, the economic work conference of 2020: the plan's
    # title opens with its year
    assert names("制定2030年前碳排放达峰行动方案。") == ["2030年前碳排放达峰行动方案"]
    found = list(find_programmes("要抓紧制定2030年前碳排放达峰行动方案。", FormulationOptions()))
    assert [(c.text, c.offset) for c in found] == [("2030年前碳排放达峰行动方案", 5)]
    # …only where the name follows the year: a quoted name said between them is skipped
    # (the review of 2026-12-08), and the year stays out
    found = list(find_programmes("要抓紧制定2030年前“双碳”和碳排放达峰行动方案。", FormulationOptions()))
    assert [(c.text, c.offset) for c in found] == [("碳排放达峰行动方案", 16)]
    # 到…: the work is due by then, the programme named after it
    assert names("实施到2027年前制造业数字化转型行动计划。") == ["制造业数字化转型行动计划"]
    # a year's count of projects is still a count
    assert names("实施2024年192个帮扶项目。") == []
    # around a year is no deadline
    assert names("制定2030年前后碳排放达峰行动方案。") == []


def test_a_kind_a_count_or_a_list_names_no_programme():
    assert names("实施一批重大工程，实施生态保护修复重大工程，实施192个帮扶项目。") == []
    # a count character inside a place's or a name's word opens no count (the Fujian and
    # Chongqing reports of 2025: 两岸 cross-strait, 两江四岸 the riverfronts)
    assert names("加紧建设两岸融合发展示范区，服务祖国统一大业。") == ["两岸融合发展示范区"]
    assert names("实施两江四岸整体提升攻坚行动。") == ["两江四岸整体提升攻坚行动"]
    # the Beijing report of 2025: a count of works, whatever the measure word (处, 座, 所)
    assert names("实施50处城乡供水提升工程，实施3座水库除险加固工程。") == []
    assert names("实施城镇老旧小区改造等项目。") == []


def test_a_city_title_whose_building_is_furthered_is_named():
    # (Beijing's report of 2025)
    assert names("深入推进演艺之都建设，加快国际体育赛事名城建设。") == ["演艺之都", "国际体育赛事名城"]


def test_a_name_may_open_with_the_round_scale_of_what_it_reaches():
    # (Chongqing's report of 2025; the work report of 2022): a magnitude and no measure word
    assert names("实施千万农民增收致富促进行动。") == ["千万农民增收致富促进行动"]
    assert names("开展万企兴万村行动。") == ["万企兴万村行动"]
    # a count of works counts the programmes: no name
    assert names("实施百个重点工程，实施三项行动。") == []


def test_the_round_or_batch_of_a_programme_is_no_part_of_its_name():
    # the Beijing report of 2025 and the opinion on AI+ of 2025; a count of works stays a kind
    assert names("实施新一期促进残疾人就业三年行动。") == ["促进残疾人就业三年行动"]
    assert names("实施第二轮农村人居环境整治提升行动。") == ["农村人居环境整治提升行动"]
    assert names("建设一批国家人工智能应用中试基地。") == ["国家人工智能应用中试基地"]
    assert names("实施一批重大工程。实施50个帮扶项目。") == []


def test_a_body_with_an_aside_names_no_programme():
    # the work report of 2006: 现代农业, and 特别是 the grain bases, are two phrases
    assert names("加强现代农业特别是粮食主产区商品粮基地建设。") == []
    assert names("加强粮食主产区商品粮基地建设。") == ["粮食主产区商品粮基地"]


def test_the_no1_document_names_its_programmes():
    doc = load_document(DOCS / "central-no1-2018.txt")
    found = {f.text: f for f in extract_formulations(doc)}
    for name in ("产业兴村强县行动", "新型职业农民培育工程", "农村饮水安全巩固提升工程",
                 "现代农业产业园"):
        assert name in found and found[name].kind == "name"


def test_a_sentence_without_a_launch_has_none():
    doc = load_text("这项工程进展顺利，行动计划已经完成。", source="t")
    assert names(doc.text) == []


def test_a_description_or_an_ordinal_names_no_programme():
    assert names("打造具有国际竞争力的先进制造业基地，实施第三轮三年行动计划。") == []


def test_a_leading_verb_of_command_is_not_part_of_the_name():
    assert names("实施新一轮深化制造业智改数转网联行动。") == ["制造业智改数转网联行动"]


def test_a_place_whose_building_is_furthered_is_named():
    assert names("深化人民城市建设，加快基础研究先行区建设，持续推进15分钟社区生活圈建设。") == [
        "人民城市", "基础研究先行区", "15分钟社区生活圈"
    ]


def test_a_list_of_works_names_no_programme():
    assert names("实施尔王庄水库增容等供水工程。") == []


def test_a_name_keeps_the_verb_that_says_what_the_action_does():
    assert names("实施降低全社会物流成本专项行动，出台促进公平竞争条例。") == [
        "降低全社会物流成本专项行动", "促进公平竞争条例"
    ]


def test_an_action_or_works_is_named_by_two_characters_of_its_own():
    assert names("深入实施强县工程，精心实施民心工程，深入实施节水行动。") == [
        "强县工程", "民心工程", "节水行动"
    ]
    # a quoted body is the name's too: 实施|“尖刀”工程
    assert names("深入实施“尖刀”工程，着力推进。") == ["尖刀工程"]


def test_reports_name_their_two_character_programmes():
    hubei = {f.text for f in extract_formulations(load_document(DOCS / "provinces-2025/hubei.txt"))}
    assert {"强县工程", "尖刀工程"} <= hubei  # 深入实施强县工程, 深入实施“尖刀”工程
    tianjin = extract_formulations(load_document(DOCS / "provinces-2025/tianjin.txt"))
    assert "民心工程" in {f.text for f in tianjin}  # 精心实施民心工程


def test_two_characters_of_a_kind_a_verb_or_a_rank_name_no_programme():
    # a kind of works, a plan or project named by two characters, a verb, a rank
    assert names("实施民生工程，制定并实施培训计划，实施谋划项目，实施基础工程。") == []
    assert names("实施制胜专项行动，实施若干重大工程、重大行动，实施这项工程。") == []
    assert names("实施助企行动。") == []  # 助|企: a verb and its object, no noun of its own


def test_a_programme_taken_as_the_lead_of_a_policy_is_named():
    """以|X行动|为引领: the frame launches the programme, as 实施 would (the Inner Mongolia report
    of 2025); a kind of works (重大工程) or a doctrine (以人民为中心) names none."""
    found = {f.text: f.evidence for f in extract_formulations(load_text(
        "以北疆文化建设提升行动为引领，把文旅业打造成支柱产业。以“英才兴蒙”工程为统领，"
        "以实施就业促进行动为重点。以重大工程为抓手。坚持以人民为中心。", source="t"))}
    assert found["北疆文化建设提升行动"] == ("programme/framed",)
    assert found["就业促进行动"] == ("programme/framed",)  # (launched by 实施 inside the frame)
    assert "programme/framed" in found["英才兴蒙工程"]
    assert "重大工程" not in found


def test_a_zone_of_two_places_joined_by_a_dash_is_named_whole():
    """中蒙二连浩特—扎门乌德经济合作区 (the Inner Mongolia report of 2025): the dash joins the two
    places the zone spans; 建设好 launches it as 建设 does."""
    found = {f.text for f in extract_formulations(load_text(
        "建设好中蒙二连浩特—扎门乌德经济合作区。建设好现代农业产业园。", source="t"))}
    assert {"中蒙二连浩特—扎门乌德经济合作区", "现代农业产业园"} <= found
    assert not any(t.startswith("好") or t.startswith("扎门乌德") for t in found)


def test_a_round_magnitude_and_a_measure_word_open_a_long_name():
    # chongqing-2025: 实施千个宜居宜业和美乡村建设行动; anhui-2025: 实施百项革命文物保护利用工程
    assert names("实施千个宜居宜业和美乡村建设行动。实施百项革命文物保护利用工程。") == [
        "千个宜居宜业和美乡村建设行动", "百项革命文物保护利用工程"
    ]


def test_a_round_count_of_works_with_a_short_or_generic_rest_names_nothing():
    assert names("今年实施百项民生实事工程，实施千个民生项目。") == []  # short
    assert names("今年实施百项重点民生实事工程。") == []  # six characters, but 重点 is generic


def test_deepening_furthers_an_action_where_it_opens_a_clause():
    # beijing-2025: 深化城市韧性提升行动。 (深化 opens the clause)
    assert names("深化城市韧性提升行动。") == ["城市韧性提升行动"]
    assert names("持续深化打击非法集资专项行动，") == ["打击非法集资专项行动"]
    # inside a name it is the name's own: no cut after it
    assert "提升行动" not in names("推进国企改革深化提升行动，")
    # the verbs come in a row, as the launching ones do: 拓展 is no part of a name
    assert names("深化拓展城市更新提质行动。") == ["城市更新提质行动"]
    # an adverb of emphasis before the verb still opens the clause (the work report of 2007:
    # 突出抓好…工程、…工程: every name of the list), as one of going on does (持续深化)
    assert names("突出抓好社区和乡镇综合文化站建设工程、农村电影放映工程、农家书屋工程。") == [
        "社区和乡镇综合文化站建设工程", "农村电影放映工程", "农家书屋工程"
    ]
    assert names("着力深化营商环境优化提升行动，") == ["营商环境优化提升行动"]


def test_a_body_with_a_demonstrative_describes():
    # cpc17: 抓好党员队伍建设这一基础工程; a news item: 落实好这一重大战略性合作项目
    assert names("切实抓好党员队伍建设这一基础工程。") == []
    assert names("全面落实好这一重大战略性合作项目，") == []
