"""`policy keywords`: the ranked key terms of a document."""

from __future__ import annotations

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
        from policy_cli.api import keywords_of
        from policy_cli.render import Column, Section

        check_output(output, [file])
        doc = read_document(file, encoding=encoding, keep_noise=keep_noise)
        report_noise(doc)
        result = keywords_of(doc, method=method.value, top=top)
        rows = [
            {
                "rank": i,
                "term": k.term,
                "score": k.score,
                "count": k.count,
                "first_offset": k.first_offset,
                "context": doc.sentences[k.first_sentence].text,
            }
            for i, k in enumerate(result, 1)
        ]
        section = Section(
            f"Key terms ({method.value}, top {top})",
            [
                Column("rank", "#", kind="number"),
                Column("term", "term"),
                Column("score", "score", kind="number"),
                Column("count", "count", kind="number"),
                Column("first_offset", "first at", kind="number"),
                Column("context", "first context", kind="context"),
            ],
            rows,
        )
        json_obj = {
            "source": doc.source,
            "method": method.value,
            "keywords": [
                {
                    "term": k.term,
                    "score": k.score,
                    "count": k.count,
                    "first_offset": k.first_offset,
                    "first_sentence": k.first_sentence,
                }
                for k in result
            ],
        }
        emit(
            chosen, output=output, json_obj=json_obj, sections=[section], title=doc.source,
            inputs=[file],
        )
