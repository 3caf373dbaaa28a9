"""Stage `coined`: a document's own compound, said as one unit often, that national text does
not say (智能原生, 新一代智能终端 in the State Council's opinion on 人工智能+)."""

from __future__ import annotations

import pytest

from policy_cli.core.formulations import FormulationOptions, extract_formulations
from policy_cli.core.formulations.coined import find_coined
from policy_cli.core.loaders import load_document

from ..conftest import DOCS

FORMATS = DOCS.parent / "formats"
# short texts are read here as documents would be
READ_SHORT = FormulationOptions(coined_min_text=0)


def coined(text: str, options: FormulationOptions = READ_SHORT) -> list[str]:
    return [c.text for c in find_coined(text, options)]


@pytest.fixture(scope="module")
def opinion():
    return load_document(FORMATS / "state-council-ai-plus-opinion-2025.pdf")


def test_the_terms_a_central_document_coins_and_repeats_are_found(opinion):
    found = {f.text: f for f in extract_formulations(opinion)}
    for term in ("智能原生", "新一代智能终端"):
        assert opinion.text.count(term) == 5
        assert term in found, term
        assert "coined/coined" in found[term].evidence
    # repeated, but a verb opens it or a particle ends it: a clause, not a name
    assert opinion.text.count("加快人工智能") >= 4 and "加快人工智能" not in found
    assert "人工智能驱动的" not in found


def test_how_often_is_often_grows_with_the_length_of_the_document(opinion):
    # five times in 5,000 characters coins a term; asked once every 900 characters, it does not
    assert "智能原生" in [c.text for c in find_coined(opinion.text, FormulationOptions())]
    rare = FormulationOptions(coined_chars_per_count=900)
    assert "智能原生" not in [c.text for c in find_coined(opinion.text, rare)]


@pytest.mark.parametrize("path", [
    DOCS / "local-baotou-2022.txt",  # 市工信局 ×28, 市审批服务局 ×18: departments
    FORMATS / "sxmu-supervision-law-2018.html",  # 监察机关采取留置措施, 职务违法或者职务犯罪
    DOCS / "provinces-2025" / "anhui.txt",
    DOCS / "gwr-2022.txt",
])
def test_departments_clauses_and_ordinary_compounds_of_real_documents_are_refused(path):
    doc = load_document(path)
    assert coined(doc.text, FormulationOptions()) == []


def test_a_short_text_saying_a_term_four_times_coins_it_only_when_read_as_a_document():
    text = "发展智能原生产品。推进智能原生应用。建设智能原生平台。培育智能原生企业。"
    assert coined(text) == ["智能原生"]
    assert coined(text, FormulationOptions()) == []  # a news item's repeats are its subject
    assert coined(text.replace("培育智能原生企业。", "")) == []  # three times is not enough


@pytest.mark.parametrize("text", [
    "联系市工信局。" * 4,  # a department's name
    "查处职务违法或者职务犯罪。" * 4,  # a conjunction inside: a clause
    "推动高质量发展。" * 4,  # national text says it
    "加快人工智能。" * 4,  # a verb opens it
    "建设海南自贸港。" * 4,  # a place opens it
])
def test_what_a_coined_term_is_not(text):
    assert coined(text) == []
