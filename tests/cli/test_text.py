"""`policy text`: every input format end to end, noise reporting, and hostile files."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from typer.testing import CliRunner

from policy_cli.cli import app

from ..conftest import DATA, FOUNDING

FORMATS = DATA / "formats"
runner = CliRunner()


def run(*args: str, input: bytes | str | None = None):
    return runner.invoke(app, ["text", *args], input=input)


def test_help():
    res = run("--help")
    assert res.exit_code == 0
    for opt in ("--format", "--output", "--encoding", "--keep-noise"):
        assert opt in res.stdout


@pytest.mark.parametrize(
    ("name", "expected", "warning"),
    [
        ("local-jiangsu-2025.docx", "2025年1月19日在江苏省第十四届人民代表大会第三次会议上", "来源：江苏新闻"),
        ("local-shaoxing-conference-2023.gb18030.txt", "1月29日上午，市委召开全市领导干部大会", "绍兴发布"),
        ("govcn-npcsc-resolution-2007.html", "批准发行15500亿元特别国债购买外汇", None),
        ("sxmu-supervision-law-2018.html", "第六十九条 本法自公布之日起施行。", None),
        ("state-council-ai-plus-opinion-2025.pdf", "国发〔2025〕11号", "字号"),
        ("spc-guiding-case-254-2025.pdf", "【执行实施要点】", "北大法宝"),
    ],
)
def test_each_format_end_to_end(name, expected, warning):
    res = run(str(FORMATS / name))
    assert res.exit_code == 0, res.stderr
    assert expected in res.stdout
    if warning:
        assert warning in res.stderr
        assert all(line.startswith("policy: warning: removed ") for line in res.stderr.splitlines())
        assert warning not in res.stdout
    else:
        assert res.stderr == ""


def test_json_output_on_founding_example():
    res = run(str(FOUNDING), "--format", "json")
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert list(data) == [
        "source", "format", "encoding", "text", "paragraphs", "sentences", "noise"
    ]
    assert data["format"] == "text" and data["encoding"] == "utf-8"
    assert data["noise"][0]["text"] == "球球直播app下载_球球体育官网-线上买球"
    assert data["noise"][0]["reason"] == "injected spam"
    assert "球球" not in data["text"]
    assert data["paragraphs"] == data["text"].count("\n") + 1
    assert "injected spam" in res.stderr


def test_keep_noise_keeps_the_spam():
    res = run(str(FOUNDING), "--keep-noise")
    assert res.exit_code == 0
    assert "球球直播app下载_球球体育官网-线上买球" in res.stdout
    assert res.stderr == ""


def test_html_on_stdin():
    page = (FORMATS / "govcn-npcsc-resolution-2007.html").read_bytes()
    res = run("-", input=page)
    assert res.exit_code == 0, res.stderr
    assert res.stdout.startswith("全国人民代表大会常务委员会关于批准财政部发行特别国债")
    assert "首页" not in res.stdout


def test_html_in_a_txt_file_without_suffix(tmp_path):
    target = tmp_path / "page"
    target.write_bytes((FORMATS / "govcn-npcsc-resolution-2007.html").read_bytes())
    res = run(str(target), "-f", "json")
    assert res.exit_code == 0
    assert json.loads(res.stdout)["format"] == "html"


def test_output_file(tmp_path):
    out = tmp_path / "clean.txt"
    res = run(str(FORMATS / "local-jiangsu-2025.docx"), "--output", str(out))
    assert res.exit_code == 0 and res.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("2025年江苏省政府工作报告\n2025年1月19日")


def zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open("word/document.xml", "w") as fh:
            for _ in range(40):
                fh.write(b"\0" * 2**20)
    return buf.getvalue()


def hostile_files() -> list[tuple[str, bytes, str]]:
    pdf = (FORMATS / "spc-guiding-case-254-2025.pdf").read_bytes()
    deep = "<html><body>" + "<div>" * 3000 + "正文。" + "</div>" * 3000 + "</body></html>"
    return [
        ("bomb.docx", zip_bomb(), "zip bomb"),
        ("truncated.pdf", pdf[: len(pdf) // 3], "not a readable PDF"),
        ("fake.docx", "这只是一段文字。".encode(), "not a zip archive"),
        ("deep.html", deep.encode(), "nested more than"),
        ("empty.pdf", b"%PDF-1.4\n%%EOF\n", "PDF"),
    ]


@pytest.mark.parametrize(("name", "data", "message"), hostile_files(), ids=lambda v: str(v)[:12])
def test_hostile_files_exit_3_with_one_line(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    res = run(str(path))
    assert res.exit_code == 3, res.stderr
    assert res.stdout == ""
    lines = res.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"policy: error: {path}: ")
    assert message in lines[0]


def test_missing_file():
    res = run("no/such/file.pdf")
    assert res.exit_code == 3
    assert res.stderr.startswith("policy: error: no/such/file.pdf: no such file")


def test_many_removed_spans_are_counted_not_listed(tmp_path):
    # a scraped page with a spam line after every paragraph: 12 spans removed
    path = tmp_path / "spammed.txt"
    lines = ["推进高质量发展，加快建设现代化产业体系。", "开云体育app下载官网登录入口"] * 12
    path.write_text("\n".join(lines), encoding="utf-8")
    res = run(str(path))
    assert res.exit_code == 0
    warnings = res.stderr.splitlines()
    assert len(warnings) == 6  # five named, then the rest counted
    assert warnings[-1].startswith("policy: warning: removed 7 more spans (")
    assert "injected spam" in warnings[-1]
    assert res.stdout.count("推进高质量发展") == 12 and "app下载" not in res.stdout
