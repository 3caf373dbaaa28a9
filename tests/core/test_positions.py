"""Stage `position`: positioning names, the roles the centre assigns a region (its 定位)."""

from __future__ import annotations

import pytest

from policy_cli.core.formulations import FormulationOptions, extract_formulations
from policy_cli.core.formulations.positions import find_positions
from policy_cli.core.loaders import load_document, load_text

from ..conftest import DOCS

PROVINCES = DOCS / "provinces-2025"


def names(text: str, options: FormulationOptions | None = None) -> list[str]:
    return [c.text for c in find_positions(text, options or FormulationOptions())]


def test_the_object_of_a_verb_of_becoming_with_a_role_head_is_a_positioning():
    assert names("加快打造内陆地区改革开放高地；更好统筹发展和安全。") == ["内陆地区改革开放高地"]
    assert names("扎实筑牢我国南方生态安全屏障。") == ["我国南方生态安全屏障"]
    assert names("高水平建设面向东盟的金融开放门户。") == ["面向东盟的金融开放门户"]


def test_a_complement_of_result_is_the_verbs():
    assert names("把武汉建设成为国家中心城市，") == ["国家中心城市"]


def test_a_designation_is_a_role_with_a_scope_and_a_site_without_one():
    assert names("加快建设国际消费中心城市。") == ["国际消费中心城市"]
    # a project site: a place and its works, no level or area it is for
    assert names("加快建设低空飞行器试飞测试基地，支持建设锡林郭勒工业固废综合利用基地。") == []
    # a sector's boast, beside the role of 内陆开放高地
    assert names("打造低空制造产业高地。") == []
    # the nation's first: a record, not a role
    assert names("建设全国首个人工智能数据训练基地。") == []


def test_the_places_of_a_role_are_role_heads():
    # (Anhui's and Chongqing's reports of 2025)
    assert names("围绕打造新兴产业聚集地，强化以科技创新带动产业创新，") == ["新兴产业聚集地"]
    assert names("（八）聚力打造高品质生活宜居地，在富民惠民安民上取得新成效。") == [
        "高品质生活宜居地"
    ]
    assert names("打造北京非首都功能疏解集中承载地。") == ["北京非首都功能疏解集中承载地"]
    # a new high ground is a role; a plain one may be a sector's boast (above)
    assert names("加快打造改革开放新高地，") == ["改革开放新高地"]
    assert names("打造低空制造产业高地。") == []
    # a body that names no field of its own
    assert names("努力打造发展新高地。") == []
    # the titles a city takes (Beijing's report of 2025)
    assert names("加快建设全球数字经济标杆城市。") == ["全球数字经济标杆城市"]
    assert names("积极打造国际绿色经济标杆城市，") == ["国际绿色经济标杆城市"]


def test_a_description_said_once_is_praise_not_a_name():
    assert names("加快建设具有世界聚合力的双向开放枢纽，") == []
    text = "打造具有全国影响力的科技创新中心。用好支持科技创新中心的政策，"
    assert names(text) == ["具有全国影响力的科技创新中心"]


def test_a_title_won_is_no_positioning():
    assert names("积极争创国家医学中心。支持同济医院创建国家医学中心，") == []


def test_a_count_a_list_or_a_conjunct_cut_short_names_none():
    assert names("建设一批国家级示范基地，打造2个国家级物流枢纽，") == []
    # 世界重要人才中心和|创新高地: two names, the second too short to stand alone
    assert names("加快建设世界重要人才中心和创新高地，") == []


def test_two_joined_names_are_two_and_a_joined_modifier_is_one():
    assert names("建设国家医学中心和区域医疗中心。") == ["国家医学中心", "区域医疗中心"]
    # (and both must be roles: 首都公共卫生中心 has no scope)
    assert names("建设国家医学中心和首都公共卫生中心。") == []
    assert names("建设国家物流枢纽、国家骨干冷链物流基地，") == ["国家物流枢纽", "国家骨干冷链物流基地"]


