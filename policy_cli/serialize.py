"""Typed results as plain data: dicts for JSON, tables for CSV and Markdown.

Every command's result crosses this one boundary on its way out: the models of
`policy_cli.models` → `serialize` (the JSON objects, the tables and the Markdown and CSV text
made of them) → `render` (rich, for a terminal) or straight to standard output or a file. This
module imports neither rich nor the analysis core: it only reads results.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

from policy_cli.models import (
    Document,
    Formulation,
    FormulationChange,
    Headline,
    Keyword,
    Person,
    ReportDiff,
    SentenceChange,
    Spread,
    Summary,
    Target,
    TargetChange,
    TermChange,
    TermNews,
    TermTrend,
    Trend,
)

# the marks of bidirectional text (ALM, LRM, RLM, LRE…RLO, LRI…PDI): an override, U+202E, in a file
# name would show what follows it reversed; dropped wherever text is shown (HTML too)
BIDI_MARKS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# C0/C1 controls but tab and newline, and the bidirectional marks
_CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_MARKS}]")
_SURROGATE = re.compile("[\ud800-\udfff]")  # a file name's undecodable bytes (surrogateescape)
# what json.dumps(ensure_ascii=False) leaves raw but a terminal obeys or cannot print: DEL and
# the C1 controls (0x9b is a one-byte CSI), the bidirectional marks (an override in a file
# name shows what follows it reversed where the JSON is printed), and lone surrogates
_JSON_RAW = re.compile(f"[\x7f-\x9f{BIDI_MARKS}\ud800-\udfff]")


def inert(text: object) -> str:
    """Strip terminal control characters so that document text cannot drive the terminal.

    ESC, OSC/CSI introducers (C0 and C1) and DEL are dropped, so an escape sequence is shown
    as its harmless remaining characters; a lone surrogate (an undecodable byte of a file
    name) becomes U+FFFD, which every terminal can print.
    """
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", str(text)))


# --------------------------------------------------------------------------- tables


@dataclass(frozen=True)
class Column:
    """A column of a result table."""

    key: str
    header: str
    justify: Literal["left", "center", "right"] = "left"
    # term (never truncated) | number | context (truncated to fit) | chart (a sparkline, drawn
    # with fewer marks to fit: each the highest of the marks it stands for)
    kind: str = "term"
    max_width: int | None = None
    highlight: str | None = None  # row key of a list of words to emphasise in this column
    # left out of a terminal table too narrow to hold it (kept in files): 0 never, else the
    # lowest rank first (True is rank 1)
    optional: int = 0


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


INLINE_SEPARATOR = " · "


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


def cell(value: Any) -> str:
    """A value as a table cell shows it (floats to 4 places, lists joined by 、)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, list | tuple):
        return "、".join(inert(v) for v in value)
    return inert(value)


# what a spreadsheet reads as a formula at a cell's start (=cmd|…, +SUM(…), -2+3, @SUM, and a
# tab or carriage return before one): a text cell so opening is written after a ', which a
# spreadsheet shows as text (numbers stay numbers)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: Any) -> str:
    """A value as a CSV cell: `cell`, and a text a spreadsheet would run as a formula made
    inert by a leading '."""
    text = cell(value)
    if isinstance(value, str) and text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(
        text
    ):
        return "'" + text
    return text


_PLAIN_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")  # (a number written as text: -2 stays -2)


