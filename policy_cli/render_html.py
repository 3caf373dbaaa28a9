"""HTML pages to look at instead of read: a document's brief and the diff of two reports.

One entry function per page, each taking the typed result and the document(s) whose text it
shows, and returning one self-contained HTML file (inline CSS and SVG; no script, no font or
image fetched: a Content-Security-Policy forbids both):

- `brief_page(summary, document)`: header, key terms as an SVG bar chart, formulations, targets,
  people, then the full text with every formulation (by kind and origin), target and person
  marked. Each mark says on hover what it is, where it comes from and how often it is said, and
  links to its next occurrence; noise cut before analysis is listed struck through, folded.
- `diff_page(diff, old, new)`: the headlines, the targets side by side, the 提法 and terms
  added and dropped, then both texts side by side with those items marked.

Document text is data: every string that comes from a document (its text, title, file name,
formulations, targets) is escaped with `html.escape`, so markup or script in a document shows
as text. Marks never nest and never cross a paragraph: where two would overlap, a target wins,
then the longer phrase (a formulation or a person's name; a name over a phrase as long).

No typer or rich here, and nothing the core does not already compute: this module only lays out.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from policy_cli.models import (
    HEADLINE_DROPPED_FORMULATION,
    HEADLINE_DROPPED_TERM,
    HEADLINE_NEW_FORMULATION,
    HEADLINE_NEW_TERM,
    HEADLINE_TARGET,
    Document,
    Formulation,
    FormulationChange,
    Keyword,
    ReportDiff,
    Summary,
    Target,
    TargetChange,
    TermNews,
    national_note,
)
from policy_cli.serialize import BIDI_MARKS, target_numbers

# How the page lays out (names, not literals in the functions below)
LISTED_FORMULATIONS = 10  # formulations shown in the brief's open table; the rest are folded
CHART_LABEL_CHARS = 9  # a key term longer than this is cut (…) in the chart's label
HEADING_MAX_CHARS = 40  # a paragraph this short that ends without punctuation is a heading
SENTENCE_END = "。！？；：…!?;:）)”’"  # a paragraph ending so is running text, not a heading
PHONE_WIDTH_PX = 720  # at most this wide the columns stack

KIND_LABELS = {
    "code": "coded programme",
    "numbered": "numbered formulation",
    "slogan": "slogan",
    "name": "name",
    "metaphor": "metaphor",
    "document": "document title",
}
ORIGIN_LABELS = {
    "national": "national: an established national formulation",
    "local": "local: the document's own (national text says the phrase)",
    "new": "new: said nowhere in the national corpus",
}

# control characters, the marks of bidirectional text (an override shows what follows reversed)
# and lone surrogates
_UNSAFE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{BIDI_MARKS}\ud800-\udfff]")
_CLASS_WORD = re.compile(r"[^a-z0-9-]")


def esc(value: object) -> str:
    """Escape text for HTML, in content and in quoted attributes alike.

    Control characters (terminal escapes among them) and bidirectional marks are dropped and a
    lone surrogate (an undecodable byte of a file name) becomes U+FFFD, so that the page is
    valid UTF-8 text that shows in the order it is written.
    """
    text = _UNSAFE.sub(lambda m: "\ufffd" if m.group() >= "\ud800" else "", str(value))
    return html.escape(text, quote=True)


def _class_word(value: str) -> str:
    """A CSS class fragment from a model value (kind, origin): letters, digits and -."""
    return _CLASS_WORD.sub("", value.lower()) or "other"


# --------------------------------------------------------------------------- marks in a text


@dataclass(frozen=True)
class _Mark:
    """A span of a document's text to mark: its classes, hover text and the item it belongs to.

    Occurrences of one item share `group`; once placed, each links to the next one (the last to
    the first) unless `link` names another anchor (a target's counterpart in the other text).
    """

    start: int
    end: int
    classes: str
    title: str
    group: str
    link: str | None = None


@dataclass(frozen=True)
class _Placed:
    mark: _Mark
    anchor: str
    href: str
    title: str


def _occurrences(text: str, words: Iterable[str]) -> dict[str, list[int]]:
    """Where each word occurs, left to right without overlap (one Aho-Corasick pass)."""
    from policy_cli.api import occurrences

    return occurrences(text, words)


def _place(document: Document, candidates: Iterable[_Mark]) -> dict[str, list[_Placed]]:
    """Keep the marks that fit, in the order given (the first wins an overlap); give each an
    anchor, a link to its item's next occurrence and its place among them in the hover text.

    Returns:
        {group: placed marks in text order}.
    """
    text = document.text
    starts = [p.start for p in document.paragraphs]
    taken = bytearray(len(text))
    kept: dict[str, list[_Mark]] = {}
    for m in candidates:
        if not 0 <= m.start < m.end <= len(text):
            continue
        para = bisect_right(starts, m.start) - 1
        if para < 0 or m.end > document.paragraphs[para].end:
            continue  # a mark stays inside one paragraph
        if taken.find(1, m.start, m.end) != -1:
            continue
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
        kept.setdefault(m.group, []).append(m)
    placed: dict[str, list[_Placed]] = {}
    for group, marks in kept.items():
        marks.sort(key=lambda m: m.start)
        n = len(marks)
        out = []
        for k, m in enumerate(marks, 1):
            href = m.link or f"{group}-{k % n + 1}"
            where = f"{k} of {n} marked; click for the next" if n > 1 else "marked once"
            if m.link:
                where = "click for it in the other text"
            out.append(_Placed(m, f"{group}-{k}", href, f"{m.title} · {where}"))
        placed[group] = out
    return placed


def _first_anchor(placed: dict[str, list[_Placed]], group: str) -> str | None:
    marks = placed.get(group)
    return marks[0].anchor if marks else None


def _is_heading(paragraph: str) -> bool:
    return len(paragraph) <= HEADING_MAX_CHARS and not paragraph.rstrip().endswith(
        tuple(SENTENCE_END)
    )


def _text_html(document: Document, placed: dict[str, list[_Placed]]) -> str:
    """The document's paragraphs with the placed marks as links (`<a class="m …">`)."""
    marks = sorted((p for group in placed.values() for p in group), key=lambda p: p.mark.start)
    text = document.shown_text  # the same length as the analysed text: the marks' offsets hold
    out: list[str] = []
    k = 0
    for para in document.paragraphs:
        pieces: list[str] = []
        pos = para.start
        while k < len(marks) and marks[k].mark.start < para.end:
            p = marks[k]
            k += 1
            if p.mark.start < pos:  # cannot happen for placed marks; never emit text twice
                continue
            pieces.append(esc(text[pos : p.mark.start]))
            pieces.append(
                f'<a class="{p.mark.classes}" id="{p.anchor}" href="#{p.href}" '
                f'title="{esc(p.title)}">{esc(text[p.mark.start : p.mark.end])}</a>'
            )
            pos = p.mark.end
        pieces.append(esc(text[pos : para.end]))
        tag = ' class="hd"' if _is_heading(para.text) else ""
        out.append(f"<p{tag}>{''.join(pieces)}</p>")
    return "\n".join(out)


def _target_span(document: Document, offset: int, text: str | None) -> tuple[int, int] | None:
    """Where a target's text is in the document (its offset, else its first occurrence)."""
    if not text:
        return None
    if 0 <= offset and document.text.startswith(text, offset):
        return offset, offset + len(text)
    at = document.text.find(text)
    return (at, at + len(text)) if at >= 0 else None


def _origin_note(f: Formulation) -> str:
    if f.origin == "national":
        return f"national since {f.first_seen[:4]}" if f.first_seen else "national"
    return f.origin or "origin unknown"


def _short(source: str) -> str:
    """A document's file name without its folders, for headings (the facts give the path)."""
    return source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or source


def _link(text: str, anchor: str | None) -> str:
    """Escaped text, as a link to `anchor` when the item is marked in the text."""
    return f'<a href="#{anchor}">{esc(text)}</a>' if anchor else esc(text)


# --------------------------------------------------------------------------- page frame


_CSS = """
:root{--fg:#1f2328;--muted:#59636e;--line:#d8dee4;--soft:#f6f8fa;
--nat:#dbeafe;--loc:#fdecc8;--new:#d3f5dc;--oth:#ececec;
--tgt:#cf222e;--per:#8250df;--add:#b7f0c6;--drop:#ffd2d0;--chg:#e16f24;--bar:#3b6fb6}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0 auto;max-width:76rem;padding:1rem 1.5rem 3rem;color:var(--fg);background:#fff;
font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB",
"Microsoft YaHei","WenQuanYi Micro Hei","Noto Sans SC",sans-serif;font-size:16px;line-height:1.75}
h1{font-size:1.6rem;line-height:1.35;margin:.6rem 0 .4rem}
h2{font-size:1.2rem;margin:2rem 0 .6rem;padding-bottom:.2rem;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:1.2rem 0 .4rem}
a{color:#0b5cad}
.muted,.note{color:var(--muted)}
.note{font-size:.9rem}
nav.toc{font-size:.9rem;margin:.3rem 0 1rem}
nav.toc a{margin-right:.9rem;white-space:nowrap}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1.2rem;margin:.5rem 0}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0;overflow-wrap:anywhere}
.text{overflow-wrap:anywhere}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{text-align:left;padding:.3rem .55rem;border-bottom:1px solid var(--line);vertical-align:top}
th{background:var(--soft);font-weight:600;white-space:nowrap}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.s{white-space:nowrap}
tr.chg td{background:#fff4e5}
ul.items{list-style:none;padding:0;margin:.3rem 0;display:flex;flex-wrap:wrap;gap:.3rem .6rem}
ul.items li{white-space:nowrap}
svg.chart{display:block;width:100%;max-width:36rem;height:auto}
svg.chart text{font-size:14px;fill:var(--fg)}
svg.chart text.v{fill:var(--muted);font-size:12px}
svg.chart rect{fill:var(--bar)}
.legend{position:sticky;top:0;z-index:2;background:rgba(255,255,255,.96);
border-bottom:1px solid var(--line);padding:.4rem 0;font-size:.85rem;line-height:2}
.legend span.m{margin-right:.5rem;white-space:nowrap}
.legend b{margin-right:.4rem;font-weight:600}
.text p{margin:.55rem 0}
.text p.hd{font-weight:700;font-size:1.05rem;margin-top:1.3rem}
a.m{color:inherit;text-decoration:none;border-radius:2px;padding:0 1px;
scroll-margin-top:5rem;-webkit-box-decoration-break:clone;box-decoration-break:clone;
-webkit-print-color-adjust:exact;print-color-adjust:exact}
a.m:hover{filter:brightness(.93)}
a.m:target{outline:3px solid #f5b000;outline-offset:1px}
.m.f{border-bottom:2px solid #6e7781}
.m.o-national{background:var(--nat)}
.m.o-local{background:var(--loc)}
.m.o-new{background:var(--new)}
.m.o-other{background:var(--oth)}
.m.k-numbered{border-bottom:3px double #6e7781}
.m.k-code{border-bottom-style:dotted}
.m.k-name{border-bottom-style:dashed}
.m.k-metaphor,.m.k-document{border-bottom-color:#8c959f}
.m.t{box-shadow:inset 0 0 0 1.5px var(--tgt);color:#a40e26}
.m.t.hl{font-weight:600}
.m.p{color:var(--per);font-weight:600;border-bottom:2px solid var(--per)}
.m.add{background:var(--add)}
.m.drop{background:var(--drop)}
.m.nt{border-bottom:2px dotted #1a7f37}
.m.dt{border-bottom:2px dotted var(--tgt)}
.m.chg{box-shadow:inset 0 0 0 2px var(--chg);color:#953800;font-weight:600}
span.m{padding:0 .25rem}
.what{display:inline-block;font-size:.8rem;padding:0 .35rem;border-radius:3px;background:var(--soft);
border:1px solid var(--line);margin-right:.35rem;white-space:nowrap}
ol.headlines li{margin:.2rem 0}
details{margin:.5rem 0}
details>summary{cursor:pointer;color:var(--muted)}
details.noise li{margin:.3rem 0}
details.noise del{color:var(--muted)}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1.2rem}
.cols>section{min-width:0}
.pane{max-height:88vh;overflow-y:auto;border:1px solid var(--line);border-radius:4px;padding:0 .9rem}
.pane h3{position:sticky;top:0;background:#fff;margin:0;padding:.4rem 0;border-bottom:1px solid var(--line)}
footer{margin-top:2.5rem;font-size:.8rem;color:var(--muted)}
@media (max-width:%(phone)dpx){
body{padding:.6rem .75rem 2rem;font-size:15px}
h1{font-size:1.3rem}
dl.facts{grid-template-columns:1fr;gap:0}
dl.facts dd{margin-bottom:.3rem}
.cols{grid-template-columns:1fr}
.pane{max-height:none;overflow:visible;border:0;padding:0}
.legend{position:static}
table{font-size:.85rem}
}
@media print{
body{max-width:none;padding:0;font-size:10.5pt;line-height:1.6}
nav.toc,.legend .hint{display:none}
.legend{position:static;border:0}
a{color:inherit;text-decoration:none}
a.m:target{outline:none}
h2,h3{break-after:avoid}
tr,li{break-inside:avoid}
.cols{display:block}
.pane{max-height:none;overflow:visible;border:0;padding:0}
.pane h3{position:static}
}
"""


def _page(title: str, body: str) -> str:
    """The whole HTML file: head (charset, viewport, CSP, inline CSS) and body."""
    from policy_cli import __version__

    css = _CSS.replace("%(phone)d", str(PHONE_WIDTH_PX))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # nothing is fetched and nothing runs: markup slipped into the page could not either
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
        f'<meta name="generator" content="policy-cli {esc(__version__)}">\n'
        f"<title>{esc(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n{body}\n"
        f'<footer>Made by policy-cli {esc(__version__)}: one file, no script, nothing fetched. '
        "Hover a mark for what it is; click it for its next occurrence.</footer>\n"
        "</body>\n</html>\n"
    )


