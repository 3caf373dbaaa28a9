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
    plain = bool(os.environ.get("NO_COLOR")) or not is_tty
    return Console(
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
                cap = c.max_width or max(12, console.width * 2 // 5)
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
        # mkstemp creates 0600; give the file the mode a plain open() would have
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# -- the one-screen brief of `policy summary` -------------------------------------------------
BRIEF_TARGETS = 13  # rows of the targets table on screen (the headline set of a work report)
BRIEF_PEOPLE = 8
BRIEF_SENTENCE_LINES = 2  # a key sentence is cut (with …) after this many lines on screen


def _brief_targets(brief: dict[str, Any], limit: int | None) -> tuple[list[dict[str, Any]], int]:
    """The targets worth showing: headline ones first; and how many more there are."""
    targets = list(brief.get("targets") or [])
    core = [t for t in targets if t.get("core")]
    shown = core or [t for t in targets if not t.get("period")] or targets
    if limit is not None and len(shown) > limit:
        shown = shown[:limit]
    return shown, len(targets) - len(shown)


def _target_value(t: dict[str, Any]) -> str:
    value = inert(t.get("value") or "")
    extra = [x for x in (t.get("period"), t.get("note")) if x]
    return value + (f"（{'；'.join(inert(x) for x in extra)}）" if extra else "")


def _brief_facts(brief: dict[str, Any]) -> list[tuple[str, str]]:
    stats = brief.get("stats") or {}
    size = (
        f"{stats.get('characters', 0):,} characters, {stats.get('paragraphs', 0)} paragraphs, "
        f"{stats.get('sentences', 0)} sentences"
    )
    facts = [
        ("date", brief.get("date") or "not stated"),
        ("speaker", brief.get("speaker") or "not stated"),
        ("type", brief.get("doc_type") or ""),
        *([("place", brief["place"])] if brief.get("place") else []),
        ("size", size),
    ]
    return [(k, inert(v)) for k, v in facts]


def _joined(items: Sequence[str], sep: str = " · ") -> str:
    return sep.join(inert(i) for i in items)


def _keyword_items(brief: dict[str, Any]) -> list[str]:
    return [f"{k['term']}×{k['count']}" for k in brief.get("keywords") or []]


def _formulation_items(brief: dict[str, Any]) -> list[str]:
    out = []
    for f in brief.get("formulations") or []:
        item = f"{f['text']}×{f['count']}"
        if f.get("refers_to"):
            item += f"（{f['refers_to']}）"
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


def print_brief(brief: dict[str, Any], *, console: Any) -> None:
    """Print a summary (the dict of `policy summary --format json`) to fit one screen."""
    from rich import box
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    head = Table.grid(padding=(0, 1))
    head.add_column(style="bold", no_wrap=True)
    head.add_column(overflow="fold")
    for label, value in _brief_facts(brief):
        head.add_row(Text(label), Text(value))
    title = inert(brief.get("title") or brief.get("source") or "")
    console.print(
        Panel(head, title=Text(title, style="bold"), title_align="left", box=box.ROUNDED,
              subtitle=Text(inert(brief.get("source") or "")), subtitle_align="right")
    )

    def block(label: str, body: Any) -> None:
        console.print(Text(label, style="bold"))
        console.print(body)

    block("Keywords", Text(_joined(_keyword_items(brief)) or "(none)", overflow="fold"))
    block("Formulations", Text(_joined(_formulation_items(brief)) or "(none)", overflow="fold"))

    shown, more = _brief_targets(brief, BRIEF_TARGETS)
    if shown:
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, padding=(0, 1))
        table.add_column("indicator", overflow="fold", ratio=2)
        table.add_column("target", overflow="fold", ratio=3)
        for t in shown:
            table.add_row(Text(inert(t["indicator"])), Text(_target_value(t)))
        body: Any = table
        if more:
            body = Group(table, Text(f"+{more} more targets (--format json or markdown)",
                                     style="dim"))
        block("Targets", body)
    else:
        block("Targets", Text("(none stated)"))

    people = _grouped_people(list(brief.get("people") or []))
    lines = [_person_line(p) for p in people[:BRIEF_PEOPLE]]
    if len(people) > BRIEF_PEOPLE:
        lines.append(f"+{len(people) - BRIEF_PEOPLE} more")
    orgs = list(brief.get("organizations") or [])
    body_people = Text("\n".join(inert(x) for x in lines) or "(none named)", overflow="fold")
    if orgs:
        body_people.append("\n")
        body_people.append("organisations: ", style="bold")
        body_people.append(_joined(orgs, "、"))
    block("People", body_people)

    sentences = Table.grid(padding=(0, 1))
    sentences.add_column(no_wrap=True, justify="right")
    sentences.add_column(overflow="fold")
    width = max(20, console.width - 5)
    for i, s in enumerate(brief.get("key_sentences") or [], 1):
        sentences.add_row(Text(f"{i}."), Text(_cut_cells(inert(s["text"]),
                                                         width * BRIEF_SENTENCE_LINES)))
    block("Key sentences", sentences if brief.get("key_sentences") else Text("(none)"))

    warnings = brief.get("warnings") or []
    notes = brief.get("notes") or []
    if warnings or notes:
        warn = Text(overflow="fold")
        for note in notes:
            warn.append(inert(note) + "\n")
        for w in warnings:
            warn.append(f"removed {inert(w['reason'])}: ", style="bold")
            warn.append(_cut_cells(inert(w["text"]).replace("\n", " "), width - 30) + "\n")
        warn.rstrip()
        block("Warnings", warn)


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
        out += ["| indicator | target | section | text |", "| --- | --- | --- | --- |"]
        for t in targets:
            section = esc(inert(t.get("section") or ""))
            if t.get("core"):
                section = f"**{section}**" if section else "**headline**"
            out.append(
                f"| {esc(inert(t['indicator']))} | {esc(_target_value(t))} | {section} "
                f"| {esc(inert(t.get('text') or ''))} |"
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