def test_a_name_opening_a_clause_on_its_building_or_heading_its_part():
    assert names("取得新进展。铸牢中华民族共同体意识示范区建设走深走实，") == [
        "铸牢中华民族共同体意识示范区"
    ]
    assert names("绿色食品。\n向北开放桥头堡方面，新缔结3对国际友城") == ["向北开放桥头堡"]
    # a clause opened by a verb is a programme's, not a subject's
    assert names("。全面深化高水平人才高地建设，") == []
    assert names("聚焦改革开放先行区建设，以经济体制改革为牵引") == ["改革开放先行区"]


def test_three_parallel_names_after_one_verb_are_one_positioning():
    text = "打造知识积聚富集区、创新策源活跃区、科技服务引领区、创新生态示范区，优化政策"
    assert "知识积聚富集区、创新策源活跃区、科技服务引领区、创新生态示范区" in names(text)
    # sites of unequal length and no role: a list, not a positioning
    assert names("打造服务全国的绿算保障基地、数据加工基地、大模型训练基地，") == []


def test_the_thresholds_are_options():
    text = "加快打造内陆地区改革开放高地；"
    assert names(text, FormulationOptions(position_max_len=6)) == []
    assert names("当好开放桥头堡。") == ["开放桥头堡"]
    assert names("当好开放桥头堡。", FormulationOptions(position_min_len=6)) == []


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ("hubei.txt", ["内陆地区改革开放高地", "中部地区崛起的重要战略支点"]),
        ("guangxi.txt", ["面向东盟的金融开放门户", "国内国际双循环市场经营便利地",
                         "教育稳边固边示范带"]),
        ("neimenggu.txt", ["向北开放桥头堡", "能源和战略资源基地", "农畜产品生产基地"]),
        ("tianjin.txt", ["国际消费中心城市", "改革开放先行区"]),
    ],
)
def test_the_provincial_reports_name_their_positionings(document, expected):
    doc = load_document(PROVINCES / document)
    found = {f.text: f for f in extract_formulations(doc)}
    for name in expected:
        assert name in found, name
        assert any(e.startswith("position/") for e in found[name].evidence)


def test_neimenggu_project_sites_are_not_positionings():
    doc = load_document(PROVINCES / "neimenggu.txt")
    found = {c.text for c in find_positions(doc.text, FormulationOptions())}
    for site in ("低空飞行器试飞测试基地", "锡林郭勒工业固废综合利用基地", "数据加工基地",
                 "大模型训练基地", "人工智能产业基地"):
        assert site not in found


def test_the_stage_can_be_switched_off():
    doc = load_document(PROVINCES / "neimenggu.txt")
    off = FormulationOptions(disabled_stages=frozenset({"position"}))
    assert "向北开放桥头堡" not in {f.text for f in extract_formulations(doc, options=off)}


def test_a_site_is_no_programme_zone_either():
    from policy_cli.core.formulations.programmes import find_programmes

    text = ("打造服务全国的绿算保障基地、数据加工基地、大模型训练基地，加快建设低空飞行器试飞测试基地，"
            "高标准建设国家南繁育种基地。")
    found = [c.text for c in find_programmes(text, FormulationOptions())]
    assert found == ["国家南繁育种基地"]


def test_neimenggu_lists_none_of_its_project_sites():
    doc = load_document(PROVINCES / "neimenggu.txt")
    found = {f.text for f in extract_formulations(doc)}
    for site in ("数据加工基地", "大模型训练基地", "低空飞行器试飞测试基地", "人工智能产业基地",
                 "锡林郭勒工业固废综合利用基地"):
        assert site not in found


def test_a_sentence_with_a_pronoun_or_a_done_act_before_a_head_is_no_positioning():
    # a news item of 2016 on a visit: 他还实地察看了|新媒体创业基地|建设情况 opens its clause
    # with the name's head and 建设 after it, but a pronoun and 了 make it a sentence
    found = {f.text for f in extract_formulations(load_text(
        "他还实地察看了新媒体创业基地建设情况，亲切会见了报社干部职工代表。", source="t"
    ))}
    assert not any(t.startswith("他") for t in found), found

    # a pronoun of the speaker's own country opens a name (我国|向北开放重要桥头堡)
    found = {f.text for f in extract_formulations(load_text(
        "我国向北开放重要桥头堡建设取得新进展。围绕我国向北开放重要桥头堡，加快建设。", source="t"
    ))}
    assert "我国向北开放重要桥头堡" in found, found
