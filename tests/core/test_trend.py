"""`trend_documents`: facts a reader can check in the raw texts of the background corpus.

Every expected fact is computed here from the raw JSON-lines texts (not remembered), then
compared with what the tool reports; the well-known values are asserted as well so that a
corpus that silently changed is noticed.
"""

from __future__ import annotations

import gzip
import json
import lzma
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy_cli.core.normalize import join_invisible_breaks
from policy_cli.core.script import simplify
from policy_cli.core.trend import (
    cache_dir,
    expand_paths,
    trend_documents,
    year_from_text,
)
from policy_cli.errors import InputError, NothingToAnalyseError, PolicyCliError, UsageError

from ..conftest import DOCS

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "background.jsonl.xz"
slow = pytest.mark.slow  # runs over the whole background corpus (a cold run: seconds)
GWR = "government_work_report"
FACT_TERMS = ("高质量发展", "供给侧结构性改革", "小康", "阶级斗争", "新质生产力")


@pytest.fixture(scope="module")
def raw() -> list[dict]:
    """The reports as the tool reads them: the early ones in traditional characters (1954,
    1957) converted to simplified (core.script), so that 階級鬥爭 counts as 阶级斗争, and the
    lines a line of zero-width characters splits inside a sentence joined (normalize)."""
    with lzma.open(CORPUS, "rt", encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    for d in docs:
        d["content"] = join_invisible_breaks(simplify(d["content"])[0])
    return docs


@pytest.fixture(scope="module")
def gwr(raw) -> list[dict]:
    return [d for d in raw if d["kind"] == GWR]


QUOTE_MARKS = "“”\"‘’「」『』"


def printed(term: str) -> re.Pattern[str]:
    """A term as printed: quote marks may stand between its characters (共建“一带一路”)."""
    between = f"[{QUOTE_MARKS}]*"
    return re.compile(between.join(re.escape(c) for c in term if c not in QUOTE_MARKS))


def said(text: str, term: str) -> int:
    """How often a term is said in a text: its occurrences as printed that start a word."""
    from policy_cli.core.counting import starts_a_word

    return sum(
        1 for m in printed(term).finditer(text) if starts_a_word(text, m.start(), len(m.group()))
    )


def raw_first_year(docs: list[dict], term: str) -> int | None:
    return min((d["year"] for d in docs if said(d["content"], term)), default=None)


def raw_peak_year(docs: list[dict], term: str) -> int | None:
    rates = {d["year"]: said(d["content"], term) / len(d["content"]) for d in docs}
    best = max(rates.values())
    return min(y for y, r in rates.items() if r == best) if best > 0 else None


@pytest.fixture(scope="module")
def cache_root(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("policy-cache")


@pytest.fixture(scope="module")
def by_terms(cache_root):
    return trend_documents([CORPUS], terms=FACT_TERMS, kinds=[GWR], cache_root=cache_root)


@pytest.fixture(scope="module")
def changes(cache_root):
    return trend_documents([CORPUS], kinds=[GWR], top=1000, cache_root=cache_root)


def test_corpus_is_the_one_described(raw, gwr):
    assert len(raw) == 62 and len(gwr) == 48
    assert sum(len(d["content"]) for d in raw) > 1_300_000


def test_periods_are_the_report_years(by_terms, gwr):
    assert [p.year for p in by_terms.periods] == sorted(d["year"] for d in gwr)
    assert all(d.year_from == "metadata" for d in by_terms.documents)
    assert len(by_terms.documents) == 48 and not by_terms.skipped


@pytest.mark.parametrize("term", FACT_TERMS)
def test_first_seen_and_peak_match_the_raw_texts(by_terms, gwr, term):
    series = {s.term: s for s in by_terms.terms}[term]
    first, peak = raw_first_year(gwr, term), raw_peak_year(gwr, term)
    print(
        term, "first", series.first_seen, "peak", series.peak, series.peak_rate, "raw", first, peak
    )
    assert series.first_seen == (str(first) if first else None)
    assert series.peak == (str(peak) if peak else None)


def test_the_published_facts(by_terms):
    s = {t.term: t for t in by_terms.terms}
    assert s["高质量发展"].first_seen == "2018"
    assert s["供给侧结构性改革"].first_seen == "2016"
    assert s["小康"].first_seen == "1981" and s["小康"].peak == "2016"
    assert s["阶级斗争"].peak == "1964"
    assert s["新质生产力"].total == 0 and s["新质生产力"].first_seen is None


def test_term_counts_are_counts_per_year(by_terms, gwr):
    years = [p.year for p in by_terms.periods]
    for s in by_terms.terms:
        expected = [sum(said(d["content"], s.term) for d in gwr if d["year"] == y) for y in years]
        assert list(s.counts) == expected, s.term
    # 小康 counts inside 小康社会 and 奔小康: a compound built on it still says it
    assert {t.term: t for t in by_terms.terms}["小康"].total == sum(
        d["content"].count("小康") for d in gwr
    )


def test_rates_are_per_ten_thousand_characters(by_terms):
    s = {t.term: t for t in by_terms.terms}["小康"]
    i = [p.label for p in by_terms.periods].index("2016")
    chars = by_terms.periods[i].characters
    assert s.rates[i] == pytest.approx(s.counts[i] * 10_000 / chars, abs=1e-3)


def test_first_offset_points_at_the_term(by_terms, gwr):
    s = {t.term: t for t in by_terms.terms}["供给侧结构性改革"]
    assert s.first_source and s.first_source.startswith(str(CORPUS))
    from policy_cli.core.loaders import load_text

    lineno = int(s.first_source.rsplit(":", 1)[1])
    with lzma.open(CORPUS, "rt", encoding="utf-8") as fh:
        record = json.loads(fh.readlines()[lineno - 1])
    text = load_text(record["content"]).text
    assert text[s.first_offset : s.first_offset + len(s.term)] == s.term


@slow
def test_rising_and_falling_agree_with_the_raw_texts(changes, gwr):
    split = int(changes.split)
    early = [d for d in gwr if d["year"] < split]
    late = [d for d in gwr if d["year"] >= split]

    def rate(docs, term):
        return sum(d["content"].count(term) for d in docs) / sum(len(d["content"]) for d in docs)

    print("split", split, "rising", [t.term for t in changes.rising[:12]])
    print("falling", [t.term for t in changes.falling[:12]])
    for s in changes.rising[:20]:
        assert rate(late, s.term) > rate(early, s.term), s.term
    for s in changes.falling[:20]:
        assert rate(late, s.term) < rate(early, s.term), s.term
    for s in changes.rising[:50] + changes.falling[:50]:
        first = raw_first_year(gwr, s.term)
        if s.kind == "formulation":  # counted where said (starting a word): exact
            assert s.first_seen == str(first), s.term
        else:  # a token cannot appear before its characters do
            assert int(s.first_seen) >= first, s.term


@slow
def test_new_formulations_are_seen_first_when_the_texts_say(changes, gwr):
    ranked = {s.term: s for s in changes.rising}
    for term, year in (("高质量发展", 2018), ("供给侧结构性改革", 2016)):
        assert raw_first_year(gwr, term) == year
        assert term in ranked, term
        assert ranked[term].first_seen == str(year)
        assert ranked[term].early_rate == 0


@slow
def test_formulations_are_listed_by_first_seen_as_the_texts_say(changes, gwr):
    forms = changes.formulations
    if not forms:
        pytest.skip("no formulation extractor in this checkout")
    print("formulations:", [(s.first_seen, s.term, s.total) for s in forms[:30]])
    years = [int(s.first_seen) for s in forms]
    assert years == sorted(years)
    for s in forms:
        assert s.kind == "formulation"
        assert s.first_seen == str(raw_first_year(gwr, s.term)), s.term
        assert s.total == sum(said(d["content"], s.term) for d in gwr), s.term
        assert s.total <= sum(len(printed(s.term).findall(d["content"])) for d in gwr), s.term
    # the 1986 report's 一两个超级大国 (one or two superpowers) does not say 两个超级大国
    superpowers = {s.term: s for s in forms}.get("两个超级大国")
    if superpowers is not None:
        assert superpowers.total == sum(d["content"].count("两个超级大国") for d in gwr) - 1


@slow
def test_changes_are_sorted_and_signed(changes):
    assert [s.change for s in changes.rising] == sorted(
        (s.change for s in changes.rising), reverse=True
    )
    assert all(s.change > 0 for s in changes.rising) and all(s.change < 0 for s in changes.falling)
    assert all(s.total >= 5 for s in changes.rising + changes.falling)


@slow
def test_second_run_is_served_from_the_cache(changes, cache_root):
    again = trend_documents([CORPUS], kinds=[GWR], top=1000, cache_root=cache_root)
    assert again.cache_misses == 0 and again.cache_hits == 48
    assert again.rising == changes.rising and again.falling == changes.falling


def test_pool_and_serial_give_the_same_result(tmp_path):
    paths = sorted((DOCS / "provinces-2025").glob("*.txt"))[:4]
    serial = trend_documents(paths, by="file", workers=1, use_cache=False)
    pooled = trend_documents(paths, by="file", workers=2, cache_root=tmp_path)
    assert serial.rising == pooled.rising and serial.falling == pooled.falling
    assert serial.periods == pooled.periods


def test_unannotated_provincial_reports_by_file(tmp_path):
    folder = DOCS / "provinces-2025"
    result = trend_documents(
        [folder], terms=["新质生产力", "高质量发展"], by="file", cache_root=tmp_path
    )
    assert len(result.periods) == 10
    assert all(d.year == 2025 and d.year_from == "text" for d in result.documents)
    s = {t.term: t for t in result.terms}
    for doc, count in zip(result.periods, s["新质生产力"].counts, strict=True):
        path = folder / doc.label
        from policy_cli.core.loaders import load_document

        assert count == load_document(path).text.count("新质生产力")
    print(
        "新质生产力 per province:",
        dict(zip([p.label for p in result.periods], s["新质生产力"].rates, strict=True)),
    )
    assert s["新质生产力"].total > 0


def test_one_year_is_a_table_but_not_a_trend(tmp_path):
    folder = DOCS / "provinces-2025"
    result = trend_documents([folder], terms=["改革"], cache_root=tmp_path)
    assert [p.label for p in result.periods] == ["2025"] and result.periods[0].documents == 10
    with pytest.raises(NothingToAnalyseError, match="two periods"):
        trend_documents([folder], cache_root=tmp_path)


@pytest.mark.parametrize(
    ("name", "year"),
    [
        ("central-no1-2018.txt", 2018),  # （2018年1月2日）
        ("cpc19-report.txt", 2017),  # 第十九次全国代表大会
        ("gwr-2021.txt", 2021),  # 2021年政府工作报告
        ("local-jiangsu-2025.txt", 2025),
        ("gwr-2022.txt", None),  # its head says 2021年工作回顾: not the report's year
        ("yuhang-conference-2026.txt", None),
    ],
)
def test_year_from_text(name, year):
    from policy_cli.core.loaders import load_document

    assert year_from_text(load_document(DOCS / name).text) == year


def test_year_from_text_of_a_congress_titled_by_its_number():
    # the background corpus's titles: …步伐 (十四大); a count in brackets is no congress
    assert year_from_text("加快改革开放和现代化建设步伐 (十四大)\n同志们：") == 1992
    assert year_from_text("关于打好三大攻坚战（三大）的实施意见\n各地区：") is None


def test_a_congress_or_a_month_a_report_recalls_dates_it_not():
    # the 1998 work report opens 在中国共产党第十五次全国代表大会精神鼓舞下 (it was dated 1997),
    # the 2003 one 本届政府1998年3月就职 (its month was 1998-03): a congress a report is made to
    # and a dateline date it
    from policy_cli.core.trend.reading import month_from_text

    assert year_from_text("各位代表：\n在中国共产党第十五次全国代表大会精神鼓舞下，全国各族人民…") is None
    assert year_from_text("同志们：\n中国共产党第十六次全国代表大会，是我们党在新世纪召开的…") == 2002
    assert month_from_text("各位代表：\n本届政府1998年3月就职，任期即将结束。") is None
    assert month_from_text("关于某事的意见\n（2018年1月）\n各地区：") == "2018-01"
    assert month_from_text("报告\n2018年3月5日在第十三届全国人民代表大会上") == "2018-03"


def test_year_from_text_chinese_numerals():
    assert year_from_text("关于某事的报告\n（二〇一八年三月五日）\n正文") == 2018


def test_year_falls_back_to_the_file_name(tmp_path):
    result = trend_documents(
        [DOCS / "gwr-2022.txt", DOCS / "gwr-2018.txt"], terms=["高质量发展"], cache_root=tmp_path
    )
    assert [(d.year, d.year_from) for d in result.documents] == [
        (2018, "file name"),
        (2022, "file name"),
    ]


def test_a_notice_dated_under_its_signature_has_its_year(tmp_path):
    # title, addressee, body, issuer, date: the layout of an official notice; the year is in
    # its date at the end (as `summary` reads it), not in its head nor its file name
    notice = (
        "关于进一步加强农田水利建设的通知\n各市、县人民政府：\n"
        "为贯彻落实中央一号文件精神，推进乡村振兴，现就加强农田水利建设通知如下。\n"
        "一、充分认识农田水利建设的重要性。要坚持新发展理念，推动高质量发展。\n"
        "二、加大投入力度。\nXX省人民政府\n{date}\n"
    )
    (tmp_path / "a.txt").write_text(notice.format(date="2019年3月5日"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(notice.format(date="二〇一八年三月五日"), encoding="utf-8")
    result = trend_documents([tmp_path], terms=["乡村振兴"], cache_root=tmp_path / "cache")
    assert sorted((d.year, d.year_from) for d in result.documents) == [
        (2018, "text"), (2019, "text")
    ]


def test_a_record_date_written_without_marks(tmp_path):
    # 20180517: the naming habit of corpus files, read as 2018-05-17 by year and by month
    from policy_cli.core.corpus import meta_year, record_date

    assert record_date("20180517") == "2018-05-17" and record_date("201805") == "2018-05"
    assert record_date("2018-05-17") == "2018-05-17" and record_date(20180517) == "2018-05-17"
    assert meta_year({"date": "20180517"}) == 2018 and meta_year({"date": "12345678"}) is None
    assert meta_year({"date": 2018}) == 2018 and meta_year({"date": 20180517}) == 2018
    path = tmp_path / "c.jsonl"
    path.write_text(
        '{"date": "20180517", "content": "推进改革开放。"}\n{"date": "20190305", "content": "推进改革。"}\n',
        encoding="utf-8",
    )
    result = trend_documents([path], terms=["改革"], by="month", use_cache=False, workers=1)
    assert [p.label for p in result.periods] == ["2018-05", "2019-03"]


def test_compressed_jsonl_and_title_year(tmp_path):
    records = [
        {"title": "2001年某省政府工作报告", "content": "推进改革。小康社会建设。" * 3},
        {"year": "2003", "content": "深化改革，全面建设小康社会。"},
        {"content": "没有年份的报告。", "title": "无题"},
    ]
    path = tmp_path / "mini.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n\n")
    result = trend_documents([path], terms=["小康", "改革"], use_cache=False, workers=1)
    assert [p.label for p in result.periods] == ["2001", "2003"]
    assert [s.counts for s in result.terms] == [(3, 1), (3, 1)]
    assert result.skipped == ((f"{path}:5", "no year in its metadata, its text or its file name"),)
    by_file = trend_documents([path], terms=["小康"], by="file", use_cache=False, workers=1)
    assert [p.label for p in by_file.periods] == [
        "2001年某省政府工作报告",
        f"{path.name}:3",
        "无题",
    ]


def test_bad_jsonl_record_is_skipped_and_named_by_its_line(tmp_path):
    # one line cut short (an interrupted download) costs that record, not the corpus
    path = tmp_path / "bad.jsonl"
    path.write_text(
        '{"year": 2001, "content": "改革"}\n{"year": 2002\n{"year": 2003, "content": "改革开放"}\n',
        encoding="utf-8",
    )
    for root in (tmp_path / "cache", tmp_path / "cache"):  # read, then as the cache has it
        result = trend_documents([path], terms=["改革"], cache_root=root, workers=1)
        assert [p.label for p in result.periods] == ["2001", "2003"]
        assert [s for s, _ in result.skipped] == [f"{path}:2"]
        assert "not a JSON object" in result.skipped[0][1]
    # …whatever kind of document is asked for (a broken record has none)
    with pytest.raises(NothingToAnalyseError, match=r"bad.jsonl:2: not a JSON object"):
        trend_documents([path], terms=["改革"], kinds=["report"], use_cache=False, workers=1)
    path.write_text('{"year": 2001, "body": "改革"}\n', encoding="utf-8")
    with pytest.raises(NothingToAnalyseError, match="no 'content'"):
        trend_documents([path], terms=["改革"], use_cache=False)


def test_paths_missing_or_empty(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        expand_paths([tmp_path / "nope.txt"])
    with pytest.raises(InputError, match="matches no document"):
        expand_paths([str(tmp_path / "*.txt")])
    with pytest.raises(InputError, match="no documents in this folder"):
        expand_paths([tmp_path])


def test_glob_and_folder_expand_in_order():
    files = expand_paths([str(DOCS / "provinces-2025" / "*.txt"), DOCS / "provinces-2025"])
    assert files == sorted((DOCS / "provinces-2025").glob("*.txt"))  # duplicates dropped


def test_bad_options():
    with pytest.raises(UsageError):
        trend_documents([DOCS / "gwr-2021.txt"], by="week")
    with pytest.raises(UsageError):
        trend_documents([DOCS / "gwr-2021.txt"], top=0)
    with pytest.raises(UsageError):
        trend_documents([DOCS / "gwr-2021.txt"], terms=[" "])


def test_undated_or_filtered_documents(tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text("没有日期的文件。推进改革。\n", encoding="utf-8")
    with pytest.raises(NothingToAnalyseError, match="--by file"):
        trend_documents([path], terms=["改革"], use_cache=False)
    with pytest.raises(NothingToAnalyseError, match="--kind"):
        trend_documents([CORPUS], terms=["改革"], kinds=["no_such_kind"], use_cache=False)


def test_unloadable_document_is_skipped_not_fatal(tmp_path):
    (tmp_path / "a-2001.txt").write_text("推进改革。\n", encoding="utf-8")
    (tmp_path / "b-2002.txt").write_bytes(b"")
    result = trend_documents([tmp_path], terms=["改革"], use_cache=False, workers=1)
    assert [p.label for p in result.periods] == ["2001"]
    assert result.skipped[0][0].endswith("b-2002.txt") and "empty" in result.skipped[0][1]


def test_cache_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("POLICY_CLI_CACHE", str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c"
    monkeypatch.delenv("POLICY_CLI_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert cache_dir() == tmp_path / "x" / "policy-cli"


def test_damaged_cache_is_rebuilt(tmp_path):
    paths = [DOCS / "gwr-2021.txt", DOCS / "gwr-2022.txt"]
    first = trend_documents(paths, workers=1, cache_root=tmp_path)
    files = [f for f in tmp_path.rglob("*") if f.is_file()]
    assert [f.name for f in files] == ["trend.sqlite3"]  # one file, not one per document
    files[0].write_bytes(b"garbage" * 1000)
    again = trend_documents(paths, workers=1, cache_root=tmp_path)
    assert again.cache_hits == 0 and again.rising == first.rising
    third = trend_documents(paths, workers=1, cache_root=tmp_path)
    assert third.cache_hits == 2 and third.rising == first.rising


def test_unwritable_cache_is_a_warning(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = trend_documents([DOCS / "gwr-2021.txt"], terms=["改革"], cache_root=blocker, workers=1)
    assert result.terms[0].total > 0
    assert result.warnings and "cannot write the cache" in result.warnings[0]


def test_progress_reports_every_document(tmp_path):
    calls = []
    trend_documents(
        [DOCS / "provinces-2025"], terms=["改革"], by="file", cache_root=tmp_path,
        progress=lambda stage, done, total: calls.append((stage, done, total)),
    )  # fmt: skip
    assert calls[-1] == ("counting", 10, 10)
    for stage in ("reading", "counting"):
        assert [c[1] for c in calls if c[0] == stage] == list(range(1, 11))


def test_short_codes_are_not_followed_as_substrings():
    from policy_cli.core.trend.table import _followable

    assert not _followable("九五")  # would match 一九五四年
    assert _followable("供给侧结构性改革")


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    lines=st.lists(
        st.one_of(
            st.text(max_size=40),
            st.builds(
                lambda c, y: json.dumps({"content": c, "year": y}, ensure_ascii=False),
                st.text(max_size=60),
                st.one_of(st.integers(-5, 3000), st.text(max_size=6), st.none()),
            ),
        ),
        max_size=4,
    ),
    data=st.binary(max_size=200),
)
def test_arbitrary_input_raises_only_policy_errors(tmp_path, lines, data):
    jsonl = tmp_path / "x.jsonl"
    jsonl.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    blob = tmp_path / "y-2020.txt"
    blob.write_bytes(data)
    for paths, by in (([jsonl], "year"), ([blob], "file"), ([jsonl, blob], "file")):
        for terms in (["改革"], []):
            try:
                trend_documents(paths, terms=terms, by=by, workers=1, use_cache=False)
            except PolicyCliError:
                pass


def test_congress_numbers():
    assert year_from_text("在中国共产党第十九次全国代表大会上的报告") == 2017
    assert year_from_text("在中国共产党第九次全国代表大会上的报告") == 1969
    assert year_from_text("中国共产党第十十次全国代表大会") is None


def test_small_chinese_numbers():
    from policy_cli.core.chars import small_number

    assert [small_number(t) for t in ("一", "九", "十", "十九", "二十", "九十九")] == [
        1, 9, 10, 19, 20, 99,
    ]  # fmt: skip
    assert [small_number(t) for t in ("十十", "二十二十", "〇", "", "三四", "百")] == [None] * 6
    assert year_from_text("关于某事的报告\n（二ＯＯ七年十二月）\n正文") == 2007


def test_a_damaged_entry_of_a_remembered_file_reads_the_file_again(tmp_path):
    import sqlite3

    path = tmp_path / "reports.jsonl"
    path.write_text(
        "\n".join(
            json.dumps({"year": y, "content": DOCS.joinpath(n).read_text(encoding="utf-8")})
            for y, n in ((2021, "gwr-2021.txt"), (2022, "gwr-2022.txt"))
        ),
        encoding="utf-8",
    )
    cache = tmp_path / "cache"
    first = trend_documents([path], terms=["改革"], workers=1, cache_root=cache)
    remembered = trend_documents([path], terms=["改革"], workers=1, cache_root=cache)
    assert remembered.cache_hits == 2 and remembered.terms == first.terms
    with sqlite3.connect(cache / "trend.sqlite3") as db:
        (items,) = db.execute("SELECT items FROM files").fetchone()
        entries = json.loads(bytes(items))
        entries[1][1] = "not a key"  # damaged (or written by another version)
        db.execute("UPDATE files SET items = ?", (json.dumps(entries).encode(),))
    again = trend_documents([path], terms=["改革"], workers=1, cache_root=cache)
    assert again.terms == first.terms and again.skipped == ()


def test_workers_number_words_and_count_phrases_as_one_process_does(tmp_path, monkeypatch):
    """The pool's paths (words numbered in the workers, many tasks each; followed phrases
    counted in workers reading the cache file) give what one process gives."""
    from policy_cli.core.trend import reading, table

    monkeypatch.setattr(reading, "TASK_DOCUMENTS", 2)  # many tasks: words sent again
    monkeypatch.setattr(table, "PARALLEL_COUNT_DOCUMENTS", 1)
    monkeypatch.setattr(table, "COUNT_TASK_DOCUMENTS", 3)
    spread: list[int] = []
    in_workers = table._count_in_workers

    def spy(path, keys, phrases, workers):
        spread.append(len(keys))
        return in_workers(path, keys, phrases, workers)

    monkeypatch.setattr(table, "_count_in_workers", spy)
    paths = sorted((DOCS / "provinces-2025").glob("*.txt")) + sorted(DOCS.glob("*.txt"))
    serial = trend_documents(paths, by="file", workers=1, use_cache=False)
    pooled = trend_documents(paths, by="file", workers=2, cache_root=tmp_path)
    assert pooled.cache_misses == len(paths)
    assert pooled.files == serial.files and pooled.formulations == serial.formulations
    assert len(serial.formulations) > 5 and len(serial.files) == len(paths)
    assert spread and spread[0] == len(paths)  # the workers counted every document
    by_year = trend_documents([CORPUS], kinds=[GWR], workers=2, cache_root=tmp_path)
    by_year_serial = trend_documents([CORPUS], kinds=[GWR], workers=1, use_cache=False)
    assert by_year.rising == by_year_serial.rising and by_year.falling == by_year_serial.falling
    assert by_year.formulations == by_year_serial.formulations and by_year.formulations


def test_numbered_counts_are_the_candidate_terms_of_one_process(tmp_path):
    """A worker sends every piece of the cut, the ones that are no candidate term under
    `NOT_A_TERM`; the parent keeps the candidate terms alone, with their counts, as the
    documents' own `analyse_document` gives them (counts over 65,535 split into records)."""
    from array import array

    from policy_cli.core.cache import AnalysisCache, pack_counts, unpack_counts
    from policy_cli.core.trend import reading

    paths = sorted(DOCS.glob("*.txt"))[:4]
    args = [(str(p), p.read_bytes(), True, False, True) for p in paths]
    plain = [reading.analyse_document(*a) for a in args]
    assert all(e["terms"] for e in plain)
    cache = AnalysisCache(None, memory=True)
    try:
        sent = reading.analyse_numbered(args, "test-run")
        pieces = [e["terms"] for e in sent[3]]
        assert all(reading.NOT_A_TERM in array("I", ids) for ids, _ in pieces)  # ，。 sent too
        placed = reading._WorkerWords(cache).place(sent)
        for e, p in zip(placed, plain, strict=True):
            assert e["terms"] == pack_counts(cache.word_ids(p["terms"]), list(p["terms"].values()))
            assert e["forms"] == pack_counts(cache.word_ids(p["forms"]), list(p["forms"].values()))
        # the same documents said 70,000 times over: the split records, non-terms dropped
        many = reading.analyse_numbered(args, "test-run-2")
        for e in many[3]:
            ids, counts = e["terms"]
            e["terms"] = (ids, array("I", [n * 70_000 for n in array("I", counts)]).tobytes())
        placed = reading._WorkerWords(cache).place(many)
        for e, p in zip(placed, plain, strict=True):
            ids, counts = unpack_counts(e["terms"])
            assert counts.max() == 0xFFFF
            total: dict[int, int] = {}
            for i, n in zip(ids.tolist(), counts.tolist(), strict=True):
                total[i] = total.get(i, 0) + n
            want = dict(zip(cache.word_ids(p["terms"]), p["terms"].values(), strict=True))
            assert total == {i: n * 70_000 for i, n in want.items()}
    finally:
        cache.close()


def test_a_task_read_stage_by_stage_is_its_documents_read_one_by_one():
    """A worker's task is read a stage at a time (all loaded, all cut, then the formulations
    of each): each entry is the one its document gives alone, a document that cannot be read
    and one read without its terms among them."""
    from policy_cli.core.trend import reading

    paths = sorted(DOCS.glob("*.txt"))[:3]
    args = [(str(p), p.read_bytes(), True, False, True) for p in paths]
    args.insert(1, ("empty.txt", b"   \n", True, False, True))  # no text: an error entry
    args.append((str(paths[0]), paths[0].read_bytes(), False, False, False))  # no terms asked
    # terms without formulations (a document that does not propose any: reading.Proposal)
    args.append((str(paths[1]), paths[1].read_bytes(), True, False, False))
    alone = [reading.analyse_document(*a) for a in args]
    assert "error" in alone[1] and "terms" not in alone[-2] and alone[0]["forms"]
    assert alone[-1]["terms"] and "forms" not in alone[-1]
    assert reading.analyse_documents(args) == alone


def test_a_worker_that_forgets_its_non_terms_numbers_what_it_did_before(monkeypatch):
    """Past `_TERMS_TABLE_MAX` pieces a worker forgets the pieces that are no term (，。): they
    are new again to the next document, not looked up as forgotten (a TypeError stopped the
    whole trend). The counts placed are the documents' own."""
    from policy_cli.core.cache import AnalysisCache, pack_counts
    from policy_cli.core.trend import reading

    monkeypatch.setattr(reading, "_TERMS_TABLE_MAX", 3)
    paths = sorted(DOCS.glob("*.txt"))[:3]
    args = [(str(p), p.read_bytes(), True, False, True) for p in paths]
    plain = [reading.analyse_document(*a) for a in args]
    cache = AnalysisCache(None, memory=True)
    try:
        words = reading._WorkerWords(cache)
        for a, p in zip(args, plain, strict=True):  # one task each, one run: the table fills
            (placed,) = words.place(reading.analyse_numbered([a], "forget-run"))
            assert placed["terms"] == pack_counts(
                cache.word_ids(p["terms"]), list(p["terms"].values())
            )
    finally:
        cache.close()


def test_text_in_flight_is_bounded_as_well_as_documents(tmp_path, monkeypatch):
    """Large documents fill a task each: the documents waiting on the workers are bounded by
    text too, not only by count (TASK_DOCUMENTS x IN_FLIGHT single-document tasks)."""
    from policy_cli.core.trend import reading

    monkeypatch.setattr(reading, "TASK_CHARACTERS", 10_000)
    monkeypatch.setattr(reading, "IN_FLIGHT", 1)
    started: list = []  # the tasks themselves (ids of collected tasks are reused)
    answered: list = []
    most = [0]
    start, result = reading._Task.start, reading._Task.result

    def spy_start(self, pool, run):
        started.append(self)
        most[0] = max(most[0], len(started) - len(answered))
        return start(self, pool, run)

    def spy_result(self, pos, words, cache):
        if not any(t is self for t in answered):
            answered.append(self)
        return result(self, pos, words, cache)

    monkeypatch.setattr(reading._Task, "start", spy_start)
    monkeypatch.setattr(reading._Task, "result", spy_result)
    paths = sorted((DOCS / "provinces-2025").glob("*.txt"))
    pooled = trend_documents(paths, by="file", workers=2, cache_root=tmp_path)
    serial = trend_documents(paths, by="file", workers=1, use_cache=False)
    assert pooled.files == serial.files and pooled.formulations == serial.formulations
    # 2 workers x 1 task x 10,000 characters: every report (14-27 k characters) fills a task
    assert len(started) >= len(paths) and most[0] <= 2


def test_a_trend_runs_the_stages_that_read_what_a_corpus_names():
    """A trend finds a document's formulations with the stages that read names (quoted,
    counted, the national lexicon…); the mottos one document's shape makes (parallel clauses,
    a phrase said three times) are left to `policy slogans`."""
    from policy_cli.core.formulations import STAGE_NAMES, extract_formulations
    from policy_cli.core.loaders import load_text
    from policy_cli.core.trend.reading import TREND_SKIPPED_STAGES, analyse_document

    assert TREND_SKIPPED_STAGES <= set(STAGE_NAMES)
    assert not TREND_SKIPPED_STAGES & {"quoted", "counted", "numbered", "national", "user"}
    text = (DOCS / "gwr-2022.txt").read_text(encoding="utf-8")
    forms = analyse_document("gwr-2022.txt", text, True)["forms"]
    full = {f.text: f for f in extract_formulations(load_text(text, source="gwr-2022.txt"))}
    # what the named stages find is found alike, with the same counts
    for name in ("六稳", "六保", "放管服", "高质量发展", "新发展理念"):
        assert forms[name] == full[name].count
    # a motto found by its shape alone is not followed
    shaped = [
        t for t, f in full.items()
        if {e.split("/", 1)[0] for e in f.evidence} <= TREND_SKIPPED_STAGES
    ]  # fmt: skip
    assert shaped, "the report holds mottos found by their shape only"
    assert not set(shaped) & set(forms)


def _small_sample(monkeypatch, all_first: int, one_in: int) -> None:
    """Make a trend sample its documents past `all_first` of them (not 2,000)."""
    import functools

    import policy_cli.core.trend as trend_package
    from policy_cli.core.trend.reading import Proposal

    small = functools.partial(Proposal, all_first=all_first, one_in=one_in)
    monkeypatch.setattr(trend_package, "Proposal", small)


def test_on_a_large_corpus_a_sample_proposes_the_formulations_followed(tmp_path, monkeypatch):
    """Past the first documents, one in `one_in` (by content key) has its formulations read,
    standing for `one_in` documents in the totals the choice is made on; the others are cut
    and counted as ever, and every followed formulation is counted in every document and
    listed when its exact count reaches `min_count`."""
    from collections import Counter

    from policy_cli.core.cache import AnalysisCache, content_key
    from policy_cli.core.corpus import iter_items
    from policy_cli.core.trend.reading import Proposal, analyse_document
    from policy_cli.core.trend.table import MAX_FORMULATIONS, _followable

    _small_sample(monkeypatch, 10, 2)
    proposal = Proposal(all_first=10, one_in=2)
    items = [it for it in iter_items([CORPUS]) if it.kind == GWR]
    keys = [content_key(it.payload) for it in items]
    weights = [proposal.weight(i, k) for i, k in enumerate(keys)]
    assert weights[:10] == [1] * 10 and set(weights[10:]) == {0, 2}

    sampled = trend_documents([CORPUS], kinds=[GWR], top=1000, cache_root=tmp_path)
    cache = AnalysisCache(tmp_path)
    try:
        rows = cache.documents(keys, text=False)
    finally:
        cache.close()
    assert all(rows[k].terms is not None for k in keys)
    assert [rows[k].forms is not None for k in keys] == [w > 0 for w in weights]

    # the choice, made here from each proposing report's formulations and weight
    totals: Counter[str] = Counter()
    for item, weight in zip(items, weights, strict=True):
        if weight:
            forms = analyse_document(item.source, item.payload, True)["forms"]
            for text, n in forms.items():
                totals[text] += n * weight
    chosen = sorted(
        (t for t, n in totals.items() if n >= 5 and _followable(t)), key=lambda t: (-totals[t], t)
    )[:MAX_FORMULATIONS]
    texts = [join_invisible_breaks(simplify(it.payload)[0]) for it in items]
    exact = {t: sum(said(text, t) for text in texts) for t in chosen}
    listed = {f.term: f.total for f in sampled.formulations}
    assert listed == {t: n for t, n in exact.items() if n >= 5}


def test_a_cache_serves_a_sampled_trend_and_one_that_reads_every_document(tmp_path, monkeypatch):
    """A document cached without its formulations is read again when a run wants them; one
    cached with them gives none to a run that samples it out. Either way the output is that
    of a run on a fresh cache."""
    _small_sample(monkeypatch, 10, 2)
    full_fresh = trend_documents([CORPUS], kinds=[GWR], top=1000, use_cache=False, sample=False)
    sampled_fresh = trend_documents([CORPUS], kinds=[GWR], top=1000, use_cache=False)
    assert sampled_fresh.formulations != full_fresh.formulations  # 19 long reports: it shows

    sampled = trend_documents([CORPUS], kinds=[GWR], top=1000, cache_root=tmp_path)
    full = trend_documents([CORPUS], kinds=[GWR], top=1000, cache_root=tmp_path, sample=False)
    assert 0 < full.cache_misses < 48  # the reports read without their formulations
    again = trend_documents([CORPUS], kinds=[GWR], top=1000, cache_root=tmp_path)
    assert again.cache_misses == 0
    assert sampled.formulations == again.formulations == sampled_fresh.formulations
    assert full.formulations == full_fresh.formulations


def test_the_first_documents_of_a_trend_are_those_it_keeps(tmp_path, monkeypatch):
    """The documents read whole before sampling starts are the trend's own (--kind): the
    14 congress reports of the background corpus, after 48 work reports in the file, are
    all read when 20 are."""
    _small_sample(monkeypatch, 20, 3)
    kind = ["cpc_congress_report"]
    sampled = trend_documents([CORPUS], kinds=kind, top=1000, use_cache=False)
    whole = trend_documents([CORPUS], kinds=kind, top=1000, use_cache=False, sample=False)
    assert len(sampled.documents) == 14
    assert sampled.formulations == whole.formulations


def test_a_trend_counts_a_formulation_across_the_quote_marks_it_is_printed_with(tmp_path):
    """Quote marks inside a phrase as printed do not hide it: a formulation a stage reads
    across quote marks (共建“一带一路”, a quoted chain) is followed and counted where printed."""
    from policy_cli.core.counting import count_phrases

    text = "推动共建“一带一路”高质量发展，坚持“五位一体”总体布局，做好“由矿变土”、“由土变材”、“由材变用”的文章。"
    chain = "由矿变土、由土变材、由材变用"
    counted = count_phrases(text, ["共建一带一路", "五位一体总体布局", chain, "“双减”", "一带一路"])
    assert counted["共建一带一路"] == [1, 2] and counted["一带一路"] == [1, 5]
    assert counted["五位一体总体布局"] == [1, text.index("五位一体")]
    assert counted[chain] == [1, text.index("由矿变土")]
    assert "“双减”" not in counted
    # a trend follows them and counts them in every document
    for year in (2023, 2024):
        (tmp_path / f"{year}.txt").write_text(f"{year}年工作报告\n" + text * 3, encoding="utf-8")
    trend = trend_documents([tmp_path], use_cache=False, min_count=1, top=50)
    followed = {f.term: f.total for f in trend.formulations}
    assert followed["共建一带一路"] == 6 and followed[chain] == 6


def test_terms_are_one_term_with_or_without_quote_marks():
    """--terms “双减”,双减 follows one term (as first asked); a term of quote marks alone is
    none."""
    docs = [DOCS / "gwr-2021.txt", DOCS / "gwr-2022.txt"]
    result = trend_documents(docs, terms=["“双减”", "双减", "改革", "“”"], use_cache=False, workers=1)
    assert [t.term for t in result.terms] == ["“双减”", "改革"]
    with pytest.raises(UsageError):
        trend_documents(docs, terms=["“”"], use_cache=False, workers=1)


def test_a_term_asked_and_in_the_lexicon_is_one_series(tmp_path):
    """--terms “改革开放” with 改革开放 in the user's lexicon: one series, not two."""
    from policy_cli.core.formulations import read_user_lexicon

    lexicon_file = tmp_path / "lex.txt"
    lexicon_file.write_text("改革开放\n", encoding="utf-8")
    docs = [DOCS / "gwr-2021.txt", DOCS / "gwr-2022.txt"]
    result = trend_documents(
        docs, terms=["“改革开放”", "就业"], lexicon=read_user_lexicon(lexicon_file),
        use_cache=False, workers=1,
    )  # fmt: skip
    assert [t.term for t in result.terms] == ["“改革开放”", "就业"]


def test_the_users_terms_lead_the_formulations(tmp_path):
    """The README and `trend --help`: the user's own terms are followed as formulations and
    listed first, whatever period they were first seen in and however little said (数字政府 is
    first seen in 2021 and said less than the most used formulations)."""
    from policy_cli.core.formulations import read_user_lexicon

    lexicon_file = tmp_path / "lex.txt"
    lexicon_file.write_text("数字政府\n城市大脑\tname\n", encoding="utf-8")
    docs = [DOCS / "gwr-2021.txt", DOCS / "gwr-2022.txt"]
    result = trend_documents(
        docs, by="file", lexicon=read_user_lexicon(lexicon_file), use_cache=False, workers=1
    )
    terms = [t.term for t in result.formulations]
    assert terms[0] == "数字政府", terms[:5]
    assert "城市大脑" not in terms  # (neither report says it)
    others = result.formulations[1:]
    assert others[0].total > result.formulations[0].total  # not first by count
    firsts = [t.first_seen for t in others]
    assert firsts == sorted(firsts, key=["gwr-2021.txt", "gwr-2022.txt"].index)


def test_a_signature_date_read_past_a_few_footnotes():
    # a .docx's footnotes follow its signature: the date line is still among the last lines
    body = "".join(f"{k}、推进乡村振兴，加强农田水利建设。\n" for k in "一二三四五六")
    notice = "关于加强农田水利建设的通知\n各市、县人民政府：\n" + body + "XX省人民政府\n2019年3月5日\n"
    notes = "".join(f"{k}. 注释第{k}条：说明有关术语的含义。\n" for k in range(1, 6))
    assert year_from_text(notice + notes) == 2019


def test_the_first_date_a_head_states_dates_its_month():
    # a dateline before a date the opening recalls, and a dateline followed by its place
    from policy_cli.core.trend.reading import month_from_text

    assert month_from_text("关于某事的通知\n（2019年3月）\n2018年12月18日，会议召开。") == "2019-03"
    assert month_from_text("某市政府工作报告\n2019年3月 北京\n各位代表：") == "2019-03"
    assert year_from_text("各位代表：\n中国共产党第十五次全国代表大会胜利召开以后，全国…") is None
