"""`-o FILE` takes the format from the file's extension unless --format says otherwise."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from policy_cli.cli import app
from tests.conftest import DOCS, FOUNDING

runner = CliRunner()
OLD, NEW = str(DOCS / "gwr-2021.txt"), str(DOCS / "gwr-2022.txt")


def _json(text: str) -> bool:
    return isinstance(json.loads(text), dict)


def _csv(text: str) -> bool:
    rows = list(csv.reader(text.splitlines()))
    return len(rows) > 1 and len({len(r) for r in rows}) == 1


def _html(text: str) -> bool:
    return text.startswith("<!DOCTYPE html>") and text.endswith("</html>\n")


def _markdown(text: str) -> bool:
    return text.startswith("# ") and "\n## " in text


@pytest.mark.parametrize(
    ("args", "name", "check"),
    [
        (["keywords", str(FOUNDING)], "k.csv", _csv),
        (["keywords", str(FOUNDING)], "k.json", _json),
        (["keywords", str(FOUNDING)], "k.md", _markdown),
        (["slogans", str(FOUNDING)], "s.csv", _csv),
        (["initiatives", str(FOUNDING)], "i.json", _json),
        (["diff", OLD, NEW], "d.md", _markdown),
        (["diff", OLD, NEW], "d.json", _json),
        (["text", str(FOUNDING)], "t.json", _json),
        (["summary", str(FOUNDING)], "b.html", _html),
        (["diff", OLD, NEW], "d.htm", _html),
        (["text", str(FOUNDING)], "t.txt", lambda t: t.startswith("2日上午")),
        (["targets", NEW], "t.json", _json),
        (["targets", NEW], "t.csv", _csv),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_the_extension_names_the_format(tmp_path, args, name, check) -> None:
    target = tmp_path / name
    res = runner.invoke(app, [*args, "-o", str(target)])
    assert res.exit_code == 0, res.stderr
    assert res.stdout == ""
    assert check(target.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["keywords", str(FOUNDING)], "k.html"),
        (["diff", OLD, NEW], "d.csv"),  # a diff is several tables: no one CSV
        (["text", str(FOUNDING)], "t.md"),
        (["trend", str(DOCS)], "t.html"),
        (["trend", str(DOCS)], "t.parquet"),  # batch's formats: no table in a .parquet file
        (["slogans", str(FOUNDING)], "s.jsonl"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_an_extension_without_that_format_is_a_usage_error(tmp_path, args, name) -> None:
    target = tmp_path / name
    res = runner.invoke(app, [*args, "-o", str(target)])
    assert res.exit_code == 2
    assert res.stdout == ""
    assert res.stderr.startswith("policy: error:") and len(res.stderr.splitlines()) == 1
    assert not target.exists()


def test_an_explicit_format_wins(tmp_path) -> None:
    target = tmp_path / "k.html"  # no HTML keywords, but --format says json
    res = runner.invoke(app, ["keywords", str(FOUNDING), "-o", str(target), "-f", "json"])
    assert res.exit_code == 0, res.stderr
    assert _json(target.read_text(encoding="utf-8"))


def test_dash_is_standard_output(tmp_path, monkeypatch) -> None:
    # `-o -` as `-` names standard input: no file named "-" is written
    monkeypatch.chdir(tmp_path)
    res = runner.invoke(app, ["keywords", str(FOUNDING), "--top", "3", "-f", "json", "-o", "-"])
    assert res.exit_code == 0, res.stderr
    assert [k["term"] for k in json.loads(res.stdout)["keywords"]][0] == "高质量发展"
    assert not (tmp_path / "-").exists()


def test_a_missing_folder_is_refused_before_any_work(tmp_path) -> None:
    target = tmp_path / "no-such-folder" / "k.json"
    res = runner.invoke(app, ["keywords", str(FOUNDING), "-o", str(target)])
    assert res.exit_code == 3
    assert res.stderr.startswith("policy: error:") and "no such directory" in res.stderr
    assert not target.parent.exists()
