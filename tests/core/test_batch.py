"""`batch_rows`: one row per document, the row `summary` gives it; errors in their rows."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from policy_cli.core.batch import BATCH_COLUMNS, BatchOptions, batch_rows, document_row
from policy_cli.core.corpus import CorpusItem
from policy_cli.core.echo import spread
from policy_cli.core.loaders import load_document
from policy_cli.core.summary import ROW_COLUMNS, summarize, summary_row
from policy_cli.errors import InputError, UsageError

from ..conftest import DOCS

PROVINCES = DOCS / "provinces-2025"
# four of the ten provincial reports of 2025 (the shortest: a batch of them takes a second)
REPORTS = ("guangxi.txt", "hubei.txt", "shandong.txt", "tianjin.txt")


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Provincial reports of 2025, and a broken file and an empty one among them."""
    root = tmp_path_factory.mktemp("corpus")
    for name in REPORTS:
        shutil.copy(PROVINCES / name, root / name)
    (root / "broken.txt").write_bytes(b"\x00\x01\x02 not a document")
    (root / "empty.txt").write_bytes(b"")
    return root


@pytest.fixture(scope="module")
def rows(folder) -> list[dict]:
    return list(batch_rows([folder], workers=2))


def test_one_row_per_document_in_order_and_errors_in_their_rows(folder, rows):
    names = sorted(p.name for p in folder.iterdir())
    assert [Path(r["source"]).name for r in rows] == names
    assert all(list(r) == list(BATCH_COLUMNS) for r in rows)
    bad = {Path(r["source"]).name: r["error"] for r in rows if r["error"]}
    assert set(bad) == {"broken.txt", "empty.txt"}
    assert "binary" in bad["broken.txt"] and "empty" in bad["empty.txt"]
    for r in rows:
        if r["error"]:
            assert all(r[c] is None for c in ROW_COLUMNS if c != "source")


def test_rows_are_the_rows_summary_gives_each_document(folder, rows):
    for r in rows:
        if r["error"]:
            continue
        expected = summary_row(summarize(load_document(r["source"])))
        assert {c: r[c] for c in ROW_COLUMNS} == expected, r["source"]


def test_rows_say_what_the_reports_say(rows):
    by_name = {Path(r["source"]).name: r for r in rows if not r["error"]}
    hubei = by_name["hubei.txt"]
    assert hubei["title"] == "2025年湖北省政府工作报告" and hubei["date_iso"] == "2025-01-16"
    # the headline growth target as a number under the shared name, and as printed
    assert "国内生产总值增长: 6 % 左右" in hubei["headline_values"]
    assert "经济增长 6%左右" in hubei["headline_targets"]  # as the report writes it
    for r in by_name.values():
        assert r["formulations_national"] + r["formulations_local"] + r["formulations_new"] == (
            r["formulations"]
        )
        national = r["national"].split("; ")
        assert "高质量发展" in national  # every report repeats it
        assert len(national) == r["formulations_national"]


def test_spread_counts_the_documents_that_say_each_formulation(rows):
    table = spread(rows)
    good = [r for r in rows if not r["error"]]
    cells = {
        r["source"]: {t for c in ("national", "local", "coined") for t in (r[c] or "").split("; ")}
        for r in good
    }
    assert table and all(s.documents >= 2 for s in table)
    for s in table[:40]:
        sayers = [r for r in good if s.text in cells[r["source"]]]
        assert s.documents == len(sayers), s.text
        earliest = min(r["date_iso"] for r in sayers)
        assert s.first_date == earliest
    top = {s.text: s for s in table}
    assert top["高质量发展"].documents == len(good) and top["高质量发展"].origin == "national"
    assert top["高质量发展"].national_first_seen == "2017-03-24"
    assert [s.documents for s in table] == sorted((s.documents for s in table), reverse=True)


def test_serial_pool_and_resume_give_the_same_rows(folder, rows):
    serial = list(batch_rows([folder], workers=1))
    assert serial == rows
    done = {r["source"] for r in rows[:3]}
    rest = list(batch_rows([folder], workers=2, skip=done))
    assert [r["source"] for r in rest] == [r["source"] for r in rows[3:]]


def test_json_lines_records_with_metadata_and_a_broken_record(tmp_path):
    text = (PROVINCES / "tianjin.txt").read_text(encoding="utf-8")
    path = tmp_path / "records.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"title": "天津报告", "date": "2025-01-14", "content": text}) + "\n")
        fh.write('{"title": "cut short", "content": \n')
        fh.write(json.dumps({"text": "推进改革。", "date": "2025-02-01"}, ensure_ascii=False) + "\n")
    got = list(batch_rows([path], workers=1))
    assert [r["source"] for r in got] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    assert got[0]["error"] is None and got[0]["title"] == "天津报告"
    assert got[0]["date_iso"] == "2025-01-14"
    assert "not a JSON object" in got[1]["error"] and got[1]["title"] is None
    assert got[2]["error"] is None and got[2]["characters"] == 5


