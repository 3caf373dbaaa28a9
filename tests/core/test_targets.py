"""Targets: recall of the gold headline targets of the 2021 and 2022 national work reports,
plus behaviour on unannotated reports (other years, provinces) and on news."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest

from policy_cli.core.loaders import load_document, load_text
from policy_cli.core.targets import extract_targets, label
from tests.conftest import DOCS, FOUNDING, gold, gold_document
from tests.scoring import score_targets


def _targets(path):
    return extract_targets(load_document(path))


@pytest.fixture(scope="module")
def gwr2022():
    return _targets(DOCS / "gwr-2022.txt")


@pytest.mark.parametrize("name", ["targets-gwr-2021.json", "targets-gwr-2022.json"])
def test_recall_of_gold_targets(name: str) -> None:
    g = gold(name)
    out = {"targets": [asdict(t) for t in _targets(gold_document(g))]}
    core = score_targets(g, out, recall=0.9, core_only=True)
    every = score_targets(g, out, recall=0.9)
    print(f"\n{name} core: {core}\n{name} all: {every}")
    assert core.ok, core
    assert every.ok, every


def test_headline_values_and_modifiers(gwr2022) -> None:
    by = {t.indicator: t for t in gwr2022 if t.core}
    assert by["国内生产总值增长"].value == "5.5%左右"
    assert by["国内生产总值增长"].modifier == "左右"
    assert by["城镇调查失业率"].value == "5.5%以内"
    assert by["赤字率"].value == "2.8%左右"
    assert by["地方政府专项债券"].value == "3.65万亿元"
    assert by["国际收支"].value == "基本平衡"
    assert by["能耗强度"].value.startswith("在“十四五”规划期内统筹考核")
    assert by["能耗强度"].note == "no annual number set"
    # the headline list comes first, in the order the report states it
    assert [t.indicator for t in gwr2022[:2]] == ["国内生产总值增长", "城镇新增就业"]


def test_every_target_points_at_its_text(gwr2022) -> None:
    doc = load_document(DOCS / "gwr-2022.txt")
    for t in gwr2022:
        assert doc.text[t.offset : t.offset + len(t.text)] == t.text


def test_five_year_targets_are_marked() -> None:
    ts = _targets(DOCS / "gwr-2021.txt")
    five = {t.indicator: t for t in ts if t.period == "十四五"}
    assert five["城镇调查失业率"].value == "5.5%以内"
    assert five["森林覆盖率"].value == "24.1%"
    annual = {t.indicator: t for t in ts if t.core}
    assert annual["城镇调查失业率"].value == "5.5%左右"


def test_aliases_join_years() -> None:
    """单位国内生产总值能耗 (2018) and 能耗强度 (2022) share one name, as do 地方专项债券 and
    地方政府专项债券, so that `diff` can join the two years; the name as written is kept."""
    ts = {t.canonical: t for t in _targets(DOCS / "gwr-2018.txt") if t.core}
    assert ts["能耗强度"].indicator == "单位国内生产总值能耗"
    assert ts["地方政府专项债券"].indicator == "地方专项债券"
    assert ts["能耗强度"].value == "下降3%以上"
    assert ts["地方政府专项债券"].value == "1.35万亿元"
    assert ts["赤字率"].value == "2.6%"
    assert ts["城镇调查失业率"].value == "5.5%以内"


def test_explicit_no_target() -> None:
    text = (
        "今年发展主要预期目标是：城镇新增就业900万人以上，城镇调查失业率6%左右；"
        "居民消费价格涨幅3.5%左右。需要说明的是，我们没有提出全年经济增速具体目标，"
        "主要因为全球疫情和经贸形势不确定性很大。"
    )
    ts = extract_targets(load_text(text, source="2020"))
    gdp = [t for t in ts if t.canonical == "国内生产总值增长"]
    assert gdp and gdp[0].value == label("not_set") and gdp[0].note
    assert any(t.indicator == "城镇新增就业" and t.value == "900万人以上" for t in ts)


@pytest.mark.parametrize(
    ("name", "indicator", "value"),
    [
        ("provinces-2025/hubei.txt", "国内生产总值增长", "6%左右"),
        ("provinces-2025/fujian.txt", "国内生产总值增长", "5.0%—5.5%"),
        ("provinces-2025/anhui.txt", "城镇新增就业", "68万人左右"),
        ("provinces-2025/chongqing.txt", "能耗强度", "下降2.5%"),
        ("local-jiangsu-2025.txt", "居民收入增长", "与经济增长基本同步"),
    ],
)
def test_provincial_reports(name: str, indicator: str, value: str) -> None:
    ts = [t for t in _targets(DOCS / name) if t.core]
    assert any(t.canonical == indicator and t.value == value for t in ts), ts[:12]


def test_retrospective_figures_are_not_targets() -> None:
    """Fujian's review of 2024 (地区生产总值57761亿元) states results, not targets."""
    ts = _targets(DOCS / "provinces-2025/fujian.txt")
    assert not any("57761" in t.value for t in ts)


