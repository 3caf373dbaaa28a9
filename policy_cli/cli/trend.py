"""`policy trend`: term rates across many reports, first seen, and what rose or fell."""

# no `from __future__ import annotations`: typer reads the signatures of the commands on
# every run and would compile each annotation kept as a string (~5 ms a run)

import re
import sys
from enum import Enum
from typing import Annotated

import typer

from policy_cli.cli.app import (
    FORMAT_HELP,
    JobsOpt,
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
    same_file,
    warn,
    warn_if_too_many_jobs,
)

SKIPPED_SHOWN = 10  # documents that could not be used, named one by one on stderr
_TERM_SPLIT = re.compile(r"[,，、;；]+")


class By(str, Enum):
    """What a period of the trend is."""

    year = "year"
    month = "month"
    file = "file"


def parse_terms(text: str | None) -> list[str]:
    """Split the --terms value on commas (ASCII or Chinese) and 、."""
    if text is None:
        return []
    return [t.strip() for t in _TERM_SPLIT.split(text) if t.strip()]


@app.command()
def trend(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Documents: files, folders, globs, or JSON-lines files (content + year/title;"
            " .jsonl, .jsonl.gz, .jsonl.xz).",
            show_default=False,
        ),
    ],
    terms: Annotated[
        str | None,
        typer.Option(
            "--terms",
            "-t",
            help="Comma-separated terms to follow, counted where they start a word (小康 counts"
            " in 小康社会, 新发展理念 not in 创新发展理念), across quote marks (共建“一带一路” says"
            " 共建一带一路).",
        ),
    ] = None,  # fmt: skip
    top: Annotated[
        int, typer.Option("--top", "-n", min=1, help="How many rising and falling terms.")
    ] = 20,
    by: Annotated[
        By,
        typer.Option(
            "--by",
            help="One period per year, per month (a record's date, or its head's), or per file"
            " (files ranked by keyness against the rest of the corpus).",
        ),
    ] = By.year,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            "-k",
            help="Keep only documents of this kind (the JSON-lines `kind` field, e.g."
            " government_work_report); repeatable.",
        ),
    ] = None,  # fmt: skip
    fmt: Annotated[
        TableFormat | None,
        typer.Option(
            "--format", "-f", help=FORMAT_HELP.format(default="table"), show_default=False
        ),
    ] = None,
    plot: Annotated[
        str | None,
        typer.Option("--plot", help="Also draw the rates to this PNG file (needs matplotlib)."),
    ] = None,
    output: OutputOpt = None,
    jobs: JobsOpt = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor write the segmentation cache.")
    ] = False,
    lexicon: LexiconOpt = None,
    no_sample: Annotated[
        bool,
        typer.Option(
            "--no-sample",
            help="Choose the formulations followed from every document (slower on a corpus"
            " of more than 2,000; by default from the first 2,000 and one in three after).",
        ),
    ] = False,
    traceback: TracebackOpt = False,
) -> None:
    """Follow terms and formulations across many reports: rates per year, first seen, risers.

    Without --terms: the terms and formulations whose use rose or fell most between the
    earlier and the later half of the text, with the year each was first seen. With --terms:
    occurrences per 10,000 characters per year, and a chart. A phrase counts where it starts
    a word (新发展理念 is not said by 创新发展理念). --by month: one period per month; --by
    file: each file ranked by what sets it apart from the rest (G2). JSON lines may be .gz or
    .xz compressed. --lexicon FILE: your own terms (one a line) are followed as formulations
    and listed first (with --terms, as terms too). Results are cached per document (one
    SQLite file in ~/.cache/policy-cli; --no-cache to leave it alone).

    Example: policy trend corpus/background.jsonl.xz --kind government_work_report --terms 小康,改革
    """
    with handle_errors(traceback):
        from policy_cli import api, render, serialize
        from policy_cli.errors import UsageError
        from policy_cli.output import write_output

        chosen = output_format(fmt, output, TableFormat, default="table")
        wanted = parse_terms(terms)
        if terms is not None and not wanted:
            raise UsageError("--terms names no term")
        if output is not None and plot is not None and same_file(output, plot):
            raise UsageError("-o and --plot name the same file")
        inputs = (
            inputs_of(*(str(p) for p in api.expand_paths(paths)), lexicon=lexicon)
            if output or plot else []
        )
        check_output(output, inputs)
        check_output(plot, inputs)
        if plot:
            render.check_plot_available()
        warn_if_too_many_jobs(jobs)
        bar = render.ProgressBar()
        try:
            result = api.trend_of(
                paths, terms=wanted, top=top, by=by.value, kinds=tuple(kind or ()),
                workers=jobs, use_cache=not no_cache,
                progress=bar if sys.stderr.isatty() else None,
                formulation_options=formulation_options(lexicon), sample=not no_sample,
            )  # fmt: skip
        finally:
            bar.close()
        _warn_skipped(result.skipped)
        for message in result.warnings:
            warn(message)
        emit(
            chosen,
            output=output,
            json_obj=serialize.trend_to_dict(result),
            sections=serialize.trend_sections(result, chosen),
            title="Trend",
            preface=serialize.trend_preface(result),
            inputs=inputs,
        )
        if plot:
            image, fonts = render.plot_png(result, name=plot)
            write_output(plot, image, inputs=inputs)
            if not fonts:
                warn(f"{plot}: no font with Chinese glyphs found; install e.g. Noto Sans CJK")


def _warn_skipped(skipped: tuple[tuple[str, str], ...]) -> None:
    """Name the first documents that could not be used, then how many more."""
    for source, reason in skipped[:SKIPPED_SHOWN]:
        warn(f"skipped {source}: {reason.removeprefix(f'{source}: ')}")
    if len(skipped) > SKIPPED_SHOWN:
        warn(f"skipped {len(skipped) - SKIPPED_SHOWN} more documents")
