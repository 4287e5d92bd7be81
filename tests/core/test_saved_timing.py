"""The presenter's clocks survive a crash: saved as JSON, restored with the downtime."""

from __future__ import annotations

from facilitator.core.polls.groups import assign_groups
from facilitator.core.runs.resume import groups_from_json, groups_to_json
from facilitator.core.timing.agenda import AgendaTracker
from facilitator.core.timing.saved import SavedTiming
from facilitator.core.timing.timer import Timer, TimerPhase
from tests.clock import Clock


def test_timer_goes_on_from_where_it_was() -> None:
    clock = Clock(100.0)
    timer = Timer([TimerPhase(60, "Pairs"), TimerPhase(120, "Fours")], clock)
    timer.start()
    timer.adjust(30)
    clock.advance(50)
    durations, elapsed, running = timer.saved()
    again = Timer([TimerPhase(60, "Pairs"), TimerPhase(120, "Fours")], Clock(7.0))
    again.restore(durations, elapsed + 5, running)  # five seconds of downtime
    assert again.running and again.total == 210 and again.elapsed == 55
    assert again.tick() == []  # no chime replayed


def test_agenda_actuals_and_downtime() -> None:
    from facilitator.core.session.loader import load_session
    from facilitator.services.assets import slide_file

    bundled = load_session(slide_file()).session
    assert bundled is not None
    clock = Clock(0.0)
    agenda = AgendaTracker(bundled, clock)
    agenda.start(0)
    clock.advance(120)
    agenda.enter(1)
    clock.advance(30)
    actuals, visited, current, elapsed = agenda.saved()
    fresh = AgendaTracker(bundled, Clock(999.0))
    fresh.restore(actuals, visited, current, elapsed, downtime=10)
    assert fresh.actual(0) == 120 and fresh.actual(1) == 40 and fresh.elapsed() == 160


def test_unreadable_saved_state_gives_fresh_clocks() -> None:
    assert SavedTiming.from_json("") is None
    assert SavedTiming.from_json("{not json") is None
    assert SavedTiming.from_json('{"wall": 1, "nonsense": 2}') is None
    saved = SavedTiming(12.5, True, 60.0, [60.0], [True], 0, 3, [90.0], 20.0, True)
    assert SavedTiming.from_json(saved.to_json()) == saved


def test_groups_round_trip_and_bad_input() -> None:
    import random

    plan = assign_groups(["a", "b", "c", "d", "e", "f"], 3, random.Random(1))
    again = groups_from_json(groups_to_json(plan))
    assert again is not None and dict(again.members) == dict(plan.members)
    assert groups_to_json(None) == "" and groups_from_json("") is None
    assert groups_from_json('{"size": "x"}') is None and groups_from_json("[1]") is None
