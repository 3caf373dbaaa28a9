"""Terminal tables: the cells that lay themselves out print what rich's own cells print.

`render._table` gives rich cells that pad, measure and lay out a one-line value themselves
(a third of the time on a table of ~500 rows); `rich_cells=True` builds the same table with
rich's own padded Text cells; `render._QuickTable` prints the table of such cells a line at a
time without rich's table machinery (a quarter of the time again). All must print the same
bytes, with and without colour, from a narrow terminal (terms folded, contexts cut with …) to
a wide one, and in a terminal that only takes ASCII (rich's ASCII box).
"""

from __future__ import annotations

import io
from functools import cache

import pytest
from rich.cells import cell_len
from rich.console import Console

from policy_cli import api, render, serialize
from policy_cli.serialize import Section
from tests.conftest import DOCS, FOUNDING

WIDTHS = (30, 60, 80, 120)


@cache
def _sections(*, compact: bool = False) -> list[Section]:
    """Every kind of table of three documents and a diff (`compact`: the targets as the
    terminal shows them; all their columns otherwise, as files get them)."""
    out: list[Section] = []
    for path in (DOCS / "gwr-2022.txt", DOCS / "local-baotou-2022.txt", FOUNDING):
        doc = api.load_document(str(path))
        out.append(serialize.formulation_section(doc, api.formulations_of(doc), title="提法"))
        out.append(serialize.keyword_section(doc, api.keywords_of(doc), method="tfidf", top=20))
        out.append(serialize.target_section(api.targets_of(doc), headline=False, compact=compact))
    old, new = (api.load_document(str(DOCS / f"gwr-{y}.txt")) for y in (2021, 2022))
    out.extend(serialize.diff_sections(api.diff_of(old, new, sentences=True)))
    if compact:  # the trend of the national reports (rising, falling, formulations by year)
        reports = sorted(DOCS.glob("gwr-20*.txt"))
        trend = api.trend_of(reports, use_cache=False, workers=1)
        out.extend(serialize.trend_sections(trend, "table"))
    return [s for s in out if s.rows and s.layout != "inline"]


class _Latin1(io.StringIO):
    """A stream whose encoding cannot print box-drawing characters (rich's ASCII box)."""

    encoding = "latin-1"  # type: ignore[assignment]


def _print(
    section: Section,
    width: int,
    colour: bool,
    rich_cells: bool,
    *,
    quick: bool = False,
    ascii_only: bool = False,
) -> str:
    buf = _Latin1() if ascii_only else io.StringIO()
    if colour:
        console = Console(
            file=buf, width=width, force_terminal=True, color_system="truecolor",
            highlight=False, emoji=False, markup=False, soft_wrap=False,
        )  # fmt: skip
    else:
        console = render.make_console(file=buf, width=width)
    table = render._table(section, console.width, rich_cells=rich_cells)
    if quick:  # as `print_sections` prints it: uncropped where it fits
        quick_table = render._QuickTable(table)
        console.print(quick_table, crop=not quick_table.fits(console))
    else:
        console.print(table)
    return buf.getvalue()


@pytest.mark.parametrize("colour", [False, True])
@pytest.mark.parametrize("width", WIDTHS)
def test_cells_laid_out_here_print_what_rich_prints(width: int, colour: bool) -> None:
    sections = _sections()
    assert len(sections) >= 8
    for section in sections:
        ours = _print(section, width, colour, rich_cells=False)
        assert ours == _print(section, width, colour, rich_cells=True), (section.title, width)
        if not colour and width >= 60:
            assert max(cell_len(line) for line in ours.splitlines()) <= width


def test_the_shortcuts_are_taken() -> None:
    # most cells of a long report's table are laid out here, and highlighted words are styled
    cells = [c for column in render._table(_sections()[0], 80).columns for c in column._cells]
    assert sum(c.plain is not None for c in cells) > 0.9 * len(cells) > 500
    highlighted = [s for s in _sections() if any(c.highlight for c in s.columns)]
    assert highlighted
    assert any(
        not isinstance(cell.text, str)
        for s in highlighted
        for column in render._table(s, 80).columns
        for cell in column._cells
    )


