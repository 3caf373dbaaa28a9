"""Stage `zone`: a zone or place a document names whole, twice or more, without a verb."""

from __future__ import annotations

import pytest

from policy_cli.core.formulations import FormulationOptions, extract_formulations
from policy_cli.core.formulations.zones import find_zones
from policy_cli.core.loaders import load_document

from ..conftest import DOCS

PROVINCES = DOCS / "provinces-2025"


def names(text: str) -> list[str]:
    return [c.text for c in find_zones(text, FormulationOptions())]


@pytest.fixture(scope="module")
def shanghai():
    doc = load_document(PROVINCES / "shanghai.txt")
    return doc, {f.text: f for f in extract_formulations(doc)}


def test_a_zone_named_twice_in_a_report_is_found_whole(shanghai):
    doc, found = shanghai
    # 。虹桥国际开放枢纽进一步提升能级 and 落实虹桥国际开放枢纽建设三年行动计划: no verb builds it
    for name in ("虹桥国际开放枢纽", "洋山特殊综合保税区", "长三角生态绿色一体化发展示范区",
                 "东方枢纽国际商务合作区", "崇明世界级生态岛"):
        assert doc.text.count(name) >= 2
        assert name in found and found[name].kind == "name", name
        assert "zone/named-zone" in found[name].evidence


def test_a_head_that_a_longer_name_goes_on_after_is_no_zone(shanghai):
    doc, found = shanghai
    # 上海示范区线东延伸, 上海示范区线等项目: the name is the railway line's, not a zone's
    assert doc.text.count("上海示范区线") == doc.text.count("上海示范区") == 2
    assert "上海示范区" not in found


def test_a_name_that_continues_a_quoted_one_is_left_to_the_quoted_stage(shanghai):
    doc, found = shanghai
    assert doc.text.count("“丝路电商”合作先行区") == 2
    assert "合作先行区" not in found


def test_places_listed_before_a_shared_name_are_not_part_of_it():
    doc = load_document(PROVINCES / "yunnan.txt")
    assert doc.text.count("瑞丽、河口沿边产业园") == 2
    assert "河口沿边产业园" not in names(doc.text)


def test_a_zone_said_once_or_a_kind_of_zone_is_not_named():
    assert names("推进长三角生态绿色一体化发展示范区建设。") == []
    assert names("实际行动，实际行动。一批示范区，一批示范区。") == []


def test_the_longest_name_said_twice_and_standing_alone():
    text = "。前海深港合作区建设加快，深化前海深港合作区改革，推进前海深港合作区开放。"
    assert names(text) == ["前海深港合作区"]
    # a mention inside more of a name (…自贸港前海深港合作区) makes the string no name of its own
    assert names(text + "海南自贸港前海深港合作区。") == []
    # a verb that opens the repeated string is cut off: 建设|…先行区
    assert names("努力建设黄河流域生态保护先行区。建设黄河流域生态保护先行区，") == [
        "黄河流域生态保护先行区"
    ]


def test_a_pointing_word_names_no_zone_and_a_name_is_given_once():
    assert names("。这项工程进展顺利，这项工程已经完工。") == []
    # two repeated strings, each cut to one name after its verb
    text = "。实施退耕还林工程，实施退耕还林工程，推进退耕还林工程，推进退耕还林工程。"
    assert names(text) == ["退耕还林工程"]


def test_a_dash_joins_the_two_places_of_one_name():
    doc = load_document(PROVINCES / "guangxi.txt")
    assert doc.text.count("中国—东盟产业合作区") == 2
    found = names(doc.text)
    assert "中国—东盟产业合作区" in found and "东盟产业合作区" not in found


