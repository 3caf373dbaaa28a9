"""scripts/build_formulations.py: the committed lists are what it learns, and the documents the
team holds out teach no set phrase.

The script reads the background corpus the repository ships (corpus/background.jsonl.xz) and the
reports of tests/data/docs, so the whole build runs here (about two seconds).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from policy_cli import data

ROOT = Path(__file__).resolve().parents[2]


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def build() -> ModuleType:
    return _script("build_formulations")


@pytest.fixture(scope="module")
def learnt(build) -> dict[str, tuple[str, list[str]]]:
    return build.learn()


def test_the_committed_lists_are_what_the_script_learns(learnt):
    for name, (_, lines) in learnt.items():
        committed = [ln for ln in data.lines(name) if not ln.startswith("#")]
        assert committed == lines, name


def test_the_held_out_documents_teach_no_set_phrase(build, learnt):
    """The five held-out national reports of the background and Shandong's report are not
    read: a phrase only they quote is no entry (好客山东 好品山东, quoted by Shandong's report
    of 2025 alone), nor does a verb count as opening their clauses."""
    held = [d for d in build.background_documents() if build.held_out_background(d)]
    assert len(held) == 5
    assert "shandong.txt" not in {p.name for p in build.UNANNOTATED}
    shandong = (ROOT / "tests/data/docs/provinces-2025/shandong.txt").read_text(encoding="utf-8")
    assert "“好客山东 好品山东”" in shandong
    phrases = {ln.split("\t")[0] for ln in learnt["formulations.txt"][1]}
    assert "好客山东 好品山东" not in phrases
    assert {"放管服", "三个代表"} <= phrases
