"""The presenter: two windows over one `PresenterState`, and what every action does.

`perform(action)` is the single place an action (from a key, a clicker, or a console
button) changes anything, so keys and buttons cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from facilitator.qt.presenter.confirm import EndChoice, StartChoice, ask_end, ask_start
from facilitator.qt.presenter.console import ConsoleWindow
from facilitator.qt.presenter.keys import Action, KeyRouter
from facilitator.qt.presenter.overview import SlideOverview
from facilitator.qt.presenter.projector import ProjectorWindow
from facilitator.qt.presenter.screens import ScreenInfo, ScreenManager, qt_screens
from facilitator.qt.presenter.shortcut_sheet import ShortcutSheet
from facilitator.qt.presenter.slide_view import SlideView
from facilitator.qt.presenter.state import PresenterState


class Presenter(QObject):
    ended = Signal()  # the facilitator ended the session (Ctrl+Q or closing the console)
    join_qr_toggled = Signal()  # Q: the phone-poll feature shows or hides its QR overlay
    poll_key = Signal(str)  # O, H, L, Ctrl+R: an Action value for the poll controls
    print_requested = Signal()  # Ctrl+P: the app opens the print dialog (qt/ cannot print)
    import_requested = Signal()  # Ctrl+N: the app opens the article importer
    open_requested = Signal()  # Ctrl+O: the app asks for another session file
    session_started = Signal()  # the rehearsal is over: the app clears its test answers

    def __init__(self, state: PresenterState,
                 screens: Callable[[], list[ScreenInfo]] = qt_screens) -> None:
        super().__init__()
        self.state = state
        self.projector = ProjectorWindow(state)
        self.console = ConsoleWindow(state, self.perform)
        self.screens = ScreenManager(self.console, self.projector, screens, parent=self)
        self.screens.layout_changed.connect(self.console.set_preview_caption)
        self.keys = KeyRouter(self.perform, state.go_to_number, parent=self)
        self.keys.watch(self.console)
        self.keys.watch(self.projector)
        self.keys.typed_changed.connect(self._on_typed_changed)
        self.sheet: ShortcutSheet | None = None
        self.console.closing.connect(self._on_console_closing)
        self.console.confirm_close = self._confirm_close
        # The questions before starting and ending; tests answer them in their place.
        self.ask_start: Callable[[QWidget, bool], StartChoice] = ask_start
        self.ask_end: Callable[[QWidget, bool], EndChoice] = ask_end
        self.keep_run_open = False  # ended with "Close, resume later"
        self._ended = False
        self._handlers = self._action_table()

    def slide_views(self) -> tuple[SlideView, ...]:
        """Views that show the live projector image: where poll widgets get plugged in."""
        return (self.projector.view, self.console.preview)

    def show(self) -> None:
        """Show the console, place the projector, install the keys and start the clocks."""
        self.console.show()
        self.screens.place()
        self.keys.install()
        self.state.start()

    def perform(self, action: Action) -> None:
        """Do what `action` means; main thread (keys, clicker and buttons all come here)."""
        handler = self._handlers.get(action)
        if handler is not None:
            handler()

    def _action_table(self) -> dict[Action, Callable[[], None]]:
        """One line per action: what each key and button does, in one place to read."""
        state, screens = self.state, self.screens
        table: dict[Action, Callable[[], None]] = {
            Action.NEXT: state.next,
            Action.PREVIOUS: state.previous,
            Action.FIRST: state.first,
            Action.LAST: state.last,
            Action.BLACK: state.toggle_black,
            Action.WHITE: state.toggle_white,
            Action.RESOURCES: state.toggle_resources,
            Action.TIMER: state.toggle_timer,
            Action.TIMER_PLUS: lambda: state.adjust_timer(+1),
            Action.TIMER_MINUS: lambda: state.adjust_timer(-1),
            Action.TIMER_RESET: state.reset_timer,
            Action.FULL_SCREEN: screens.toggle_full_screen,
            Action.SHOW_FULL_SCREEN: screens.show_full_screen,
            Action.LEAVE_FULL_SCREEN: screens.leave_full_screen,
            Action.SWAP_SCREENS: self._swap_screens,
            Action.SHORTCUTS: self.show_shortcuts,
            Action.JOIN_QR: self.join_qr_toggled.emit,
            Action.PRINT: self.print_requested.emit,
            Action.IMPORT: self.import_requested.emit,
            Action.OPEN: self.open_requested.emit,
            Action.END: self.request_end,
            Action.START_SESSION: self.start_session,
            Action.OVERVIEW: self.show_overview,
            Action.NOTES_BIGGER: lambda: self.console.zoom_notes(+1),
            Action.NOTES_SMALLER: lambda: self.console.zoom_notes(-1),
        }
        for poll_action in (Action.POLL_OPEN, Action.POLL_HIDE, Action.POLL_LOCK,
                            Action.POLL_RESET):
            table[poll_action] = partial(self.poll_key.emit, poll_action.value)
        assert set(table) == set(Action), "every action needs a line here"
        return table

    def _swap_screens(self) -> None:
        if not self.screens.two_screens:
            self.state.message.emit("Only one screen: nothing to swap.")
        self.screens.swap()

    def show_shortcuts(self) -> None:
        if self.sheet is None:
            self.sheet = ShortcutSheet(self.console)
        self.sheet.show()
        self.sheet.raise_()

    def show_overview(self) -> None:
        """G: the grid of all slides (closing it deletes it: rendered again each time, so
        it always shows the file as loaded and the slide on screen now)."""
        state = self.state
        overview = SlideOverview(state.session, state.theme, state.index, state.go_to_number,
                                 self.console)
        overview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        overview.open()

    def start_session(self) -> None:
        """Ctrl+Enter or the console's button: asks, then the clock and the run begin."""
        state = self.state
        if not state.rehearsing:
            state.message.emit("The session is already running.")
            return
        choice = self.ask_start(self.console, state.index > 0)
        if choice is StartChoice.CANCEL:
            return
        state.begin_session(from_first_slide=choice is StartChoice.FROM_FIRST)
        self.session_started.emit()
        state.message.emit("Session started: the agenda clock is running.")

    def request_end(self) -> None:
        """Ctrl+Q: asks first (Q, the join code, is one key away), then ends."""
        if self._confirm_close():
            self.end()

    def _confirm_close(self) -> bool:
        if self._ended:
            return True
        choice = self.ask_end(self.console, self.state.rehearsing)
        if choice is EndChoice.CANCEL:
            return False
        self.keep_run_open = choice is EndChoice.KEEP_OPEN
        return True

    def end(self) -> None:
        """Stop the clocks, close both windows and tell the app (once)."""
        if self._ended:
            return
        self._ended = True
        self.keys.uninstall()
        self.state.stop()
        self.projector.hide()
        if self.sheet is not None:
            self.sheet.close()
        self.console.close()
        self.ended.emit()

    def _on_typed_changed(self, typed: str) -> None:
        self.console.show_message(f"Go to slide {typed}… (Enter to jump, Esc to cancel)"
                                  if typed else "")

    def _on_console_closing(self) -> None:
        self.end()
