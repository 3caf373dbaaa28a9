"""The mined source of scripts/build_national.py: its filters on small inputs, an entry's evidence.

The build reads the national news corpus, which the project does not ship; these tests feed its
functions a few news items written like the news (dates, titles, sentences) instead.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

import pytest

from policy_cli.core.formulations.vocab import clause_word_set
from policy_cli.core.segment import Segmenter


def _script(name: str) -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


build = _script("build_national")

from scripts.held_out import HELD_OUT_BACKGROUND, HELD_OUT_PROVINCIAL  # noqa: E402  (on its path)


@pytest.fixture(scope="module")
def tags() -> dict[str, str]:
    return build.jieba_tags()


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    # the words as jieba cuts them: the examples' phrases (高品质生活) are the miner's n-grams,
    # which the policy lexicon may keep whole since it learnt them
    return Segmenter(lexicon=False)


def _shape(tags, heads=("生活", "建设", "开放", "转型")):
    commands = set(clause_word_set())
    return build.Shape(tags, set(heads), commands)


def test_shape_of_a_formulation(tags, segmenter):
    shape = _shape(tags)

    def shaped(text: str) -> bool:
        return build.shaped_like_formulation(segmenter.cut(text), shape)

    assert shaped("高品质生活") and shaped("全面绿色转型")
    assert shaped("高水平开放")  # jieba tags 高水平 nr: a person's tag is not held against it
    assert not shaped("推动全面绿色转型")  # opens with a verb of command
    assert not shaped("美好生活")  # opens with an adjective of evaluation (美好, 重大)
    assert not shaped("北京建设")  # a place
    assert not shaped("3个生活")  # a number
    assert not shaped("高品质的生活")  # a function word inside
    assert not shaped("高品质生活圈")  # ends in no policy head


def test_a_piece_of_a_longer_phrase_is_lengthened_by_one_neighbour(tags):
    commands = set(clause_word_set())
    # 服务业扩大开放|综合 in 40 of 50 uses: a piece of 服务业扩大开放综合试点
    assert build.extension_share(Counter({"综合": 40, "": 10}), 50, tags, commands) == 0.8
    # 推动|全面绿色转型: a verb of command lengthens no name; a clause end is no word
    assert build.extension_share(Counter({"推动": 40, "": 10}), 50, tags, commands) == 0.0
    # varied nouns before it: none in more than a fifth of its uses
    varied = Counter({"人民": 10, "群众": 10, "城乡": 10, "对": 20})
    assert build.extension_share(varied, 50, tags, commands) == 0.2


def test_pmi_at_the_weakest_split():
    counts = Counter({("高品质",): 100, ("生活",): 1000, ("高品质", "生活"): 50})
    # log(50 * 1e6 / (100 * 1000)) = log(500)
    assert build.pmi(50, ("高品质", "生活"), counts, 1_000_000) == pytest.approx(6.2146, abs=1e-3)


def _news() -> list[tuple[str, str, str]]:
    """An item a week for a year and a half: a phrase coined in 2013 said after varied words,
    an ordinary phrase said from the first week, and a piece of a longer name."""
    import datetime

    start = datetime.date(2012, 7, 2)
    openings = ["满足人民群众对", "创造", "让百姓享有", "城乡居民过上"]
    items = []
    for week in range(80):
        date = (start + datetime.timedelta(weeks=week)).isoformat()
        text = "各地加快基础设施建设。"
        if week >= 56:  # from August 2013
            text += f"{openings[week % 4]}高品质生活。开展服务业扩大开放综合试点。"
        items.append((date, f"新闻{week}", text))
    return items


@pytest.fixture
def small_corpus(monkeypatch):
    # eighty items of a dozen words: a phrase's parts cannot stand out from chance as far as
    # in 15 M words of news (PMI 3.4 here for a phrase whose parts are never said apart)
    monkeypatch.setattr(build, "MIN_MINED_PMI", 3.0)


def test_mined_keeps_a_coined_whole_cohesive_phrase(tags, segmenter, small_corpus):
    news = _news()
    clauses = list(build.news_clauses(news, segmenter))
    commands = set(clause_word_set())
    reports = "满足人民日益增长的美好生活需要，创造高品质生活。加快基础设施建设。扩大开放。"
    mined = build.mined_candidates(
        clauses, tags, {"生活", "建设", "开放"}, commands, set(), reports, commands
    )
    assert list(mined) == ["高品质生活"]
    st = mined["高品质生活"]
    assert (st.days, st.count) == (24, 24)
    assert st.left_extension == 0.25 and st.right_extension == 0.0
    # 基础设施建设 is said from the corpus's first week (established before it: ordinary);
    # 服务业扩大开放 is always followed by 综合试点 (a piece); neither is kept
    known = {"高品质生活"}
    assert build.mined_candidates(clauses, tags, {"生活", "建设", "开放"}, commands, known,
                                  reports, commands) == {}
    # a phrase no national report says is news of the day, not policy language
    assert build.mined_candidates(clauses, tags, {"生活"}, commands, set(), "", commands) == {}


def test_an_entry_has_its_evidence(segmenter, tags, small_corpus):
    news = _news()
    clauses = list(build.news_clauses(news, segmenter))
    commands = set(clause_word_set())
    mined = build.mined_candidates(clauses, tags, {"生活"}, commands, set(), "高品质生活", commands)
    ev = build.scan(sorted(mined), news, [("2017 政府工作报告", "创造高品质生活。")])
    e = ev["高品质生活"]
    assert e.first_seen() == "2013-07-29"
    assert e.text() == "news: 24 days, from 2013-07-29 《新闻56》; background: 1 reports, first 2017 政府工作报告"
    assert mined["高品质生活"].text() == (
        "mined: 24 days, 24 uses, PMI 3.4, lengthened on the left 25%, right 0%"
    )


# --- the reports source: formulations read in national work reports, kept where distinctive


def test_the_reports_seed_is_valid_input():
    read = build.read_reports_seed(build.REPORTS_SEED)
    seed = build.read_seed(build.SEED)
    assert len(read) > 250
    # the report each entry was read in is one of the five national reports read
    reports = {"gwr-2013", "gwr-2014", "gwr-2015", "gwr-2017", "cpc-17"}
    assert {report for _, report in read.values()} == reports
    labels = [label for label, _ in build.read_background()]
    for report in reports:  # each names one report of the background
        assert sum(build.names_report(label, report) for label in labels) == 1, report
    assert not set(read) & set(seed)  # (the curated seed is not repeated)


def test_a_reports_seed_line_without_its_report_is_refused(tmp_path):
    bad = tmp_path / "r.txt"
    bad.write_text("稳中向好\tslogan\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="r.txt:1: a line is text, kind and the report"):
        build.read_reports_seed(bad)


def test_a_code_is_a_digit_code_in_the_seeds_and_the_shipped_table(tmp_path):
    # 医改, 新农合 were once written as codes: an abbreviation is a name or a slogan
    bad = tmp_path / "r.txt"
    bad.write_text("医改\tcode\tgwr-2011\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="r.txt:1: '医改' is no digit code"):
        build.read_reports_seed(bad)
    table = Path(build.OUT).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in table if line and not line.startswith(("#", "text\t"))]
    codes = [r[0] for r in rows if r[1] == "code"]
    assert codes and all(re.search(r"[0-9A-Za-z]", c) for c in codes), codes


def test_an_entry_read_in_a_report_is_kept_only_where_distinctive():
    def why(text: str, said_locally: int = 0) -> str | None:
        return build.not_distinctive(build.canonical(text), said_locally, 5)

    assert why("提速降费") is None
    assert why("营商环境", said_locally=3) == "said by 3 of 5 local reports"  # everyday writing
    assert why("民族区域自治制度") == "a plain name of a system or reform"
    assert why("混合所有制改革") == "a plain name of a system or reform"
    assert why("简政放权、放管结合、优化服务、改革") is None  # a motto, whatever its last part
    assert build.qualifies("中华民族伟大复兴的中国梦", {"中国梦"}) == "qualifies 中国梦"
    assert build.qualifies("中华民族伟大复兴的中国梦", {"中华民族伟大复兴"}) is None
    assert build.qualifies("利益固化的藩篱", {"中国梦"}) is None


def test_local_reports_say_a_phrase_as_the_corpus_does(tmp_path, monkeypatch):
    """Between word edges, a 的 left out, inside a longer phrase; not inside other words."""
    report = tmp_path / "local.txt"
    report.write_text("打破利益固化藩篱，推进车棚改建。实施中华民族伟大复兴的中国梦工程。", encoding="utf-8")
    monkeypatch.setattr(build, "LOCAL_REPORTS", (report,))
    said = build.said_by_local_reports(["利益固化的藩篱", "棚改", "中国梦", "中华民族伟大复兴的中国梦"])
    assert said == {"利益固化的藩篱": 1, "棚改": 0, "中国梦": 1, "中华民族伟大复兴的中国梦": 1}


def test_the_shipped_reports_entries_hold_the_rules():
    """Every `reports` row of the shipped table says where it was read and what other national
    text says it; the product finds none of them in the current local reports."""
    from policy_cli.core.formulations import FormulationOptions
    from policy_cli.core.formulations.national import find_national
    from policy_cli.core.loaders import load_document

    table = Path(build.OUT).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in table if line and not line.startswith(("#", "text\t"))]
    read = {r[0]: r for r in rows if r[4] == build.REPORTS_SOURCE}
    assert len(read) > 150
    in_news = 0
    for text, _, first_seen, _, _, evidence in read.values():
        where = re.search(r"read in (gwr-20\d\d|cpc-1\d|news-\d{4}-\d\d-\d\d)", evidence)
        assert where and first_seen
        # said by the news on two days (two days besides the item's own, for one read in an
        # item of the news), or by a national report other than the one it was read in
        days = re.search(r"news: (\d+) days", evidence)
        others = re.search(r"said by (\d+) other national reports", evidence)
        assert others, text
        if where[1].startswith("news-"):
            in_news += 1
            other_days = re.search(r"and (\d+) other news days", evidence)
            assert other_days and (int(other_days[1]) >= 2 or int(others[1]) >= 1), text
        else:
            assert (days and int(days[1]) >= 2) or int(others[1]) >= 1, text
        assert not text.endswith(build.PLAIN_NAME_ENDS) or "、" in text
    assert in_news > 50
    for path in build.LOCAL_REPORTS:
        found = find_national(load_document(path).text, FormulationOptions())
        assert not [c.text for c in found if c.rule == build.REPORTS_SOURCE], path.name


def test_the_shipped_framing_entries_are_national_and_not_everyday_writing_of_most():
    """Every `framing` row was read in a national report or news item, other national text
    says it, and at most MAX_FRAMING_LOCAL_REPORTS current local reports do unless it is a
    motto (more make a phrase everyday writing: 营商环境, 提质增效 are in no row); one read in a report of the reports
    seed is no distinctive entry (a local report says it, or it names a system plainly), and
    one of the single phrases read in news items or of the reports of 2010 and 2011 may be
    either."""
    table = Path(build.OUT).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in table if line and not line.startswith(("#", "text\t"))]
    framing = {r[0]: r for r in rows if r[4] == build.FRAMING_SOURCE}
    assert len(framing) > 20 and {"稳中向好", "社会主义市场经济体制"} <= set(framing)
    # (everyday writing is kept apart, as `everyday` rows)
    assert not {"营商环境", "提质增效", "法治政府"} & {r[0] for r in rows if r[4] != "everyday"}
    knowledge = build.read_seed(build.KNOWLEDGE_SEED)
    for text, _, first_seen, _, _, evidence in framing.values():
        if text in knowledge:  # (written from knowledge: said on two days of the news, or more)
            assert first_seen and "written from knowledge" in evidence, text
            continue
        assert first_seen and re.search(r"read in (gwr-20\d\d|cpc-1\d|news-\d{4}-\d\d-\d\d)", evidence)
        assert re.search(r"said by (\d+) other national reports", evidence), text
    # (counted as the build counts them, among all the entries read: a longer one found holds
    # the shorter ones it says)
    said = {t: re.search(r"said by (\d+) of \d+ current local reports", r[5]) for t, r in framing.items()}
    assert all(said.values()), [t for t, m in said.items() if not m]
    # (a motto the local reports echo is no everyday writing: 普惠性、基础性、兜底性)
    assert max(int(m[1]) for t, m in said.items() if m and "、" not in t) <= (
        build.MAX_FRAMING_LOCAL_REPORTS
    )
    assert "普惠性、基础性、兜底性" in framing
    news = build.read_reports_seed(build.NEWS_PHRASES_SEED)
    earlier = build.read_reports_seed(build.REPORTS_FRAMING_SEED)
    assert all(
        int(m[1]) or t.endswith(build.PLAIN_NAME_ENDS) or t in news or t in earlier
        or (t in knowledge and "、" not in t)
        for t, m in said.items()
        if m
    )
    assert sum(t in news for t in framing) > 50 and sum(t in earlier for t in framing) > 50
    # (the reports of 2010 and 2011 are read: none of the held-out ones)
    assert {r for _, r in earlier.values()} == {"gwr-2010", "gwr-2011"}


def test_the_knowledge_seed_is_valid_input():
    knowledge = build.read_seed(build.KNOWLEDGE_SEED)
    assert len(knowledge) > 150
    # (an entry of the curated seed or read in a report is that seed's)
    assert not set(knowledge) & set(build.read_seed(build.SEED))
    assert not set(knowledge) & set(build.read_reports_seed(build.REPORTS_SEED))
    # …or read in the news or in the earlier reports; and none is written twice
    texts = [
        line.split("\t")[0]
        for line in build.KNOWLEDGE_SEED.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(texts) == len(set(texts)) == len(knowledge)
    for other in (build.NEWS_READ_SEED, build.NEWS_PHRASES_SEED, build.REPORTS_FRAMING_SEED):
        read = build.read_reports_seed(other)  # (canonical texts, as the build compares them)
        assert len(read) > 50 and not set(knowledge) & set(read), other.name


def test_an_entry_written_from_knowledge_is_kept_as_a_read_one():
    """A single phrase of the current era written from knowledge is a framing entry even where
    distinctive; one of an earlier era, a motto, an image or a numbered set is one of its own;
    an entry read in a report is neither."""
    knows = build.KNOWLEDGE
    def said(*days: str, background: tuple[str, ...] = ()) -> build.Evidence:
        return build.Evidence(days=set(days), dates=[(d, "") for d in days],
                              background=list(background))

    now = said("2016-03-05", "2016-03-06", "2016-03-07")
    before = said("2012-08-14", "2012-08-15", "2012-08-16")
    reported = said(background=("2004 2004年中华人民共和国国务院政府工作报告",))
    assert build._framing_knowledge("股票发行注册制", ("name", knows), now)
    assert build._framing_knowledge("长江大保护", ("slogan", knows), now)
    assert not build._framing_knowledge("城乡统筹", ("slogan", knows), before)
    assert not build._framing_knowledge("经济平稳较快发展", ("slogan", knows), reported)
    assert not build._framing_knowledge("有腐必反、有贪必肃", ("slogan", knows), now)
    assert not build._framing_knowledge("打虎拍蝇", ("metaphor", knows), now)
    assert not build._framing_knowledge("三管三必须", ("numbered", knows), now)
    assert not build._framing_knowledge("提速降费", ("slogan", "gwr-2017"), now)
    e = build.Evidence(days={"2015-04-14", "2016-03-05"}, read_in=knows)
    assert "written from knowledge" in e.text() and "other national reports" not in e.text()
    assert build.other_days(e, knows) == e.days and build.other_reports(e, knows) == []


def test_an_older_watchword_still_said_today_is_a_framing_entry():
    """An entry written from knowledge of an era before the news (a report of the background
    says it first) that the news still says on STILL_SAID_MIN_DAYS days from STILL_SAID_FROM on
    is said in passing today (和平与发展): a framing entry, listed where a document frames itself
    with it; one the news no longer says so often (放开搞活), or one of the current era whatever
    its use (刀刃向内, a metaphor of 2014 on), stays an entry of its own."""
    knows = build.KNOWLEDGE
    report = ("1987 1987年中华人民共和国国务院政府工作报告",)
    first = date.fromisoformat(f"{build.STILL_SAID_FROM}-01-01")
    often = [str(first + timedelta(days=k)) for k in range(build.STILL_SAID_MIN_DAYS)]
    still = build.Evidence(days=set(often), dates=[(d, "") for d in sorted(often)],
                           background=list(report))
    seldom = build.Evidence(days=set(often[:-1]), dates=[(d, "") for d in sorted(often[:-1])],
                            background=list(report))
    assert build._framing_knowledge("和平与发展", ("slogan", knows), still)
    assert build._framing_knowledge("打防结合、预防为主", ("slogan", knows), still)  # (a motto too)
    assert not build._framing_knowledge("放开搞活", ("slogan", knows), seldom)
    current = build.Evidence(days=set(often), dates=[(d, "") for d in sorted(often)])
    assert not build._framing_knowledge("刀刃向内", ("metaphor", knows), current)
    # (the same reading of an entry read in a report is the reports' own: not this rule)
    assert not build._framing_knowledge("和平与发展", ("slogan", "cpc-17"), still)


def test_the_shipped_knowledge_entries_hold_the_rules():
    """Every `knowledge` row is written from knowledge, said on two days of the news or in a
    national report that is not held out, a motto, an image, a numbered set or a phrase of an
    earlier era, and the product
    finds none of them in the current local reports (everyday writing is no such entry:
    分级诊疗, 为基层减负 are in no row)."""
    from policy_cli.core.formulations import FormulationOptions
    from policy_cli.core.formulations.national import KNOWLEDGE_SOURCE, find_national
    from policy_cli.core.loaders import load_document

    table = Path(build.OUT).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in table if line and not line.startswith(("#", "text\t"))]
    knowledge = build.read_seed(build.KNOWLEDGE_SEED)
    kept = {r[0]: r for r in rows if r[4] == KNOWLEDGE_SOURCE}
    assert len(kept) > 30 and set(kept) <= set(knowledge)
    assert not {"分级诊疗", "为基层减负"} & {r[0] for r in rows if r[4] != "everyday"}
    for text, kind, first_seen, _, _, evidence in kept.values():
        assert first_seen and "written from knowledge" in evidence, text
        days = re.search(r"news: (\d+) days", evidence)
        assert (days and int(days[1]) >= build.MIN_SEED_DAYS) or "background" in evidence, text
        # a single phrase of a slogan or a name is one of an earlier era
        assert "、" in text or kind in ("metaphor", "numbered", "code") or (
            first_seen[:4] < build.CURRENT_ERA_FROM
        ), text
    for path in build.LOCAL_REPORTS:
        found = find_national(load_document(path).text, FormulationOptions())
        assert not [c.text for c in found if c.rule == KNOWLEDGE_SOURCE], path.name


def test_the_everyday_entries_are_said_by_current_local_reports_and_dated_by_year():
    """An entry read in a report or written from knowledge that more current local reports say
    than a framing entry may is kept as an `everyday` entry, dated by the year of its era (no
    held-out report dates it), apart from the lexicon."""
    from policy_cli.core.national import EVERYDAY_SOURCE, everyday_lexicon, national_lexicon

    table = Path(build.OUT).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in table if line and not line.startswith(("#", "text\t"))]
    everyday = {r[0]: r for r in rows if r[4] == EVERYDAY_SOURCE}
    assert {"改革开放", "营商环境", "保障和改善民生"} <= set(everyday)
    for text, _, first_seen, _, _, evidence in everyday.values():
        said = re.search(r"said by (\d+) of \d+ current local reports", evidence)
        assert said and int(said[1]) > build.MAX_FRAMING_LOCAL_REPORTS, text
        assert re.fullmatch(r"\d{4}", first_seen), text
        assert len(text) >= build.EVERYDAY_MIN_LEN, text  # (低保: a word of the language)
    assert set(everyday) == set(everyday_lexicon()) and not set(everyday) & set(national_lexicon())


def test_the_held_out_reports_name_one_report_each_and_are_not_read():
    import json
    import lzma

    with lzma.open(build.BACKGROUND, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    for label in HELD_OUT_BACKGROUND:
        title = label.split(" ", 1)[1]
        assert sum(r.get("title", "").startswith(title) for r in records) == 1, label
    labels = [label for label, _ in build.read_background()]
    assert len(labels) == len(records) - len(HELD_OUT_BACKGROUND)
    assert not [label for label in labels if label.startswith(HELD_OUT_BACKGROUND)]
    assert build.names_report("2007 高举中国特色社会主义伟大旗帜…… (十七大)", "cpc-17")
    assert not build.names_report("2017 决胜全面建成小康社会…… (十九大)", "gwr-2017")
    assert not any(build.names_report(label, "cpc17") for label in labels)  # (a typo: the build refuses it)


def test_no_held_out_provincial_report_is_read():
    """Shandong's and Sichuan's reports are held out: no entry is kept, classed as everyday
    writing or counted as a watchword on their word."""
    held = HELD_OUT_PROVINCIAL
    files = [*build.PROVINCES.glob("*.txt"), *(build.ROOT / "tests/data/formats").glob("*.docx")]
    assert held <= {p.name for p in files}  # (the names are no typos)
    assert not {p.name for p in build.LOCAL_REPORTS} & held
    assert not {p.name for p in build.PROVINCIAL_REPORTS} & held


def test_a_phrase_inside_a_motto_is_said_within_a_part_not_across_a_separator():
    ev = build.scan(["政治协商、民主监督、参政议政", "协商民主", "民主监督"], [],
                    [("1997 报告", "坚持政治协商、民主监督、参政议政。")])
    assert ev["政治协商、民主监督、参政议政"].background and ev["民主监督"].background
    assert not ev["协商民主"].background


def test_an_entry_read_in_a_news_item_counts_the_other_days_only():
    e = build.Evidence(days={"2020-12-18", "2021-03-05", "2021-12-10"})
    assert build.other_days(e, "news-2020-12-18") == {"2021-03-05", "2021-12-10"}
    assert build.other_days(e, "gwr-2015") == e.days  # read in a report: every day counts
    assert build.NEWS_READ.fullmatch("news-2020-12-18") and not build.NEWS_READ.fullmatch("news-2020")


# --- plain words: what national text says often and seldom quotes


def _plain(path: Path) -> dict[str, tuple[int, int]]:
    rows = [ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines()
            if ln and not ln.startswith("#")]
    return {w: (int(d), int(q)) for w, d, q in rows}


def test_a_plain_word_is_said_in_many_documents_and_seldom_quoted(tmp_path):
    # the document frequencies are the shipped IDF table's (高素质 233, 逐梦 71, 满意度 114);
    # the quotes are counted in the news given: 逐梦 quoted in 20 items of 71 is a coined image
    news = [(f"2020-01-{i % 28 + 1:02d}", f"新闻{i}", "九牧王礼服“逐梦”巴黎奥运。") for i in range(20)]
    news += [("2020-02-01", "新闻", "经济发展“高素质”迈出坚实步伐，群众“满意度”提升。")]
    out = tmp_path / "plain.tsv"
    build.write_plain_words(news, [], {"满意度"}, out)
    plain = _plain(out)
    assert plain["高素质"][1] == 1 and plain["高素质"][0] >= build.MIN_PLAIN_DOCUMENTS
    assert "逐梦" not in plain  # (20 of ~71 documents quote it)
    assert "满意度" not in plain  # an entry of the lexicon given is never plain
    assert "列车" not in plain  # a noun of the dictionary: the quoted stage's rule takes it
    assert list(plain) == sorted(plain)


def test_the_shipped_plain_words_hold_the_rules():
    path = Path(__file__).resolve().parents[2] / "policy_cli" / "data" / "plain_words.tsv"
    plain = _plain(path)
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    assert lines == sorted(lines)  # (the product finds a word by bisection)
    assert len(plain) > 5000
    for word, (said, quoted) in plain.items():
        assert build.PLAIN_SHAPE.fullmatch(word)
        assert said >= build.MIN_PLAIN_DOCUMENTS and quoted <= build.MAX_PLAIN_QUOTED_SHARE * said
    from policy_cli.core.national import national_lexicon

    assert not set(plain) & set(national_lexicon())


def test_a_quoted_title_of_a_work_or_a_storm_is_no_quoted_formulation():
    # the thirty-sixth session: the build counts a quoted phrase only where it is seldom the
    # title of a column or a show, or the name of a storm (names_a_thing, titles_a_work)
    news = [
        (f"2015-03-{d:02d}", "标题", text)
        for d, text in enumerate(
            ["本台“今日谈”栏目播出。", "“今日谈”栏目今天关注就业。", "“利奇马”台风登陆。",
             "台风“利奇马”逼近。", "推进“放管服”改革。", "深化“放管服”改革。"],
            start=1,
        )
    ]
    days, uses = build.quoted_candidates(news)
    assert days["放管服"] == 2
    assert "今日谈" not in days and "利奇马" not in days
    assert uses["今日谈"] == 2  # (said, only not as a formulation)
    # the shipped lexicon holds neither
    lexicon = Path(__file__).resolve().parents[2] / "policy_cli" / "data" / "national_formulations.tsv"
    shipped = {line.split("\t")[0] for line in lexicon.read_text(encoding="utf-8").splitlines()}
    assert not {"今日谈", "CCTV慈善之夜", "哈维"} & shipped
