"""Output for a person: result tables, the one-screen brief, progress bars and plots.

This is the only module that imports rich (and matplotlib, for `policy trend --plot`), and it
does so lazily so that machine formats do not pay for it. It takes typed results
(`policy_cli.models`) and the tables `serialize` makes of them; JSON, CSV and Markdown are
written by `policy_cli.serialize`.
"""

from __future__ import annotations

import os
import re
import sys
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from policy_cli.models import Person, Summary, Target, Trend

# the table model and the text writers live in serialize; named here too for callers of render
from policy_cli.serialize import (
    INLINE_SEPARATOR,
    Column,
    Section,
    brief_facts,
    brief_targets,
    brief_to_markdown,
    cell,
    formulation_items,
    highlighted_words,
    inert,
    inline_item,
    joined,
    keyword_items,
    narrower_sparkline,
    person_line,
    target_modifier,
    target_name,
    target_numbers,
    target_value,
    to_csv,
    to_json,
    to_jsonl,
    to_markdown,
)

__all__ = [
    "Column",
    "ProgressBar",
    "Section",
    "brief_to_markdown",
    "inert",
    "make_console",
    "check_plot_available",
    "print_brief",
    "plot_png",
    "print_sections",
    "target_numbers",
    "to_csv",
    "to_json",
    "to_jsonl",
    "to_markdown",
]


@lru_cache(maxsize=1)
def _console_class() -> Any:
    from rich.console import Console

    class PipeConsole(Console):
        """A console that lets a closed pipe reach the CLI's handler (rich would exit 1)."""

        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError(32, "the reader of the output went away")

    return PipeConsole


PIPE_WIDTH = 100  # the lines of a table written to a file or a pipe (COLUMNS overrides)
MIN_WIDTH = 60  # a COLUMNS narrower than this is widened to it: tables stay legible


def _columns() -> int | None:
    """The width COLUMNS asks for, at least MIN_WIDTH; None when unset, not a number or not
    positive (COLUMNS=0 would print every table empty)."""
    raw = os.environ.get("COLUMNS", "").strip()
    return max(MIN_WIDTH, int(raw)) if raw.isdigit() and int(raw) > 0 else None


def _terminal_width(stream: Any) -> int:
    """The width of the terminal `stream` shows on, at least MIN_WIDTH (80 where it cannot
    tell)."""
    try:
        return max(MIN_WIDTH, os.get_terminal_size(stream.fileno()).columns)
    except (AttributeError, OSError, ValueError):
        return 80


def make_console(*, file: Any = None, width: int | None = None) -> Any:
    """A rich console that respects NO_COLOR and a non-tty stream, `width` columns wide: by
    default COLUMNS, else the terminal's width, else PIPE_WIDTH off a terminal."""
    stream = file if file is not None else sys.stdout
    is_tty = hasattr(stream, "isatty") and stream.isatty()
    if width is None:
        columns = _columns()
        if columns is not None:
            width = columns
        elif not is_tty:
            width = PIPE_WIDTH
        else:  # (COLUMNS set but unusable would be taken as it is by rich)
            width = _terminal_width(stream)
    plain = bool(os.environ.get("NO_COLOR")) or not is_tty
    return _console_class()(
        file=stream,
        width=width,
        no_color=plain,
        # no_color alone still sends bold and reverse: NO_COLOR promises no ANSI codes at all
        color_system=None if plain else "auto",
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )


def print_sections(
    sections: Sequence[Section],
    *,
    console: Any,
    title: str | None = None,
    preface: Sequence[tuple[str, str]] = (),
) -> None:
    """Print a header panel (optional) and the sections as rich tables."""
    from rich.padding import Padding
    from rich.text import Text

    if title or preface:
        console.print(_head(title, preface))
    for sec in sections:
        if sec.layout == "inline":
            console.print(Text(inert(sec.title), style="bold"))
            items = INLINE_SEPARATOR.join(inline_item(sec, row) for row in sec.rows)
            console.print(Padding(Text(items or inert(sec.empty), overflow="fold"), (0, 0, 0, 2)))
        elif not sec.rows:
            console.print(Text(inert(sec.title), style="bold"))
            console.print(Text(f"  {inert(sec.empty)}"))
        else:
            table = _QuickTable(_table(sec, console.width))
            console.print(table, crop=not table.fits(console))


def _head(title: str | None, preface: Sequence[tuple[str, str]]) -> Any:
    """The grid above the tables: the title, then a label and a value a line."""
    from rich.table import Table
    from rich.text import Text

    head = Table.grid(padding=(0, 1))
    head.add_column(style="bold", no_wrap=True)
    head.add_column(overflow="fold")
    if title:
        head.add_row(Text(""), Text(inert(title), style="bold"))
    for label, value in preface:
        head.add_row(Text(inert(label)), Text(inert(value)))
    return head


CELL_PADDING = 1  # cells are one space apart from their neighbours (none at the table's edges)
_JOINERS = ("\u200d", "\ufe0f")  # characters rich measures by their neighbours
# a cell text rich lays out its own way: a line break, a tab or a joiner anywhere, or two
# spaces (rich collapses them); text with spaces around it is the other such case (`_Cell`)
_RICH_LAYOUT = re.compile("[\n\t\r\v\f\x1c-\x1e\x85\u2028\u2029" + "".join(_JOINERS) + "]|  ")

# The characters rich measures two cells wide, block by block (CJK punctuation, ideographs and
# their extension A, compatibility ideographs and forms, full-width forms), and those it measures
# one cell wide beyond its own single-cell set (dashes, quote marks, …): a text of these and of
# rich's single cells is measured and cut here, without a lookup a character in Python (a
# table of ~500 rows: ~20 ms of ~50). Each block is checked against rich's own widths by
# tests/render/test_cells.py; any other text is measured by rich.
WIDE_BLOCKS = (
    (0x3000, 0x3029), (0x3030, 0x303E), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F), (0xFF01, 0xFF60), (0xFFE0, 0xFFE6),
)
NARROW_BLOCKS = ((0x2010, 0x2027),)