def test_news_slogan_target() -> None:
    ts = _targets(FOUNDING)
    assert [(t.indicator, t.value) for t in ts] == [("文化产业", "冲刺万亿大关")]


def test_documents_without_targets() -> None:
    assert extract_targets(load_text("今天天气很好。", source="x")) == []


def test_congress_report_stage_goals() -> None:
    """The 19th congress report sets no figures, only stages, its years in Chinese numerals."""
    doc = load_document(DOCS / "cpc19-report.txt")
    ts = extract_targets(doc)
    assert ts and all(t.section == "阶段目标" and not t.core for t in ts)
    got = {(t.period, t.indicator, t.value) for t in ts}
    assert ("2035年", "社会主义现代化", "基本实现") in got  # 再奋斗十五年，基本实现…: the clause after
    assert ("本世纪中叶", "富强民主文明和谐美丽的社会主义现代化强国", "建成") in got
    assert ("2035年", "国防和军队现代化", "基本实现") in got
    for t in ts:  # every target points at its own clause
        assert doc.text.startswith(t.text, t.offset)


def test_doubling_goals_and_chinese_numeral_years() -> None:
    text = (
        "确保到二〇二〇年实现全面建成小康社会宏伟目标。"
        "实现国内生产总值和城乡居民人均收入比二0一0年翻一番。"
        "过去五年，人均国内生产总值比二〇〇〇年翻了两番。"
    )
    ts = extract_targets(load_text(text, source="x"))
    got = [(t.period, t.indicator, t.value) for t in ts]
    assert ("2020年", "全面建成小康社会", "实现") in got
    assert (None, "国内生产总值和城乡居民人均收入", "比2010年翻一番") in got
    assert not any("2000年" in t.value for t in ts)  # 翻了两番 is a result, not a goal


def test_a_doubling_whose_subject_stands_before_its_stage() -> None:
    # the report to the 16th congress: 国内生产总值到二０二０年力争比二０００年翻两番
    ts = extract_targets(load_document(DOCS / "cpc16-report.txt"))
    assert ("国内生产总值", "比2000年翻两番", 2020) in {(t.indicator, t.value, t.year) for t in ts}


@pytest.mark.parametrize("zero", ["〇", "○", "零", "０"])
def test_a_year_written_out_with_any_zero(zero) -> None:
    # the report to the 16th congress types its years with the full-width digit: 二０一０年
    text = f"到二{zero}三五年，基本实现社会主义现代化。"
    ts = extract_targets(load_text(text, source="x"))
    assert [(t.indicator, t.value, t.year) for t in ts] == [("社会主义现代化", "基本实现", 2035)]


def test_plan_goals_carry_their_year() -> None:
    """A plan without a 主要预期目标 list states goals "到2027年…": each keeps its year."""
    text = (
        "到2027年，新一代智能终端、智能体等应用普及率超70%，智能经济核心产业规模快速增长。"
        "到2030年，我国人工智能全面赋能高质量发展，新一代智能终端、智能体等应用普及率超90%。"
    )
    ts = [t for t in extract_targets(load_text(text, source="plan")) if t.numbers]
    assert [(t.value, t.period, t.year) for t in ts] == [("超70%", "2027年", 2027),
                                                         ("超90%", "2030年", 2030)]
    assert all(t.indicator == "新一代智能终端、智能体等应用普及率" for t in ts)


