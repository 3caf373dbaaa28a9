"""Stage `proper`: a proper name before the head of an institution, area or fair, said once."""

from __future__ import annotations

import pytest

from policy_cli.core.formulations import FormulationOptions, extract_formulations
from policy_cli.core.formulations.proper import find_proper_names
from policy_cli.core.loaders import load_document

from ..conftest import DOCS

PROVINCES = DOCS / "provinces-2025"


def names(text: str) -> list[str]:
    return [c.text for c in find_proper_names(text, FormulationOptions())]


@pytest.fixture(scope="module")
def found():
    out = {}
    for name in ("tianjin", "guangxi", "hubei", "neimenggu"):
        doc = load_document(PROVINCES / f"{name}.txt")
        out[name] = (doc, {f.text: f for f in extract_formulations(doc)})
    return out


@pytest.mark.parametrize(
    ("report", "name", "rule"),
    [
        ("guangxi", "南宁都市圈", "area"),  # 大力建设现代化|南宁都市圈
        ("guangxi", "北部湾经济区", "area"),  # 北部湾: a place the segmenter tags nr
        ("guangxi", "珠江—西江经济带", "area"),  # two places joined by a dash
        ("guangxi", "广西—文莱经济走廊", "area"),  # after …产业园、: an item with its own head
        ("guangxi", "中国—东盟信息港", "area"),  # a dash joins a place to an abbreviation (j)
        ("hubei", "花湖国际自由贸易航空港", "area"),  # nouns between the place and the head
        ("hubei", "东湖科学城", "institution"),  # 加快…、东湖科学城建设
        ("neimenggu", "大青山实验室", "institution"),  # 建设好|大青山实验室
        ("tianjin", "海河实验室", "institution"),  # 新建低维电子材料|海河实验室
        ("tianjin", "世界智能产业博览会", "fair"),  # a world qualifier with a body of its own
        ("tianjin", "夏季达沃斯论坛", "fair"),  # a season opens a yearly event's name
        ("tianjin", "南港工业区", "area"),
        ("guangxi", "粤桂东西部协作", "pairing"),  # provinces paired by their abbreviations
        ("neimenggu", "京蒙协作", "pairing"),
        ("tianjin", "京津同城化", "pairing"),
    ],
)
def test_a_proper_name_and_a_head_name_one_thing_said_once(found, report, name, rule):
    doc, formulations = found[report]
    assert name in doc.text
    assert name in formulations and formulations[name].kind == "name", name
    assert f"proper/{rule}" in formulations[name].evidence


def test_what_describes_the_proper_name_before_it_is_left_out(found):
    doc, formulations = found["tianjin"]
    assert "新建低维电子材料海河实验室" in doc.text
    assert not [t for t in formulations if t.endswith("海河实验室") and t != "海河实验室"]


def test_a_province_by_its_one_character_name_opens_the_place_after_it():
    assert names("出台支持川东北经济区以工业振兴为重点。") == ["川东北经济区"]


def test_a_head_with_no_proper_name_before_it_names_nothing():
    assert names("打造区域性经济带，举办农产品交易会，建设重点实验室。") == []
    # a one-character place is a cut piece or an abbreviation (在京: in Beijing)
    assert names("支持在京国家实验室承担任务。") == []


def test_a_qualifier_needs_a_body_of_its_own():
    assert names("加快建设全国一体化算力网。") == ["全国一体化算力网"]
    assert names("建设国家实验室。建设全国重点实验室。") == []
    # 国家 after a region's name: its countries (…加勒比国家航天合作论坛), no national name
    assert names("首届中国－拉美和加勒比国家航天合作论坛专门致贺信。") == []


def test_works_and_counted_kinds_are_no_names():
    # the works of a project after the head (…二期), a count of a kind (10家…)
    assert names("加快南港工业区二期建设。") == []
    assert names("拥有10家湖北实验室，推进湖北实验室扩容提档。") == []


def test_pieces_of_a_list_and_meetings_of_a_forum_are_no_names():
    # the last item of a list that shares the head
    assert names("支持紫金山、太湖、钟山、云龙湖实验室承担任务。") == []
    # the summit of a forum, and a forum among the summits a leader attended
    assert names("成功举行中非合作论坛峰会。") == []
    assert names("出席联合国系列峰会、世界经济论坛等重大活动。") == []


