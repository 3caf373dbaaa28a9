"""`policy batch`: one row per document of a corpus, in parallel, resumable."""

# no `from __future__ import annotations`: typer reads the signatures of the commands on
# every run and would compile each annotation kept as a string (~5 ms a run)

import os
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from policy_cli.cli.app import (
    JobsOpt,
    KeepNoiseOpt,
    LexiconOpt,
    OutputOpt,
    TracebackOpt,
    app,
    check_output,
    formulation_options,
    handle_errors,
    inputs_of,
    same_file,
    warn,
    warn_if_too_many_jobs,
)

ERRORS_SHOWN = 3  # documents that could not be analysed, named one by one on stderr
JOURNAL_SUFFIX = ".policy-batch-partial"  # beside the -o file: the rows written so far


class BatchFormat(str, Enum):
    """Output formats of `policy batch`."""

    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


def journal_path(output: str) -> Path | None:
    """Where a run keeps the rows it has written so far (to resume), beside a regular -o
    file: `.NAME.policy-batch-partial` (hidden, and no document suffix: never an input)."""
    p = Path(output)
    try:
        if p.exists() and not p.is_file():
            return None  # a device or a FIFO: nothing to resume
    except OSError:
        return None
    return p.with_name(f".{p.name}{JOURNAL_SUFFIX}")


def _chosen_format(fmt: BatchFormat | None, output: str | None) -> str:
    from policy_cli.errors import UsageError
    from policy_cli.tables import EXTENSIONS, format_of

    if fmt is not None:
        return fmt.value
    if output is not None:
        ext = os.path.splitext(output)[1].lower()
        if ext in (".json", ".md", ".markdown", ".html", ".htm"):
            raise UsageError(
                f"{output}: policy batch writes csv, jsonl or parquet (--format), not {ext}"
            )
        if ext in EXTENSIONS:
            return format_of(output)
    return "csv"


def _previous_rows(
    output: str, fmt: str, journal: Path | None, files: list[Path]
) -> list[dict[str, Any]]:
    """The rows a previous run wrote, the -o file's (if it is there) and the journal's (the
    newer: its row wins), of the documents among `files`."""
    from policy_cli import api
    from policy_cli.tables import read_rows

    rows: list[dict[str, Any]] = []
    if os.path.isfile(output):
        rows.extend(read_rows(output, fmt))
    if journal is not None and journal.exists():
        rows.extend(read_rows(journal, "jsonl"))
    return api.resumable_rows(rows, files)


