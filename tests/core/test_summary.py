"""Summary pieces on real documents: header, people, organisations, key sentences, the brief."""

from __future__ import annotations

import re

import pytest

from policy_cli.core.header import extract_header
from policy_cli.core.loaders import load_document, load_text
from policy_cli.core.people import extract_organizations, extract_people
from policy_cli.core.pipeline import prepare
from policy_cli.core.segment import default_tagger
from policy_cli.core.sentences import key_sentences, whole_sentences
from policy_cli.core.summary import salient_formulations, summarize
from policy_cli.errors import NothingToAnalyseError, UsageError
from policy_cli.models import Formulation
from policy_cli.serialize import summary_to_dict
from tests.conftest import DATA, DOCS, FOUNDING


@pytest.fixture(scope="module")
def founding():
    return load_document(FOUNDING)


@pytest.fixture(scope="module")
def founding_prepared(founding):
    return prepare(founding)


@pytest.fixture(scope="module")
def founding_summary(founding_prepared):
    return summarize(founding_prepared)


# -- people ------------------------------------------------------------------------------------
def test_people_of_the_founding_example(founding) -> None:
    people = {p.name: p for p in extract_people(founding)}
    assert people["刘颖"].titles == ("市委常委", "区委书记")
    assert people["刘颖"].count == 4
    assert people["王坚"].titles == ("中国工程院院士", "之江实验室主任")
    assert people["杨建根"].titles == ("区委副书记", "区长")
    assert people["曹晋滨"].titles[0] == "中国科学院院士"
    assert people["习近平"].titles == ("总书记",)
    # a list closed by its group title; 朱红丹 is one name even where jieba cuts 朱红|丹
    assert people["朱红丹"].titles == ("区四套班子领导",)
    assert {"梅建胜", "王姝", "沈尧"} <= set(people)
    # no false names: every name occurs in the text, and policy words are not names
    assert all(founding.text.count(n) for n in people)
    assert not {"余杭", "高水平", "文明", "小镇"} & set(people)
    assert founding.text[people["刘颖"].first_offset :].startswith("刘颖")


def test_people_in_reports_and_news() -> None:
    doc = load_document(DOCS / "local-shaoxing-conference-2023.txt")
    shaoxing = {p.name: p for p in extract_people(doc)}
    assert shaoxing["施惠芳"].titles == ("市委副书记", "市长")
    assert "魏伟" in shaoxing and "魏伟等" not in shaoxing  # 魏伟等参加
    jiangsu = {p.name: p for p in extract_people(load_document(DOCS / "local-jiangsu-2025.txt"))}
    assert jiangsu["许昆林"].titles == ("省长",)
    gwr21 = {p.name for p in extract_people(load_document(DOCS / "gwr-2021.txt"))}
    assert "李克强" in gwr21  # the byline under the title
    # "把党领导农村工作": 领导 here is a verb and 农村工 no name
    no1 = {p.name for p in extract_people(load_document(DOCS / "central-no1-2018.txt"))}
    assert no1 <= {"习近平"}
    shandong = {p.name for p in extract_people(load_document(DOCS / "provinces-2025/shandong.txt"))}
    assert shandong == {"周乃翔", "习近平"}  # not 鲁两院 (驻鲁两院院士)


def test_the_kinds_of_body_a_notice_addresses_are_no_organisation() -> None:
    # 各旗、县、区人民政府 (the Baotou notice): the kinds of body it goes to, no body of its own
    orgs = extract_organizations(load_document(DOCS / "local-baotou-2022.txt"))
    assert "区人民政府" not in orgs and "包头市人民政府" in orgs


def test_a_title_opens_after_the_verb_that_heard_it() -> None:
    # 会议听取了财政部部长金人庆…的说明: 了 closes the verb, the title follows it
    doc = load_text(
        "第十届全国人民代表大会常务委员会第二十八次会议，听取了财政部部长金人庆代表国务院作的说明。",
        source="resolution.txt",
    )
    assert [(p.name, p.titles) for p in extract_people(doc)] == [("金人庆", ("财政部部长",))]


