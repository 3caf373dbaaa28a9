"""`policy summary`: help, the brief on the founding example, json keys, markdown, -o, errors."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from policy_cli.cli import app
from tests.conftest import DATA, DOCS, FOUNDING

runner = CliRunner()
KEYS = [
    "source", "title", "date", "date_iso", "speaker", "issuer", "number", "effective_date",
    "effective_date_iso", "doc_type", "place", "stats", "keywords", "formulations",
    "formulation_counts", "echo", "targets", "people", "organizations", "key_sentences",
    "warnings", "notes",
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
    assert len(lines) <= 40
    assert "5.5%左右" in res.stdout and "3.65万亿元" in res.stdout  # the headline set
    assert "Key sentences" in res.stdout and "5. " in res.stdout
    # the screen's room goes to the key sentences, two lines each where they are long (one
    # each, with three lines kept for warnings the report does not have)
    tail = lines[lines.index("Key sentences") + 1 :]
    assert sum(1 for line in tail if line.startswith("   ")) >= 4, tail


@pytest.mark.parametrize(
    "path",
    [
        DOCS / "provinces-2025" / "anhui.txt",
        DOCS / "local-jiangsu-2025.txt",
        DOCS / "cpc19-report.txt",
        DATA / "formats" / "state-council-ai-plus-opinion-2025.pdf",
        DATA / "formats" / "spc-guiding-case-254-2025.pdf",
        DATA / "formats" / "local-sichuan-2025.docx",
        FOUNDING,
    ],
    ids=lambda p: p.name,
)
def test_brief_fits_40_lines_at_80_columns(path) -> None:
    from rich.cells import cell_len

    res = run("summary", str(path), env={"COLUMNS": "80"})
    assert res.exit_code == 0, res.stderr
    lines = res.stdout.splitlines()
    assert len(lines) <= 40, len(lines)
    assert max(cell_len(line) for line in lines) <= 80
    for heading in ("Keywords", "Formulations", "Targets", "People", "Key sentences"):
        assert heading in lines


def test_full_prints_everything() -> None:
    short = run("summary", str(DOCS / "gwr-2022.txt"), env={"COLUMNS": "80"}).stdout
    full = run("summary", str(DOCS / "gwr-2022.txt"), "--full", env={"COLUMNS": "80"}).stdout
    assert "more targets" in short and "more targets" not in full
    assert len(full.splitlines()) > len(short.splitlines())
    brief = json.loads(run("summary", str(DOCS / "gwr-2022.txt"), "-f", "json").stdout)
    for s in brief["key_sentences"]:
        assert s["text"][-12:] in full.replace("\n", "").replace(" ", "")  # whole, not cut
    # every formulation too, on screen and in JSON (the brief keeps ten)
    every = json.loads(run("summary", str(DOCS / "gwr-2022.txt"), "-f", "json", "--full").stdout)
    listed = json.loads(run("slogans", str(DOCS / "gwr-2022.txt"), "-f", "json").stdout)
    assert len(brief["formulations"]) == 10
    assert len(every["formulations"]) == len(listed["formulations"]) > 100
    assert every["formulations"][-1]["text"] in full.replace("\n", "").replace(" ", "")


def test_the_header_on_screen() -> None:
    res = run("summary", str(DATA / "formats" / "state-council-ai-plus-opinion-2025.pdf"),
              env={"COLUMNS": "80"})
    assert "2025年8月21日 (2025-08-21)" in res.stdout
    assert "opinion · 国发〔2025〕11号" in res.stdout and "issuer 国务院" in res.stdout


def test_csv_is_the_documents_row(tmp_path) -> None:
    """One header line and one row: the columns `summary_row` defines."""
    import csv

    from policy_cli.core.loaders import load_document
    from policy_cli.core.summary import ROW_COLUMNS, summarize, summary_row

    path = DATA / "formats" / "state-council-ai-plus-opinion-2025.pdf"
    res = run("summary", str(path), "--format", "csv")
    assert res.exit_code == 0, res.stderr
    rows = list(csv.DictReader(res.stdout.splitlines()))
    assert len(rows) == 1 and list(rows[0]) == list(ROW_COLUMNS)
    row = rows[0]
    assert (row["date_iso"], row["number"], row["issuer"], row["type"]) == (
        "2025-08-21", "国发〔2025〕11号", "国务院", "opinion"
    )
    expected = summary_row(summarize(load_document(path)))
    assert row == {k: "" if v is None else str(v) for k, v in expected.items()} | {
        "source": row["source"]
    }
    assert int(row["formulations"]) == sum(
        int(row[f"formulations_{k}"]) for k in ("code", "numbered", "slogan", "name")
    )
    assert row["noise_cut"] == "2"


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("brief.json", lambda text: json.loads(text)["doc_type"] == "news"),
        ("brief.csv", lambda text: text.startswith("source,title,date,date_iso,")),
        ("brief.md", lambda text: text.startswith("# “忠诚担当谱新篇")),
        ("brief.txt", lambda text: text.startswith("╭─")),
    ],
)
def test_output_format_from_the_extension(tmp_path, name, check) -> None:
    target = tmp_path / name
    res = run("summary", str(FOUNDING), "-o", str(target))
    assert res.exit_code == 0, res.stderr
    assert res.stdout == ""
    assert check(target.read_text(encoding="utf-8"))


def test_format_option_wins_over_the_extension(tmp_path) -> None:
    target = tmp_path / "brief.csv"
    res = run("summary", str(FOUNDING), "-o", str(target), "--format", "json")
    assert res.exit_code == 0, res.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["source"] == str(FOUNDING)


def test_html_extension_writes_the_html_brief(tmp_path) -> None:
    target = tmp_path / "brief.html"
    res = run("summary", str(FOUNDING), "-o", str(target))
    assert res.exit_code == 0, res.stderr
    assert res.stdout == ""
    assert target.read_text(encoding="utf-8").startswith('<!DOCTYPE html>\n<html lang="zh-CN">')


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
    res = run("summary", "-", "-f", "json", "--sentences", "3", input=data)
    assert res.exit_code == 0, res.stderr
    assert len(json.loads(res.stdout)["key_sentences"]) == 3


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["summary", "/nonexistent/file.txt"], 3),
        (["summary", str(FOUNDING), "--sentences", "0"], 2),
        (["summary", str(FOUNDING), "--format", "pdf"], 2),
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


def test_a_long_title_and_path_are_cut_with_an_ellipsis(tmp_path) -> None:
    # a panel's border holds a short title: a longer one ended there unmarked, even with --full
    # (…及调整2007年末); a long path lost the file's name at the bottom border
    page = DATA / "formats" / "govcn-npcsc-resolution-2007.html"
    deep = tmp_path / ("a very long directory name " * 3).strip() / "deeper still"
    deep.mkdir(parents=True)
    copy = deep / "resolution.html"
    copy.write_bytes(page.read_bytes())
    brief = run("summary", str(copy), env={"COLUMNS": "80"}).stdout.splitlines()
    assert "…" in brief[0] and brief[0].startswith("╭─ 全国人民代表大会常务委员会")
    bottom = next(line for line in brief if line.startswith("╰"))
    assert "resolution.html" in bottom and "…" in bottom
    assert brief[1].split()[1] == "date"  # labels whole, no title row in the short brief
    full = run("summary", str(copy), "--full", env={"COLUMNS": "80"}).stdout
    assert "title" in full and "国债余额限额的决议" in full


def test_markdown_keeps_a_sentence_that_opens_like_a_block_inert(tmp_path) -> None:
    # a key sentence opening with "# ", "- " or "1. " was a heading or a list inside its
    # numbered item; dates and negative values are left as they are
    doc = tmp_path / "blocks.txt"
    sentences = [
        "# 坚持“四个全面”战略布局，推进“两山转化”改革，实施“千村示范、万村整治”工程。",
        "- 加快建设数字政府，推广“一网通办”，打造“最多跑一次”改革的升级版本。",
        "1. 深化“放管服”改革，优化营商环境，建设国际一流的营商环境城市。",
    ]
    doc.write_text("关于推进改革的通知\n" + "\n".join(sentences) + "\n", encoding="utf-8")
    res = run("summary", str(doc), "-f", "markdown", "--sentences", "3")
    assert res.exit_code == 0, res.stderr
    items = [line for line in res.stdout.splitlines() if line[:3] in ("1. ", "2. ", "3. ")]
    assert [line[3:5] for line in items] == ["\\#", "\\-", "1\\"], items
    from policy_cli.serialize import md_escape

    assert md_escape("2024-03-05") == "2024-03-05" and md_escape("-2%左右") == "-2%左右"
    assert md_escape("~~~坚持").startswith("\\~") and md_escape("---坚持").startswith("\\-")
