"""The `policy` command line: parse options, call the core, hand the result to render.

Each command lives in a module of this package; heavy libraries are imported inside the
commands so that `policy --help` stays fast.
"""

from __future__ import annotations

import errno
import io
import os
import sys

# Importing the command modules registers their commands on `app`.
from policy_cli.cli import batch as _batch  # noqa: F401
from policy_cli.cli import diff as _diff  # noqa: F401
from policy_cli.cli import keywords as _keywords  # noqa: F401
from policy_cli.cli import slogans as _slogans  # noqa: F401
from policy_cli.cli import summary as _summary  # noqa: F401
from policy_cli.cli import targets as _targets  # noqa: F401
from policy_cli.cli import text as _text  # noqa: F401
from policy_cli.cli import trend as _trend  # noqa: F401
from policy_cli.cli.app import app

__all__ = ["app", "main", "run"]

# Commands that read one or two documents in this process and write their result whole: after
# them the process ends at once, without Python's teardown (freeing every object one by one
# and a last full collection: ~40 ms of a 0.35 s `keywords`) and without the cyclic collector
# during the run (the analyses pause it already; ~15 ms of loading and printing). Commands
# with worker processes, caches or many documents (batch, trend) end the usual way.
QUICK_EXIT_COMMANDS = frozenset(
    {"summary", "keywords", "slogans", "initiatives", "targets", "text", "diff"}
)


def run() -> None:
    """Entry point of the `policy` console script and of `python -m policy_cli`: `main`, then
    after a one-document command an immediate exit (atexit handlers run, stdout and stderr
    flushed; a flush that fails ends the usual way, which reports it as before)."""
    import gc

    _closed_standard_streams()
    command = next((a for a in sys.argv[1:] if not a.startswith("-")), None)
    # a profiler or tracer (cProfile, coverage) writes its report in the usual teardown
    watched = sys.getprofile() is not None or sys.gettrace() is not None
    if command not in QUICK_EXIT_COMMANDS or watched:
        main()
        return
    gc.disable()
    try:
        main()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    if code is None:
        code = 0
    if not isinstance(code, int):
        raise SystemExit(code)  # a message to print: the usual way
    _exit_now(code)


class _ClosedStream(io.TextIOBase):
    """Standard output the shell closed (>&-): a write fails as one to a closed descriptor
    does, which the CLI reports as a failed write to standard output (exit 3)."""

    def write(self, s: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def writable(self) -> bool:
        return True


def _closed_standard_streams() -> None:
    """Where the shell closed standard output or error (>&-, 2>&-), Python makes them None and
    the first file opened takes their descriptor: point descriptors 1 and 2 at /dev/null, so
    that no file of the run is written as standard output, then let warnings go nowhere (the
    run goes on) and a result for standard output fail as a closed stream's write does."""
    if sys.stdout is not None and sys.stderr is not None:
        return  # (every run but those)
    from policy_cli import output

    for fd in output.STANDARD_STREAMS:
        try:
            os.fstat(fd)
        except OSError:
            output.closed_streams.add(fd)  # (-o /dev/stdout is refused, not /dev/null)
            null = os.open(os.devnull, os.O_WRONLY)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
    if sys.stderr is None:
        sys.stderr = open(2, "w", closefd=False)  # (/dev/null: warnings go nowhere)
    if sys.stdout is None:
        sys.stdout = _ClosedStream()


def _exit_now(code: int) -> None:
    import atexit

    run_exit_functions = getattr(atexit, "_run_exitfuncs", None)
    if run_exit_functions is None:  # pragma: no cover - another Python
        raise SystemExit(code)
    try:
        run_exit_functions()  # logging's shutdown, temporary files' finalizers...
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:  # e.g. a closed pipe: let the usual exit report it
        raise SystemExit(code) from None
    os._exit(code)


def main() -> None:
    """Entry point of the `policy` console script."""
    import policy_cli

    policy_cli.share_character_sets()  # ~40 ms less compiling of the core's patterns a run
    policy_cli.remember_compiled_patterns()  # and ~30 ms more from the second run on
    policy_cli.remember_generated_methods()  # dataclasses' methods too: ~15 ms a run
    policy_cli.remember_parsed_rules()  # and the rules files as tomllib parses them: ~8 ms
    _exit_on_termination()
    app()


def _exit_on_termination() -> None:
    """End on SIGTERM or SIGHUP by unwinding, not by dying where we stand: the `finally`
    blocks remove a half-written -o temporary file and stop the worker processes."""
    import signal

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None:
            signal.signal(sig, stop)