def test_organizations(founding) -> None:
    orgs = extract_organizations(founding)
    assert {"中国工程院", "之江实验室", "中国科学院", "北航国新院", "阿里巴巴集团"} <= set(orgs)
    assert "国新院" not in orgs  # kept in its longer form
    assert "科研院所" not in orgs  # a kind of organisation, not one
    gwr = extract_organizations(load_document(DOCS / "gwr-2022.txt"))
    assert "国务院" in gwr and "全国政协" in gwr


PROVINCES = sorted((DOCS / "provinces-2025").glob("*.txt"))
_LEVELS = "省市区县州乡镇村"


def _starts_inside_a_word(text: str, start: int, name: str) -> str | None:
    """Say why the organisation `name` at `start` begins inside a longer name, else None.

    The character before it is part of the name when it is glued to it and no word ends
    there that could end a name's left context: the word before is 驻 (驻|渝解放军 is one
    name), or a one-character noun not counted by a number (鄂|人民解放军, 鹏|瑞利医院,
    省|财政厅), or the name's own first word is a one-character place that is not a level
    and follows a content word (明月|湖实验室).
    """
    if start == 0 or not re.match(r"[\u4e00-\u9fff]", text[start - 1]):
        return None
    left = max(text.rfind(c, 0, start) for c in "，。；：、\n（）“”") + 1
    before = list(default_tagger().tag(text[left:start], True))
    if not before:
        return None
    word, tag = before[-1]
    if word.endswith("驻"):
        return f"{word}|{name}"
    counted = len(before) > 1 and before[-2][0][-1:].isdigit()
    if len(word) == 1 and re.match(r"^(?:n|j)", tag) and not counted:
        return f"{word}|{name}"
    first = next(iter(default_tagger().tag(name, True)))[0]
    if len(first) == 1 and first not in _LEVELS and tag[:1] not in "vpcudrmqfx":
        return f"{word}|{name}"
    return None


@pytest.mark.parametrize("path", PROVINCES, ids=lambda p: p.stem)
def test_organisations_start_where_their_names_start(path) -> None:
    """No organisation of a provincial report's summary begins inside a longer name."""
    doc = load_document(path)
    cut = [
        why
        for org in extract_organizations(doc)
        for m in re.finditer(re.escape(org), doc.text)
        if (why := _starts_inside_a_word(doc.text, m.start(), org))
    ]
    assert not cut, cut


def test_organisations_whole() -> None:
    orgs = {
        p.stem: set(extract_organizations(load_document(p)))
        for p in PROVINCES
        if p.stem in ("chongqing", "fujian", "yunnan", "tianjin", "shanghai", "hubei")
    }
    assert {"驻渝解放军", "明月湖实验室", "嘉陵江实验室"} <= orgs["chongqing"]
    assert not {"渝解放军", "湖实验室"} & orgs["chongqing"]
    assert "驻闽人民解放军" in orgs["fujian"] and "闽人民解放军" not in orgs["fujian"]
    assert {"驻滇解放军", "省财政厅"} <= orgs["yunnan"] and "滇解放军" not in orgs["yunnan"]
    assert {"鹏瑞利医院", "低维电子材料海河实验室"} <= orgs["tianjin"]
    assert "沪实验室" not in orgs["shanghai"]  # "在沪实验室": laboratories in Shanghai
    assert "驻鄂人民解放军" in orgs["hubei"] and "人民解放军" not in orgs["hubei"]


def test_titles_as_the_text_gives_them() -> None:
    """A title the text gives a person once, where it calls them 同志 seven times, is not theirs."""
    gwr22 = {p.name: p for p in extract_people(load_document(DOCS / "gwr-2022.txt"))}
    assert gwr22["习近平"].titles == ()  # 习近平同志 ×7, 习近平主席 ×1
    for path in PROVINCES:
        people = {p.name: p for p in extract_people(load_document(path))}
        assert people["习近平"].titles == ("总书记",), path.stem  # 习近平总书记, most of the time


