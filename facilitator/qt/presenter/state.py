"""The running session as a Qt object: one per session, on the GUI thread.

Wraps the pure pieces (`Presentation`, `Timer`, `AgendaTracker`) and announces changes as
signals, so the projector and the console are two views of the same state. Every signal
fires on the GUI thread. A QTimer ticks a few times a second while the app runs; tests
call `tick()` themselves with an injected clock.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from facilitator.core.session.model import Prompt, Session, Slide, SlideKind
from facilitator.core.timing.agenda import AgendaTracker, WallClock
from facilitator.core.timing.presentation import Presentation, Screen
from facilitator.core.timing.saved import SavedTiming
from facilitator.core.timing.timer import Clock, Timer, TimerEventKind, TimerPhase, TimerSnapshot
from facilitator.qt.slides.base import SlideContext
from facilitator.qt.style import Theme
from facilitator.services.support_source import SupportSource

TICK_MS = 200
FLASH_SECONDS = 2.0  # how long the visual chime lasts when no sound can play


def prompt_timer(prompt: Prompt, clock: Clock) -> Timer:
    return Timer([TimerPhase(phase.seconds, phase.group.label) for phase in prompt.phases], clock)


class PresenterState(QObject):
    slide_changed = Signal(int)  # new slide index
    screen_changed = Signal()  # black / white / resources overlay
    timer_changed = Signal()  # any timer change, and every tick while it runs
    ticked = Signal()  # every tick: wall clock, elapsed, pace
    chimed = Signal(str)  # "phase" or "finished": the views flash, the chime plays
    message = Signal(str)  # a short status line for the console
    rehearsal_changed = Signal(bool)  # True while rehearsing (nothing timed or recorded)
    # A discrete change of the clocks (slide, timer start/pause/adjust/reset, session
    # start), never a tick: the app journals `saved_timing()` on it.
    timing_changed = Signal()

    def __init__(
        self,
        session: Session,
        theme: Theme,
        support: SupportSource | None = None,
        clock: Clock = time.monotonic,
        wall: WallClock | None = None,
        play_chime: Callable[[str], bool] = lambda kind: False,
        parent: QObject | None = None,
        rehearsal: bool = False,
    ) -> None:
        """`rehearsal`: open before the session starts: slides, timers and polls all work,
        but the agenda clock does not run until `begin_session()` (the app opens this way;
        a resumed run does not)."""
        super().__init__(parent)
        self.rehearsing = rehearsal
        self.session = session
        self.theme = theme
        self.support = support
        self.presentation = Presentation(session)
        self._clock = clock
        self.agenda = AgendaTracker(session, clock, wall) if wall else AgendaTracker(session, clock)
        self._play_chime = play_chime
        self.timer: Timer | None = None
        self.timer_slide: int | None = None
        self._flash_until = -1.0
        self.groups_banner = False  # groups assigned: prompt slides leave the banner room
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.tick)
        self._bind_timer_if_idle(self.presentation.index)

    # -- running --------------------------------------------------------------------------
    def start(self) -> None:
        """Start the ticker, and the run clock unless rehearsing (the app calls this once
        windows are up)."""
        if not self.rehearsing:
            self.agenda.start(self.presentation.section)
        self._ticker.start()

    def begin_session(self, from_first_slide: bool) -> bool:
        """End the rehearsal: the agenda clock starts now; `from_first_slide` also goes back
        to slide 1 and unloads any rehearsed countdown. False if already started."""
        if not self.rehearsing:
            return False
        self.rehearsing = False
        if from_first_slide:
            self.timer = None
            self.timer_slide = None
            self._flash_until = -1.0
            self.presentation.first()
            self._bind_timer_if_idle(self.presentation.index)
            self.timer_changed.emit()
            self.slide_changed.emit(self.presentation.index)
        self.agenda.start(self.presentation.section)
        self.rehearsal_changed.emit(False)
        self.ticked.emit()
        self.timing_changed.emit()
        return True

    def stop(self) -> None:
        self._ticker.stop()
        self.agenda.finish()

    def tick(self) -> None:
        if self.timer is not None:
            events = self.timer.tick()
            if any(event.kind is TimerEventKind.FINISHED for event in events):
                # One chime per moment: reaching zero says more than "next phase".
                events = [e for e in events if e.kind is TimerEventKind.FINISHED]
            for event in events:
                kind = "finished" if event.kind is TimerEventKind.FINISHED else "phase"
                if not self._play_chime(kind):
                    self._flash_until = self._clock() + FLASH_SECONDS
                self.chimed.emit(kind)
            if self.timer.running or self.flashing:
                self.timer_changed.emit()
        self.ticked.emit()

    @property
    def flashing(self) -> bool:
        return self._clock() < self._flash_until

    # -- navigation -----------------------------------------------------------------------
    @property
    def index(self) -> int:
        return self.presentation.index

    @property
    def slide(self) -> Slide:
        return self.presentation.slide

    def next(self) -> None:
        self._navigate(self.presentation.next)

    def previous(self) -> None:
        self._navigate(self.presentation.previous)

    def first(self) -> None:
        self._navigate(self.presentation.first)

    def last(self) -> None:
        self._navigate(self.presentation.last)

    def go_to_number(self, number: int) -> None:
        if not 1 <= number <= self.presentation.count:
            self.message.emit(f"There is no slide {number}; slides go from 1 to "
                              f"{self.presentation.count}.")
            return
        self._navigate(lambda: self.presentation.go_to_number(number))

    def _navigate(self, move: Callable[[], bool]) -> None:
        if move():
            index = self.presentation.index
            if not self.rehearsing:  # a rehearsal's time is nobody's actual time
                self.agenda.enter(self.presentation.section)
            self._bind_timer_if_idle(index)
            self.slide_changed.emit(index)
            self.timing_changed.emit()

    # -- screens --------------------------------------------------------------------------
    @property
    def screen(self) -> Screen:
        return self.presentation.screen

    @property
    def resources_overlay(self) -> bool:
        return self.presentation.resources_overlay

    def toggle_black(self) -> None:
        self.presentation.toggle_black()
        self.screen_changed.emit()

    def toggle_white(self) -> None:
        self.presentation.toggle_white()
        self.screen_changed.emit()

    def toggle_resources(self) -> None:
        self.presentation.toggle_resources()
        self.screen_changed.emit()

    def resources_slide(self) -> Slide:
        """What R shows: the session's own resources slide, or a generic one."""
        index = self.presentation.resources_slide_index()
        if index is not None:
            return self.session.slides[index]
        return Slide("Support is available", SlideKind.RESOURCES)

    # -- the prompt timer -----------------------------------------------------------------
    def _bind_timer_if_idle(self, index: int) -> None:
        """Arriving on a prompt loads its timer, unless another prompt's timer is running:
        a running countdown survives navigation (the console keeps showing it)."""
        slide = self.session.slides[index]
        if slide.prompt is None or index == self.timer_slide:
            return
        if self.timer is not None and self.timer.running:
            return
        self.timer = prompt_timer(slide.prompt, self._clock)
        self.timer_slide = index
        self.timer_changed.emit()

    def toggle_timer(self) -> None:
        """T: on a prompt slide whose timer is not loaded, load it and start; else start/pause."""
        index = self.presentation.index
        prompt = self.slide.prompt
        if prompt is not None and index != self.timer_slide:
            self.timer = prompt_timer(prompt, self._clock)
            self.timer_slide = index
            self.timer.start()
        elif self.timer is not None:
            self.timer.toggle()
        else:
            self.message.emit("No timer here: this session's timers belong to prompt slides.")
            return
        self.timer_changed.emit()
        self.timing_changed.emit()

    def adjust_timer(self, minutes: int) -> None:
        if self.timer is None:
            return
        self.timer.adjust(minutes * 60)
        self.tick()
        self.timer_changed.emit()
        self.timing_changed.emit()

    def reset_timer(self) -> None:
        if self.timer is None:
            return
        self.timer.reset()
        self._flash_until = -1.0
        self.timer_changed.emit()
        self.timing_changed.emit()

    def timer_snapshot(self) -> TimerSnapshot | None:
        return self.timer.snapshot() if self.timer is not None else None

    def timer_prompt_title(self) -> str:
        if self.timer_slide is None:
            return ""
        return self.session.slides[self.timer_slide].title

    # -- what views draw ------------------------------------------------------------------
    def context_for(self, index: int) -> SlideContext:
        """How slide `index` should look right now (live countdown on the timed prompt)."""
        timed = index == self.timer_slide
        return SlideContext(
            session=self.session,
            theme=self.theme,
            support=self.support,
            timer=self.timer_snapshot() if timed else None,
            flash=timed and self.flashing,
            groups_banner=self.groups_banner,
        )

    def set_groups_banner(self, shown: bool) -> None:
        """Groups were assigned or cleared: prompt slides lay out again around the banner."""
        if shown != self.groups_banner:
            self.groups_banner = shown
            self.screen_changed.emit()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.screen_changed.emit()

    # -- carried over a crash -------------------------------------------------------------
    def saved_timing(self, wall: float) -> SavedTiming:
        actuals, visited, current, elapsed = self.agenda.saved()
        durations, timer_elapsed, running = (self.timer.saved() if self.timer is not None
                                             else ([], 0.0, False))
        return SavedTiming(wall, not self.rehearsing, elapsed, actuals, visited, current,
                           self.timer_slide, durations, timer_elapsed, running)

    def restore_timing(self, saved: SavedTiming, wall: float) -> None:
        """Go on from `saved` (written at `saved.wall`, now is `wall`): the agenda's
        actuals and the loaded prompt timer, running or paused, with the time in between."""
        downtime = max(0.0, wall - saved.wall)
        if saved.started:
            self.rehearsing = False
            self.agenda.restore(saved.actuals, saved.visited, saved.current, saved.elapsed,
                                downtime)
        slide = (self.session.slides[saved.timer_slide]
                 if saved.timer_slide is not None
                 and 0 <= saved.timer_slide < len(self.session.slides) else None)
        if slide is not None and slide.prompt is not None:
            self.timer = prompt_timer(slide.prompt, self._clock)
            self.timer_slide = saved.timer_slide
            self.timer.restore(saved.timer_durations,
                               saved.timer_elapsed + (downtime if saved.timer_running else 0),
                               saved.timer_running)
        self.rehearsal_changed.emit(self.rehearsing)
        self.timer_changed.emit()
        self.ticked.emit()

    # -- the end --------------------------------------------------------------------------
    def save_timing_report(self, folder: Path) -> Path | None:
        """Write planned vs actual minutes as JSON under `folder`; None if the run never began."""
        if not self.agenda.started:
            return None
        self.agenda.finish()
        folder.mkdir(parents=True, exist_ok=True)
        slug = re.sub(r"[^a-z0-9]+", "-", self.session.title.lower()).strip("-") or "session"
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = folder / f"{stamp}-{slug}.json"
        path.write_text(json.dumps(self.agenda.report(), indent=2), encoding="utf-8")
        return path