def test_figures_that_are_not_goals() -> None:
    """Without a target list, a figure is a target only when the text says it is a goal."""
    text = "法院划拨、提取被保全的银行账户资金共计7.5万元。批准国债余额限额调整为53365.53亿元。"
    assert extract_targets(load_text(text, source="case")) == []


# -- values as numbers -------------------------------------------------------------------------
# What a reader reads in each numeric value of the gold files: number(s), unit, modifier. Written
# by hand from the values; every numeric gold target must have a row here (the test says so).
READ_BY_HAND: dict[str, tuple[tuple[float, ...], str, str | None]] = {
    "6%以上": ((6,), "%", "以上"),
    "5.5%左右": ((5.5,), "%", "左右"),
    "1100万人以上": ((1100,), "万人", "以上"),
    "5.5%以内": ((5.5,), "%", "以内"),
    "3%左右": ((3,), "%", "左右"),
    "降低3%左右": ((3,), "%", "左右"),
    "1.3万亿斤以上": ((1.3,), "万亿斤", "以上"),
    "3.2%左右": ((3.2,), "%", "左右"),
    "2.8%左右": ((2.8,), "%", "左右"),
    "3.65万亿元": ((3.65,), "万亿元", None),
    "6100亿元": ((6100,), "亿元", None),
    "6400亿元": ((6400,), "亿元", None),
    "7.8%": ((7.8,), "%", None),
    "2.8万亿元": ((2.8,), "万亿元", None),
    "15万元": ((15,), "万元", None),
    "30%以上": ((30,), "%", "以上"),
    "10.6%": ((10.6,), "%", None),
    "5.3万个": ((5.3,), "万个", None),
    "70%": ((70,), "%", None),
    "再降10%": ((10,), "%", None),
    "30元和5元": ((30, 5), "元", None),
    "年均增长7%以上": ((7,), "%", "以上"),
    "65%": ((65,), "%", None),
    "24.1%": ((24.1,), "%", None),
    "分别降低13.5%、18%": ((13.5, 18), "%", None),
    "11.3年": ((11.3,), "年", None),
    "再提高1岁": ((1,), "岁", None),
    "95%": ((95,), "%", None),
    "约2.5万亿元": ((2.5,), "万亿元", "约"),
    "约1.5万亿元": ((1.5,), "万亿元", "约"),
    "比去年扩大2万亿元以上": ((2,), "万亿元", "以上"),
    "3.9%": ((3.9,), "%", None),
    "增加约1.5万亿元、规模近9.8万亿元": ((1.5,), "万亿元", "约"),  # the first of its two values
    "1亿亩": ((1,), "亿亩", None),
    "100%": ((100,), "%", None),
}


def _same_target(gold_target: dict, t) -> bool:
    """The extracted target that states a gold one: its value within the gold value (or the
    other way round) and the indicator's name, as written or shared, sharing three characters."""
    value = gold_target["value"]
    if not (t.value in value or value in t.value):
        return False
    ind = gold_target["indicator"]
    names = t.indicator + " " + t.canonical + " " + t.text
    return any(ind[i : i + 3] in names for i in range(max(1, len(ind) - 2)))


@pytest.mark.parametrize("name", ["targets-gwr-2021.json", "targets-gwr-2022.json"])
def test_every_numeric_gold_target_has_number_unit_and_modifier(name: str) -> None:
    g = gold(name)
    ts = _targets(gold_document(g))
    numeric = [t for t in g["targets"] if any(ch.isdigit() for ch in t["value"])]
    assert numeric
    for want in numeric:
        assert want["value"] in READ_BY_HAND, f"read {want['value']} by hand first"
        numbers, unit, modifier = READ_BY_HAND[want["value"]]
        got = [t for t in ts if _same_target(want, t) and t.period == want.get("period")]
        assert got, want
        t = got[0]
        assert (t.numbers, t.unit, t.modifier) == (numbers, unit, modifier), (want, t)


