"""Stage `ideal`: an ideal and the place it is wished for."""

from __future__ import annotations

from policy_cli.core.formulations import FormulationOptions, extract_formulations
from policy_cli.core.formulations.ideals import find_ideals
from policy_cli.core.loaders import load_document

from ..conftest import DOCS


def ideals(text: str) -> list[str]:
    return [c.text for c in find_ideals(text, FormulationOptions())]


def test_a_national_ideal_and_its_echo_in_a_province():
    assert ideals("建设美丽中国，打造美丽上海，推进平安乡村建设。") == ["美丽中国", "美丽上海", "平安乡村"]


def test_an_ideal_before_no_place_is_no_slogan():
    # 绿色发展, 健康发展, 法治思维: the second word is no place
    assert ideals("坚持绿色发展，推动健康发展，运用法治思维。") == []


def test_the_provincial_report_names_its_own_ideal():
    doc = load_document(DOCS / "provinces-2025" / "yunnan.txt")
    assert "美丽云南" in {f.text for f in extract_formulations(doc)}