@pytest.mark.parametrize("colour", [False, True])
@pytest.mark.parametrize("width", (*WIDTHS, 100, 200))
def test_the_quick_table_prints_what_rich_prints(width: int, colour: bool) -> None:
    for section in _sections():
        rich_printed = _print(section, width, colour, rich_cells=False)
        assert _print(section, width, colour, False, quick=True) == rich_printed, (
            section.title, width,
        )  # fmt: skip
        assert _print(section, width, colour, False, quick=True, ascii_only=True) == _print(
            section, width, colour, False, ascii_only=True
        )


def test_the_quick_table_is_taken() -> None:
    # every table of the documents is printed here at any width: terms folded on two lines
    # (their cells rendered by rich, the row shaped here) and narrowed columns included
    folded = 0
    for section in _sections():
        for width in WIDTHS:
            quick = render._QuickTable(render._table(section, width))
            widths = quick._widths(width - len(quick.table.columns) - 1)
            assert widths is not None, (section.title, width)
            console = render.make_console(file=io.StringIO(), width=width)
            rows = quick._rows(console, console.options, widths, plain=True)
            folded += sum(len(row[0]) > 1 for row in rows)
            # printed uncropped without colour, but where the columns at their least overflow
            assert quick.fits(console) == (sum(widths) + len(widths) + 1 <= width)
            assert quick.fits(console) or width < 60 or section.title != "提法", width
    assert folded


@pytest.mark.parametrize("colour", [False, True])
def test_cells_rich_measures_by_their_neighbours_are_rich_to_lay_out(colour: bool) -> None:
    # a zero-width joiner takes the next character in, an emoji selector widens the one before:
    # rich's width of a whole cell is not the sum of its pieces' (the review of 49679d8)
    from policy_cli.serialize import Column

    sections = [
        Section("t", [Column("text", "sentence", highlight="hl"), Column("n", "n")],
                [{"text": "☺\ufe0f好", "hl": ["☺"], "n": "x"}]),
        Section("t", [Column("a", "a"), Column("b", "b")], [{"a": "好\u200d", "b": "x"}]),
        Section("t", [Column("a", "head"), Column("b", "b")],
                [{"a": "\u200d", "b": "x"}, {"a": "ab", "b": "y"}]),
    ]  # fmt: skip
    for section in sections:
        for width in (20, 60):
            rich_printed = _print(section, width, colour, rich_cells=False)
            assert _print(section, width, colour, False, quick=True) == rich_printed


def _marked(items: list[str]) -> int | None:
    at = [k for k, item in enumerate(items) if item.startswith("national: ")]
    assert len(at) <= 1, items
    return at[0] if at else None


@pytest.mark.parametrize("path", [FOUNDING, DOCS / "local-baotou-2022.txt", DOCS / "gwr-2022.txt"])
def test_the_national_mark_opens_the_national_formulations_the_line_ends_with(path):
    """The brief's formulations line: `national:` opens the national ones a document echoes,
    after its own; everything after the mark is national, nothing national before it; a
    document of the centre, which mixes its own and national ones by kind, gets no mark."""
    brief = api.summary_of(api.load_document(path), formulations=40)
    items = serialize.formulation_items(brief)
    shown = brief.formulations
    mark = _marked(items)
    national = [f.origin == "national" for f in shown]
    if mark is None:
        # no echo at the end, or national ones among the document's own
        assert not national[-1] or any(national[k] and not national[k + 1]
                                       for k in range(len(shown) - 1)), items
    else:
        assert all(national[mark:]) and not any(national[:mark]), items


def test_a_users_own_national_term_is_no_echo(tmp_path):
    """A term of the user's lexicon leads the line whatever its origin (高质量发展 is national):
    the `national:` mark is not put before it but before the national ones the document echoes."""
    from policy_cli.core.formulations import FormulationOptions, read_user_lexicon

    lexicon = tmp_path / "terms.txt"
    lexicon.write_text("高质量发展\n", encoding="utf-8")
    options = FormulationOptions(lexicon=read_user_lexicon(lexicon))
    brief = api.summary_of(
        api.load_document(FOUNDING), formulations=40, formulation_options=options
    )
    items = serialize.formulation_items(brief)
    first = brief.formulations[0]
    assert first.text == "高质量发展" and first.users_own and first.origin == "national"
    assert not items[0].startswith("national: ")
    mark = _marked(items)
    assert mark is not None and mark > 1, items  # the echo still marked, after its own ones
    assert all(f.origin == "national" for f in brief.formulations[mark:])



