"""Documents in traditional characters: converted to simplified for analysis, places kept."""

from __future__ import annotations

import opencc
import pytest

from policy_cli.api import formulations_of, keywords_of
from policy_cli.core import script
from policy_cli.core.loaders import load_document, load_text
from policy_cli.core.pipeline import prepare
from policy_cli.core.targets import extract_targets
from tests.conftest import DOCS


@pytest.fixture(scope="module")
def both():
    """gwr-2022 as published, and converted to traditional characters (OpenCC s2t)."""
    text = (DOCS / "gwr-2022.txt").read_text(encoding="utf-8")
    traditional = opencc.OpenCC("s2t").convert(text)
    assert traditional != text and len(traditional) == len(text)
    return load_text(text, source="simplified"), load_text(traditional, source="traditional")


def test_a_traditional_text_is_told_and_converted(both):
    simplified, traditional = both
    assert script.traditional_share(simplified.text) == 0.0
    assert simplified.notes == ()
    assert traditional.notes == (script.CONVERTED_NOTE,)
    assert traditional.text == simplified.text  # t2s(s2t(x)) gives the report back


def test_traditional_gives_the_same_key_terms_formulations_and_targets(both):
    simplified, traditional = both
    a, b = prepare(simplified), prepare(traditional)
    terms_a = [k.term for k in keywords_of(a, top=20)]
    terms_b = [k.term for k in keywords_of(b, top=20)]
    assert len(set(terms_a) & set(terms_b)) >= 18
    assert not {"發展", "加強", "建設"} & set(terms_b)  # the issue: traditional words ranked
    forms_a = {f.text for f in formulations_of(a)}
    forms_b = {f.text for f in formulations_of(b)}
    assert len(forms_a & forms_b) >= 0.95 * len(forms_a)  # the issue: 50 of 97
    targets_a = {(t.indicator, t.value) for t in extract_targets(simplified)}
    targets_b = {(t.indicator, t.value) for t in extract_targets(traditional)}
    assert len(targets_a & targets_b) >= 0.95 * len(targets_a)  # the issue: 5 of 23


def test_offsets_point_at_the_same_characters_of_the_original(both):
    _, traditional = both
    original = opencc.OpenCC("s2t").convert((DOCS / "gwr-2022.txt").read_text(encoding="utf-8"))
    original = load_text(original, source="x").text  # the same clean-up, no conversion undone
    converter = opencc.OpenCC("t2s")
    for k in keywords_of(prepare(traditional), top=20):
        span = original[k.first_offset : k.first_offset + len(k.term)]
        assert converter.convert(span) == k.term


class _Widening:
    """A converter whose phrase rule makes one paragraph longer (as a phrase table might)."""

    def convert(self, text: str) -> str:
        return text.replace("於", "于").replace("臺灣", "台湾省")


def test_a_conversion_that_changes_the_length_falls_back_to_characters():
    text = "兩岸關係\n臺灣同胞於此\n其他"
    out = script.to_simplified(text, converter=_Widening())
    assert out is not None and len(out) == len(text)
    assert out.split("\n")[0] == "兩岸關係"  # unchanged: this converter knows no such rule
    assert out.split("\n")[1] == "臺灣同胞于此"  # character by character: 臺 and 灣 alone stay


def test_without_opencc_the_text_is_analysed_as_it_is_and_the_user_is_told(monkeypatch):
    monkeypatch.setattr(script, "_converter", lambda: None)
    doc = load_text("我們將繼續推動經濟發展，加強基礎設施建設，擴大對外開放。" * 3, source="t")
    assert doc.notes == (script.NOT_CONVERTED_NOTE,)
    assert "發展" in doc.text


def test_a_simplified_text_quoting_traditional_names_is_left_as_it_is():
    doc = load_document(DOCS / "cpc19-report.txt")
    assert doc.notes == ()
    text = "台湾地区领导人称“中華民國”如何如何，我们坚持一个中国原则。" * 2
    assert load_text(text, source="t").notes == ()


def test_the_share_is_the_one_counted_character_by_character():
    import re

    from policy_cli.core.chars import HAN_EXTENDED

    han = re.compile(rf"[{HAN_EXTENDED}]")
    simplified = (DOCS / "gwr-2022.txt").read_text(encoding="utf-8")
    texts = [simplified, opencc.OpenCC("s2t").convert(simplified)]
    texts += [p.read_text(encoding="utf-8") for p in sorted(DOCS.rglob("*.txt"))]
    texts.append(texts[1][:2000] + "abc\u3400\uf900" + texts[0][:2000])  # the extended blocks
    for text in texts:
        found = len(script._traditional().findall(text))
        plain = 0.0 if found < script.MIN_CHARS else found / len(han.findall(text))
        assert script.traditional_share(text) == plain
    assert script.traditional_share(texts[1]) > script.MIN_SHARE
