"""`policy targets`: the targets a document states, as numbers a table can hold."""

# no `from __future__ import annotations`: typer reads the signatures of the commands on
# every run and would compile each annotation kept as a string (~5 ms a run)

from typing import Annotated

import typer

from policy_cli.cli.app import (
    FORMAT_HELP,
    EncodingOpt,
    FileArg,
    KeepNoiseOpt,
    OutputOpt,
    TableFormat,
    TracebackOpt,
    app,
    check_output,
    emit,
    handle_errors,
    output_format,
    read_document,
    report_noise,
)


@app.command()
def targets(
    file: FileArg,
    headline: Annotated[
        bool, typer.Option("--headline", help="Only the headline targets (主要预期目标, 赤字率…).")
    ] = False,
    fmt: Annotated[
        TableFormat | None,
        typer.Option(
            "--format", "-f", help=FORMAT_HELP.format(default="table"), show_default=False
        ),
    ] = None,
    output: OutputOpt = None,
    encoding: EncodingOpt = None,
    keep_noise: KeepNoiseOpt = False,
    traceback: TracebackOpt = False,
) -> None:
    """List a document's targets: indicator (as written and its shared name), value, and the
    value as number(s), unit, modifier and year; stage goals of plans (到2035年…) too.

    Example: policy targets examples/gwr-2022.txt --headline --format csv
    """
    with handle_errors(traceback):
        from policy_cli import api, serialize

        chosen = output_format(fmt, output, TableFormat, default="table")
        check_output(output, [file])
        doc = read_document(file, encoding=encoding, keep_noise=keep_noise)
        report_noise(doc)
        found = api.targets_of(doc, headline=headline)
        # at 80 columns the table keeps what a reader scans first
        section = serialize.target_section(found, headline=headline, compact=chosen == "table")
        emit(chosen, output=output, json_obj=serialize.targets_to_dict(doc.source, found),
             sections=[section], title=doc.source, inputs=[file])
