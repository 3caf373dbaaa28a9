"""`policy diff OLD NEW`: what changed between two reports."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

import typer

from policy_cli.cli.app import (
    FORMAT_HELP,
    EncodingOpt,
    KeepNoiseOpt,
    LexiconOpt,
    OutputOpt,
    TracebackOpt,
    app,
    check_output,
    deliver,
    emit,
    formulation_options,
    handle_errors,
    output_format,
    read_document,
    report_noise,
)

LIST_TOP = 40  # items per list in JSON, Markdown and files
TABLE_TOP = 20  # items per list in a table on the terminal


class DiffFormat(str, Enum):
    """Output formats of `policy diff` (html: one page with both texts side by side)."""

    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"


OldArg = Annotated[
    str, typer.Argument(help="The earlier report: a path, or - for standard input.", show_default=False)
]
NewArg = Annotated[
    str, typer.Argument(help="The later report: a path, or - for standard input.", show_default=False)
]


@app.command()
def diff(
    old: OldArg,
    new: NewArg,
    sentences: Annotated[
        bool,
        typer.Option(
            "--sentences", "-s",
            help="Also list the sentences of each report with no close counterpart in the other.",
        ),
    ] = False,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Exit 1 when the texts differ (after normalisation), 0 when they are the same "
            "(3 when a report cannot be read, as every command).",
        ),
    ] = False,
    top: Annotated[
        int | None,
        typer.Option(
            "--top", "-n", min=0, show_default=False,
            help=f"Items per list, headlines included (0: all) [default: {LIST_TOP}; "
            f"{TABLE_TOP} in the table].",
        ),
    ] = None,
    fmt: Annotated[
        DiffFormat | None,
        typer.Option("--format", "-f", help=FORMAT_HELP.format(default="table"), show_default=False),
    ] = None,
    output: OutputOpt = None,
    encoding: EncodingOpt = None,
    keep_noise: KeepNoiseOpt = False,
    lexicon: LexiconOpt = None,
    traceback: TracebackOpt = False,
) -> None:
    """Show what changed from OLD to NEW: the headlines first, then every list.

    Headlines: the most newsworthy changes of every kind (new and dropped 提法 and terms,
    changed headline targets), weighed by how often each is said, how new it is to national
    text, and whether the overall requirements or a section heading say it. Then the 提法
    added and removed, the terms NEW uses and OLD never does (and the reverse), the terms both
    use whose use rose or fell (log-likelihood G2 >= 3.84), and the headline targets side by
    side, compared as values. Everything is counted by exact occurrence in both texts.
    --lexicon FILE adds your own terms to the formulations compared. --format html (or -o
    diff.html) writes one page: the headlines and targets, then both texts side by side with
    the 提法 and terms added and dropped and the changed targets marked.

    Example: policy diff tests/data/docs/gwr-2021.txt tests/data/docs/gwr-2022.txt --top 20
    """
    with handle_errors(traceback):
        from policy_cli.api import diff_of
        from policy_cli.core.diff import diff_to_dict
        from policy_cli.errors import UsageError

        chosen = output_format(fmt, output, DiffFormat, default="table")
        if old == "-" and new == "-":
            raise UsageError("only one of OLD and NEW can be read from standard input")
        options = formulation_options(lexicon)
        check_output(output, [old, new])
        doc_old = read_document(old, encoding=encoding, keep_noise=keep_noise)
        doc_new = read_document(new, encoding=encoding, keep_noise=keep_noise)
        report_noise(doc_old)
        report_noise(doc_new)
        if top is None:  # a terminal table reads best short; files and pipelines get more
            top = TABLE_TOP if chosen == "table" and output is None else LIST_TOP
        result = diff_of(
            doc_old, doc_new, top=top, sentences=sentences, formulation_options=options
        )
        if chosen == "html":
            from policy_cli.render_html import diff_page

            deliver(diff_page(result, doc_old, doc_new), output=output, inputs=[old, new])
            if check and not result.identical:
                raise typer.Exit(1)
            return
        preface = [
            ("old", f"{result.old} ({result.old_characters:,} characters)"),
            ("new", f"{result.new} ({result.new_characters:,} characters)"),
            ("similarity", f"{result.similarity:.4f} (TF-IDF cosine)"
             + (", identical texts" if result.identical else "")),
            *(("note", n) for n in result.notes),
        ]
        emit(
            chosen,
            output=output,
            json_obj=diff_to_dict(result),
            sections=_sections(result),
            title="policy diff",
            preface=preface,
            inputs=[old, new],
        )
        if check and not result.identical:
            raise typer.Exit(1)


def _sections(result: Any) -> list[Any]:
    """The sections of a diff: headlines, 提法, terms, targets, sentences."""
    from policy_cli.render import Column, Section

    def form_rows(items: Any) -> list[dict[str, Any]]:
        return [
            {"text": c.text, "kind": c.kind, "old_count": c.old_count,
             "new_count": c.new_count, "context": _snippet(c.context, c.text)}
            for c in items
        ]

    form_cols = [
        Column("text", "提法", max_width=24),
        Column("kind", "kind"),
        Column("old_count", "old", kind="number"),
        Column("new_count", "new", kind="number"),
        Column("context", "context", kind="context"),
    ]
    sections = [
        Section(
            "Headlines (the most newsworthy changes)",
            [
                Column("text", "change", max_width=24),
                Column("what", "what"),
                Column("detail", "why", kind="context"),
            ],
            [{"text": h.text, "what": h.what, "detail": h.detail} for h in result.headlines],
        ),
        Section("提法 added (in NEW, never in OLD)", form_cols, form_rows(result.added)),
        Section("提法 removed (in OLD, never in NEW)", form_cols, form_rows(result.removed)),
        _inline("New terms (NEW uses them, OLD never)",
                [f"{t.term}×{t.new_count}" for t in result.new_terms]),
        _inline("Dropped terms (OLD used them, NEW never)",
                [f"{t.term}×{t.old_count}" for t in result.dropped_terms]),
        _inline("Terms rising (both use them; G2 >= 3.84)",
                [f"{t.term} {t.old_count}→{t.new_count}" for t in result.rising]),
        _inline("Terms falling (both use them; G2 >= 3.84)",
                [f"{t.term} {t.old_count}→{t.new_count}" for t in result.falling]),
        _inline("提法 kept", [f"{c.text} {c.old_count}→{c.new_count}" for c in result.kept]),
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
                for t in result.targets
            ],
        ),
    ]
    if result.sentences_new is not None:
        sections += _sentence_sections(result)
    return sections


def _what_changed(change: str) -> str:
    """What changed in a target, in a word or two ("value 6 → 5.5; modifier 以上 → 左右" ->
    "value, modifier"): the old and new columns beside it show the values."""
    named = ("value", "unit", "modifier", "direction")
    parts = [p.strip() for p in change.split(";") if p.strip()]
    return ", ".join(p.split(" ", 1)[0] if p.startswith(named) else p for p in parts)


def _inline(title: str, items: list[str]) -> Any:
    """A section that prints its items on wrapped lines (terms read better so than in a table)."""
    from policy_cli.render import Column, Section

    return Section(title, [Column("item", "item")], [{"item": i} for i in items], layout="inline")


def _sentence_sections(result: Any) -> list[Any]:
    """The sentences of each report with no close counterpart in the other."""
    from policy_cli.render import Column, Section

    sent_cols = [
        Column("index", "#", kind="number"),
        Column("similarity", "best cos", kind="number"),
        # whole sentences, folded over lines: a cut sentence cannot be read
        Column("text", "sentence", max_width=56, highlight="new_words"),
        Column("new_words", "words not in the other", max_width=22),
    ]

    def sent_rows(items: Any) -> list[dict[str, Any]]:
        return [
            {"index": s.index, "similarity": f"{s.similarity:.2f}", "text": s.text,
             "new_words": list(s.new_words)}
            for s in items
        ]

    return [
        Section("Sentences only in NEW (new words highlighted)", sent_cols,
                sent_rows(result.sentences_new)),
        Section("Sentences only in OLD (words absent from NEW highlighted)", sent_cols,
                sent_rows(result.sentences_old)),
    ]


def _snippet(sentence: str, text: str, *, before: int = 8, after: int = 14) -> str:
    """The words around `text` in its sentence, `text` itself shown as ～ (the 提法 column beside
    it says it in full; a narrow cell then still shows what the report says about it)."""
    at = sentence.find(text)
    if at < 0:
        return sentence
    start, end = max(0, at - before), min(len(sentence), at + len(text) + after)
    return (("…" if start else "") + sentence[start:at] + "～" + sentence[at + len(text) : end]
            + ("…" if end < len(sentence) else ""))