@app.command()
def batch(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Documents: files, folders, globs, or JSON-lines files (content or text,"
            " plus title/date/kind; .jsonl, .jsonl.gz, .jsonl.xz).",
            show_default=False,
        ),
    ],
    fmt: Annotated[
        BatchFormat | None,
        typer.Option(
            "--format", "-f",
            help="csv, jsonl or parquet (default: the one the -o file's extension names, else"
            " csv).",
            show_default=False,
        ),
    ] = None,  # fmt: skip
    output: OutputOpt = None,
    jobs: JobsOpt = None,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume", help="Skip the documents whose rows the -o file (or an interrupted run)"
            " already has."
        ),
    ] = False,  # fmt: skip
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="ADDRESS",
            help="Run on a Dask cluster (tcp://HOST:8786; needs the dask extra).",
        ),
    ] = None,
    spread: Annotated[
        str | None,
        typer.Option(
            "--spread",
            metavar="FILE",
            help="Also write the formulations that spread (said by 2 documents or more: how"
            " many, the first) to FILE (csv, jsonl or parquet by its extension).",
        ),
    ] = None,
    keywords: Annotated[
        int,
        typer.Option("--keywords", min=1, max=10, help="Key terms in a row (at most 10)."),
    ] = 10,
    keep_noise: KeepNoiseOpt = False,
    lexicon: LexiconOpt = None,
    traceback: TracebackOpt = False,
) -> None:
    """Analyse many documents, one row each: title, date (and ISO date), issuer, type, size,
    key terms, formulations by kind and by origin (national / local / new), headline targets
    (as stated, and as number + unit + modifier), noise cut, and the formulations each
    repeats from national text and coins.

    Each row is the row `policy summary --format csv` gives the document; a document that
    cannot be read gets a row with its error and the run goes on. Documents are analysed in
    parallel (-j) or on a Dask cluster (--scheduler); a progress bar shows on stderr. The -o
    file is written whole at the end; the rows are kept as they come in a hidden file beside
    it, so that --resume after an interruption skips what is done.

    Example: policy batch tests/data/docs/provinces-2025 -o provinces.csv --spread spread.csv
    """
    with handle_errors(traceback):
        from policy_cli import api, render
        from policy_cli.errors import InputError

        chosen = _chosen_format(fmt, output)
        spread_fmt = _chosen_format(None, spread) if spread else None
        _check_options(chosen, output=output, resume=resume, spread=spread, spread_fmt=spread_fmt)
        files = api.expand_paths(paths)
        inputs = inputs_of(*(str(f) for f in files), lexicon=lexicon)
        check_output(output, inputs)
        check_output(spread, inputs)
        journal = journal_path(output) if output is not None else None
        settings = _row_options(keywords=keywords, keep_noise=keep_noise, lexicon=lexicon)
        previous: list[dict[str, Any]] = []
        if resume:
            _check_resumed_options(journal, settings)
            previous = _previous_rows(output or "", chosen, journal, files)
        elif journal is not None and journal.exists():
            warn(f"{journal}: rows of an interrupted run, started afresh (--resume uses them)")
        warn_if_too_many_jobs(jobs)
        bar = render.ProgressBar()
        rows_iter = api.batch_rows(
            files, keywords=keywords, keep_noise=keep_noise,
            formulation_options=formulation_options(lexicon), workers=jobs, scheduler=scheduler,
            skip={str(r.get("source")) for r in previous},
            progress=(lambda done, total: bar("documents", done, total))
            if sys.stderr.isatty() else None,
        )  # fmt: skip
        journal_kept = journal is not None and journal.exists()
        try:
            new_rows = _collect(
                rows_iter, journal, output, previous, append=resume, bar=bar, settings=settings
            )
        except InputError:
            # an empty JSON-lines corpus, found so once read through: no journal of this run
            if not journal_kept:
                _remove_journal(journal)
            raise
        rows = previous + new_rows
        _write_rows(rows, chosen, output, inputs)
        if spread is not None and spread_fmt is not None:
            _write_spread(spread, spread_fmt, rows, inputs)
        _remove_journal(journal)
        _report(rows, new_rows, len(previous))


def _check_options(
    chosen: str, *, output: str | None, resume: bool, spread: str | None, spread_fmt: str | None
) -> None:
    """Refuse, before any work, options that cannot go together (or a missing pyarrow)."""
    from policy_cli.errors import UsageError

    if chosen == "parquet" and output is None:
        raise UsageError("Parquet is a binary file: name it with -o FILE.parquet")
    if resume and output is None:
        raise UsageError("--resume needs -o FILE: the rows already written are read from it")
    if spread is not None and output is not None and same_file(spread, output):
        raise UsageError("-o and --spread name the same file")
    if chosen == "parquet" or spread_fmt == "parquet":
        from policy_cli.tables import require_pyarrow

        require_pyarrow()  # before any work: refuse at once without pyarrow


def _collect(
    rows: Iterator[dict[str, Any]],
    journal: Path | None,
    output: str | None,
    previous: list[dict[str, Any]],
    *,
    append: bool,
    bar: Any,
    settings: dict[str, Any],
) -> list[dict[str, Any]]:
    """Take the rows as they come, each kept in the journal at once (to resume), after the
    options they are made with (`_row_options`); the progress `bar` is taken off the terminal
    when they end, before any message."""
    new_rows: list[dict[str, Any]] = []
    handle = _open_journal(journal, output, append=append)
    if handle is not None and handle.tell() == 0:
        _journal_write(handle, {OPTIONS_KEY: settings}, journal)  # (no source: no row)
    from policy_cli.errors import InputError

    finished = empty = False
    try:
        for row in rows:
            new_rows.append(row)
            if handle is not None:
                _journal_write(handle, row, journal)
        finished = True
    except InputError:
        empty = True  # (a corpus without documents: nothing to resume)
        raise
    finally:
        bar.close()
        if handle is not None:
            handle.close()
        if not finished and not empty and journal is not None and (new_rows or previous):
            warn(
                f"{len(previous) + len(new_rows):,} rows kept in {journal};"
                " run the same command with --resume to go on"
            )
    return new_rows


