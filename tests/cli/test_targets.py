"""`policy targets`: help, a real work report in every format, a plan's stage goals, bad input."""

from __future__ import annotations

import csv
import io
import json

from rich.cells import cell_len
from typer.testing import CliRunner

from policy_cli.cli import app
from tests.conftest import DOCS

runner = CliRunner()
GWR = str(DOCS / "gwr-2022.txt")


def run(*args: str):
    return runner.invoke(app, list(args))


def test_help() -> None:
    res = run("targets", "--help")
    assert res.exit_code == 0
    for opt in ("--headline", "--format", "--output", "--encoding"):
        assert opt in res.stdout
    assert "targets" in run("--help").stdout


def test_json_has_values_as_numbers() -> None:
    res = run("targets", GWR, "--headline", "-f", "json")
    assert res.exit_code == 0, res.stderr
    out = json.loads(res.stdout)
    gdp = out["targets"][0]
    assert {k: gdp[k] for k in ("indicator", "canonical", "value", "numbers", "unit", "modifier",
                                "year", "core")} == {
        "indicator": "国内生产总值增长", "canonical": "国内生产总值增长", "value": "5.5%左右",
        "numbers": [5.5], "unit": "%", "modifier": "左右", "year": 2022, "core": True,
    }
    assert all(t["core"] for t in out["targets"])


def test_csv_is_one_row_per_target() -> None:
    res = run("targets", str(DOCS / "provinces-2025/fujian.txt"), "--headline", "-f", "csv")
    assert res.exit_code == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    gdp = rows[0]
    assert (gdp["indicator"], gdp["canonical"], gdp["number"], gdp["numbers"], gdp["modifier"]) == (
        "地区生产总值增长", "国内生产总值增长", "5", "5–5.5", "区间"
    )
    assert "removed" in res.stderr  # the 来源 line cut as noise is reported on stderr, not in CSV


def test_table_shows_stage_goals_of_a_central_document() -> None:
    res = run("targets", str(DOCS / "central-no1-2018.txt"))
    assert res.exit_code == 0, res.stderr
    assert "乡村振兴" in res.stdout and "2035" in res.stdout and "(none stated)" not in res.stdout


def test_missing_file_is_an_input_error(tmp_path) -> None:
    res = run("targets", str(tmp_path / "nope.txt"))
    assert res.exit_code == 3
    assert res.stderr.startswith("policy: error:") and "Traceback" not in res.stderr
    assert res.stdout == ""


def test_an_indicator_takes_the_room_a_wide_terminal_has() -> None:
    """An indicator of 13 characters (全体居民人均可支配收入增长) is one line at 130 columns,
    where a cap of 24 cells cut it in two in a table 73 columns wide; at 80 the table still
    fits with its year (the indicator's share of the width bounds it there)."""
    path = str(DOCS / "provinces-2025" / "chongqing.txt")
    wide = runner.invoke(app, ["targets", path, "--headline"], env={"COLUMNS": "130"})
    assert wide.exit_code == 0, wide.stderr
    assert "全体居民人均可支配收入增长" in wide.stdout
    narrow = runner.invoke(app, ["targets", path, "--headline"], env={"COLUMNS": "80"})
    lines = narrow.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    assert any(line.split() and line.split()[-1] == "year" for line in lines)


def test_csv_numbers_as_written_and_the_note_of_a_target(tmp_path) -> None:
    """A number in CSV keeps all its places, never rounded to four nor in exponent notation
    (0.00005, 2.12345; 5 for a whole one); the note a target carries (gwr-2022: the energy
    target set for the plan period, with no annual number) has a column of its own."""
    doc = tmp_path / "t.txt"
    doc.write_text(
        "今年发展主要预期目标是：研发投入强度达到2.12345%左右，森林覆盖率0.00005%，"
        "城镇新增就业1,200万人以上。", encoding="utf-8"
    )
    res = run("targets", str(doc), "-f", "csv")
    assert res.exit_code == 0, res.stderr
    rows = {r["indicator"]: r for r in csv.DictReader(io.StringIO(res.stdout))}
    assert [(rows[k]["number"], rows[k]["numbers"]) for k in ("研发投入强度", "森林覆盖率", "城镇新增就业")] \
        == [("2.12345", "2.12345"), ("0.00005", "0.00005"), ("1200", "1200")]
    res = run("targets", GWR, "-f", "csv")
    energy = [r for r in csv.DictReader(io.StringIO(res.stdout)) if r["canonical"] == "能耗强度"]
    assert energy and energy[0]["note"] == "no annual number set"