# -- header ------------------------------------------------------------------------------------
def test_header_of_the_founding_example(founding) -> None:
    h = extract_header(founding)
    assert h.title == "“忠诚担当谱新篇 实干争先开新局”余杭区经济高质量发展大会"
    assert h.date == "2日"  # stated without a year: no year is invented
    assert h.speaker == "市委常委、区委书记刘颖"
    assert h.doc_type == "news"


@pytest.mark.parametrize(
    ("name", "title", "date", "speaker", "doc_type"),
    [
        ("gwr-2021.txt", "2021年政府工作报告", "2021年", "李克强", "work report"),
        ("gwr-2022.txt", "政府工作报告", None, "国务院", "work report"),
        ("local-jiangsu-2025.txt", "2025年江苏省政府工作报告", "2025年1月19日", "省长许昆林",
         "work report"),
        ("provinces-2025/yunnan.txt", "2025年云南省政府工作报告", "2025年1月18日", "省长王予波",
         "work report"),
        ("cpc19-report.txt", "决胜全面建成小康社会 夺取新时代中国特色社会主义伟大胜利",
         "2017年10月18日", "习近平", "congress report"),
        ("central-no1-2018.txt", "中共中央 国务院关于实施乡村振兴战略的意见", "2018年1月2日",
         "中共中央 国务院", "opinion"),
        ("local-baotou-2022.txt",
         "包头市人民政府办公室关于印发《包头市2022年数字政府建设考评办法》的通知",
         "2022年4月14日", "包头市人民政府办公室", "notice"),
        ("local-shaoxing-conference-2023.txt", None, "1月29日", "市委副书记、市长施惠芳", "news"),
    ],
)
def test_headers_of_real_documents(name, title, date, speaker, doc_type) -> None:
    h = extract_header(load_document(DOCS / name))
    if title is not None:
        assert h.title == title
    assert (h.date, h.speaker, h.doc_type) == (date, speaker, doc_type)


def test_headers_of_background_reports_without_title_lines() -> None:
    """The background corpus keeps no title line: the opening sentence says what it is."""
    gwr = load_text("现在，我代表国务院，向大会报告政府工作，请予审议。今年要稳增长。", source="g")
    h = extract_header(gwr)
    assert (h.title, h.speaker, h.doc_type) == ("政府工作报告", "国务院", "work report")
    cc = load_text("同志们：现在，我代表第十七届中央委员会向大会作报告。", source="c")
    h = extract_header(cc)
    assert (h.speaker, h.doc_type) == ("第十七届中央委员会", "congress report")
    # a report quoting a leader ("邓小平同志指出") is not spoken by him
    quoted = load_text(
        "现在，我代表国务院向大会报告工作。邓小平同志指出，发展才是硬道理。", source="q"
    )
    assert extract_header(quoted).speaker == "国务院"


def test_header_of_plain_text() -> None:
    h = extract_header(load_text("今天我们讨论预算。预算很重要。", source="x"))
    assert h.title and h.doc_type == "document" and h.speaker is None


# -- key sentences -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "issuer"),
    [("hubei.txt", "湖北省人民政府"), ("guangxi.txt", "广西壮族自治区人民政府"),
     ("chongqing.txt", "重庆市人民政府")],
)
def test_a_body_named_by_its_level_takes_the_documents_place(name, issuer) -> None:
    # 我代表省人民政府: the report names its issuer by level alone; the place it is about
    # (its full name ends with that level) names it whole
    h = extract_header(load_document(DOCS / "provinces-2025" / name))
    assert h.issuer == issuer


def test_the_addressee_under_a_notice_is_no_title() -> None:
    doc = load_text(
        "某市关于推进高质量发展的通知\n各区县人民政府：\n现将有关事项通知如下。\n",
        source="notice.txt",
    )
    assert extract_header(doc).title == "某市关于推进高质量发展的通知"


