"""`policy slogans` and `policy initiatives`: help, a run on the founding example, JSON, errors."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from policy_cli.cli import app

from ..conftest import FOUNDING

runner = CliRunner()


def run(*args: str, input: bytes | str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_help():
    for command in ("slogans", "initiatives"):
        res = run(command, "--help")
        assert res.exit_code == 0
        assert "Example: policy" in res.stdout
        for opt in ("--format", "--sort", "--output", "--encoding", "--keep-noise"):
            assert opt in res.stdout
    assert "--kind" in run("slogans", "--help").stdout


def test_table_on_founding_example():
    res = run("slogans", str(FOUNDING))
    assert res.exit_code == 0, res.stderr
    for text in ("296X", "三大行动", "开局即奔跑、起步即冲刺", "模域空间", "kind", "formulation"):
        assert text in res.stdout
    assert "removed injected spam" in res.stderr


def test_json_shape():
    res = run("slogans", str(FOUNDING), "--format", "json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["source"].endswith("yuhang-conference-2026.txt")
    items = data["formulations"]
    assert items and all(
        set(f) == {"text", "kind", "count", "first_offset", "contexts", "refers_to", "items",
                   "evidence", "origin", "first_seen"}
        for f in items
    )
    by_text = {f["text"]: f for f in items}
    assert by_text["296X"] | {"contexts": None} == {
        "text": "296X",
        "kind": "code",
        "count": 1,
        "first_offset": by_text["296X"]["first_offset"],
        "contexts": None,
        "refers_to": "先进制造业集群",
        "items": [],
        "evidence": ["quoted/shape"],
        "origin": "new",  # a district's code, said nowhere in national text
        "first_seen": None,
    }
    assert by_text["三大行动"]["evidence"] == ["counted/measure"]
    assert len(by_text["三大行动"]["items"]) == 3
    offsets = [f["first_offset"] for f in items]
    assert offsets == sorted(offsets)


def test_kind_filter_and_sort_by_count():
    res = run("slogans", str(FOUNDING), "-f", "json", "--kind", "code,name", "--sort", "count")
    assert res.exit_code == 0, res.stderr
    items = json.loads(res.stdout)["formulations"]
    assert {f["kind"] for f in items} == {"code", "name"}
    counts = [f["count"] for f in items]
    assert counts == sorted(counts, reverse=True)


def test_initiatives_lists_codes_and_numbered_only():
    res = run("initiatives", str(FOUNDING), "--format", "json")
    assert res.exit_code == 0, res.stderr
    items = json.loads(res.stdout)["formulations"]
    assert {f["kind"] for f in items} == {"code", "numbered"}
    assert {"132", "296X", "三大行动", "十五五"} <= {f["text"] for f in items}


def test_csv_and_markdown():
    res = run("initiatives", str(FOUNDING), "--format", "csv")
    assert res.exit_code == 0
    assert res.stdout.splitlines()[0] == "kind,text,origin,count,refers,context"
    res = run("slogans", str(FOUNDING), "--format", "markdown")
    assert res.exit_code == 0
    assert "| 296X |" in res.stdout.replace("  ", " ") or "296X" in res.stdout


def test_stdin():
    res = run("slogans", "-", "-f", "json", input="坚持“两个毫不动摇”，实施“4+1”工程。".encode())
    assert res.exit_code == 0, res.stderr
    texts = [f["text"] for f in json.loads(res.stdout)["formulations"]]
    assert "两个毫不动摇" in texts and "4+1" in texts


def test_missing_file_is_an_input_error():
    res = run("slogans", "/nonexistent/report.txt")
    assert res.exit_code == 3
    assert res.stdout == ""
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("policy: error:")


def test_unknown_kind_is_a_usage_error():
    res = run("slogans", str(FOUNDING), "--kind", "motto")
    assert res.exit_code == 2
    assert res.stderr.strip().startswith("policy: error:")
    assert "motto" in res.stderr