def _facts(rows: Sequence[tuple[str, str | None]]) -> str:
    items = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in rows if v)
    return f'<dl class="facts">{items}</dl>'


def _table(head: Sequence[str], rows: Sequence[Sequence[str]], *, numeric: Iterable[int] = (),
           row_classes: Sequence[str] | None = None) -> str:
    """A table of already-escaped cells; columns in `numeric` align right."""
    num = set(numeric)
    ths = "".join(f'<th{" class=n" if i in num else ""}>{h}</th>' for i, h in enumerate(head))
    body = []
    for r, row in enumerate(rows):
        cls = f' class="{row_classes[r]}"' if row_classes and row_classes[r] else ""
        tds = "".join(f'<td{" class=n" if i in num else ""}>{c}</td>' for i, c in enumerate(row))
        body.append(f"<tr{cls}>{tds}</tr>")
    return (f'<div class="scroll"><table><thead><tr>{ths}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table></div>")


# --------------------------------------------------------------------------- the brief


def _bar_chart(keywords: Sequence[Keyword]) -> str:
    """Key terms as horizontal bars (length: TF-IDF score), each labelled with its count."""
    if not keywords:
        return '<p class="muted">(no key terms)</p>'
    row, label_w, bar_w, pad = 26, 130, 290, 4
    width, height = label_w + bar_w + 60, pad * 2 + row * len(keywords)
    top = max(k.score for k in keywords) or 1.0
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'role="img" aria-labelledby="chart-title" xmlns="http://www.w3.org/2000/svg">'
        '<title id="chart-title">Key terms: bar length is the TF-IDF score, the figure the '
        "count</title>"
    ]
    for i, k in enumerate(keywords):
        y = pad + i * row
        mid = y + row / 2
        w = max(1.0, bar_w * k.score / top)
        short = len(k.term) <= CHART_LABEL_CHARS
        label = k.term if short else k.term[: CHART_LABEL_CHARS - 1] + "…"
        parts.append(
            f"<g><title>{esc(k.term)}: score {k.score:.4f}, ×{k.count}</title>"
            f'<text x="{label_w - 8}" y="{mid:.1f}" text-anchor="end" '
            f'dominant-baseline="central">{esc(label)}</text>'
            f'<rect x="{label_w}" y="{y + 5}" width="{w:.1f}" height="{row - 10}" rx="2"/>'
            f'<text class="v" x="{label_w + w + 6:.1f}" y="{mid:.1f}" '
            f'dominant-baseline="central">×{k.count}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _formulation_title(f: Formulation) -> str:
    parts = ["提法", KIND_LABELS.get(f.kind, f.kind), _origin_note(f), f"said ×{f.count}"]
    if f.refers_to:
        parts.append(f"refers to {f.refers_to}")
    if f.items:
        parts.append("：".join(("items", "、".join(f.items))))
    return " · ".join(parts)


def _target_title(t: Target) -> str:
    parts = ["target", t.canonical or t.indicator, t.value]
    if t.year:
        parts.append(f"for {t.year}")
    if t.period:
        parts.append(t.period)
    if t.core:
        parts.append("headline target")
    elif t.section:
        parts.append(t.section)
    return " · ".join(parts)


def _brief_marks(summary: Summary, document: Document) -> list[_Mark]:
    """Every target, person and formulation of the brief at each place the text says it."""
    text = document.text
    marks: list[_Mark] = []
    for i, t in enumerate(summary.targets):
        span = _target_span(document, t.offset, t.text)
        if span:
            classes = "m t hl" if t.core else "m t"
            marks.append(_Mark(span[0], span[1], classes, _target_title(t), f"t{i}"))
    items: list[tuple[str, str, str, str]] = []  # (words, classes, hover text, group)
    for i, p in enumerate(summary.people):
        title = " · ".join(x for x in ("person", "、".join(p.titles), f"named ×{p.count}") if x)
        items.append((p.name, "m p", title, f"p{i}"))
    for i, f in enumerate(summary.formulations):
        classes = f"m f o-{_class_word(f.origin or 'other')} k-{_class_word(f.kind)}"
        items.append((f.text, classes, _formulation_title(f), f"f{i}"))
    found = _occurrences(text, (words for words, _, _, _ in items))
    # a longer phrase wins over one it holds (新发展理念 inside 完整、准确、全面贯彻新发展理念,
    # a name inside 习近平新时代中国特色社会主义思想); a person over a phrase as long
    order = sorted(range(len(items)), key=lambda k: (-len(items[k][0]), k))
    for k in order:
        words, classes, title, group = items[k]
        marks += [_Mark(s, s + len(words), classes, title, group) for s in found.get(words, ())]
    return marks


def _brief_legend(summary: Summary) -> str:
    origins = [o for o in ORIGIN_LABELS if any(f.origin == o for f in summary.formulations)]
    kinds = list(dict.fromkeys(f.kind for f in summary.formulations))
    items = ["<b>提法 by origin</b>"]
    items += [f'<span class="m f o-{o}" title="{esc(ORIGIN_LABELS[o])}">{esc(o)}</span>'
              for o in origins]
    if kinds:
        items.append("<b>by kind (underline)</b>")
        items += [
            f'<span class="m f o-other k-{_class_word(k)}">{esc(KIND_LABELS.get(k, k))}</span>'
            for k in kinds
        ]
    items.append("<b>also</b>")
    items.append('<span class="m t hl">headline target</span>')
    items.append('<span class="m t">target</span>')
    items.append('<span class="m p">person</span>')
    return (f'<div class="legend" role="note">{" ".join(items)} '
            '<span class="muted hint">· hover: kind, origin, count · click: next occurrence'
            "</span></div>")


def brief_page(summary: Summary, document: Document, *, listed: int = LISTED_FORMULATIONS) -> str:
    """Render a brief as one self-contained HTML page.

    Args:
        summary: the brief (`summary_of`); every formulation it holds is marked in the text, so
            ask for all of them (`summary_of(..., formulations=0)`) to see them all.
        document: the document the summary is of (its text is shown whole).
        listed: how many formulations the open table lists (the rest are folded).

    Returns:
        The HTML text.
    """
    placed = _place(document, _brief_marks(summary, document))
    h = summary.header
    title = h.title or _short(summary.source)
    date = h.date
    if h.date_iso and h.date_iso != h.date:
        date = f"{h.date} ({h.date_iso})" if h.date else h.date_iso
    effective = h.effective_date
    if h.effective_date_iso and effective and h.effective_date_iso != effective:
        effective = f"{effective} ({h.effective_date_iso})"
    who = h.speaker if h.speaker and h.speaker != h.issuer else None
    s = summary.stats
    facts = _facts([
        ("source", summary.source), ("date", date or "not stated"), ("type", h.doc_type),
        ("number", h.number), ("issuer", h.issuer), ("speaker", who),
        ("effective", effective),
        ("size", f"{s.characters:,} characters, {s.paragraphs} paragraphs, "
                 f"{s.sentences} sentences"),
    ])
    body = [
        f"<header><h1>{esc(title)}</h1>{facts}</header>",
        '<nav class="toc"><a href="#terms">Key terms</a><a href="#formulations">提法</a>'
        '<a href="#targets">Targets</a><a href="#people">People</a>'
        '<a href="#text">Full text</a><a href="#noise">Noise cut</a></nav>',
        '<section id="terms"><h2>Key terms</h2>', _bar_chart(summary.keywords), "</section>",
        _brief_formulations(summary, placed, listed),
        _brief_targets(summary, placed),
        _brief_people(summary, placed),
        _key_sentences(summary),
        '<section id="text"><h2>Full text</h2>', _brief_legend(summary),
        f'<div class="text">{_text_html(document, placed)}</div></section>',
        _noise(summary),
    ]
    return _page(f"{title} · policy brief", "\n".join(body))


def _brief_formulations(summary: Summary, placed: dict[str, list[_Placed]], listed: int) -> str:
    forms = summary.formulations
    counts = ", ".join(f"{n} {k}" for k, n in summary.formulation_counts if n)
    by_origin = ", ".join(
        f"{n} {o}" for o in ORIGIN_LABELS if (n := sum(1 for f in forms if f.origin == o))
    )
    def rows(indices: Iterable[int]) -> list[list[str]]:
        return [
            [_link(forms[i].shown, _first_anchor(placed, f"f{i}")),
             esc(KIND_LABELS.get(forms[i].kind, forms[i].kind)),
             f'<span class="m o-{_class_word(forms[i].origin or "other")}">'
             f"{esc(_origin_note(forms[i]))}</span>",
             str(forms[i].count)]
            for i in indices
        ]
    head = ["提法", "kind", "origin", "count"]
    out = ['<section id="formulations"><h2>Formulations (提法)</h2>']
    if counts:
        out.append(f'<p class="note">{esc(counts)}' + (f"; {esc(by_origin)}" if by_origin else "")
                   + ". The document's own come first, then the national ones it echoes.</p>")
    if not forms:
        out.append('<p class="muted">(none found)</p>')
    else:
        out.append(_table(head, rows(range(min(listed, len(forms)))), numeric=[3]))
        if len(forms) > listed:
            out.append(f"<details><summary>Every formulation ({len(forms)})</summary>"
                       + _table(head, rows(range(len(forms))), numeric=[3]) + "</details>")
    out.append("</section>")
    return "\n".join(out)


def _brief_targets(summary: Summary, placed: dict[str, list[_Placed]]) -> str:
    out = ['<section id="targets"><h2>Targets</h2>']
    if not summary.targets:
        out.append('<p class="muted">(none stated)</p></section>')
        return "\n".join(out)
    rows, classes = [], []
    for i, t in enumerate(summary.targets):
        name = t.indicator if t.canonical == t.indicator else f"{t.indicator}（{t.canonical}）"
        numbers = target_numbers(t)
        arrow = {"up": "↑", "down": "↓"}.get(t.direction or "", "")
        value = t.value + "".join(f"（{x}）" for x in (t.period, t.note) if x)
        rows.append([
            _link(name, _first_anchor(placed, f"t{i}")), esc(value), esc(numbers),
            esc(t.unit or ""), esc(arrow + (t.modifier or "")), esc(t.year or ""),
            esc("headline" if t.core else (t.section or "")),
        ])
        classes.append("hl" if t.core else "")
    out.append(_table(["indicator", "value", "number", "unit", "modifier", "year", "section"],
                      rows, numeric=[2], row_classes=classes))
    out.append("</section>")
    return "\n".join(out)


def _brief_people(summary: Summary, placed: dict[str, list[_Placed]]) -> str:
    out = ['<section id="people"><h2>People</h2>']
    if summary.people:
        rows = [[_link(p.name, _first_anchor(placed, f"p{i}")), esc("、".join(p.titles)),
                 str(p.count)] for i, p in enumerate(summary.people)]
        out.append(_table(["name", "titles", "count"], rows, numeric=[2]))
    else:
        out.append('<p class="muted">(none named)</p>')
    if summary.organizations:
        items = "".join(f"<li>{esc(o)}</li>" for o in summary.organizations)
        out.append(f'<h3>Organisations</h3><ul class="items">{items}</ul>')
    out.append("</section>")
    return "\n".join(out)


def _key_sentences(summary: Summary) -> str:
    if not summary.key_sentences:
        return ""
    items = "".join(f"<li>{esc(s.text)}</li>" for s in summary.key_sentences)
    return f'<section id="sentences"><h2>Key sentences</h2><ol>{items}</ol></section>'


def _noise(summary: Summary) -> str:
    out = ['<section id="noise"><h2>Noise cut</h2>']
    if not summary.warnings:
        out.append('<p class="muted">Nothing was cut from this document as noise.</p>')
    else:
        chars = sum(len(w.text) for w in summary.warnings)
        items = "".join(
            f"<li><span class=\"what\">{esc(w.reason)}</span><del>{esc(w.text)}</del></li>"
            for w in summary.warnings
        )
        out.append(
            f'<details class="noise"><summary>{len(summary.warnings)} spans '
            f"({chars:,} characters) were cut before analysis (--keep-noise keeps them)"
            f"</summary><ul>{items}</ul></details>"
        )
    out.append("</section>")
    return "\n".join(out)


# --------------------------------------------------------------------------- the diff


def _change_title(c: FormulationChange) -> str:
    if c.status == "added":
        said = f"×{c.new_count} in NEW, never in OLD"
        head = "提法 added"
    else:
        said = f"×{c.old_count} in OLD, never in NEW"
        head = "提法 dropped"
    note = national_note(c.documents, c.first_seen, c.rarity)
    return " · ".join((head, KIND_LABELS.get(c.kind, c.kind), said, note))


def _term_title(t: TermNews) -> str:
    if t.status == "new":
        head, said = "new term", f"×{t.new_count} in NEW, never in OLD"
    else:
        head, said = "dropped term", f"×{t.old_count} in OLD, never in NEW"
    return " · ".join((head, said, national_note(t.documents, t.first_seen, t.rarity)))


def _target_change_title(t: TargetChange) -> str:
    what = t.change or "unchanged"
    return f"target · {t.indicator} · {t.old_value or '—'} → {t.new_value or '—'} · {what}"


def _diff_marks(diff: ReportDiff, old: Document, new: Document) -> tuple[list[_Mark], list[_Mark]]:
    """The marks of each text: changed targets, then 提法 added (NEW) or dropped (OLD), then
    terms new or dropped, longer phrases first."""
    old_marks: list[_Mark] = []
    new_marks: list[_Mark] = []
    for i, t in enumerate(diff.targets):
        if not t.changed:
            continue
        o = _target_span(old, t.old_offset, t.old_text) if t.old_value else None
        n = _target_span(new, t.new_offset, t.new_text) if t.new_value else None
        title = _target_change_title(t)
        if o:
            old_marks.append(_Mark(o[0], o[1], "m chg", title, f"to{i}",
                                   f"tn{i}-1" if n else None))
        if n:
            new_marks.append(_Mark(n[0], n[1], "m chg", title, f"tn{i}",
                                   f"to{i}-1" if o else None))

    def phrases(doc: Document, changes: Sequence[FormulationChange], terms: Sequence[TermNews],
                form_cls: str, term_cls: str, prefix: str) -> list[_Mark]:
        found = _occurrences(doc.text, [*(c.text for c in changes), *(t.term for t in terms)])
        items = [(c.text, f"m {form_cls}", _change_title(c), f"f{prefix}{i}")
                 for i, c in enumerate(changes)]
        items += [(t.term, f"m {term_cls}", _term_title(t), f"n{prefix}{i}")
                  for i, t in enumerate(terms)]
        out: list[_Mark] = []
        # 提法 before terms, a longer phrase before a shorter one
        order = sorted(range(len(items)), key=lambda k: (not items[k][3].startswith("f"),
                                                         -len(items[k][0]), k))
        for k in order:
            text, cls, title, group = items[k]
            out += [_Mark(s, s + len(text), cls, title, group) for s in found.get(text, ())]
        return out

    old_marks += phrases(old, diff.removed, diff.dropped_terms, "drop", "dt", "d")
    new_marks += phrases(new, diff.added, diff.new_terms, "add", "nt", "a")
    return old_marks, new_marks


def diff_page(diff: ReportDiff, old: Document, new: Document) -> str:
    """Render a diff as one self-contained HTML page: headlines, targets, lists, both texts.

    Args:
        diff: the diff (`diff_of(old, new)`); the items its lists hold are the ones marked.
        old: the earlier report (shown on the left).
        new: the later report (shown on the right).

    Returns:
        The HTML text.
    """
    old_marks, new_marks = _diff_marks(diff, old, new)
    placed_old = _place(old, old_marks)
    placed_new = _place(new, new_marks)
    placed = {**placed_old, **placed_new}
    facts = _facts([
        ("old", f"{diff.old} ({diff.old_characters:,} characters)"),
        ("new", f"{diff.new} ({diff.new_characters:,} characters)"),
        ("similarity", f"{diff.similarity:.4f} (TF-IDF cosine)"
         + (", identical texts" if diff.identical else "")),
        *(("note", n) for n in diff.notes),
    ])
    title = f"{_short(diff.old)} → {_short(diff.new)}"
    body = [
        f"<header><h1>What changed: {esc(title)}</h1>{facts}</header>",
        '<nav class="toc"><a href="#headlines">Headlines</a><a href="#targets">Targets</a>'
        '<a href="#formulations">提法</a><a href="#terms">Terms</a>'
        '<a href="#texts">Texts side by side</a></nav>',
        _headlines(diff, placed),
        _target_changes(diff, placed),
        _formulation_changes(diff, placed),
        _term_changes(diff, placed),
        _sentence_changes(diff),
        '<section id="texts"><h2>The two texts side by side</h2>',
        '<div class="legend" role="note"><b>marks</b>'
        '<span class="m add">提法 added</span><span class="m drop">提法 dropped</span>'
        '<span class="m nt">new term</span><span class="m dt">dropped term</span>'
        '<span class="m chg">changed target</span> '
        '<span class="muted hint">· hover: what and how often · click: next occurrence (a target: '
        'its counterpart) <a href="#old-text">OLD</a> · <a href="#new-text">NEW</a></span></div>',
        '<div class="cols">',
        f'<section class="pane" id="old-text"><h3>OLD · {esc(_short(diff.old))}</h3>'
        f'<div class="text">{_text_html(old, placed_old)}</div></section>',
        f'<section class="pane" id="new-text"><h3>NEW · {esc(_short(diff.new))}</h3>'
        f'<div class="text">{_text_html(new, placed_new)}</div></section>',
        "</div></section>",
    ]
    return _page(f"{title} · policy diff", "\n".join(body))


def _headline_anchor(h_what: str, text: str, diff: ReportDiff,
                     placed: dict[str, list[_Placed]]) -> str | None:
    lists: dict[str, tuple[Sequence[str], str]] = {
        HEADLINE_NEW_FORMULATION: ([c.text for c in diff.added], "fa"),
        HEADLINE_DROPPED_FORMULATION: ([c.text for c in diff.removed], "fd"),
        HEADLINE_NEW_TERM: ([t.term for t in diff.new_terms], "na"),
        HEADLINE_DROPPED_TERM: ([t.term for t in diff.dropped_terms], "nd"),
    }
    if h_what == HEADLINE_TARGET:
        for i, t in enumerate(diff.targets):
            if t.indicator == text:
                return _first_anchor(placed, f"tn{i}") or _first_anchor(placed, f"to{i}")
        return None
    texts, prefix = lists.get(h_what, ((), ""))
    for i, item in enumerate(texts):
        if item == text:
            return _first_anchor(placed, f"{prefix}{i}")
    return None


def _headlines(diff: ReportDiff, placed: dict[str, list[_Placed]]) -> str:
    out = ['<section id="headlines"><h2>Headlines</h2>']
    if not diff.headlines:
        out.append('<p class="muted">(nothing newsworthy changed)</p>')
    else:
        items = "".join(
            f'<li><span class="what">{esc(h.what)}</span>'
            f"{_link(h.text, _headline_anchor(h.what, h.text, diff, placed))} "
            f'<span class="muted">{esc(h.detail)}</span></li>'
            for h in diff.headlines
        )
        out.append(f'<ol class="headlines">{items}</ol>')
    out.append("</section>")
    return "\n".join(out)


def _target_changes(diff: ReportDiff, placed: dict[str, list[_Placed]]) -> str:
    out = ['<section id="targets"><h2>Targets side by side</h2>']
    if not diff.targets:
        out.append('<p class="muted">(neither report states headline targets)</p></section>')
        return "\n".join(out)
    rows = [
        [esc(t.indicator), _link(t.old_value or "—", _first_anchor(placed, f"to{i}")),
         _link(t.new_value or "—", _first_anchor(placed, f"tn{i}")), esc(t.change or "")]
        for i, t in enumerate(diff.targets)
    ]
    classes = ["chg" if t.changed else "" for t in diff.targets]
    out.append(_table(["indicator", "OLD", "NEW", "what changed"], rows, row_classes=classes))
    out.append("</section>")
    return "\n".join(out)


def _formulation_changes(diff: ReportDiff, placed: dict[str, list[_Placed]]) -> str:
    def table(changes: Sequence[FormulationChange], prefix: str) -> str:
        if not changes:
            return '<p class="muted">(none)</p>'
        rows = [
            [_link(c.text, _first_anchor(placed, f"{prefix}{i}")),
             esc(KIND_LABELS.get(c.kind, c.kind)), str(c.old_count), str(c.new_count),
             esc(national_note(c.documents, c.first_seen, c.rarity))]
            for i, c in enumerate(changes)
        ]
        return _table(["提法", "kind", "OLD", "NEW", "in national text"], rows, numeric=[2, 3])

    out = ['<section id="formulations"><h2>提法 added and dropped</h2>',
           f"<h3>Added (in NEW, never in OLD): {len(diff.added)}</h3>", table(diff.added, "fa"),
           f"<h3>Dropped (in OLD, never in NEW): {len(diff.removed)}</h3>",
           table(diff.removed, "fd")]
    if diff.kept:
        items = "".join(f"<li>{esc(c.text)} {c.old_count}→{c.new_count}</li>" for c in diff.kept)
        out.append(f'<details><summary>Kept ({len(diff.kept)})</summary>'
                   f'<ul class="items">{items}</ul></details>')
    out.append("</section>")
    return "\n".join(out)


def _term_changes(diff: ReportDiff, placed: dict[str, list[_Placed]]) -> str:
    def items(terms: Sequence[TermNews], prefix: str, new: bool) -> str:
        if not terms:
            return '<p class="muted">(none)</p>'
        lis = "".join(
            f"<li>{_link(t.term, _first_anchor(placed, f'{prefix}{i}'))}"
            f"×{t.new_count if new else t.old_count}</li>"
            for i, t in enumerate(terms)
        )
        return f'<ul class="items">{lis}</ul>'

    out = ['<section id="terms"><h2>Terms</h2>',
           f"<h3>New (NEW uses them, OLD never): {len(diff.new_terms)}</h3>",
           items(diff.new_terms, "na", True),
           f"<h3>Dropped (OLD used them, NEW never): {len(diff.dropped_terms)}</h3>",
           items(diff.dropped_terms, "nd", False)]
    for label, changes in (("Rising", diff.rising), ("Falling", diff.falling)):
        if changes:
            lis = "".join(f"<li>{esc(c.term)} {c.old_count}→{c.new_count}</li>" for c in changes)
            out.append(f"<h3>{label} (both use them; G2 ≥ 3.84): {len(changes)}</h3>"
                       f'<ul class="items">{lis}</ul>')
    out.append("</section>")
    return "\n".join(out)


def _sentence_changes(diff: ReportDiff) -> str:
    if diff.sentences_new is None or diff.sentences_old is None:
        return ""
    out = ['<section id="sentences"><h2>Sentences with no counterpart</h2>']
    for label, items in (("Only in NEW", diff.sentences_new), ("Only in OLD", diff.sentences_old)):
        rows = [[str(s.index), f"{s.similarity:.2f}", esc(s.text)] for s in items]
        out.append(f"<h3>{label}: {len(items)}</h3>"
                   + (_table(["#", "best cos", "sentence"], rows, numeric=[0, 1]) if rows
                      else '<p class="muted">(none)</p>'))
    out.append("</section>")
    return "\n".join(out)
