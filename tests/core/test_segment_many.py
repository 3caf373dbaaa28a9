"""The fast paths of segmentation give exactly the tokens of the plain path.

`Segmenter.cut_many` (texts shared between forked processes) against `Segmenter.cut`, one text
after the other, on the real documents and the background corpus; the cheaper check for ASCII
runs jieba splits (`_needs_jieba_split`) against the regular expression it replaces.
"""

from __future__ import annotations

import json
import lzma
import os
import sys
from pathlib import Path

import pytest

from policy_cli.core import segment
from policy_cli.core.loaders import load_document
from policy_cli.core.segment import Segmenter, default_segmenter
from tests.conftest import DOCS, EXAMPLES

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "background.jsonl.xz"
PATHS = sorted([*DOCS.glob("*.txt"), *DOCS.glob("*/*.txt"), *EXAMPLES.glob("*.txt")])
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork: Linux only")


@pytest.fixture(scope="module")
def seg() -> Segmenter:
    return default_segmenter()


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """The normalised texts of every real document (about 0.4 M characters)."""
    return [load_document(p).text for p in PATHS]


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    with lzma.open(CORPUS, "rt", encoding="utf-8") as fh:
        return [json.loads(line)["content"] for line in fh if line.strip()]


@pytest.fixture
def forks(monkeypatch) -> list[int]:
    """Let any input fork (no minimum size); record how many texts each worker handed back."""
    returned: list[int] = []
    collect = segment._collect

    def spy(worker):
        got = collect(worker)
        returned.append(len(got))
        return got

    monkeypatch.setattr(segment, "PARALLEL_MIN_CHARS", 1)
    monkeypatch.setattr(segment, "_collect", spy)
    return returned


@pytest.fixture
def parent_takes_nothing(monkeypatch) -> None:
    """Leave every text to the workers (this process takes none)."""
    parent = os.getpid()
    take = segment._take
    monkeypatch.setattr(
        segment, "_take", lambda order, taken: take(order, taken) if os.getpid() != parent else ()
    )


@linux_only
@pytest.mark.parametrize("processes", [2, 3])
def test_workers_give_the_same_tokens_as_cut_on_the_real_documents(seg, texts, forks, processes):
    assert len(texts) >= 20
    expected = [seg.cut(t) for t in texts]
    assert seg.cut_many(texts, processes=processes) == expected
    assert len(forks) == processes - 1  # the workers ran
    assert sum(forks) < len(texts)  # this process cut some texts too


@linux_only
def test_tokens_rebuilt_from_the_workers_are_the_same(seg, texts, forks, parent_takes_nothing):
    expected = [seg.cut(t) for t in texts]
    assert seg.cut_many(texts, processes=3) == expected
    assert sum(forks) >= len(texts)  # every text came back from a worker


@linux_only
def test_the_background_corpus_with_the_default_processes(seg, corpus):
    # 1.35 M characters: enough for every usable core, no patching needed
    assert seg.cut_many(corpus) == [seg.cut(t) for t in corpus]


@linux_only
def test_order_empty_texts_and_repeats_are_kept(seg, texts, forks):
    batch = ["", *texts[:5], "", " ", texts[0], "3-5岁幼儿，COVID-19疫情", ""]
    assert seg.cut_many(batch, processes=3) == [seg.cut(t) for t in batch]
    assert seg.cut_many(batch, processes=3) == seg.cut_many(batch, processes=3)
    assert seg.cut_many([], processes=3) == []


@linux_only
def test_the_jieba_backend_works_in_workers_too(texts, forks):
    plain = Segmenter(backend="jieba")
    batch = [t[:3000] for t in texts[:6]]
    assert plain.cut_many(batch, processes=2) == [plain.cut(t) for t in batch]
    assert len(forks) == 1


