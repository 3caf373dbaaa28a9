"""`policy diff OLD NEW`: what changed between two reports."""

# no `from __future__ import annotations`: typer reads the signatures of the commands on
# every run and would compile each annotation kept as a string (~5 ms a run)

from enum import Enum
from typing import Annotated

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
    inputs_of,
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
            "--sentences",
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
        from policy_cli import api, serialize
        from policy_cli.errors import UsageError

        chosen = output_format(fmt, output, DiffFormat, default="table")
        if old == "-" and new == "-":
            raise UsageError("only one of OLD and NEW can be read from standard input")
        options = formulation_options(lexicon)
        inputs = inputs_of(old, new, lexicon=lexicon)
        check_output(output, inputs)
        doc_old = read_document(old, encoding=encoding, keep_noise=keep_noise)
        doc_new = read_document(new, encoding=encoding, keep_noise=keep_noise)
        report_noise(doc_old)
        report_noise(doc_new)
        if top is None:  # a terminal table reads best short; files and pipelines get more
            top = TABLE_TOP if chosen == "table" and output is None else LIST_TOP
        result = api.diff_of(
            doc_old, doc_new, top=top, sentences=sentences, formulation_options=options
        )
        if chosen == "html":
            from policy_cli.render_html import diff_page

            deliver(diff_page(result, doc_old, doc_new), output=output, inputs=inputs)
            if check and not result.identical:
                raise typer.Exit(1)
            return
        emit(
            chosen,
            output=output,
            json_obj=serialize.diff_to_dict(result),
            sections=serialize.diff_sections(result),
            title="policy diff",
            preface=serialize.diff_preface(result),
            inputs=inputs,
        )
        if check and not result.identical:
            raise typer.Exit(1)
