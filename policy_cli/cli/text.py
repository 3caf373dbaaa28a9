"""`policy text`: the cleaned text every analysis sees, and what was cut from it."""

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
    TracebackOpt,
    app,
    check_output,
    deliver,
    handle_errors,
    output_format,
    read_document,
    report_noise,
)


class TextFormat(str, Enum):
    """Output formats of `policy text`."""

    text = "text"
    json = "json"


@app.command()
def text(
    file: FileArg,
    fmt: Annotated[
        TextFormat | None,
        typer.Option("--format", "-f", help=FORMAT_HELP.format(default="text"), show_default=False),
    ] = None,
    output: OutputOpt = None,
    encoding: EncodingOpt = None,
    keep_noise: KeepNoiseOpt = False,
    traceback: TracebackOpt = False,
) -> None:
    """Print the cleaned text of a document (.txt in any encoding, HTML, .docx, .pdf).

    This is exactly what every analysis reads: one paragraph a line, spam and page furniture
    cut (each removal is reported on stderr; --keep-noise keeps them).

    Example: policy text report.pdf --format json
    """
    with handle_errors(traceback):
        from policy_cli.serialize import document_to_dict, to_json

        chosen = output_format(fmt, output, TextFormat, default="text")
        check_output(output, [file])
        doc = read_document(file, encoding=encoding, keep_noise=keep_noise)
        report_noise(doc)
        if chosen == "json":
            content = to_json(document_to_dict(doc))
        else:
            content = doc.text + "\n"
        deliver(content, output=output, inputs=[file])
