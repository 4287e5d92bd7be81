"""Composition root of the desktop app: settings, session state, windows, and the phone
server. Only desktop/ and cli/ see every layer.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QProcess, Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from facilitator.core.runs.journal import Journal, JournalError
from facilitator.core.runs.resume import Run
from facilitator.core.session.model import Session
from facilitator.core.timing.presentation import Screen
from facilitator.core.timing.saved import SavedTiming
from facilitator.core.timing.timer import Clock
from facilitator.desktop.polling import DesktopPolling
from facilitator.qt.dialogs.room_check import room_panel
from facilitator.qt.dialogs.runs_dialog import RunsDialog, runs_panel
from facilitator.qt.dialogs.session_errors import SESSION_FILTER
from facilitator.qt.polls.controls import press
from facilitator.qt.presenter.chime import Chime
from facilitator.qt.presenter.controller import Presenter
from facilitator.qt.presenter.screens import ScreenInfo, qt_screens
from facilitator.qt.presenter.state import PresenterState
from facilitator.qt.slides.export import fit_problems
from facilitator.qt.style import theme_named
from facilitator.services import settings as settings_module
from facilitator.services.run_journal import (
    runs_folder,
)
from facilitator.services.settings import Settings
from facilitator.services.support_source import support_from_settings

if TYPE_CHECKING:
    # Imported where they open (Ctrl+P, Ctrl+N, a report): the print dialog brings
    # reportlab, QtPdf and QtPrintSupport, the import dialog the article importer, about
    # 0.2 s that the first projector paint need not wait for (benchmarks/startup.py).
    from facilitator.qt.dialogs.about_dialog import AboutDialog
    from facilitator.qt.dialogs.import_dialog import ImportDialog
    from facilitator.qt.dialogs.print_dialog import PrintMaterialsDialog
    from facilitator.qt.dialogs.room_check import RoomCheckDialog

TIMING_FOLDER = "timing"
ALREADY_RUNNING = "This session is already running in another window"


class DesktopApp:
    """One session on screen: the state, the two windows, the chime, the timing report."""

    def __init__(self, session: Session, settings: Settings, theme: str = "",
                 clock: Clock = time.monotonic,
                 screens: Callable[[], list[ScreenInfo]] = qt_screens,
                 polling: DesktopPolling | None = None, run: Run | None = None,
                 settings_path: Path | None = None) -> None:
        """`settings_path`: the settings file in use (`--config`; None: the default)."""
        self.settings = settings
        self.settings_path = settings_path
        # Audio is optional: without it the countdown flashes, and the console says so once.
        self.chime = Chime(enabled=settings.chime, on_unavailable=self._no_sound)
        support, self.problems = support_from_settings(session, settings)
        region = support.region(support.default_region)
        if not support.local and region is not None and region.add_local:
            self.problems.append(f"{region.add_local} (local_resources in "
                                 f"{settings_module.default_path()})")
        # A new showing opens in rehearsal (nothing timed, test answers cleared at Start
        # session); a resumed run is already live, unless it stopped before Start session
        # (a crash during the rehearsal: its test answers must still be cleared at Start).
        saved = SavedTiming.from_json(run.presenter) if run is not None else None
        live = run is not None and run.resumed and (saved is None or saved.started)
        self.state = PresenterState(session, theme_named(theme or settings.theme), support,
                                    clock=clock, play_chime=self.chime.play,
                                    rehearsal=not live)
        self.presenter = Presenter(self.state, screens)
        self.presenter.ended.connect(self._on_ended)
        self.presenter.session_started.connect(self._on_session_started)
        self.state.timing_changed.connect(self._journal_timing)
        self.timing_report: Path | None = None
        self.first_paint: QObject | None = None  # runs `finish_start` after the first paint
        self.cover_watch: QObject | None = None  # closes the start-up cover (`_start`)
        self.ended = False  # the session has ended (`finish_start` then does nothing)
        self.start_error: Exception | None = None  # `finish_start` failed (see `_start`)
        # Phone polls: chart and QR on the projector's poll slides, controls in the console,
        # a Q-key QR overlay; the server starts in finish_start() and stops when the session ends.
        self.polling = polling or DesktopPolling(session, settings, run=run,
                                                 settings_path=settings_path)
        if saved is not None:  # after a crash: the same agenda clock and countdown
            self.state.restore_timing(saved, time.time())
        if run is not None and run.slide:  # a resumed run opens where it stopped
            self.state.go_to_number(run.slide + 1)
        self.problems += self.polling.service_problems
        for view in self.presenter.slide_views():
            self.polling.plug_into(view)
        # Over the projector window, so it also covers the widgets plugged into its view.
        # The console's preview gets the same QR overlay and groups banner: it shows
        # exactly what the projector shows.
        self.banners = []
        for window in (self.presenter.projector, self.presenter.console.preview):
            self.polling.add_overlay(window)
            self.banners.append(self.polling.add_groups_banner(window))
            self.polling.add_question_banner(window)
        # Groups assigned: prompt slides stop their text above the banner.
        self.polling.bridge.changed.connect(
            lambda _snapshot, status: self.state.set_groups_banner(bool(status.group_count)))
        self.state.slide_changed.connect(self._place_banners)
        self.state.screen_changed.connect(self._place_banners)
        self.presenter.console.add_side_panel("Poll", self.polling.console)
        # "Show support" on the risk notice: the resources over the projector, as R does.
        self.polling.console.risk_notice.support_requested.connect(self._show_support)
        self.presenter.join_qr_toggled.connect(self._on_join_qr_toggled)
        self.state.slide_changed.connect(
            lambda index: self.polling.on_slide(self.state.slide, index))
        self.state.slide_changed.connect(self._show_poll_panel)
        self.state.slide_changed.connect(self.polling.record_slide)
        # A poll command the run journal could not save changed nothing: the console says so.
        self.polling.bridge.failed.connect(self.state.message.emit)
        # Past runs, a tab beside the poll controls: export, archive or delete (resuming is
        # offered at start, after a crash).
        self.runs_button = QPushButton("Past runs…")
        self.runs_button.clicked.connect(self.open_runs_dialog)
        self.polling.console.tabs.addTab(runs_panel(self.runs_button), "Runs")
        # Pre-flight, the same checks as `facilitator doctor`, against the running server.
        self.room_button = QPushButton("Check the room…")
        self.room_button.clicked.connect(self.open_room_check)
        self.about_button = QPushButton("About…")
        self.about_button.clicked.connect(self.open_about)
        self.polling.console.tabs.addTab(room_panel(self.room_button, self.about_button),
                                         "Room")
        self.session = session
        self.presenter.poll_key.connect(self._on_poll_key)
        self.presenter.print_requested.connect(self.open_print_dialog)
        self.presenter.import_requested.connect(self.open_import_dialog)
        self.presenter.open_requested.connect(self.open_session_dialog)
        self.dialogs: list[PrintMaterialsDialog | ImportDialog] = []

    def _show_support(self) -> None:
        if not self.state.resources_overlay:
            self.state.toggle_resources()

    def show(self) -> None:
        """The windows, then everything else (`finish_start`) at once."""
        self.show_windows()
        self.finish_start()

    def show_windows(self) -> None:
        """The console and the projector, showing the current slide. `finish_start` must
        follow: the app's start calls it once the first slide has painted (`_start`)."""
        self.presenter.show()
        self._place_banners()

    def finish_start(self) -> None:
        """What the first paint need not wait for: the phone server (importing the web
        stack and binding a port take longer than the windows do), then the fit test of
        every slide, and one message with whatever the facilitator must know. Nothing
        once the session has ended (ended before its first paint: no server to leave)."""
        if self.ended:
            return
        network = self.polling.start()  # "" or why phones cannot join
        self.polling.on_slide(self.state.slide, self.state.index)
        # The same fit test as `check`: a clipped emergency line must be said before the
        # session starts, not discovered on the wall.
        state = self.state
        self.problems += [f"{problem} on a 1280x720 projector with your region and local "
                          "services; run `facilitator check` for details"
                          for problem in fit_problems(self.session, 1280, 720, state.theme,
                                                      state.support)]
        # One message, so none hides another (the console shows the latest message).
        problems = [*self.problems, *([network] if network else [])]
        if problems:
            state.message.emit("\n".join(problems))

    def open_room_check(self) -> RoomCheckDialog:
        """Network (the running server on its LAN address), screens, chime, printer, session."""
        from facilitator.qt.dialogs import room_probes  # the renderer's fit test, the chime
        from facilitator.qt.dialogs.room_check import RoomCheckDialog
        from facilitator.services.preflight.checks import Probes, Request, run_all

        server = self.polling.service.server
        serving = (server.host, server.port) if server and server.host else None
        request = Request(session=self.session, screen=None, serving=serving,
                          settings_file=str(self.settings_path or settings_module.default_path()))
        probes = Probes(screens=room_probes.screen_probe(self.settings),
                        sound=lambda: room_probes.play_chime(self.chime, wait_ms=0),
                        printers=room_probes.printers)
        dialog = RoomCheckDialog(lambda: run_all(request, self.settings, probes),
                                 self.presenter.console)
        dialog.open()
        return dialog

    def open_about(self) -> AboutDialog:
        from facilitator.qt.dialogs.about_dialog import AboutDialog

        dialog = AboutDialog(self.settings_path or settings_module.default_path(),
                             settings_module.data_dir(), self.presenter.console)
        dialog.open()
        return dialog

    def open_runs_dialog(self) -> RunsDialog:
        run = self.polling.run
        dialog = RunsDialog(runs_folder(), self.presenter.console, allow_resume=False,
                            active=run.journal.path if run else None,
                            show_report=self.open_report_dialog)
        dialog.open()
        return dialog

    def open_report_dialog(self, journal_path: Path) -> PrintMaterialsDialog | None:
        """The results report of a recorded run, in the print dialog (preview, print, save)."""
        try:
            with Journal.open(journal_path) as journal:
                export = journal.export()
        except JournalError as error:
            self.state.message.emit(str(error))
            return None
        from facilitator.core.runs.from_journal import results_from_export
        from facilitator.qt.dialogs.print_dialog import PrintMaterialsDialog
        from facilitator.services import materials

        results = results_from_export(export, self.session)
        dialog = PrintMaterialsDialog(
            materials.report_producer(results, self.settings, self.session),
            paper=self.settings.paper,
            region=self.settings.region or self.session.region, offered=("report",),
            documents=("report",), parent=self.presenter.console,
        )
        self._keep(dialog)
        dialog.open()
        return dialog

    def open_print_dialog(self) -> PrintMaterialsDialog:
        """Ctrl+P: handout, cards, guide, and the join poster for the running server."""
        from facilitator.qt.dialogs.print_dialog import SESSION_DOCUMENTS, PrintMaterialsDialog
        from facilitator.services import materials

        produce = materials.producer(self.session, self.settings, self._join_details)
        # The paper evaluation form only for a session that has an evaluation to print.
        evaluation = ("evaluation",) if self.session.evaluation_polls else ()
        dialog = PrintMaterialsDialog(
            produce, paper=self.settings.paper,
            region=self.settings.region or self.session.region, parent=self.presenter.console,
            offered=(*SESSION_DOCUMENTS, *evaluation),
        )
        self._keep(dialog)
        dialog.open()
        return dialog

    def open_import_dialog(self) -> ImportDialog:
        """Ctrl+N: draft a session from an article; "Open session" starts it in a new window."""
        from facilitator.qt.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(parent=self.presenter.console,
                              region=self.settings.region or self.session.region)
        dialog.session_created.connect(self._open_in_new_process)
        self._keep(dialog)
        dialog.open()
        return dialog

    def open_session_dialog(self) -> QFileDialog:
        """Ctrl+O (File > Open session…): another session file, opened in a new window;
        this one keeps running (and its phones connected) until the facilitator ends it.
        A file with mistakes gets the window that lists them, from the new process."""
        folder = str(Path(self.state.session.source).parent) if self.state.session.source else ""
        dialog = QFileDialog(self.presenter.console, "Open a session file", folder,
                             SESSION_FILTER)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda name: self._open_in_new_process(Path(name)))
        dialog.open()
        return dialog

    def _join_details(self) -> tuple[str, str]:
        service = self.polling.service
        return (service.join_url, service.room.code) if service.listening else ("", "")

    def _open_in_new_process(self, path: Path) -> None:
        # A separate process keeps this session (and its phones) running untouched.
        started, _pid = QProcess.startDetached(
            sys.executable, ["-m", "facilitator", "run", str(path)]
        )
        self.state.message.emit(f"Opening {path.name} in a new window" if started
                                else f"Could not start a new window; run: facilitator run {path}")

    def _keep(self, dialog: PrintMaterialsDialog | ImportDialog) -> None:
        """Hold a reference while the dialog is open (Qt would otherwise lose it)."""
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _result: self.dialogs.remove(dialog))

    def bring_to_front(self) -> None:
        """Another start of this session asked for these windows (it started nothing)."""
        for window in (self.presenter.console, self.presenter.projector):
            if window.isVisible():
                window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
                window.raise_()
                window.activateWindow()
        self.state.message.emit("Brought to the front: this session was started again")

    def _no_sound(self, message: str) -> None:
        print(message, file=sys.stderr, flush=True)
        self.state.message.emit(message)

    def _on_poll_key(self, action: str) -> None:
        if not press(self.polling.console, action):
            self.state.message.emit("No poll control for that key on this slide.")

    def _on_join_qr_toggled(self) -> None:
        self.polling.toggle_overlays()
        self._place_banners()
        showing = any(overlay.showing for overlay in self.polling.overlays)
        self.state.message.emit("Join QR code on the projector (Q hides it)" if showing else "")

    def _show_poll_panel(self, *_: object) -> None:
        """On a poll slide the poll controls come into view: on a 1280x720 laptop they sit
        below the agenda, out of sight, in the column that scrolls."""
        if self.state.slide.poll is not None:
            self.presenter.console.tools_area.ensureWidgetVisible(self.polling.console, 0, 0)

    def _place_banners(self, *_: object) -> None:
        """The groups banner belongs to prompt slides, never over a chart, a black or
        white screen, the support overlay or the join QR."""
        state = self.state
        allowed = (state.slide.prompt is not None and state.screen is Screen.SLIDE
                   and not state.resources_overlay
                   and not any(overlay.showing for overlay in self.polling.overlays))
        for banner in self.banners:
            banner.set_allowed(allowed)
        self.polling.console.groups.follow_prompt(state.slide.prompt)

    def _journal_timing(self) -> None:
        """Clocks into the run journal on each discrete change, on the journal's thread."""
        run = self.polling.run
        if run is None:
            return
        journal, detail = run.journal, self.state.saved_timing(time.time()).to_json()
        self.polling.bridge.run(lambda: journal.record_presenter(detail),
                                "the timing was not saved")

    def _on_session_started(self) -> None:
        """The rehearsal's test answers never reach the run: every poll is reset (the
        journal records the resets, so a resumed or reported run has none of them)."""
        for slide in self.session.slides:
            if slide.poll is not None:
                self.polling.bridge.reset_poll(slide.poll.id)

    def _on_ended(self) -> None:
        self.ended = True
        if self.state.rehearsing:  # ended without starting: the run keeps no test answer
            self._on_session_started()
        try:
            folder = settings_module.data_dir() / TIMING_FOLDER
            self.timing_report = self.state.save_timing_report(folder)
        except OSError as error:  # the session is over either way; say why nothing was saved
            print(f"Timing report not saved: {error}", file=sys.stderr)
        report = self.timing_report.read_text(encoding="utf-8") if self.timing_report else ""
        self.polling.stop(timing_report=report, finish=not self.presenter.keep_run_open)
