"""The analysis cache: one SQLite file, counts packed as records, files remembered unchanged."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np

from policy_cli.core import cache as cache_mod
from policy_cli.core.cache import AnalysisCache, pack_counts, unpack_counts, unpack_many
from policy_cli.core.trend import trend_documents

from ..conftest import DOCS


def test_counts_pack_and_unpack_large_counts_included():
    ids, counts = [7, 3, 200_000, 5], [1, 70_000, 2, 65_535]
    got_ids, got_counts = unpack_counts(pack_counts(ids, counts))
    totals = dict.fromkeys(ids, 0)
    for i, n in zip(got_ids.tolist(), got_counts.tolist(), strict=True):
        totals[i] += n
    assert totals == dict(zip(ids, counts, strict=True))
    assert list(got_ids) == sorted(got_ids)
    doc, all_ids, _ = unpack_many([pack_counts([1, 2], [1, 1]), None, pack_counts([9], [4])])
    assert doc.tolist() == [0, 0, 2] and all_ids.tolist() == [1, 2, 9]


def test_another_version_of_the_analyses_starts_afresh(tmp_path, monkeypatch):
    c = AnalysisCache(tmp_path)
    c.put_document(b"k" * 32, "文本", 2, 2020, None)
    c.close()
    assert AnalysisCache(tmp_path).documents([b"k" * 32], text=True)[b"k" * 32].text == "文本"
    monkeypatch.setattr(cache_mod, "analysis_signature", lambda: "another")
    assert AnalysisCache(tmp_path).documents([b"k" * 32], text=True) == {}


def _jsonl(path: Path, years: list[int]) -> None:
    records = [
        {"year": y, "content": f"{y}年推进高质量发展。" + "深化改革。" * (y % 5 + 1)} for y in years
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")


def test_an_unchanged_file_is_not_read_again_and_a_changed_one_is(tmp_path, monkeypatch):
    corpus = tmp_path / "c.jsonl"
    _jsonl(corpus, [2001, 2002, 2003])
    first = trend_documents([corpus], terms=["改革"], cache_root=tmp_path / "cache", workers=1)
    import policy_cli.core.trend.reading as reading

    reads = []
    original = reading.iter_items
    monkeypatch.setattr(reading, "iter_items", lambda *a, **k: reads.append(a) or original(*a, **k))
    again = trend_documents([corpus], terms=["改革"], cache_root=tmp_path / "cache", workers=1)
    assert reads == [] and again.terms == first.terms and again.cache_hits == 3
    _jsonl(corpus, [2001, 2002, 2004])  # changed: read again
    os.utime(corpus, ns=(1, 1))
    changed = trend_documents([corpus], terms=["改革"], cache_root=tmp_path / "cache", workers=1)
    assert len(reads) == 1 and [p.label for p in changed.periods] == ["2001", "2002", "2004"]
    assert changed.cache_hits == 2 and changed.cache_misses == 1


def test_two_processes_share_one_cache(tmp_path):
    code = (
        "import sys; from pathlib import Path\n"
        "from policy_cli.core.trend import trend_documents\n"
        "r = trend_documents([sys.argv[1]], cache_root=Path(sys.argv[2]), workers=1)\n"
        "print(r.rising[0].term)\n"
    )
    docs = [str(DOCS / "gwr-2021.txt"), str(DOCS / "gwr-2022.txt")]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code.replace("[sys.argv[1]]", repr(docs)), "-", str(tmp_path)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for _ in range(2)
    ]  # fmt: skip
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    assert outs[0][0] == outs[1][0] and "warning" not in outs[0][1] + outs[1][1]
    db = sqlite3.connect(tmp_path / "trend.sqlite3")
    try:
        assert db.execute("SELECT count(*) FROM documents").fetchone() == (2,)
        words = db.execute("SELECT count(*), count(DISTINCT word) FROM words").fetchone()
        assert words[0] == words[1] > 1000
    finally:
        db.close()


def test_memory_cache_for_a_run_that_keeps_nothing(tmp_path):
    c = AnalysisCache(None, memory=True)
    ids = c.word_ids(["改革", "发展", "改革"])
    assert ids[0] == ids[2] != ids[1] and c.words(ids) == {ids[0]: "改革", ids[1]: "发展"}
    assert np.asarray(ids).dtype.kind == "i"
    result = trend_documents(
        [DOCS / "gwr-2021.txt", DOCS / "gwr-2022.txt"], use_cache=False, workers=1,
        cache_root=tmp_path,
    )  # fmt: skip
    assert result.rising and not list(tmp_path.iterdir())


def test_rows_are_seen_at_once_by_their_run_and_committed_every_commit_rows(tmp_path, monkeypatch):
    """A run's own lookups see the rows it wrote; another process sees them once
    `COMMIT_ROWS` rows are written, or the run commits (at its end, or on close)."""
    monkeypatch.setattr(cache_mod, "FLUSH_ROWS", 2)
    monkeypatch.setattr(cache_mod, "COMMIT_ROWS", 6)
    c = AnalysisCache(tmp_path)

    def others_see() -> int:
        db = sqlite3.connect(tmp_path / cache_mod.CACHE_FILE)
        try:
            return db.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            db.close()

    try:
        keys = [bytes([i]) * 16 for i in range(8)]
        for key in keys[:4]:
            c.put_document(key, "改革开放", 4, 2020, None)
        assert set(c.documents(keys[:4], text=False)) == set(keys[:4])  # this run sees them
        assert others_see() == 0  # not committed yet: 4 rows written of 6
        for key in keys[4:]:
            c.put_document(key, "改革开放", 4, 2020, None)
        assert others_see() == 6  # 6 rows written: committed
        c.commit()
        assert others_see() == 8
    finally:
        c.close()


def test_a_cache_lost_in_the_middle_of_a_run_is_a_warning_and_the_run_is_made_in_memory(
    tmp_path, monkeypatch
):
    """Another process holding the write lock past the busy timeout turns the cache off in
    the middle of a run (here: when the table asks for its words): the run is made again in
    memory, with a warning, and gives what a run without the cache gives."""
    docs = [DOCS / "gwr-2021.txt", DOCS / "gwr-2022.txt"]
    plain = trend_documents(docs, use_cache=False, workers=1)
    words = cache_mod.AnalysisCache.words

    def lost(self, ids):
        if not self.memory:
            self._off("cannot use the cache (database is locked)")
            return {}
        return words(self, ids)

    monkeypatch.setattr(cache_mod.AnalysisCache, "words", lost)
    result = trend_documents(docs, cache_root=tmp_path, workers=1)
    assert any("database is locked" in w for w in result.warnings)
    assert result.rising == plain.rising and result.formulations == plain.formulations


def test_a_busy_cache_is_left_alone_not_rebuilt(tmp_path, monkeypatch):
    """A cache file another process holds locked past the busy timeout is not taken for a
    damaged one: it is left as it is and this run goes on without it."""
    monkeypatch.setattr(cache_mod, "BUSY_TIMEOUT", 0.2)
    monkeypatch.setattr(cache_mod, "analysis_signature", lambda: "another version")
    first = AnalysisCache(tmp_path)
    first.put_document(b"k" * 16, "改革开放", 4, 2020, None)
    first.commit()
    holder = sqlite3.connect(tmp_path / cache_mod.CACHE_FILE, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another process writing
        monkeypatch.setattr(cache_mod, "analysis_signature", lambda: "this version")
        inode = os.stat(tmp_path / cache_mod.CACHE_FILE).st_ino
        second = AnalysisCache(tmp_path)  # must start afresh, cannot: busy
        assert not second.on and "locked" in (second.error or "")
        assert os.stat(tmp_path / cache_mod.CACHE_FILE).st_ino == inode
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        first.close()


def test_the_write_lock_is_given_up_after_commit_seconds(tmp_path, monkeypatch):
    """However few rows a run has written, it commits them (and gives up the write lock
    another process may wait for) once it has held the lock `COMMIT_SECONDS`."""
    monkeypatch.setattr(cache_mod, "FLUSH_ROWS", 1_000)  # (no flush for its rows' number)
    monkeypatch.setattr(cache_mod, "COMMIT_SECONDS", 0.0)
    c = AnalysisCache(tmp_path)
    try:
        c.word_ids(["改革开放"])  # a new word: the write lock is taken
        c.put_document(b"a" * 16, "改革开放", 4, 2020, None)  # written, and committed at once
        other = sqlite3.connect(tmp_path / cache_mod.CACHE_FILE, timeout=0.1)
        try:
            assert other.execute("SELECT count(*) FROM documents").fetchone() == (1,)
            other.execute("BEGIN IMMEDIATE")  # the lock is free
            other.execute("ROLLBACK")
        finally:
            other.close()
    finally:
        c.close()


def test_the_lock_is_not_held_while_the_run_waits_long_for_a_worker(tmp_path, monkeypatch):
    """Waiting for a worker's result past COMMIT_SECONDS (a long document), the run commits
    first: another process can write meanwhile."""
    from concurrent.futures import Future

    from policy_cli.core.trend import reading

    c = AnalysisCache(tmp_path)
    try:
        c.word_ids(["改革开放"])  # a new word: the write lock is taken
        c.put_document(b"b" * 16, "改革开放", 4, 2020, None)
        task = reading._Task()
        task.future = Future()
        waits = []

        def result(timeout=None):
            waits.append(timeout)
            if timeout is not None:
                raise TimeoutError
            other = sqlite3.connect(tmp_path / cache_mod.CACHE_FILE, timeout=0.1)
            try:
                other.execute("BEGIN IMMEDIATE")  # free: the run committed before waiting on
                other.execute("ROLLBACK")
                assert other.execute("SELECT count(*) FROM documents").fetchone() == (1,)
            finally:
                other.close()
            return (0, 0, [], [entry])

        entry = {"text": "改革开放", "characters": 4, "year": 2020, "month": None}
        task.future.result = result  # type: ignore[method-assign]
        assert task.result(0, reading._WorkerWords(c), c) == entry
        assert waits == [reading.COMMIT_SECONDS, None]
    finally:
        c.close()


def test_a_cache_failing_as_it_closes_is_a_warning_not_a_second_run(tmp_path, monkeypatch):
    """A cache that fails only at its last commit (a full disk) cost the run nothing: the
    result stands, with a warning; the documents are not read again."""
    from policy_cli.core.trend import reading

    docs = [DOCS / "gwr-2021.txt", DOCS / "gwr-2022.txt"]
    reads = []
    read = reading._Reader.read
    monkeypatch.setattr(
        reading._Reader, "read", lambda self, *a, **k: reads.append(1) or read(self, *a, **k)
    )
    close = cache_mod.AnalysisCache.close

    def failing_close(self):
        if not self.memory and self.on:
            self._off("cannot write the cache (disk full)")
        close(self)

    monkeypatch.setattr(cache_mod.AnalysisCache, "close", failing_close)
    result = trend_documents(docs, cache_root=tmp_path, workers=1)
    assert len(reads) == 1 and any("disk full" in w for w in result.warnings)
    assert result.rising


def test_no_home_directory_is_a_warning_and_the_run_is_made_in_memory(monkeypatch):
    """With no home directory (a user with no passwd entry, HOME unset) and no cache given,
    the run is made without a cache, with a warning, not an internal error."""
    import policy_cli.core.trend as trend_mod

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    docs = [DOCS / "gwr-2021.txt", DOCS / "gwr-2022.txt"]
    plain = trend_documents(docs, use_cache=False, workers=1)
    monkeypatch.setattr(trend_mod, "cache_dir", no_home)
    result = trend_documents(docs, workers=1)
    assert any("home directory" in w for w in result.warnings)
    assert result.rising == plain.rising and result.formulations == plain.formulations
