"""Where a result goes: standard output, or a file named with `-o`, written safely.

The one write path of every command (and of `trend --plot`):

- never over an input of the same run: a target that is the same file (same device and inode,
  through any link) as a document being read is refused before anything is written;
- a regular file (or a symlink to one, which stays a link) is replaced whole or not at all: a
  temporary file beside the target, flushed and synced, then renamed over it;
- a regular file that is this process's standard output or error (-o /dev/stdout, `-o log.txt
  >> log.txt`) is written through that open stream, at its place and in its mode (appending),
  never replaced: a rename would drop what the shell wrote there before;
- anything else (a character device such as /dev/null, a FIFO, a terminal, or a symlink to one)
  is written through, never replaced: renaming a file over /dev/null would replace the system's
  /dev/null for everyone; a FIFO nobody reads is given up after `FIFO_READER_WAIT` seconds;
  a block device is refused;
- every failure, a full disk (ENOSPC) included, is an `OutputError` (exit 3) naming the target.

No typer or rich here: the CLI calls these functions and maps the errors to exit codes.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from policy_cli.errors import OutputError

FIFO_READER_WAIT = 5.0  # seconds to wait for a process to open a FIFO named with -o for reading
_CHUNK = 1 << 20


def _identity(st: os.stat_result) -> tuple[int, int]:
    return st.st_dev, st.st_ino


def input_identities(inputs: Iterable[str]) -> set[tuple[int, int]]:
    """The (device, inode) of each input that exists ("-" is standard input)."""
    out: set[tuple[int, int]] = set()
    for path in inputs:
        try:
            if path == "-":
                if sys.stdin is None:
                    continue
                st = os.fstat(sys.stdin.fileno())
            else:
                st = os.stat(path)
        except (OSError, ValueError, AttributeError):  # missing, or a stdin without a file
            continue
        out.add(_identity(st))
    return out


def check_output(path: str, inputs: Iterable[str] = ()) -> None:
    """Refuse an output target that is one of the run's inputs, a folder or a block device.

    Called before the work (so that a mistyped `-o` costs nothing) and again before writing.

    Raises:
        OutputError: the target cannot or must not be written.
    """
    if not path:
        raise OutputError("-o: an empty file name")
    try:
        st = os.stat(path)
    except FileNotFoundError:
        # a new file (or a dangling link): nothing to protect, but its folder must be there,
        # or a long run would end in nothing
        folder = os.path.dirname(os.path.realpath(path))
        if not os.path.isdir(folder):
            raise OutputError(f"{path}: cannot write (no such directory)") from None
        return
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    if _identity(st) in input_identities(inputs):
        raise OutputError(
            f"{path}: is an input of this command; refusing to write over it (choose another -o)"
        )
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(f"{path}: cannot write (it is a directory)")
    if stat.S_ISBLK(st.st_mode):
        raise OutputError(f"{path}: is a block device; refusing to write to it")


def write_output(path: str, content: str | bytes, *, inputs: Iterable[str] = ()) -> None:
    """Write a result to the file `path` (see the module's rules).

    Args:
        path: the target named with -o.
        content: text (written as UTF-8) or bytes.
        inputs: the documents this run read (paths, "-" for standard input).

    Raises:
        OutputError: refused, or the write failed; a regular target is then left as it was.
    """
    check_output(path, inputs)
    if closed_streams and _stream_named(path) in closed_streams:
        raise OutputError(f"{path}: cannot write (the stream it names is closed)")
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        st: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    stream = _standard_stream(st) if st is not None else None
    if stream is not None:
        _write_to_stream(path, stream, data)
    elif st is not None and not stat.S_ISREG(st.st_mode):
        _write_through(path, data, st)
    else:
        # through a symlink, the file it points to is replaced and the link stays a link
        _replace(path, os.path.realpath(path), data, st)


STANDARD_STREAMS = (1, 2)  # the file descriptors of standard output and error
# the standard streams the shell closed (>&-): the CLI points their descriptors at /dev/null
# and says so here, so that -o /dev/stdout is refused, not written to /dev/null
closed_streams: set[int] = set()
_DESCRIPTOR_PATH = re.compile(r"/(?:dev/fd|proc/self/fd|proc/\d+/fd)/(\d+)")
LINKS_FOLLOWED = 8  # /dev/stdout -> /proc/self/fd/1 -> the file


def _stream_named(path: str) -> int | None:
    """The descriptor a path names through links (/dev/stdout, /dev/fd/1, /proc/self/fd/1),
    or None."""
    p = path
    for _ in range(LINKS_FOLLOWED):
        m = _DESCRIPTOR_PATH.fullmatch(os.path.normpath(p))
        if m:
            return int(m.group(1))
        try:
            target = os.readlink(p)
        except OSError:
            return None
        p = os.path.join(os.path.dirname(p), target)
    return None


def _standard_stream(st: os.stat_result) -> int | None:
    """The descriptor of this process's standard output or error where the regular file `st`
    is the file it writes to (same device and inode), else None."""
    if not stat.S_ISREG(st.st_mode):
        return None
    for fd in STANDARD_STREAMS:
        try:
            if _identity(os.fstat(fd)) == _identity(st):
                return fd
        except OSError:  # (closed)
            continue
    return None


def _write_to_stream(path: str, fd: int, data: bytes) -> None:
    """Write through an open standard stream, after what Python still holds for it."""
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
        _write_all(fd, data)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from exc


def _replace(shown: str, target: str, data: bytes, st: os.stat_result | None) -> None:
    directory = os.path.dirname(target) or "."
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".policy-", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write ({exc.strerror or exc})") from exc
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        if st is not None:
            mode = stat.S_IMODE(st.st_mode)  # an existing file keeps its permissions
        else:
            umask = os.umask(0)  # mkstemp creates 0600; a new file gets what open() would give
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"{shown}: cannot write ({exc.strerror or exc})") from exc
        raise


def _write_through(path: str, data: bytes, st: os.stat_result) -> None:
    if stat.S_ISSOCK(st.st_mode):
        raise OutputError(f"{path}: is a socket; cannot write a result to it")
    try:
        if stat.S_ISFIFO(st.st_mode):
            fd = _open_fifo(path)
        else:  # a character device, a terminal: no O_CREAT, no O_TRUNC
            fd = os.open(path, os.O_WRONLY | os.O_NOCTTY)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    try:
        _write_all(fd, data)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    finally:
        os.close(fd)


def _open_fifo(path: str) -> int:
    """Open a FIFO for writing, waiting a little for a reader instead of blocking forever."""
    deadline = time.monotonic() + FIFO_READER_WAIT
    while True:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY)
        except OSError as exc:
            if exc.errno != errno.ENXIO:  # ENXIO: no process has it open for reading
                raise
            if time.monotonic() >= deadline:
                raise OutputError(
                    f"{path}: is a FIFO that no process reads (waited {FIFO_READER_WAIT:g} s)"
                ) from exc
            time.sleep(0.05)
            continue
        os.set_blocking(fd, True)
        return fd


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view[:_CHUNK])
        view = view[written:]


# --------------------------------------------------------------------------- standard output


def discard_stdout() -> None:
    """Point file descriptor 1 at /dev/null, so that the final flush of what is still
    buffered for a closed pipe or a full device raises nothing at exit."""
    try:
        fileno = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # a test runner's buffer: nothing to do
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    try:
        os.dup2(devnull, fileno)
    except OSError:
        pass
    finally:
        os.close(devnull)


@contextmanager
def stdout_errors() -> Iterator[None]:
    """Turn a failed write to standard output into an `OutputError` (a closed pipe excepted:
    `BrokenPipeError` passes through, for the CLI to end quietly)."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            raise
        raise OutputError(f"standard output: cannot write ({exc.strerror or exc})") from exc


def write_stdout(content: str) -> None:
    """Write text to standard output and flush it (see `stdout_errors`)."""
    with stdout_errors():
        sys.stdout.write(content)