def test_key_sentences_are_whole_and_in_order(founding, founding_prepared) -> None:
    ks = key_sentences(founding_prepared, n=5)
    assert len(ks) == 5
    assert [k.index for k in ks] == sorted(k.index for k in ks)
    whole = {founding.text[w.start : w.end].strip() for w in whole_sentences(founding)}
    for k in ks:
        assert k.text in whole  # a whole sentence, never a comma fragment
        assert k.text.endswith(("。", "！", "？", "”"))
        assert k.text in founding.text
    assert any("人工智能创新发展第一城" in k.text for k in ks)
    assert any(k.text.startswith("市委常委、区委书记刘颖出席大会并讲话") for k in ks)


def test_key_sentences_of_a_work_report() -> None:
    doc = load_document(DOCS / "gwr-2021.txt")
    ks = key_sentences(prepare(doc), n=3)
    assert len(ks) == 3
    assert all(len(k.text) >= 12 and k.text.endswith("。") for k in ks)
    gwr22 = key_sentences(prepare(load_document(DOCS / "gwr-2022.txt")), n=5)
    assert any(k.text.startswith("今年发展主要预期目标是") for k in gwr22)


@pytest.mark.parametrize(
    "path", [DOCS / "gwr-2021.txt", DOCS / "gwr-2022.txt", *PROVINCES], ids=lambda p: p.stem
)
def test_key_sentences_of_work_reports_say_where_they_go(path) -> None:
    """The goals are chosen; last year's review, list headings and closing calls are not."""
    from policy_cli.core.sentences import _parts

    doc = load_document(path)
    ks = key_sentences(prepare(doc), n=5)
    parts = _parts(doc)
    assert [k.index for k in ks] == sorted(k.index for k in ks)
    assert any("预期目标" in k.text[:40] for k in ks), [k.text[:30] for k in ks]
    for k in ks:
        assert parts[doc.sentences[k.index].paragraph][0] != "back", k.text[:40]  # 工作回顾
        assert not re.match(r"^[一二三四五六七八九十]+是", k.text) or len(k.text) > 40
        assert not k.text.startswith("让我们")


def test_a_short_text_has_no_title_or_adoption_note_for_key_sentence() -> None:
    # a resolution of five sentences: its title line and （…会议通过） are no key sentence
    doc = load_document(DATA / "formats" / "govcn-npcsc-resolution-2007.html")
    picked = [s.text for s in key_sentences(prepare(doc), n=5)]
    assert picked and all(s.endswith("。") for s in picked), picked
    assert not any(s.startswith("（") for s in picked)


NOTICE_OF_GOALS = (
    "关于加快发展数字经济的通知\n各区人民政府：\n为加快发展数字经济，现通知如下。\n一、发展目标\n"
    "（一）到2025年，全市数字经济核心产业增加值占地区生产总值比重达到15%。\n"
    "（二）到2025年，规模以上工业企业数字化改造覆盖率达到90%以上。\n二、保障措施\n"
    "各地要加强组织领导，确保各项任务落到实处。\n杭州市人民政府\n2024年3月1日\n"
)


def test_a_numbered_item_that_is_a_sentence_is_a_key_sentence_and_states_targets() -> None:
    # a notice whose goals are numbered items of one sentence each: the goals are its targets
    # and may be its key sentences (they were read as headings: no target, and only the
    # boilerplate 现通知如下 and 落到实处 as key sentences)
    from policy_cli.core.targets import extract_targets

    doc = load_text(NOTICE_OF_GOALS, source="notice.txt")
    goals = [(t.value, t.year) for t in extract_targets(doc)]
    assert goals == [("15%", 2025), ("90%以上", 2025)]
    picked = [s.text for s in key_sentences(prepare(doc), n=5)]
    assert any(s.startswith("（一）到2025年") for s in picked), picked
    assert "一、发展目标" not in picked and "二、保障措施" not in picked


