"""Starting the desktop app: the run journal and its lock, the cover, the windows, then
the phone server once the first slide has painted; and the one-process-per-run rules
(resume after a crash, a run already live in another window). `DesktopApp` is the app
itself (`desktop_app`); this is how `facilitator run` brings it up and ends it.
"""

from __future__ import annotations

import dataclasses
import signal
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from facilitator.core.network import Interface
from facilitator.core.runs.catalogue import latest_interrupted
from facilitator.core.runs.journal import file_hash
from facilitator.core.runs.journal_reads import RunInfo
from facilitator.core.runs.resume import Run
from facilitator.core.session.model import Session
from facilitator.desktop.desktop_app import ALREADY_RUNNING, DesktopApp
from facilitator.desktop.first_paint import stamp_first_paint, when_first_painted
from facilitator.desktop.front_door import FrontDoor, knock
from facilitator.desktop.polling import DesktopPolling
from facilitator.qt.dialogs.already_running import FRONT, NEW, ask_already_running
from facilitator.qt.dialogs.runs_dialog import ask_to_resume
from facilitator.qt.fonts import register_fonts
from facilitator.services import run_lock
from facilitator.services.run_journal import (
    RunUnavailable,
    discard_run,
    open_run,
    retire_run,
    runs_folder,
)
from facilitator.services.run_lock import RunLock, front_door_name
from facilitator.services.settings import Settings


def run(session: Session, settings: Settings, theme: str = "", file: Path | None = None,
        resume: bool = False, host: str | None = None, port: int | None = None,
        settings_path: Path | None = None, notices: Sequence[str] = (),
        cover: QWidget | None = None) -> int:
    """Open the presenter on `session` (read from `file`) and block until the facilitator
    ends it. The showing is journaled; `resume` continues the file's interrupted run, and
    without it the facilitator is asked when there is one. `host` and `port` override the
    phone server's address (default: the detected LAN interface) and the settings' port.
    `settings_path` is the settings file in use (None: the default one); `notices` are
    problems found before the app started (a settings line ignored), for the console.
    `cover`: the title card shown while loading (`qt.presenter.cover`), closed once the
    presenter's windows are up."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("facilitator")
    register_fonts()  # before any window: console and projector use the bundled family
    asked_at = time.time()
    try:
        journal_run, problem = open_session_run(session, file, resume, ask_to_resume)
    except AlreadyRunning as live:
        return live.answer()
    if resume and journal_run is None:
        print(problem, file=sys.stderr)  # asked for on the command line: say so and stop
        return 1
    lock = RunLock(journal_run.journal.path) if journal_run else None
    if lock is not None and not lock.acquire():  # another start resumed it a moment ago
        print(f"{ALREADY_RUNNING}; close it there first", file=sys.stderr)
        return 1
    if port is not None:  # a copy: this run's choice, never written back to the settings
        settings = dataclasses.replace(settings, port=port)
    # A new run (not a resumed one): if the start fails, nothing happened in it, so it must
    # not be offered for resume on every later start.
    fresh = journal_run is not None and journal_run.journal.info().started >= asked_at
    try:
        problems = [*notices, *([problem] if problem else [])]
        desktop = _start(session, settings, theme, journal_run, host, settings_path, problems,
                         cover)
    except BaseException:
        if fresh and journal_run is not None:
            discard_run(journal_run)
        if lock is not None:
            lock.release()
        raise
    desktop.presenter.ended.connect(app.quit)
    end_on_signals(desktop.presenter.end, app)
    if lock is not None:  # a second start on this run can ask for these windows
        FrontDoor(front_door_name(lock.journal), desktop.bring_to_front, app)
    app.exec()
    if lock is not None:
        lock.release()
    if desktop.start_error is not None:  # the rest of the start failed after the first paint
        if fresh and journal_run is not None:
            discard_run(journal_run)
        raise desktop.start_error
    if desktop.timing_report is not None:
        print(f"Timing report saved to {desktop.timing_report}")
    elif desktop.state.rehearsing:  # ended before "Start session": say so, not silence
        print("Rehearsal ended: nothing was timed and the test answers were cleared")
    return 0


def _start(session: Session, settings: Settings, theme: str, journal_run: Run | None,
           host: str | None, settings_path: Path | None, problems: list[str],
           cover: QWidget | None = None) -> DesktopApp:
    """The windows up to the first slide on screen; the phone server once it has painted.
    The `cover` goes once the window taking its place has painted, so the screen never
    shows the desktop in between."""
    polling = DesktopPolling(session, settings, run=journal_run, settings_path=settings_path,
                             interfaces=given_interface(host),
                             remember_network=False) if host else None
    desktop = DesktopApp(session, settings, theme, run=journal_run, polling=polling,
                         settings_path=settings_path)
    desktop.problems[:0] = problems

    def first_painted(painted: bool) -> None:
        ending = stamp_first_paint(painted)  # benchmarks/startup.py only: stamp, then end
        try:
            desktop.finish_start()
        except Exception as error:
            # A broken install (an import) or a bug: raised in Qt's loop it would only be
            # printed, leaving a console with no phone server. End the session instead;
            # `run` then fails as a start that failed before the first paint does.
            desktop.start_error = error
            desktop.presenter.end()
            return
        # Like `facilitator serve`: a facilitator at a terminal (and a test) sees the address.
        if desktop.polling.join_url:
            print(f"Join: {desktop.polling.join_url}", flush=True)
        elif desktop.polling.message:
            print(desktop.polling.message, file=sys.stderr, flush=True)
        if ending:
            QTimer.singleShot(0, desktop.presenter.end)

    desktop.show_windows()  # if this raises, nothing is left waiting to start a server
    desktop.first_paint = when_first_painted(desktop.presenter.slide_views(), first_painted)
    if cover is not None:
        # The cover goes once what replaces it has painted: with two screens the projector
        # (full screen where the cover is), else the console.
        presenter, card = desktop.presenter, cover
        replacing = ([presenter.projector.view] if presenter.screens.two_screens
                     else presenter.slide_views())
        desktop.cover_watch = when_first_painted(replacing, lambda _painted: card.hide())
    return desktop


class AlreadyRunning(Exception):
    """The session's run is live in another process of the app, and the facilitator did
    not ask for a separate run here."""

    def __init__(self, journal: Path, choice: str) -> None:
        super().__init__(ALREADY_RUNNING)
        self.journal = journal
        self.choice = choice

    def answer(self) -> int:
        """Bring the other window forward if asked; this start then ends (exit 0)."""
        if self.choice != FRONT:
            print(f"{ALREADY_RUNNING}; nothing started here", file=sys.stderr)
            return 0
        reached = knock(front_door_name(self.journal))
        print(f"{ALREADY_RUNNING}: " + ("brought it to the front" if reached
                                       else "it did not answer; look for its window"),
              file=sys.stderr)
        return 0


def end_on_signals(end: Callable[[], None], parent: QObject) -> None:
    """Ctrl+C in the terminal or a SIGTERM (logout, shutdown) ends the session properly:
    timing report saved, run journal finished, port released. Python handles signals only
    between bytecodes, so a light timer gives it the chance while Qt's loop runs."""
    def handler(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, end)

    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, handler)
    wake = QTimer(parent)
    wake.timeout.connect(lambda: None)
    wake.start(250)