def test_a_records_own_date_and_title_are_the_documents(tmp_path):
    # news items name other days in their text (自2012年7月6日起下调, 申请书是2000年10月27日写下的)
    # and a short title of their own: the record says what the document is
    path = tmp_path / "news.jsonl"
    records = [
        {"date": "2012-07-05", "title": "中国人民银行决定下调基准利率",
         "content": "中国网络电视台消息：中国人民银行决定，自2012年7月6日起下调金融机构人民币存贷款基准利率。"},
        {"date": "2012-07-02", "title": "编后话",
         "content": "申请书是2000年10月27日写下的。她用行动践行了入党誓言，值得我们学习。"},
        {"date": "2012-07-03", "title": "日本九州暴雨持续 26万人被要求撤离",
         "content": "日本九州地区持续暴雨，当地政府要求26万人撤离。"},
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    got = list(batch_rows([path], workers=1))
    assert [(r["date_iso"], r["title"]) for r in got] == [(r["date"], r["title"]) for r in records]


def test_a_document_that_breaks_an_analysis_is_an_error_row(monkeypatch):
    import policy_cli.core.batch as batch_mod

    def boom(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(batch_mod, "summarize", boom)
    row = document_row(CorpusItem(0, "x.txt", "推进改革。"), BatchOptions())
    assert row["source"] == "x.txt" and row["error"] == "internal error: ValueError: a bug"


def test_bad_paths_and_options(tmp_path):
    with pytest.raises(InputError):
        batch_rows([tmp_path / "nope"])
    with pytest.raises(UsageError):
        batch_rows([PROVINCES], workers=0)
    with pytest.raises(UsageError):
        batch_rows([PROVINCES], options=BatchOptions(keywords=0))


# The Dask tests run in a child process: a cluster leaves threads behind, and a process with
# threads must not fork (the segmenter's and the batch's worker pools check for that).
_DASK_RUN = """
import json, sys
from distributed import LocalCluster
from policy_cli.core.batch import batch_rows
with LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                  dashboard_address=None) as cluster:
    rows = list(batch_rows([sys.argv[1]], scheduler=cluster.scheduler_address))
print(json.dumps(rows, ensure_ascii=False))
"""
_DASK_UNREACHABLE = """
import sys
import policy_cli.core.batch as batch_mod
from policy_cli.errors import UsageError
batch_mod.SCHEDULER_TIMEOUT = 1.0
try:
    batch_mod.batch_rows([sys.argv[1]], scheduler="tcp://127.0.0.1:9")
except UsageError as exc:
    print(exc)
"""


def _python(code: str, *args: str) -> str:
    import subprocess
    import sys

    res = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120
    )
    assert res.returncode == 0, res.stderr
    return res.stdout


def test_dask_on_a_local_cluster_gives_the_same_rows(folder, rows):
    pytest.importorskip("distributed")
    assert json.loads(_python(_DASK_RUN, str(folder))) == rows


def test_unreachable_scheduler_is_a_usage_error():
    pytest.importorskip("distributed")
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:9" in _python(
        _DASK_UNREACHABLE, str(PROVINCES)
    )


def test_dataframe_of_the_rows(folder, rows):
    pd = pytest.importorskip("pandas")
    import policy_cli

    frame = policy_cli.batch(folder, workers=2)
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == list(BATCH_COLUMNS) and len(frame) == len(rows)
    assert str(frame["characters"].dtype) == "Int64" and str(frame["title"].dtype) == "string"
    values = [None if pd.isna(v) else v for v in frame["characters"].tolist()]
    assert values == [r["characters"] for r in rows]
    assert frame["error"].notna().sum() == 2


@pytest.mark.parametrize(
    "address",
    ["bogus", "tcp://localhost:abc", "udp://1.2.3.4:1", "inproc://x", "tls://127.0.0.1:1",
     "tcp://127.0.0.1:99999"],
)
def test_a_malformed_scheduler_address_is_refused_at_once(address):
    # a client made of one printed its error, then hung 40 s at exit closing itself, with a
    # traceback (the audit of the thirty-sixth session)
    pytest.importorskip("distributed")
    import subprocess
    import sys
    import time

    started = time.monotonic()
    res = subprocess.run(
        [sys.executable, "-m", "policy_cli", "batch", str(PROVINCES / "tianjin.txt"),
         "--scheduler", address],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert res.returncode == 2, res.stderr
    assert res.stderr.startswith(f"policy: error: --scheduler {address}: no Dask scheduler")
    assert res.stderr.count("\n") == 1 and "Traceback" not in res.stderr
    assert time.monotonic() - started < 20
