"""`policy diff OLD NEW`: what changed between two reports."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from policy_cli.cli.app import (
    FORMAT_HELP,
    EncodingOpt,
    KeepNoiseOpt,
    LexiconOpt,
    OutputOpt,
    ReportFormat,
    TracebackOpt,
    app,
    check_output,
    emit,
    formulation_options,
    handle_errors,
    output_format,
    read_document,
    report_noise,
)

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
            help="Exit 1 when the texts differ (after normalisation), 0 when they are the same.",
        ),
    ] = False,
    top: Annotated[
        int, typer.Option("--top", "-n", min=0, help="Items per list (0: all).")
    ] = 40,
    fmt: Annotated[
        ReportFormat | None,
        typer.Option("--format", "-f", help=FORMAT_HELP.format(default="table"), show_default=False),
    ] = None,
    output: OutputOpt = None,
    encoding: EncodingOpt = None,
    keep_noise: KeepNoiseOpt = False,
    lexicon: LexiconOpt = None,
    traceback: TracebackOpt = False,
) -> None:
    """Show what changed from OLD to NEW: 提法 added and dropped, rising and falling terms, targets.

    Formulations and terms are counted by exact occurrence in both texts. 提法 are ranked by
    salience: uses times a weight for their shape (a compact name or numbered set first, strings
    of clauses and long descriptions after, word groups that recur in one report only, kind
    "phrase", last). Terms are ranked by log-likelihood G2 (kept when G2 >= 3.84; verbs and
    adjectives need G2 x 0.6 >= 3.84) with the log2 ratio of their rates as effect size.
    --lexicon FILE adds your own terms to the formulations compared.

    Example: policy diff tests/data/docs/gwr-2021.txt tests/data/docs/gwr-2022.txt --top 20
    """
    with handle_errors(traceback):
        from policy_cli.core.diff import diff_documents, diff_to_dict
        from policy_cli.errors import UsageError

        chosen = output_format(fmt, output, ReportFormat, default="table")
        if old == "-" and new == "-":
            raise UsageError("only one of OLD and NEW can be read from standard input")
        options = formulation_options(lexicon)
        check_output(output, [old, new])
        doc_old = read_document(old, encoding=encoding, keep_noise=keep_noise)
        doc_new = read_document(new, encoding=encoding, keep_noise=keep_noise)
        report_noise(doc_old)
        report_noise(doc_new)
        result = diff_documents(
            doc_old, doc_new, top=top, sentences=sentences, formulation_options=options
        )
        preface = [
            ("old", f"{result.old} ({result.old_characters} characters)"),
            ("new", f"{result.new} ({result.new_characters} characters)"),
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
    """The tables of a diff: formulations, terms, targets, sentences."""
    from policy_cli.render import Column, Section

    def form_rows(items: Any) -> list[dict[str, Any]]:
        return [
            {"text": c.text, "kind": c.kind, "old_count": c.old_count,
             "new_count": c.new_count, "context": _snippet(c.context, c.text)}
            for c in items
        ]

    form_cols = [
        Column("text", "提法", max_width=34),
        Column("kind", "kind"),
        Column("old_count", "old", kind="number"),
        Column("new_count", "new", kind="number"),
        Column("context", "context", kind="context"),
    ]
    term_cols = [
        Column("term", "term", max_width=20),
        Column("status", "status"),
        Column("old_count", "old", kind="number"),
        Column("new_count", "new", kind="number"),
        Column("old_rate", "old /10k", kind="number"),
        Column("new_rate", "new /10k", kind="number"),
        Column("g2", "G2", kind="number"),
        Column("log_ratio", "log2 ratio", kind="number"),
    ]

    def term_rows(items: Any) -> list[dict[str, Any]]:
        return [
            {"term": c.term, "status": c.status, "old_count": c.old_count,
             "new_count": c.new_count, "old_rate": f"{c.old_rate:.2f}",
             "new_rate": f"{c.new_rate:.2f}", "g2": f"{c.g2:+.2f}",
             "log_ratio": f"{c.log_ratio:+.2f}"}
            for c in items
        ]

    sections = [
        Section("提法 added (in NEW, never in OLD)", form_cols, form_rows(result.added)),
        Section("提法 removed (in OLD, never in NEW)", form_cols, form_rows(result.removed)),
        Section("提法 kept", form_cols[:4], form_rows(result.kept)),
        Section("Terms rising (G2 >= 3.84)", term_cols, term_rows(result.rising)),
        Section("Terms falling (G2 >= 3.84)", term_cols, term_rows(result.falling)),
        Section(
            "Targets",
            [
                Column("indicator", "indicator", max_width=24),
                Column("old_value", "old", kind="context"),
                Column("new_value", "new", kind="context"),
                Column("change", "change", kind="context"),
            ],
            [
                {"indicator": t.indicator, "old_value": t.old_value or "—",
                 "new_value": t.new_value or "—", "change": t.change}
                for t in result.targets
            ],
        ),
    ]
    if result.sentences_new is not None:
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

        sections += [
            Section("Sentences only in NEW (new words highlighted)", sent_cols,
                    sent_rows(result.sentences_new)),
            Section("Sentences only in OLD (words absent from NEW highlighted)", sent_cols,
                    sent_rows(result.sentences_old)),
        ]
    return sections


def _snippet(sentence: str, text: str, *, before: int = 10, after: int = 18) -> str:
    """The part of a sentence around `text` (a table cell is too narrow for the whole)."""
    at = sentence.find(text)
    if at < 0:
        return sentence
    start, end = max(0, at - before), min(len(sentence), at + len(text) + after)
    return ("…" if start else "") + sentence[start:end] + ("…" if end < len(sentence) else "")