def to_csv(section: Section) -> str:
    """Render one section as CSV (header row first)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([csv_text(inert(c.key)) for c in section.columns])
    for row in section.rows:
        writer.writerow([csv_text(row.get(c.key)) for c in section.columns])
    return buf.getvalue()


_MD_ACTIVE = re.compile(r"([*_`\[\]<>])")
# what opens a block at a line's start: a heading, a quote or a fence (~~~), a rule (---), a
# list item's bullet or number before a space (not -2% or 2024-03-05)
_MD_BLOCK = re.compile(
    r"^(\s*|\s*\d+)((?<!\d)[#>~]|(?<!\d)[-+](?=\s|-)|(?<=\d)[.)](?=\s))"
)


def md_escape(text: str) -> str:
    """Escape what Markdown would read in a text rather than show: a table cell's backslash,
    pipe and line break, and emphasis, code, links and HTML (document text is data:
    `<img onerror=…>` in a report is shown, never run by a renderer that allows HTML)."""
    cell_safe = text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    # …and what opens a block where a line starts (a heading, a list item, a quote, a rule):
    # 1. # 坚持… would be a heading inside a numbered item
    return _MD_BLOCK.sub(r"\1\\\2", _MD_ACTIVE.sub(r"\\\1", cell_safe))


def highlighted_words(row: dict[str, Any], column: Column) -> list[str]:
    """The words to emphasise in a cell (the column's `highlight` list), longest first."""
    if not column.highlight:
        return []
    words = row.get(column.highlight) or []
    return sorted({inert(w) for w in words if w}, key=lambda w: (-len(w), w))


def _md_highlight(text: str, words: Sequence[str]) -> str:
    if not words:
        return text
    pattern = re.compile("|".join(re.escape(md_escape(w)) for w in words))
    return pattern.sub(lambda m: f"**{m.group()}**", text)


def inline_item(section: Section, row: dict[str, Any]) -> str:
    """The item an inline section shows for a row: its first column."""
    return cell(row.get(section.columns[0].key)) if section.columns else ""


def to_markdown(
    sections: Sequence[Section],
    *,
    title: str | None = None,
    preface: Sequence[tuple[str, str] | str] = (),
) -> str:
    """Render sections as a Markdown document with pipe tables, after the preface's lines (a
    (label, value) pair: the label in bold; a str: a line as it is, escaped)."""
    out: list[str] = []
    if title:
        out += [f"# {md_escape(inert(title))}", ""]
    for line in preface:
        if isinstance(line, str):
            out.append(md_escape(inert(line)) + "  ")
        else:
            label, value = line
            out.append(f"**{md_escape(inert(label))}**: {md_escape(inert(value))}  ")
    if preface:
        out.append("")
    for sec in sections:
        out += [f"## {md_escape(inert(sec.title))}", ""]
        if not sec.rows:
            out += [inert(sec.empty), ""]
            continue
        if sec.layout == "inline":
            out += [INLINE_SEPARATOR.join(md_escape(inline_item(sec, row)) for row in sec.rows), ""]
            continue
        out.append("| " + " | ".join(md_escape(inert(c.header)) for c in sec.columns) + " |")
        out.append(
            "| " + " | ".join("---:" if c.justify == "right" else "---" for c in sec.columns) + " |"
        )
        for row in sec.rows:
            out.append(
                "| "
                + " | ".join(
                    _md_highlight(md_escape(cell(row.get(c.key))), highlighted_words(row, c))
                    for c in sec.columns
                )
                + " |"
            )
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def row_section(title: str, columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> Section:
    """A plain table whose column keys are its headers (a document's summary row)."""
    return Section(title, [Column(c, c) for c in columns], rows)


# --------------------------------------------------------------------------- policy text


def document_to_dict(document: Document) -> dict[str, Any]:
    """The JSON object of `policy text --format json`: the cleaned text and what was cut."""
    return {
        "source": document.source,
        "format": document.format,
        "encoding": document.encoding,
        "text": document.text,
        "paragraphs": len(document.paragraphs),
        "sentences": len(document.sentences),
        "noise": [{"text": n.text, "reason": n.reason, "offset": n.offset} for n in document.noise],
    }


# --------------------------------------------------------------------------- policy keywords


def keywords_to_dict(source: str, method: str, keywords: Sequence[Keyword]) -> dict[str, Any]:
    """The JSON object of `policy keywords --format json`."""
    return {
        "source": source,
        "method": method,
        "keywords": [
            {
                "term": k.term,
                "score": k.score,
                "count": k.count,
                "first_offset": k.first_offset,
                "first_sentence": k.first_sentence,
            }
            for k in keywords
        ],
    }


def keyword_section(
    document: Document, keywords: Sequence[Keyword], *, method: str, top: int,
    marked: bool = True,
) -> Section:
    """The key terms as a table: rank, term, score, count, first place and its context (the
    words around it, the term as ～, or with `marked` False, for files, its whole sentence)."""
    rows = [
        {
            "rank": i,
            "term": k.term,
            "score": k.score,
            "count": k.count,
            "first_offset": k.first_offset,
            "context": _context(document, k.first_offset, k.term, marked=marked),
        }
        for i, k in enumerate(keywords, 1)
    ]
    return Section(
        f"Key terms ({method}, top {top})",
        [
            Column("rank", "#", kind="number"),
            Column("term", "term"),
            Column("score", "score", kind="number"),
            Column("count", "count", kind="number"),
            Column("first_offset", "first at", kind="number"),
            Column("context", "first context", kind="context", optional=1),
        ],
        rows,
    )


# --------------------------------------------------------------------------- policy slogans


def formulation_to_dict(f: Formulation) -> dict[str, Any]:
    """A formulation as the JSON of `policy slogans` gives it."""
    return {
        "text": f.shown,
        "kind": f.kind,
        "count": f.count,
        "first_offset": f.first_offset,
        "contexts": list(f.contexts),
        "refers_to": f.refers_to,
        "items": list(f.items),
        "evidence": list(f.evidence),
        "origin": f.origin,
        "first_seen": f.first_seen,
    }


def formulations_to_dict(source: str, formulations: Sequence[Formulation]) -> dict[str, Any]:
    """The JSON object of `policy slogans` and `policy initiatives`."""
    return {"source": source, "formulations": [formulation_to_dict(f) for f in formulations]}


def formulation_section(
    document: Document, formulations: Sequence[Formulation], *, title: str, marked: bool = True
) -> Section:
    """The formulations as a table: kind, text, origin, count, members, context (the words
    around the first use, the formulation as ～, or with `marked` False, for files, its
    whole sentence)."""
    rows: list[dict[str, Any]] = [
        {
            "kind": f.kind,
            "text": f.shown,
            "origin": _origin(f.origin, f.first_seen),
            "count": f.count,
            "first_offset": f.first_offset,
            "refers": _refers(f.refers_to, f.items),
            "context": _context(document, f.first_offset, f.shown, marked=marked),
        }
        for f in formulations
    ]
    return Section(
        f"{title} ({len(formulations)})",
        [
            Column("kind", "kind"),
            Column("text", "formulation"),
            Column("origin", "origin"),
            Column("count", "count", kind="number"),
            Column("refers", "refers to", kind="context", max_width=18, optional=1),  # or items
            Column("context", "context", kind="context", optional=2),
        ],
        rows,
    )


def _origin(origin: str, first_seen: str | None) -> str:
    """national since YYYY / local / new, as the table shows it."""
    if origin == "national" and first_seen:
        return f"national {first_seen[:4]}"
    return origin


def _refers(refers_to: str | None, items: tuple[str, ...]) -> str:
    if items:
        return "、".join(items)
    return refers_to or ""


# a table's context shows what the text says around an item, the item itself as ～ (the column
# beside it says it in full): a cell of a dozen cells then still shows the words before and
# after it (…如期打赢～取得全面胜利…), where the text itself showed the words before it only
CONTEXT_BEFORE = 4  # characters before the item (a verb that takes it: 坚持～, 深入实施～)
CONTEXT_AFTER = 24  # characters after it
ITEM_MARK = "～"
# (as `core.phrases` reads them; the output layer imports no core module)
_PRINTED_ALIKE = {"，": "、", ",": "、"}  # a motto's separators, one for another
_OPENING, _CLOSING = "“‘「『", "”’」』"
_STRAIGHT = '"'  # the ASCII quote mark, which opens and closes
_QUOTES = set(_OPENING + _CLOSING + _STRAIGHT)
_SENTENCE_MARKS = "。！？!?"  # (the printed text keeps a document's half-width ! and ?)
_SENTENCE_END = re.compile(f"[{_SENTENCE_MARKS}][{re.escape(_CLOSING + _STRAIGHT)}]*")


def _context(document: Document, offset: int, item: str, *, marked: bool) -> str:
    """What a table says of an item's first use: `marked`, the words around it with the item as
    ～ (`_snippet`: a terminal's narrow column); else the whole sentence, as printed (files)."""
    if marked:
        return _snippet(document.shown_text, offset, item)
    sentence = document.sentence_at(offset)
    return document.shown_text[sentence.start : sentence.end] if sentence else ""


def _snippet(text: str, offset: int, item: str) -> str:
    """The words around `item` said at `offset` of `text`, on one line: up to CONTEXT_BEFORE
    characters before it and CONTEXT_AFTER after it in its sentence, `item` as ～ (as printed:
    quote marks around and inside it, another motto separator); the words alone where `text`
    does not say it there."""
    offset = min(max(0, offset), len(text))  # (an offset outside the text: its nearest end)
    span = _printed_span(text, offset, item) if item else None
    end = min(len(text), offset + len(item))
    if span is not None:
        offset, end = span
    start = max(0, offset - CONTEXT_BEFORE)
    for edge in _SENTENCE_MARKS + "\n":  # the context stays in its sentence (and line)
        k = text.rfind(edge, start, offset)
        if k >= 0:
            start = k + 1
    cut_before = start > 0 and text[start - 1] not in _SENTENCE_MARKS + "\n"
    while start < offset and text[start] in _CLOSING:  # (the last sentence's closing mark)
        start += 1
    stop = min(len(text), end + CONTEXT_AFTER)
    k = text.find("\n", end, stop)
    if k >= 0:
        stop = k
    sentence_end = _SENTENCE_END.search(text, end, stop)
    if sentence_end:
        stop = sentence_end.end()
    middle = (
        text[start:offset] + ITEM_MARK + text[end:stop] if span is not None
        else text[start:stop]
    )
    return ("…" if cut_before else "") + middle + (
        "…" if stop < len(text) and text[stop] != "\n" and not sentence_end else ""
    )


def _printed_span(text: str, offset: int, item: str) -> tuple[int, int] | None:
    """Where `item` said at `offset` starts and ends as `text` prints it (quote marks around
    and inside it, one motto separator for another), or None where it is not said there."""
    at = offset
    # quote marks opened inside it (共建“一带一路”) are closed after it too; one closed inside
    # it (“三北”工程攻坚战, said from 三) was opened just before it; an ASCII mark left alone
    # inside it pairs with one right after it or, else, right before it
    opened = straight = 0
    for ch in item:
        while at < len(text) and text[at] in _QUOTES and text[at] != ch:
            if text[at] == _STRAIGHT:
                straight += 1
            else:
                opened += 1 if text[at] in _OPENING else -1
            at += 1
        if at >= len(text):
            return None
        seen = text[at]
        if seen != ch and _PRINTED_ALIKE.get(seen, seen) != _PRINTED_ALIKE.get(ch, ch):
            return None
        at += 1
    start = offset
    while opened > 0 and at < len(text) and text[at] in _CLOSING:
        opened, at = opened - 1, at + 1
    while opened < 0 and start > 0 and text[start - 1] in _OPENING:
        opened, start = opened + 1, start - 1
    if straight % 2:
        if at < len(text) and text[at] == _STRAIGHT:
            at += 1
        elif start > 0 and text[start - 1] == _STRAIGHT:
            start -= 1
    return start, at


# --------------------------------------------------------------------------- policy targets


def target_to_dict(target: Target) -> dict[str, Any]:
    """Turn a Target into the JSON object of `summary` and `targets` (stable key order).

    Args:
        target: a target.

    Returns:
        A dict with the keys indicator, canonical, value, numbers, unit, modifier, direction,
        year, period, section, core, note, text, offset, sentence (its index in the document).
    """
    return {
        "indicator": target.indicator,
        "canonical": target.canonical,
        "value": target.value,
        "numbers": _numbers(target),
        "unit": target.unit,
        "modifier": target.modifier,
        "direction": target.direction,
        "year": target.year,
        "period": target.period,
        "section": target.section,
        "core": target.core,
        "note": target.note,
        "text": target.text,
        "offset": target.offset,
        "sentence": target.sentence,
    }


def targets_to_dict(source: str, targets: Sequence[Target]) -> dict[str, Any]:
    """The JSON object of `policy targets --format json`."""
    return {"source": source, "targets": [target_to_dict(t) for t in targets]}


def _numbers(target: Target) -> list[int | float]:
    """A target's numbers, whole ones as integers (5, not 5.0)."""
    return [int(n) if n == int(n) else n for n in target.numbers]


def plain_number(n: float) -> str:
    """A number as a table shows it, as written: whole ones without a decimal part (5), others
    with all their places and never in exponent notation (0.00005, 2.12345, not 5e-05)."""
    if n == int(n):
        return str(int(n))
    from decimal import Decimal  # (here: most runs print no fraction, start-up stays lean)

    return format(Decimal(repr(n)), "f")


def target_numbers(target: Target) -> str:
    """The numbers of a target value: "5.5", "5.0–5.5" for a range, "30、5" for a list."""
    numbers = [plain_number(n) for n in target.numbers]
    if len(numbers) == 2 and target.modifier == "区间":
        return "–".join(numbers)
    return "、".join(numbers)


def target_name(target: Target) -> str:
    """The indicator as written, and the shared name when it differs (经济增长 → 国内生产总值增长)."""
    name, canonical = inert(target.indicator or ""), inert(target.canonical or "")
    return f"{name}（{canonical}）" if canonical and canonical != name else name


def target_modifier(target: Target) -> str:
    """The modifier of a numeric value, with ↑/↓ for a change (↓左右 for 降低3%左右)."""
    arrow = {"up": "↑", "down": "↓"}.get(target.direction or "", "")
    return arrow + inert(target.modifier or "") if target.numbers else ""


def target_value(target: Target) -> str:
    """The value as stated, with the plan period or note it comes with."""
    value = inert(target.value or "")
    extra = [x for x in (target.period, target.note) if x]
    return value + (f"（{'；'.join(inert(x) for x in extra)}）" if extra else "")


def target_section(targets: Sequence[Target], *, headline: bool, compact: bool) -> Section:
    """The targets as a table; `compact` keeps what a reader scans first at 80 columns."""
    rows = []
    for t in targets:
        d = target_to_dict(t)
        rows.append({
            **d, "number": plain_number(t.numbers[0]) if t.numbers else None,
            "numbers": target_numbers(t), "core": "yes" if t.core else "",
        })
    columns = [
        Column("indicator", "indicator"),
        Column("canonical", "canonical", max_width=16),
        Column("value", "value", kind="context"),
        Column("number", "first number", justify="right"),
        # (a narrow terminal leaves out first what the value says already: its unit, its
        # modifier, its number; then the year)
        Column("numbers", "number", justify="right", optional=3),
        Column("unit", "unit", optional=1),
        Column("modifier", "modifier", optional=2),
        Column("direction", "direction"),
        Column("year", "year", optional=4),
        Column("period", "period"),
        Column("section", "section"),
        Column("core", "headline"),
        Column("note", "note"),
        Column("text", "text", kind="context"),
    ]
    if compact:
        hidden = ("canonical", "number", "direction", "period", "section", "core", "note", "text")
        columns = [c for c in columns if c.key not in hidden]
    return Section("Headline targets" if headline else "Targets", columns, rows,
                   empty="(none stated)")


# --------------------------------------------------------------------------- policy summary


def summary_to_dict(summary: Summary) -> dict[str, Any]:
    """Turn a Summary into the JSON object of `policy summary --format json`.

    Args:
        summary: a summary.

    Returns:
        A dict with the keys source, title, date, date_iso, speaker, issuer, number,
        effective_date, effective_date_iso, doc_type, place, stats, keywords, formulations,
        formulation_counts, echo (all its formulations by origin: national, local, new),
        targets, people, organizations, key_sentences, warnings, notes.
    """
    h = summary.header
    return {
        "source": summary.source,
        "title": h.title,
        "date": h.date,
        "date_iso": h.date_iso,
        "speaker": h.speaker,
        "issuer": h.issuer,
        "number": h.number,
        "effective_date": h.effective_date,
        "effective_date_iso": h.effective_date_iso,
        "doc_type": h.doc_type,
        "place": h.place,
        "stats": asdict(summary.stats),
        "keywords": [
            {"term": k.term, "score": round(k.score, 6), "count": k.count,
             "first_offset": k.first_offset}
            for k in summary.keywords
        ],
        "formulations": [
            {"text": f.shown, "kind": f.kind, "count": f.count, "first_offset": f.first_offset,
             "refers_to": f.refers_to, "items": list(f.items), "origin": f.origin,
             "first_seen": f.first_seen}
            for f in summary.formulations
        ],
        "formulation_counts": dict(summary.formulation_counts),
        "echo": {
            "national": list(summary.echo.national),
            "local": list(summary.echo.local),
            "new": list(summary.echo.new),
        },
        "targets": [target_to_dict(t) for t in summary.targets],
        "people": [
            {"name": p.name, "titles": list(p.titles), "count": p.count,
             "first_offset": p.first_offset}
            for p in summary.people
        ],
        "organizations": list(summary.organizations),
        "key_sentences": [
            {"index": s.index, "text": s.text, "score": s.score} for s in summary.key_sentences
        ],
        "warnings": [
            {"text": w.text, "reason": w.reason, "offset": w.offset} for w in summary.warnings
        ],
        "notes": list(summary.notes),
    }


def brief_facts(summary: Summary) -> list[tuple[str, str]]:
    """The header lines of a brief: date, kind and number, who issues or speaks, size."""
    h, stats = summary.header, summary.stats
    size = (
        f"{stats.characters:,} characters, {stats.paragraphs} paragraphs, "
        f"{stats.sentences} sentences"
    )
    date = h.date or "not stated"
    if h.date_iso and h.date_iso != h.date:
        date += f" ({h.date_iso})"
    kind = " · ".join(
        x for x in (
            h.doc_type or "",
            h.number or "",
            f"effective {h.effective_date_iso or h.effective_date}" if h.effective_date else "",
        ) if x
    )
    if h.speaker and h.issuer and h.speaker != h.issuer:
        who = ("speaker", f"{h.speaker} · for {h.issuer}")
    elif h.issuer:
        who = ("issuer", h.issuer)
    else:
        who = ("speaker", h.speaker or "not stated")
    facts = [
        ("date", date), ("type", kind), who,
        *([("place", h.place)] if h.place else []),
        ("size", size),
    ]
    return [(k, inert(v)) for k, v in facts]


def joined(items: Sequence[str], sep: str = " · ") -> str:
    """Items joined on one line, each made inert."""
    return sep.join(inert(i) for i in items)


def keyword_items(summary: Summary) -> list[str]:
    """The key terms of a brief with their counts (高质量发展×12)."""
    return [f"{k.term}×{k.count}" for k in summary.keywords]


def formulation_items(summary: Summary) -> list[str]:
    """The formulations line, in the order the summary ranked them (see `summary` ordering): the
    user's own terms, the document's own, then the national ones it echoes after a `national:`
    mark. The mark opens the national formulations that end the line (the user's terms aside,
    whatever their origin), and only where none is said before it (a document of the centre
    ranks its formulations by kind, its own and national ones mixed: no mark there)."""
    shown = summary.formulations
    echoed = len(shown)  # where the national ones the document echoes begin
    while echoed and shown[echoed - 1].origin == "national" and not shown[echoed - 1].users_own:
        echoed -= 1
    if any(f.origin == "national" and not f.users_own for f in shown[:echoed]):
        echoed = len(shown)  # national ones among its own: no echo to mark
    out = []
    for k, f in enumerate(shown):
        item = f"{f.shown}×{f.count}"
        if f.refers_to:
            item += f"（{f.refers_to}）"
        out.append(("national: " if k == echoed else "") + item)
    return out


def person_line(person: Person) -> str:
    """A person and the titles the text gives them (×count when named more than once)."""
    titles = "、".join(person.titles)
    line = f"{person.name} — {titles}" if titles else person.name
    return line + (f" ×{person.count}" if person.count > 1 else "")


def brief_targets(summary: Summary, limit: int | None) -> tuple[list[Target], int]:
    """The targets worth showing: headline ones first; and how many more there are."""
    targets = list(summary.targets)
    core = [t for t in targets if t.core]
    shown = core or [t for t in targets if not t.period] or targets
    if limit is not None and len(shown) > limit:
        shown = shown[:limit]
    return shown, len(targets) - len(shown)


def brief_to_markdown(summary: Summary) -> str:
    """Render a summary as a Markdown note: every section, targets and sentences in full."""
    esc = md_escape  # document text is data: no emphasis, links or HTML from it

    h = summary.header
    out = [f"# {esc(inert(h.title or summary.source or 'Summary'))}", ""]
    for label, value in [("source", inert(summary.source or "")), *brief_facts(summary)]:
        out.append(f"- **{label}**: {esc(value)}")
    out += ["", "## Keywords", "", esc(joined(keyword_items(summary))) or "(none)", ""]
    out += ["## Formulations", "", esc(joined(formulation_items(summary))) or "(none)", ""]
    out += ["## Targets", ""]
    if summary.targets:
        out += ["| indicator | target | number | unit | modifier | year | section | text |",
                "| --- | --- | ---: | --- | --- | --- | --- | --- |"]
        for t in summary.targets:
            section = esc(inert(t.section or ""))
            if t.core:
                section = f"**{section}**" if section else "**headline**"
            out.append(
                f"| {esc(target_name(t))} | {esc(target_value(t))} | {target_numbers(t)} "
                f"| {esc(inert(t.unit or ''))} | {esc(target_modifier(t))} "
                f"| {t.year or ''} | {section} | {esc(inert(t.text or ''))} |"
            )
    else:
        out.append("(none stated)")
    out += ["", "## People", ""]
    out += [f"- {esc(inert(person_line(p)))}" for p in summary.people] or ["(none named)"]
    if summary.organizations:
        out += ["", f"**Organisations**: {esc(joined(summary.organizations, '、'))}"]
    out += ["", "## Key sentences", ""]
    out += [
        f"{i}. {esc(inert(s.text))}" for i, s in enumerate(summary.key_sentences, 1)
    ] or ["(none)"]
    if summary.warnings or summary.notes:
        out += ["", "## Warnings", ""]
        out += [f"- {esc(inert(note))}" for note in summary.notes]
        out += [
            f"- removed {esc(inert(w.reason))}: {esc(inert(w.text))}" for w in summary.warnings
        ]
    return "\n".join(out).rstrip("\n") + "\n"


# --------------------------------------------------------------------------- policy diff


def _form(c: FormulationChange) -> dict[str, Any]:
    return {
        "text": c.text, "kind": c.kind, "old_count": c.old_count, "new_count": c.new_count,
        "status": c.status, "offset": c.offset, "context": c.context,
        "weight": c.weight, "place": c.place, "rarity": c.rarity,
        "documents": c.documents, "first_seen": c.first_seen,
    }


def _news(t: TermNews) -> dict[str, Any]:
    return {
        "term": t.term, "status": t.status, "old_count": t.old_count,
        "new_count": t.new_count, "offset": t.offset, "context": t.context,
        "weight": t.weight, "place": t.place, "rarity": t.rarity,
        "documents": t.documents, "first_seen": t.first_seen,
    }


def _headline(h: Headline) -> dict[str, Any]:
    return {
        "text": h.text, "what": h.what, "old_count": h.old_count, "new_count": h.new_count,
        "detail": h.detail, "weight": h.weight, "offset": h.offset, "context": h.context,
    }


def _term(c: TermChange) -> dict[str, Any]:
    return {
        "term": c.term, "old_count": c.old_count, "new_count": c.new_count,
        "old_rate": c.old_rate, "new_rate": c.new_rate, "g2": c.g2,
        "log_ratio": c.log_ratio, "status": c.status, "offset": c.offset,
    }


def _sent(c: SentenceChange) -> dict[str, Any]:
    return {
        "text": c.text, "index": c.index, "offset": c.offset, "similarity": c.similarity,
        "closest": c.counterpart, "new_words": list(c.new_words),
    }


def _target_change(t: TargetChange) -> dict[str, Any]:
    return {
        "indicator": t.indicator, "old_value": t.old_value, "new_value": t.new_value,
        "changed": t.changed, "change": t.change, "old_indicator": t.old_indicator,
        "new_indicator": t.new_indicator, "old_text": t.old_text, "new_text": t.new_text,
    }


def diff_to_dict(diff: ReportDiff) -> dict[str, Any]:
    """Return the diff as plain JSON-ready data (the `--format json` schema).

    Args:
        diff: a result of `diff_documents`.

    Returns:
        A dict with keys old, new, old_characters, new_characters, identical, similarity,
        headlines, formulations {added, removed, kept}, terms {new, dropped, rising, falling},
        targets, sentences (None unless asked for) and notes.
    """
    sentences = None
    if diff.sentences_new is not None and diff.sentences_old is not None:
        sentences = {
            "only_in_new": [_sent(s) for s in diff.sentences_new],
            "only_in_old": [_sent(s) for s in diff.sentences_old],
        }
    return {
        "old": diff.old,
        "new": diff.new,
        "old_characters": diff.old_characters,
        "new_characters": diff.new_characters,
        "identical": diff.identical,
        "similarity": diff.similarity,
        "headlines": [_headline(h) for h in diff.headlines],
        "formulations": {
            "added": [_form(c) for c in diff.added],
            "removed": [_form(c) for c in diff.removed],
            "kept": [_form(c) for c in diff.kept],
        },
        "terms": {
            "new": [_news(t) for t in diff.new_terms],
            "dropped": [_news(t) for t in diff.dropped_terms],
            "rising": [_term(c) for c in diff.rising],
            "falling": [_term(c) for c in diff.falling],
        },
        "targets": [_target_change(t) for t in diff.targets],
        "sentences": sentences,
        "notes": list(diff.notes),
    }


def diff_preface(diff: ReportDiff) -> list[tuple[str, str]]:
    """The lines above a diff's tables: both reports, their sizes, similarity, notes."""
    return [
        ("old", f"{diff.old} ({diff.old_characters:,} characters)"),
        ("new", f"{diff.new} ({diff.new_characters:,} characters)"),
        ("similarity", f"{diff.similarity:.4f} (TF-IDF cosine)"
         + (", identical texts" if diff.identical else "")),
        *(("note", n) for n in diff.notes),
    ]


def diff_sections(diff: ReportDiff) -> list[Section]:
    """The tables of a diff: headlines, 提法, terms, targets, sentences."""
    def form_rows(items: Sequence[FormulationChange]) -> list[dict[str, Any]]:
        return [
            {"text": c.text, "kind": c.kind, "old_count": c.old_count,
             "new_count": c.new_count, "context": _around(c.context, c.text)}
            for c in items
        ]

    form_cols = [
        Column("text", "提法"),
        Column("kind", "kind"),
        Column("old_count", "old", kind="number"),
        Column("new_count", "new", kind="number"),
        Column("context", "context", kind="context"),
    ]
    sections = [
        Section(
            "Headlines (the most newsworthy changes)",
            [
                Column("text", "change"),
                Column("what", "what"),
                Column("detail", "why", kind="context"),
            ],
            [{"text": h.text, "what": h.what, "detail": h.detail} for h in diff.headlines],
        ),
        Section("提法 added (in NEW, never in OLD)", form_cols, form_rows(diff.added)),
        Section("提法 removed (in OLD, never in NEW)", form_cols, form_rows(diff.removed)),
        _inline("New terms (NEW uses them, OLD never)",
                [f"{t.term}×{t.new_count}" for t in diff.new_terms]),
        _inline("Dropped terms (OLD used them, NEW never)",
                [f"{t.term}×{t.old_count}" for t in diff.dropped_terms]),
        _inline("Terms rising (both use them; G2 >= 3.84)",
                [f"{t.term} {t.old_count}→{t.new_count}" for t in diff.rising]),
        _inline("Terms falling (both use them; G2 >= 3.84)",
                [f"{t.term} {t.old_count}→{t.new_count}" for t in diff.falling]),
        _inline("提法 kept", [f"{c.text} {c.old_count}→{c.new_count}" for c in diff.kept]),
        Section(
            "Targets (headline targets side by side, compared as values)",
            [
                Column("indicator", "indicator", max_width=18),
                Column("old_value", "old", max_width=16),
                Column("new_value", "new", max_width=16),
                Column("change", "what changed", kind="context"),
            ],
            [
                {"indicator": t.indicator, "old_value": t.old_value or "—",
                 "new_value": t.new_value or "—", "change": _what_changed(t.change)}
                for t in diff.targets
            ],
        ),
    ]
    if diff.sentences_new is not None and diff.sentences_old is not None:
        sections += _sentence_sections(diff.sentences_new, diff.sentences_old)
    return sections


def _what_changed(change: str) -> str:
    """What changed in a target, in a word or two ("value 6 → 5.5; modifier 以上 → 左右" ->
    "value, modifier"): the old and new columns beside it show the values."""
    named = ("value", "unit", "modifier", "direction")
    parts = [p.strip() for p in change.split(";") if p.strip()]
    return ", ".join(p.split(" ", 1)[0] if p.startswith(named) else p for p in parts)


def _inline(title: str, items: list[str]) -> Section:
    """A section that prints its items on wrapped lines (terms read better so than in a table)."""
    return Section(title, [Column("item", "item")], [{"item": i} for i in items], layout="inline")


def _sentence_sections(
    only_new: Sequence[SentenceChange], only_old: Sequence[SentenceChange]
) -> list[Section]:
    """The sentences of each report with no close counterpart in the other."""
    sent_cols = [
        Column("index", "#", kind="number"),
        Column("similarity", "best cos", kind="number"),
        # whole sentences, folded over lines: a cut sentence cannot be read
        Column("text", "sentence", max_width=56, highlight="new_words"),
        Column("new_words", "words not in the other", max_width=22),
    ]

    def sent_rows(items: Sequence[SentenceChange]) -> list[dict[str, Any]]:
        return [
            {"index": s.index, "similarity": f"{s.similarity:.2f}", "text": s.text,
             "new_words": list(s.new_words)}
            for s in items
        ]

    return [
        Section("Sentences only in NEW (new words highlighted)", sent_cols, sent_rows(only_new)),
        Section("Sentences only in OLD (words absent from NEW highlighted)", sent_cols,
                sent_rows(only_old)),
    ]


def _around(sentence: str, text: str, *, before: int = 8, after: int = 14) -> str:
    """The words around `text` in its sentence, `text` itself shown as ～ (the 提法 column beside
    it says it in full; a narrow cell then still shows what the report says about it)."""
    at, size = sentence.find(text), len(text)
    if at < 0:
        # said with quote marks inside (反对“台独”分裂活动 for 反对台独分裂活动)
        quotes = "[" + re.escape("".join(sorted(_QUOTES))) + "]*"
        m = re.search(quotes.join(map(re.escape, text)), sentence) if text else None
        if m is None:
            return sentence
        at, size = m.start(), m.end() - m.start()
    start, end = max(0, at - before), min(len(sentence), at + size + after)
    return (("…" if start else "") + sentence[start:at] + "～" + sentence[at + size : end]
            + ("…" if end < len(sentence) else ""))


# --------------------------------------------------------------------------- trend

TREND_PER = "10,000 characters"  # what the rates of a trend are counted per
SPARK_BLOCKS = "▁▂▃▄▅▆▇█"
SPARK_MAX = 60  # wider series are bucketed so that a chart row fits a terminal
CHANGE_SPARK = 24  # in the rising/falling tables, beside eight other columns
FILE_TERMS_SHOWN = 5  # key terms in a row of the files table (JSON and CSV have them all)


def sparkline(values: Sequence[float], *, width: int = SPARK_MAX) -> str:
    """Draw values as block characters ("." where the value is zero)."""
    vals = list(values)
    if len(vals) > width:  # keep the peak of each bucket: a spike must stay visible
        size = len(vals) / width
        vals = [
            max(vals[int(i * size) : max(int((i + 1) * size), int(i * size) + 1)])
            for i in range(width)
        ]
    top = max(vals, default=0.0)
    if top <= 0:
        return "." * len(vals)
    last = len(SPARK_BLOCKS) - 1
    return "".join(
        SPARK_BLOCKS[min(last, int(v / top * last + 0.5))] if v > 0 else "." for v in vals
    )


def narrower_sparkline(chart: str, width: int) -> str:
    """A sparkline drawn `width` marks wide: each mark the highest of those it stands for (the
    whole span kept, its peaks too), "." where all are absent."""
    if len(chart) <= width or width < 1:
        return chart
    order = "." + SPARK_BLOCKS
    size = len(chart) / width
    return "".join(
        max(chart[int(i * size) : max(int((i + 1) * size), int(i * size) + 1)], key=order.index)
        for i in range(width)
    )


def term_trend_to_dict(s: TermTrend) -> dict[str, Any]:
    """One term's series as a JSON-ready dict."""
    return {
        "term": s.term,
        "kind": s.kind,
        "total": s.total,
        "first_seen": s.first_seen,
        "first_source": s.first_source,
        "first_offset": s.first_offset,
        "last_seen": s.last_seen,
        "peak": s.peak,
        "peak_rate": s.peak_rate,
        "early_rate": s.early_rate,
        "late_rate": s.late_rate,
        "change": s.change,
        "counts": list(s.counts),
        "rates": list(s.rates),
    }


def trend_to_dict(result: Trend) -> dict[str, Any]:
    """A trend as a JSON-ready dict (stable key order)."""
    obj: dict[str, Any] = {
        "by": result.by,
        "per": TREND_PER,
        "periods": [
            {
                "period": p.label, "year": p.year, "characters": p.characters,
                "documents": p.documents,
            }
            for p in result.periods
        ],
        "documents": [
            {
                "source": d.source, "title": d.title, "kind": d.kind, "year": d.year,
                "year_from": d.year_from, "characters": d.characters, "period": d.period,
            }
            for d in result.documents
        ],
    }  # fmt: skip
    if result.terms:
        obj["terms"] = [term_trend_to_dict(s) for s in result.terms]
    else:
        if result.by != "file":
            obj["split"] = result.split
            obj["rising"] = [term_trend_to_dict(s) for s in result.rising]
            obj["falling"] = [term_trend_to_dict(s) for s in result.falling]
        obj["formulations"] = [term_trend_to_dict(s) for s in result.formulations]
    if result.by == "file":
        obj["files"] = [
            {
                "period": f.period,
                "source": f.source,
                "characters": f.characters,
                "score": f.score,
                "terms": [
                    {"term": t.term, "kind": t.kind, "count": t.count, "rate": t.rate,
                     "rest_rate": t.rest_rate, "g2": t.g2}
                    for t in f.terms
                ],  # fmt: skip
            }
            for f in result.files
        ]
    obj["skipped"] = [{"source": src, "reason": why} for src, why in result.skipped]
    return obj


def trend_preface(result: Trend) -> list[tuple[str, str]]:
    """The lines above a trend's tables: documents, periods, characters, the halves."""
    labels = [p.label for p in result.periods]
    span = f"{labels[0]} … {labels[-1]}"
    preface = [
        ("documents", f"{len(result.documents)} in {len(labels)} period"
                      f"{'' if len(labels) == 1 else 's'} ({span})"),
        ("characters", f"{sum(p.characters for p in result.periods):,}"),
    ]  # fmt: skip
    if result.split:
        # the halves split the text as evenly as the periods allow: their sizes say how evenly
        k = labels.index(result.split)
        early = sum(p.characters for p in result.periods[:k])
        late = sum(p.characters for p in result.periods[k:])
        preface.append((
            "halves",
            f"before {result.split} | from {result.split} on ({early:,} | {late:,} characters)",
        ))  # fmt: skip
    return preface


def trend_sections(result: Trend, fmt: str) -> list[Section]:
    """A trend's tables (CSV keeps the numbers unrounded and the changes in one table)."""
    if result.terms:
        sections = _term_sections(result, fmt)
        if result.by == "file":
            sections.append(_file_section(result, fmt))
        return sections
    if result.by == "file":
        return [_file_section(result, fmt), _formulation_trend_section(result)]
    return _change_sections(result, fmt)


def _rate(value: float, fmt: str) -> Any:
    return value if fmt == "csv" else f"{value:.2f}"


def _term_sections(result: Trend, fmt: str) -> list[Section]:
    columns = [Column("period", result.by), Column("characters", "chars", kind="number")]
    columns += [Column(s.term, s.term, kind="number") for s in result.terms]
    rows = []
    for i, p in enumerate(result.periods):
        row: dict[str, Any] = {"period": p.label, "characters": p.characters}
        for s in result.terms:
            row[s.term] = _rate(s.rates[i], fmt)
        rows.append(row)
    table = Section("Occurrences per 10,000 characters", columns, rows)
    labels = [p.label for p in result.periods]
    span = f"{labels[0]} … {labels[-1]}" if len(labels) > 1 else labels[0]
    chart_rows = [
        {
            "term": s.term,
            "chart": sparkline(s.rates),
            "first_seen": s.first_seen or "never",
            "peak": f"{s.peak} ({s.peak_rate:.2f})" if s.total else "",
            "total": s.total,
        }
        for s in result.terms
    ]
    chart = Section(
        f"Trend ({span}, one mark per {result.by} with documents; . = absent)",
        [
            Column("term", "term"),
            Column("chart", "rate", kind="chart", max_width=SPARK_MAX),
            Column("first_seen", "first seen"),
            Column("peak", "peak"),
            Column("total", "count", kind="number"),
        ],
        chart_rows,
    )
    return [table, chart]


def _file_section(result: Trend, fmt: str) -> Section:
    """The files ranked by keyness against the rest of the corpus (by="file")."""
    shown = None if fmt in ("csv", "json") else FILE_TERMS_SHOWN
    rows = []
    for i, f in enumerate(result.files, 1):
        terms = f.terms[:shown]
        rows.append(
            {
                "rank": i,
                "file": f.period,
                "characters": f.characters,
                "score": f.score if fmt == "csv" else f"{f.score:+.1f}",
                "terms": "; ".join(
                    f"{t.term} {t.g2:+.0f}" if fmt != "csv" else f"{t.term} {t.g2}" for t in terms
                ),
            }
        )
    what = "the terms asked" if result.terms else "key terms"
    return Section(
        f"Files by keyness against the rest ({what}, signed G2: + used more than the rest)",
        [
            Column("rank", "#", kind="number"),
            Column("file", "file"),
            Column("characters", "chars", kind="number"),
            Column("score", "G2", kind="number"),
            Column("terms", what),
        ],
        rows,
    )


def _change_columns(*, direction: bool = False) -> list[Column]:
    cols = [Column("rank", "#", kind="number")]
    if direction:
        cols.append(Column("direction", "direction"))
    return cols + [
        Column("term", "term"),
        # (a narrow terminal drops these before the numbers: the kind, the peak, first seen)
        Column("kind", "kind", optional=1),
        Column("first_seen", "first seen", optional=3),
        Column("peak", "peak", optional=2),
        Column("early_rate", "before", kind="number"),
        Column("late_rate", "after", kind="number"),
        Column("change", "G2", kind="number"),
        Column("chart", "trend", kind="chart", max_width=CHANGE_SPARK),
    ]


def _change_rows(
    series: Sequence[TermTrend], fmt: str, direction: str | None = None
) -> list[dict[str, Any]]:
    rows = []
    for i, s in enumerate(series, 1):
        row: dict[str, Any] = {
            "rank": i,
            "term": s.term,
            "kind": s.kind,
            "first_seen": s.first_seen,
            "peak": s.peak,
            "early_rate": _rate(s.early_rate, fmt),
            "late_rate": _rate(s.late_rate, fmt),
            "change": s.change if fmt == "csv" else f"{s.change:+.1f}",
            "chart": sparkline(s.rates, width=CHANGE_SPARK),
        }
        if direction:
            row["direction"] = direction
        rows.append(row)
    return rows


def _change_sections(result: Trend, fmt: str) -> list[Section]:
    labels = [p.label for p in result.periods]
    i = labels.index(result.split or "")
    before = f"{labels[0]}–{labels[i - 1]}" if i > 1 else labels[0]
    after = f"{labels[i]}–{labels[-1]}" if i < len(labels) - 1 else labels[i]
    if fmt == "csv":
        rows = _change_rows(result.rising, fmt, "rising")
        rows += _change_rows(result.falling, fmt, "falling")
        return [Section("Changes", _change_columns(direction=True), rows)]
    note = f"per 10,000 characters, {before} vs {after}"
    return [
        Section(f"Rising ({note})", _change_columns(), _change_rows(result.rising, fmt)),
        Section(f"Falling ({note})", _change_columns(), _change_rows(result.falling, fmt)),
        _formulation_trend_section(result),
    ]


def _formulation_trend_section(result: Trend) -> Section:
    rows = [
        {
            "first_seen": s.first_seen,
            "term": s.term,
            "last_seen": s.last_seen,
            "peak": s.peak,
            "total": s.total,
            "chart": sparkline(s.rates, width=CHANGE_SPARK),
        }
        for s in result.formulations
    ]
    columns = [
        Column("first_seen", "first seen"),
        Column("term", "formulation"),
        Column("last_seen", "last seen"),
        Column("peak", "peak"),
        Column("total", "count", kind="number"),
        Column("chart", "trend", kind="chart", max_width=CHANGE_SPARK),
    ]
    return Section(
        "Formulations by first seen (the most used)", columns, rows,
        empty="(no formulation extractor, or none found)",
    )  # fmt: skip


# --------------------------------------------------------------------------- batch

SPREAD_COLUMNS = (
    "formulation", "origin", "documents", "first_source", "first_date", "national_first_seen",
)  # fmt: skip


def spread_to_dict(s: Spread) -> dict[str, Any]:
    """One row of the spread table (`SPREAD_COLUMNS`)."""
    return {
        "formulation": s.text,
        "origin": s.origin,
        "documents": s.documents,
        "first_source": s.first_source,
        "first_date": s.first_date,
        "national_first_seen": s.national_first_seen,
    }
