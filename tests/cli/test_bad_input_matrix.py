"""Bad input and output safety across every command.

The product guide's promises, checked command by command: bad input gets one line
`policy: error: ...` on stderr and exit 3 (input) or 2 (usage), never a traceback; `-o FILE`
is written whole or not at all; document text is data (rich markup printed literally, no
terminal escape reaches stdout, JSON stays valid); NO_COLOR and a non-tty stdout give no
ANSI codes; tables fit 80 columns.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from typer.testing import CliRunner

from policy_cli.cli import app
from policy_cli.core import loaders

from ..conftest import DOCS, FOUNDING

runner = CliRunner()
TEXT = FOUNDING.read_text(encoding="utf-8")
SMALL = "\n".join(TEXT.splitlines()[:4]) + "\n"  # four real paragraphs: quick to analyse

# Every command taking one document, with options that keep it quick.
SINGLE = {
    "keywords": ["keywords", "--top", "5"],
    "slogans": ["slogans"],
    "initiatives": ["initiatives"],
    "summary": ["summary"],
    "targets": ["targets"],
    "text": ["text"],
}
TABLE_COMMANDS = ["keywords", "slogans", "initiatives", "summary", "diff", "trend"]


def invoke(args: list[str], *, input: bytes | str | None = None, env: dict | None = None):
    """Run `policy ARGS`; the result keeps stdout and stderr apart."""
    return runner.invoke(app, args, input=input, env=env)


def assert_clean_error(res, code: int, *needles: str) -> None:
    """One line `policy: error: ...` on stderr, nothing on stdout, the given exit code."""
    assert res.exit_code == code, (res.exit_code, res.stdout, res.stderr)
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    lines = res.stderr.splitlines()
    assert lines, "no error message"
    assert lines[-1].startswith("policy: error: "), res.stderr
    assert "Traceback" not in res.stderr
    assert all(line.startswith("policy: ") for line in lines), res.stderr
    assert res.stdout == ""
    for needle in needles:
        assert needle in lines[-1], (needle, lines[-1])


# -- the bad inputs ------------------------------------------------------------------------
@dataclass(frozen=True)
class Bad:
    """A bad input: how to make it, the stdin, extra options, the exit code, a word of the error."""

    make: Callable[[Path], str]
    code: int = 3
    needle: str = ""
    stdin: bytes | None = None
    options: tuple[str, ...] = ()


def _write(name: str, data: bytes) -> Callable[[Path], str]:
    def make(tmp: Path) -> str:
        p = tmp / name
        p.write_bytes(data)
        return str(p)

    return make


def _docx_truncated() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>" + "<w:p>文字</w:p>" * 200 + "</w:document>")
    data = buf.getvalue()
    return data[: len(data) // 2]


def _docx_without_body() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/styles.xml", "<styles/>")
    return buf.getvalue()


def _huge(tmp: Path) -> str:
    p = tmp / "huge.txt"
    p.write_bytes(SMALL.encode("utf-8") * 4)  # over the lowered limit (see the fixture)
    return str(p)


BAD: dict[str, Bad] = {
    "missing": Bad(lambda tmp: str(tmp / "nope.txt"), needle="no such file"),
    "directory": Bad(lambda tmp: str(tmp), needle="directory"),
    "empty": Bad(_write("empty.txt", b""), needle="empty"),
    "whitespace": Bad(_write("blank.txt", " \n\t\r\n\u3000\n".encode("utf-8"))),
    "binary": Bad(_write("random.txt", bytes((i * 97 + 13) % 256 for i in range(4096)))),
    "nul-bytes": Bad(_write("nul.txt", "政府工作报告\x00\x00继续推进".encode() * 20), needle="NUL"),
    "undecodable": Bad(_write("latin.txt", bytes(range(0x80, 0x100)) * 8)),
    "wrong-encoding": Bad(
        _write("utf8.txt", SMALL.encode("utf-8")), options=("--encoding", "ascii"), needle="ascii"
    ),
    "unknown-codec": Bad(
        _write("ok.txt", SMALL.encode("utf-8")),
        options=("--encoding", "no-such-codec"),
        needle="no-such-codec",
    ),
    "fake-docx": Bad(_write("report.docx", SMALL.encode("utf-8")), needle="docx"),
    "fake-pdf": Bad(_write("report.pdf", SMALL.encode("utf-8")), needle="PDF"),
    "truncated-docx": Bad(_write("cut.docx", _docx_truncated())),
    "docx-no-body": Bad(_write("hollow.docx", _docx_without_body())),
    "truncated-pdf": Bad(_write("cut.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R")),
    # refused on its size before it is read (the limit is looked up at call time)
    "huge": Bad(_huge, needle="file is too large"),
    "stdin-empty": Bad(lambda tmp: "-", stdin=b"", needle="empty"),
    "stdin-blank": Bad(lambda tmp: "-", stdin=b"\n \n"),
    "stdin-huge": Bad(lambda tmp: "-", stdin=SMALL.encode("utf-8") * 4, needle="too large"),
    "utf16-bom-odd": Bad(_write("odd.txt", b"\xff\xfeA"), needle="utf-16"),
    "html-no-text": Bad(
        _write("page.html", b"<html><body><script>var a=1;</script></body></html>")
    ),
}


@pytest.fixture
def small_limit(monkeypatch):
    """Lower the loader's size limit so that 'huge' needs kilobytes, not 64 MB."""
    monkeypatch.setattr(loaders, "MAX_BYTES", len(SMALL.encode("utf-8")) * 2)