def test_ranges_changes_and_years_as_structure() -> None:
    fujian = {t.canonical: t for t in _targets(DOCS / "provinces-2025/fujian.txt") if t.core}
    gdp = fujian["国内生产总值增长"]
    assert (gdp.numbers, gdp.unit, gdp.modifier, gdp.year) == ((5.0, 5.5), "%", "区间", 2025)
    ts = _targets(DOCS / "gwr-2021.txt")
    energy = next(t for t in ts if t.canonical == "能耗强度" and t.core)
    assert (energy.direction, energy.year) == ("down", 2021)
    life = next(t for t in ts if t.indicator == "人均预期寿命")
    assert (life.direction, life.period, life.year) == ("up", "十四五", 2025)


def test_every_target_names_its_sentence(gwr2022) -> None:
    doc = load_document(DOCS / "gwr-2022.txt")
    for t in gwr2022:
        assert t.sentence is not None
        s = doc.sentences[t.sentence]
        assert s.start <= t.offset < s.end


# -- one name for the variants of an indicator -------------------------------------------------
def test_gdp_on_all_ten_provinces_under_one_name() -> None:
    """Shanghai writes 生产总值增长, Tianjin 地区生产总值增长, Hubei 经济增长: one row each, one name."""
    written = set()
    for path in sorted((DOCS / "provinces-2025").glob("*.txt")):
        gdp = [t for t in _targets(path) if t.core and t.canonical == "国内生产总值增长"]
        assert gdp, path.name
        assert gdp[0].numbers and gdp[0].unit == "%", (path.name, gdp[0])
        written.add(gdp[0].indicator)
    assert {"生产总值增长", "地区生产总值增长", "经济增长"} <= written


def test_indicator_variants_occur_in_real_text() -> None:
    """Every variant of target_indicators.tsv is written so in a document of tests/data."""
    from policy_cli.data import lines

    texts = "".join(
        load_document(p).text
        for p in [*DOCS.glob("*.txt"), *(DOCS / "provinces-2025").glob("*.txt")]
    )
    rows = [line.split("\t") for line in lines("target_indicators.tsv")]
    assert rows and all(len(r) == 2 for r in rows)
    missing = [variant for _, variant in rows if variant not in texts]
    assert not missing


# -- the national report of 2018, checked by hand ----------------------------------------------
def test_gwr_2018_headline_targets_read_by_hand() -> None:
    """gwr-2018 has no gold file. Its 主要预期目标 paragraph (line 39) lists, in this order:
    GDP 6.5%左右; CPI 3%左右; 城镇新增就业 1100万人以上; 调查失业率 5.5%以内; 登记失业率 4.5%以内;
    居民收入增长和经济增长基本同步; 进出口稳中向好; 国际收支基本平衡; 单位GDP能耗下降3%以上;
    主要污染物排放量继续下降; 供给侧结构性改革取得实质性进展; 宏观杠杆率保持基本稳定; 各类风险有序
    有效防控. Part 三 sets 赤字率 2.6% and 地方专项债券 1.35万亿元."""
    ts = [t for t in _targets(DOCS / "gwr-2018.txt") if t.core]
    listed = [(t.canonical, t.value) for t in ts if t.section == "主要预期目标"]
    assert listed == [
        ("国内生产总值增长", "6.5%左右"),
        ("居民消费价格涨幅", "3%左右"),
        ("城镇新增就业", "1100万人以上"),
        ("城镇调查失业率", "5.5%以内"),
        ("城镇登记失业率", "4.5%以内"),
        ("居民收入增长", "和经济增长基本同步"),
        ("进出口", "稳中向好"),
        ("国际收支", "基本平衡"),
        ("能耗强度", "下降3%以上"),
        ("主要污染物排放量", "继续下降"),
        ("供给侧结构性改革", "取得实质性进展"),
        ("宏观杠杆率", "保持基本稳定"),
        ("各类风险", "有序有效防控"),
    ]
    assert all(t.year == 2018 for t in ts)
    by = {t.canonical: t for t in ts}
    assert (by["赤字率"].numbers, by["赤字率"].unit) == ((2.6,), "%")
    assert (by["地方政府专项债券"].numbers, by["地方政府专项债券"].unit) == ((1.35,), "万亿元")
    assert (by["能耗强度"].direction, by["能耗强度"].modifier) == ("down", "以上")


