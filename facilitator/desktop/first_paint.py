"""The app's first paint: what waits for it, and the benchmark's stamp of it.

`when_first_painted` runs a function once a view has painted (the app's start finishes
its slow part there: the phone server, the fit test), with a fallback delay for a window
that never paints (minimised, or a window manager that never maps it).

For benchmarks/startup.py: set FACILITATOR_EXIT_AFTER_FIRST_PAINT=1 and the app prints
`first-paint MONOTONIC` (the CLOCK_MONOTONIC reading, shared by every process on the
machine) once a view showing the live projector image has painted (and `cover-paint
MONOTONIC` for the cover shown before it, see `stamp_cover`), then ends the session the
normal way (timing report, journal, port). Only the benchmark uses it; it is documented in
benchmarks/README.md, not in the user's docs.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ENV = "FACILITATOR_EXIT_AFTER_FIRST_PAINT"
FALLBACK_MS = 500  # a window that never paints: go on anyway after this long


class _FirstPaint(QObject):
    """Watches paint events; the first one schedules `then(True)`, so it runs after the
    paint has finished (the event filter sees the event before the view paints); the
    fallback, if given, calls `then(False)`. Either way `then` runs once."""

    def __init__(self, views: Iterable[QWidget], then: Callable[[bool], None],
                 fallback_ms: int | None = None) -> None:
        super().__init__()
        self._then = then
        self._done = False
        self._scheduled = False
        self._views = list(views)
        for view in self._views:
            view.installEventFilter(self)
        if fallback_ms is not None:
            QTimer.singleShot(fallback_ms, self, lambda: self._run(False))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() is QEvent.Type.Paint and not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(0, self, lambda: self._run(True))
        return False

    def _run(self, painted: bool) -> None:
        if self._done:  # whichever of the paint and the fallback comes first
            return
        self._done = True
        for view in self._views:
            view.removeEventFilter(self)
        self._then(painted)


def when_first_painted(views: Iterable[QWidget], then: Callable[[bool], None]) -> QObject:
    """Run `then(painted)` once after the first paint of any of `views` (True), or after
    FALLBACK_MS without one (False). Keep a reference to the returned watcher until then."""
    return _FirstPaint(views, then, FALLBACK_MS)


def stamp_cover(painted_at: float) -> None:
    """With the environment variable set: print `cover-paint MONOTONIC`, when the cover
    (qt/presenter/cover.py, the title card shown while the app loads) was first painted."""
    if os.environ.get(ENV) and painted_at:
        print(f"cover-paint {painted_at:.6f}", flush=True)


def stamp_first_paint(painted: bool) -> bool:
    """With the environment variable set: print `first-paint MONOTONIC` (now: call it
    right after the first paint; nothing when only the fallback came, so the benchmark
    fails rather than report a paint that did not happen) and return True, the app then
    ends; else False."""
    if not os.environ.get(ENV):
        return False
    if painted:
        print(f"first-paint {time.monotonic():.6f}", flush=True)
    return True
