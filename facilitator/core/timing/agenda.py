"""Agenda pace: planned against actual minutes per section, projected end, pace colour.

The presenter tells the tracker which section is on screen (`enter`) whenever the slide
changes; time spent is credited to that section. Monotonic time (the injected `clock`)
measures durations; wall time (`wall`) only labels the start and the projected end, so a
laptop clock change mid-session cannot corrupt the figures.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from facilitator.core.session.model import Session

Clock = Callable[[], float]
WallClock = Callable[[], datetime]

# Slip against the planned end before the pace turns amber, then red. Two minutes is noise
# in a 75-minute session; five minutes means a section has to be cut.
BEHIND_SECONDS = 120.0
FAR_BEHIND_SECONDS = 300.0


class Pace(StrEnum):
    ON_TIME = "on-time"
    BEHIND = "behind"
    FAR_BEHIND = "far-behind"


class SectionStatus(StrEnum):
    UPCOMING = "upcoming"
    CURRENT = "current"
    DONE = "done"


@dataclass(frozen=True)
class SectionPace:
    index: int
    title: str
    planned_seconds: float
    actual_seconds: float
    status: SectionStatus

    @property
    def over(self) -> bool:
        return self.actual_seconds > self.planned_seconds


def _local_now() -> datetime:
    return datetime.now().astimezone()


class AgendaTracker:
    """Time spent per section since `start()`. Owned by the presenter's GUI thread."""

    def __init__(
        self,
        session: Session,
        clock: Clock = time.monotonic,
        wall: WallClock = _local_now,
        behind_seconds: float = BEHIND_SECONDS,
        far_behind_seconds: float = FAR_BEHIND_SECONDS,
    ) -> None:
        self._session = session
        self._clock = clock
        self._wall = wall
        self._behind = behind_seconds
        self._far_behind = far_behind_seconds
        self._actual = [0.0] * len(session.sections)
        self._visited = [False] * len(session.sections)
        self._current = 0
        self._entered_at: float | None = None
        self._started_at: float | None = None
        self._started_wall: datetime | None = None
        self._ended_at: float | None = None

    @property
    def started(self) -> bool:
        return self._started_at is not None

    @property
    def current(self) -> int:
        return self._current

    def start(self, section: int = 0) -> None:
        """Begin the run in `section`; a second call does nothing."""
        if self._started_at is not None:
            return
        now = self._clock()
        self._started_at = now
        self._started_wall = self._wall()
        self._current = section
        self._visited[section] = True
        self._entered_at = now

    def enter(self, section: int) -> None:
        """The slide on screen now belongs to `section` (starts the run if needed)."""
        if self._started_at is None:
            self.start(section)
            return
        if section == self._current or self._ended_at is not None:
            return
        self._bank()
        self._current = section
        self._visited[section] = True

    def finish(self) -> None:
        """Stop the clock: the session (or rehearsal) is over."""
        if self._started_at is None or self._ended_at is not None:
            return
        self._bank()
        self._ended_at = self._clock()
        self._entered_at = None

    def elapsed(self) -> float:
        if self._started_at is None:
            return 0.0
        end = self._ended_at if self._ended_at is not None else self._clock()
        return end - self._started_at

    def actual(self, section: int) -> float:
        running = 0.0
        if section == self._current and self._entered_at is not None:
            running = self._clock() - self._entered_at
        return self._actual[section] + running

    def planned_total(self) -> float:
        return sum(section.minutes for section in self._session.sections) * 60.0

    def rows(self) -> list[SectionPace]:
        rows = []
        for index, section in enumerate(self._session.sections):
            if index == self._current and self._ended_at is None:
                status = SectionStatus.CURRENT
            elif self._visited[index]:
                status = SectionStatus.DONE
            else:
                status = SectionStatus.UPCOMING
            planned = section.minutes * 60.0
            rows.append(SectionPace(index, section.title, planned, self.actual(index), status))
        return rows

    def remaining_planned(self) -> float:
        """Seconds still needed if every unfinished section takes its planned time."""
        remaining = 0.0
        for row in self.rows():
            if row.status is SectionStatus.CURRENT:
                remaining += max(0.0, row.planned_seconds - row.actual_seconds)
            elif row.status is SectionStatus.UPCOMING:
                remaining += row.planned_seconds
        return remaining

    def slip(self) -> float:
        """Seconds the projected end lies past the planned end (negative = ahead)."""
        return self.elapsed() + self.remaining_planned() - self.planned_total()

    def projected_end(self) -> datetime:
        start = self._started_wall or self._wall()
        return start + timedelta(seconds=self.elapsed() + self.remaining_planned())

    def planned_end(self) -> datetime:
        start = self._started_wall or self._wall()
        return start + timedelta(seconds=self.planned_total())

    def pace(self) -> Pace:
        slip = self.slip()
        if slip > self._far_behind:
            return Pace.FAR_BEHIND
        if slip > self._behind:
            return Pace.BEHIND
        return Pace.ON_TIME

    def report(self) -> dict[str, Any]:
        """Planned against actual per section, as JSON-ready data for the saved timing report."""
        started = self._started_wall.isoformat(timespec="seconds") if self._started_wall else None
        return {
            "session": self._session.title,
            "source": self._session.source,
            "started": started,
            "finished": self._ended_at is not None,
            "planned_minutes": round(self.planned_total() / 60.0, 2),
            "actual_minutes": round(self.elapsed() / 60.0, 2),
            "sections": [
                {
                    "title": row.title,
                    "planned_minutes": round(row.planned_seconds / 60.0, 2),
                    "actual_minutes": round(row.actual_seconds / 60.0, 2),
                    "visited": row.status is not SectionStatus.UPCOMING,
                }
                for row in self.rows()
            ],
        }

    # -- carried over a crash (see core.timing.saved) ------------------------------------
    def saved(self) -> tuple[list[float], list[bool], int, float]:
        """Actual seconds per section (the current one up to now), visited flags, the
        current section and the elapsed total: what `restore` needs."""
        actuals = [self.actual(index) for index in range(len(self._actual))]
        return actuals, list(self._visited), self._current, self.elapsed()

    def restore(self, actuals: list[float], visited: list[bool], current: int,
                elapsed: float, downtime: float) -> None:
        """Go on from a saved state; the `downtime` since it was saved (the crash and the
        restart) counts for the current section, as the room went on meanwhile."""
        if len(actuals) != len(self._actual) or not 0 <= current < len(self._actual):
            return  # saved for another version of the file: keep a fresh clock
        now = self._clock()
        downtime = max(0.0, downtime)
        self._actual = [float(value) for value in actuals]
        self._visited = [bool(flag) for flag in visited]
        self._current = current
        # The current section's saved actual is banked; it keeps counting from `now`,
        # with the downtime already added.
        self._actual[current] += downtime
        self._entered_at = now
        self._started_at = now - elapsed - downtime
        self._started_wall = self._wall() - timedelta(seconds=elapsed + downtime)
        self._ended_at = None

    def _bank(self) -> None:
        if self._entered_at is None:
            return
        now = self._clock()
        self._actual[self._current] += now - self._entered_at
        self._entered_at = now