@pytest.fixture
def good(tmp_path_factory) -> str:
    p = tmp_path_factory.mktemp("good") / "good.txt"
    p.write_text(SMALL, encoding="utf-8")
    return str(p)


@pytest.mark.parametrize("case", BAD, ids=str)
@pytest.mark.parametrize("command", SINGLE, ids=str)
def test_single_document_commands_refuse_bad_input(command, case, tmp_path, small_limit):
    bad = BAD[case]
    path = bad.make(tmp_path)
    res = invoke([*SINGLE[command], path, *bad.options], input=bad.stdin)
    assert_clean_error(res, bad.code, bad.needle)


@pytest.mark.parametrize("case", BAD, ids=str)
@pytest.mark.parametrize("side", ["old", "new"])
def test_diff_refuses_bad_input_on_either_side(side, case, tmp_path, good, small_limit):
    bad = BAD[case]
    path = bad.make(tmp_path)
    pair = [path, good] if side == "old" else [good, path]
    res = invoke(["diff", *pair, *bad.options], input=bad.stdin)
    assert_clean_error(res, bad.code, bad.needle)


# Text that loads but holds nothing to rank: exit 4 where an analysis needs terms, an empty
# table where a list may be empty.
NOTHING = {
    "numbers": "1234567 8888\n",
    "punctuation": "。。。！！！\n",
    "english": "hello world this is english only text.\n",
}
NOTHING_CODES = {
    "keywords": 4, "summary": 4, "slogans": 0, "initiatives": 0, "targets": 0, "text": 0,
}


@pytest.mark.parametrize("case", NOTHING, ids=str)
@pytest.mark.parametrize("command", SINGLE, ids=str)
def test_nothing_to_analyse(command, case, tmp_path):
    p = tmp_path / "doc.txt"
    p.write_text(NOTHING[case], encoding="utf-8")
    res = invoke([*SINGLE[command], str(p)])
    if NOTHING_CODES[command]:
        assert_clean_error(res, NOTHING_CODES[command])
    else:
        assert res.exit_code == 0, res.stderr
        assert "Traceback" not in res.stderr


def test_diff_refuses_stdin_twice():
    res = invoke(["diff", "-", "-"], input=SMALL)
    assert_clean_error(res, 2, "standard input")


# -- trend: paths, folders, JSON lines -------------------------------------------------------
TREND = ["trend", "--no-cache", "--jobs", "1"]


def _jsonl(tmp: Path, lines: list[str], name: str = "docs.jsonl") -> str:
    p = tmp / name
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(p)


def _record(year: int, text: str = SMALL) -> str:
    return json.dumps({"year": year, "title": f"{year}年报告", "content": text}, ensure_ascii=False)


