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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

OUTPUT_FORMATS = ("table", "json", "csv", "markdown")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")  # a file name's undecodable bytes (surrogateescape)
# what json.dumps(ensure_ascii=False) leaves raw but a terminal obeys or cannot print: DEL and
# the C1 controls (0x9b is a one-byte CSI), and lone surrogates
_JSON_RAW = re.compile("[\x7f-\x9f\ud800-\udfff]")


def inert(text: object) -> str:
    """Strip terminal control characters so that document text cannot drive the terminal.

    ESC, OSC/CSI introducers (C0 and C1) and DEL are dropped, so an escape sequence is shown
    as its harmless remaining characters; a lone surrogate (an undecodable byte of a file
    name) becomes U+FFFD, which every terminal can print.
    """
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", str(text)))


@dataclass(frozen=True)
class Column:
    """A column of a result table."""

    key: str
    header: str
    justify: Literal["left", "center", "right"] = "left"
    kind: str = "term"  # term (never truncated) | number | context (truncated to fit)
    max_width: int | None = None
    highlight: str | None = None  # row key of a list of words to emphasise in this column
    optional: bool = False  # left out of a terminal table too narrow to hold it (kept in files)


@dataclass(frozen=True)
class Section:
    """A titled table of rows (dicts keyed by column key).

    `layout` "inline" prints the rows as one wrapped line of items (the first column of each
    row, joined by " · "): a list of short terms reads better so than as a tall table.
    """

    title: str
    columns: Sequence[Column]
    rows: Sequence[dict[str, Any]]
    empty: str = "(none)"
    layout: Literal["table", "inline"] = "table"


def to_json(obj: Any) -> str:
    """Serialise to JSON: UTF-8 text, stable key order as given, newline-terminated."""
    text = json.dumps(obj, ensure_ascii=False, indent=2) + "\n"
    # json escapes C0 controls itself; DEL, C1 and lone surrogates only appear inside strings
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def to_jsonl(rows: Sequence[dict[str, Any]]) -> str:
    """Serialise rows as JSON lines: one compact object a line, keys in the order given."""
    lines = (json.dumps(row, ensure_ascii=False, separators=(",", ":")) for row in rows)
    text = "".join(f"{line}\n" for line in lines)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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
    writer.writerow([inert(c.key) for c in section.columns])
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


INLINE_SEPARATOR = " · "


def _inline(section: Section, row: dict[str, Any]) -> str:
    """The item an inline section shows for a row: its first column."""
    return _cell(row.get(section.columns[0].key)) if section.columns else ""


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
        out += [f"## {_md_escape(inert(sec.title))}", ""]
        if not sec.rows:
            out += [inert(sec.empty), ""]
            continue
        if sec.layout == "inline":
            out += [INLINE_SEPARATOR.join(_md_escape(_inline(sec, row)) for row in sec.rows), ""]
            continue
        out.append("| " + " | ".join(_md_escape(inert(c.header)) for c in sec.columns) + " |")
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


@lru_cache(maxsize=1)
def _console_class() -> Any:
    from rich.console import Console

    class PipeConsole(Console):
        """A console that lets a closed pipe reach the CLI's handler (rich would exit 1)."""

        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError(32, "the reader of the output went away")

    return PipeConsole


