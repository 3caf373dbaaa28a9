"""`policy summary`: the one-screen brief of a document."""

# no `from __future__ import annotations`: typer reads the signatures of the commands on
# every run and would compile each annotation kept as a string (~5 ms a run)

from enum import Enum
from typing import Annotated

import typer

from policy_cli.cli.app import (
    FORMAT_HELP,
    EncodingOpt,
    FileArg,
    KeepNoiseOpt,
    LexiconOpt,
    OutputOpt,
    TracebackOpt,
    app,
    check_output,
    deliver,
    formulation_options,
    handle_errors,
    inputs_of,
    output_format,
    read_document,
)


class SummaryFormat(str, Enum):
    """Output formats of `policy summary` (csv: the document's one-row form)."""

    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    html = "html"


@app.command()
def summary(
    file: FileArg,
    fmt: Annotated[
        SummaryFormat | None,
        typer.Option("--format", "-f", help=FORMAT_HELP.format(default="table"), show_default=False),
    ] = None,
    sentences: Annotated[
        int, typer.Option("--sentences", min=1, max=20, help="How many key sentences.")
    ] = 5,
    keywords: Annotated[
        int, typer.Option("--keywords", min=1, max=50, help="How many key terms.")
    ] = 10,
    full: Annotated[
        bool,
        typer.Option(
            "--full",
            help="Print every section whole, every formulation too (default: fit 40 lines).",
        ),
    ] = False,
    output: OutputOpt = None,
    encoding: EncodingOpt = None,
    keep_noise: KeepNoiseOpt = False,
    lexicon: LexiconOpt = None,
    traceback: TracebackOpt = False,
) -> None:
    """Brief a document on one screen: title, date, issuer or speaker, number, type, size,
    key terms, formulations, headline targets, people and organisations, key sentences, and
    what was removed as noise.

    The table fits 40 lines at 80 columns (--full prints everything); --format csv gives the
    document's row (the columns of a batch over many documents); --format html (or -o
    brief.html) one page to share: the brief, then the full text with every formulation,
    target and person marked. --lexicon FILE
    adds your own terms to the formulations (listed first).

    Example: policy summary examples/yuhang-conference-2026.txt
    """
    with handle_errors(traceback):
        import io

        from policy_cli import api, render, serialize
        from policy_cli.output import stdout_errors

        chosen = output_format(fmt, output, SummaryFormat, default="table")
        inputs = inputs_of(file, lexicon=lexicon)
        check_output(output, inputs)
        doc = read_document(file, encoding=encoding, keep_noise=keep_noise)
        options = formulation_options(lexicon)
        # the page marks every formulation in the text; the other formats list the top ten
        # (all with --full)
        result = api.summary_of(
            doc, keywords=keywords, sentences=sentences, formulation_options=options,
            formulations=0 if chosen == "html" or full else 10,
        )
        if chosen == "html":
            from policy_cli.render_html import brief_page

            deliver(brief_page(result, doc), output=output, inputs=inputs)
            return
        if chosen == "json":
            content = serialize.to_json(serialize.summary_to_dict(result))
        elif chosen == "markdown":
            content = serialize.brief_to_markdown(result)
        elif chosen == "csv":
            row = serialize.row_section("summary", api.summary_columns(), [api.summary_row(result)])
            content = serialize.to_csv(row)
        elif output is None:
            with stdout_errors():
                render.print_brief(result, console=render.make_console(), full=full)
            return
        else:
            buf = io.StringIO()
            render.print_brief(result, console=render.make_console(file=buf, width=100), full=full)
            content = buf.getvalue()
        deliver(content, output=output, inputs=inputs)
