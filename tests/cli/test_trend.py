"""`policy trend`: help, formats, the background corpus, bad input, --plot."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import lzma
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policy_cli.cli import app
from policy_cli.cli.trend import parse_terms
from policy_cli.serialize import sparkline

from ..conftest import DOCS

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "background.jsonl.xz"
GWR = "government_work_report"
HAS_MATPLOTLIB = importlib.util.find_spec("matplotlib") is not None

runner = CliRunner()


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> str:
    return str(tmp_path_factory.mktemp("cli-cache"))


def run(cache: str, *args: str):
    return runner.invoke(app, ["trend", *args], env={"POLICY_CLI_CACHE": cache, "NO_COLOR": "1"})


@pytest.fixture(scope="module")
def raw_gwr() -> list[dict]:
    with lzma.open(CORPUS, "rt", encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    return [d for d in docs if d["kind"] == GWR]


@pytest.fixture(scope="module")
def terms_json(cache) -> dict:
    res = run(cache, str(CORPUS), "--kind", GWR, "--terms", "小康，改革,新质生产力", "-f", "json")
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


def test_help():
    res = runner.invoke(app, ["trend", "--help"])
    assert res.exit_code == 0
    for opt in (
        "--terms",
        "--top",
        "--by",
        "--kind",
        "--format",
        "--plot",
        "--output",
        "--no-cache",
        "--no-sample",
    ):
        assert opt in res.stdout
    assert "trend" in runner.invoke(app, ["--help"]).stdout


def test_no_sample_help_states_the_sampling_the_code_does():
    """--no-sample's help names the size past which a trend samples, and the share."""
    from policy_cli.core.trend.reading import PROPOSE_ALL_FIRST, PROPOSE_ONE_IN

    res = runner.invoke(app, ["trend", "--help"], env={"COLUMNS": "300"})
    said = " ".join(res.stdout.split())
    assert f"{PROPOSE_ALL_FIRST:,}" in said
    assert {3: "one in three", 2: "one in two", 4: "one in four"}[PROPOSE_ONE_IN] in said


def test_terms_json_matches_the_raw_texts(terms_json, raw_gwr):
    assert terms_json["by"] == "year" and terms_json["per"] == "10,000 characters"
    assert [p["year"] for p in terms_json["periods"]] == sorted(d["year"] for d in raw_gwr)
    series = {s["term"]: s for s in terms_json["terms"]}
    assert list(series) == ["小康", "改革", "新质生产力"]  # the order asked, Chinese comma too
    xiaokang = series["小康"]
    first = min(d["year"] for d in raw_gwr if "小康" in d["content"])
    assert xiaokang["first_seen"] == str(first) == "1981"
    assert xiaokang["peak"] == "2016"
    assert xiaokang["total"] == sum(d["content"].count("小康") for d in raw_gwr)
    assert len(xiaokang["rates"]) == len(terms_json["periods"])
    assert series["新质生产力"]["first_seen"] is None and series["新质生产力"]["total"] == 0
    assert terms_json["skipped"] == []
    assert {d["year_from"] for d in terms_json["documents"]} == {"metadata"}


def test_terms_csv_is_one_row_per_year(cache, raw_gwr):
    res = run(cache, str(CORPUS), "-k", GWR, "-t", "阶级斗争,小康", "--format", "csv")
    assert res.exit_code == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert list(rows[0]) == ["period", "characters", "阶级斗争", "小康"]
    assert len(rows) == len(raw_gwr)
    peak = max(rows, key=lambda r: float(r["阶级斗争"]))
    assert peak["period"] == "1964"


def test_terms_table_has_a_chart(cache):
    res = run(cache, str(CORPUS), "-k", GWR, "-t", "小康,阶级斗争")
    assert res.exit_code == 0, res.stderr
    out = res.stdout
    print(out[-1200:])
    assert "Occurrences per" in out and "first seen" in out
    assert "█" in out  # each series reaches its peak block
    assert "1981" in out and "1964 (" in out


