"""The formulation extractor as a pipeline of named stages: registry, evidence, switching off.

Each stage is run alone and switched off alone on real documents (the Yuhang conference news of
examples/ and the Jiangsu 2025 report of tests/data/docs).
"""

from __future__ import annotations

import copy
import importlib.util
import re
from pathlib import Path
from types import ModuleType
from typing import get_origin, get_type_hints

import pytest

from policy_cli.core.formulations import (
    STAGE_NAMES,
    STAGES,
    FormulationOptions,
    extract_formulations,
)
from policy_cli.core.formulations.vocab import Patterns, Words, patterns, rules, words
from policy_cli.core.loaders import load_document, load_text
from policy_cli.errors import UsageError

from ..conftest import DOCS, FOUNDING


def _script(name: str) -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_formulation_rules = _script("check_formulation_rules")

FINDERS = [s.name for s in STAGES if s.find is not None]
SWITCHABLE = [s.name for s in STAGES if not s.required]


@pytest.fixture(scope="module")
def founding():
    return load_document(FOUNDING)


@pytest.fixture(scope="module")
def jiangsu():
    return load_document(DOCS / "local-jiangsu-2025.txt")


def _only(stage: str) -> FormulationOptions:
    return FormulationOptions(disabled_stages=frozenset(n for n in FINDERS if n != stage))


def test_registry_is_one_ordered_list_of_unique_names():
    assert len(set(STAGE_NAMES)) == len(STAGE_NAMES)
    # the user's own terms first (their kind wins a tie), the refine stages last
    assert STAGE_NAMES[:2] == ("user", "quoted") and STAGE_NAMES[-1] == "rank"
    # candidates first, then the refine stages in their order
    assert STAGE_NAMES[len(FINDERS) :] == ("filter", "siblings", "merge", "fold", "qualified", "rank")
    assert {"quoted", "numbered", "code", "motto", "head", "known", "frame", "repeated"} <= set(
        FINDERS
    )


def test_every_formulation_carries_the_evidence_of_a_registered_stage(jiangsu):
    found = extract_formulations(jiangsu)
    assert found
    for f in found:
        assert f.evidence, f.text
        assert all(e.split("/")[0] in FINDERS for e in f.evidence), (f.text, f.evidence)
    by_text = {f.text: f for f in found}
    assert by_text["33条"].evidence[0] == "quoted/shape"  # quoted in the report
    assert "numbered/plan" in by_text["十五五"].evidence  # quoted, and a plan name too
    assert by_text["污染防治攻坚战"].evidence[0] == "head/攻坚战"


@pytest.mark.parametrize("stage", FINDERS)
def test_each_stage_alone_yields_only_its_own_evidence(stage, jiangsu, founding):
    found = extract_formulations(jiangsu, options=_only(stage))
    found += extract_formulations(founding, options=_only(stage))
    for f in found:
        assert {e.split("/")[0] for e in f.evidence} == {stage}, (f.text, f.evidence)


def test_the_main_stages_each_find_something_alone(jiangsu):
    for stage in ("quoted", "numbered", "campaign", "counted", "motto", "head", "known"):
        assert extract_formulations(jiangsu, options=_only(stage)), stage


def test_the_code_stage_finds_unquoted_codes():
    # every code of the test documents is quoted (“16+16”园区, “1+1+N”): the quoted stage has them
    doc = load_text("实施4+1工程，推进1+N政策体系建设。", source="t")
    found = {f.text: f for f in extract_formulations(doc, options=_only("code"))}
    assert found["4+1"].refers_to == "工程" and found["1+N"].refers_to == "政策体系"


def test_switching_a_stage_off_drops_what_only_it_finds(founding):
    every = {f.text: f for f in extract_formulations(founding)}
    without = {f.text for f in extract_formulations(
        founding, options=FormulationOptions(disabled_stages=frozenset({"quoted"})))}
    only_quoted = {t for t, f in every.items() if {e.split("/")[0] for e in f.evidence} == {"quoted"}}
    assert "中国飞谷" in only_quoted  # a quoted name: no other stage finds it
    assert not only_quoted & without


def test_filter_and_fold_can_be_switched_off(jiangsu):
    default = {f.text for f in extract_formulations(jiangsu)}
    unfolded = {f.text for f in extract_formulations(
        jiangsu, options=FormulationOptions(disabled_stages=frozenset({"fold"})))}
    # 国家污染防治攻坚战 beside 污染防治攻坚战: only the fold stage drops the scope-word variant
    assert "国家污染防治攻坚战" in unfolded - default
    # the filter drops nothing the stages propose on the test documents; it guards quoted
    # quantities and enumerators
    doc = load_text("增长“5%”左右，新建“一批”项目。", source="t")
    unfiltered = extract_formulations(
        doc, options=FormulationOptions(disabled_stages=frozenset({"filter"})))
    assert {f.text for f in unfiltered} == {"5%", "一批"}
    assert extract_formulations(doc) == []


@pytest.mark.parametrize("name", ["merge", "rank"])
def test_required_stages_cannot_be_switched_off(name, founding):
    with pytest.raises(UsageError, match="cannot be switched off"):
        extract_formulations(founding, options=FormulationOptions(disabled_stages=frozenset({name})))


def test_unknown_stage_is_a_usage_error(founding):
    with pytest.raises(UsageError, match="unknown stage 'quotes'"):
        extract_formulations(founding, options=FormulationOptions(disabled_stages=frozenset({"quotes"})))


