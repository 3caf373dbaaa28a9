"""scripts/learn_national.py (the learnt tier, off: no stage reads its table): candidates, their
corpus statistics and the selection, on a few news items written like the news.

The build reads the national news corpus, which the project does not ship.
"""

from __future__ import annotations

import datetime
import importlib.util
import math
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from policy_cli.core.segment import Segmenter

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


def _script(name: str) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


_script("build_national")  # learn_national imports it by name
learn = _script("learn_national")


@pytest.fixture(scope="module")
def tags() -> dict[str, str]:
    return learn.jieba_tags()


def _news() -> list[tuple[str, str, str]]:
    """An item a week for a year and a half: a phrase coined in 2013, said after varied words
    and unquoted; an ordinary phrase said every week from the first."""
    start = datetime.date(2012, 7, 2)
    openings = ["经济运行", "就业形势", "外贸进出口", "工业生产"]
    items = []
    for week in range(80):
        date = (start + datetime.timedelta(weeks=week)).isoformat()
        text = "各地加快基础设施建设。"
        if week >= 56:
            text += f"{openings[week % 4]}稳中向好，"
        items.append((date, f"新闻{week}", text))
    return items


def _clauses():
    return list(learn.news_clauses(_news(), Segmenter()))


def test_candidates_open_and_end_with_no_function_word_or_number(tags):
    can_open, can_end = learn._edges_ok(tags)
    words = Segmenter().cut("和3个基础设施建设的")
    grams = {g for _, _, g in learn._grams(words, can_open, can_end)}
    assert "基础设施建设" in grams
    assert not any(g.startswith(("和", "3", "个")) or g.endswith("的") for g in grams)


def test_recurring_counts_days_and_stats_count_neighbours(tags, monkeypatch):
    clauses = _clauses()
    monkeypatch.setattr(learn, "MIN_DAYS", 20)
    found = learn.recurring(clauses, tags)
    assert "稳中向好" in found and "基础设施建设" in found
    stats, counts, total = learn.gather(clauses, found, tags)
    st = stats["稳中向好"]
    assert (st.days, st.count, st.first) == (24, 24, "2013-07-29")
    assert st.years == {"2013", "2014"}
    # four different subjects before it, a clause end after it every time (each its own value)
    assert learn.entropy(st.left) == pytest.approx(math.log(4))
    assert learn.entropy(st.right) == pytest.approx(math.log(24))
    assert learn.top_share(st.right, tags) == 0.0
    assert stats["基础设施建设"].first == "2012-07-02" and stats["基础设施建设"].days == 80
    learn.first_titles(_news(), stats)
    assert st.first_title == "新闻56"


def test_features_and_selection(tags, monkeypatch):
    clauses = _clauses()
    monkeypatch.setattr(learn, "MIN_DAYS", 20)
    stats, counts, total = learn.gather(clauses, learn.recurring(clauses, tags), tags)
    lexicon = {"稳中向好": "seed"}
    background = Counter({"稳中向好": 1, "基础设施建设": 3, "加快基础设施建设": 1})
    texts, x = learn.features(stats, counts, total, lexicon, tags, background, Counter())
    assert x.shape[0] == len(texts)
    f = dict(zip(learn.FEATURES, x[texts.index("稳中向好")], strict=False))
    assert f["first_year"] == 1 and f["log_background"] == pytest.approx(math.log(2))
    assert f["dictionary_word"] == 0
    assert x[texts.index("基础设施"), learn.FEATURES.index("dictionary_word")] == 1
    y = np.array([int(t in lexicon) for t in texts])
    scores = np.full(len(texts), 0.9)
    kept, threshold = learn.select(texts, x, y, scores, 1.0)
    assert threshold == 0.9
    # the positive is in the lexicon already; 基础设施 is a word of jieba's dictionary;
    # 基础设施建设 is said inside 加快基础设施建设 on all its days (a piece): the longer one is
    # kept, as likely as the positive and said by a national report (the selection alone does
    # not tell a free phrase: the classifier's score has to)
    assert [texts[i] for i in kept] == ["加快基础设施建设"]
    # said every week of the corpus (80 days): the news's everyday words, past a cap of 79 days
    assert learn.select(texts, x, y, scores, 1.0, max_days=79)[0] == []
    background["加快基础设施建设"] = 0  # no national report says it: news of the day
    _, x = learn.features(stats, counts, total, lexicon, tags, background, Counter())
    assert [texts[i] for i in learn.select(texts, x, y, scores, 1.0)[0]] == ["基础设施建设"]
