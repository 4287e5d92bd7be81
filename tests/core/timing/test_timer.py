"""The prompt countdown on a hand-stepped clock: no sleeping."""

from __future__ import annotations

import pytest

from facilitator.core.timing.timer import (
    Timer,
    TimerEvent,
    TimerEventKind,
    TimerMood,
    TimerPhase,
    TimerStatus,
    format_seconds,
)
from tests.clock import Clock


@pytest.fixture
def clock() -> Clock:
    return Clock(1000.0)


def one_phase(clock: Clock, seconds: int = 240) -> Timer:
    return Timer([TimerPhase(seconds, "Pairs")], clock)


def one_two_four_all(clock: Clock) -> Timer:
    return Timer([TimerPhase(60, "On your own"), TimerPhase(120, "Pairs"),
                  TimerPhase(240, "Groups of 4"), TimerPhase(300, "Whole room")], clock)


def test_counts_down_only_while_running(clock: Clock) -> None:
    timer = one_phase(clock)
    clock.advance(50)
    assert timer.snapshot().display == "4:00"
    assert timer.status is TimerStatus.IDLE
    timer.start()
    clock.advance(30)
    snap = timer.snapshot()
    assert snap.remaining == 210
    assert snap.display == "3:30"
    assert snap.mood is TimerMood.RUNNING


def test_pause_and_resume_skip_the_paused_time(clock: Clock) -> None:
    timer = one_phase(clock)
    timer.start()
    clock.advance(60)
    timer.pause()
    assert timer.status is TimerStatus.PAUSED
    assert timer.snapshot().mood is TimerMood.PAUSED
    clock.advance(500)
    assert timer.snapshot().remaining == 180
    timer.toggle()
    clock.advance(20)
    assert timer.snapshot().remaining == 160


def test_display_rounds_up_so_zero_shows_when_time_is_up(clock: Clock) -> None:
    timer = one_phase(clock, 60)
    timer.start()
    clock.advance(0.4)
    assert timer.snapshot().display == "1:00"
    clock.advance(59.0)
    assert timer.snapshot().display == "0:01"
    clock.advance(0.6)
    assert timer.snapshot().display == "0:00"


def test_last_minute_then_overtime_counts_up(clock: Clock) -> None:
    timer = one_phase(clock, 120)
    timer.start()
    clock.advance(61)
    assert timer.snapshot().mood is TimerMood.LAST_MINUTE
    clock.advance(59)
    assert timer.tick() == [TimerEvent(TimerEventKind.FINISHED, 0)]
    clock.advance(65)
    snap = timer.snapshot()
    assert snap.mood is TimerMood.OVERTIME
    assert snap.overtime == 65
    assert snap.display == "+1:05"
    assert timer.tick() == []  # the finish is announced once


def test_plus_and_minus_a_minute(clock: Clock) -> None:
    timer = one_phase(clock, 240)
    timer.start()
    clock.advance(30)
    timer.add_minute()
    assert timer.snapshot().remaining == 270
    timer.remove_minute()
    timer.remove_minute()
    assert timer.snapshot().remaining == 150


def test_minus_a_minute_never_jumps_past_now(clock: Clock) -> None:
    timer = one_phase(clock, 120)
    timer.start()
    clock.advance(100)
    timer.remove_minute()
    snap = timer.snapshot()
    assert snap.remaining == 0
    assert timer.tick() == [TimerEvent(TimerEventKind.FINISHED, 0)]


def test_adding_time_in_overtime_counts_down_again_and_rechimes(clock: Clock) -> None:
    timer = one_phase(clock, 60)
    timer.start()
    clock.advance(90)
    assert [e.kind for e in timer.tick()] == [TimerEventKind.FINISHED]
    timer.add_minute()  # 30 s over, one more minute: 30 s left
    snap = timer.snapshot()
    assert snap.remaining == 30
    assert snap.mood is TimerMood.LAST_MINUTE
    clock.advance(30)
    assert [e.kind for e in timer.tick()] == [TimerEventKind.FINISHED]


def test_multi_phase_advances_with_events_and_labels(clock: Clock) -> None:
    timer = one_two_four_all(clock)
    timer.start()
    snap = timer.snapshot()
    assert (snap.phase, snap.phase_label, snap.phase_count, snap.display) == (0, "On your own", 4, "1:00")
    clock.advance(61)
    assert timer.tick() == [TimerEvent(TimerEventKind.PHASE_STARTED, 1)]
    snap = timer.snapshot()
    assert (snap.phase, snap.phase_label, snap.display) == (1, "Pairs", "1:59")
    assert snap.remaining == 720 - 61
    clock.advance(120 + 240 + 298)
    assert timer.snapshot().phase_label == "Whole room"
    assert [e.phase for e in timer.tick()] == [3]  # skipped ticks report the latest phase
    clock.advance(1)
    assert [e.kind for e in timer.tick()] == [TimerEventKind.FINISHED]


def test_adjust_changes_the_current_phase_only(clock: Clock) -> None:
    timer = one_two_four_all(clock)
    timer.start()
    clock.advance(70)  # in "Pairs"
    timer.add_minute()
    assert [phase.seconds for phase in timer.phases] == [60, 180, 240, 300]


def test_reset_restores_the_plan(clock: Clock) -> None:
    timer = one_two_four_all(clock)
    timer.start()
    clock.advance(200)
    timer.add_minute()
    timer.tick()
    timer.reset()
    snap = timer.snapshot()
    assert snap.status is TimerStatus.IDLE
    assert (snap.phase, snap.remaining) == (0, 720)
    timer.start()
    clock.advance(61)
    assert [e.phase for e in timer.tick()] == [1]  # phase chimes come back after a reset


def test_a_timer_needs_a_phase(clock: Clock) -> None:
    with pytest.raises(ValueError, match="at least one phase"):
        Timer([], clock)


@pytest.mark.parametrize(("seconds", "text"), [(0, "0:00"), (59, "0:59"), (60, "1:00"),
                                               (754, "12:34"), (-5, "0:00")])
def test_format_seconds(seconds: int, text: str) -> None:
    assert format_seconds(seconds) == text
