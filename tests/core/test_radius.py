"""Stage `radius`: a service or travel radius named by its time; and stage `programme`'s year
campaigns."""

from __future__ import annotations

from policy_cli.core.formulations import FormulationOptions, extract_formulations
from policy_cli.core.formulations.radius import find_radii
from policy_cli.core.loaders import load_document, load_text

from ..conftest import DOCS


def names(text: str) -> list[str]:
    return [c.text for c in find_radii(text, FormulationOptions())]


def test_circles_named_by_their_time_in_a_report():
    doc = load_document(DOCS / "provinces-2025" / "hubei.txt")
    found = {f.text: f for f in extract_formulations(doc)}
    # 城市12分钟急救圈、农村30分钟医疗圈初步形成
    for name in ("12分钟急救圈", "30分钟医疗圈", "15分钟托育服务圈"):
        assert name in found and found[name].kind == "name", name
    assert names("建设城市一刻钟便民生活圈，形成2小时交通圈。") == ["一刻钟便民生活圈", "2小时交通圈"]


def test_a_lap_or_a_clause_is_no_circle():
    assert names("飞船90分钟可绕地球一圈。") == []
    assert names("他用了30分钟的时间走完一圈。") == []


def test_a_year_given_to_a_campaign_is_named_after_its_launch():
    doc = load_document(DOCS / "provinces-2025" / "hubei.txt")
    found = {f.text: f for f in extract_formulations(doc)}
    # 深入开展重大项目攻坚突破年活动; 扎实开展投资提质年活动
    for name in ("重大项目攻坚突破年", "投资提质年"):
        assert name in found and "programme/year" in found[name].evidence, name


def test_an_anniversary_is_no_campaign_year():
    from policy_cli.core.formulations.programmes import find_programmes

    texts = [c.text for c in find_programmes("开展庆祝人民政协成立70周年活动。", FormulationOptions())]
    assert texts == []
    assert names("一分钟转圈。") == []


def test_circles_of_every_common_shape():
    assert names("构建15分钟就业服务圈，形成“1小时通勤圈、2小时都市圈”，打造1.5小时经济圈、"
                 "半小时经济圈和十五分钟就医圈。") == [
        "15分钟就业服务圈", "1小时通勤圈", "2小时都市圈", "1.5小时经济圈", "半小时经济圈",
        "十五分钟就医圈",
    ]
    # the end of a range is no count; a turn is no circle
    assert names("形成1到2小时交通圈。10分钟内转圈。") == []


def test_an_anniversary_or_a_bare_year_is_no_campaign_year():
    from policy_cli.core.formulations.programmes import find_programmes

    for text in ("开展庆祝中国共产党成立100年活动。", "开展纪念改革开放40年活动。", "开展2024年活动。"):
        assert [c.text for c in find_programmes(text, FormulationOptions())] == [], text


def test_circles_found_before_their_heads_are_the_ones_the_pattern_finds():
    import random

    from policy_cli.core.formulations.radius import _radius, _radius_matches

    rnd = random.Random(5)
    pieces = ["15分钟", "1.5小时", "半小时", "十五分钟", "1到2", "生活", "圈", "就医", "一", "内", "转"]
    texts = [p.read_text(encoding="utf-8") for p in sorted(DOCS.rglob("*.txt"))]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 20))) for _ in range(5000)]
    found = 0
    for text in texts:
        plain = [m.span() for m in _radius(8).finditer(text)]
        assert [m.span() for m in _radius_matches(text, 8, ("圈",))] == plain
        found += len(plain)
    assert found > 500


def test_circles_named_by_their_distance_or_with_their_count_in_quotes():
    # real text: the Anhui report of 2025 (提升“三公里”就业圈服务功能): the count and its unit in
    # quotes, the name listed without them, from the count on
    doc = load_document(DOCS / "provinces-2025" / "anhui.txt")
    found = {f.text: f for f in extract_formulations(doc)}
    assert "三公里就业圈" in found and "radius/distance" in found["三公里就业圈"].evidence
    text = "打造“15分钟”便民生活圈，建成5公里健身圈。"
    circles = list(find_radii(text, FormulationOptions()))
    assert [(c.text, c.rule) for c in circles] == [
        ("15分钟便民生活圈", "time"), ("5公里健身圈", "distance"),
    ]
    assert [text[c.offset : c.offset + 2] for c in circles] == ["15", "5公"]
    # quotes of two pairs hold no count (「三公里”, “15分钟")
    assert names("提升「三公里”就业圈。打造“15分钟\"便民生活圈。") == []
    # the quoted count alone is no formulation of its own where it names a circle
    assert "三公里" not in found
    texts = {f.text for f in extract_formulations(load_text("打造“15分钟”便民生活圈。落实“三公里”。"))}
    assert texts >= {"15分钟便民生活圈"} and "15分钟" not in texts, texts