def make_console(*, file: Any = None, width: int | None = None) -> Any:
    """A rich console that respects NO_COLOR and a non-tty stream."""
    stream = file if file is not None else sys.stdout
    is_tty = hasattr(stream, "isatty") and stream.isatty()
    if width is None and not is_tty:
        width = int(os.environ.get("COLUMNS", "100") or 100)
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
    from rich import box
    from rich.cells import cell_len
    from rich.padding import Padding
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
        if sec.layout == "inline":
            console.print(Text(inert(sec.title), style="bold"))
            items = INLINE_SEPARATOR.join(_inline(sec, row) for row in sec.rows)
            console.print(Padding(Text(items or inert(sec.empty), overflow="fold"), (0, 0, 0, 2)))
            continue
        table = Table(
            title=Text(inert(sec.title), style="bold"),
            title_justify="left",
            box=box.SIMPLE_HEAD,
            pad_edge=False,
            expand=False,
        )
        columns = _fitting_columns(sec, console.width)
        cells = [[_cell(row.get(c.key)) for c in columns] for row in sec.rows]
        widths = [
            max([cell_len(inert(c.header)), *(cell_len(r[i]) for r in cells)])
            for i, c in enumerate(columns)
        ]
        fixed = sum(w for w, c in zip(widths, columns, strict=True) if c.kind != "context")
        n_context = sum(1 for c in columns if c.kind == "context") or 1
        spare = max(12, (console.width - fixed - 2 * len(columns)) // n_context)
        for c, width in zip(columns, widths, strict=True):
            if c.kind == "context":
                table.add_column(
                    inert(c.header), overflow="ellipsis", no_wrap=True,
                    max_width=min(spare, c.max_width or spare),
                )
            elif c.kind == "number":
                table.add_column(inert(c.header), justify="right", no_wrap=True)
            else:
                # the term is never truncated: it keeps its full width, up to a sane cap
                # (a smaller one beside a context column, which must keep room to be useful)
                share = 3 if any(x.kind == "context" for x in columns) else 4
                cap = c.max_width or max(12, console.width * share // 10)
                table.add_column(
                    inert(c.header), justify=c.justify, overflow="fold",
                    min_width=min(width, cap), max_width=cap,
                )
        if not sec.rows:
            console.print(Text(inert(sec.title), style="bold"))
            console.print(Text(f"  {inert(sec.empty)}"))
            continue
        for r, row in zip(cells, sec.rows, strict=True):
            texts = [Text(v) for v in r]
            for t, c in zip(texts, columns, strict=True):
                words = _words(row, c)
                if words:
                    t.highlight_words(words, style="bold reverse")
            table.add_row(*texts)
        console.print(table)


def _fitting_columns(sec: Section, width: int) -> list[Column]:
    """The columns of a section that a terminal `width` columns wide can hold: optional ones go
    first when the fixed columns and a usable context column (12 cells each) would not fit."""
    from rich.cells import cell_len

    columns = list(sec.columns)
    while any(c.optional for c in columns):
        need = sum(
            12 if c.kind == "context" else min(
                max([cell_len(c.header), *(cell_len(_cell(r.get(c.key))) for r in sec.rows)]),
                c.max_width or max(12, width * 3 // 10),
            )
            for c in columns
        ) + 2 * len(columns)
        if need <= width:
            break
        columns.remove(next(c for c in reversed(columns) if c.optional))
    return columns


# -- the one-screen brief of `policy summary` -------------------------------------------------
BRIEF_LINES = 40  # the brief fits a terminal of this many lines (at any width from 80 columns)
BRIEF_TARGETS = 16  # targets on screen (the headline set of a work report), two to a line
BRIEF_PEOPLE_LINES = 2  # lines of people on screen, then one line of organisations
BRIEF_LIST_LINES = 2  # lines of key terms, and of formulations, on screen
BRIEF_SENTENCE_LINES = 2  # a key sentence is cut (with …) after this many lines on screen


def _brief_targets(brief: dict[str, Any], limit: int | None) -> tuple[list[dict[str, Any]], int]:
    """The targets worth showing: headline ones first; and how many more there are."""
    targets = list(brief.get("targets") or [])
    core = [t for t in targets if t.get("core")]
    shown = core or [t for t in targets if not t.get("period")] or targets
    if limit is not None and len(shown) > limit:
        shown = shown[:limit]
    return shown, len(targets) - len(shown)


def _target_name(t: dict[str, Any]) -> str:
    """The indicator as written, and the shared name when it differs (经济增长 → 国内生产总值增长)."""
    name, canonical = inert(t.get("indicator") or ""), inert(t.get("canonical") or "")
    return f"{name}（{canonical}）" if canonical and canonical != name else name


def target_numbers(t: dict[str, Any]) -> str:
    """The numbers of a target value: "5.5", "5.0–5.5" for a range, "30、5" for a list."""
    numbers = [str(n) for n in t.get("numbers") or []]
    if len(numbers) == 2 and t.get("modifier") == "区间":
        return "–".join(numbers)
    return "、".join(numbers)


def _target_modifier(t: dict[str, Any]) -> str:
    arrow = {"up": "↑", "down": "↓"}.get(t.get("direction") or "", "")
    return arrow + inert(t.get("modifier") or "") if t.get("numbers") else ""


def _target_value(t: dict[str, Any]) -> str:
    value = inert(t.get("value") or "")
    extra = [x for x in (t.get("period"), t.get("note")) if x]
    return value + (f"（{'；'.join(inert(x) for x in extra)}）" if extra else "")


def _brief_facts(brief: dict[str, Any]) -> list[tuple[str, str]]:
    """The header lines of a brief: date, kind and number, who issues or speaks, size."""
    stats = brief.get("stats") or {}
    size = (
        f"{stats.get('characters', 0):,} characters, {stats.get('paragraphs', 0)} paragraphs, "
        f"{stats.get('sentences', 0)} sentences"
    )
    date = brief.get("date") or "not stated"
    if brief.get("date_iso") and brief.get("date_iso") != brief.get("date"):
        date += f" ({brief['date_iso']})"
    kind = " · ".join(
        x for x in (
            brief.get("doc_type") or "",
            brief.get("number") or "",
            f"effective {brief.get('effective_date_iso') or brief.get('effective_date')}"
            if brief.get("effective_date") else "",
        ) if x
    )
    speaker, issuer = brief.get("speaker"), brief.get("issuer")
    if speaker and issuer and speaker != issuer:
        who = ("speaker", f"{speaker} · for {issuer}")
    elif issuer:
        who = ("issuer", issuer)
    else:
        who = ("speaker", speaker or "not stated")
    facts = [
        ("date", date), ("type", kind), who,
        *([("place", brief["place"])] if brief.get("place") else []),
        ("size", size),
    ]
    return [(k, inert(v)) for k, v in facts]


def _joined(items: Sequence[str], sep: str = " · ") -> str:
    return sep.join(inert(i) for i in items)


def _keyword_items(brief: dict[str, Any]) -> list[str]:
    return [f"{k['term']}×{k['count']}" for k in brief.get("keywords") or []]


def _formulation_items(brief: dict[str, Any]) -> list[str]:
    """The formulations line, in the order the summary ranked them (see `summary` ordering): the
    document's own first, then the national ones it echoes after a `national:` mark."""
    out = []
    marked = False
    for f in brief.get("formulations") or []:
        item = f"{f['text']}×{f['count']}"
        if f.get("refers_to"):
            item += f"（{f['refers_to']}）"
        if f.get("origin") == "national" and not marked:
            item = "national: " + item
            marked = True
        out.append(item)
    return out


def _person_line(p: dict[str, Any]) -> str:
    titles = "、".join(p.get("titles") or [])
    line = f"{p['name']} — {titles}" if titles else p["name"]
    return line + (f" ×{p['count']}" if p.get("count", 1) > 1 else "")


def _grouped_people(people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Join people named once with the same titles ("朱红丹、梅建胜 — 区四套班子领导")."""
    out: list[dict[str, Any]] = []
    groups: dict[tuple[str, ...], dict[str, Any]] = {}
    for p in people:
        titles = tuple(p.get("titles") or ())
        if titles and p.get("count", 1) == 1 and titles in groups:
            groups[titles]["name"] += "、" + p["name"]
            continue
        entry = dict(p)
        out.append(entry)
        if titles and p.get("count", 1) == 1:
            groups[titles] = entry
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
            out.append("".join(line))
            line, used = [], 0
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


def _target_rows(targets: list[dict[str, Any]], width: int) -> list[str]:
    """Targets as "indicator  value" lines, two to a line where both fit half the width."""
    from rich.cells import cell_len

    half = (width - 3) // 2
    names = [inert(t["indicator"]) for t in targets]
    col = min(max(cell_len(n) for n in names), width // 3)
    items = []
    for name, t in zip(names, targets, strict=True):
        name = _cut_cells(name, col)
        items.append(f"{name}{' ' * (col - cell_len(name))}  {_target_value(t)}")
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


def print_brief(brief: dict[str, Any], *, console: Any, full: bool = False) -> None:
    """Print a summary (the dict of `policy summary --format json`).

    By default it fits one screen: at most `BRIEF_LINES` lines at the console's width (80
    columns or more): a few lines of key terms and formulations, the headline targets, people
    on two lines, key sentences cut after two lines. With `full`, every section is printed
    whole.
    """
    from rich import box
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    width = max(40, console.width)
    head = Table.grid(padding=(0, 1))
    head.add_column(style="bold", no_wrap=True)
    if full:
        head.add_column(overflow="fold")
    else:
        head.add_column(overflow="ellipsis", no_wrap=True)
    for label, value in _brief_facts(brief):
        head.add_row(Text(label), Text(value))
    title = inert(brief.get("title") or brief.get("source") or "")
    console.print(
        Panel(head, title=Text(title, style="bold"), title_align="left", box=box.ROUNDED,
              subtitle=Text(inert(brief.get("source") or "")), subtitle_align="right")
    )
    used = len(_brief_facts(brief)) + 2

    def block(label: str, lines: list[str], *, limit: int | None = None) -> int:
        console.print(Text(label, style="bold"))
        body = [x for line in lines for x in _wrap_cells(line, width, None if full else limit)]
        if not full and limit is not None:
            body = body[:limit]
        for line in body or ["(none)"]:
            console.print(Text(line), no_wrap=True, crop=True)
        return 1 + max(1, len(body))

    limit = None if full else BRIEF_LIST_LINES
    used += block("Keywords", _wrap_items(_keyword_items(brief), width, limit))
    used += block("Formulations", _wrap_items(_formulation_items(brief), width, limit))

    shown, more = _brief_targets(brief, None if full else BRIEF_TARGETS)
    if shown and full:
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, padding=(0, 1))
        table.add_column("indicator", overflow="fold", ratio=3)
        table.add_column("target", overflow="fold", ratio=3)
        table.add_column("number", justify="right", no_wrap=True)
        table.add_column("unit", no_wrap=True)
        table.add_column("modifier", no_wrap=True)
        table.add_column("year", no_wrap=True)
        for t in shown:
            table.add_row(
                Text(_target_name(t)), Text(_target_value(t)), Text(target_numbers(t)),
                Text(inert(t.get("unit") or "")), Text(_target_modifier(t)),
                Text(str(t.get("year") or "")),
            )
        console.print(Text("Targets", style="bold"))
        console.print(table)
    elif shown:
        rows = _target_rows(shown, width)
        if more:
            rows.append(f"+{more} more targets (--full, or --format json/markdown)")
        console.print(Text("Targets", style="bold"))
        for row in rows:
            console.print(Text(row), no_wrap=True, crop=True)
        used += 1 + len(rows)
    else:
        used += block("Targets", ["(none stated)"])

    people = _grouped_people(list(brief.get("people") or []))
    orgs = list(brief.get("organizations") or [])
    if full:
        lines = [_person_line(p) for p in people] or ["(none named)"]
        if orgs:
            lines.append("organisations: " + _joined(orgs, "、"))
        used += block("People", lines)
    else:
        lines = _wrap_items(
            [_person_line(p) for p in people] or ["(none named)"], width, BRIEF_PEOPLE_LINES
        )
        if orgs:
            lines += _wrap_cells("organisations: " + _joined(orgs, "、"), width, 1)
        used += block("People", lines)

    sentences = brief.get("key_sentences") or []
    room = max(len(sentences), BRIEF_LINES - used - 1 - 3)  # leave the warnings line(s)
    per = max(1, min(BRIEF_SENTENCE_LINES, room // max(1, len(sentences))))
    console.print(Text("Key sentences", style="bold"))
    if not sentences:
        console.print(Text("(none)"))
    for i, s in enumerate(sentences, 1):
        lead = f"{i}. "
        body = _wrap_cells(inert(s["text"]), width - len(lead), None if full else per)
        for k, line in enumerate(body):
            console.print(Text((lead if k == 0 else " " * len(lead)) + line), no_wrap=True,
                          crop=True)

    warnings = brief.get("warnings") or []
    notes = brief.get("notes") or []
    if warnings or notes:
        console.print(Text("Warnings", style="bold"))
        for note in notes:
            console.print(Text(_cut_cells(inert(note), width)), no_wrap=True, crop=True)
    if warnings:
        if full or len(warnings) == 1:
            for w in warnings:
                line = f"removed {inert(w['reason'])}: " + inert(w["text"]).replace("\n", " ")
                console.print(Text(line if full else _cut_cells(line, width)), no_wrap=not full,
                              crop=not full)
        else:
            reasons = sorted({inert(w["reason"]) for w in warnings})
            console.print(Text(_cut_cells(
                f"removed {len(warnings)} spans as noise ({', '.join(reasons)}): --full lists them",
                width,
            )), no_wrap=True, crop=True)


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


def brief_to_markdown(brief: dict[str, Any]) -> str:
    """Render a summary as a Markdown note: every section, targets and sentences in full."""
    def esc(text: str) -> str:  # document text is data: no emphasis, links or HTML from it
        return re.sub(r"([*_`\[\]<>#])", r"\\\1", _md_escape(text))

    out = [f"# {esc(inert(brief.get('title') or brief.get('source') or 'Summary'))}", ""]
    for label, value in [("source", inert(brief.get("source") or "")), *_brief_facts(brief)]:
        out.append(f"- **{label}**: {esc(value)}")
    out += ["", "## Keywords", "", esc(_joined(_keyword_items(brief))) or "(none)", ""]
    out += ["## Formulations", "", esc(_joined(_formulation_items(brief))) or "(none)", ""]
    out += ["## Targets", ""]
    targets = brief.get("targets") or []
    if targets:
        out += ["| indicator | target | number | unit | modifier | year | section | text |",
                "| --- | --- | ---: | --- | --- | --- | --- | --- |"]
        for t in targets:
            section = esc(inert(t.get("section") or ""))
            if t.get("core"):
                section = f"**{section}**" if section else "**headline**"
            out.append(
                f"| {esc(_target_name(t))} | {esc(_target_value(t))} | {target_numbers(t)} "
                f"| {esc(inert(t.get('unit') or ''))} | {esc(_target_modifier(t))} "
                f"| {t.get('year') or ''} | {section} | {esc(inert(t.get('text') or ''))} |"
            )
    else:
        out.append("(none stated)")
    out += ["", "## People", ""]
    people = brief.get("people") or []
    out += [f"- {esc(inert(_person_line(p)))}" for p in people] or ["(none named)"]
    orgs = brief.get("organizations") or []
    if orgs:
        out += ["", f"**Organisations**: {esc(_joined(orgs, '、'))}"]
    out += ["", "## Key sentences", ""]
    sentences = brief.get("key_sentences") or []
    out += [f"{i}. {esc(inert(s['text']))}" for i, s in enumerate(sentences, 1)] or ["(none)"]
    warnings = brief.get("warnings") or []
    notes = brief.get("notes") or []
    if warnings or notes:
        out += ["", "## Warnings", ""]
        out += [f"- {esc(inert(note))}" for note in notes]
        out += [f"- removed {esc(inert(w['reason']))}: {esc(inert(w['text']))}" for w in warnings]
    return "\n".join(out).rstrip("\n") + "\n"