def test_a_sentence_said_again_is_one_key_sentence() -> None:
    # a text repeated (a report pasted twice, a section copied): each key sentence once (four
    # of five were the same sentence)
    text = (DOCS / "gwr-2022.txt").read_text(encoding="utf-8")
    copy = text.replace("统筹发展和安全，", "统筹发展和安全， ")  # (a space more in the copy)
    picked = [s.text for s in key_sentences(prepare(load_text(text + "\n" + copy, source="t")))]
    assert len({"".join(p.split()) for p in picked}) == 5, picked


def test_a_numbered_heading_with_a_comma_is_no_key_sentence() -> None:
    # （一）坚持创新驱动，推动数字经济高质量发展。 is a heading written as a sentence: only a
    # numbered item that states a number is one (the review found headings picked)
    text = NOTICE_OF_GOALS.replace("一、发展目标\n", "一、发展目标\n（一）坚持创新驱动，推动数字经济高质量发展。\n")
    picked = [s.text for s in key_sentences(prepare(load_text(text, source="t")), n=5)]
    assert not any(s.startswith("（一）坚持") for s in picked), picked
    law = load_document(DATA / "formats" / "sxmu-supervision-law-2018.html")
    assert not any(s.text.startswith("第") and "条" in s.text[:5]
                   for s in key_sentences(prepare(law), n=5))


def test_no_key_sentence_from_a_glossary() -> None:
    from policy_cli.core.boilerplate import glossary_spans

    doc = load_document(DOCS / "provinces-2025" / "yunnan.txt")
    (lo, hi), = glossary_spans(doc)
    picked = key_sentences(prepare(doc), n=20)
    assert picked and not [s for s in picked if lo <= doc.sentences[s.index].start < hi]


def test_key_sentences_of_a_plan_state_its_goals() -> None:
    doc = load_document(DATA / "formats" / "state-council-ai-plus-opinion-2025.pdf")
    texts = [k.text for k in key_sentences(prepare(doc), n=5)]
    assert texts[0].startswith("以习近平新时代中国特色社会主义思想为指导")  # 一、总体要求
    assert any(t.startswith("到2027年") for t in texts)


def test_key_sentences_reject_zero(founding_prepared) -> None:
    with pytest.raises(UsageError):
        key_sentences(founding_prepared, n=0)


# -- the brief ---------------------------------------------------------------------------------
def test_summary_of_the_founding_example(founding_summary) -> None:
    s = founding_summary
    assert "任王坚" not in {p.name for p in s.people}  # 聘任王坚院士
    assert s.header.speaker == "市委常委、区委书记刘颖"
    assert s.stats.sentences > 30 and s.stats.characters > 1500
    assert len(s.keywords) == 10
    assert 1 <= len(s.key_sentences) <= 5
    assert [(t.indicator, t.value) for t in s.targets] == [("文化产业", "冲刺万亿大关")]
    assert any(w.reason == "injected spam" for w in s.warnings)
    kinds = [f.kind for f in s.formulations]
    assert kinds == sorted(kinds, key=["code", "numbered", "slogan", "name"].index)
    assert "296X" in [f.text for f in s.formulations]


def test_summary_dict_keys(founding_summary) -> None:
    d = summary_to_dict(founding_summary)
    assert list(d) == [
        "source", "title", "date", "date_iso", "speaker", "issuer", "number", "effective_date",
        "effective_date_iso", "doc_type", "place", "stats", "keywords", "formulations",
        "formulation_counts", "echo", "targets", "people", "organizations", "key_sentences",
        "warnings", "notes",
    ]
    assert d["formulation_counts"]["code"] >= 2  # 132, 296X, not only those shown
    assert d["place"] == "余杭" and d["notes"] == []
    assert d["people"][0] == {
        "name": "刘颖", "titles": ["市委常委", "区委书记"], "count": 4, "first_offset": 46,
    }


