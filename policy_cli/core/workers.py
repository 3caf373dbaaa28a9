"""Worker processes that die with their parent: the one piece every process pool uses.

A worker forked by `policy trend` (a process pool) must not outlive
the command that started it, whatever ends that command (SIGTERM, SIGKILL, SIGHUP, a crash),
and must not hold the command's standard output open: a reader of the output (a pipe, a test
harness) would otherwise wait for workers that nobody will ever ask for anything again.

Each worker, first thing after the fork (`bind_to_parent`):

- asks the kernel to send it SIGKILL when its parent dies (Linux `prctl(PR_SET_PDEATHSIG)`,
  through ctypes: no dependency), then checks that the parent is still the one that forked
  it (it may have died before the request was made) and exits at once otherwise;
- where there is no such request (not Linux), watches its parent's pid from a thread;
- points its standard input and output (and standard error when that is the same file as the
  output, `2>&1`) at /dev/null: results go back through pipes, never through stdout;
- takes back the default action for SIGTERM and SIGHUP, which the CLI turns into a clean
  exit in its own process only.

`fork_pool` makes a `ProcessPoolExecutor` of such workers, `start_process` one
`multiprocessing.Process`; `stop_pool` ends a pool at once when the parent is unwinding.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
# worker processes a pool makes at most, per core this process may use: a pool forks all of
# its workers at once (~90 MB each), and more of them than this only wait for the cores
# (`policy batch -j 100000` forked until the machine ran out of memory)
WORKERS_PER_CORE_MAX = 4
PARENT_WATCH_SECONDS = 1.0  # polling period of the watcher thread where prctl is missing


def _parent_death_signal(sig: int) -> bool:
    """Ask Linux to send `sig` to this process when its parent dies; False if unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes
        import ctypes.util

        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent_pid: int) -> None:
    def watch() -> None:
        while True:
            time.sleep(PARENT_WATCH_SECONDS)
            if os.getppid() != parent_pid:
                os._exit(1)

    threading.Thread(target=watch, name="policy-parent-watch", daemon=True).start()


def _release_output() -> None:
    try:
        devnull = os.open(os.devnull, os.O_RDWR)
    except OSError:
        return
    try:
        targets = [0, 1]
        try:
            out, err = os.fstat(1), os.fstat(2)
            if (out.st_dev, out.st_ino) == (err.st_dev, err.st_ino):
                targets.append(2)
        except OSError:
            pass
        for fd in targets:
            try:
                os.dup2(devnull, fd)
            except OSError:
                pass
    finally:
        os.close(devnull)


def bind_to_parent(parent_pid: int) -> None:
    """Tie this freshly forked worker to its parent (see the module's docstring).

    Args:
        parent_pid: the pid of the process that forked this one (`os.getpid()` there).
    """
    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None:
            try:
                signal.signal(sig, signal.SIG_DFL)
            except (OSError, ValueError):  # not the main thread of the worker
                pass
    asked = _parent_death_signal(signal.SIGKILL)
    if os.getppid() != parent_pid:  # the parent died before the request: go now
        os._exit(1)
    if not asked:
        _watch_parent(parent_pid)
    _release_output()


def run_bound(parent_pid: int, target: Callable[..., Any], *args: Any) -> Any:
    """Bind this worker to `parent_pid`, then run `target(*args)` (a `Process` target)."""
    bind_to_parent(parent_pid)
    return target(*args)


def fork_context() -> Any:
    """The multiprocessing context for workers: fork on Linux (fast, shares what is already
    imported), the platform's default (spawn) elsewhere."""
    import multiprocessing

    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)


def usable_cores() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def pool_size(requested: int) -> int:
    """The worker processes a pool makes for `requested` (-j): at most `WORKERS_PER_CORE_MAX`
    per usable core, one at least."""
    return max(1, min(requested, WORKERS_PER_CORE_MAX * usable_cores()))


def fork_pool(workers: int) -> Any:
    """Return a `ProcessPoolExecutor` of `workers` processes bound to this one (`pool_size`:
    no more than the cores can use)."""
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(
        max_workers=pool_size(workers),
        mp_context=fork_context(),
        initializer=bind_to_parent,
        initargs=(os.getpid(),),
    )


def start_process(target: Callable[..., Any], args: tuple[Any, ...], *, context: Any = None) -> Any:
    """Start one daemonic worker process bound to this one, running `target(*args)`.

    Raises:
        OSError, ValueError, AssertionError: the process cannot start (e.g. inside a daemonic
            worker); the caller then does the work itself.
    """
    ctx = context or fork_context()
    proc = ctx.Process(target=run_bound, args=(os.getpid(), target, *args), daemon=True)
    proc.start()
    return proc


def stop_pool(executor: Any, *, wait: bool) -> None:
    """Shut a pool down: let its running tasks finish (`wait`), or kill its workers at once
    (the parent is unwinding from an error, an interrupt or a signal)."""
    if not wait:
        for proc in list((getattr(executor, "_processes", None) or {}).values()):
            try:
                proc.kill()
            except (OSError, AttributeError, ValueError):
                pass
    try:
        executor.shutdown(wait=True, cancel_futures=True)
    except Exception:  # a pool broken by the kill above has nothing left to shut down
        pass
