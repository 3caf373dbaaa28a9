"""`policy summary --format html` and `policy diff --format html`: the pages through the CLI.

What the pages hold is tested in tests/render/; here, that the commands write them whole, to
a file named with -o (or its extension) or to standard output, and refuse bad input cleanly.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from policy_cli.cli import app
from tests.conftest import DOCS, FOUNDING

runner = CliRunner()
OLD, NEW = str(DOCS / "gwr-2021.txt"), str(DOCS / "gwr-2022.txt")
HEAD = '<!DOCTYPE html>\n<html lang="zh-CN">'


def run(*args: str):
    return runner.invoke(app, list(args))


@pytest.mark.parametrize("command", ["summary", "diff"])
def test_help_names_the_html_format(command: str) -> None:
    res = run(command, "--help")
    assert res.exit_code == 0 and "html" in res.stdout


def test_summary_writes_the_brief_page(tmp_path) -> None:
    target = tmp_path / "brief.html"
    res = run("summary", str(FOUNDING), "-o", str(target))
    assert res.exit_code == 0, res.stderr
    assert res.stdout == ""
    page = target.read_text(encoding="utf-8")
    assert page.startswith(HEAD) and page.endswith("</html>\n")
    assert "<del>球球直播app下载_球球体育官网-线上买球</del>" in page  # the noise cut, folded
    assert 'class="m p"' in page and ">刘颖</a>" in page  # the people marked in the text


def test_summary_html_goes_to_standard_output_without_o() -> None:
    res = run("summary", str(FOUNDING), "--format", "html")
    assert res.exit_code == 0, res.stderr
    assert res.stdout.startswith(HEAD)


def test_the_page_marks_every_formulation_not_only_the_ten_listed(tmp_path) -> None:
    target = tmp_path / "brief.html"
    assert run("summary", OLD, "-o", str(target)).exit_code == 0
    page = target.read_text(encoding="utf-8")
    assert page.count('<a class="m f ') > 200
    listed = page[page.index('id="formulations"') : page.index("Every formulation")]
    assert listed.count("<tr>") == 10 + 1


def test_diff_writes_the_page_and_check_still_says_it_differs(tmp_path) -> None:
    target = tmp_path / "diff.html"
    res = run("diff", OLD, NEW, "-o", str(target), "--check")
    assert res.exit_code == 1, res.stderr
    page = target.read_text(encoding="utf-8")
    assert page.startswith(HEAD)
    assert 'id="old-text"' in page and 'id="new-text"' in page


@pytest.mark.parametrize(
    "args",
    [
        ["summary", "missing.txt", "-o", "{out}"],
        ["diff", OLD, "missing.txt", "-o", "{out}"],
        ["diff", "missing.txt", NEW, "--format", "html", "-o", "{out}"],
    ],
)
def test_a_missing_input_writes_nothing(tmp_path, args: list[str]) -> None:
    target = tmp_path / "page.html"
    res = run(*(a.format(out=target) for a in args))
    assert res.exit_code == 3
    assert res.stderr.startswith("policy: error:") and len(res.stderr.splitlines()) == 1
    assert "missing.txt" in res.stderr and "Traceback" not in res.stderr
    assert not target.exists()


def test_writing_over_an_input_is_refused(tmp_path) -> None:
    page = tmp_path / "report.html"
    page.write_text("<html><body><p>各位代表：今年要推动高质量发展。</p></body></html>",
                    encoding="utf-8")
    before = page.read_bytes()
    res = run("summary", str(page), "-o", str(page))
    assert res.exit_code == 3 and "input" in res.stderr
    assert page.read_bytes() == before
