"""Stage `event`: a fair or expo by its short name."""

from __future__ import annotations

from policy_cli.core.formulations import FormulationOptions, extract_formulations
from policy_cli.core.formulations.events import find_events
from policy_cli.core.loaders import load_document

from ..conftest import DOCS


def names(text: str) -> list[str]:
    return [c.text for c in find_events(text, FormulationOptions())]


def test_fairs_by_their_short_names_in_a_report():
    doc = load_document(DOCS / "provinces-2025" / "guangxi.txt")
    found = {f.text: f for f in extract_formulations(doc)}
    # 办好第22届东博会、峰会以及世界林木业大会 (the segmenter glues 届东|博会)
    assert "东博会" in found and found["东博会"].kind == "name"
    assert "event/fair" in found["东博会"].evidence
    assert names("举办华创会、汉交会等60多场活动，参加进博会、服贸会和第十四届投洽会。") == [
        "汉交会", "进博会", "服贸会", "投洽会"
    ]


def test_craft_meeting_in_orbit_is_no_fair():
    assert names("飞船与空间站完成自动交会对接。两船快速交会。") == []


def test_rivers_meeting_here_are_no_fair():
    assert names("长江与嘉陵江在此交会，形成半岛。") == []