def test_salient_formulations_order() -> None:
    fs = [
        Formulation("开局即奔跑", "slogan", 5, 10),
        Formulation("两个大局", "numbered", 1, 50),
        Formulation("296X", "code", 1, 90),
        Formulation("三大行动", "numbered", 3, 70),
    ]
    assert [f.text for f in salient_formulations(fs, top=3)] == ["296X", "三大行动", "两个大局"]
    # another order is one key away (e.g. the document's own formulations first)
    by_count = salient_formulations(fs, top=2, key=lambda f: (-f.count, f.text))
    assert [f.text for f in by_count] == ["开局即奔跑", "三大行动"]


@pytest.mark.parametrize("name", ["gwr-2022.txt", "cpc19-report.txt"])
def test_a_brief_of_the_centre_leads_with_its_own_national_sets(name) -> None:
    # a report of the centre coins no echo: the national sets it states again and again lead,
    # not what it says once and the lexicon lacks (三座大山×1, 十四条×1 led cpc19's brief)
    s = summarize(load_document(DOCS / name))
    shown = s.formulations
    assert all(f.origin == "national" for f in shown[:5]), [(f.text, f.origin) for f in shown]
    assert shown[0].kind in ("code", "numbered") and shown[0].count >= 3


def test_a_local_brief_leads_with_its_own() -> None:
    # a provincial report echoes the centre: its own codes and sets come first
    s = summarize(load_document(DOCS / "provinces-2025" / "hubei.txt"))
    assert s.formulations[0].origin != "national" and s.formulations[0].kind == "code"


def test_summary_of_a_work_report_lists_headline_targets() -> None:
    s = summarize(load_document(DOCS / "gwr-2022.txt"))
    core = [(t.indicator, t.value) for t in s.targets if t.core]
    assert ("国内生产总值增长", "5.5%左右") in core and ("赤字率", "2.8%左右") in core
    assert s.header.doc_type == "work report"


def test_summary_of_nothing() -> None:
    from policy_cli.errors import PolicyCliError

    with pytest.raises((NothingToAnalyseError, PolicyCliError)):
        summarize(load_text("。。。", source="x"))


@pytest.mark.parametrize(
    "name",
    ["yuhang-conference-2026.json", "gwr-2022.json", "local-jiangsu-2025.json",
     "local-shaoxing-conference-2023.json"],
)
def test_brief_warnings_and_formulations_against_gold(name: str) -> None:
    """The brief flags the gold spam and nothing else; its few formulations are real ones."""
    from tests.conftest import gold, gold_document
    from tests.scoring import score_formulations, score_noise

    g = gold(name)
    brief = summary_to_dict(summarize(load_document(gold_document(g))))
    noise = score_noise(g, brief)
    shown = score_formulations(g, brief, recall=0.0, precision=0.9)
    print(f"\n{name} warnings: {noise}\n{name} formulations shown: {shown.figures}")
    assert noise.ok, noise
    assert shown.figures["precision"] >= 0.9, shown


def test_library_api(founding) -> None:
    from policy_cli.api import summary_of

    s = summary_of(founding, keywords=5, sentences=3)
    assert len(s.keywords) == 5 and len(s.key_sentences) == 3
    assert s.header.speaker == "市委常委、区委书记刘颖"


def test_summary_segments_each_sentence_once(monkeypatch) -> None:
    """The conventions' one path: every analysis of a summary reads one segmentation."""
    from policy_cli.core import segment

    doc = load_document(DOCS / "gwr-2022.txt")
    segmented: list[str] = []
    inside = []
    tagged, cut = segment.Segmenter.tagged, segment.Segmenter.cut

    def count_tagged(self, text):
        segmented.append(text)
        inside.append(1)
        try:
            return tagged(self, text)
        finally:
            inside.pop()

    def count_cut(self, text):
        if not inside:  # the jieba backend's tagged() cuts first: that is the same segmentation
            segmented.append(text)
        return cut(self, text)

    monkeypatch.setattr(segment.Segmenter, "tagged", count_tagged)
    monkeypatch.setattr(segment.Segmenter, "cut", count_cut)
    result = summarize(doc)
    assert result.keywords and result.formulations and result.people is not None
    assert sorted(segmented) == sorted(s.text for s in doc.sentences)


