"""`policy batch`: help, formats (CSV, JSON lines, Parquet), a broken file, resume, spread."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policy_cli.cli import app
from policy_cli.cli.batch import journal_path
from policy_cli.core.batch import BATCH_COLUMNS, batch_rows

from ..conftest import DOCS

PROVINCES = DOCS / "provinces-2025"
REPORTS = ("guangxi.txt", "hubei.txt", "tianjin.txt")
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["batch", *args], env={"NO_COLOR": "1"})


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    for name in REPORTS:
        shutil.copy(PROVINCES / name, root / name)
    (root / "broken.txt").write_bytes(b"\x00\x01 not text")
    return root


@pytest.fixture(scope="module")
def rows(folder) -> list[dict]:
    return list(batch_rows([folder], workers=1))


def test_help():
    res = run("--help")
    assert res.exit_code == 0
    for opt in ("--format", "--output", "--jobs", "--resume", "--scheduler", "--spread"):
        assert opt in res.stdout
    assert "batch" in runner.invoke(app, ["--help"]).stdout


def test_csv_rows_and_a_broken_file_reported_in_its_row(folder, rows):
    res = run(str(folder), "-j", "2")
    assert res.exit_code == 0, res.stderr
    table = list(csv.DictReader(io.StringIO(res.stdout)))
    assert list(table[0]) == list(BATCH_COLUMNS)
    assert [r["source"] for r in table] == [r["source"] for r in rows]
    broken = table[0]
    assert broken["source"].endswith("broken.txt") and "binary" in broken["error"]
    # (no advice to name an encoding with --encoding, which batch does not take)
    assert "--encoding" not in broken["error"] + res.stderr and "UTF-8" in broken["error"]
    assert broken["title"] == "" and table[1]["error"] == ""
    assert table[1]["title"] == rows[1]["title"] and table[1]["characters"] == str(
        rows[1]["characters"]
    )
    assert "broken.txt" in res.stderr and "1 of 4 documents could not be analysed" in res.stderr


def test_summary_csv_is_the_same_row(folder):
    one = folder / "tianjin.txt"
    summary = runner.invoke(app, ["summary", str(one), "-f", "csv"])
    batch = run(str(one))
    assert summary.exit_code == 0 and batch.exit_code == 0
    summary_row = next(csv.DictReader(io.StringIO(summary.stdout)))
    batch_row = next(csv.DictReader(io.StringIO(batch.stdout)))
    assert batch_row.pop("error") == "" and batch_row == summary_row


def test_parquet_round_trip(folder, rows, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "rows.parquet"
    res = run(str(folder), "-o", str(target), "-j", "1")
    assert res.exit_code == 0, res.stderr
    assert res.stdout == ""
    back = pq.read_table(target)
    assert back.column_names == list(BATCH_COLUMNS)
    assert str(back.schema.field("characters").type) == "int64"
    assert back.to_pylist() == rows
    jsonl = run(str(folder), "-f", "jsonl", "-j", "1")
    assert [json.loads(line) for line in jsonl.stdout.splitlines()] == rows


def test_resume_skips_the_rows_already_written(folder, rows, tmp_path):
    target = tmp_path / "rows.jsonl"
    journal = journal_path(str(target))
    assert journal is not None and journal.name == ".rows.jsonl.policy-batch-partial"
    # an interrupted run: the journal holds the first rows (one marked, to see it is kept)
    kept = [dict(rows[0]), dict(rows[1], title="FROM THE JOURNAL")]
    journal.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in kept))
    res = run(str(folder), "-o", str(target), "--resume", "-j", "1")
    assert res.exit_code == 0, res.stderr
    assert "resumed: 2 rows kept, 2 documents analysed now" in res.stderr
    out = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r["source"] for r in out] == [r["source"] for r in rows]
    assert out[1]["title"] == "FROM THE JOURNAL" and out[2:] == rows[2:]
    assert not journal.exists()
    # resuming from a whole output file: nothing left to do
    again = run(str(folder), "-o", str(target), "--resume")
    assert again.exit_code == 0 and "resumed: 4 rows kept, 0 documents analysed now" in again.stderr
    assert [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()] == out


def test_an_interrupted_run_resumes(folder, rows, tmp_path):
    corpus = tmp_path / "many"
    corpus.mkdir()
    for i in range(4):
        for name in REPORTS:
            shutil.copy(folder / name, corpus / f"{i}-{name}")
    target = tmp_path / "rows.csv"
    journal = journal_path(str(target))
    assert journal is not None
    policy = [sys.executable, "-m", "policy_cli", "batch", str(corpus), "-o", str(target)]
    proc = subprocess.Popen([*policy, "-j", "1"], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        # (bytes: the child may be writing a row, cut inside a character, as we read)
        if journal.exists() and journal.read_bytes().count(b"\n") >= 2:
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    if proc.returncode == 0:
        pytest.skip("the run ended before it could be interrupted")
    assert proc.returncode == 128 + signal.SIGTERM
    assert not target.exists()  # the -o file is whole or not there
    assert "--resume" in err
    done = journal.read_text(encoding="utf-8").count("\n") - 1  # (its first line: the options)
    res = subprocess.run([*policy, "--resume"], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert f"resumed: {done} rows kept, {12 - done} documents analysed now" in res.stderr
    table = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert sorted(r["source"] for r in table) == sorted(str(p) for p in corpus.iterdir())
    assert all(r["error"] == "" for r in table) and not journal.exists()


def test_spread_table(folder, tmp_path):
    target = tmp_path / "spread.csv"
    res = run(str(folder), "-o", str(tmp_path / "rows.csv"), "--spread", str(target))
    assert res.exit_code == 0, res.stderr
    table = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert list(table[0]) == [
        "formulation", "origin", "documents", "first_source", "first_date", "national_first_seen",
    ]
    top = {r["formulation"]: r for r in table}
    assert top["高质量发展"]["documents"] == "3" and top["高质量发展"]["origin"] == "national"


def test_bad_input_and_usage(folder, tmp_path):
    assert run(str(tmp_path / "nope")).exit_code == 3
    res = run(str(folder), "-f", "parquet")
    assert res.exit_code == 2 and "-o" in res.stderr
    assert run(str(folder), "--resume").exit_code == 2
    assert run(str(folder), "-o", str(tmp_path / "rows.json")).exit_code == 2
    res = run(str(folder), "-o", str(folder / "hubei.txt"))
    assert res.exit_code == 3 and "input" in res.stderr
    assert (folder / "hubei.txt").read_bytes() == (PROVINCES / "hubei.txt").read_bytes()
    only_broken = tmp_path / "broken"
    only_broken.mkdir()
    (only_broken / "a.txt").write_bytes(b"")
    res = run(str(only_broken))
    assert res.exit_code == 3 and "1 of 1 documents could not be analysed" in res.stderr
    assert "Traceback" not in res.stderr


def test_resuming_with_other_options_is_refused(folder, tmp_path):
    # an interrupted run's rows keep the options they were made with: resumed with other ones,
    # the file would mix rows of two key terms with rows of ten
    from policy_cli.cli.batch import OPTIONS_KEY

    target = tmp_path / "rows.csv"
    journal = journal_path(str(target))
    assert journal is not None
    options = {"keywords": 2, "keep_noise": False, "lexicon": None}
    journal.write_text(json.dumps({OPTIONS_KEY: options}) + "\n", encoding="utf-8")
    res = run(str(folder), "-o", str(target), "--resume", "--keywords", "10")
    assert res.exit_code == 2 and "other options (keywords 2)" in res.stderr
    assert not target.exists() and journal.exists()
    res = run(str(folder), "-o", str(target), "--resume", "--keywords", "2")
    assert res.exit_code == 0, res.stderr
    assert not journal.exists()


def test_no_resume_starts_afresh(folder, tmp_path):
    target = tmp_path / "rows.csv"
    journal = journal_path(str(target))
    assert journal is not None
    journal.write_text('{"source": "stale"}\n', encoding="utf-8")
    res = run(str(folder / "tianjin.txt"), "-o", str(target))
    assert res.exit_code == 0 and "started afresh" in res.stderr
    assert [r["source"] for r in csv.DictReader(io.StringIO(target.read_text(encoding="utf-8")))] == [
        str(folder / "tianjin.txt")
    ]
    assert not journal.exists()
    assert os.listdir(tmp_path) == ["rows.csv"]


def test_single_document_commands_point_to_batch(folder):
    res = runner.invoke(app, ["keywords", str(folder)])
    assert res.exit_code == 3 and "policy batch" in res.stderr
    two = [str(folder / n) for n in REPORTS[:2]]
    res = runner.invoke(app, ["summary", *two])
    assert res.exit_code == 2 and "policy batch analyses many documents" in res.stderr


def test_more_jobs_than_the_cores_can_use_are_not_forked(folder, monkeypatch):
    # `-j 100000` forked that many processes at once, until the machine ran out of memory
    # (the audit of the thirty-sixth session): the pool makes no more than a few a core
    from policy_cli.core import workers

    monkeypatch.setattr(workers, "usable_cores", lambda: 2)
    made: list[int] = []
    from concurrent import futures

    original = futures.ProcessPoolExecutor

    class Counting(original):  # type: ignore[misc, valid-type]
        def __init__(self, max_workers=None, **kw):
            made.append(max_workers)
            super().__init__(max_workers=max_workers, **kw)

    monkeypatch.setattr(futures, "ProcessPoolExecutor", Counting)
    res = run(str(folder), "-j", "100000", "-f", "jsonl")
    assert res.exit_code == 0, res.stderr
    assert made and max(made) <= workers.WORKERS_PER_CORE_MAX * 2
    assert "--jobs 100000" in res.stderr and "worker processes used" in res.stderr
    assert len(res.stdout.splitlines()) == len(REPORTS) + 1  # every document, the broken one too
    assert workers.pool_size(3) == 3 and workers.pool_size(0) == 1


@pytest.mark.parametrize("content", [b"", b"\n\n"])
def test_an_empty_corpus_file_is_an_input_error(content, tmp_path):
    # an empty JSON-lines file gave exit 0 and a header alone (the audit of the thirty-sixth
    # session), where an empty folder is refused
    corpus = tmp_path / "empty.jsonl"
    corpus.write_bytes(content)
    target = tmp_path / "rows.csv"
    res = run(str(corpus), "-o", str(target))
    assert res.exit_code == 3, res.stderr
    assert "no documents" in res.stderr and res.stderr.count("\n") == 1
    assert not target.exists() and not journal_path(str(target)).exists()
    # resumed on an empty corpus: refused too, the rows written before left as they were
    done = tmp_path / "done.csv"
    assert run(str(PROVINCES / "tianjin.txt"), "-o", str(done), "-j", "1").exit_code == 0
    before = done.read_bytes()
    res = run(str(corpus), "-o", str(done), "--resume")
    assert res.exit_code == 3 and "no documents" in res.stderr, res.stderr
    assert "--resume to go on" not in res.stderr
    assert done.read_bytes() == before and not journal_path(str(done)).exists()


def test_csv_cells_a_spreadsheet_would_run_are_inert(tmp_path):
    # a title (or any text) opening as a formula (=cmd|…, +SUM(…), @SUM, -2+3) is written after
    # a ', which a spreadsheet shows as text; numbers, and numbers written as text, stay as they
    # are (a CSV opened in a spreadsheet ran them)
    corpus = tmp_path / "titles.jsonl"
    titles = ["=cmd|' /C calc'!A0", "+SUM(1,2)", "@SUM(A1)", "-2+3"]
    corpus.write_text("".join(
        json.dumps({"title": t, "content": "今年发展主要预期目标是：国内生产总值增长5%左右。",
                    "date": f"202{k}-03-05"}, ensure_ascii=False) + "\n"
        for k, t in enumerate(titles)
    ), encoding="utf-8")
    res = run(str(corpus))
    assert res.exit_code == 0, res.stderr
    table = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [r["title"] for r in table] == ["'" + t for t in titles]
    assert all(r["characters"].isdigit() for r in table)


def test_a_journal_cut_inside_a_character_is_read_to_its_last_whole_row(tmp_path):
    # a run killed while it wrote a row (or a full disk) may cut the journal inside a character
    # of Chinese: its torn last line is dropped, as one cut between characters is ("cannot read
    # its rows": --resume was refused)
    from policy_cli.tables import read_rows

    journal = tmp_path / "journal.jsonl"
    whole = [{"source": f"{k}.txt", "title": "政府工作报告"} for k in range(2)]
    torn = json.dumps({"source": "2.txt", "title": "政府工作报告"}, ensure_ascii=False).encode()
    journal.write_bytes(
        b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in whole)
        + torn[: torn.index("工".encode()) + 1]
    )
    assert read_rows(journal, "jsonl") == whole


def test_resume_knows_a_document_by_its_file_whatever_path_reached_it(folder, tmp_path,
                                                                      monkeypatch):
    # the rows of a run over an absolute path, resumed over a relative one: each document once
    # (every row was written twice); rows of documents no longer among the inputs are dropped
    target = tmp_path / "rows.csv"
    assert run(str(folder), "-o", str(target)).exit_code == 0
    monkeypatch.chdir(folder.parent)
    res = run(folder.name, "-o", str(target), "--resume")
    assert res.exit_code == 0, res.stderr
    assert "resumed: 4 rows kept, 0 documents analysed now" in res.stderr
    table = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(table) == 4
    one = run(str(folder / "hubei.txt"), "-o", str(target), "--resume")
    assert one.exit_code == 0, one.stderr
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [Path(r["source"]).name for r in rows] == ["hubei.txt"]


def test_resume_reads_back_a_cell_made_inert_and_refuses_a_journal_damaged_inside(tmp_path,
                                                                               monkeypatch):
    # a file named +plan.txt is written '+plan.txt in CSV: read back as its name, so that a
    # resume keeps its row (it was analysed again on every resume); a journal with bytes that
    # are no UTF-8 before its last line is refused, not read with replacement characters
    from policy_cli.errors import InputError
    from policy_cli.tables import read_rows

    monkeypatch.chdir(tmp_path)
    for name in ("+plan.txt", "normal.txt"):
        (tmp_path / name).write_bytes((PROVINCES / "tianjin.txt").read_bytes())
    assert run("+plan.txt", "normal.txt", "-o", "out.csv").exit_code == 0
    res = run("+plan.txt", "normal.txt", "-o", "out.csv", "--resume")
    assert "resumed: 2 rows kept, 0 documents analysed now" in res.stderr, res.stderr
    journal = tmp_path / "j.jsonl"
    journal.write_bytes(b'{"source": "a"}\n\xff\xfe\n{"source": "b"}\n')
    with pytest.raises(InputError):
        read_rows(journal, "jsonl")
