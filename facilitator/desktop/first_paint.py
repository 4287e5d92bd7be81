"""A hook for benchmarks/startup.py: end the app once the projector image is first painted.

Set FACILITATOR_EXIT_AFTER_FIRST_PAINT=1 and the app prints `first-paint MONOTONIC` (the
CLOCK_MONOTONIC reading, shared by every process on the machine) once a view showing the
live projector image has painted, then ends the session the normal way (timing report,
journal, port). Only the benchmark uses it; it is documented in benchmarks/README.md, not
in the user's docs.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ENV = "FACILITATOR_EXIT_AFTER_FIRST_PAINT"


class _FirstPaint(QObject):
    """Watches paint events; the first one schedules the stamp and the end, so the stamp
    comes after the paint has finished (the event filter runs before it)."""

    def __init__(self, views: Iterable[QWidget], end: Callable[[], None]) -> None:
        super().__init__()
        self._end = end
        self._seen = False
        for view in views:
            view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() is QEvent.Type.Paint and not self._seen:
            self._seen = True
            QTimer.singleShot(0, self._done)
        return False

    def _done(self) -> None:
        print(f"first-paint {time.monotonic():.6f}", flush=True)
        self._end()


def exit_after_first_paint(views: Iterable[QWidget], end: Callable[[], None]) -> QObject | None:
    """With the environment variable set: the watcher (keep a reference), else None."""
    return _FirstPaint(views, end) if os.environ.get(ENV) else None