def test_an_institution_is_named_where_the_document_founds_or_builds_it():
    assert names("院士、之江实验室主任王坚。") == []
    assert names("组建之江实验室。") == ["之江实验室"]


def test_a_quoted_name_opens_the_name_of_its_forum():
    assert names("落实“一带一路”国际合作高峰论坛成果。") == ["一带一路国际合作高峰论坛"]
    # 高峰论坛 is a kind of forum: 高峰 opens no name
    assert names("中国500强企业高峰论坛举办。") == []


def test_the_clause_before_a_name_is_read_within_a_bound():
    from policy_cli.core.formulations.proper import _clause_start
    from policy_cli.core.formulations.vocab import words

    # a text without clause marks: each head reads a bounded stretch, not all before it
    text = "北京实验室" * 1000
    assert _clause_start(text, len(text), 32, words()) == len(text) - 32
    assert _clause_start("甲，组建鹿城实验室", 4, 32, words()) == 2


@pytest.mark.parametrize(
    ("path", "name", "rule"),
    [
        ("gwr-2018.txt", "国家融资担保基金", "fund"),  # a national qualifier, a verb in its body
        ("central-no1-2018.txt", "国家融资担保基金", "fund"),
        ("provinces-2025/tianjin.txt", "海河产业基金", "fund"),  # a place opens a fund's name
        ("provinces-2025/shanghai.txt", "G60科创走廊", "area"),  # a route's code opens it
    ],
)
def test_funds_and_corridors(path, name, rule):
    doc = load_document(DOCS / path)
    assert name in doc.text
    formulations = {f.text: f for f in extract_formulations(doc)}
    assert name in formulations and formulations[name].kind == "name", name
    assert f"proper/{rule}" in formulations[name].evidence


def test_a_fund_needs_a_proper_name_or_a_national_qualifier():
    assert names("设立海河产业基金。") == ["海河产业基金"]
    assert names("设立国家融资担保基金。") == ["国家融资担保基金"]
    # kinds of fund: no proper name opens them, and a kind's nouns said alone name none
    assert names("建立政府投资基金，设立母基金。") == []
    assert names("扩大失业保险基金规模。落实失业保险。") == []


def test_a_verb_in_the_body_is_kept_after_a_national_qualifier_only():
    # after a place, a verb may make a kind of lab: 宁德时代|创新|实验室, “一带一路”|联合|实验室
    assert names("组建宁德时代创新实验室。") == []
    assert names("布局建设“一带一路”联合实验室。") == []


def test_kinds_of_fund_corridor_and_lab_and_places_reached_are_no_names():
    # (review) a person's tag before a fund, any corridor, a code before a lab, a verb of reaching
    assert names("设立养老基金。上海医院走廊里挤满了病人。建设P3实验室。消防通道设在B1走廊。") == []
    assert names("欢迎来到南宁都市圈。推动成果转移到海河实验室。") == ["南宁都市圈", "海河实验室"]


def test_a_route_code_opens_a_corridor_and_a_route_end_opens_none():
    assert names("大力提升G60科创走廊能级。") == ["G60科创走廊"]
    assert names("提升5G网络走廊。") == []
    # the end of a route from one place to another is a piece of the route's name
    assert names("建设赤峰至锦州港至上海绿氢走廊。") == []


def test_a_pairing_is_of_distinct_provinces_not_inside_a_longer_run():
    assert names("深化闽宁协作，推动京津冀协同发展。推进闽宁对口扶贫协作。") == [
        "闽宁协作", "京津冀协同发展", "闽宁对口扶贫协作"
    ]
    # one province twice; a character before it that abbreviates another; no work done together
    assert names("京京协作。推进苏浙皖沪赣一体化。闽宁两省协作。") == []
    # the abbreviations open a word: 创新|闽宁协作, 依托数字平台|京津冀协同发展
    assert names("创新闽宁协作机制。依托数字平台京津冀协同发展。") == ["闽宁协作", "京津冀协同发展"]


