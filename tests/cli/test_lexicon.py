"""`--lexicon FILE`: a user's own formulations, on every command that lists formulations.

The terms are found in real documents of tests/data (the Baotou 2022 digital-government plan,
the 2021 and 2022 government work reports) as a stage of their own (`user`).
"""

from __future__ import annotations

import csv
import io
import json
import pickle

import pytest
from typer.testing import CliRunner

from policy_cli.cli import app
from policy_cli.core.formulations import (
    FormulationOptions,
    extract_formulations,
    read_user_lexicon,
)
from policy_cli.core.loaders import load_document
from policy_cli.errors import InputError

from ..conftest import DOCS

runner = CliRunner()
BAOTOU = str(DOCS / "local-baotou-2022.txt")
OLD, NEW = str(DOCS / "gwr-2021.txt"), str(DOCS / "gwr-2022.txt")
# 政务服务 and 城市大脑 are said unquoted in the Baotou plan (no stage lists them without the
# lexicon); 留抵退税 and 专精特新 are in the 2022 report, 留抵退税 not in the 2021 one
TERMS = "# my terms\n政务服务\n城市大脑\tname\n\n留抵退税\tslogan\n两个确立\n"


def run(*args: str):
    return runner.invoke(app, list(args), env={"NO_COLOR": "1"})


@pytest.fixture
def lexicon(tmp_path):
    path = tmp_path / "my-terms.txt"
    path.write_text(TERMS, encoding="utf-8")
    return str(path)


def test_read_user_lexicon(lexicon):
    lex = read_user_lexicon(lexicon)
    assert lex.name == "my-terms.txt"
    kinds = {e.text: e.kind for e in lex.entries}
    # a kind given after a TAB wins; without one, the shape's kind (两个确立: numbered)
    assert kinds == {"政务服务": "name", "城市大脑": "name", "留抵退税": "slogan",
                     "两个确立": "numbered"}


def test_the_user_stage_finds_the_terms_as_they_are(lexicon):
    doc = load_document(BAOTOU)
    plain = {f.text for f in extract_formulations(doc)}
    assert "政务服务" not in plain and "城市大脑" not in plain
    options = FormulationOptions(lexicon=read_user_lexicon(lexicon))
    found = {f.text: f for f in extract_formulations(doc, options=options)}
    assert found["政务服务"].count == doc.text.count("政务服务")
    assert found["政务服务"].evidence[0] == "user/my-terms.txt"
    assert found["城市大脑"].kind == "name"
    assert "两个确立" not in found  # not in the document
    # the user's terms are certain: never folded into a longer find
    off = FormulationOptions(lexicon=options.lexicon, disabled_stages=frozenset({"user"}))
    assert {f.text for f in extract_formulations(doc, options=off)} == plain