def _write_rows(
    rows: list[dict[str, Any]], fmt: str, output: str | None, inputs: list[str]
) -> None:
    from policy_cli import api
    from policy_cli.output import write_output, write_stdout
    from policy_cli.tables import render_rows

    columns, int_columns = api.batch_columns()
    content = render_rows(rows, columns, fmt, int_columns=int_columns)
    if output is None:
        write_stdout(content.decode("utf-8"))
    else:
        write_output(output, content, inputs=inputs)


def _remove_journal(journal: Path | None) -> None:
    if journal is None:
        return
    try:
        journal.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        warn(f"{journal}: cannot remove it ({exc.strerror or exc})")


# the journal's first record: the options its rows are made with (it has no `source`, so it
# is read as no row)
OPTIONS_KEY = "policy_batch_options"


def _row_options(*, keywords: int, keep_noise: bool, lexicon: str | None) -> dict[str, Any]:
    """What the rows depend on besides the documents: the key terms kept, the noise kept, and
    the user's lexicon (by its content)."""
    import hashlib

    lexicon_key = None
    if lexicon is not None:
        try:
            lexicon_key = hashlib.sha256(Path(lexicon).read_bytes()).hexdigest()[:16]
        except OSError:
            lexicon_key = lexicon  # (unreadable: the run itself says so)
    return {"keywords": keywords, "keep_noise": keep_noise, "lexicon": lexicon_key}


def _check_resumed_options(journal: Path | None, settings: dict[str, Any]) -> None:
    """Refuse to resume an interrupted run with options other than its own: its rows and the
    new ones would differ in kind (two key terms in some, ten in others)."""
    import json

    from policy_cli.errors import UsageError

    if journal is None or not journal.exists():
        return
    try:
        with journal.open(encoding="utf-8") as fh:
            first = json.loads(fh.readline() or "{}")
    except (OSError, ValueError):
        return  # (an unreadable journal: _previous_rows says so)
    kept = first.get(OPTIONS_KEY) if isinstance(first, dict) else None
    if isinstance(kept, dict) and kept != settings:
        said = ", ".join(f"{k} {v}" for k, v in kept.items() if settings.get(k) != v)
        raise UsageError(
            f"{journal}: the interrupted run's rows were made with other options ({said});"
            " resume with the same options, or run again without --resume"
        )


def _open_journal(journal: Path | None, output: str | None, *, append: bool) -> Any:
    from policy_cli.errors import OutputError

    if journal is None:
        return None
    try:
        return journal.open("a" if append else "w", encoding="utf-8")
    except OSError as exc:  # the -o file's folder: named as the user named it
        raise OutputError(f"{output}: cannot write ({exc.strerror or exc})") from exc


def _journal_write(handle: Any, row: dict[str, Any], journal: Path | None) -> None:
    from policy_cli import serialize
    from policy_cli.errors import OutputError

    try:
        handle.write(serialize.to_jsonl([row]))
        handle.flush()
    except OSError as exc:
        raise OutputError(f"{journal}: cannot write ({exc.strerror or exc})") from exc


def _write_spread(path: str, fmt: str, rows: list[dict[str, Any]], inputs: list[str]) -> None:
    from policy_cli import api, serialize
    from policy_cli.output import write_output
    from policy_cli.tables import render_rows

    table = [serialize.spread_to_dict(s) for s in api.spread_of(rows)]
    content = render_rows(
        table, serialize.SPREAD_COLUMNS, fmt, int_columns=frozenset({"documents"})
    )
    write_output(path, content, inputs=inputs)


def _report(rows: list[dict[str, Any]], new_rows: list[dict[str, Any]], resumed: int) -> None:
    """Sum the run up on stderr: what failed (the first few named), what was resumed."""
    from policy_cli.errors import ExitCode

    failed = [r for r in rows if r.get("error")]
    if resumed:
        warn(f"resumed: {resumed:,} rows kept, {len(new_rows):,} documents analysed now")
    for row in failed[:ERRORS_SHOWN]:
        source, error = str(row.get("source")), str(row.get("error"))
        warn(error if error.startswith(f"{source}:") else f"{source}: {error}")
    if len(failed) > ERRORS_SHOWN:
        more = len(failed) - ERRORS_SHOWN
        warn(f"{more:,} more documents could not be analysed (see the error column)")
    if failed:
        warn(f"{len(failed):,} of {len(rows):,} documents could not be analysed")
    if rows and len(failed) == len(rows):
        raise typer.Exit(int(ExitCode.INPUT))