@lru_cache(maxsize=1)
def _widths() -> tuple[Any, frozenset[str]]:
    """A pattern of the wide characters, and the set of the narrow ones: printable ASCII, the
    narrow blocks, and rich's own single-cell set where this rich has one (a private name: without
    it, fewer texts are measured here and more by rich, with the same result)."""
    import rich.cells

    wide = "".join(f"{chr(a)}-{chr(b)}" for a, b in WIDE_BLOCKS)
    narrow = {chr(c) for a, b in ((0x20, 0x7E), *NARROW_BLOCKS) for c in range(a, b + 1)}
    narrow |= set(getattr(rich.cells, "_SINGLE_CELLS", ()))
    return re.compile(f"[{wide}]"), frozenset(narrow)


def _known_width(text: str) -> int | None:
    """The cells of a text of wide and narrow characters only, else None."""
    wide, narrow = _widths()
    rest, n_wide = wide.subn("", text)
    return len(text) + n_wide if narrow.issuperset(rest) else None


def cells(text: str) -> int:
    """The cells `text` takes in a terminal: rich's `cell_len`, the same number."""
    known = _known_width(text)
    if known is not None:
        return known
    from rich.cells import cell_len

    return cell_len(text)


def cut_with_ellipsis(text: str, room: int) -> str:
    """`text` cut to `room` cells with an ellipsis where it is wider: what rich's
    `Text.truncate(room, overflow="ellipsis")` makes of it (a wide character the cut falls in
    becomes a space)."""
    known = _known_width(text)
    if known is None:
        from rich.text import Text

        line = Text(text)
        line.truncate(room, overflow="ellipsis")
        return line.plain
    if known <= room:
        return text
    total = room - 1
    if total <= 0:
        return "…"
    # the longest start of the text that fits, by bisection (its cells grow with its length):
    # a start of k characters takes k cells and one more for each wide one, found once (a start
    # that fits has at most `total` characters)
    end = min(len(text), total)
    wide_at = [m.start() for m in _widths()[0].finditer(text, 0, end)]
    lo, hi = 0, end
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid + bisect_left(wide_at, mid) <= total:
            lo = mid
        else:
            hi = mid - 1
    size = lo + bisect_left(wide_at, lo)
    return text[:lo] + " " * (total - size) + "…"


