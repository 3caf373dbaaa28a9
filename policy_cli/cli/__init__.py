"""The `policy` command line: parse options, call the core, hand the result to render.

Each command lives in a module of this package; heavy libraries are imported inside the
commands so that `policy --help` stays fast.
"""

from __future__ import annotations

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

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the `policy` console script."""
    import policy_cli

    policy_cli.share_character_sets()  # ~40 ms less compiling of the core's patterns a run
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
