"""The prompt countdown: phases, pause, +/- a minute, and overtime, on an injected clock.

Pure state, no Qt: the presenter polls `tick()` a few times a second from a GUI timer and
turns the returned events into a chime and a repaint. Time comes from a `Clock` (seconds,
monotonic) so tests step it by hand instead of sleeping.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

Clock = Callable[[], float]

# The last minute of a prompt turns the countdown amber so the room sees time running out.
LAST_MINUTE_SECONDS = 60
MINUTE = 60


class TimerStatus(StrEnum):
    IDLE = "idle"  # loaded, not started
    RUNNING = "running"
    PAUSED = "paused"


class TimerMood(StrEnum):
    """What colour the countdown should be; views map moods to theme colours."""

    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    LAST_MINUTE = "last-minute"
    OVERTIME = "overtime"


class TimerEventKind(StrEnum):
    PHASE_STARTED = "phase-started"  # a later phase of a multi-phase prompt began
    FINISHED = "finished"  # the last phase reached zero; overtime starts counting


@dataclass(frozen=True)
class TimerEvent:
    kind: TimerEventKind
    phase: int


@dataclass(frozen=True)
class TimerPhase:
    seconds: int
    label: str


@dataclass(frozen=True)
class TimerSnapshot:
    """Everything a view needs to draw the countdown, read once per repaint."""

    status: TimerStatus
    mood: TimerMood
    phase: int
    phase_count: int
    phase_label: str
    phase_remaining: float  # seconds left in the current phase (0 in overtime)
    remaining: float  # seconds left in the whole prompt (negative = overtime)
    total: float

    @property
    def overtime(self) -> float:
        return max(0.0, -self.remaining)

    @property
    def display(self) -> str:
        """`4:00`, `0:59`, or `+1:05` in overtime; whole seconds, rounded up while counting down
        so `0:00` shows exactly when time is up."""
        if self.remaining < 0:
            return "+" + format_seconds(int(-self.remaining))
        return format_seconds(int(-(-self.phase_remaining // 1)))


def format_seconds(seconds: int) -> str:
    minutes, secs = divmod(max(0, seconds), 60)
    return f"{minutes}:{secs:02d}"


class Timer:
    """A countdown over one or more phases that keeps counting up after zero.

    Not thread-safe: the presenter owns it on the GUI thread.
    """

    def __init__(self, phases: Sequence[TimerPhase], clock: Clock = time.monotonic) -> None:
        if not phases:
            raise ValueError("a timer needs at least one phase")
        self._clock = clock
        self._planned = tuple(phases)
        self._durations = [float(phase.seconds) for phase in phases]
        self._elapsed_before = 0.0  # elapsed seconds banked by earlier run stretches
        self._started_at: float | None = None  # clock reading when the current stretch began
        self._seen_phase = 0
        self._seen_finished = False

    @property
    def phases(self) -> tuple[TimerPhase, ...]:
        return tuple(
            TimerPhase(int(seconds), phase.label)
            for seconds, phase in zip(self._durations, self._planned, strict=True)
        )

    @property
    def status(self) -> TimerStatus:
        if self._started_at is not None:
            return TimerStatus.RUNNING
        return TimerStatus.PAUSED if self._elapsed_before > 0 else TimerStatus.IDLE

    @property
    def running(self) -> bool:
        return self._started_at is not None

    @property
    def elapsed(self) -> float:
        if self._started_at is None:
            return self._elapsed_before
        return self._elapsed_before + self._clock() - self._started_at

    @property
    def total(self) -> float:
        return sum(self._durations)

    def start(self) -> None:
        if self._started_at is None:
            self._started_at = self._clock()

    def pause(self) -> None:
        if self._started_at is not None:
            self._elapsed_before = self.elapsed
            self._started_at = None

    def toggle(self) -> None:
        if self.running:
            self.pause()
        else:
            self.start()

    def reset(self) -> None:
        self._durations = [float(phase.seconds) for phase in self._planned]
        self._elapsed_before = 0.0
        self._started_at = None
        self._seen_phase = 0
        self._seen_finished = False

    def add_minute(self) -> None:
        self.adjust(MINUTE)

    def remove_minute(self) -> None:
        self.adjust(-MINUTE)

    def adjust(self, seconds: float) -> None:
        """Lengthen or shorten the current phase (the last one once in overtime).

        A phase never gets shorter than the time already spent in it, so `-1 min` near the
        end ends the phase now rather than jumping into overtime unannounced.
        """
        phase = self._phase_index(self.elapsed)
        spent_before = sum(self._durations[:phase])
        spent_in_phase = self.elapsed - spent_before
        self._durations[phase] = max(self._durations[phase] + seconds, spent_in_phase, 0.0)
        if self.elapsed < self.total:
            # Time was added back: the finish (and later phases) may be announced again.
            self._seen_finished = False
            self._seen_phase = min(self._seen_phase, self._phase_index(self.elapsed))

    def saved(self) -> tuple[list[float], float, bool]:
        """Phase durations (with any +/- minutes), elapsed seconds and whether it runs."""
        return list(self._durations), self.elapsed, self.running

    def restore(self, durations: list[float], elapsed: float, running: bool) -> None:
        """Go on from a saved state (after a crash); chimes already heard are not replayed."""
        if len(durations) == len(self._durations):
            self._durations = [float(value) for value in durations]
        self._elapsed_before = max(0.0, elapsed)
        self._started_at = self._clock() if running else None
        self._seen_phase = self._phase_index(self._elapsed_before)
        self._seen_finished = self._elapsed_before >= self.total

    def tick(self) -> list[TimerEvent]:
        """Events since the last tick: a phase boundary crossed, or the end reached."""
        events: list[TimerEvent] = []
        elapsed = self.elapsed
        phase = self._phase_index(elapsed)
        if phase > self._seen_phase:
            self._seen_phase = phase
            events.append(TimerEvent(TimerEventKind.PHASE_STARTED, phase))
        if elapsed >= self.total and not self._seen_finished:
            self._seen_finished = True
            events.append(TimerEvent(TimerEventKind.FINISHED, len(self._durations) - 1))
        return events

    def snapshot(self) -> TimerSnapshot:
        elapsed = self.elapsed
        phase = self._phase_index(elapsed)
        phase_end = sum(self._durations[: phase + 1])
        remaining = self.total - elapsed
        return TimerSnapshot(
            status=self.status,
            mood=self._mood(remaining),
            phase=phase,
            phase_count=len(self._durations),
            phase_label=self._planned[phase].label,
            phase_remaining=max(0.0, phase_end - elapsed),
            remaining=remaining,
            total=self.total,
        )

    def _mood(self, remaining: float) -> TimerMood:
        if remaining < 0 or (remaining == 0 and self.elapsed > 0):
            return TimerMood.OVERTIME
        status = self.status
        if status is TimerStatus.IDLE:
            return TimerMood.IDLE
        if status is TimerStatus.PAUSED:
            return TimerMood.PAUSED
        if remaining <= LAST_MINUTE_SECONDS:
            return TimerMood.LAST_MINUTE
        return TimerMood.RUNNING

    def _phase_index(self, elapsed: float) -> int:
        boundary = 0.0
        for index, seconds in enumerate(self._durations):
            boundary += seconds
            if elapsed < boundary:
                return index
        return len(self._durations) - 1
