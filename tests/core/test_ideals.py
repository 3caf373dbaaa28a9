"""Stage `ideal`: an ideal and the place it is wished for."""

from __future__ import annotations

from policy_cli.core.formulations import FormulationOptions, extract_formulations
from policy_cli.core.formulations.ideals import find_ideals
from policy_cli.core.loaders import load_document

from ..conftest import DOCS


def ideals(text: str) -> list[str]:
    return [c.text for c in find_ideals(text, FormulationOptions())]


def test_a_national_ideal_and_its_echo_in_a_province():
    assert ideals("建设美丽中国，打造美丽上海，推进平安乡村建设。") == ["美丽中国", "美丽上海", "平安乡村"]


def test_an_ideal_before_no_place_is_no_slogan():
    # 绿色发展, 健康发展, 法治思维: the second word is no place
    assert ideals("坚持绿色发展，推动健康发展，运用法治思维。") == []


def test_the_provincial_report_names_its_own_ideal():
    doc = load_document(DOCS / "provinces-2025" / "yunnan.txt")
    assert "美丽云南" in {f.text for f in extract_formulations(doc)}


def test_an_ideal_of_a_province_or_city_may_go_on_in_its_clause():
    # 打造数字福建升级版 (Fujian, 2025): a place of places.tsv, a word of its own
    assert ideals("打造数字福建升级版，绘就美丽重庆新画卷。") == ["数字福建", "美丽重庆"]
    # a generic place or a word the tagger takes for a place goes on only at a clause's edge
    # (美丽乡村|示范村, 健康|深度|指数)
    assert ideals("打造美丽乡村示范村，提升健康深度指数。") == []
    # an ideal right before another is read first: 宜居乡村 is a piece of 美丽宜居乡村
    assert ideals("建设美丽宜居乡村。") == []


def test_the_image_a_province_gives_itself_by_its_name():
    # (the reports of Anhui and Inner Mongolia, 2025)
    assert ideals("在推进高质量发展、全面建设美好安徽上取得新的更大进展。") == ["美好安徽"]
    assert ideals("三北精神是拼出来的，亮丽内蒙古是干出来的。") == ["亮丽内蒙古"]
    # an image before no place of places.tsv is a word (美好家园, 美好生活)
    assert ideals("共建美好家园，创造美好生活，") == []


def test_new_and_a_place_s_own_name_is_the_place_it_is_building():
    # the Fujian and Chongqing reports of 2025; a qualifier of the goal right before 新 is part
    # of its name (现代化新重庆, as a blind reading of the Chongqing report lists it)
    assert ideals("新福建建设取得新成效。推动现代化新重庆建设。") == ["新福建", "现代化新重庆"]
    # (the national news: not cut inside 社会主义现代化)
    assert ideals("建设团结富裕文明和谐美丽的社会主义现代化新西藏。") == ["社会主义现代化新西藏"]
    # 创新|福建: 新 ends another word; 新中国, 新农村: no place of places.tsv
    assert ideals("创新福建发展模式。新中国成立75周年。推进新农村建设。") == []


def test_a_field_that_makes_a_place_strong():
    found = ideals(
        "加快建设科技强省，深入实施人才兴皖工程，坚定实施科教兴国战略、人才强国战略，"
        "加快高等教育强省建设，纵深推进文化兴滇。"
    )
    assert found == ["科技强省", "人才兴皖", "科教兴国", "人才强国", "高等教育强省", "文化兴滇"]


def test_a_strengthening_verb_without_its_field_is_no_name():
    # a verb before 强省, a count before 强县, 强 inside another word, 强省会 another name
    assert ideals(
        "绘好强省建设蓝图，推动全国百强县进位，大力开拓新兴市场，全面加强国防动员，"
        "深入实施强省会战略。"
    ) == []


def test_a_verb_of_command_tagged_a_noun_is_no_field():
    # the work report of 2010: （四）全面实施科教兴国战略 (全面实施 is one word, tagged a noun)
    assert ideals("（四）全面实施科教兴国战略和人才强国战略。") == ["科教兴国", "人才强国"]


def test_provincial_reports_name_their_strong_province():
    for name, expected in (("yunnan", "文化兴滇"), ("fujian", "制造业强省"), ("hubei", "文化强省")):
        doc = load_document(DOCS / "provinces-2025" / f"{name}.txt")
        assert expected in {f.text for f in extract_formulations(doc)}, name
