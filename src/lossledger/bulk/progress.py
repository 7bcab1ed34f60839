"""A Rich progress bar for ``lossledger bulk check``: shards done, articles, articles/s, dashboard."""

from __future__ import annotations

import time
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .inputs import Shard

__all__ = ["RichProgress"]


class RichProgress:
    """Implements :class:`~.run.Progress` on a Rich bar (on standard error)."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)
        self._bar = Progress(
            TextColumn("[bold]shards"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[articles]:,} articles · {task.fields[rate]:,.0f} articles/s"), TimeElapsedColumn(),
            console=self.console,
        )  # fmt: skip
        self._task: Any = None
        self._articles = 0
        self._started = 0.0

    def start(self, shards: int, done: int, dashboard: str | None) -> None:
        if dashboard:
            self.console.print(f"Dask dashboard: {dashboard}", highlight=False)
        if done:
            self.console.print(f"{done} of {shards} shards already complete: resuming", highlight=False)
        self._started = time.perf_counter()
        self._task = self._bar.add_task("check", total=shards, completed=done, articles=0, rate=0.0)
        self._bar.start()

    def advance(self, shard: Shard, marker: dict[str, Any]) -> None:
        self._articles += int(marker["articles"])
        rate = self._articles / max(time.perf_counter() - self._started, 1e-9)
        self._bar.update(self._task, advance=1, articles=self._articles, rate=rate)

    def stop(self) -> None:
        self._bar.stop()
