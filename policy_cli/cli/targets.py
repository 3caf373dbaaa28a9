"""`policy targets`: the targets a document states, as numbers a table can hold."""

from __future__ import annotations

from typing import Annotated

import typer

from policy_cli.cli.app import (
    EncodingOpt,
    FileArg,
    KeepNoiseOpt,
    OutputOpt,
    TableFormat,
    TracebackOpt,
    app,
    emit,
    handle_errors,
    read_document,
    report_noise,
)


@app.command()
def targets(
    file: FileArg,
    headline: Annotated[
        bool, typer.Option("--headline", help="Only the headline targets (主要预期目标, 赤字率…).")
    ] = False,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="Output format.")] = TableFormat.table,
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
        from policy_cli.api import targets_of
        from policy_cli.core.targets import target_to_dict
        from policy_cli.render import Column, Section, target_numbers

        doc = read_document(file, encoding=encoding, keep_noise=keep_noise)
        report_noise(doc)
        found = [target_to_dict(t) for t in targets_of(doc, headline=headline)]
        rows = [
            {**t, "number": t["numbers"][0] if t["numbers"] else None,
             "numbers": target_numbers(t), "core": "yes" if t["core"] else ""}
            for t in found
        ]
        columns = [
            Column("indicator", "indicator", max_width=24),
            Column("canonical", "canonical", max_width=16),
            Column("value", "value", kind="context"),
            Column("number", "first number", justify="right"),
            Column("numbers", "number", justify="right"),
            Column("unit", "unit"),
            Column("modifier", "modifier"),
            Column("direction", "direction"),
            Column("year", "year"),
            Column("period", "period"),
            Column("section", "section"),
            Column("core", "headline"),
            Column("text", "text", kind="context"),
        ]
        if fmt is TableFormat.table:  # at 80 columns: what a reader scans first
            columns = [c for c in columns if c.key not in ("canonical", "number", "direction", "period",
                                                           "section", "core", "text")]
        section = Section("Headline targets" if headline else "Targets", columns, rows,
                          empty="(none stated)")
        emit(fmt.value, output=output, json_obj={"source": doc.source, "targets": found},
             sections=[section], title=doc.source)