def test_people_rules_file_is_sound() -> None:
    """The word lists of people and organisations are data, checked as the script checks them."""
    import copy
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "check_people_rules", DATA.parent.parent / "scripts" / "check_people_rules.py"
    )
    assert spec is not None and spec.loader is not None
    check = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check)
    assert check.problems() == []
    from policy_cli.core import people

    broken = copy.deepcopy(people.rules_table())
    broken["names"]["compound_surnames"].append("欧")
    broken["titles"]["title_lead"] = "(unclosed"
    del broken["tags"]["noun"]
    found = check.problems(broken)
    assert any("欧" in p for p in found) and any("title_lead" in p for p in found)
    assert any("noun: missing" in p for p in found)


def test_the_collector_is_paused_only_while_summarising(monkeypatch):
    import gc

    from policy_cli.core import summary as summary_mod
    from policy_cli.core.loaders import load_text

    seen = []
    original = summary_mod.extract_people

    def spy(doc, **kw):
        seen.append(gc.isenabled())
        return original(doc, **kw)

    monkeypatch.setattr(summary_mod, "extract_people", spy)
    assert gc.isenabled()
    summarize(load_text("推进高质量发展。建设现代化产业体系。"))
    assert seen == [False] and gc.isenabled()

    def boom(doc, **kw):
        raise RuntimeError("a bug")

    monkeypatch.setattr(summary_mod, "extract_people", boom)
    with pytest.raises(RuntimeError):
        summarize(load_text("推进高质量发展。"))
    assert gc.isenabled()


def test_key_sentences_of_a_line_without_sentence_ends_are_bounded():
    from policy_cli.core.normalize import MAX_SENTENCE_CHARS

    line = "，".join(f"实施“{a}{b}”工程推动高质量发展" for a in "蓝天碧水净土" for b in "发展改革创新")
    doc = load_text((line + "，") * 200, source="t")
    picked = key_sentences(prepare(doc), n=3)
    assert picked and all(len(s.text) <= MAX_SENTENCE_CHARS for s in picked)
    assert all(w.end - w.start <= MAX_SENTENCE_CHARS for w in whole_sentences(doc))


def test_a_set_named_with_what_it_refers_to_is_listed_once() -> None:
    # the brief's ten places held 三个代表 and 三个代表重要思想, 十四五 and 十四五规划 (the review of
    # 2026-12-07): the set is shown with what it refers to (三个代表（重要思想）)
    fs = [
        Formulation("三个代表", "numbered", 9, 10, refers_to="重要思想"),
        Formulation("三个代表重要思想", "numbered", 9, 10),
        Formulation("十一五", "numbered", 2, 40, refers_to="第十一个五年规划时期"),
        Formulation("十一五规划", "numbered", 2, 40),
        Formulation("四个全面", "numbered", 2, 70, refers_to="战略"),
        Formulation("四个全面战略布局", "numbered", 2, 70),
        Formulation("十五", "numbered", 9, 90, refers_to="计划"),
        Formulation("十五大", "numbered", 6, 95),  # the congress, not the plan named again
    ]
    assert [f.text for f in salient_formulations(fs, top=5)] == [
        "三个代表", "十五", "十五大", "十一五", "四个全面"
    ]
    # (a list of all keeps them, after the others)
    assert len(salient_formulations(fs, top=10)) == len(fs)
    doc = load_document(DOCS / "gwr-2022.txt")
    shown = {f.text for f in summarize(doc).formulations}
    assert "十四五" in shown and "十四五规划" not in shown
