"""Phone polls inside the desktop app: the service, the Qt bridge, and the widgets.

A composition helper beside `desktop_app`: it starts the server with the session, hands
the one `PollBridge` to the projector's charts and the console's controls (each follows
it on its own), tells the bridge which poll's slide is up (a poll slide opens its poll on
the phones), and stops the server at quit. When no network is usable the server runs its
loop without a socket and the console says so: the ballot box still lives on that loop,
so every command takes the same path with or without phones.

Threads: everything here runs on the Qt main thread.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from concurrent.futures import Future
from functools import partial
from pathlib import Path

from PySide6.QtWidgets import QSizePolicy, QWidget

from facilitator.core.network import NO_NETWORK_MESSAGE, Interface
from facilitator.core.polls.ballot import Journal
from facilitator.core.questions.box import QuestionState
from facilitator.core.runs.from_journal import TIMING_EVENT
from facilitator.core.runs.resume import Run
from facilitator.core.session.model import Session, Slide
from facilitator.core.takehome.content import shows_takehome
from facilitator.qt.polls.bridge import PollBridge
from facilitator.qt.polls.chart import PollChart
from facilitator.qt.polls.controls import PollConsole
from facilitator.qt.polls.groups_panel import GroupsBanner
from facilitator.qt.polls.network_picker import LanPicker
from facilitator.qt.polls.qr_overlay import QrOverlay
from facilitator.qt.polls.qr_widget import QrWidget
from facilitator.qt.presenter.slide_view import SlideView
from facilitator.qt.questions.answering_banner import AnsweringBanner
from facilitator.qt.questions.queue_panel import QuestionQueue
from facilitator.services import settings as settings_file
from facilitator.services.interfaces import usable_interfaces
from facilitator.services.poll_service import PollService
from facilitator.services.settings import Settings


class DesktopPolling:
    def __init__(self, session: Session, settings: Settings, journal: Journal | None = None,
                 interfaces: Callable[[], list[Interface]] = usable_interfaces,
                 run: Run | None = None, settings_path: Path | None = None,
                 remember_network: bool = True) -> None:
        # `run`: this showing's journal with its (possibly resumed) ballot box and room.
        # `settings_path`: where a network the facilitator picks is remembered (default:
        # the user's settings file); not when the address was given for this run only.
        self.run = run
        self.session = session
        self._settings_path = settings_path
        self._remember_network = remember_network
        self.service = PollService(session, settings, journal=journal,
                                   box=run.box if run else None, room=run.room if run else None,
                                   questions=run.questions if run else None)
        self._interfaces = interfaces
        self.bridge = PollBridge(self._post, self._poke, self.service.box, self.service.room)
        # Subscribed to every server the service starts, before it starts: the first publish
        # (the box as resumed) must not be missed.
        self.service.subscribe(self.bridge.publish)
        self.service_problems = list(self.service.problems)
        # Projector: the chart over a poll slide's results region, the QR over its join region;
        # `plug_into` adds more pairs (the console's live preview shows what the room sees).
        self.chart = PollChart(overlay=True, bridge=self.bridge)
        self.qr = QrWidget(bridge=self.bridge)  # "Poll closed" instead of the code, once closed
        self._pairs: list[tuple[PollChart, QrWidget]] = [(self.chart, self.qr)]
        # Console: the poll controls (they follow the bridge's current poll) and the network.
        self.console = PollConsole(self.bridge)
        self.picker = LanPicker([], settings.interface)
        self.picker.chosen.connect(self._on_interface_chosen)
        self.console.add_network_widget(self.picker)
        # The join code in the console too, on any slide: to test with one's own phone.
        self.console_qr = QrWidget()
        # It takes whatever height the tab has; it must not make the console taller.
        self.console_qr.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.console.add_network_widget(self.console_qr)
        # Anonymous questions: the queue is a console tab; decisions run on the server's
        # loop (the box's owner), and every change there sends the tab a fresh copy.
        self.questions = QuestionQueue()
        if session.questions:
            self.console.tabs.addTab(self.questions, "Q&&A")  # "&&": a literal &, not a mnemonic
        box = self.service.questions
        box.add_listener(lambda: self.questions.updated.emit(box.snapshot()))
        self.questions.decided.connect(
            lambda qid, state: self._post(lambda: box.decide(qid, QuestionState(state))))
        self.questions.toggle_requested.connect(self.toggle_answering)
        self.overlays: list[QrOverlay] = []
        self._plugged = 0
        self.message = ""
        # Commands sent before the server's first start (the app starts it after its first
        # paint, and a key can come first): kept in order, run on its loop once it starts,
        # or here by `stop` if the session ends before (the main thread owns the box then).
        self._before_start: list[tuple[Callable[[], object], Future[object]]] = []
        self._started = False

    # -- lifecycle -----------------------------------------------------------------------

    def start(self, host: str | None = None) -> str:
        """Start serving; returns "" or a message for the console (no network, port...).
        Whatever happens, the server's loop runs afterwards and owns the ballot box."""
        try:
            return self._start(host)
        finally:  # a loop owns the box now (or none could start): send what waited
            self._release_waiting(
                lambda fn, pending: self._post(fn).add_done_callback(partial(_pass_on, pending)))

    def _release_waiting(self, run_one: Callable[[Callable[[], object], Future[object]], object]
                         ) -> None:
        """From now on commands go straight to the server; each that waited, in order, goes
        to `run_one(command, its future)`."""
        self._started = True
        waiting, self._before_start = self._before_start, []
        for fn, pending in waiting:
            run_one(fn, pending)

    def _start(self, host: str | None) -> str:
        interfaces = self._interfaces()
        self.picker.set_interfaces(interfaces, self.service.settings.interface)
        picked = self.picker.current()
        chosen = host or (picked.address if picked else None)
        if chosen is None:
            return self._offline(NO_NETWORK_MESSAGE)
        try:
            self.service.start(chosen)
        except OSError as error:
            return self._offline(f"Phones cannot join: {error.strerror or error}")
        self._show_url(self.service.join_url, self.service.caption)
        self.message = ""
        return ""

    def plug_into(self, view: SlideView) -> None:
        """Put a chart and a QR code on `view`'s poll slides (the first view, the
        projector's, gets `chart` and `qr`; later ones, the console's, get their own
        copies, whose chart shows the figures to the facilitator even while hidden)."""
        chart, qr = self._pairs[0] if not self._plugged else (
            PollChart(overlay=True, bridge=self.bridge, presenter=True),
            QrWidget(bridge=self.bridge))
        if self._plugged:
            qr.set_url(self.service.join_url, self.service.caption or self.message)
            self._pairs.append((chart, qr))
        self._plugged += 1
        view.set_results_widget(chart)
        view.set_join_widget(qr)

    def add_overlay(self, window: QWidget) -> QrOverlay:
        """A Q-key QR overlay over `window`, kept up to date when the network changes."""
        overlay = QrOverlay(window, self.service.join_url,
                            self.service.caption or self.message)
        self.overlays.append(overlay)
        return overlay

    def add_groups_banner(self, window: QWidget) -> GroupsBanner:
        """A strip on `window` saying how many breakout groups there are, while there are."""
        banner = GroupsBanner(window, self.bridge.status)
        self.bridge.changed.connect(lambda _snapshot, status: banner.set_status(status))
        return banner

    def add_question_banner(self, window: QWidget) -> AnsweringBanner:
        """The question being answered, large on `window` (the projector), while it is."""
        banner = AnsweringBanner(window)
        self.questions.updated.connect(banner.set_questions)
        return banner

    def toggle_answering(self) -> None:
        """Answer the top-voted approved question, or stop answering the current one."""
        box = self.service.questions
        self._post(box.toggle_answering)

    def toggle_overlays(self) -> None:
        """Q: the join QR over anything, on every view that has an overlay."""
        showing = not (self.overlays and self.overlays[0].showing)
        for overlay in self.overlays:
            overlay.set_showing(showing)

    def stop(self, timing_report: str = "", finish: bool = True) -> None:
        """At quit: close phone connections and release the port; the run has finished
        (`finish=False`: the facilitator closed to resume later, it stays interrupted).

        `timing_report` (the presenter's JSON) goes into the journal, so the run's results
        report can show planned against actual time. A server that does not stop in time
        still owns the journal: the run is left as it is, interrupted and resumable."""
        if not self._started:  # ended before the server's first start: no loop ever owned
            self._release_waiting(_run_here)  # the box, so what waited runs here, in order
        if not self.service.stop():
            print("The phone server did not stop in time; the run can be resumed.",
                  file=sys.stderr)
            self.run = None
            return
        if self.run is not None:  # the server thread is gone: the main thread owns it now
            journal = self.run.journal
            try:
                if timing_report:
                    journal.record_timing(TIMING_EVENT, timing_report)
                if finish:
                    journal.finish()
            except OSError as error:  # a full disk at quit: the run stays resumable
                print(f"The run could not be marked finished: {error}", file=sys.stderr)
            finally:
                journal.close()
                self.run = None

    def record_slide(self, index: int) -> None:
        """Main thread: note the slide in the run journal, on the thread that owns it."""
        if self.run is not None:
            journal = self.run.journal
            self.bridge.run(lambda: journal.record_slide(index),
                            "the slide position was not saved")

    @property
    def join_url(self) -> str:
        return self.service.join_url

    # -- following the presenter ---------------------------------------------------------

    def on_slide(self, slide: Slide | None, index: int = -1) -> None:
        """A poll slide makes its poll the current one, on the console and the phones
        (opening it the first time: see `PollBridge.show_poll`); any other slide tells
        phones to wait for the next question. The charts follow their own views. Slide
        `index` of the session decides whether phones show the take-home page."""
        poll = slide.poll if slide else None
        self.bridge.show_poll(poll.id if poll else None)
        self.bridge.show_takehome(shows_takehome(self.session, index))

    # -- internals -----------------------------------------------------------------------

    def _post(self, fn: Callable[[], object]) -> Future[object]:
        """Run `fn` on the server's loop, the box's owner (with or without a socket);
        before its first start, once it has started."""
        if not self._started:
            pending: Future[object] = Future()
            self._before_start.append((fn, pending))
            return pending
        server = self.service.server
        if server is None or not server.running:
            failed: Future[object] = Future()
            failed.set_exception(RuntimeError(
                "the phone server has stopped or is stuck (restart the app)"))
            return failed
        return server.call(fn)

    def _poke(self) -> None:
        server = self.service.server
        if server is not None:
            server.poke()

    def _offline(self, message: str) -> str:
        """No phones can join: the box still gets its loop, and the console says why."""
        self.message = message
        try:
            self.service.start(None)
        except OSError as error:  # the old server is stuck: commands say so when tried
            print(f"Poll service not restarted: {error}", file=sys.stderr)
        self._show_url("", message)
        return message

    def _show_url(self, url: str, caption: str) -> None:
        self.console_qr.set_url(url, caption)
        for _chart, qr in self._pairs:
            qr.set_url(url, caption)
        for overlay in self.overlays:
            overlay.set_url(url, caption)

    def _on_interface_chosen(self, interface: Interface) -> None:
        self.service.settings.interface = interface.name
        # Remembered once phones can join on it: a network that fails is not the default.
        if not self.start(interface.address) and self._remember_network:
            self._remember_interface(interface.name)

    def _remember_interface(self, name: str) -> None:
        """Save the facilitator's choice of network for the next session. The file is read
        again first, so nothing else in it changes (and this run's one-off `--port` is not
        written); a file that does not read cleanly is left untouched."""
        saved, problem = settings_file.load(self._settings_path)
        if problem:
            self.bridge.failed.emit(f"The network choice was not saved: {problem}")
            return
        saved.interface = name
        try:
            settings_file.save(saved, self._settings_path)
        except (OSError, ValueError) as error:
            self.bridge.failed.emit(f"The network choice was not saved: {error}")


def _pass_on(pending: Future[object], done: Future[object]) -> None:
    """Give a command's outcome on the server's loop to the future handed out before it
    started (any thread: concurrent futures are thread-safe)."""
    if done.cancelled():
        pending.cancel()
    elif (error := done.exception()) is not None:
        pending.set_exception(error)
    else:
        pending.set_result(done.result())


def _run_here(fn: Callable[[], object], pending: Future[object]) -> None:
    """Run a waiting command on this thread; one that fails says so, as on the loop."""
    try:
        pending.set_result(fn())
    except Exception as error:
        pending.set_exception(error)