def test_rising_charts_fit_the_table_with_their_recent_end(cache):
    # the rising table's chart is drawn with fewer marks to fit its column, not cut from the
    # right (民生 rises to its peak in the last years); a narrow terminal drops the kind column
    # before it cuts a number
    from policy_cli.serialize import CHANGE_SPARK, narrower_sparkline

    wide = run(cache, str(CORPUS), "-f", "json")
    assert wide.exit_code == 0, wide.stderr
    rising = json.loads(wide.stdout)["rising"]
    for columns in ("100", "80"):
        res = runner.invoke(
            app, ["trend", str(CORPUS)],
            env={"POLICY_CLI_CACHE": cache, "NO_COLOR": "1", "COLUMNS": columns},
        )  # fmt: skip
        assert res.exit_code == 0, res.stderr
        table = res.stdout.split("Rising", 1)[1].split("Falling", 1)[0]
        rows = {line.split()[1]: line.split() for line in table.splitlines()
                if line.strip()[:1].isdigit()}
        for s in rising:
            row = rows[s["term"]]
            assert f"{s['change']:+.1f}" in row, (columns, row)  # the number whole
            chart = row[-1]
            assert chart == narrower_sparkline(sparkline(s["rates"], width=CHANGE_SPARK), len(chart))
        assert rows["民生"][-1].endswith("█")


def test_a_wide_table_of_figures_folds_its_headers_not_its_figures(cache):
    # seven long terms at 100 columns: each rate printed whole (it was cut to "0."), the long
    # names folded over two lines
    terms = "高质量发展,供给侧结构性改革,新发展理念,全面建成小康社会,脱贫攻坚,精准扶贫,中国特色社会主义"
    wide = run(cache, str(CORPUS), "-k", GWR, "-t", terms, "-f", "json")
    assert wide.exit_code == 0, wide.stderr
    rates = [f"{r:.2f}" for s in json.loads(wide.stdout)["terms"] for r in s["rates"]]
    res = runner.invoke(
        app, ["trend", str(CORPUS), "-k", GWR, "-t", terms],
        env={"POLICY_CLI_CACHE": cache, "NO_COLOR": "1", "COLUMNS": "100"},
    )  # fmt: skip
    assert res.exit_code == 0, res.stderr
    table = res.stdout.split("Occurrences per", 1)[1].split("Trend (", 1)[0]
    printed = [cell for line in table.splitlines() for cell in line.split()[2:]
               if line.strip()[:1].isdigit()]
    assert sorted(printed) == sorted(rates)


def test_the_halves_say_their_sizes(cache):
    # the halves split the text as evenly as the periods allow, which may be far from even
    res = run(
        cache, str(DOCS / "provinces-2025"), str(DOCS / "gwr-2021.txt"), str(DOCS / "gwr-2022.txt")
    )
    assert res.exit_code == 0, res.stderr
    line = next(x for x in res.stdout.splitlines() if x.startswith("halves"))
    early, late = (int(n.replace(",", "")) for n in re.search(r"\(([\d,]+) \| ([\d,]+) characters\)", line).groups())
    size = next(x for x in res.stdout.splitlines() if x.startswith("characters"))
    total = int(size.split()[1].replace(",", ""))
    assert "before 2025 | from 2025 on" in line and early + late == total and late > 3 * early


def test_terms_markdown(cache):
    res = run(
        cache, str(DOCS / "provinces-2025"), "--by", "file", "-t", "新质生产力", "-f", "markdown"
    )
    assert res.exit_code == 0, res.stderr
    assert "| file | chars | 新质生产力 |" in res.stdout
    assert "anhui.txt" in res.stdout
    # the preface's labels in bold, as Markdown (not its own emphasis escaped)
    assert "\n**documents**: 10 in 10 periods" in res.stdout and "\\*" not in res.stdout


