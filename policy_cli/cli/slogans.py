"""`policy slogans` and `policy initiatives`: a document's formulations (提法)."""

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
    TableFormat,
    TracebackOpt,
    app,
    check_output,
    emit,
    formulation_options,
    handle_errors,
    inputs_of,
    output_format,
    read_document,
    report_noise,
)

KIND_NAMES = ("code", "numbered", "slogan", "name", "metaphor", "document")


class SortOrder(str, Enum):
    """Orders of the formulation list."""

    first = "first"
    by_count = "count"


KindOpt = Annotated[
    str | None,
    typer.Option(
        "--kind",
        "-k",
        help="Comma-separated kinds to list: code, numbered, slogan, name, metaphor, document"
        " (default: all).",
        show_default=False,
    ),
]
SortOpt = Annotated[
    SortOrder,
    typer.Option("--sort", "-s", help="first: document order; count: most frequent first."),
]
FormatOpt = Annotated[
    TableFormat | None,
    typer.Option("--format", "-f", help=FORMAT_HELP.format(default="table"), show_default=False),
]


@app.command()
def slogans(
    file: FileArg,
    kind: KindOpt = None,
    sort: SortOpt = SortOrder.first,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    encoding: EncodingOpt = None,
    keep_noise: KeepNoiseOpt = False,
    lexicon: LexiconOpt = None,
    traceback: TracebackOpt = False,
) -> None:
    """List a document's formulations (提法): slogans, numbered sets, coded programmes, names.

    Kinds: code ("296X" 先进制造业集群), numbered (两个确立, 三大行动),
    slogan (开局即奔跑、起步即冲刺), name (“良渚论坛”), metaphor (组合拳, 压舱石), document
    (a policy document's title in 《》: 《…条例》, 《…规划》).
    Each comes with its count, first offset and context. --lexicon FILE adds your own terms
    (one a line, optionally a TAB and a kind), found wherever the text says them.

    Example: policy slogans examples/yuhang-conference-2026.txt --kind slogan,name
    """
    with handle_errors(traceback):
        kinds = _parse_kinds(kind)
        chosen = output_format(fmt, output, TableFormat, default="table")
        _run(file, kinds, sort.value, chosen, output, encoding, keep_noise, "Formulations",
             lexicon)


@app.command()
def initiatives(
    file: FileArg,
    sort: SortOpt = SortOrder.first,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    encoding: EncodingOpt = None,
    keep_noise: KeepNoiseOpt = False,
    lexicon: LexiconOpt = None,
    traceback: TracebackOpt = False,
) -> None:
    """List a document's coded and numbered initiatives, with what they refer to and their items.

    Codes ("132" 总体部署, "4+1", 33条) and numbered sets (三大行动: its members when the
    document lists them; 十五五; 二十届四中全会).

    Example: policy initiatives examples/yuhang-conference-2026.txt --format json
    """
    with handle_errors(traceback):
        chosen = output_format(fmt, output, TableFormat, default="table")
        _run(
            file, ("code", "numbered"), sort.value, chosen, output, encoding, keep_noise,
            "Initiatives", lexicon,
        )


def _parse_kinds(value: str | None) -> tuple[str, ...] | None:
    from policy_cli.errors import UsageError

    if value is None:
        return None
    kinds = tuple(k.strip() for k in value.split(",") if k.strip())
    unknown = [k for k in kinds if k not in KIND_NAMES]
    if unknown or not kinds:
        raise UsageError(
            f"--kind: unknown kind {', '.join(unknown) or '(empty)'}; use {', '.join(KIND_NAMES)}"
        )
    return kinds


def _run(
    file: str,
    kinds: tuple[str, ...] | None,
    sort: str,
    fmt: str,
    output: str | None,
    encoding: str | None,
    keep_noise: bool,
    title: str,
    lexicon: str | None = None,
) -> None:
    from policy_cli import api, serialize

    options = formulation_options(lexicon)
    inputs = inputs_of(file, lexicon=lexicon)
    check_output(output, inputs)
    doc = read_document(file, encoding=encoding, keep_noise=keep_noise)
    report_noise(doc)
    found = api.formulations_of(doc, kinds=kinds, sort=sort, options=options)
    emit(
        fmt,
        output=output,
        json_obj=serialize.formulations_to_dict(doc.source, found),
        sections=[serialize.formulation_section(doc, found, title=title, marked=fmt == "table")],
        title=doc.source,
        inputs=inputs,
    )