def _table(sec: Section, width: int, *, rich_cells: bool = False) -> Any:
    """A section as a rich table `width` cells wide at most: terms whole, context cut.

    Each cell is a `_Cell`, which lays out a one-line value that fits its column itself and
    leaves any other to rich: the same output (tested against `rich_cells=True`, where rich
    pads, measures and wraps every cell), a third of the time on a table of ~500 rows.
    """
    from rich import box
    from rich.table import Table
    from rich.text import Text

    columns = _fitting_columns(sec, width)
    pad = CELL_PADDING
    if rich_cells:
        table = Table(
            title=Text(inert(sec.title), style="bold"), title_justify="left",
            box=box.SIMPLE_HEAD, pad_edge=False, expand=False, padding=(0, pad),
        )  # fmt: skip
    else:  # the cells pad themselves: rich's Padding around each would cost as much again
        table = Table(
            title=Text(inert(sec.title), style="bold"), title_justify="left",
            box=box.SIMPLE_HEAD, pad_edge=False, expand=False, padding=0,
        )  # fmt: skip
    values = [[cell(row.get(c.key)) for c in columns] for row in sec.rows]
    charts = [i for i, c in enumerate(columns) if c.kind == "chart"]
    if charts:
        values = _fitted_charts(values, columns, charts, width)
    lens = [[cells(v) for v in r] for r in values]
    widths = [
        max([cells(inert(c.header)), *(n[i] for n in lens)]) for i, c in enumerate(columns)
    ]
    # a term column is as wide as its widest cell up to a cap (a smaller one beside a context
    # column, which must keep room to be useful); the context columns share what is left
    share = 3 if any(x.kind == "context" for x in columns) else 4
    fold_at = max(12, width * share // 10)  # a term column's cap, unless its own is set
    caps = [
        c.max_width or fold_at if c.kind not in ("context", "number") else None for c in columns
    ]
    fixed = sum(
        min(w, cap) if cap is not None else w
        for w, c, cap in zip(widths, columns, caps, strict=True) if c.kind != "context"
    )
    # where the columns at their least widths would not fit (the optional ones gone already),
    # the term columns fold sooner, the widest first, down to FOLD_FLOOR cells
    least = _frame(len(columns)) + sum(
        CONTEXT_MIN if c.kind == "context" else w
        for w, c in zip(widths, columns, strict=True) if c.kind in ("context", "number", "chart")
    )
    fold_at = _fold_width(
        [(w, cap) for w, c, cap in zip(widths, columns, caps, strict=True)
         if cap is not None and c.kind != "chart"],
        width - least, fold_at,
    )  # fmt: skip
    # the columns at their widths, their padding and the rules between them: more than fit?
    crowded = fixed + 3 * len(columns) + 1 > width and not any(c.kind == "context" for c in columns)
    spare = _context_room(columns, width - fixed - _frame(len(columns)))
    # each column's own padding: (left, right), none at the table's edges (pad_edge=False)
    pads = [
        (0 if i == 0 else pad, 0 if i == len(columns) - 1 else pad) for i in range(len(columns))
    ]
    extra = [0 if rich_cells else left + right for left, right in pads]

    def header(c: Column, i: int) -> Any:
        name = inert(c.header)
        return name if rich_cells else _Cell(name, pads[i], plain=name, wide=cells(name))

    for i, (c, cells_wide) in enumerate(zip(columns, widths, strict=True)):
        if c.kind == "context":
            table.add_column(
                header(c, i), overflow="ellipsis", no_wrap=True,
                max_width=min(spare, c.max_width or spare) + extra[i],
            )  # fmt: skip
        elif c.kind == "number" and not crowded:
            table.add_column(header(c, i), justify="right", no_wrap=True)
        elif c.kind == "number":
            # the figures whole, always: a table too wide for them folds its headers instead
            # (供给侧结构性改革 over two lines)
            table.add_column(
                header(c, i), justify="right", overflow="fold",
                min_width=max(n[i] for n in lens) + extra[i] if lens else None,
            )  # fmt: skip
        else:
            # the term is never truncated: it keeps its full width, up to its cap; a column
            # capped wider than a term's share (a sentence) may fold at that share where the
            # table would not fit the width otherwise
            cap = caps[i]
            assert cap is not None
            table.add_column(
                header(c, i), justify=c.justify, overflow="fold",
                min_width=min(cells_wide, cap, fold_at) + extra[i], max_width=cap + extra[i],
            )  # fmt: skip
    for r, n, row in zip(values, lens, sec.rows, strict=True):
        if rich_cells:
            texts = [Text(v) for v in r]
            for t, c in zip(texts, columns, strict=True):
                words = highlighted_words(row, c)
                if words:
                    t.highlight_words(words, style="bold reverse")
            table.add_row(*texts)
            continue
        row_cells = []
        for v, wide, c, p in zip(r, n, columns, pads, strict=True):
            words = highlighted_words(row, c)
            if words:  # a Text with its spans; a plain string otherwise (rendered as one)
                t = Text(v)
                t.highlight_words(words, style="bold reverse")
                row_cells.append(_Cell(t, p, plain=v, wide=wide))
            else:
                row_cells.append(_Cell(v, p, plain=v, wide=wide))
        table.add_row(*row_cells)
    return table


class _QuickTable:
    """A rich `Table` of `_Cell`s printed without rich's table machinery where it can be.

    When every cell holds a one-line value (a `_Cell` with `plain`), the table is written here a
    line at a time: the column widths `Table` works out (narrowed as it narrows them), its
    edges, dividers and header rule, and each cell's segments, laid out by the cell itself or,
    where it cannot (a term folded on two lines), rendered by rich and its row shaped as
    `Table` shapes it. Tested byte for byte against `Table`; a quarter of the time on a table
    of ~500 rows. Any other table (and any table option this does not read) is rich's to print.
    """

    def __init__(self, table: Any) -> None:
        self.table = table
        self._laid_out: dict[int, list[int] | None] = {}  # max width -> `_widths`

    def fits(self, console: Any) -> bool:
        """Tell whether the table is written here without colour and its lines are within the
        console's width: then rich's crop of every printed line to that width (a measure of
        each line, ~5 ms of a table of 600 rows) changes nothing, and it is printed uncropped.
        (With colour a styled line break would be printed as it is, where the crop writes a
        plain one.)"""
        if console.color_system is not None or console.record or not self._quick(console):
            return False
        extra = 2 + len(self.table.columns) - 1  # the edges and the dividers
        widths = self._widths(console.width - extra)
        return widths is not None and sum(widths) + extra <= console.width

    def _quick(self, console: Any) -> bool:
        t = self.table

        def unstyled(*styles: Any) -> bool:
            return not any(console.get_style(s or "") for s in styles)

        return bool(
            t.box and t.show_header and t.show_edge and not t.show_footer
            and not (t.show_lines or t.leading or t.expand or t.caption or t.row_styles)
            and t.width is None and t.min_width is None and not t.pad_edge
            and not any(t.padding) and not t.collapse_padding
            and unstyled(t.style, t.border_style)
            and all(r.style is None and not r.end_section for r in t.rows)
            and all(
                isinstance(c.header, _Cell) and unstyled(c.style, c.header_style)
                and c.width is None and all(isinstance(x, _Cell) for x in c._cells)
                for c in t.columns
            )
        )  # fmt: skip

    def _widths(self, max_width: int) -> list[int] | None:
        """Each column's width as Table works it out (`_calculate_column_widths`), or None
        when a cell is rich's to measure (or this rich lacks the steps that narrow columns);
        worked out once for each width."""
        if max_width not in self._laid_out:
            self._laid_out[max_width] = self._work_out_widths(max_width)
        return self._laid_out[max_width]

    def _work_out_widths(self, max_width: int) -> list[int] | None:
        if max_width < 1:
            return None
        columns = self.table.columns
        cells = [(column.header, *column._cells) for column in columns]
        if any(cell.plain is None for column_cells in cells for cell in column_cells):
            return None
        widths = [
            _column_width(column, column_cells, max_width) or 1
            for column, column_cells in zip(columns, cells, strict=True)
        ]
        if sum(widths) <= max_width:
            return widths
        # too wide: the wrapping columns narrowed, then all evenly, as Table does it
        try:
            from rich._ratio import ratio_reduce

            collapse = type(self.table)._collapse_widths
        except (ImportError, AttributeError):  # pragma: no cover - another rich
            return None
        wrapping = [column.width is None and not column.no_wrap for column in columns]
        widths = collapse(widths, wrapping, max_width)
        if sum(widths) > max_width:
            widths = ratio_reduce(sum(widths) - max_width, [1] * len(widths), widths, widths)
        return [
            _column_width(column, column_cells, width)
            for column, column_cells, width in zip(columns, cells, widths, strict=True)
        ]

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.segment import Segment
        from rich.style import Style

        t = self.table
        columns = t.columns
        extra = 2 + len(columns) - 1  # the edges and the dividers
        widths = self._widths(options.max_width - extra) if self._quick(console) else None
        if widths is None:
            yield t
            return
        # styles print nothing (and nothing records them): one segment a line
        plain = console.color_system is None and not console.record
        rows = self._rows(console, options, widths, plain)
        table_width = sum(widths) + extra
        render_options = options.update(width=table_width, highlight=t.highlight, height=None)
        if t.title:
            yield from console.render(t.title, render_options.update(justify=t.title_justify))
        box = t.box.substitute(options, safe=t.safe_box if t.safe_box is not None
                               else console.safe_box)  # fmt: skip
        null = Style.null()
        new_line = Segment.line()
        edges = [
            (box.head_left, box.head_right, box.head_vertical),
            (box.mid_left, box.mid_right, box.mid_vertical),
            (box.foot_left, box.foot_right, box.foot_vertical),
        ]
        yield Segment(box.get_top(widths), null)
        yield new_line
        last = len(rows) - 1
        for index, cells in enumerate(rows):
            left, right, divider = edges[0 if index == 0 else (2 if index == last else 1)]
            for line_no in range(len(cells[0])):
                if plain:
                    yield Segment(left + divider.join(cell[line_no] for cell in cells) + right)
                else:
                    yield Segment(left, null)
                    for k, cell in enumerate(cells):
                        if k:
                            yield Segment(divider, null)
                        yield from cell[line_no]
                    yield Segment(right, null)
                yield new_line
            if index == 0:
                yield Segment(box.get_row(widths, "head", edge=True), null)
                yield new_line
        yield Segment(box.get_bottom(widths), null)
        yield new_line

    def _rows(
        self, console: Any, options: Any, widths: list[int], plain: bool
    ) -> list[list[list[Any]]]:
        """Every row (the header first) as its cells' lines, as `Table` lays them out: a cell
        that lays itself out gives one line; any other is rendered by rich (a term folded on
        two lines), and then every cell of its row is shaped to the row's height (blank lines
        under a cell, over a header cell; a cell no cells wide has no lines), as `Table`
        shapes them. A line is a list of segments, or its text alone when `plain`."""
        from rich.segment import Segment
        from rich.style import Style

        t = self.table
        header_style = console.get_style(t.header_style or "")
        null = Style.null()
        specs = [
            (width, column, column.justify or "default", column.overflow or "fold")
            for column, width in zip(t.columns, widths, strict=True)
        ]
        rows = []
        for index, row in enumerate(zip(*((c.header, *c._cells) for c in t.columns), strict=True)):
            style = header_style if index == 0 else null
            cells: list[list[Any]] = []
            for item, (width, column, justify, overflow) in zip(row, specs, strict=True):
                room = width - item.left - item.right
                if item.lays_out(room, justify, overflow, column.no_wrap):
                    if plain:
                        cells.append([item.plain_line(room, justify, overflow)])
                        continue
                    line = item.line(console, room, justify, overflow)
                    cells.append([list(Segment.apply_style(line, style)) if style else line])
                    continue
                cell_options = options.update(
                    width=width, justify=column.justify, no_wrap=column.no_wrap,
                    overflow=column.overflow, height=None, highlight=column.highlight,
                )  # fmt: skip
                cells.append(console.render_lines(item, cell_options, style=style))
                if plain:
                    cells[-1] = ["".join(s.text for s in line) for line in cells[-1]]
            height = max(len(lines) for lines in cells)
            if any(len(lines) != 1 for lines in cells):
                shaped = []
                for lines, (width, column, _, _) in zip(cells, specs, strict=True):
                    if plain:
                        lines = [[Segment(line)] for line in lines]
                    by = (
                        Segment.align_bottom if index == 0 or column.vertical == "bottom"
                        else Segment.align_middle if column.vertical == "middle"
                        else Segment.align_top
                    )  # fmt: skip
                    lines = Segment.set_shape(
                        by(lines, width, height, style), width, max(1, height)
                    )
                    shaped.append(["".join(s.text for s in x) for x in lines] if plain else lines)
                cells = shaped
            rows.append(cells)
        return rows


def _column_width(column: Any, cells: Sequence[_Cell], max_width: int) -> int:
    """The maximum of Table._measure_column for a column of one-line cells: as wide as its
    widest cell, at most `max_width`, clamped to the column's own minimum and maximum."""
    if max_width < 1:
        return 0
    widest = min(max(cell.widest(max_width) for cell in cells), max_width)
    if column.min_width is not None:
        widest = max(widest, column.min_width, 0)
    if column.max_width is not None:
        widest = min(widest, column.max_width)
    return widest


def _normal(lo: int, hi: int) -> tuple[int, int]:
    """rich's Measurement.normalize: 0 <= minimum <= maximum."""
    lo = min(max(0, lo), hi)
    return max(0, lo), max(0, lo, hi)


class _Cell:
    """A table cell with its own padding (left, right spaces), for a rich `Table` without any.

    A value on one line that fits its column (most cells: a term, a count, a context), or
    that a no-wrap column cuts with an ellipsis, is laid out here as rich lays it out
    (justified, cut, padded) and measured from its plain text; anything else (wrapping,
    folding, tabs, other justifications) is handed to rich as the `Padding(Text)` that a
    padded table cell is. `text` is a str (no styles) or a rich Text (highlighted words).
    """

    __slots__ = ("text", "left", "right", "plain", "wide", "shortest")

    def __init__(
        self, text: Any, pads: tuple[int, int], *, plain: str | None = None, wide: int = 0
    ) -> None:
        self.text = text
        self.left, self.right = pads
        self.plain = plain  # None: always rendered and measured by rich
        if plain is not None and (plain != plain.strip() or _RICH_LAYOUT.search(plain)):
            # lines, tabs or spaces to collapse: rich's own wrapping; a zero-width joiner or
            # an emoji selector: rich's widths of a whole and of its pieces differ, so rich
            # lays out the cell (and the table) its own way
            self.plain = None
        self.wide = wide  # cell_len(plain)
        self.shortest = 0

    def _padded(self) -> Any:
        from rich.padding import Padding
        from rich.text import Text

        text = self.text if not isinstance(self.text, str) else Text(self.text)
        return Padding(text, (0, self.right, 0, self.left))

    def __rich_measure__(self, console: Any, options: Any) -> Any:
        from rich.measure import Measurement

        if self.plain is None:
            return Measurement.get(console, options, self._padded())
        return Measurement(*self._span(options.max_width))

    def _span(self, max_width: int) -> tuple[int, int]:
        """Padding.__rich_measure__ around Text.__rich_measure__, for a text of one line: the
        (minimum, maximum) cells it takes at most `max_width` wide."""
        extra = self.left + self.right
        if max_width - extra < 1:
            return max_width, max_width
        if not self.shortest and self.wide:
            self.shortest = max(cells(w) for w in self.plain.split())  # type: ignore[union-attr]
        lo, hi = _normal(self.shortest, self.wide)
        lo, hi = min(lo, max_width), min(hi, max_width)
        lo, hi = (0, 0) if hi < 1 else _normal(lo, hi)
        return min(lo + extra, max_width), min(hi + extra, max_width)

    def widest(self, max_width: int) -> int:
        """The maximum of what rich's Measurement.get makes of the cell `max_width` wide (one
        line only): the cells it takes laid out on one line, padding included."""
        extra = self.left + self.right
        if max_width - extra < 1:
            return max(max_width, 0)
        wide = min(self.wide, max_width)
        return min((wide if wide >= 1 else 0) + extra, max_width)

    def plain_line(self, room: int, justify: str, overflow: str) -> str:
        """The text of `line`, without its styles (what a console without colour prints)."""
        plain = self.plain
        assert plain is not None
        spaces = room - self.wide
        if spaces >= 0:
            body = " " * spaces + plain if justify == "right" else plain + " " * spaces
        elif overflow == "ellipsis":  # cut (lays_out: never right-justified)
            body = cut_with_ellipsis(plain, room)
            body += " " * (room - cells(body))
        else:
            from rich.text import Text

            line = Text(plain)
            line.truncate(room, overflow=overflow)  # type: ignore[arg-type]
            body = line.plain + " " * (room - cells(line.plain))
        return " " * self.left + body + " " * self.right

    def lays_out(self, room: int, justify: str, overflow: str, no_wrap: bool) -> bool:
        """Tell whether this cell lays itself out in `room` cells (inside its padding) with a
        column's justification and overflow: a one-line value that fits, or that a no-wrap
        column cuts with an ellipsis (a context); anything else is rich's to lay out."""
        return not (
            self.plain is None or room < 1
            or justify not in ("default", "left", "right")
            or (self.wide > room and not (no_wrap and overflow == "ellipsis"
                                          and justify != "right"))
        )  # fmt: skip

    def line(self, console: Any, room: int, justify: str, overflow: str) -> list[Any]:
        """The segments of the cell's one line, padding included, `room` + padding cells wide
        (when `lays_out`): what Text.wrap and Lines.justify make of one line, cut to the room
        or padded to it (justified "default", the line is left as it is and padded after, as
        render_lines does), inside Padding's spaces."""
        from rich.segment import Segment

        plain = self.plain
        assert plain is not None
        style = console.get_style("none")  # Padding's style
        out: list[Any] = []
        if self.left:
            out.append(Segment(" " * self.left, style))
        spaces = room - self.wide
        if isinstance(self.text, str) and spaces >= 0:  # fits: Text.render of a plain text
            if justify == "right":
                out.append(Segment(" " * spaces + plain))
            elif justify == "left":
                out.append(Segment(plain + " " * spaces))
            else:
                out.append(Segment(plain))
                if spaces:
                    out.append(Segment(" " * spaces, style))
        else:
            from rich.cells import cell_len
            from rich.text import Text

            line = Text(plain) if isinstance(self.text, str) else self.text.copy()
            if justify == "right":
                line.pad_left(spaces)
            else:
                line.truncate(room, overflow=overflow, pad=justify == "left")  # type: ignore[arg-type]
            out.extend(line.render(console))
            spaces = room - cell_len(line.plain) if justify == "default" else 0
            if spaces > 0:
                out.append(Segment(" " * spaces, style))
        if self.right:
            out.append(Segment(" " * self.right, style))
        return out

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.segment import Segment

        room = options.max_width - self.left - self.right
        justify = options.justify or "default"
        overflow = options.overflow or "fold"
        if not self.lays_out(room, justify, overflow, options.no_wrap):
            yield from console.render(self._padded(), options)
            return
        yield from self.line(console, room, justify, overflow)
        yield Segment.line()


CHART_MIN = 8  # a sparkline is drawn with this many marks at least, however narrow the table
CONTEXT_MIN = 12  # a context column is this many cells at least (else it is left out or cut)
FOLD_FLOOR = 8  # a term column folds at this many cells at the least (four Han characters)


def _fitted_charts(
    values: list[list[str]], columns: Sequence[Column], charts: list[int], width: int
) -> list[list[str]]:
    """The rows with their sparklines drawn as wide as the table leaves room for: beside the
    other columns at their widths (a context column at 12 cells), each chart gets its share of
    what is left (`CHART_MIN` at least), drawn with fewer marks rather than cut from the right
    (a rising term's recent end)."""
    from rich.cells import cell_len

    others = sum(
        CONTEXT_MIN if c.kind == "context"
        else max(cell_len(inert(c.header)), *(cell_len(r[i]) for r in values))
        for i, c in enumerate(columns) if i not in charts
    ) if values else 0
    room = (width - others - _frame(len(columns))) // len(charts)
    fit = max(CHART_MIN, room)
    return [
        [narrower_sparkline(v, fit) if i in charts else v for i, v in enumerate(r)] for r in values
    ]


def _context_room(columns: Sequence[Column], room: int) -> int:
    """The width each context column may take of `room` cells: an equal share, where a column
    capped below its share (`max_width`: refers to, or a set's items) leaves the rest of it to the
    others; 12 at least."""
    context = [c for c in columns if c.kind == "context"]
    if not context:
        return max(CONTEXT_MIN, room)
    capped: list[Column] = []
    while True:
        free = len(context) - len(capped)
        each = (room - sum(c.max_width or 0 for c in capped)) // max(1, free)
        more = [c for c in context if c not in capped and c.max_width and c.max_width < each]
        if not more or free == len(more):
            return max(CONTEXT_MIN, each)
        capped += more


def _frame(columns: int) -> int:
    """The cells a table of `columns` columns takes besides its columns' text: its two edges,
    the rules between columns and a cell of padding on either side of each rule (none at the
    edges: rich's `Table._extra_width` and the cells' own padding)."""
    return 3 * columns - 1


def _fold_width(terms: Sequence[tuple[int, int]], room: int, fold_at: int) -> int:
    """The widest fold (at most `fold_at`, at least FOLD_FLOOR) at which term columns of these
    (width, cap) fit `room` cells, each at min(width, cap, fold)."""
    for fold in range(fold_at, FOLD_FLOOR - 1, -1):
        if sum(min(w, cap, fold) for w, cap in terms) <= room:
            return fold
    return FOLD_FLOOR


def _fitting_columns(sec: Section, width: int) -> list[Column]:
    """The columns of a section that a terminal `width` columns wide can hold: optional ones go,
    lowest rank first (the rightmost of a rank first), while the columns at their least widths
    (a context column 12 cells) would not fit. Cells measured by `cells`: rich's number without
    its lookup a character (a table of 600 rows: ~4 ms)."""
    columns = list(sec.columns)
    while any(c.optional for c in columns):
        need = sum(
            CONTEXT_MIN if c.kind == "context" else CHART_MIN if c.kind == "chart" else min(
                max([cells(c.header), *(cells(cell(r.get(c.key))) for r in sec.rows)]),
                c.max_width or max(12, width * 3 // 10),
            )
            for c in columns
        ) + _frame(len(columns))
        if need <= width:
            break
        rank = min(c.optional for c in columns if c.optional)
        columns.remove(next(c for c in reversed(columns) if c.optional == rank))
    return columns


# -- the one-screen brief of `policy summary` -------------------------------------------------
BRIEF_LINES = 40  # the brief fits a terminal of this many lines (at any width from 80 columns)
BRIEF_TARGETS = 16  # targets on screen (the headline set of a work report), two to a line
BRIEF_PEOPLE_LINES = 2  # lines of people on screen, then one line of organisations
BRIEF_LIST_LINES = 2  # lines of key terms, and of formulations, on screen
BRIEF_SENTENCE_LINES = 2  # a key sentence is cut (with …) after this many lines on screen


def _grouped_people(people: Sequence[Person]) -> list[Person]:
    """Join people named once with the same titles ("朱红丹、梅建胜 — 区四套班子领导")."""
    out: list[Person] = []
    groups: dict[tuple[str, ...], int] = {}  # titles -> index in out
    for p in people:
        if p.titles and p.count == 1 and p.titles in groups:
            k = groups[p.titles]
            out[k] = replace(out[k], name=out[k].name + "、" + p.name)
            continue
        out.append(p)
        if p.titles and p.count == 1:
            groups[p.titles] = len(out) - 1
    return out


def _wrap_cells(text: str, width: int, lines: int | None) -> list[str]:
    """Wrap text to lines of at most `width` terminal cells; keep `lines`, ending … when cut."""
    from rich.cells import cell_len

    out: list[str] = []
    line: list[str] = []
    used = 0
    for ch in text.replace("\n", " "):
        w = cell_len(ch)
        if used + w > width:
            carried = _carried(line, ch)
            if sum(cell_len(c) for c in line[len(line) - carried :]) + w > width:
                carried = 0  # (what goes on must fit the next line with `ch`)
            out.append("".join(line[: len(line) - carried]))
            line = line[len(line) - carried :]
            used = sum(cell_len(c) for c in line)
        line.append(ch)
        used += w
    if line:
        out.append("".join(line))
    if lines is not None and len(out) > lines:
        out = out[:lines]
        last = out[-1]
        while last and cell_len(last) + 1 > width:
            last = last[:-1]
        out[-1] = last + "…"
    return out


# what a line of Chinese does not open with (a mark that closes or follows: ，。、）” %), and the
# characters of a number a line does not cut (53|365.53亿元 reads as 53)
NO_LINE_START = "，。、；：？！）」』”’》〉】%％,.;:?!)"
NUMBER_CHARS = "0123456789.,"
WRAP_CARRY_MAX = 12  # characters carried to the next line at most (a long number is cut)


def _carried(line: list[str], ch: str) -> int:
    """How many characters at the end of a full line go on to the next with `ch`: the number
    `ch` goes on (its digits before it), or the one character before a mark that opens no line."""
    carried = 0
    if ch in NUMBER_CHARS or ch in NO_LINE_START:
        # the number before `ch` (5.5|%, 53365|，), else the one character before a mark
        while carried < len(line) and line[len(line) - 1 - carried] in NUMBER_CHARS:
            carried += 1
        if not carried and ch in NO_LINE_START and line:
            carried = 1
    return carried if 0 < carried <= WRAP_CARRY_MAX and carried < len(line) else 0


def _wrap_items(items: Sequence[str], width: int, lines: int | None, sep: str = " · ") -> list[str]:
    """Lay out list items on lines of `width` cells without breaking an item that fits a line."""
    from rich.cells import cell_len

    out: list[str] = []
    line = ""
    for item in (inert(i) for i in items):
        joined = f"{line}{sep}{item}" if line else item
        if cell_len(joined) <= width:
            line = joined
            continue
        if line:
            out.append(line + sep.rstrip() if cell_len(line + sep.rstrip()) <= width else line)
        pieces = _wrap_cells(item, width, None)  # an item longer than a line
        out += pieces[:-1]
        line = pieces[-1] if pieces else ""
    if line:
        out.append(line)
    if lines is not None and len(out) > lines:
        out = out[:lines]
        last = out[-1].rstrip(" ·")
        while last and cell_len(last) + 2 > width:
            last = last[:-1]
        out[-1] = last + " …"
    return out


def _target_rows(targets: list[Target], width: int) -> list[str]:
    """Targets as "indicator  value" lines, two to a line where both fit half the width."""
    from rich.cells import cell_len

    half = (width - 3) // 2
    names = [inert(t.indicator) for t in targets]
    col = min(max(cell_len(n) for n in names), width // 3)
    items = []
    for name, t in zip(names, targets, strict=True):
        name = _cut_cells(name, col)
        items.append(f"{name}{' ' * (col - cell_len(name))}  {target_value(t)}")
    rows: list[str] = []
    k = 0
    while k < len(items):
        left = items[k]
        right = items[k + 1] if k + 1 < len(items) else None
        if right is not None and cell_len(left) <= half and cell_len(right) <= half:
            rows.append(f"{left}{' ' * (half - cell_len(left))} │ {right}")
            k += 2
        else:
            rows.append(_cut_cells(left, width))
            k += 1
    return rows


def print_brief(summary: Summary, *, console: Any, full: bool = False) -> None:
    """Print a summary on a terminal.

    By default it fits one screen: at most `BRIEF_LINES` lines at the console's width (80
    columns or more): a few lines of key terms and formulations, the headline targets, people
    on two lines, key sentences cut after two lines. With `full`, every section is printed
    whole.
    """
    brief = _Brief(console, full)
    brief.head(summary)
    limit = None if full else BRIEF_LIST_LINES
    brief.block("Keywords", _wrap_items(keyword_items(summary), brief.width, limit))
    brief.block("Formulations", _wrap_items(formulation_items(summary), brief.width, limit))
    brief.targets(summary)
    brief.people(summary)
    brief.sentences(summary)
    brief.warnings(summary)


class _Brief:
    """The sections of a brief on a console, counting the lines used (to fit one screen)."""

    def __init__(self, console: Any, full: bool) -> None:
        self.console = console
        self.full = full
        self.width = max(40, console.width)
        self.used = 0

    def line(self, text: str) -> None:
        from rich.text import Text

        self.console.print(Text(text), no_wrap=True, crop=True)

    def title(self, label: str) -> None:
        from rich.text import Text

        self.console.print(Text(label, style="bold"))

    def head(self, summary: Summary) -> None:
        """The panel: title, source, date, type, who, place, size."""
        from rich import box
        from rich.panel import Panel
        from rich.table import Table
        from rich.text import Text

        head = Table.grid(padding=(0, 1))
        facts = brief_facts(summary)
        head.add_column(style="bold", no_wrap=True, min_width=max(
            (len(label) for label, _ in [("title", ""), *facts]), default=0
        ))
        if self.full:
            head.add_column(overflow="fold")
        else:
            head.add_column(overflow="ellipsis", no_wrap=True)
        title = inert(summary.header.title or summary.source or "")
        # a border holds a title of the panel's width less its corners and spaces: a longer
        # title ends in … there (and --full gives it whole as the first fact); a longer path
        # keeps its end, the file's name
        room = self.width - PANEL_TITLE_MARGIN
        shown = _cut_cells(title, room)
        if shown != title and self.full:
            facts = [("title", title), *facts]
        for label, value in facts:
            head.add_row(Text(label), Text(value))
        source = inert(summary.source or "")
        self.console.print(
            Panel(head, title=Text(shown, style="bold"), title_align="left", box=box.ROUNDED,
                  subtitle=Text(_cut_cells_from_start(source, room)), subtitle_align="right")
        )
        self.used += len(facts) + 2

    def block(self, label: str, lines: list[str], *, limit: int | None = None) -> None:
        """A titled block of lines, cut to `limit` lines unless the brief is full."""
        self.title(label)
        body = [
            x for line in lines for x in _wrap_cells(line, self.width, None if self.full else limit)
        ]
        if not self.full and limit is not None:
            body = body[:limit]
        for line in body or ["(none)"]:
            self.line(line)
        self.used += 1 + max(1, len(body))

    def targets(self, summary: Summary) -> None:
        """The headline targets: two to a line, or a whole table when full."""
        from rich import box
        from rich.table import Table
        from rich.text import Text

        shown, more = brief_targets(summary, None if self.full else BRIEF_TARGETS)
        if not shown:
            self.block("Targets", ["(none stated)"])
            return
        if self.full:
            table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, padding=(0, 1))
            table.add_column("indicator", overflow="fold", ratio=3)
            table.add_column("target", overflow="fold", ratio=3)
            table.add_column("number", justify="right", no_wrap=True)
            table.add_column("unit", no_wrap=True)
            table.add_column("modifier", no_wrap=True)
            table.add_column("year", no_wrap=True)
            for t in shown:
                table.add_row(
                    Text(target_name(t)), Text(target_value(t)), Text(target_numbers(t)),
                    Text(inert(t.unit or "")), Text(target_modifier(t)),
                    Text(str(t.year or "")),
                )
            self.title("Targets")
            self.console.print(table)
            return
        rows = _target_rows(shown, self.width)
        if more:
            rows.append(f"+{more} more targets (--full, or --format json/markdown)")
        self.title("Targets")
        for row in rows:
            self.line(row)
        self.used += 1 + len(rows)

    def people(self, summary: Summary) -> None:
        """People with their titles (named once with the same titles: on one line), then the
        organisations."""
        people = _grouped_people(summary.people)
        orgs = list(summary.organizations)
        if self.full:
            lines = [person_line(p) for p in people] or ["(none named)"]
            if orgs:
                lines.append("organisations: " + joined(orgs, "、"))
        else:
            lines = _wrap_items(
                [person_line(p) for p in people] or ["(none named)"], self.width,
                BRIEF_PEOPLE_LINES,
            )
            if orgs:
                lines += _wrap_cells("organisations: " + joined(orgs, "、"), self.width, 1)
        self.block("People", lines)

    def sentences(self, summary: Summary) -> None:
        """The key sentences, numbered, each cut to the lines the screen has left."""
        from rich.text import Text

        sentences = summary.key_sentences
        # the lines left once the warnings' lines are kept (none where there are none)
        room = max(len(sentences), BRIEF_LINES - self.used - 1 - _warning_lines(summary))
        texts = [inert(s.text) for s in sentences]
        leads = [f"{i}. " for i in range(1, len(texts) + 1)]
        lines = _share_lines(
            [len(_wrap_cells(t, self.width - len(lead), None)) for t, lead in zip(texts, leads, strict=True)],
            room,
        )
        self.title("Key sentences")
        if not sentences:
            self.console.print(Text("(none)"))
        for text, lead, per in zip(texts, leads, lines, strict=True):
            body = _wrap_cells(text, self.width - len(lead), None if self.full else per)
            for k, line in enumerate(body):
                self.line((lead if k == 0 else " " * len(lead)) + line)

    def warnings(self, summary: Summary) -> None:
        """What the loader did and removed: every span when full or only one, else a count."""
        from rich.text import Text

        warnings, notes = summary.warnings, summary.notes
        if warnings or notes:
            self.title("Warnings")
            for note in notes:
                self.line(_cut_cells(inert(note), self.width))
        if not warnings:
            return
        if self.full or len(warnings) == 1:
            for w in warnings:
                line = f"removed {inert(w.reason)}: " + inert(w.text).replace("\n", " ")
                self.console.print(Text(line if self.full else _cut_cells(line, self.width)),
                                   no_wrap=not self.full, crop=not self.full)
        else:
            reasons = sorted({inert(w.reason) for w in warnings})
            self.line(_cut_cells(
                f"removed {len(warnings)} spans as noise ({', '.join(reasons)}): --full lists them",
                self.width,
            ))


def _warning_lines(summary: Summary) -> int:
    """The lines the brief's warnings take (`_Brief.warnings`): a title, a line a note, and one
    line for what was removed (each span where there is one)."""
    if not summary.warnings and not summary.notes:
        return 0
    return 1 + len(summary.notes) + (1 if summary.warnings else 0)


def _share_lines(needs: list[int], room: int) -> list[int]:
    """Lines for each key sentence out of `room`: one each, then one more in turn to those
    that need more, up to BRIEF_SENTENCE_LINES (a short sentence leaves its share to the
    others)."""
    out = [1] * len(needs)
    left = room - len(needs)
    while left > 0:
        grown = False
        for i, need in enumerate(needs):
            if left > 0 and out[i] < min(need, BRIEF_SENTENCE_LINES):
                out[i] += 1
                left -= 1
                grown = True
        if not grown:
            break
    return out


PANEL_TITLE_MARGIN = 6  # a panel's border around its title: corners, a rule and spaces


def _cut_cells_from_start(text: str, cells: int) -> str:
    """Cut text to at most `cells` terminal cells from its start, opening with … when cut (a
    path keeps its file's name)."""
    from rich.cells import cell_len

    if cell_len(text) <= cells:
        return text
    return "…" + _cut_cells(text[::-1], cells)[:-1][::-1]


def _cut_cells(text: str, cells: int) -> str:
    """Cut text to at most `cells` terminal cells, ending with … when cut."""
    from rich.cells import cell_len

    if cell_len(text) <= cells:
        return text
    out, used = [], 0
    for ch in text:
        w = cell_len(ch)
        if used + w > cells - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


# --------------------------------------------------------------------------- progress


class ProgressBar:
    """A rich progress bar on stderr, fed by the core's progress callback (tty only).

    Called as bar(stage, done, total): one bar per stage, redrawn at most every 80 ms (and at
    the end of a stage). Nothing is drawn when stderr is not a terminal.
    """

    def __init__(self) -> None:
        self.progress: Any = None
        self.tasks: dict[str, Any] = {}
        self.last = 0.0

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        import time

        if self.progress is None:
            if not sys.stderr.isatty():
                return
            self.progress = _progress()
            self.progress.start()
        if stage not in self.tasks:
            self.tasks[stage] = self.progress.add_task(stage, total=total)
        self.progress.update(self.tasks[stage], completed=done, total=total)
        now = time.monotonic()
        if now - self.last > 0.08 or (total is not None and done >= total):
            self.last = now
            self.progress.refresh()

    def close(self) -> None:
        """Take the bar off the terminal (safe to call when none was drawn)."""
        if self.progress is not None:
            self.progress.stop()
            self.progress = None


def _progress() -> Any:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    console = Console(file=sys.stderr, no_color=bool(os.environ.get("NO_COLOR")))
    # no refresh thread: the core may fork worker processes while the bar is shown
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=True, auto_refresh=False,
    )  # fmt: skip


# --------------------------------------------------------------------------- plots

_CJK_FONTS = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei", "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC",
    "AR PL UMing CN", "Droid Sans Fallback",
)  # fmt: skip
PLOT_SERIES = 6  # rising (and falling) terms drawn when no terms were asked


