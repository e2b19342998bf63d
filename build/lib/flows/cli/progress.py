"""Progress bars for `dealwatch run` on an interactive terminal; plain log lines everywhere else.

The pipeline reports progress on the `dealwatch.progress` logger (flows/progress.py); this module
turns those records into rich progress bars (rich comes with Prefect). While the bars are drawn,
Prefect's own console lines are held back to errors, so the bars stay readable: every failure is in
the summary printed afterwards, and every log line still reaches the Prefect API.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from flows.progress import LOGGER


class _BarsHandler(logging.Handler):
    """Advances one bar per stage from the records of flows.progress.advance()."""

    def __init__(self, progress) -> None:
        super().__init__(logging.DEBUG)
        self.progress = progress
        self.bars: dict[str, int] = {}

    def emit(self, record: logging.LogRecord) -> None:
        stage = getattr(record, "dw_stage", None)
        if stage is None:
            return
        step, total = record.dw_step, record.dw_total
        bar = self.bars.get(stage)
        if bar is None:
            self.bars[stage] = self.progress.add_task(stage, total=total, completed=step)
            return
        task = self.progress.tasks[bar]
        if task.total is not None and task.completed >= task.total:
            # a new batch of the same stage: its total adds to the bar's
            self.progress.update(bar, total=task.total + total)
        self.progress.advance(bar, step)


def _console_handlers() -> list[logging.Handler]:
    """Returns the handlers that print log lines to the terminal (ours and Prefect's)."""
    try:
        from prefect.logging.handlers import PrefectConsoleHandler
    except ImportError:   # Prefect not loaded: only our own handlers print
        PrefectConsoleHandler = ()  # noqa: N806
    handlers = []
    for name in ("", "prefect", "prefect.flow_runs", "prefect.task_runs"):
        for h in logging.getLogger(name).handlers:
            if isinstance(h, PrefectConsoleHandler) or type(h) is logging.StreamHandler:
                handlers.append(h)
    return handlers


@contextmanager
def progress_display(enabled: bool | None = None) -> Iterator[None]:
    """Draws progress bars for the run inside the block when stderr is a terminal (or enabled=True)."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(TextColumn("{task.description:<17}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=Console(stderr=True), transient=False)
    listener = logging.getLogger(LOGGER)
    handler = _BarsHandler(progress)
    held = [(h, h.level) for h in _console_handlers()]
    saved = (listener.level, listener.propagate)
    listener.setLevel(logging.DEBUG)
    listener.propagate = False
    listener.addHandler(handler)
    for h, _ in held:
        h.setLevel(max(h.level, logging.ERROR))
    try:
        with progress:
            yield
    finally:
        listener.removeHandler(handler)
        listener.setLevel(saved[0])
        listener.propagate = saved[1]
        for h, level in held:
            h.setLevel(level)