def test_a_shared_qualitative_goal_is_one_row_per_indicator() -> None:
    """"单位国内生产总值能耗和主要污染物排放量继续下降": two indicators with rows of their own."""
    text = (
        "今年发展主要预期目标是：城镇新增就业900万人以上；"
        "单位国内生产总值能耗和主要污染物排放量继续下降，重点控制化石能源消费。"
    )
    ts = extract_targets(load_text(text, source="x"))
    got = [(t.indicator, t.canonical, t.value) for t in ts]
    assert ("单位国内生产总值能耗", "能耗强度", "继续下降") in got
    assert ("主要污染物排放量", "主要污染物排放量", "继续下降") in got
    assert ("化石能源消费", "化石能源消费", "重点控制") in got  # the verb comes first


def test_each_item_of_a_list_joined_by_the_enumeration_comma_is_a_target() -> None:
    """Items joined by 、 that each name an indicator and its value are targets each (the Anhui
    report of 2025: 新增高新技术企业3000家、专精特新企业1000家左右; gwr-2018: 完成铁路投资7320
    亿元、公路水运投资1.8万亿元左右); indicators that share one value (研究与试验发展经费、…分别
    增长10%) or values of one indicator (gwr-2021: …分别降低13.5%、18%) stay one target, and a
    numeral inside a name (二氧化硫、…) is no value of its own."""
    anhui = [(t.indicator, t.value) for t in _targets(DOCS / "provinces-2025" / "anhui.txt")]
    assert ("新增高新技术企业", "3000家") in anhui
    assert ("专精特新企业", "1000家左右") in anhui
    gwr2018 = {t.indicator: t.value for t in _targets(DOCS / "gwr-2018.txt")}
    assert gwr2018["公路水运投资"] == "1.8万亿元左右"
    gwr2021 = [t for t in _targets(DOCS / "gwr-2021.txt") if "二氧化碳排放" in t.indicator]
    assert [t.value for t in gwr2021] == ["分别降低13.5%、18%"]
    shared = extract_targets(load_text(
        "今年发展主要预期目标是：研究与试验发展经费、基础研究经费分别增长10%，"
        "二氧化硫、化学需氧量排放量减少2%。", source="x"
    ))
    assert [(t.indicator, t.value) for t in shared] == [
        ("研究与试验发展经费、基础研究经费分别增长", "10%"),
        ("二氧化硫、化学需氧量排放量", "减少2%"),
    ]


def test_a_value_below_zero_keeps_its_sign() -> None:
    """增长-2%左右 (a decline set as a growth rate, as reports of a contraction write it): the
    sign is the value's, in ASCII, full-width or as the minus sign, not the indicator's."""
    ts = extract_targets(load_text(
        "今年发展主要预期目标是：国内生产总值增长-2%左右，出口增长－3%，居民消费价格涨幅−0.5%。",
        source="x",
    ))
    got = [(t.indicator, t.value, t.numbers) for t in ts]
    assert got == [
        ("国内生产总值增长", "-2%左右", (-2.0,)),
        ("出口增长", "-3%", (-3.0,)),
        ("居民消费价格涨幅", "-0.5%", (-0.5,)),
    ]


def _read(text: str) -> list[tuple[str, str, str | None, int | None]]:
    ts = extract_targets(load_text(text, source="x"))
    return [(t.indicator, t.value, t.modifier, t.year) for t in ts]


