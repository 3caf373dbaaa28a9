"""`policy diff OLD NEW`: help, formats, --check exit codes, bad input."""

from __future__ import annotations

import json

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from policy_cli.cli import app

from ..conftest import DOCS

runner = CliRunner()
OLD = str(DOCS / "gwr-2021.txt")
NEW = str(DOCS / "gwr-2022.txt")


def run(*args: str, input: bytes | str | None = None):
    return runner.invoke(app, list(args), input=input)


@pytest.fixture(scope="module")
def json_out() -> dict:
    res = run("diff", OLD, NEW, "--format", "json", "--sentences")
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


def test_root_help_lists_diff():
    res = run("--help")
    assert res.exit_code == 0 and "diff" in res.stdout


def test_diff_help():
    res = run("diff", "--help")
    assert res.exit_code == 0
    for opt in ("--sentences", "--check", "--top", "--format", "--output", "--encoding"):
        assert opt in res.stdout


def test_json_keys(json_out):
    assert {"old", "new", "similarity", "headlines", "formulations", "terms", "targets",
            "sentences"} <= set(json_out)
    assert json_out["old"] == OLD and json_out["new"] == NEW
    assert set(json_out["formulations"]) == {"added", "removed", "kept"}
    assert set(json_out["terms"]) == {"new", "dropped", "rising", "falling"}
    added = json_out["formulations"]["added"]
    assert added and {"text", "kind", "old_count", "new_count", "weight"} <= set(added[0])
    assert all(a["old_count"] == 0 and a["new_count"] > 0 for a in added)
    assert {a["kind"] for a in added} <= {
        "numbered", "code", "name", "slogan", "metaphor", "document", "user",
    }
    weights = [a["weight"] for a in added]
    assert weights == sorted(weights, reverse=True)  # heaviest first
    new_terms = json_out["terms"]["new"]
    assert new_terms and all(t["old_count"] == 0 and t["new_count"] > 0 for t in new_terms)
    falling = json_out["terms"]["falling"]
    assert falling and {"term", "old_count", "new_count", "g2", "log_ratio", "status"} <= set(
        falling[0]
    )
    for lst in (added, new_terms, json_out["terms"]["dropped"], falling):
        assert len(lst) <= 40  # --top defaults to 40
    headlines = json_out["headlines"]
    assert 0 < len(headlines) <= 15
    assert any(h["what"] == "target" and h["text"] == "国内生产总值增长" for h in headlines)
    gdp = next(t for t in json_out["targets"] if t["indicator"] == "国内生产总值增长")
    assert gdp["old_value"] == "6%以上" and gdp["new_value"] == "5.5%左右" and gdp["changed"]
    sents = json_out["sentences"]
    assert sents["only_in_new"] and isinstance(sents["only_in_new"][0]["new_words"], list)


def test_sentences_null_unless_asked():
    res = run("diff", OLD, NEW, "-f", "json", "--top", "5")
    assert res.exit_code == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["sentences"] is None
    assert len(out["formulations"]["added"]) <= 5 and len(out["terms"]["falling"]) <= 5


def test_table_readable_at_80_columns():
    """The headlines first; every line fits 80 columns and the context column stays useful."""
    res = runner.invoke(app, ["diff", OLD, NEW], env={"COLUMNS": "80"})
    assert res.exit_code == 0, res.stderr
    from rich.cells import cell_len

    lines = res.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    titles = [line for line in lines if line and not line.startswith(" ")]
    assert [t.split()[0] for t in titles[:4]] == ["old", "new", "similarity", "Headlines"]
    # a row of the 提法 added table: the 提法, its kind, counts, and a context of >= 10 cells
    start = lines.index(next(t for t in titles if t.startswith("提法 added")))
    row = lines[start + 4]
    context = row.split()[-1]
    assert cell_len(context) >= 10, row
    assert "\x1b[" not in res.stdout  # no colour codes when not a terminal
    # the table shows 20 of each list unless --top says otherwise
    news = lines[lines.index("New terms (NEW uses them, OLD never)") + 1 :]
    items = " ".join(news[: next(i for i, t in enumerate(news) if not t.startswith(" "))])
    assert items.count("·") == 19


