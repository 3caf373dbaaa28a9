"""The mined source of scripts/build_national.py: its filters on small inputs, an entry's evidence.

The build reads the national news corpus, which the project does not ship; these tests feed its
functions a few news items written like the news (dates, titles, sentences) instead.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from policy_cli.core.formulations.vocab import clause_word_set
from policy_cli.core.segment import Segmenter


def _script(name: str) -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


build = _script("build_national")


@pytest.fixture(scope="module")
def tags() -> dict[str, str]:
    return build.jieba_tags()


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return Segmenter()


def _shape(tags, heads=("生活", "建设", "开放", "转型")):
    commands = set(clause_word_set())
    return build.Shape(tags, set(heads), commands)


def test_shape_of_a_formulation(tags, segmenter):
    shape = _shape(tags)

    def shaped(text: str) -> bool:
        return build.shaped_like_formulation(segmenter.cut(text), shape)

    assert shaped("高品质生活") and shaped("全面绿色转型")
    assert shaped("高水平开放")  # jieba tags 高水平 nr: a person's tag is not held against it
    assert not shaped("推动全面绿色转型")  # opens with a verb of command
    assert not shaped("美好生活")  # opens with an adjective of evaluation (美好, 重大)
    assert not shaped("北京建设")  # a place
    assert not shaped("3个生活")  # a number
    assert not shaped("高品质的生活")  # a function word inside
    assert not shaped("高品质生活圈")  # ends in no policy head


def test_a_piece_of_a_longer_phrase_is_lengthened_by_one_neighbour(tags):
    commands = set(clause_word_set())
    # 服务业扩大开放|综合 in 40 of 50 uses: a piece of 服务业扩大开放综合试点
    assert build.extension_share(Counter({"综合": 40, "": 10}), 50, tags, commands) == 0.8
    # 推动|全面绿色转型: a verb of command lengthens no name; a clause end is no word
    assert build.extension_share(Counter({"推动": 40, "": 10}), 50, tags, commands) == 0.0
    # varied nouns before it: none in more than a fifth of its uses
    varied = Counter({"人民": 10, "群众": 10, "城乡": 10, "对": 20})
    assert build.extension_share(varied, 50, tags, commands) == 0.2


def test_pmi_at_the_weakest_split():
    counts = Counter({("高品质",): 100, ("生活",): 1000, ("高品质", "生活"): 50})
    # log(50 * 1e6 / (100 * 1000)) = log(500)
    assert build.pmi(50, ("高品质", "生活"), counts, 1_000_000) == pytest.approx(6.2146, abs=1e-3)


def _news() -> list[tuple[str, str, str]]:
    """An item a week for a year and a half: a phrase coined in 2013 said after varied words,
    an ordinary phrase said from the first week, and a piece of a longer name."""
    import datetime

    start = datetime.date(2012, 7, 2)
    openings = ["满足人民群众对", "创造", "让百姓享有", "城乡居民过上"]
    items = []
    for week in range(80):
        date = (start + datetime.timedelta(weeks=week)).isoformat()
        text = "各地加快基础设施建设。"
        if week >= 56:  # from August 2013
            text += f"{openings[week % 4]}高品质生活。开展服务业扩大开放综合试点。"
        items.append((date, f"新闻{week}", text))
    return items


@pytest.fixture
def small_corpus(monkeypatch):
    # eighty items of a dozen words: a phrase's parts cannot stand out from chance as far as
    # in 15 M words of news (PMI 3.4 here for a phrase whose parts are never said apart)
    monkeypatch.setattr(build, "MIN_MINED_PMI", 3.0)


def test_mined_keeps_a_coined_whole_cohesive_phrase(tags, segmenter, small_corpus):
    news = _news()
    clauses = list(build.news_clauses(news, segmenter))
    commands = set(clause_word_set())
    reports = "满足人民日益增长的美好生活需要，创造高品质生活。加快基础设施建设。扩大开放。"
    mined = build.mined_candidates(
        clauses, tags, {"生活", "建设", "开放"}, commands, set(), reports, commands
    )
    assert list(mined) == ["高品质生活"]
    st = mined["高品质生活"]
    assert (st.days, st.count) == (24, 24)
    assert st.left_extension == 0.25 and st.right_extension == 0.0
    # 基础设施建设 is said from the corpus's first week (established before it: ordinary);
    # 服务业扩大开放 is always followed by 综合试点 (a piece); neither is kept
    known = {"高品质生活"}
    assert build.mined_candidates(clauses, tags, {"生活", "建设", "开放"}, commands, known,
                                  reports, commands) == {}
    # a phrase no national report says is news of the day, not policy language
    assert build.mined_candidates(clauses, tags, {"生活"}, commands, set(), "", commands) == {}


def test_an_entry_has_its_evidence(segmenter, tags, small_corpus):
    news = _news()
    clauses = list(build.news_clauses(news, segmenter))
    commands = set(clause_word_set())
    mined = build.mined_candidates(clauses, tags, {"生活"}, commands, set(), "高品质生活", commands)
    ev = build.scan(sorted(mined), news, [("2017 政府工作报告", "创造高品质生活。")])
    e = ev["高品质生活"]
    assert e.first_seen() == "2013-07-29"
    assert e.text() == "news: 24 days, from 2013-07-29 《新闻56》; background: 1 reports, first 2017 政府工作报告"
    assert mined["高品质生活"].text() == (
        "mined: 24 days, 24 uses, PMI 3.4, lengthened on the left 25%, right 0%"
    )
