"""`policy keywords` and the behaviour every command shares: help, formats, errors, safety."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from policy_cli.cli import app

from ..conftest import FOUNDING

runner = CliRunner()


def run(*args: str, input: bytes | str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_root_help_lists_commands():
    res = run("--help")
    assert res.exit_code == 0
    assert "keywords" in res.stdout


def test_keywords_help():
    res = run("keywords", "--help")
    assert res.exit_code == 0
    for opt in ("--top", "--method", "--format", "--encoding", "--output"):
        assert opt in res.stdout


def test_keywords_json_on_founding_example():
    res = run("keywords", str(FOUNDING), "--format", "json", "--top", "20")
    assert res.exit_code == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["source"] == str(FOUNDING) and out["method"] == "tfidf"
    assert len(out["keywords"]) == 20
    first = out["keywords"][0]
    assert set(first) >= {"term", "score", "count", "first_offset"}
    scores = [k["score"] for k in out["keywords"]]
    assert scores == sorted(scores, reverse=True)
    terms = [k["term"] for k in out["keywords"]]
    assert "人工智能" in terms and "高质量发展" in terms


@pytest.mark.parametrize("method", ["tfidf", "textrank", "freq"])
def test_every_method_ranks_real_terms(method):
    res = run("keywords", str(FOUNDING), "-m", method, "-f", "json", "-n", "20")
    assert res.exit_code == 0, res.stderr
    terms = [k["term"] for k in json.loads(res.stdout)["keywords"]]
    assert len(terms) == 20 and len(set(terms)) == 20
    assert "人工智能" in terms


def test_keywords_csv_and_markdown():
    res = run("keywords", str(FOUNDING), "-f", "csv", "-n", "5")
    assert res.exit_code == 0
    rows = list(csv.reader(io.StringIO(res.stdout)))
    assert rows[0][:3] == ["rank", "term", "score"] and len(rows) == 6
    res = run("keywords", str(FOUNDING), "-f", "markdown", "-n", "5")
    assert res.exit_code == 0 and "| term |" in res.stdout


def test_keywords_table_fits_80_columns():
    res = runner.invoke(app, ["keywords", str(FOUNDING), "-n", "8"], env={"COLUMNS": "80"})
    assert res.exit_code == 0
    assert "高质量发展" in res.stdout
    from rich.cells import cell_len

    assert max(cell_len(line) for line in res.stdout.splitlines()) <= 80


def test_stdin_input():
    data = FOUNDING.read_bytes()
    res = run("keywords", "-", "-f", "json", "-n", "5", input=data)
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)["source"] == "-"


def test_gb18030_stdin():
    data = FOUNDING.read_text(encoding="utf-8").encode("gb18030")
    res = run("keywords", "-", "-f", "json", "-n", "5", input=data)
    assert res.exit_code == 0, res.stderr


def test_output_file_is_written_whole(tmp_path):
    out = tmp_path / "kw.json"
    res = run("keywords", str(FOUNDING), "-f", "json", "-o", str(out))
    assert res.exit_code == 0 and res.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["keywords"]
    assert [p.name for p in tmp_path.iterdir()] == ["kw.json"]


def test_output_into_missing_directory_fails_cleanly(tmp_path):
    # --keep-noise: the founding example's spam warning would be a second stderr line.
    res = run(
        "keywords", str(FOUNDING), "-f", "json", "--keep-noise", "-o", str(tmp_path / "no" / "kw.json")
    )
    assert res.exit_code == 3
    assert res.stderr.startswith("policy: error:") and res.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (None, "missing.txt", "no such file"),
        (b"", "empty.txt", "empty"),
        (b"\x00\x01binary\x00", "bin.txt", "binary"),
        (b"not really a pdf", "fake.pdf", "not a PDF"),
        (b"not really a docx", "fake.docx", "not a .docx"),
    ],
)
def test_bad_input_one_line_exit_3(tmp_path, content, name, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    res = run("keywords", str(path))
    assert res.exit_code == 3, res.stdout
    assert res.stdout == ""
    assert res.stderr.startswith("policy: error:") and message in res.stderr
    assert res.stderr.count("\n") == 1 and "Traceback" not in res.stderr


def test_directory_is_refused(tmp_path):
    res = run("keywords", str(tmp_path))
    assert res.exit_code == 3 and "directory" in res.stderr


def test_unknown_encoding_names_the_option(tmp_path):
    res = run("keywords", str(FOUNDING), "--encoding", "klingon")
    assert res.exit_code == 3 and "--encoding" in res.stderr


def test_usage_errors_exit_2():
    assert run("keywords", str(FOUNDING), "--method", "magic").exit_code == 2
    assert run("keywords", str(FOUNDING), "--top", "0").exit_code == 2
    assert run("keywords").exit_code == 2


def test_document_markup_and_escapes_are_inert(tmp_path):
    path = tmp_path / "evil.txt"
    path.write_text(
        "[bold red]人工智能[/bold red]产业\x1b[31m高质量发展\x1b[0m，人工智能产业高质量发展。", encoding="utf-8"
    )
    res = run("keywords", str(path))
    assert res.exit_code == 0, res.stderr
    assert "\x1b" not in res.stdout


def test_python_m_entry_point():
    res = subprocess.run(
        [sys.executable, "-m", "policy_cli", "--help"], capture_output=True, text=True, check=False
    )
    assert res.returncode == 0 and "keywords" in res.stdout


def test_a_traditional_document_is_converted_and_the_user_is_told(tmp_path):
    import opencc

    from ..conftest import DOCS

    path = tmp_path / "gwr-2022-traditional.txt"
    text = (DOCS / "gwr-2022.txt").read_text(encoding="utf-8")
    path.write_text(opencc.OpenCC("s2t").convert(text), encoding="utf-8")
    res = run("keywords", str(path), "-f", "json")
    assert res.exit_code == 0, res.stderr
    assert "converted from traditional to simplified characters" in res.stderr
    terms = [k["term"] for k in json.loads(res.stdout)["keywords"]]
    assert "就业" in terms and "發展" not in terms
    res = run("summary", str(path), "-f", "json")
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)["notes"] == [
        "converted from traditional to simplified characters for analysis (OpenCC t2s, "
        "character for character: offsets point at the same characters of the original)"
    ]


def test_summary_header_shows_the_documents_place():
    res = run("summary", str(FOUNDING), "-f", "json")
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)["place"] == "余杭"
    res = run("summary", str(FOUNDING))
    assert res.exit_code == 0
    assert "place" in res.stdout and "余杭" in res.stdout
