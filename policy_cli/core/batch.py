"""One row per document of a corpus: the engine of `policy batch` and `policy_cli.batch`.

A document's row is the row `policy summary --format csv` gives it (`core.summary.
summary_row`, `ROW_COLUMNS`) plus an `error` column: a document that cannot be analysed (no
text, a corrupt file, a bad JSON-lines record) is reported in its row and the run goes on.

Documents are analysed by the same function (`document_rows`) wherever they run: here, in a
pool of worker processes on this machine (forked after the dictionaries are loaded, so that
they share them; bound to this process, `core.workers`), or on a Dask cluster
(`scheduler="tcp://host:8786"`, the optional `dask` extra). Rows come back in input order.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from policy_cli.core.corpus import (
    CorpusItem,
    corpus_message,
    count_documents,
    expand_paths,
    iter_items,
    load_item,
    source_key,
)
from policy_cli.core.summary import ROW_COLUMNS, summarize, summary_row
from policy_cli.errors import InputError, PolicyCliError, UsageError

if TYPE_CHECKING:
    from policy_cli.core.formulations.options import FormulationOptions

BATCH_COLUMNS = (*ROW_COLUMNS, "error")
# integer columns of a row (the others are text, or None when a document does not state it)
INT_COLUMNS = frozenset(
    c for c in ROW_COLUMNS
    if c in ("characters", "paragraphs", "sentences", "targets", "noise_cut", "noise_chars")
    or c.startswith("formulations")
)  # fmt: skip
TASK_CHARACTERS = 400_000  # documents sent to a worker together, up to this much text
TASK_DOCUMENTS = 16  # ... and this many
IN_FLIGHT = 2  # tasks in flight per worker
RETRIES = 1  # times a task whose worker died is tried again (alone, in a fresh pool)
SCHEDULER_TIMEOUT = 20.0  # seconds to reach a Dask scheduler
# a short text every analysis reads once before the workers are forked (dictionaries, IDF)
_WARM_UP = "关于推动高质量发展的实施意见\n2025年1月1日\n坚持稳中求进，推动“放管服”改革，国内生产总值增长5%左右。"

ProgressFn = Callable[[int, int | None], None]  # (documents done, total or None)


@dataclass(frozen=True)
class BatchOptions:
    """What each document's row is made with (the options of `policy summary` that a row
    depends on)."""

    keywords: int = 10
    keep_noise: bool = False
    formulation_options: FormulationOptions | None = None


def error_row(source: str, message: str) -> dict[str, Any]:
    """The row of a document that could not be analysed: its source and why."""
    row: dict[str, Any] = dict.fromkeys(BATCH_COLUMNS)
    row["source"] = source
    row["error"] = " ".join(corpus_message(message).split())
    return row


def document_row(item: CorpusItem, options: BatchOptions) -> dict[str, Any]:
    """Analyse one document into its row (`BATCH_COLUMNS`); never raises for a bad document.

    Args:
        item: a document of the corpus (`core.corpus.iter_items`).
        options: the options rows are made with.

    Returns:
        The row `summary_row` gives the document's summary, with `error` None; or, when the
        document cannot be analysed, `error_row`.
    """
    try:
        document = load_item(item, keep_noise=options.keep_noise)
        summary = summarize(
            document,
            keywords=options.keywords,
            sentences=0,  # a row shows no key sentences: not computed
            formulation_options=options.formulation_options,
        )
        row: dict[str, Any] = dict(summary_row(summary))
    except PolicyCliError as exc:
        return error_row(item.source, str(exc))
    except RecursionError:
        return error_row(item.source, "the input is nested too deeply to analyse")
    except MemoryError:
        return error_row(item.source, "out of memory: the document is too large to analyse")
    except Exception as exc:  # a bad document must not end the run: reported in its row
        return error_row(item.source, f"internal error: {type(exc).__name__}: {exc}")
    row["error"] = None
    return row


def document_rows(items: Sequence[CorpusItem], options: BatchOptions) -> list[dict[str, Any]]:
    """`document_row` for a few documents: one task of a worker (process or Dask)."""
    return [document_row(item, options) for item in items]


def warm_up(options: BatchOptions) -> None:
    """Load what every analysis needs (dictionaries, lexicons, IDF) once, here, so that
    worker processes forked afterwards share it instead of each loading it."""
    from policy_cli.core.loaders import load_text

    document_row(CorpusItem(0, "<warm-up>", _WARM_UP), options)
    load_text(_WARM_UP)


def _tasks(items: Iterable[CorpusItem]) -> Iterator[list[CorpusItem]]:
    """Group documents into tasks: a few small ones together, a large one alone."""
    task: list[CorpusItem] = []
    size = 0
    for item in items:
        task.append(item)
        size += len(item.payload)
        if len(task) >= TASK_DOCUMENTS or size >= TASK_CHARACTERS:
            yield task
            task, size = [], 0
    if task:
        yield task


class _LocalRunner:
    """Run tasks here (one worker) or in a pool of forked worker processes."""

    def __init__(self, workers: int, options: BatchOptions) -> None:
        from policy_cli.core.workers import pool_size

        self.workers = pool_size(workers)  # (-j 100000: no more than the cores can use)
        self.options = options
        self.pool: Any = None

    def _pool(self) -> Any:
        if self.pool is None:
            from policy_cli.core.workers import fork_pool

            self.pool = fork_pool(self.workers)
        return self.pool

    def run(self, tasks: Iterator[list[CorpusItem]]) -> Iterator[list[dict[str, Any]]]:
        if self.workers <= 1:
            for task in tasks:
                yield document_rows(task, self.options)
            return
        warm_up(self.options)
        queue: deque[tuple[list[CorpusItem], Any]] = deque()
        for task in tasks:
            queue.append((task, self._pool().submit(document_rows, task, self.options)))
            while len(queue) >= self.workers * IN_FLIGHT:
                yield self._result(*queue.popleft())
        while queue:
            yield self._result(*queue.popleft())

    def _result(self, task: list[CorpusItem], future: Any) -> list[dict[str, Any]]:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return list(future.result())
        except BrokenProcessPool:
            # a worker died (killed, out of memory): its documents are tried again alone
            self.close(wait=False)
            return [self._alone(item) for item in task]

    def _alone(self, item: CorpusItem) -> dict[str, Any]:
        from concurrent.futures.process import BrokenProcessPool

        for _ in range(RETRIES):
            try:
                rows = self._pool().submit(document_rows, [item], self.options).result()
                return dict(rows[0])
            except BrokenProcessPool:
                self.close(wait=False)
        return error_row(item.source, "the worker process analysing it died")

    def close(self, *, wait: bool = True) -> None:
        if self.pool is not None:
            from policy_cli.core.workers import stop_pool

            stop_pool(self.pool, wait=wait)
            self.pool = None


# the scheme of a scheduler another process runs that an address alone reaches (tls and wss need
# a security configuration, ucx its own library: neither is taken here)
NETWORK_SCHEMES = ("tcp",)
PORTS = range(1, 65536)
IN_PROCESS_SCHEME = "inproc"  # one this process runs


def _scheduler_address(address: str) -> str:
    """A Dask scheduler's address checked before any client is made (one made of a malformed
    address hung 40 s at exit, closing itself), tcp:// where none is said (host:port): a host
    and port of a network scheme, or a scheduler of this process (inproc://).

    Raises:
        UsageError: no host:port of a network scheme.
    """
    from distributed.comm.addressing import parse_address, parse_host_port

    given = address
    if "://" not in address:
        address = f"tcp://{address}"
    try:
        scheme, location = parse_address(address, strict=True)
        if scheme == IN_PROCESS_SCHEME:
            from distributed.comm.inproc import global_manager

            # (a cluster of this very process, a library's caller's: LocalCluster(processes=
            # False); the address names its host and process)
            if global_manager.get_listener_for(location) is None:
                raise ValueError("no scheduler of this process listens there")
        elif scheme not in NETWORK_SCHEMES:
            raise ValueError(f"the scheme is {scheme!r}, not one of {', '.join(NETWORK_SCHEMES)}")
        else:
            _, port = parse_host_port(location)
            if port not in PORTS:
                raise ValueError(f"no port {port}")
    except (ValueError, TypeError) as exc:
        raise UsageError(
            f"--scheduler {given}: no Dask scheduler address, e.g. tcp://host:8786 ({exc})"
        ) from exc
    return address


class _DaskRunner:
    """Run tasks on a Dask cluster (dask.distributed futures), a few in flight per worker."""

    def __init__(self, scheduler: str, options: BatchOptions) -> None:
        try:
            from distributed import Client
        except ImportError as exc:
            raise UsageError(
                "--scheduler needs dask.distributed, which is not installed:"
                " pip install 'policy-cli[dask]'"
            ) from exc
        self.options = options
        scheduler = _scheduler_address(scheduler)
        try:
            self.client = Client(
                scheduler, timeout=f"{SCHEDULER_TIMEOUT}s", set_as_default=False
            )
        except (OSError, TimeoutError, ValueError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler {scheduler} ({exc})") from exc

    def run(self, tasks: Iterator[list[CorpusItem]]) -> Iterator[list[dict[str, Any]]]:
        workers = max(1, sum(self.client.nthreads().values()))
        queue: deque[tuple[list[CorpusItem], Any]] = deque()
        for task in tasks:
            future = self.client.submit(document_rows, task, self.options, pure=False)
            queue.append((task, future))
            while len(queue) >= workers * IN_FLIGHT:
                yield self._result(*queue.popleft())
        while queue:
            yield self._result(*queue.popleft())

    def _result(self, task: list[CorpusItem], future: Any) -> list[dict[str, Any]]:
        try:
            return list(future.result())
        except Exception as exc:  # the cluster lost the task (a worker died, twice)
            why = f"the Dask task failed ({type(exc).__name__}: {exc})"
            return [error_row(item.source, why) for item in task]
        finally:
            future.release()

    def close(self, *, wait: bool = True) -> None:
        self.client.close()


def batch_rows(
    paths: Sequence[str | os.PathLike[str]],
    *,
    options: BatchOptions | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    skip: Iterable[str] = (),
    progress: ProgressFn | None = None,
) -> Iterator[dict[str, Any]]:
    """Analyse every document of a corpus into its row, in input order.

    The paths and options are checked (and a Dask scheduler reached) when this is called;
    the documents are read as the rows are taken from the iterator.

    Args:
        paths: files, folders, globs, JSON-lines files (.jsonl, .ndjson, .gz/.xz compressed).
        options: what the rows are made with.
        workers: processes on this machine (default: the usable cores; 1: this process).
        scheduler: the address of a Dask scheduler (tcp://host:8786) to run on instead.
        skip: sources not to analyse again (rows a previous run wrote: `--resume`).
        progress: called as progress(done, total) after each document (total None when a
            compressed stream cannot be counted without reading it).

    Returns:
        An iterator of rows, one per document (`BATCH_COLUMNS`), errors included.

    Raises:
        InputError: a path that does not exist, a folder or glob without documents (raised
            when called), a JSON-lines corpus without any (raised by the iterator at its end).
        UsageError: a bad option, or a Dask scheduler that cannot be reached.
    """
    options = options or BatchOptions()
    if options.keywords < 1:
        raise UsageError("the number of key terms must be at least 1")
    if workers is not None and workers < 1:
        raise UsageError("--jobs must be at least 1")
    files = expand_paths(paths)
    skipped = frozenset(source_key(s) for s in skip)
    total = None
    if progress is not None:
        total = count_documents(files)
        if total is not None and skipped:
            total -= sum(
                1 for it in iter_items(files, errors="item") if source_key(it.source) in skipped
            )
    runner: _LocalRunner | _DaskRunner
    if scheduler:
        runner = _DaskRunner(scheduler, options)
    else:
        from policy_cli.core.workers import usable_cores

        runner = _LocalRunner(workers or usable_cores(), options)
    items = _not_skipped(iter_items(files, errors="item"), skipped, files)
    return _rows(runner, items, total, progress)


def _not_skipped(
    items: Iterator[CorpusItem], skipped: frozenset[str], files: Sequence[Any]
) -> Iterator[CorpusItem]:
    """The documents not skipped; a corpus that holds none at all (an empty JSON-lines file) is
    refused, as a folder without documents is, once read through.

    Raises:
        InputError: the inputs hold no document.
    """
    seen = False
    for it in items:
        seen = True
        if not skipped or source_key(it.source) not in skipped:
            yield it
    if not seen:
        raise InputError(f"{', '.join(str(f) for f in files)}: no documents in it")


def _rows(
    runner: _LocalRunner | _DaskRunner,
    items: Iterator[CorpusItem],
    total: int | None,
    progress: ProgressFn | None,
) -> Iterator[dict[str, Any]]:
    done = 0
    finished = False
    try:
        for rows in runner.run(_tasks(items)):
            for row in rows:
                done += 1
                if progress is not None:
                    progress(done, total)
                yield row
        finished = True
    finally:
        runner.close(wait=finished)


def batch(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    keywords: int = 10,
    workers: int | None = None,
    scheduler: str | None = None,
    lexicon: str | os.PathLike[str] | None = None,
    keep_noise: bool = False,
) -> Any:
    """Analyse every document of a corpus into a pandas DataFrame, one row per document.

    The rows are those of `policy batch` (`BATCH_COLUMNS`): what `policy summary --format
    csv` gives each document, and an `error` column for documents that could not be read.

    Args:
        paths: a path or a list of files, folders, globs and JSON-lines files.
        keywords: key terms per row.
        workers: processes on this machine (default: the usable cores).
        scheduler: a Dask scheduler's address (tcp://host:8786) to run on instead.
        lexicon: a file of your own formulations (one a line), found as `--lexicon` does.
        keep_noise: keep injected spam and page furniture in the text.

    Returns:
        A pandas DataFrame with the columns of `BATCH_COLUMNS` (integer columns as nullable
        Int64, text columns as strings).

    Raises:
        UsageError: pandas is not installed, or a bad option.
        InputError: a path that does not exist.
    """
    try:
        import pandas as pd
    except ImportError as exc:
        raise UsageError("policy_cli.batch needs pandas: pip install 'policy-cli[pandas]'") from exc
    from policy_cli.core.formulations import FormulationOptions, read_user_lexicon

    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    formulation_options = (
        FormulationOptions(lexicon=read_user_lexicon(os.fspath(lexicon)))
        if lexicon is not None
        else None
    )
    options = BatchOptions(
        keywords=keywords, keep_noise=keep_noise, formulation_options=formulation_options
    )
    rows = list(batch_rows(paths, options=options, workers=workers, scheduler=scheduler))
    frame = pd.DataFrame.from_records(rows, columns=list(BATCH_COLUMNS))
    dtypes = {c: ("Int64" if c in INT_COLUMNS else "string") for c in BATCH_COLUMNS}
    return frame.astype(dtypes)
