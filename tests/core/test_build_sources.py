"""scripts/sources.py: the texts the build scripts learn from leave out the held-out documents.

The held-out documents (scripts/held_out.py) are measured blind, so no table of the package is
built on their text: not the national lexicon, nor the policy lexicon of the segmenter, the IDF
table, the places or the clause words. The news corpus is not in the repository, so the news is
read here from a small file of the same shape.
"""

from __future__ import annotations

import json
import lzma
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts import held_out, sources  # noqa: E402


def _write_xz(path: Path, records: list[dict[str, str]]) -> Path:
    with lzma.open(path, "wt", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def test_the_news_sources_leave_out_the_held_out_items(tmp_path):
    held = sorted(held_out.HELD_OUT_NEWS)
    date, _ = held[0]
    _write_xz(tmp_path / sources.NEWS_FILE, [
        {"date": "2015-01-02", "title": "国务院常务会议", "content": "部署推进简政放权。"},
        *({"date": d, "title": t, "content": "一个被留作盲测的新闻条目。"} for d, t in held),
        {"date": date, "title": "同一天的另一条新闻", "content": "同一天，标题不同，照常读取。"},
    ])
    read = list(sources.news_sources(tmp_path))
    assert [s.date for s in read] == ["2015-01-02", date]
    assert "被留作盲测" not in "".join(s.text for s in read)
    assert read[1].text.startswith("同一天的另一条新闻\n")
    assert read[1].name == f"news:{date}#{len(held) + 1}"  # (its line in the file)


def test_the_background_sources_leave_out_the_held_out_reports(tmp_path, monkeypatch):
    # a record's title opens as a label's title: the report to a congress goes on after it
    records = [
        {"year": label.split(" ", 1)[0], "title": label.split(" ", 1)[1] + "——在大会上的报告",
         "content": "一份留作盲测的报告。"}
        for label in held_out.HELD_OUT_BACKGROUND
    ]
    records.append({"year": "2009", "title": "2009年政府工作报告", "content": "保增长、保民生、保稳定。"})
    monkeypatch.setattr(sources, "BACKGROUND", _write_xz(tmp_path / "background.jsonl.xz", records))
    pytest.importorskip("opencc")  # (the sources convert traditional characters)
    read = [s for s, _ in sources.background_sources()]
    assert [s.date for s in read] == ["2009"]


def test_the_reports_read_leave_out_the_held_out_report():
    paths = sources.unannotated_paths()
    assert paths and all(p.is_file() for p in paths)
    assert not {p.name for p in paths} & held_out.HELD_OUT_PROVINCIAL
