"""The HTML brief and diff (`policy_cli.render_html`) on real reports, read back as HTML.

The browser's view of the same pages is in test_html_browser.py; these read the file itself:
the whole text shown once, every mark where the text says its item and linking on, nothing
from a document left unescaped, nothing fetched.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from policy_cli.api import diff_of, summary_of
from policy_cli.core.loaders import load_document, load_text
from policy_cli.render_html import brief_page, diff_page, esc
from tests.conftest import DOCS, FOUNDING
from tests.render.pages import Page, read_page

GWR_2021 = DOCS / "gwr-2021.txt"
GWR_2022 = DOCS / "gwr-2022.txt"
MAX_PAGE_BYTES = 1_000_000  # issue 17: the page of a work report is under 1 MB
# what a page may contain: no script, no embedded content, no form
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "dl", "dt",
    "dd", "nav", "a", "section", "svg", "g", "text", "rect", "div", "table", "thead", "tbody",
    "tr", "th", "td", "p", "span", "b", "ul", "ol", "li", "details", "summary", "del", "footer",
}
HOSTILE = (
    '<script>document.title="pwned"</script>关于推进<b>高质量发展</b>的通知\n'
    "各位代表：\n"
    '今年要坚持稳中求进工作总基调，<img src=x onerror="document.body.dataset.pwned=1">完整、准确、'
    "全面贯彻新发展理念，加快构建新发展格局。城镇新增就业1100万人以上。\n"
    "要统筹发展和安全，<script>alert(1)</script>推动高质量发展，坚持以人民为中心的发展思想。"
    "习近平总书记强调，要坚持“两个毫不动摇”。\n"
)
HOSTILE_NAME = '<img src=x onerror="alert(1)">报告.txt'


@pytest.fixture(scope="module")
def gwr_2022():
    return load_document(GWR_2022)


@pytest.fixture(scope="module")
def brief(gwr_2022):
    summary = summary_of(gwr_2022, formulations=0)
    return summary, brief_page(summary, gwr_2022)


@pytest.fixture(scope="module")
def pair():
    old, new = load_document(GWR_2021), load_document(GWR_2022)
    diff = diff_of(old, new)
    return old, new, diff, diff_page(diff, old, new)


def _links_hold(page: Page) -> None:
    """Every anchor is unique and every link inside the page lands on one."""
    assert len(page.ids) == len(set(page.ids))
    ids = set(page.ids)
    for href in page.hrefs:
        assert href.startswith("#"), href  # nothing outside the file
        assert href[1:] in ids, href


def _self_contained(html: str, page: Page) -> None:
    assert html.startswith("<!DOCTYPE html>")
    assert page.lang == "zh-CN"
    assert page.tags <= ALLOWED_TAGS, page.tags - ALLOWED_TAGS
    assert not [n for n, _ in page.attrs if n.startswith("on") or n in ("src", "srcset")]
    assert not re.search(r"(?i)(https?:|//)[^\s\"']*\.(css|js|woff2?|ttf|png|svg)", html)
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "Noto Sans CJK SC" in html  # a CJK font stack
    assert "@media print" in html and "@media (max-width:" in html
    assert len(html.encode("utf-8")) < MAX_PAGE_BYTES


def test_the_brief_shows_the_whole_text_once_with_its_items_marked(brief, gwr_2022) -> None:
    summary, html = brief
    page = read_page(html)
    _self_contained(html, page)
    _links_hold(page)
    assert page.texts["text"] == [p.text for p in gwr_2022.paragraphs]
    forms = {f.text: f for f in summary.formulations}
    origins = Counter()
    for m in page.marks:
        if "f" in m.classes:
            f = forms[m.text]  # a formulation mark says exactly the formulation
            origins[f.origin] += 1
            assert f"o-{f.origin}" in m.classes and f"k-{f.kind}" in m.classes
            assert f"×{f.count}" in m.title
            if f.origin == "national" and f.first_seen:
                assert f"national since {f.first_seen[:4]}" in m.title
    assert set(origins) == {"national", "local", "new"}
    # the headline targets are marked where the report states them, and stand out
    gdp = [m for m in page.marks if m.text == "国内生产总值增长5.5%左右"]
    assert len(gdp) == 1 and {"t", "hl"} <= gdp[0].classes and "5.5%左右" in gdp[0].title
    people = [m for m in page.marks if "p" in m.classes]
    assert people and {m.text for m in people} == {"习近平"}
    # a longer formulation keeps the name it holds
    assert any(m.text == "习近平新时代中国特色社会主义思想" for m in page.marks)


def test_each_mark_links_to_the_next_occurrence_and_back(brief) -> None:
    _, html = brief
    page = read_page(html)
    by_id = {m.id: m for m in page.marks}
    start = next(m for m in page.marks if m.text == "高质量发展")
    seen = [start.id]
    m = by_id[start.href[1:]]
    while m.id != start.id:
        assert m.text == "高质量发展"
        seen.append(m.id)
        m = by_id[m.href[1:]]
    assert len(seen) == sum(1 for x in page.marks if x.text == "高质量发展") > 3
    assert f"1 of {len(seen)} marked" in start.title


def test_the_brief_charts_key_terms_and_tables_targets_and_people(brief) -> None:
    summary, html = brief
    chart = html[html.index("<svg") : html.index("</svg>")]
    assert chart.count("<rect") == len(summary.keywords) == 10
    assert all(f">{k.term}<" in chart or f"{k.term}:" in chart for k in summary.keywords)
    targets = html[html.index('id="targets"') : html.index('id="people"')]
    assert targets.count("<tr") == len(summary.targets) + 1
    assert "1.3万亿斤以上" in targets
    # the open table lists the most salient ten; every formulation is in the folded one
    folded = html[html.index("Every formulation") : html.index('id="targets"')]
    assert folded.count("<tr") == len(summary.formulations) + 1


def test_noise_is_shown_struck_through_in_a_folded_section() -> None:
    doc = load_document(FOUNDING)
    html = brief_page(summary_of(doc), doc)
    spam = "球球直播app下载_球球体育官网-线上买球"
    noise = html[html.index('<details class="noise">') :]
    assert f"<del>{spam}</del>" in noise and "injected spam" in noise
    assert spam not in "".join(read_page(html).texts["text"])


def test_markup_in_a_document_is_shown_as_text() -> None:
    doc = load_text(HOSTILE, source=HOSTILE_NAME)
    html = brief_page(summary_of(doc, formulations=0), doc)
    page = read_page(html)
    _self_contained(html, page)
    _links_hold(page)
    shown = "".join(page.texts["text"])
    assert "<script>" in shown and '<img src=x onerror="' in shown.replace("“", '"')
    assert "<b>高质量发展</b>" in shown
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;报告.txt" in html  # the file name


def test_the_diff_leads_with_headlines_and_shows_both_texts(pair) -> None:
    old, new, diff, html = pair
    page = read_page(html)
    _self_contained(html, page)
    _links_hold(page)
    assert page.texts["old-text"] == [p.text for p in old.paragraphs]
    assert page.texts["new-text"] == [p.text for p in new.paragraphs]
    assert html.index('id="headlines"') < html.index('id="targets"') < html.index('id="texts"')
    heads = html[html.index('id="headlines"') : html.index('id="targets"')]
    assert heads.count("<li>") == len(diff.headlines)
    assert heads.index("国内生产总值增长") < heads.index("留抵退税")


def test_the_diff_marks_added_and_dropped_formulations_in_their_text(pair) -> None:
    old, new, diff, html = pair
    page = read_page(html)
    old_ids = set(re.findall(r'id="(\w+-\d+)"', html[html.index('id="old-text"') :
                                                    html.index('id="new-text"')]))
    added = {c.text for c in diff.added}
    removed = {c.text for c in diff.removed}
    marks = Counter()
    for m in page.marks:
        if "add" in m.classes:
            assert m.text in added and m.id not in old_ids and "提法 added" in m.title
        if "drop" in m.classes:
            assert m.text in removed and m.id in old_ids and "提法 dropped" in m.title
        marks[m.text] += 1
    assert marks["留抵退税"] == new.text.count("留抵退税") == 4
    assert marks["城乡融合发展"] >= 1
    # every one the text says word for word is marked, or lies inside a longer mark
    texts = [m.text for m in page.marks]
    for text in (added | removed):
        doc = new if text in added else old
        if text in doc.text:
            assert any(text in t for t in texts), text


def test_a_changed_target_links_to_its_counterpart(pair) -> None:
    _, _, diff, html = pair
    page = read_page(html)
    gdp = [m for m in page.marks if "chg" in m.classes and "国内生产总值增长" in m.text]
    assert [m.text for m in gdp] == ["国内生产总值增长6%以上", "国内生产总值增长5.5%左右"]
    assert gdp[0].href == f"#{gdp[1].id}" and gdp[1].href == f"#{gdp[0].id}"
    assert "6%以上 → 5.5%左右" in gdp[0].title
    # an unchanged target is not marked; the table flags each changed row
    assert not [m for m in page.marks if m.text.startswith("城镇新增就业")]
    table = html[html.index('id="targets"') : html.index('id="formulations"')]
    assert table.count('<tr class="chg">') == sum(1 for t in diff.targets if t.changed) > 4


def test_file_names_in_a_diff_are_escaped() -> None:
    old = load_text(HOSTILE, source=HOSTILE_NAME)
    new = load_text(HOSTILE.replace("1100", "1200"), source="<script>x</script>.txt")
    html = diff_page(diff_of(old, new), old, new)
    page = read_page(html)
    _self_contained(html, page)
    _links_hold(page)
    assert "&lt;script&gt;x&lt;/script&gt;.txt" in html


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ('<a href="x">', "&lt;a href=&quot;x&quot;&gt;"),
        ("it's & \x1b[31mred\x07", "it&#x27;s &amp; [31mred"),
        ("bad byte \udcff", "bad byte \ufffd"),
    ],
)
def test_esc(raw: str, shown: str) -> None:
    assert esc(raw) == shown


def test_target_numbers_are_written_as_in_the_tables() -> None:
    """The brief writes a target's numbers as the terminal and CSV do: a range with a dash, a big
    number in full (1200000, not 1.2e+06)."""
    document = load_text(
        "今年发展主要预期目标是：地区生产总值增长5.0%—5.5%；新增城镇就业1200000人以上；"
        "居民消费价格涨幅3%左右。"
    )
    html = brief_page(summary_of(document), document)
    targets = html[html.index('id="targets"') : html.index('id="people"')]
    cells = re.findall(r"<td class=n>([^<]*)</td>", targets)
    assert cells == ["5–5.5", "1200000", "3"]


def test_the_brief_marks_a_formulation_as_the_document_prints_it() -> None:
    # the Guangxi report of 2025 prints half-width brackets: the text is shown as printed and the
    # formulation is marked there at both places the report names it
    doc = load_document(DOCS / "provinces-2025" / "guangxi.txt")
    html = brief_page(summary_of(doc, formulations=0), doc)
    page = read_page(html)
    marks = [m for m in page.marks if "f" in m.classes and m.text == "中柬(北海)产业园"]
    assert len(marks) == 2
    assert "".join(page.texts["text"]).count("中柬(北海)产业园") == 2
    assert "中柬（北海）产业园" not in html