def test_items_name_numbers_count_nothing_and_stay_whole_inside_quotes() -> None:
    """An item's indicator may name a number (PM2.5浓度, 5G基站): a target; one that counts
    things (64个…) is none; a 、 inside quotes parts no items; items in numerals are items."""
    got = _read("今年要确保地级及以上城市PM2.5浓度下降5%、重污染天数减少10%，新建5G基站2万个、"
                "千兆光网用户100万户。今年要培育“专精特新、小巨人”企业100家、高新技术企业200家。")
    assert [(i, v) for i, v, _, _ in got] == [
        ("地级及以上城市PM2.5浓度", "下降5%"), ("重污染天数", "减少10%"),
        ("新建5G基站", "2万个"), ("千兆光网用户", "100万户"),
        ("培育“专精特新、小巨人”企业", "100家"), ("高新技术企业", "200家"),
    ]
    counted = _read("今年要盯紧抓实64个预增产值过10亿元、2334个过2000万元的工业新增长点。")
    assert not [i for i, _, _, _ in counted if "64个" in i]
    numerals = _read("今年发展主要预期目标是：国内生产总值增长百分之五左右、城镇调查失业率百分之五点五"
                     "左右。居民消费价格涨幅百分之二左右。")
    assert [(i, v) for i, v, _, _ in numerals] == [
        ("国内生产总值增长", "5%左右"), ("城镇调查失业率", "5.5%左右"), ("居民消费价格涨幅", "2%左右"),
    ]  # (the list runs on into its next sentence of values in numerals too)


def test_the_way_a_target_moves_where_no_number_of_change_says_it() -> None:
    """A change in words (继续下降, 保持增长) says which way the target moves, as 降低3%左右 does;
    a level to reach (降至5%以内, 提高到2.5%, 控制在) is no change: no direction, no sign."""
    ts = extract_targets(load_text(
        "今年发展主要预期目标是：主要污染物排放量继续下降，单位GDP能耗降低3%左右，城镇调查失业率"
        "降至5%以内，研发投入强度提高到2.5%，居民收入保持增长，居民消费价格涨幅控制在3%左右。",
        source="x",
    ))
    assert [(t.indicator, t.direction) for t in ts] == [
        ("主要污染物排放量", "down"), ("单位GDP能耗", "down"), ("城镇调查失业率", None),
        ("研发投入强度", None), ("居民收入", "up"), ("居民消费价格涨幅", None),
    ]


def test_a_bound_before_the_value_or_its_verb_is_the_modifier() -> None:
    got = _read("今年要确保粮食产量至少达到1.3万亿斤，移动网络流量资费降低至少30%。")
    assert [(i, v, m) for i, v, m, _ in got] == [
        ("粮食产量", "1.3万亿斤", "至少"), ("移动网络流量资费", "降低至少30%", "至少"),
    ]


def test_a_year_is_the_lists_only_right_before_its_lead_and_the_reports_only_ahead() -> None:
    # a year in an earlier clause of the lead's sentence is no year of the list (the dateline
    # is); what a part reviewing the past says last year was is no year of the report's
    dated = _read("2024年3月5日在第十四届全国人民代表大会第二次会议上\n"
                  "在巩固2023年发展成果基础上，今年发展主要预期目标是：国内生产总值增长5%左右。")
    assert [y for _, _, _, y in dated] == [2024]
    reviewed = _read("一、2020年工作回顾\n2020年是全面建成小康社会和“十三五”规划收官之年。\n"
                     "二、今年工作安排\n今年发展主要预期目标是：国内生产总值增长6%左右。")
    assert [y for _, _, _, y in reviewed] == [None]


def test_a_list_of_values_in_chinese_numerals_is_the_headline_list() -> None:
    """国内生产总值增长百分之五左右: a target list written in numerals is the 主要预期目标 list, its
    items headline targets, as in digits (it was read as other targets)."""
    ts = extract_targets(load_text("今年发展主要预期目标是：国内生产总值增长百分之五左右。", source="x"))
    assert [(t.canonical, t.value, t.section, t.core) for t in ts] == [
        ("国内生产总值增长", "5%左右", "主要预期目标", True)
    ]


