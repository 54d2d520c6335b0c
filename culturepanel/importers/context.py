"""State shared by the readers while they read one file: problems found, progress.

A :class:`ReadContext` is created per file by
:func:`culturepanel.importers.read_campaign_file`. Readers report every fault
through :meth:`ReadContext.problem` (which never stops the reading) and call
:meth:`ReadContext.tick` as they go so that a caller can show progress.
:func:`paused_gc` keeps the cycle collector out of the way of a large read.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from culturepanel.errors import Problem

#: How often (in rows or units) the progress callback is called.
PROGRESS_STEP = 1000

Progress = Callable[[int, int], None]


@dataclass
class ReadContext:
    """One file being read: its path, the problems found so far, progress reporting."""

    path: Path
    progress: Progress | None = None
    problems: list[Problem] = field(default_factory=list)
    _reported: tuple[int, int] = field(default=(0, 0), init=False, repr=False)

    @property
    def name(self) -> str:
        """The file name shown in every problem."""
        return self.path.name or str(self.path)

    @property
    def folder(self) -> Path:
        """The folder that relative asset paths are resolved against."""
        return self.path.parent

    def problem(
        self,
        message: str,
        *,
        row: str | None = None,
        column: str | None = None,
        hint: str | None = None,
    ) -> None:
        """Record one fault in the file; reading goes on."""
        self.problems.append(
            Problem(file=self.name, message=message, row=row, column=column, hint=hint)
        )

    def tick(self, done: int, total: int) -> None:
        """Report progress every :data:`PROGRESS_STEP` items (``total`` may be an estimate)."""
        if self.progress is not None and done % PROGRESS_STEP == 0 and done:
            self._reported = (done, max(done, total))
            self.progress(*self._reported)

    def finish(self, total: int) -> None:
        """Report that all ``total`` items are done (unless that was the last report)."""
        if self.progress is not None and self._reported != (total, total):
            self.progress(total, total)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cycle collector while a file's records are made and kept.

    Reading a large file creates hundreds of thousands of lasting objects
    (rows, variants) that form no cycles; the collector would walk all of them
    again and again as they pile up, about a fifth of the time of a
    100,000-row import. The pause is process-wide and ends with the block;
    nested uses are fine (the outermost one turns the collector back on).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