def test_a_resource_carried_between_regions_is_a_name():
    """Rule `transfer`: the Anhui report of 2025 (陕电入皖特高压工程开工建设), the Chongqing one
    (疆电入渝等重大项目), the Shanghai one (推进蒙电入沪); toward a quarter or out of a region, as
    the news says them (川气东送, 北煤南运, 疆电外送, 南水进京); the region opens a word (山西|电…: no
    西电外送), and the province it goes to ends one."""
    assert names("陕电入皖特高压工程开工建设。") == ["陕电入皖"]
    assert names("推进川气东送、北煤南运，扩大疆电外送。") == ["川气东送", "北煤南运", "疆电外送"]
    assert names("山西电外送能力提升。电入户工程。") == []
    # the province it goes to opens a longer name: 京津冀, 皖南
    assert names("加快蒙电入京津冀通道建设。加快陕电入皖南工程。") == []
    assert names("南水进京后歇脚的调节池。") == ["南水进京"]  # from a quarter into a province
    for report, name in (("anhui", "陕电入皖"), ("chongqing", "疆电入渝"), ("shanghai", "蒙电入沪")):
        text = load_document(PROVINCES / f"{report}.txt").text
        assert name in names(text), report


def test_cities_of_one_province_paired_by_their_initials_are_a_name():
    # the Guangxi, Inner Mongolia and Anhui reports of 2025: 北海, 钦州, 防城港; 呼和浩特, 包头,
    # 鄂尔多斯, 乌兰察布 (after a function word the segmenter glues: 以呼|包鄂乌); 安庆, 池州, 铜陵
    assert names("深入推进北钦防一体化。以呼包鄂乌同城化合力打造增长极。推动安池铜一体化。") == [
        "北钦防一体化", "呼包鄂乌同城化", "安池铜一体化"
    ]


def test_city_initials_refuse():
    # a word of the dictionary (南北); cities of different provinces (宁: 宁波, 宁德; 镇: 镇江);
    # a run that does not open a word; a kind of place, not cities (区域)
    assert names("推动南北协同发展。推进宁镇扬一体化。推进区域一体化。") == []


def test_what_china_builds_with_other_countries_is_a_name_not_its_forums():
    # the Yunnan, Inner Mongolia and Hubei reports of 2025; the national news
    found = {c.text: c.rule for c in find_proper_names(
        "中老铁路累计发送旅客。推进中蒙俄经济走廊建设。建设中马钦州产业园区。", FormulationOptions()
    ) if c.rule == "bilateral"}
    assert set(found) == {"中老铁路", "中蒙俄经济走廊", "中马钦州产业园区"}
    # a 中 inside a word (集中, 其中, 发展中); a verb, a count or an ordinal between the countries
    # and the work (中泰|开展|铁路, 中老、中越|两条|铁路, 中俄|首座跨江|铁路); a list of countries
    # cut (孟|中印缅); 加 of 加快 and 加强 read as Canada
    for text in (
        "集中老工业园区改造。", "其中新建产业园区。", "在发展中加快工业园区建设。",
        "中泰开展铁路合作。", "中泰加强铁路合作。", "中老、中越两条国际铁路。",
        "中俄首座跨江铁路大桥。", "推动孟中印缅经济走廊建设。",
    ):
        assert not [c for c in find_proper_names(text, FormulationOptions())
                    if c.rule == "bilateral"], text
    # a 中 the segmenter glues to a function word before it; a word ending in a country's
    # character (义乌); a verbal noun between (合作)
    glued = {c.text for c in find_proper_names(
        "中老商定以中老铁路为依托。开行义乌中欧班列。建设中德合作产业园。", FormulationOptions()
    ) if c.rule == "bilateral"}
    assert glued == {"中老铁路", "中欧班列", "中德合作产业园"}


def test_a_bilateral_park_may_name_its_host_city_in_brackets():
    # the Guangxi report of 2025 (中柬(北海)产业园, analysed with the brackets widened); what stands
    # in the brackets is Chinese, and the words after them are nouns as without them
    found = {c.text for c in find_proper_names(
        "启动建设中柬（北海）产业园。加快建设中德（沈阳）装备产业园。", FormulationOptions()
    ) if c.rule == "bilateral"}
    assert found == {"中柬（北海）产业园", "中德（沈阳）装备产业园"}
    for text in ("中柬（2025）产业园。", "中柬（北海）开展产业园建设。", "中柬（北海产业园。",
                 "中老（加快）铁路。", "中欧（含中亚）班列。"):  # (a verb in the brackets)
        assert not [c for c in find_proper_names(text, FormulationOptions())
                    if c.rule == "bilateral"], text
