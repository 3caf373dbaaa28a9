"""The typer application, the options every command shares, and the one error handler."""

from __future__ import annotations

import errno
import sys
import traceback as tb
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from policy_cli import __version__
from policy_cli.errors import ExitCode, PolicyCliError

if TYPE_CHECKING:
    from policy_cli.models import Document


def _click_class(name: str) -> type[Exception]:
    """A click exception class as the installed typer has it.

    typer 0.26+ carries its own copy of click (so the CLI depends on no click release) and
    names only `BadParameter` of its exceptions publicly: its bases are click's `UsageError`
    and `ClickException`.
    """
    for cls in typer.BadParameter.__mro__:
        if cls.__name__ == name:
            return cls
    raise LookupError(name)  # pragma: no cover - typer's BadParameter is a click UsageError


_ClickException = _click_class("ClickException")
_UsageError = _click_class("UsageError")


class _Group(TyperGroup):
    """The `policy` group: every error, option parsing's included, is one `policy: error:` line."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        sys.exit(run_command(self, sys.argv[1:] if args is None else list(args),
                             prog_name or "policy", **extra))


def run_command(command: Any, args: list[str], prog_name: str, **extra: Any) -> int:
    """Run the click command and return the process exit code; never print a traceback block."""
    try:
        try:
            with command.make_context(prog_name, args, **extra) as ctx:
                command.invoke(ctx)
            return int(ExitCode.OK)
        except typer.Exit as exc:
            return int(exc.exit_code)
    except _ClickException as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # `policy` alone: the help
            exc.show()  # type: ignore[attr-defined]
            return int(exc.exit_code)  # type: ignore[attr-defined]
        message = exc.format_message()  # type: ignore[attr-defined]
        where = getattr(exc, "ctx", None)
        if isinstance(exc, _UsageError) and where is not None:
            message += f" (see '{where.command_path} --help')"
            if "unexpected extra argument" in message and where.info_name not in ("batch", "trend"):
                message += "; policy batch analyses many documents, one row each"
        error(_one_line(message))
        return int(exc.exit_code)  # type: ignore[attr-defined]
    except (typer.Abort, KeyboardInterrupt, EOFError):
        error("interrupted")
        return int(ExitCode.INTERRUPTED)
    except OSError as exc:  # help or version text into a closed pipe
        if exc.errno != errno.EPIPE:
            raise
        from policy_cli.output import discard_stdout

        discard_stdout()
        return int(ExitCode.CLOSED_PIPE)


app = typer.Typer(
    cls=_Group,
    name="policy",
    help="Analyse Chinese policy documents: key terms, slogans (提法), targets, and what changed.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class TableFormat(str, Enum):
    """Output formats of commands whose result is a table."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class ReportFormat(str, Enum):
    """Output formats of commands whose result is a report of several sections."""

    table = "table"
    json = "json"
    markdown = "markdown"


# The format an -o file's extension names. Any other extension (.txt, .out…) keeps the
# command's default format.
EXTENSION_FORMATS = {
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    # formats only `batch` writes: another command asked for one is a usage error, not a table
    # in a file named .parquet
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
}
FORMAT_HELP = "Output format (default: the one the -o file's extension names, else {default})."


def output_format(
    fmt: Enum | None, output: str | None, choices: type[Enum], *, default: str
) -> str:
    """Choose the output format: --format when given, else the -o file's extension, else default.

    Raises:
        UsageError: the extension names a format this command does not write (.html where a
            command has no HTML output, .csv where its result is no table).
    """
    if fmt is not None:
        return str(fmt.value)
    if output is None:
        return default
    import os

    named = EXTENSION_FORMATS.get(os.path.splitext(output)[1].lower())
    if named is None:
        return default
    values = [str(c.value) for c in choices]
    if named not in values:
        from policy_cli.errors import UsageError

        raise UsageError(
            f"{output}: this command has no {named} output (--format: {', '.join(values)})"
        )
    return named