def test_terms_are_normalised_like_the_document(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("\ufeff 线上进一网 \n互联网+医疗健康\n", encoding="utf-8")  # BOM, spaces
    lex = read_user_lexicon(path)
    assert [e.text for e in lex.entries] == ["线上进一网", "互联网+医疗健康"]
    gb = tmp_path / "gb.txt"
    gb.write_bytes("政务服务\t名字\n".replace("\t名字", "\tname").encode("gb18030"))
    assert read_user_lexicon(gb).entries[0].text == "政务服务"


def test_slogans_with_a_lexicon(lexicon):
    res = run("slogans", BAOTOU, "--lexicon", lexicon, "--format", "json")
    assert res.exit_code == 0, res.stderr
    by_text = {f["text"]: f for f in json.loads(res.stdout)["formulations"]}
    assert by_text["政务服务"]["kind"] == "name" and by_text["政务服务"]["count"] >= 15
    assert "城市大脑" in by_text
    res = run("slogans", BAOTOU, "--lexicon", lexicon, "--kind", "slogan", "--format", "csv")
    assert res.exit_code == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows and "政务服务" not in {r["text"] for r in rows}  # a name, filtered out


def test_initiatives_with_a_lexicon(lexicon, tmp_path):
    codes = tmp_path / "codes.txt"
    codes.write_text("12345\tcode\n政务服务\n", encoding="utf-8")
    res = run("initiatives", BAOTOU, "--lexicon", str(codes), "--format", "json")
    assert res.exit_code == 0, res.stderr
    texts = {f["text"] for f in json.loads(res.stdout)["formulations"]}
    assert "12345" in texts and "政务服务" not in texts  # initiatives: codes and numbered sets


def test_summary_lists_the_users_terms_first(lexicon):
    res = run("summary", BAOTOU, "--lexicon", lexicon, "--format", "json")
    assert res.exit_code == 0, res.stderr
    listed = [f["text"] for f in json.loads(res.stdout)["formulations"]]
    assert listed[:2] == ["政务服务", "城市大脑"]  # the user's own, most used first
    plain = json.loads(run("summary", BAOTOU, "--format", "json").stdout)["formulations"]
    assert "政务服务" not in [f["text"] for f in plain]


def test_diff_compares_the_users_terms(lexicon):
    res = run("diff", OLD, NEW, "--lexicon", lexicon, "--format", "json", "--top", "0")
    assert res.exit_code == 0, res.stderr
    added = {a["text"]: a for a in json.loads(res.stdout)["formulations"]["added"]}
    assert added["留抵退税"]["old_count"] == 0 and added["留抵退税"]["new_count"] >= 1


def test_trend_follows_the_users_terms_first(lexicon, tmp_path):
    res = runner.invoke(
        app,
        ["trend", OLD, NEW, "--by", "file", "--lexicon", lexicon, "--format", "json"],
        env={"POLICY_CLI_CACHE": str(tmp_path / "cache"), "NO_COLOR": "1"},
    )
    assert res.exit_code == 0, res.stderr
    forms = {s["term"] for s in json.loads(res.stdout)["formulations"]}
    assert "留抵退税" in forms


@pytest.mark.parametrize(
    "command",
    [("slogans", BAOTOU), ("initiatives", BAOTOU), ("summary", BAOTOU), ("diff", OLD, NEW),
     ("trend", OLD, NEW), ("batch", BAOTOU)],
    ids=lambda c: c[0],
)
def test_output_never_overwrites_the_lexicon(lexicon, command, tmp_path):
    # the lexicon is read by the run as its documents are: -o naming it is refused, before any
    # work, and the user's word list is left as it was
    link = tmp_path / "link.txt"
    link.symlink_to(lexicon)
    for target in (lexicon, str(link)):
        res = runner.invoke(
            app, [*command, "--lexicon", lexicon, "-o", target],
            env={"POLICY_CLI_CACHE": str(tmp_path / "cache"), "NO_COLOR": "1"},
        )
        assert res.exit_code == 3, (res.stdout, res.stderr)
        assert "is an input of this command" in res.stderr
    with open(lexicon, encoding="utf-8") as f:
        assert f.read() == TERMS


def test_batch_workers_read_the_lexicon(lexicon, tmp_path):
    # the worker processes get the lexicon by pickling: its Aho-Corasick automaton, built in the
    # parent by an earlier match, is left out and built again in each worker
    lex = read_user_lexicon(lexicon)
    assert lex.automaton is not None  # built and cached
    again = pickle.loads(pickle.dumps(lex))
    assert again == lex and [m[1:] for m in again.automaton[0].find_matches_as_indexes(
        "推进政务服务")] == [(2, 6)]
    out = tmp_path / "rows.csv"
    res = runner.invoke(
        app, ["batch", BAOTOU, OLD, "--lexicon", lexicon, "-j", "2", "-o", str(out)],
        env={"NO_COLOR": "1"},
    )
    assert res.exit_code == 0, res.stderr
    rows = {r["source"]: r for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))}
    local = rows[BAOTOU]["local"].split("; ")
    assert "政务服务" in local and "城市大脑" in local  # the user's terms, found in the worker


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "no term in it"),
        (b"# only a comment\n\n", "no term in it"),
        ("政务服务\tprogramme\n".encode(), "line 1: unknown kind 'programme'"),
        ("政务服务\tname\textra\n".encode(), "line 1: a term and at most one kind"),
        ("好\n".encode(), "line 1: '好' is too short"),
        (b"\x00\x01\x02binary", "lexicon.txt: binary file"),
        # a line of a text, no term (the audit of the thirty-sixth session: the matcher's build
        # took 7 s on 20,000 characters and did not end on 9.6 MB)
        (("数字" * 20_000 + "\n").encode(), "line 1: a term of 40,000 characters"),
    ],
)
def test_bad_lexicon_is_one_line_and_exit_3(tmp_path, content, message):
    path = tmp_path / "lexicon.txt"
    if content is not None:
        path.write_bytes(content)
    for command in (("slogans", BAOTOU), ("summary", BAOTOU), ("diff", OLD, NEW),
                    ("initiatives", BAOTOU)):
        res = run(*command, "--lexicon", str(path))
        assert res.exit_code == 3, (command, res.stdout, res.stderr)
        assert res.stdout == ""
        lines = [ln for ln in res.stderr.splitlines() if ln.startswith("policy: error:")]
        assert len(lines) == 1 and message in lines[0] and "Traceback" not in res.stderr
    with pytest.raises(InputError, match=message):
        read_user_lexicon(path)


def test_a_directory_is_no_lexicon(tmp_path):
    res = run("slogans", BAOTOU, "--lexicon", str(tmp_path))
    assert res.exit_code == 3 and "is a directory" in res.stderr


def test_help_names_the_option():
    for command in ("slogans", "initiatives", "summary", "diff", "trend"):
        assert "--lexicon" in run(command, "--help").stdout, command