TREND_BAD: dict[str, tuple[Callable[[Path], list[str]], int, str]] = {
    "missing-path": (lambda tmp: [str(tmp / "nope")], 3, "no such file"),
    "missing-second-path": (
        lambda tmp: [_jsonl(tmp, [_record(2024), _record(2025)]), str(tmp / "gone.txt")],
        3,
        "gone.txt",
    ),
    "empty-folder": (lambda tmp: [str(tmp)], 3, "no documents"),
    "glob-matching-nothing": (lambda tmp: [str(tmp / "*.txt")], 3, "matches no document"),
    # a record that cannot be read is skipped with a warning naming its line (a test below);
    # what is left here is one year
    "jsonl-not-object": (lambda tmp: [_jsonl(tmp, [_record(2024), "[1, 2]"])], 4, "two periods"),
    "jsonl-no-content": (
        lambda tmp: [_jsonl(tmp, [_record(2024), '{"year": 2025}'])], 4, "two periods"
    ),
    "corrupt-xz": (
        lambda tmp: [_write("docs.jsonl.xz", b"\xfd7zXZ\x00broken")(tmp)], 3, "docs.jsonl.xz"
    ),
    "empty-jsonl": (lambda tmp: [_jsonl(tmp, [""])], 4, ""),
    "one-year-only": (lambda tmp: [_jsonl(tmp, [_record(2024)])], 4, "two periods"),
}


@pytest.mark.parametrize("case", TREND_BAD, ids=str)
def test_trend_refuses_bad_paths(case, tmp_path):
    make, code, needle = TREND_BAD[case]
    res = invoke([*TREND, *make(tmp_path)])
    assert_clean_error(res, code, needle)


def test_trend_skips_a_broken_jsonl_line_with_a_warning(tmp_path):
    # one line cut short (an interrupted download) costs that record, not the corpus
    path = _jsonl(tmp_path, [_record(2024), '{"year": 2025, "content": "半截', _record(2025)])
    res = invoke([*TREND, path, "--terms", "创新"])
    assert res.exit_code == 0, res.stderr
    assert res.stderr.splitlines() == [
        f"policy: warning: skipped {path}:2: not a JSON object (Unterminated string starting at)"
    ]


def test_trend_skips_bad_files_in_a_folder_with_one_warning_each(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a-2024.txt").write_text(SMALL, encoding="utf-8")
    (folder / "b-2025.txt").write_text(TEXT, encoding="utf-8")
    (folder / "c-2023.txt").write_bytes(b"")
    (folder / "d-2022.txt").write_bytes(b"\x00\x01" * 100)
    (folder / "e-2021.docx").write_bytes(b"PK\x03\x04garbage")
    res = invoke([*TREND, str(folder), "--terms", "创新"])
    assert res.exit_code == 0, res.stderr
    assert "Traceback" not in res.stderr
    warnings = res.stderr.splitlines()
    assert len(warnings) == 3, res.stderr
    for name, line in zip(["c-2023.txt", "d-2022.txt", "e-2021.docx"], warnings, strict=True):
        assert line.startswith("policy: warning: skipped "), line
        assert line.count(name) == 1, line  # the file is named once, not twice
    assert "2 in 2 periods" in res.stdout


def test_trend_with_only_bad_files(tmp_path):
    (tmp_path / "c-2023.txt").write_bytes(b"")
    (tmp_path / "d-2022.txt").write_bytes(b"\x00\x01" * 100)
    res = invoke([*TREND, str(tmp_path)])
    assert res.exit_code == 4, res.stderr
    assert res.stderr.splitlines()[-1].startswith("policy: error: no document could be used")


def test_trend_bad_terms_is_a_usage_error(tmp_path):
    res = invoke([*TREND, _jsonl(tmp_path, [_record(2024), _record(2025)]), "--terms", " , "])
    assert_clean_error(res, 2, "--terms")


# -- -o FILE: whole or not at all -------------------------------------------------------------
def _all_commands(tmp: Path, good: str) -> dict[str, list[str]]:
    jsonl = _jsonl(tmp, [_record(2024), _record(2025, TEXT)], name="two-years.jsonl")
    return {
        **{name: [*args, good] for name, args in SINGLE.items()},
        "diff": ["diff", good, str(FOUNDING)],
        "trend": [*TREND, jsonl, "--terms", "创新,高质量发展"],
    }


def _bad_command(name: str, tmp: Path, good: str) -> list[str]:
    missing = str(tmp / "missing.txt")
    if name == "diff":
        return ["diff", good, missing]
    if name == "trend":
        return [*TREND, missing]
    return [*SINGLE[name], missing]


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.startswith(".") or "tmp" in p.name)