@pytest.mark.parametrize("width", (60, 70, 80, 100, 120, 200))
def test_tables_are_laid_out_within_the_width_not_cropped_to_it(width: int) -> None:
    # rich crops a line wider than the terminal as it prints it: the context column laid out
    # n - 1 cells too wide lost its closing … and the table its right edge, and at 80 columns
    # diff's sentence column (never under its cap of 56) pushed the column of new words off;
    # under 80, optional columns go (lowest rank first) and term columns fold sooner
    for section in _sections(compact=True):
        console = render.make_console(file=io.StringIO(), width=width)
        for rich_cells in (False, True):
            table = render._table(section, width, rich_cells=rich_cells)
            laid_out = "".join(s.text for s in console.render(table)).splitlines()
            assert max(cell_len(line) for line in laid_out) <= width, (section.title, width)


def test_a_context_shows_the_words_around_its_item_the_item_as_a_mark():
    # the context column is a dozen cells at 100 columns: it showed the words before an item and
    # rarely the item (…史决议，如期打赢脱 for 脱贫攻坚); the item, said in full beside it, is ～
    from policy_cli.models import Formulation, Keyword

    doc = api.load_document(str(FOUNDING))
    text = doc.shown_text
    at = text.index("高质量发展大会")
    rows = serialize.formulation_section(
        doc, [Formulation("高质量发展", "slogan", 1, at + text[at:].index("高质量发展"))], title="t"
    ).rows
    assert rows[0]["context"].startswith("…杭区经济～大会")
    assert "高质量发展" not in rows[0]["context"]
    quoted = text.index("“132”") + 1  # a quoted code keeps its marks around the ～
    row = serialize.formulation_section(doc, [Formulation("132", "code", 1, quoted)], title="t")
    assert "“～”总体部署" in row.rows[0]["context"]
    # a key term: the words around its first use, not the start of its sentence
    keyword = Keyword("七个重大突破", 1.0, 1, text.index("七个重大突破"), 0)
    context = serialize.keyword_section(doc, [keyword], method="tfidf", top=1).rows[0]["context"]
    assert "～" in context and context.split("～")[1].startswith("”主要任务")


def test_a_diff_context_marks_an_item_said_with_quote_marks_inside():
    # the work report of 2006: 反对“台独”分裂活动决不妥协, the 提法 listed without its marks; the
    # context showed the words before it, no ～
    sentence = "推动祖国和平统一进程的八项主张，坚持一个中国原则决不动摇、反对“台独”分裂活动决不妥协。"
    item = "坚持一个中国原则决不动摇、反对台独分裂活动决不妥协"
    assert serialize._around(sentence, item) == "…进程的八项主张，～。"
    assert serialize._around("坚持稳中求进。", "稳中求进") == "坚持～。"


def _unquoted(text: str) -> str:
    return text.replace("“", "").replace("”", "").replace('"', "")


def test_a_context_is_made_for_any_offset_and_item():
    # an item not said where its offset points, or an offset outside the text, still gets a
    # context (the words there, unmarked), never an error
    text = '坚持共建“一带一路”高质量发展。推动"三北"工程攻坚战！他说：“要深化放管服改革。”'
    # (where an item is said, from its first character or the quote mark before it)
    said_at = {"共建一带一路": {2}, "三北工程攻坚战": {18, 19}, "放管服改革": {35}}
    for item in (*said_at, "不在文中", ""):
        for offset in range(-3, len(text) + 4):
            context = serialize._snippet(text, offset, item)
            marked = offset in said_at.get(item, ())
            assert context.count("～") == marked, (item, offset, context)
            said = context.strip("…").replace("～", item)
            assert _unquoted(said) in _unquoted(text), (item, offset, context)
    # quote marks stay balanced, curly or straight; a context ends after its sentence's marks
    assert serialize._snippet(text, 2, "共建一带一路") == "坚持～高质量发展。"
    assert serialize._snippet(text, 19, "三北工程攻坚战") == "推动～！"
    assert serialize._snippet(text, 35, "放管服改革") == "…“要深化～。”"