def given_interface(host: str) -> Callable[[], list[Interface]]:
    """The network list when the facilitator named the address (`run --host`): just that
    one, loopback included, since they chose it knowingly (auto-detection may pick wrong)."""
    chosen = Interface("--host", "Given with --host", (host,))
    return lambda: [chosen]


def open_session_run(session: Session, file: Path | None, resume: bool,
                     ask: Callable[[RunInfo], bool],
                     running: Callable[[RunInfo], str] | None = None,
                     ) -> tuple[Run | None, str]:
    """The run journal for this showing, and a problem for the console ("" when fine).

    When the file's newest unfinished run is live in another process (its lock is held),
    `running` decides: FRONT or CANCEL raise AlreadyRunning, NEW starts a separate run.
    Otherwise, without `resume`, an interrupted run of the same file is offered through
    `ask` (the "resume after crash" question); declining retires it, so it is not offered
    again. Without a journal the session still runs: answers then live in memory only, and
    the console says so.
    """
    if file is None:
        return None, ""
    requested = resume  # `run --resume`: a failure stops the command, nothing runs unsaved
    try:
        digest = file_hash(file.read_bytes())
    except OSError:
        digest = ""
    live = run_lock.live_run(runs_folder(), digest) if digest else None
    found = latest_interrupted(runs_folder(), digest) if digest and not live else None
    if live is not None:
        choice = (running or ask_already_running)(live)
        if choice != NEW:
            raise AlreadyRunning(live.path, choice)
        resume = False  # a separate run: never the live one
    elif not resume and found is not None:
        resume = ask(found)
        if not resume:
            retire_run(found.path)
    try:
        return open_run(session, file, resume=resume), ""
    except RunUnavailable as error:
        if requested:
            return None, f"{error}. Nothing was started: run it without --resume for a new run."
        return None, f"{error}. Answers are not being saved."