def test_by_file_ranks_each_report_by_what_sets_it_apart(cache):
    names = ["gwr-2021.txt", "gwr-2022.txt"]
    res = run(cache, *(str(DOCS / n) for n in names), "--by", "file", "--top", "5", "-f", "json")
    assert res.exit_code == 0, res.stderr
    out = json.loads(res.stdout)
    assert [p["period"] for p in out["periods"]] == names
    assert "split" not in out and "rising" not in out  # no halves of an alphabetical order
    assert out["formulations"]  # in the order of the file that says each first
    files = {f["period"]: f for f in out["files"]}
    assert set(files) == set(names)
    from policy_cli.core.loaders import load_document

    texts = {n: load_document(DOCS / n).text for n in names}
    for name, f in files.items():
        other = texts[names[1 - names.index(name)]]
        g2 = [t["g2"] for t in f["terms"]]
        assert 0 < len(g2) <= 5 and g2 == sorted(g2, reverse=True) and f["score"] == g2[0]
        for t in f["terms"]:
            assert t["g2"] > 0 and t["rate"] > t["rest_rate"], t
            # a key term of one report is said more often (per character) than in the other
            mine = texts[name].count(t["term"]) / len(texts[name])
            assert mine > other.count(t["term"]) / len(other), (name, t["term"])
    scores = [f["score"] for f in out["files"]]
    assert scores == sorted(scores, reverse=True)
    table = run(cache, *(str(DOCS / n) for n in names), "--by", "file", "--top", "5")
    assert table.exit_code == 0 and "Files by keyness against the rest" in table.stdout


