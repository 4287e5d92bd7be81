"""Agenda pace: planned against actual per section, projected end, pace colour, report."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from facilitator.core.session.model import Paragraph, Section, Session, Slide, SlideKind, Span
from facilitator.core.timing.agenda import AgendaTracker, Pace, SectionStatus

START = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)


class Clocks:
    def __init__(self) -> None:
        self.seconds = 0.0

    def mono(self) -> float:
        return self.seconds

    def wall(self) -> datetime:
        return START + timedelta(seconds=self.seconds)

    def advance(self, minutes: float) -> None:
        self.seconds += minutes * 60


def session(*minutes: float) -> Session:
    slide = Slide("s", SlideKind.CONTENT, blocks=(Paragraph((Span("x"),)),))
    sections = tuple(Section(f"Part {i + 1}", m, (slide,)) for i, m in enumerate(minutes))
    return Session("Pace", sections, minutes=sum(minutes))


@pytest.fixture
def clocks() -> Clocks:
    return Clocks()


def tracker(clocks: Clocks, *minutes: float) -> AgendaTracker:
    return AgendaTracker(session(*minutes), clocks.mono, clocks.wall)


def test_time_is_credited_to_the_section_on_screen(clocks: Clocks) -> None:
    agenda = tracker(clocks, 10, 20, 30)
    agenda.start()
    clocks.advance(12)
    agenda.enter(1)
    clocks.advance(5)
    rows = agenda.rows()
    assert [round(r.actual_seconds / 60) for r in rows] == [12, 5, 0]
    assert [r.status for r in rows] == [SectionStatus.DONE, SectionStatus.CURRENT,
                                        SectionStatus.UPCOMING]
    assert rows[0].over and not rows[1].over


def test_returning_to_a_section_adds_to_its_time(clocks: Clocks) -> None:
    agenda = tracker(clocks, 10, 20)
    agenda.start()
    clocks.advance(3)
    agenda.enter(1)
    clocks.advance(2)
    agenda.enter(0)
    clocks.advance(4)
    assert agenda.actual(0) == 7 * 60
    assert agenda.actual(1) == 2 * 60


def test_projected_end_and_pace(clocks: Clocks) -> None:
    agenda = tracker(clocks, 10, 20, 30)
    agenda.start()
    assert agenda.planned_end() == START + timedelta(minutes=60)
    assert agenda.projected_end() == START + timedelta(minutes=60)
    assert agenda.pace() is Pace.ON_TIME
    clocks.advance(11)  # one minute over in part 1: still on time
    assert agenda.projected_end() == START + timedelta(minutes=61)
    assert agenda.pace() is Pace.ON_TIME
    clocks.advance(3)  # four minutes over
    assert agenda.pace() is Pace.BEHIND
    clocks.advance(3)  # seven minutes over
    assert agenda.pace() is Pace.FAR_BEHIND
    assert agenda.slip() == 7 * 60


def test_time_saved_early_absorbs_later_overruns(clocks: Clocks) -> None:
    agenda = tracker(clocks, 10, 20, 30)
    agenda.start()
    clocks.advance(4)
    agenda.enter(1)  # six minutes early
    clocks.advance(25)  # five minutes over in part 2
    assert agenda.slip() == -60
    assert agenda.pace() is Pace.ON_TIME


def test_report_is_json_and_stops_at_finish(clocks: Clocks) -> None:
    agenda = tracker(clocks, 10, 20)
    agenda.start()
    clocks.advance(12)
    agenda.enter(1)
    clocks.advance(18.5)
    agenda.finish()
    clocks.advance(30)  # after the end: nothing more is counted
    report = json.loads(json.dumps(agenda.report()))
    assert report["finished"] is True
    assert report["planned_minutes"] == 30
    assert report["actual_minutes"] == 30.5
    assert report["started"] == "2026-03-02T14:00:00+00:00"
    assert [(s["title"], s["planned_minutes"], s["actual_minutes"], s["visited"])
            for s in report["sections"]] == [("Part 1", 10, 12, True), ("Part 2", 20, 18.5, True)]


def test_enter_starts_the_run_and_unvisited_sections_report_so(clocks: Clocks) -> None:
    agenda = tracker(clocks, 5, 5, 5)
    assert not agenda.started
    assert agenda.elapsed() == 0
    agenda.enter(2)
    clocks.advance(1)
    report = agenda.report()
    assert [s["visited"] for s in report["sections"]] == [False, False, True]