def test_small_inputs_never_start_a_process(seg, texts, monkeypatch):
    def no_fork(*args):
        raise AssertionError("a worker was started")  # pragma: no cover

    monkeypatch.setattr(Segmenter, "_start_worker", no_fork)
    small = texts[:3]
    assert sum(map(len, small)) < segment.PARALLEL_MIN_CHARS * 2
    assert seg.cut_many(small) == [seg.cut(t) for t in small]
    assert seg.cut_many(texts, processes=1) == [seg.cut(t) for t in texts]
    monkeypatch.setattr(segment, "_can_fork", lambda: False)  # e.g. Windows, macOS
    monkeypatch.setattr(segment, "PARALLEL_MIN_CHARS", 1)
    assert seg.cut_many(small, processes=4) == [seg.cut(t) for t in small]


@linux_only
def test_texts_of_a_worker_that_dies_or_fails_are_cut_here(
    seg, texts, forks, parent_takes_nothing, monkeypatch
):
    expected = [seg.cut(t) for t in texts[:8]]

    def dies(segmenter, texts, order, taken, conn):
        for _ in segment._take(order, taken):  # takes every text, then is killed
            pass
        os._exit(3)

    monkeypatch.setattr(segment, "_cut_untaken", dies)
    assert seg.cut_many(texts[:8], processes=2) == expected
    assert forks == [0]

    def fails(segmenter, texts, order, taken, conn):
        for _ in segment._take(order, taken):
            pass
        conn.send("RuntimeError('boom')")
        conn.close()

    monkeypatch.setattr(segment, "_cut_untaken", fails)
    assert seg.cut_many(texts[:8], processes=3) == expected


def test_processes_must_be_positive(seg):
    with pytest.raises(ValueError, match="at least 1"):
        seg.cut_many(["推动高质量发展"], processes=0)


def _joined_run_scan(text: str) -> bool:
    """The check `cut` used to make: a regular expression scanned over the whole text."""
    return bool(segment._ASCII_JOINER.search(text)) and any(
        not segment._JIEBA_SKIP.fullmatch(m.group())
        for m in segment._JOINED_RUN.finditer(text)
    )


@pytest.mark.parametrize(
    "text",
    [
        "3-5岁幼儿", "COVID-19疫情", "增长3.5%", "第3.5.2条", "10%-20%", "PM2.5浓度", "...好",
        "x.y.z", "a_b和x&y", "1.5万亿元", "Wi-Fi", "-", "5G-A", "3.5%和2-3", "3.5%和4.5%",
        "www.example.com", "2020—2025年", "ab-", "-ab", "a--b", "", "没有拉丁字母",
    ],
)  # fmt: skip
def test_the_cheaper_joiner_check_agrees_with_the_regex(text):
    assert segment._needs_jieba_split(text) == _joined_run_scan(text)


def test_the_cheaper_joiner_check_agrees_on_every_paragraph(texts, corpus):
    paragraphs = [p for t in [*texts, *corpus] for p in t.split("\n")]
    assert len(paragraphs) > 5000
    assert [segment._needs_jieba_split(p) for p in paragraphs] == [
        _joined_run_scan(p) for p in paragraphs
    ]
    assert any(segment._needs_jieba_split(p) for p in paragraphs)


@linux_only
def test_no_fork_from_a_process_with_threads(seg, texts, forks):
    import threading

    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert seg.cut_many(texts[:6], processes=2) == [seg.cut(t) for t in texts[:6]]
    finally:
        release.set()
        thread.join()
    assert forks == []  # cut here, one text after the other
    assert seg.cut_many(texts[:6], processes=2) == [seg.cut(t) for t in texts[:6]]
    assert len(forks) == 1  # and forked again once the thread was gone


@linux_only
def test_an_error_here_stops_the_workers(seg, texts, forks, monkeypatch):
    import multiprocessing

    parent = os.getpid()
    cut = Segmenter.cut

    def failing_here(self, text):
        if os.getpid() == parent:
            raise KeyboardInterrupt
        return cut(self, text)

    monkeypatch.setattr(Segmenter, "cut", failing_here)
    with pytest.raises(KeyboardInterrupt):
        seg.cut_many(texts, processes=3)
    assert multiprocessing.active_children() == []  # killed and reaped
