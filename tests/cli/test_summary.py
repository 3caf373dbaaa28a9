"""`policy summary`: help, the brief on the founding example, json keys, markdown, -o, errors."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from policy_cli.cli import app
from tests.conftest import DOCS, FOUNDING

runner = CliRunner()
KEYS = [
    "source", "title", "date", "speaker", "doc_type", "place", "stats", "keywords",
    "formulations", "targets", "people", "organizations", "key_sentences", "warnings", "notes",
]


def run(*args: str, input: bytes | str | None = None, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), input=input, env=env)


@pytest.fixture(scope="module")
def founding_json() -> dict:
    res = run("summary", str(FOUNDING), "--format", "json")
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


def test_help() -> None:
    res = run("summary", "--help")
    assert res.exit_code == 0
    for opt in ("--format", "--output", "--sentences", "--keywords", "--encoding"):
        assert opt in res.stdout
    assert "summary" in run("--help").stdout


def test_json_keys_and_values(founding_json: dict) -> None:
    out = founding_json
    assert list(out) == KEYS
    assert out["speaker"] == "市委常委、区委书记刘颖"
    assert out["date"] == "2日" and out["doc_type"] == "news"
    assert out["stats"]["sentences"] > 30
    assert len(out["keywords"]) == 10
    assert {"刘颖", "王坚", "杨建根"} <= {p["name"] for p in out["people"]}
    assert "之江实验室" in out["organizations"]
    assert out["targets"][0]["value"] == "冲刺万亿大关"
    assert 3 <= len(out["key_sentences"]) <= 5
    assert out["warnings"] and "球球" in out["warnings"][0]["text"]


def test_table_fits_one_screen() -> None:
    res = run("summary", str(FOUNDING), env={"COLUMNS": "100"})
    assert res.exit_code == 0, res.stderr
    lines = res.stdout.splitlines()
    assert len(lines) <= 50
    assert "市委常委、区委书记刘颖" in res.stdout
    assert "冲刺万亿大关" in res.stdout and "Key sentences" in res.stdout
    from rich.cells import cell_len

    assert max(cell_len(line) for line in lines) <= 100


def test_table_at_80_columns_on_a_work_report() -> None:
    res = run("summary", str(DOCS / "gwr-2022.txt"), env={"COLUMNS": "80"})
    assert res.exit_code == 0, res.stderr
    from rich.cells import cell_len

    lines = res.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    assert len(lines) <= 60
    assert "5.5%左右" in res.stdout and "3.65万亿元" in res.stdout


def test_markdown_and_output_file(tmp_path) -> None:
    target = tmp_path / "brief.md"
    res = run("summary", str(FOUNDING), "--format", "markdown", "-o", str(target))
    assert res.exit_code == 0, res.stderr
    assert res.stdout == ""
    md = target.read_text(encoding="utf-8")
    assert md.startswith("# “忠诚担当谱新篇 实干争先开新局”余杭区经济高质量发展大会")
    for heading in ("## Keywords", "## Targets", "## People", "## Key sentences", "## Warnings"):
        assert heading in md
    assert "- 刘颖 — 市委常委、区委书记 ×4" in md


def test_stdin_and_sentence_count() -> None:
    data = FOUNDING.read_bytes()
    res = run("summary", "-", "-f", "json", "-n", "3", input=data)
    assert res.exit_code == 0, res.stderr
    assert len(json.loads(res.stdout)["key_sentences"]) == 3


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["summary", "/nonexistent/file.txt"], 3),
        (["summary", str(FOUNDING), "-n", "0"], 2),
        (["summary", str(FOUNDING), "--format", "csv"], 2),
    ],
)
def test_bad_input(args: list[str], code: int) -> None:
    res = run(*args)
    assert res.exit_code == code
    assert res.stdout == ""
    if code == 3:
        assert res.stderr.startswith("policy: error:")
        assert "Traceback" not in res.stderr


def test_empty_input_is_an_error(tmp_path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    res = run("summary", str(empty))
    assert res.exit_code in (3, 4)
    assert res.stderr.startswith("policy: error:")
