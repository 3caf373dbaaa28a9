"""Targets: recall of the gold headline targets of the 2021 and 2022 national work reports,
plus behaviour on unannotated reports (other years, provinces) and on news."""

from __future__ import annotations

from dataclasses import asdict

import pytest

from policy_cli.core.loaders import load_document, load_text
from policy_cli.core.targets import NOT_SET, extract_targets
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
    """单位国内生产总值能耗 (2018) and 能耗强度 (2022) share one label, as do 地方专项债券 and
    地方政府专项债券, so that `diff` can join the two years."""
    ts = {t.indicator: t for t in _targets(DOCS / "gwr-2018.txt") if t.core}
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
    gdp = [t for t in ts if t.indicator == "国内生产总值增长"]
    assert gdp and gdp[0].value == NOT_SET and gdp[0].note
    assert any(t.indicator == "城镇新增就业" and t.value == "900万人以上" for t in ts)


@pytest.mark.parametrize(
    ("name", "indicator", "value"),
    [
        ("provinces-2025/hubei.txt", "国内生产总值增长", "6%左右"),
        ("provinces-2025/fujian.txt", "地区生产总值增长", "5.0%—5.5%"),
        ("provinces-2025/anhui.txt", "城镇新增就业", "68万人左右"),
        ("provinces-2025/chongqing.txt", "能耗强度", "下降2.5%"),
        ("local-jiangsu-2025.txt", "居民收入增长", "与经济增长基本同步"),
    ],
)
def test_provincial_reports(name: str, indicator: str, value: str) -> None:
    ts = [t for t in _targets(DOCS / name) if t.core]
    assert any(t.indicator == indicator and t.value == value for t in ts), ts[:12]


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


def test_plan_goals_carry_their_year() -> None:
    """A plan without a 主要预期目标 list states goals "到2027年…": each keeps its year."""
    text = (
        "到2027年，新一代智能终端、智能体等应用普及率超70%，智能经济核心产业规模快速增长。"
        "到2030年，我国人工智能全面赋能高质量发展，新一代智能终端、智能体等应用普及率超90%。"
    )
    ts = extract_targets(load_text(text, source="plan"))
    assert [(t.value, t.period) for t in ts] == [("超70%", "2027年"), ("超90%", "2030年")]
    assert all(t.indicator == "新一代智能终端、智能体等应用普及率" for t in ts)


def test_figures_that_are_not_goals() -> None:
    """Without a target list, a figure is a target only when the text says it is a goal."""
    text = "法院划拨、提取被保全的银行账户资金共计7.5万元。批准国债余额限额调整为53365.53亿元。"
    assert extract_targets(load_text(text, source="case")) == []
