"""`policy summary`: the one-screen brief of a document."""

from __future__ import annotations

from typing import Annotated

import typer

from policy_cli.cli.app import (
    EncodingOpt,
    FileArg,
    KeepNoiseOpt,
    OutputOpt,
    ReportFormat,
    TracebackOpt,
    app,
    check_output,
    deliver,
    handle_errors,
    read_document,
)


@app.command()
def summary(
    file: FileArg,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ReportFormat.table,
    sentences: Annotated[
        int, typer.Option("--sentences", "-n", min=1, max=20, help="How many key sentences.")
    ] = 5,
    keywords: Annotated[
        int, typer.Option("--keywords", "-k", min=1, max=50, help="How many key terms.")
    ] = 10,
    output: OutputOpt = None,
    encoding: EncodingOpt = None,
    keep_noise: KeepNoiseOpt = False,
    traceback: TracebackOpt = False,
) -> None:
    """Brief a document on one screen: title, date, speaker, type, size, key terms,
    formulations, headline targets, people and organisations, key sentences, and what was
    removed as noise.

    Example: policy summary examples/yuhang-conference-2026.txt
    """
    with handle_errors(traceback):
        import io

        from policy_cli import render
        from policy_cli.api import summary_of
        from policy_cli.core.summary import summary_to_dict
        from policy_cli.output import stdout_errors

        check_output(output, [file])
        doc = read_document(file, encoding=encoding, keep_noise=keep_noise)
        brief = summary_to_dict(summary_of(doc, keywords=keywords, sentences=sentences))
        if fmt is ReportFormat.json:
            content = render.to_json(brief)
        elif fmt is ReportFormat.markdown:
            content = render.brief_to_markdown(brief)
        elif output is None:
            with stdout_errors():
                render.print_brief(brief, console=render.make_console())
            return
        else:
            buf = io.StringIO()
            render.print_brief(brief, console=render.make_console(file=buf, width=100))
            content = buf.getvalue()
        deliver(content, output=output, inputs=[file])