ALL = [*SINGLE, "diff", "trend"]


@pytest.mark.parametrize("command", ALL)
def test_output_untouched_on_error(command, tmp_path, good):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "result.json"
    target.write_text("PREVIOUS\n", encoding="utf-8")
    res = invoke([*_bad_command(command, tmp_path, good), "-o", str(target)])
    assert_clean_error(res, 3)
    assert target.read_text(encoding="utf-8") == "PREVIOUS\n"
    assert _leftovers(out_dir) == []


@pytest.mark.parametrize("command", ALL)
def test_output_whole_on_success(command, tmp_path, good):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "result.json"
    target.write_text("PREVIOUS\n", encoding="utf-8")
    res = invoke([*_all_commands(tmp_path, good)[command], "-f", "json", "-o", str(target)])
    assert res.exit_code == 0, res.stderr
    assert res.stdout == ""
    json.loads(target.read_text(encoding="utf-8"))
    assert _leftovers(out_dir) == []


@pytest.mark.parametrize("command", ALL)
def test_output_untouched_when_the_write_fails(command, tmp_path, good, monkeypatch):
    """A failure at the last step (the rename) leaves the old file and no temp file."""
    import os

    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "result.json"
    target.write_text("PREVIOUS\n", encoding="utf-8")

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    res = invoke([*_all_commands(tmp_path, good)[command], "-f", "json", "-o", str(target)])
    assert_clean_error(res, 3, "result.json", "cannot write")
    assert target.read_text(encoding="utf-8") == "PREVIOUS\n"
    assert _leftovers(out_dir) == []


@pytest.mark.parametrize("command", ["keywords", "text", "diff"])
def test_output_into_a_missing_folder(command, tmp_path, good):
    target = tmp_path / "no" / "such" / "dir" / "out.json"
    res = invoke([*_all_commands(tmp_path, good)[command], "-o", str(target)])
    assert_clean_error(res, 3, "out.json")
    assert not target.exists()


@pytest.mark.parametrize("command", ["summary", "slogans", "trend"])
def test_output_onto_a_folder(command, tmp_path, good):
    res = invoke([*_all_commands(tmp_path, good)[command], "-o", str(tmp_path)])
    assert_clean_error(res, 3, "cannot write")
    assert _leftovers(tmp_path) == []


# -- usage errors: exit 2 ----------------------------------------------------------------------
USAGE = {
    "keywords-top-0": ["keywords", "--top", "0"],
    "keywords-method": ["keywords", "--method", "bm25"],
    "slogans-kind": ["slogans", "--kind", "bogus"],
    "initiatives-format": ["initiatives", "--format", "yaml"],
    "summary-sentences": ["summary", "--sentences", "0"],
    "text-format": ["text", "--format", "table"],
    "diff-one-file": ["diff"],
    "unknown-option": ["keywords", "--no-such-option"],
}


@pytest.mark.parametrize("case", USAGE, ids=str)
def test_usage_errors_exit_2(case, good):
    res = invoke([*USAGE[case], good])
    assert res.exit_code == 2, (res.stdout, res.stderr)
    assert res.stdout == ""
    assert "Traceback" not in res.stderr
    # option parsing's errors too: one line in the form of every other error
    lines = res.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("policy: error: "), res.stderr


def test_trend_usage_errors_exit_2(tmp_path):
    jsonl = _jsonl(tmp_path, [_record(2024), _record(2025)])
    for extra in (["--by", "decade"], ["--top", "0"], ["--jobs", "0"]):
        res = invoke([*TREND, jsonl, *extra])
        assert res.exit_code == 2, (extra, res.stderr)
        assert res.stdout == ""
        assert res.stderr.startswith("policy: error: ") and res.stderr.count("\n") == 1


