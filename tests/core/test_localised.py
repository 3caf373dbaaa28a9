"""Stage `localised`: a name with its place in brackets (issue 12).

Sentences of the Anhui, Chongqing and Fujian reports of 2025 and of the national news.
"""

from __future__ import annotations

from policy_cli.core.formulations import FormulationOptions, extract_formulations
from policy_cli.core.formulations.localised import find_localised
from policy_cli.core.loaders import load_text

from ..conftest import DOCS


def names(text: str) -> list[str]:
    return [c.text for c in find_localised(text, FormulationOptions())]


def test_a_national_name_with_a_province_in_brackets_is_one_name():
    assert names("中国（安徽）自贸试验区推出全国首创制度。") == ["中国（安徽）自贸试验区"]
    assert names("加快中国建造（安徽）互联网平台推广应用。") == ["中国建造（安徽）互联网平台"]
    assert names("区域创新能力持续增强。西部（重庆）科学城加快建设。") == ["西部（重庆）科学城"]


def test_the_sentence_s_verbs_before_the_name_are_not_its_own():
    assert names("做大做强中国东南（福建）科学城。") == ["中国东南（福建）科学城"]
    assert names("完善长江（安徽）经济带高质量发展支持政策。") == ["长江（安徽）经济带"]
    assert names("高水平建设中欧班列（郑州）集结中心。") == ["中欧班列（郑州）集结中心"]
    # the name ends with its first head (a strategy for the zone is another name)
    assert names("实施中国（安徽）自贸试验区提升战略。") == ["中国（安徽）自贸试验区"]


def test_no_place_no_head_or_a_name_cut_makes_none():
    assert names("开展乡镇（街道）综合行政执法规范化建设试点。") == []  # (乡镇: no place)
    assert names("皖北28个县（市、区）地下水水源替换。") == []
    assert names("中欧班列（成渝）累计开行3.6万列。") == []  # (成渝: two places, no head after)
    # the walk back stops at RCEP, inside the forum's name: a piece, not a name
    assert names("办好徽商大会、RCEP地方政府暨友城合作（黄山）论坛。") == []
    # …and at a date the segmenter cut inside the name (2019日|韩: 日韩, Japan and Korea)
    assert names("2019日韩（青岛）进口商品博览会开幕。") == []
    assert names("2019中国（宁波）特色文博会开幕。") == ["中国（宁波）特色文博会"]
    # a head inside a longer word ends no name (城市|化, 基地|化)
    assert names("推进中国（安徽）现代物流产业发展城市化进程。") == []
    assert names("推动中国（安徽）产业发展基地化建设。") == []


def test_the_whole_extractor_lists_the_localised_name_not_its_piece():
    texts = {f.text for f in extract_formulations(load_text(
        "中国（安徽）自贸试验区推出全国首创制度。实施中国（安徽）自贸试验区提升战略。", source="t"
    ))}
    assert "中国（安徽）自贸试验区" in texts
    assert "自贸试验区" not in texts


def test_a_zone_named_by_its_place_is_one_name_said_once():
    # the Guangxi report of 2025: a place of places.tsv, what the zone is for, the zone's head
    assert names("统筹推进防城港国际医学开放试验区、南宁临空经济示范区等建设。") == [
        "防城港国际医学开放试验区", "南宁临空经济示范区",
    ]
    assert names("统筹推进广西自贸试验区、中马“两国双园”等平台建设。") == ["广西自贸试验区"]
    # the words right before the head may be verbs (自主|创新|示范区), not a verb before a noun
    assert names("支持北京中关村国家自主创新示范区建设。") == ["北京中关村国家自主创新示范区"]


def test_a_clause_a_site_or_a_longer_word_makes_no_placed_zone():
    assert names("支持漳州建设世界一流石化产业基地。") == []  # (a verb: a clause)
    assert names("推动北京各产业园发展。") == []  # (a function word)
    assert names("北京商务中心区当选全球商务区。") == []  # (a verb inside, not before the head)
    assert names("来到位于大连高新技术产业园区的企业。") == []  # (产业园|区)
    assert names("建设泉州骨干冷链物流基地。") == []  # (a site, no policy's zone)


def test_a_place_names_its_reform_pilot_and_its_model_of_practice():
    # the Fujian report of 2025: 深化厦门综合改革试点; 因地制宜推广三明医改经验; a model with no
    # place (地方改革经验) names none
    fujian = (DOCS / "provinces-2025" / "fujian.txt").read_text(encoding="utf-8")
    found = {c.text: c.rule for c in find_localised(fujian, FormulationOptions())}
    assert found.get("厦门综合改革试点") == "placed"
    assert found.get("三明医改经验") == "placed"
    assert not [
        c for c in find_localised("总结推广地方改革经验。", FormulationOptions())
        if c.text.endswith("经验")
    ]