def test_rules_file_is_sound_and_the_check_can_fail():
    assert check_formulation_rules.problems() == []
    broken = copy.deepcopy(rules())
    del broken["words"]["doctrine_heads"]
    broken["words"]["name_heads"].append("工程")
    broken["patterns"]["plan"] = "十[一二三"
    broken["characters"]["unused"] = "x"
    found = check_formulation_rules.problems(broken)
    assert any(p.startswith("doctrine_heads: missing") for p in found)
    assert any("name_heads: duplicate 工程" in p for p in found)
    assert any("plan: does not compile" in p for p in found)
    assert any("unused: not read" in p for p in found)


def test_word_lists_and_patterns_are_read_only_records_of_their_declared_types():
    hints = get_type_hints(Words)  # what a reader of the annotations takes each field for
    fields = Words.field_names()
    assert len(fields) > 200 and set(hints) - set(fields) == {"FIELD_TYPES", "MOST_NAMES_SHOWN"}
    assert Words.field_containers() == {n: get_origin(hints[n]) or hints[n] for n in fields}
    assert all(isinstance(getattr(patterns(), n), re.Pattern) for n in Patterns.field_names())
    with pytest.raises(TypeError, match=r"Patterns\.title_note: no container of 're\.Pattern\[str\]'"):
        Patterns.field_containers()  # (only the word lists are read by container)
    values = {n: getattr(words(), n) for n in fields}
    fresh = Words(**values)  # (not the shared words(): a write that went through would stay)
    with pytest.raises(AttributeError, match="read-only"):
        fresh.count = "一"  # type: ignore[misc]
    with pytest.raises(AttributeError, match="read-only"):
        del fresh.count
    assert fresh.count == words().count
    del values["count"]
    with pytest.raises(TypeError, match=r"^Words: missing count; unknown counts$"):
        Words(**values, counts="一")
    with pytest.raises(TypeError, match=r"^Words: missing \w+, \w+, \w+, \w+, \w+ and \d+ more$"):
        Words()


def test_thresholds_are_named_options():
    short = load_text("实施扶贫行动，推动产业升级。", source="t")
    assert "扶贫行动" not in {f.text for f in extract_formulations(short)}
    lenient = FormulationOptions(programme_min_body=2)
    assert "扶贫行动" in {f.text for f in extract_formulations(short, options=lenient)}


def test_repeated_slogan_length_of_text_is_an_option():
    doc = load_document(DOCS / "local-shaoxing-conference-2023.txt")
    slogan = "勇闯中国式现代化市域实践新路子"
    assert slogan in {f.text for f in extract_formulations(doc)}
    short = FormulationOptions(repeated_max_text=len(doc.text) - 1)
    assert slogan not in {f.text for f in extract_formulations(doc, options=short)}


def test_contexts_follow_the_option(founding):
    f = next(f for f in extract_formulations(founding, options=FormulationOptions(max_contexts=1))
             if f.text == "十五五")
    assert f.count == 2 and len(f.contexts) == 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"min_len": -1}, "min_len must be a whole number"),
        ({"max_contexts": 2.5}, "max_contexts must be a whole number"),
        ({"programme_min_body": True}, "programme_min_body must be a whole number"),
        ({"anaphora_shapes": ()}, "anaphora_shapes must be a whole number"),
        ({"following_min_len": 13}, "following_min_len must not exceed following_max_len"),
    ],
)
def test_options_are_checked(kwargs, message):
    with pytest.raises(UsageError, match=message):
        FormulationOptions(**kwargs)


def test_options_are_checked_after_valid_ones_with_equal_values():
    # valid options are remembered (their values, by identity); equal but other values are
    # checked again: True == 1, 2.0 == 2
    FormulationOptions(min_len=1)
    assert FormulationOptions(min_len=1).min_len == 1
    for value in (True, 1.0, -1):
        with pytest.raises(UsageError, match="min_len must be a whole number"):
            FormulationOptions(min_len=value)  # type: ignore[arg-type]
    FormulationOptions(max_contexts=2)
    with pytest.raises(UsageError, match="max_contexts must be a whole number"):
        FormulationOptions(max_contexts=2.0)  # type: ignore[arg-type]


def test_options_are_frozen_and_hashable():
    o = FormulationOptions(disabled_stages={"repeated"})  # any iterable of names
    assert o.disabled_stages == frozenset({"repeated"})
    assert hash(o) == hash(FormulationOptions(disabled_stages=frozenset({"repeated"})))
    with pytest.raises(AttributeError):
        o.min_len = 3  # type: ignore[misc]


def test_eval_by_stage_counts_what_each_stage_adds(founding):
    from ..conftest import gold

    ev = _script("eval")
    g = gold("yuhang-conference-2026.json")
    musts = {m["text"] for m in g["formulations"]["must"]}
    rows = ev.stage_rows(g, founding, FormulationOptions())
    assert set(rows) == set(FINDERS)
    # 中国飞谷 is quoted and nothing else proposes it: the quoted stage alone finds that must
    # (“良渚论坛” is a forum the proper stage names too)
    assert "中国飞谷" in rows["quoted"]["only_right"]
    assert "良渚论坛" in rows["proper"]["right"] and "良渚论坛" not in rows["quoted"]["only_right"]
    assert "中国飞谷" in rows["quoted"]["alone_must"]
    assert "三大行动" in rows["counted"]["alone_must"]
    for row in rows.values():
        assert set(row["only_right"]) <= set(row["right"])
        assert set(row["alone_must"]) <= musts
    off = ev.stage_rows(g, founding,
                        FormulationOptions(disabled_stages=frozenset({"quoted"})))
    assert "quoted" not in off


def test_each_stage_module_names_its_candidates_as_registered():
    import importlib

    for stage in STAGES:
        if stage.find is not None:
            module = importlib.import_module(stage.find.__module__)
            assert module.STAGE == stage.name, stage.find.__module__