def test_changes_table_and_csv(cache):
    args = [str(DOCS / "gwr-2021.txt"), str(DOCS / "gwr-2022.txt"), "--top", "5"]
    res = run(cache, *args)
    assert res.exit_code == 0, res.stderr
    assert "Rising" in res.stdout and "Falling" in res.stdout and "2021" in res.stdout
    assert "Formulations by first seen" in res.stdout
    res = run(cache, *args, "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert {r["direction"] for r in rows} == {"rising", "falling"}
    assert all(r["first_seen"] in ("2021", "2022") for r in rows)


def test_output_file(cache, tmp_path):
    target = tmp_path / "trend.json"
    res = run(cache, str(DOCS / "provinces-2025"), "-t", "改革", "-f", "json", "-o", str(target))
    assert res.exit_code == 0, res.stderr
    assert res.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["periods"][0]["period"] == "2025"


def test_missing_path_is_an_input_error(cache, tmp_path):
    res = run(cache, str(tmp_path / "nope.jsonl"), "-t", "改革")
    assert res.exit_code == 3
    assert res.stderr.startswith("policy: error:") and "no such file" in res.stderr
    assert res.stdout == ""


def test_bad_jsonl_is_one_line_not_a_traceback(cache, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"year": 2001, "content": "改革"}\nnot json\n', encoding="utf-8")
    res = run(cache, str(bad), "-t", "改革")
    assert res.exit_code == 0  # the record is skipped with a warning naming its line
    assert res.stderr.startswith("policy: warning: skipped ") and "bad.jsonl:2" in res.stderr
    assert "Traceback" not in res.stderr


def test_usage_errors(cache):
    assert run(cache, str(DOCS / "gwr-2021.txt"), "-t", " ,，").exit_code == 2
    assert run(cache, str(DOCS / "gwr-2021.txt"), "--by", "week").exit_code == 2
    assert run(cache, str(DOCS / "gwr-2021.txt"), "--top", "0").exit_code == 2


def test_one_period_is_nothing_to_trend(cache):
    res = run(cache, str(DOCS / "gwr-2021.txt"))
    assert res.exit_code == 4 and "two periods" in res.stderr


def test_undated_documents_are_reported(cache, tmp_path):
    (tmp_path / "a-2020.txt").write_text("推进改革。\n", encoding="utf-8")
    (tmp_path / "undated.txt").write_text("推进改革开放。\n", encoding="utf-8")
    res = run(cache, str(tmp_path), "-t", "改革", "-f", "json")
    assert res.exit_code == 0, res.stderr
    assert "policy: warning: skipped" in res.stderr and "undated.txt" in res.stderr
    assert [p["period"] for p in json.loads(res.stdout)["periods"]] == ["2020"]


def test_a_month_of_another_year_than_the_records_is_no_month(cache, tmp_path):
    # a record of 2020 whose head states 2019年3月 (a dateline of another document it quotes):
    # by month it is skipped, not put in 2019-03 while its year says 2020
    records = [
        {"year": 2020, "content": "关于某事的通知\n（2019年3月）\n推进改革。"},
        {"date": "2021-04-01", "content": "推进改革开放。"},
        {"date": "2022-05-01", "content": "深化改革。"},
    ]
    corpus = tmp_path / "r.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                      encoding="utf-8")
    res = run(cache, str(corpus), "--by", "month", "-t", "改革", "-f", "json")
    assert res.exit_code == 0, res.stderr
    assert [p["period"] for p in json.loads(res.stdout)["periods"]] == ["2021-04", "2022-05"]
    assert "r.jsonl:1" in res.stderr


def test_files_of_one_name_are_told_apart_by_their_folders(cache, tmp_path):
    # by file, two reports named report.txt in two folders were report.txt and report.txt #2
    for folder, name in (("a", "gwr-2021.txt"), ("b", "gwr-2022.txt")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_bytes((DOCS / name).read_bytes())
    res = run(cache, str(tmp_path), "--by", "file", "-t", "改革", "-f", "csv")
    assert res.exit_code == 0, res.stderr
    assert [line.split(",")[0] for line in res.stdout.splitlines()[1:]] == [
        "a/report.txt", "b/report.txt",
    ]
    from policy_cli.core.trend import _labels_by_path

    class Agg:  # (one file at the root, one deeper: no label opens with //)
        labels = {0: "r.txt", 1: "r.txt"}
        sources = {0: "/r.txt", 1: "/x/r.txt"}

    _labels_by_path(Agg, [0, 1])
    assert Agg.labels == {0: "/r.txt", 1: "x/r.txt"}


def test_a_file_that_cannot_be_read_is_skipped(cache, tmp_path):
    # one corrupt file among readable ones is skipped with its reason, as a bad record is (the
    # whole trend stopped on it, exit 3)
    (tmp_path / "a-2020.txt").write_text("推进改革。\n", encoding="utf-8")
    (tmp_path / "b-2021.txt").write_text("深化改革开放。\n", encoding="utf-8")
    (tmp_path / "broken-2022.txt.gz").write_bytes(b"not gzip")
    res = run(cache, str(tmp_path), "-t", "改革", "-f", "json")
    assert res.exit_code == 0, res.stderr
    assert "policy: warning: skipped" in res.stderr and "broken-2022.txt.gz" in res.stderr
    assert [p["period"] for p in json.loads(res.stdout)["periods"]] == ["2020", "2021"]


@pytest.mark.skipif(HAS_MATPLOTLIB, reason="matplotlib is installed")
def test_plot_without_matplotlib_is_a_clear_error(cache, tmp_path):
    res = run(cache, str(DOCS / "gwr-2021.txt"), "-t", "改革", "--plot", str(tmp_path / "p.png"))
    assert res.exit_code == 2
    assert "matplotlib" in res.stderr and "policy-cli[plot]" in res.stderr
    assert not (tmp_path / "p.png").exists()


@pytest.mark.skipif(not HAS_MATPLOTLIB, reason="matplotlib (the plot extra) is not installed")
def test_plot_writes_a_png(cache, tmp_path):
    target = tmp_path / "p.png"
    res = run(cache, str(CORPUS), "-k", GWR, "-t", "小康,改革", "--plot", str(target), "-f", "json")
    assert res.exit_code == 0, res.stderr
    assert target.read_bytes().startswith(b"\x89PNG")


def test_a_dollar_in_a_plotted_term_is_shown_as_written(cache, tmp_path):
    # matplotlib reads $…$ as math markup: “$\\bad$工程” made the drawing fail (internal error),
    # $x^2$ was drawn as math (the audit of the thirty-sixth session)
    from policy_cli.render import _plain_label

    assert _plain_label("$\\bad$工程") == "\\$\\bad\\$工程"
    if not HAS_MATPLOTLIB:
        return  # (the drawing itself needs the plot extra)
    target = tmp_path / "p.png"
    res = run(cache, str(CORPUS), "-k", GWR, "-t", "$\\bad$,$x^2$", "--plot", str(target))
    assert res.exit_code == 0, res.stderr
    assert target.read_bytes().startswith(b"\x89PNG")


def test_sparkline_and_term_parsing():
    assert sparkline([0, 1, 2, 4]) == ".▃▅█"
    assert sparkline([0, 0]) == ".."
    assert len(sparkline(list(range(200)), width=60)) == 60
    assert parse_terms("小康，改革、新质生产力, ") == ["小康", "改革", "新质生产力"]