# -- document text is data -------------------------------------------------------------------
ESC = "\x1b"
HOSTILE_NAME = "[bold]r[link=x].txt"  # a file name cannot hold "/"
HOSTILE_LINES = [
    "[bold]高质量发展[/bold]要坚持[link=https://evil.example]科技创新[/link]引领。",
    f"{ESC}[31m红色文字{ESC}[0m要推进新型工业化。",
    f"{ESC}]8;;https://evil.example{ESC}\\超链接{ESC}]8;;{ESC}\\要加快建设现代化产业体系。",
    f"{ESC}]0;pwned\x07窗口标题要扎实推进共同富裕。",
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    p = folder / HOSTILE_NAME
    p.write_text("\n".join(HOSTILE_LINES) + "\n" + TEXT, encoding="utf-8")
    return p


def _hostile_commands(hostile: Path) -> dict[str, list[str]]:
    folder = hostile.parent
    jsonl = folder / "[bold]t.jsonl"
    records = [
        json.dumps(
            {"year": 2024, "title": "[bold]2024[/bold]", "content": SMALL}, ensure_ascii=False
        ),
        json.dumps(
            {"year": 2025, "content": hostile.read_text(encoding="utf-8")}, ensure_ascii=False
        ),
    ]
    jsonl.write_text("\n".join(records) + "\n", encoding="utf-8")
    return {
        "keywords": ["keywords", str(hostile)],
        "slogans": ["slogans", str(hostile)],
        "initiatives": ["initiatives", str(hostile)],
        "summary": ["summary", str(hostile)],
        "diff": ["diff", str(FOUNDING), str(hostile), "--sentences"],
        "trend": [*TREND, str(jsonl), "--by", "file"],
        "trend-terms": [*TREND, str(jsonl), "--by", "file", "--terms", "[bold]高质量发展[/bold],创新"],
    }


@pytest.mark.parametrize(
    "command", ["keywords", "slogans", "initiatives", "summary", "diff", "trend", "trend-terms"]
)
def test_markup_and_escapes_are_inert_in_tables(command, hostile):
    args = _hostile_commands(hostile)[command]
    res = invoke(args, env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.stderr
    assert ESC not in res.stdout and "\x07" not in res.stdout
    assert ESC not in res.stderr and "\x07" not in res.stderr
    assert "[bold]" in res.stdout, res.stdout  # the markup is shown, not obeyed
    if command == "diff":  # the hostile lines are new sentences: shown as written
        assert "[bold]高质量发展[/bold]要坚持[link=https://evil.example]" in res.stdout
    for fmt in ("json", "markdown", "csv"):
        if fmt == "csv" and command in ("summary", "diff"):
            continue
        res = invoke([*args, "-f", fmt])
        assert res.exit_code == 0, res.stderr
        assert ESC not in res.stdout and "\x07" not in res.stdout
        if fmt == "json":
            json.loads(res.stdout)


def test_markup_and_escapes_in_text_output(hostile):
    res = invoke(["text", str(hostile)])
    assert res.exit_code == 0
    assert ESC not in res.stdout and "\x07" not in res.stdout
    assert "[bold]高质量发展[/bold]" in res.stdout
    assert "[link=https://evil.example]科技创新[/link]" in res.stdout
    data = json.loads(invoke(["text", str(hostile), "-f", "json"]).stdout)
    assert ESC not in data["text"]


@pytest.mark.parametrize("command", ALL)
def test_escapes_in_a_file_name_stay_out_of_the_error_line(command, tmp_path, good):
    # (and the marks of bidirectional text: an override, U+202E, showed the name reversed)
    missing = str(tmp_path / f"{ESC}]0;pwned\x07{ESC}[31mred\u202egnp\u2066\u061c.txt")
    args = {
        "diff": ["diff", good, missing],
        "trend": [*TREND, missing],
    }.get(command, [*SINGLE.get(command, []), missing])
    res = invoke(args)
    assert_clean_error(res, 3, "redgnp.txt")
    assert ESC not in res.stderr and "\x07" not in res.stderr
    assert not {"\u202e", "\u2066", "\u061c"} & set(res.stderr)


def test_markup_in_the_stdin_document(tmp_path):
    res = invoke(["keywords", "-", "--top", "3"], input="\n".join(HOSTILE_LINES) + "\n" + SMALL)
    assert res.exit_code == 0, res.stderr
    assert ESC not in res.stdout


# -- colour and width -------------------------------------------------------------------------
@pytest.mark.parametrize("command", ALL)
@pytest.mark.parametrize("no_color", ["1", None])
def test_no_ansi_codes_on_a_non_tty(command, no_color, tmp_path, good):
    args = _all_commands(tmp_path, good)[command]
    res = invoke(args, env={"NO_COLOR": no_color, "COLUMNS": "80"})
    assert res.exit_code == 0, res.stderr
    assert ESC not in res.stdout
    assert ESC not in res.stderr


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_color_is_respected_on_a_tty(monkeypatch):
    from policy_cli import render

    section = render.Section(
        "Key terms", [render.Column("term", "term"), render.Column("n", "n", kind="number")],
        [{"term": "高质量发展", "n": 3}],
    )
    coloured = _Tty()
    monkeypatch.delenv("NO_COLOR", raising=False)
    render.print_sections([section], console=render.make_console(file=coloured, width=80))
    assert ESC in coloured.getvalue()  # the check below would prove nothing otherwise
    plain = _Tty()
    monkeypatch.setenv("NO_COLOR", "1")
    render.print_sections([section], console=render.make_console(file=plain, width=80))
    assert ESC not in plain.getvalue()
    assert "高质量发展" in plain.getvalue()


@pytest.fixture(scope="module")
def width_commands(tmp_path_factory) -> dict[str, list[str]]:
    tmp = tmp_path_factory.mktemp("width")
    jsonl = _jsonl(tmp, [_record(2024, TEXT), _record(2025, TEXT + SMALL)], name="two.jsonl")
    doc = str(FOUNDING)
    small = tmp / "small.txt"
    small.write_text(SMALL, encoding="utf-8")
    small = str(small)
    return {
        "keywords": ["keywords", doc],
        "slogans": ["slogans", doc],
        "initiatives": ["initiatives", doc],
        "summary": ["summary", doc],
        "targets": ["targets", str(DOCS / "gwr-2021.txt")],
        "diff": ["diff", small, doc, "--sentences"],
        "trend": [*TREND, jsonl, "--by", "file"],
        "trend-terms": [*TREND, jsonl, "--terms", "创新,高质量发展,人工智能"],
    }


@pytest.mark.parametrize(
    "command",
    ["keywords", "slogans", "initiatives", "summary", "targets", "diff", "trend", "trend-terms"],
)
def test_tables_fit_80_columns(command, width_commands):
    res = invoke(width_commands[command], env={"COLUMNS": "80"})
    assert res.exit_code == 0, res.stderr
    assert res.stdout.strip()
    wide = [line for line in res.stdout.splitlines() if cell_len(line) > 80]
    assert not wide, "\n".join(wide)


@pytest.mark.parametrize("command", ["keywords", "summary", "diff"])
def test_table_written_to_a_file_is_plain(command, hostile, tmp_path):
    target = tmp_path / "table.txt"
    res = invoke([*_hostile_commands(hostile)[command], "-o", str(target)], env={"NO_COLOR": None})
    assert res.exit_code == 0, res.stderr
    content = target.read_text(encoding="utf-8")
    assert ESC not in content and "\x07" not in content
    assert "[bold]" in content


# -- arbitrary bytes: a result or a one-line error, never a traceback -------------------------
_BYTES = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=200).map(lambda t: t.encode("utf-8")),
    st.text(alphabet="政府工作报告坚持高质量发展。，；“”[]/\x1b\x00\n ", max_size=200).map(
        lambda t: t.encode("utf-8")
    ),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_BYTES, command=st.sampled_from(["keywords", "slogans", "summary", "text"]))
def test_arbitrary_bytes_on_stdin(data, command):
    res = invoke([command, "-"], input=data)
    assert res.exit_code in (0, 3, 4), (res.exit_code, res.stderr, res.exception)
    assert "Traceback" not in res.stderr
    assert ESC not in res.stdout and ESC not in res.stderr
    assert all(line.startswith("policy: ") for line in res.stderr.splitlines()), res.stderr
    if res.exit_code:
        assert res.stdout == ""