def check_plot_available() -> None:
    """Refuse a plot at once when matplotlib is not installed.

    Raises:
        UsageError: matplotlib is missing.
    """
    from policy_cli.errors import UsageError

    try:
        import matplotlib  # noqa: F401
    except ImportError as exc:
        raise UsageError(
            "--plot needs matplotlib, which is not installed: pip install 'policy-cli[plot]'"
        ) from exc


def _plain_label(text: str) -> str:
    """A document's words as a plot label: shown as written, a $ no start of matplotlib's math
    markup (推进“$\\bad$工程”建设 made the drawing fail; $x^2$ was drawn as math)."""
    return text.replace("$", r"\$")


def plot_png(result: Trend, *, name: str = "plot") -> tuple[bytes, bool]:
    """Draw a trend's rates per period as lines, as a PNG image (matplotlib).

    Returns:
        The image, and whether a font with Chinese glyphs was found (without one, labels
        show as boxes).

    Raises:
        OutputError: matplotlib cannot draw it (`name` is the file named in the message).
    """
    import io
    import warnings

    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt

    from policy_cli.errors import OutputError

    installed = {f.name for f in font_manager.fontManager.ttflist}
    fonts = [f for f in _CJK_FONTS if f in installed]
    if fonts:
        plt.rcParams["font.sans-serif"] = fonts + list(plt.rcParams["font.sans-serif"])
    labels = [_plain_label(p.label) for p in result.periods]
    years = [p.year for p in result.periods]
    x: list[Any] = years if result.by == "year" and None not in years else list(range(len(labels)))
    groups = [("Occurrences per 10,000 characters", result.terms)] if result.terms else [
        ("Rising", result.rising[:PLOT_SERIES]), ("Falling", result.falling[:PLOT_SERIES]),
    ]  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # missing CJK glyphs are drawn as boxes, not errors
        fig, axes = plt.subplots(len(groups), 1, figsize=(10, 4 * len(groups)), squeeze=False)
        for ax, (title, series) in zip(axes[:, 0], groups, strict=True):
            for s in series:
                ax.plot(x, s.rates, marker="o", markersize=3, label=_plain_label(s.term))
            ax.set_title(title)
            ax.set_ylabel("per 10,000 characters")
            if x is not years:
                ax.set_xticks(x, labels, rotation=60, ha="right", fontsize=7)
            ax.legend(fontsize=8)
        fig.tight_layout()
        buf = io.BytesIO()
        try:
            fig.savefig(buf, format="png", dpi=120)
        except (OSError, ValueError) as exc:
            raise OutputError(f"{name}: cannot draw the plot ({exc})") from exc
        finally:
            plt.close(fig)
    return buf.getvalue(), bool(fonts)