def test_the_year_of_a_target_where_no_dateline_says_it() -> None:
    """gwr-2013 has no dateline and its part headings say 今年: the report says 2013年是…开局
    之年, and its targets are 2013's; a list's lead that names its year (2025年发展主要预期目标
    是) dates the list."""
    ts = [t for t in _targets(DOCS / "gwr-2013.txt") if t.section == "主要预期目标"]
    assert ts and {t.year for t in ts} == {2013}
    lead = extract_targets(load_text("2025年发展主要预期目标是：地区生产总值增长5%左右。", source="x"))
    assert [(t.canonical, t.year) for t in lead] == [("国内生产总值增长", 2025)]


def test_a_lead_that_names_its_indicator_gives_one_row() -> None:
    """今年经济增长的预期目标是5%左右: the indicator is named before the lead; the clause is the
    list's, not read again as another target (经济增长的预期目标是 | 5%左右)."""
    ts = extract_targets(load_text("今年经济增长的预期目标是5%左右。", source="x"))
    assert [(t.canonical, t.value, t.core) for t in ts] == [("国内生产总值增长", "5%左右", True)]


# -- stage goals of central documents ----------------------------------------------------------
def test_central_document_stage_goals() -> None:
    """The 2018 No. 1 document sets goals for 2020, 2035 and 2050 (lines 11–13), a paragraph
    each."""
    doc = load_document(DOCS / "central-no1-2018.txt")
    ts = extract_targets(doc)
    assert ts and all(t.section == "阶段目标" for t in ts)
    got = [(t.year, t.indicator, t.value) for t in ts]
    assert got[0] == (2020, "乡村振兴", "取得重要进展")
    assert (2020, "制度框架和政策体系", "基本形成") in got
    assert (2035, "农业农村现代化", "基本实现") in got
    assert (2050, "乡村", "全面振兴") in got
    assert (2050, "农业强、农村美、农民富", "全面实现") in got
    assert [t.year for t in ts] == sorted(t.year for t in ts)  # in the document's order
    for t in ts:
        assert doc.text.startswith(t.text, t.offset)


def test_money_and_credit_growth_is_a_headline_target(gwr2022) -> None:
    """"保持货币供应量和社会融资规模增速与名义经济增速基本匹配" is said of this year's money supply."""
    money = [t for t in gwr2022 if t.core and "社会融资规模" in t.indicator]
    assert [(t.indicator, t.value) for t in money] == [
        ("货币供应量和社会融资规模增速", "与名义经济增速基本匹配")
    ]


def test_values_of_a_long_sentence_without_a_list_lead() -> None:
    """Without a "主要预期目标是" lead, a value after ； belongs to the sentence that said 今年;
    a figure of a sentence that reports what was built (已建成…) is a result, not a target."""
    text = (
        "二、今年工作总体部署\n今年要优先稳就业保民生，城镇新增就业900万人以上，"
        "城镇调查失业率6%左右；居民消费价格涨幅3.5%左右；进出口促稳提质。\n"
        "已建成的主要有：新增公路通车里程1.2万公里；增加铁路新线1423公里。\n"
    )
    ts = extract_targets(load_text(text, source="x"))
    assert [(t.canonical, t.value) for t in ts] == [
        ("城镇新增就业", "900万人以上"),
        ("城镇调查失业率", "6%左右"),
        ("居民消费价格涨幅", "3.5%左右"),
    ]


