"""Stage `siblings`: the other names of a list whose names the stages found."""

from __future__ import annotations

from policy_cli.core.formulations import FormulationOptions, extract_formulations
from policy_cli.core.formulations.candidate import Candidate
from policy_cli.core.formulations.siblings import add_listed_siblings
from policy_cli.core.loaders import load_document, load_text

from ..conftest import DOCS


def added(text: str, found: list[str]) -> list[str]:
    candidates = [Candidate(t, "name", text.find(t)) for t in found]
    out = add_listed_siblings(text, candidates, FormulationOptions())
    return [c.text for c in out[len(candidates) :]]


def test_an_unfound_item_of_a_list_of_found_names_is_a_name():
    # the Beijing report of 2025: 金融街 is no place name, its neighbours are found
    text = "提升中国国际服务贸易交易会、中关村论坛、金融街论坛、北京文化论坛等平台国际影响力。"
    assert added(text, ["中国国际服务贸易交易会", "中关村论坛", "北京文化论坛"]) == ["金融街论坛"]
    found = {f.text: f for f in extract_formulations(load_text(text, source="t"))}
    assert "siblings/listed" in found["金融街论坛"].evidence


def test_the_real_report_names_its_districts():
    # the Hubei report of 2025: 武汉新城、襄阳东津城市新中心、宜昌东部产业新区
    doc = load_document(DOCS / "provinces-2025" / "hubei.txt")
    found = {f.text: f for f in extract_formulations(doc)}
    assert "siblings/listed" in found["襄阳东津城市新中心"].evidence


def test_one_name_found_an_item_with_no_head_or_two_joined_add_nothing():
    text = "打造粮食生产功能区、重要农产品生产保护区、特色农产品优势区和现代农业产业园。"
    # two joined by 和 are no one name
    assert added(text, ["粮食生产功能区", "重要农产品生产保护区"]) == []
    text = "建设甲乙实验室、丙丁实验室、戊己实验室。"
    assert added(text, ["甲乙实验室"]) == []  # one found: no kind told
    text = "发展中关村论坛、金融街论坛、文化产业。"
    assert added(text, ["中关村论坛", "金融街论坛"]) == []  # an item with no name's head
