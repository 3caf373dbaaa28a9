"""Output: rich tables for a terminal, and JSON / CSV / Markdown writers for pipelines.

This is the only module that imports rich, and it does so lazily so that machine formats
do not pay for it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

OUTPUT_FORMATS = ("table", "json", "csv", "markdown")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def inert(text: object) -> str:
    """Strip terminal control characters so that document text cannot drive the terminal."""
    return _CONTROL.sub("", str(text))


@dataclass(frozen=True)
class Column:
    """A column of a result table."""

    key: str
    header: str
    justify: Literal["left", "center", "right"] = "left"
    kind: str = "term"  # term (never truncated) | number | context (truncated to fit)
    max_width: int | None = None
    highlight: str | None = None  # row key of a list of words to emphasise in this column


@dataclass(frozen=True)
class Section:
    """A titled table of rows (dicts keyed by column key)."""

    title: str
    columns: Sequence[Column]
    rows: Sequence[dict[str, Any]]
    empty: str = "(none)"


def to_json(obj: Any) -> str:
    """Serialise to JSON: UTF-8 text, stable key order as given, newline-terminated."""
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, list | tuple):
        return "、".join(inert(v) for v in value)
    return inert(value)


def to_csv(section: Section) -> str:
    """Render one section as CSV (header row first)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([c.key for c in section.columns])
    for row in section.rows:
        writer.writerow([_cell(row.get(c.key)) for c in section.columns])
    return buf.getvalue()


def _md_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _words(row: dict[str, Any], column: Column) -> list[str]:
    """The words to emphasise in a cell (the column's `highlight` list), longest first."""
    if not column.highlight:
        return []
    words = row.get(column.highlight) or []
    return sorted({inert(w) for w in words if w}, key=lambda w: (-len(w), w))


def _md_highlight(text: str, words: Sequence[str]) -> str:
    if not words:
        return text
    pattern = re.compile("|".join(re.escape(_md_escape(w)) for w in words))
    return pattern.sub(lambda m: f"**{m.group()}**", text)


def to_markdown(sections: Sequence[Section], *, title: str | None = None, preface: Sequence[str] = ()) -> str:
    """Render sections as a Markdown document with pipe tables."""
    out: list[str] = []
    if title:
        out += [f"# {_md_escape(inert(title))}", ""]
    for line in preface:
        out.append(_md_escape(inert(line)) + "  ")
    if preface:
        out.append("")
    for sec in sections:
        out += [f"## {sec.title}", ""]
        if not sec.rows:
            out += [sec.empty, ""]
            continue
        out.append("| " + " | ".join(c.header for c in sec.columns) + " |")
        out.append(
            "| " + " | ".join("---:" if c.justify == "right" else "---" for c in sec.columns) + " |"
        )
        for row in sec.rows:
            out.append(
                "| "
                + " | ".join(
                    _md_highlight(_md_escape(_cell(row.get(c.key))), _words(row, c))
                    for c in sec.columns
                )
                + " |"
            )
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def make_console(*, file: Any = None, width: int | None = None) -> Any:
    """A rich console that respects NO_COLOR and a non-tty stream."""
    from rich.console import Console

    stream = file if file is not None else sys.stdout
    is_tty = hasattr(stream, "isatty") and stream.isatty()
    if width is None and not is_tty:
        width = int(os.environ.get("COLUMNS", "100") or 100)
    return Console(
        file=stream,
        width=width,
        no_color=bool(os.environ.get("NO_COLOR")) or not is_tty,
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
    from rich import box
    from rich.cells import cell_len
    from rich.table import Table
    from rich.text import Text

    if title or preface:
        head = Table.grid(padding=(0, 1))
        head.add_column(style="bold", no_wrap=True)
        head.add_column(overflow="fold")
        if title:
            head.add_row(Text(""), Text(inert(title), style="bold"))
        for label, value in preface:
            head.add_row(Text(inert(label)), Text(inert(value)))
        console.print(head)
    for sec in sections:
        table = Table(
            title=Text(sec.title, style="bold"),
            title_justify="left",
            box=box.SIMPLE_HEAD,
            pad_edge=False,
            expand=False,
        )
        cells = [[_cell(row.get(c.key)) for c in sec.columns] for row in sec.rows]
        widths = [
            max([cell_len(c.header), *(cell_len(r[i]) for r in cells)])
            for i, c in enumerate(sec.columns)
        ]
        fixed = sum(w for w, c in zip(widths, sec.columns, strict=True) if c.kind != "context")
        n_context = sum(1 for c in sec.columns if c.kind == "context") or 1
        spare = max(12, (console.width - fixed - 2 * len(sec.columns)) // n_context)
        for c, width in zip(sec.columns, widths, strict=True):
            if c.kind == "context":
                table.add_column(
                    c.header, overflow="ellipsis", no_wrap=True,
                    max_width=min(spare, c.max_width or spare),
                )
            elif c.kind == "number":
                table.add_column(c.header, justify="right", no_wrap=True)
            else:
                # the term is never truncated: it keeps its full width, up to a sane cap
                cap = c.max_width or max(12, console.width // 2)
                table.add_column(
                    c.header, justify=c.justify, overflow="fold",
                    min_width=min(width, cap), max_width=cap,
                )
        if not sec.rows:
            console.print(Text(sec.title, style="bold"))
            console.print(Text(f"  {sec.empty}"))
            continue
        for r, row in zip(cells, sec.rows, strict=True):
            texts = [Text(v) for v in r]
            for t, c in zip(texts, sec.columns, strict=True):
                words = _words(row, c)
                if words:
                    t.highlight_words(words, style="bold reverse")
            table.add_row(*texts)
        console.print(table)


def write_atomic(path: str, content: str) -> None:
    """Write `content` to `path` whole or not at all (temp file + rename)."""
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".policy-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(content)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
