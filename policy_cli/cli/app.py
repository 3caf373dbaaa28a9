"""The typer application, the options every command shares, and the one error handler."""

from __future__ import annotations

import sys
import traceback as tb
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from typing import Annotated, Any

import typer

from policy_cli import __version__
from policy_cli.errors import ExitCode, PolicyCliError

app = typer.Typer(
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


FileArg = Annotated[
    str, typer.Argument(help="Document to analyse: a path, or - for standard input.", show_default=False)
]
EncodingOpt = Annotated[
    str | None,
    typer.Option("--encoding", "-e", help="Force the text encoding (e.g. gb18030) instead of detecting it."),
]
OutputOpt = Annotated[
    str | None,
    typer.Option("--output", "-o", help="Write the result to this file (whole or not at all)."),
]
KeepNoiseOpt = Annotated[
    bool, typer.Option("--keep-noise", help="Keep injected spam and page furniture in the text.")
]
TracebackOpt = Annotated[
    bool, typer.Option("--traceback", help="Show the Python stack trace of an error.")
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


def _inert(text: str) -> str:
    # file names and document text reach these lines: no terminal escape may pass
    return "".join(ch for ch in text if ch >= " " and not "\x7f" <= ch <= "\x9f")


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
        raise typer.Exit(130) from None
    except BrokenPipeError:
        raise typer.Exit(int(ExitCode.OK)) from None
    except MemoryError:
        error("out of memory: the input is too large to analyse")
        raise typer.Exit(int(ExitCode.INPUT)) from None
    except Exception as exc:  # the last line of defence: report, don't crash
        if show_traceback:
            tb.print_exc()
        error(_one_line(f"internal error: {type(exc).__name__}: {exc} (run with --traceback for details)"))
        raise typer.Exit(int(ExitCode.INTERNAL)) from None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def read_document(path: str, *, encoding: str | None, keep_noise: bool) -> Any:
    """Load a document from a path or stdin ("-")."""
    from policy_cli.core import loaders
    from policy_cli.core.loaders import load_bytes, load_document
    from policy_cli.errors import InputError

    if path == "-":
        if sys.stdin is None or sys.stdin.isatty():
            raise InputError("-: no input on standard input")
        # one byte over the limit is enough to refuse it: don't hold a runaway pipe in memory
        data = sys.stdin.buffer.read(loaders.MAX_BYTES + 1)
        return load_bytes(data, source="-", encoding=encoding, keep_noise=keep_noise)
    return load_document(path, encoding=encoding, keep_noise=keep_noise)


def report_noise(document: Any) -> None:
    """Tell the user on stderr what was done to the document and cut from it before analysis."""
    for note in getattr(document, "notes", ()):
        warn(note)
    for item in document.noise:
        warn(f"removed {item.reason}: {_one_line(item.text)[:80]} (use --keep-noise to keep it)")


def emit(
    fmt: str,
    *,
    output: str | None,
    json_obj: Any,
    sections: Sequence[Any] = (),
    title: str | None = None,
    preface: Sequence[tuple[str, str]] = (),
    csv_section: int = 0,
) -> None:
    """Write the result in the chosen format to stdout or, atomically, to a file."""
    from policy_cli import render

    if fmt == "json":
        content = render.to_json(json_obj)
    elif fmt == "csv":
        content = render.to_csv(sections[csv_section])
    elif fmt == "markdown":
        content = render.to_markdown(
            sections, title=title, preface=[f"**{k}**: {v}" for k, v in preface]
        )
    else:
        if output is None:
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
    if output is None:
        sys.stdout.write(content)
        sys.stdout.flush()
    else:
        from policy_cli.errors import InputError

        try:
            render.write_atomic(output, content)
        except OSError as exc:
            raise InputError(f"{output}: cannot write ({exc.strerror or exc})") from exc
