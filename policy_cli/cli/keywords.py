"""`policy keywords`: the ranked key terms of a document."""

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


class Method(str, Enum):
    """Keyword ranking methods."""

    tfidf = "tfidf"
    textrank = "textrank"
    freq = "freq"


@app.command()
def keywords(
    file: FileArg,
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="How many terms to list.")] = 20,
    method: Annotated[Method, typer.Option("--method", "-m", help="Ranking method.")] = Method.tfidf,
    fmt: Annotated[
        TableFormat | None,
        typer.Option("--format", "-f", help=FORMAT_HELP.format(default="table"), show_default=False),
    ] = None,
    output: OutputOpt = None,
    encoding: EncodingOpt = None,
    keep_noise: KeepNoiseOpt = False,
    traceback: TracebackOpt = False,
) -> None:
    """List a document's key terms (TF-IDF against national news and reports, TextRank, frequency).

    Example: policy keywords examples/yuhang-conference-2026.txt --top 10
    """
    with handle_errors(traceback):
        chosen = output_format(fmt, output, TableFormat, default="table")
        from policy_cli import api, serialize

        check_output(output, [file])
        doc = read_document(file, encoding=encoding, keep_noise=keep_noise)
        report_noise(doc)
        result = api.keywords_of(doc, method=method.value, top=top)
        emit(
            chosen,
            output=output,
            json_obj=serialize.keywords_to_dict(doc.source, method.value, result),
            sections=[serialize.keyword_section(
                doc, result, method=method.value, top=top, marked=chosen == "table"
            )],
            title=doc.source,
            inputs=[file],
        )
