"""A progress bar on standard error, fed by the core's progress callbacks (a terminal only)."""

from __future__ import annotations

import os
import sys
import time
from typing import Any


class ProgressBar:
    """A rich progress bar on stderr, fed by the core's progress callback (tty only)."""

    def __init__(self) -> None:
        self.progress: Any = None
        self.tasks: dict[str, Any] = {}
        self.last = 0.0

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if self.progress is None:
            if not sys.stderr.isatty():
                return
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            console = Console(file=sys.stderr, no_color=bool(os.environ.get("NO_COLOR")))
            # no refresh thread: the core may fork worker processes while the bar is shown
            self.progress = Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                console=console, transient=True, auto_refresh=False,
            )  # fmt: skip
            self.progress.start()
        if stage not in self.tasks:
            self.tasks[stage] = self.progress.add_task(stage, total=total)
        self.progress.update(self.tasks[stage], completed=done, total=total)
        now = time.monotonic()
        if now - self.last > 0.08 or (total is not None and done >= total):
            self.last = now
            self.progress.refresh()

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None