FileArg = Annotated[
    str,
    typer.Argument(help="Document to analyse: a path, or - for standard input.", show_default=False),
]
EncodingOpt = Annotated[
    str | None,
    typer.Option(
        "--encoding", "-e", help="Force the text encoding (e.g. gb18030) instead of detecting it."
    ),
]
def _dash_is_stdout(value: str | None) -> str | None:
    """`-o -` writes to standard output, as `-` names standard input for a document."""
    return None if value == "-" else value


OutputOpt = Annotated[
    str | None,
    typer.Option(
        "--output", "-o", callback=_dash_is_stdout,
        help="Write the result to this file (whole or not at all); - is standard output.",
    ),
]
KeepNoiseOpt = Annotated[
    bool, typer.Option("--keep-noise", help="Keep injected spam and page furniture in the text.")
]
TracebackOpt = Annotated[
    bool, typer.Option("--traceback", help="Show the Python stack trace of an error.")
]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", min=1, help="Worker processes (default: the cores this process may use)."
    ),
]
LexiconOpt = Annotated[
    str | None,
    typer.Option(
        "--lexicon",
        metavar="FILE",
        help="Your own formulations to find too: one a line, optionally a TAB and a kind "
        "(code, numbered, slogan, name, document).",
        show_default=False,
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"policy {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Analyse Chinese policy documents: key terms, slogans (提法), targets, and what changed."""


def error(message: str) -> None:
    """Print one error line on stderr."""
    sys.stderr.write(f"policy: error: {_inert(message)}\n")


def warn(message: str) -> None:
    """Print one warning line on stderr."""
    sys.stderr.write(f"policy: warning: {_inert(message)}\n")


def warn_if_too_many_jobs(jobs: int | None) -> None:
    """Say on stderr where -j asks for more worker processes than the cores can use (the pool
    makes `api.worker_processes` of them)."""
    if jobs is None:
        return
    from policy_cli.api import worker_processes

    used, cores = worker_processes(jobs)
    if used < jobs:
        plural = "" if cores == 1 else "s"
        warn(f"--jobs {jobs}: {cores} usable core{plural} here, {used} worker processes used")


def _inert(text: str) -> str:
    # file names and document text reach these lines: no terminal escape may pass, nor a mark
    # of bidirectional text (an override, U+202E, in a file name shows the line reversed)
    import re

    from policy_cli.serialize import BIDI_MARKS

    return re.sub(f"[\x00-\x1f\x7f-\x9f{BIDI_MARKS}]", "", text)


@contextmanager
def handle_errors(show_traceback: bool = False) -> Iterator[None]:
    """Turn core errors into one line on stderr and an exit code; never a bare traceback."""
    try:
        yield
    except typer.Exit:
        raise
    except PolicyCliError as exc:
        if show_traceback:
            tb.print_exc()
        error(_one_line(str(exc)))
        raise typer.Exit(int(exc.exit_code)) from None
    except KeyboardInterrupt:
        error("interrupted")
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    except BrokenPipeError:
        # the reader of standard output went away (`policy summary DOC | head -1`): end
        # quietly with the status a shell gives a command killed by SIGPIPE
        from policy_cli.output import discard_stdout

        discard_stdout()
        raise typer.Exit(int(ExitCode.CLOSED_PIPE)) from None
    except MemoryError:
        error("out of memory: the input is too large to analyse")
        raise typer.Exit(int(ExitCode.INPUT)) from None
    except RecursionError:
        if show_traceback:
            tb.print_exc()
        error("the input is nested too deeply to analyse")
        raise typer.Exit(int(ExitCode.INPUT)) from None
    except Exception as exc:  # the last line of defence: report, don't crash
        if show_traceback:
            tb.print_exc()
        said = f"{type(exc).__name__}: {exc}"
        error(_one_line(f"internal error: {said} (run with --traceback for details)"))
        raise typer.Exit(int(ExitCode.INTERNAL)) from None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def check_encoding(encoding: str | None) -> None:
    """Refuse an --encoding that is not a text encoding before any input is read."""
    from policy_cli import api

    api.check_encoding(encoding)


def read_document(path: str, *, encoding: str | None, keep_noise: bool) -> Document:
    """Load a document from a path or stdin ("-")."""
    from policy_cli import api
    from policy_cli.errors import InputError

    api.check_encoding(encoding)
    if path == "-":
        if sys.stdin is None or sys.stdin.isatty():
            raise InputError("-: no input on standard input")
        return api.read_stream(sys.stdin.buffer, encoding=encoding, keep_noise=keep_noise)
    return api.load_document(path, encoding=encoding, keep_noise=keep_noise)


def formulation_options(lexicon: str | None) -> Any:
    """The formulation extractor's options for a `--lexicon FILE` (None without one)."""
    from policy_cli import api

    return api.lexicon_options(lexicon)


NOISE_SHOWN = 5  # removed spans named one by one on stderr; the rest are counted


def report_noise(document: Document) -> None:
    """Tell the user on stderr what was done to the document (converted from traditional
    characters) and what was cut from it before analysis: the first few spans one a line, then
    how many more (a long scraped document has hundreds)."""
    for note in document.notes:
        warn(note)
    noise = document.noise
    for item in noise[:NOISE_SHOWN]:
        warn(f"removed {item.reason}: {_one_line(item.text)[:80]} (use --keep-noise to keep it)")
    rest = noise[NOISE_SHOWN:]
    if rest:
        reasons = sorted({item.reason for item in rest})
        chars = sum(len(item.text) for item in rest)
        warn(
            f"removed {len(rest):,} more spans ({chars:,} characters: {', '.join(reasons)});"
            " --keep-noise keeps them, policy text shows the cleaned text"
        )


def inputs_of(*documents: str, lexicon: str | None = None) -> list[str]:
    """The files a run reads, which no -o of it may write over: its documents and its
    `--lexicon FILE`."""
    return [*documents, *([lexicon] if lexicon is not None else [])]


def check_output(output: str | None, inputs: Sequence[str]) -> None:
    """Refuse, before any work, an -o target that is an input of the run (or a folder)."""
    if output is not None:
        from policy_cli.output import check_output as check

        check(output, inputs)


def same_file(a: str, b: str) -> bool:
    """Tell whether two paths name the same file (two outputs of one run must not)."""
    import os

    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def deliver(content: str, *, output: str | None, inputs: Sequence[str]) -> None:
    """Write a rendered result to stdout or, safely, to the -o file (`policy_cli.output`)."""
    from policy_cli.output import write_output, write_stdout

    if output is None:
        write_stdout(content)
    else:
        write_output(output, content, inputs=inputs)


def emit(
    fmt: str,
    *,
    output: str | None,
    json_obj: Any,
    sections: Sequence[Any] = (),
    title: str | None = None,
    preface: Sequence[tuple[str, str]] = (),
    csv_section: int = 0,
    inputs: Sequence[str] = (),
) -> None:
    """Write a result in the chosen format to stdout or, atomically, to a file.

    `json_obj` and `sections` are what `policy_cli.serialize` made of the typed result: the
    JSON object, and the tables CSV, Markdown and the terminal show.
    """
    from policy_cli import render, serialize

    if fmt == "json":
        content = serialize.to_json(json_obj)
    elif fmt == "csv":
        content = serialize.to_csv(sections[csv_section])
    elif fmt == "markdown":
        content = serialize.to_markdown(
            sections, title=title, preface=preface
        )
    else:
        if output is None:
            from policy_cli.output import stdout_errors

            with stdout_errors():
                render.print_sections(
                    sections, console=render.make_console(), title=title, preface=preface
                )
            return
        import io

        buf = io.StringIO()
        render.print_sections(
            sections, console=render.make_console(file=buf, width=100), title=title, preface=preface
        )
        content = buf.getvalue()
    deliver(content, output=output, inputs=inputs)