def test_cut_pieces_of_longer_names_are_not_named():
    # a closing bracket or any dash before the rest of a name: the name is longer
    assert "康养基地" not in names(
        "沪皖共建长三角（广德）康养基地签约建设。加快建设苏皖合作示范区、长三角（广德）康养基地，"
    )
    for dash in "-–－—":
        text = f"。中国{dash}东盟产业合作区建设，推进中国{dash}东盟产业合作区。"
        assert names(text) == [f"中国{dash}东盟产业合作区"]
    # a modifier that the tagger calls a verb does not make the shared tail a name
    assert names("建成协调发展示范区、开放发展先行区，打造创新发展示范区。") == []


def test_the_name_is_what_follows_a_verb_of_building_or_a_conjunction():
    text = "印发《关于支持深圳建设中国特色社会主义先行示范区的意见》。支持深圳建设中国特色社会主义先行示范区，"
    assert names(text) == ["中国特色社会主义先行示范区"]
    assert names("自贸试验区及临港新片区建设持续深化。加快推进自贸试验区及临港新片区建设。") == [
        "临港新片区"
    ]
    # a preposition that opens a name stays (为民办实事工程), one before it goes (在|自贸试验区)
    assert names("全面完成为民办实事工程。实施十大为民办实事工程。") == ["为民办实事工程"]


def test_one_projects_works_are_no_programme():
    text = "。甘肃引洮供水二期工程通水，甘肃引洮供水二期工程。海军某潜艇基地，海军某潜艇基地。"
    assert names(text) == []


def test_no_zone_head_ends_with_another():
    """The stage counts a name's mentions by the head it ends with: a head that ends another
    (新区 and 区) would split one name's mentions between two heads."""
    from policy_cli.core.formulations.zones import _heads

    heads = _heads()
    assert len(heads) > 10
    assert not [(a, b) for a in heads for b in heads if a != b and a.endswith(b)]


def test_an_action_named_whole_twice_is_a_name():
    doc = load_document(PROVINCES / "neimenggu.txt")
    found = {f.text: f for f in extract_formulations(doc)}
    # （七）狠抓助企行动…助企行动就是要…; 自治区党委部署区域合作深化行动…（八）抓好区域合作深化行动
    for name in ("助企行动", "区域合作深化行动", "就业促进行动"):
        assert doc.text.count(name) >= 2
        assert name in found and "zone/named-zone" in found[name].evidence, name


def test_an_action_said_twice_after_a_deploying_verb_or_of_a_kind():
    assert names("。助企行动就是要帮企业，狠抓助企行动。") == ["助企行动"]
    assert names("党委部署区域合作深化行动，要抓好区域合作深化行动。") == ["区域合作深化行动"]
    # a kind of action or works, however often said
    assert names("以实际行动，用实际行动。办好民生工程，办好民生工程。") == []
    # said once
    assert names("党委部署区域合作深化行动。") == []
    # a piece of a clause opened by a preposition or a conjunction (the national news)
    assert names("。俄军继续封锁钢铁厂，并不断发动突击行动。并不断发动突击行动，") == []
    # …unless that word opens a national formulation (和|美乡村: 和美乡村; the review)
    assert names("。和美乡村示范区建设加快，和美乡村示范区成效显著。") == ["和美乡村示范区"]


def test_a_national_park_named_by_its_place_is_a_zone():
    """国家公园 is a zone head: a park a report names twice is listed whole (zone stage), one a
    launching verb opens once is listed by the programme stage; 新区 is no zone head (滨海新区
    names a district of Tianjin's own report, 高新区 a kind of zone)."""
    fujian = load_document(PROVINCES / "fujian.txt")
    assert fujian.text.count("武夷山国家公园") >= 2
    assert "武夷山国家公园" in names(fujian.text)
    guangxi = {f.text: f for f in extract_formulations(load_document(PROVINCES / "guangxi.txt"))}
    assert "programme/zone" in guangxi["西南岩溶国家公园"].evidence
    tianjin = load_document(PROVINCES / "tianjin.txt")
    assert tianjin.text.count("滨海新区") >= 2
    assert not [n for n in names(tianjin.text) if n.endswith("新区")]