def test_table_readable_at_100_columns():
    res = run("diff", OLD, NEW, "--top", "10", "--sentences")
    assert res.exit_code == 0, res.stderr
    for title in ("Headlines", "提法 added", "提法 removed", "New terms", "Dropped terms",
                  "Terms rising", "Terms falling", "Targets", "Sentences only in NEW"):
        assert title in res.stdout
    from rich.cells import cell_len

    assert max(cell_len(line) for line in res.stdout.splitlines()) <= 100
    assert "\x1b[" not in res.stdout  # no colour codes when not a terminal


def test_markdown_and_output_file(tmp_path):
    target = tmp_path / "diff.md"
    res = run("diff", OLD, NEW, "-f", "markdown", "-n", "5", "--sentences", "-o", str(target))
    assert res.exit_code == 0, res.stderr
    assert res.stdout == ""
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# policy diff") and "## 提法 added" in text and "| --- |" in text
    assert "**" in text  # new words of the unmatched sentences are emphasised


def test_check_exit_codes():
    same = run("diff", NEW, NEW, "--check", "-f", "json")
    assert same.exit_code == 0, same.stderr
    out = json.loads(same.stdout)
    assert out["identical"] and out["similarity"] == 1.0
    assert not out["formulations"]["added"] and not out["terms"]["rising"]
    differ = run("diff", OLD, NEW, "--check", "-f", "json", "-n", "3")
    assert differ.exit_code == 1
    assert json.loads(differ.stdout)["identical"] is False
    assert run("diff", OLD, NEW, "-f", "json", "-n", "3").exit_code == 0  # without --check


def test_stdin_for_one_side():
    res = run("diff", OLD, "-", "-f", "json", "-n", "3", input=(DOCS / "gwr-2022.txt").read_bytes())
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)["new"] == "-"


def test_bad_input_exit_3(tmp_path):
    res = run("diff", str(tmp_path / "missing.txt"), NEW)
    assert res.exit_code == 3
    # --check says "different" with 1 only when both reports could be read
    for args in ((str(tmp_path / "missing.txt"), NEW), (OLD, str(tmp_path / "missing.txt"))):
        res = run("diff", *args, "--check")
        assert res.exit_code == 3 and res.stderr.startswith("policy: error:"), res.stderr
    assert res.stderr.startswith("policy: error:") and "Traceback" not in res.stderr
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    res = run("diff", OLD, str(empty))
    assert res.exit_code == 3 and "policy: error:" in res.stderr
    binary = tmp_path / "junk.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    res = run("diff", str(binary), NEW)
    assert res.exit_code in (3, 4) and "Traceback" not in res.stderr


def test_usage_errors():
    res = run("diff", "-", "-")
    assert res.exit_code == 2 and "standard input" in res.stderr
    assert run("diff", OLD, NEW, "--top", "-1").exit_code == 2
    assert run("diff", OLD).exit_code == 2


def test_a_long_formulation_is_one_line_where_the_terminal_has_room() -> None:
    """完整、准确、全面贯彻新发展理念 (15 characters) was cut in two by a cap of 24 cells in a
    table 100 columns wide on a terminal of 150; at 80 columns the diff prints as before."""
    args = ["diff", str(DOCS / "gwr-2021.txt"), str(DOCS / "gwr-2022.txt")]
    wide = CliRunner().invoke(app, args, env={"COLUMNS": "150"})
    assert wide.exit_code == 0, wide.stderr
    assert "完整、准确、全面贯彻新发展理念" in wide.stdout
    narrow = CliRunner().invoke(app, args, env={"COLUMNS": "80"})
    assert max(cell_len(line) for line in narrow.stdout.splitlines()) <= 80