@pytest.mark.parametrize(
    ("name", "indicator", "value"),
    [
        ("gwr-2014.txt", "赤字率", "2.1%"),  # 但赤字率…
        ("gwr-2014.txt", "中央代地方发债", "4000亿元"),  # 由中央代地方发债…
        ("gwr-2014.txt", "中央预算内投资", "4576亿元"),  # …投资拟安排
        ("gwr-2015.txt", "减少农村贫困人口", "1000万人以上"),  # 也要再减少…
        ("gwr-2015.txt", "化学需氧量、氨氮排放", "减少2%左右"),  # …排放都要减少
        ("gwr-2012.txt", "居民消费价格涨幅", "4%左右"),  # 提出居民消费价格涨幅…
        ("gwr-2018.txt", "一般工商业电价", "降低10%"),  # …电价|平均|降低10% (on average)
        ("gwr-2018.txt", "移动网络流量资费", "降低30%"),  # …资费|年内至少|降低30%
    ],
)
def test_an_indicator_is_named_without_the_words_around_it(name, indicator, value) -> None:
    found = {(t.indicator, t.value) for t in extract_targets(load_document(DOCS / name))}
    assert (indicator, value) in found, sorted(found)


def test_a_bound_said_before_the_verb_of_change_is_the_modifier() -> None:
    """gwr-2018: 移动网络流量资费年内至少降低30%: 至少 (at least) bounds the cut."""
    ts = extract_targets(load_document(DOCS / "gwr-2018.txt"))
    fees = [t for t in ts if t.indicator == "移动网络流量资费"]
    assert [(t.modifier, t.direction, t.numbers) for t in fees] == [("至少", "down", (30.0,))]


@pytest.mark.parametrize(
    ("indicator", "section"),
    [
        ("居民消费价格涨幅", "其他"),  # 消费 is consumption, no fee
        ("人均基本公共卫生服务经费", "民生"),  # 经费 is funding
        ("非化石能源占能源消费比重", "环境"),
        ("营业收入占比", "其他"),  # a firm's revenue, not the people's income
        ("城乡居民人均可支配收入", "民生"),
        ("行政事业性收费", "税费"),
    ],
)
def test_the_topic_of_a_target_reads_whole_words(indicator, section) -> None:
    from policy_cli.core.targets import _topic

    assert _topic(indicator) == section


def test_a_goal_the_state_sets_is_a_headline_target() -> None:
    # 确保完成国家下达的“十四五”能耗强度下降目标 closes Nei Menggu's 主要预期目标 list
    ts = extract_targets(load_document(DOCS / "provinces-2025" / "neimenggu.txt"))
    main = [(t.indicator, t.value) for t in ts if t.section == "主要预期目标"]
    assert main[-1] == ("能耗强度下降", "完成国家下达的目标")


def test_a_glossary_states_no_target() -> None:
    # Yunnan 2025 ends with 名词解释: 农户占30%, 提前6小时 define terms, they set no goal
    from policy_cli.core.boilerplate import glossary_spans

    doc = load_document(DOCS / "provinces-2025" / "yunnan.txt")
    (lo, hi), = glossary_spans(doc)
    ts = extract_targets(doc)
    assert ts and not [t for t in ts if lo <= t.offset < hi]
    assert "农户占" not in {t.indicator for t in ts}


def test_target_rules_file_is_sound() -> None:
    """The patterns of targets are data, checked as `make lint` checks them."""
    import copy
    import importlib.util

    from policy_cli.core import targets

    script = Path(__file__).resolve().parents[2] / "scripts" / "check_target_rules.py"
    spec = importlib.util.spec_from_file_location("check_target_rules", script)
    assert spec is not None and spec.loader is not None
    check = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check)
    assert check.problems() == []
    broken = copy.deepcopy(targets.rules_table())
    broken["where"]["main_lead"] = "(unclosed"
    broken["statements"]["no_target"] = "没有提出目标"  # the code reads its group `what`
    broken["stages"]["lead"] = "到{CN_YEARS}"  # a placeholder nothing fills
    del broken["labels"]["not_set"]
    broken["tense"]["unread"] = "x"
    found = check.problems(broken)
    assert any("main_lead: does not compile" in p for p in found)
    assert any("no_target: no group" in p for p in found)
    assert any("lead: unknown placeholder {CN_YEARS}" in p for p in found)
    assert any("not_set: missing" in p for p in found)
    assert any("unread: not read" in p for p in found)
    assert "[labels] not_set" in " ".join(found)  # the code names it too
