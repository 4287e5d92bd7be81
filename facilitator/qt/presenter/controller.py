"""The presenter: two windows over one `PresenterState`, and what every action does.

`perform(action)` is the single place an action (from a key, a clicker, or a console
button) changes anything, so keys and buttons cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from facilitator.qt.dialogs.shortcut_sheet import ShortcutSheet
from facilitator.qt.presenter.console import ConsoleWindow
from facilitator.qt.presenter.keys import Action, KeyRouter
from facilitator.qt.presenter.projector import ProjectorWindow
from facilitator.qt.presenter.screens import ScreenInfo, ScreenManager, qt_screens
from facilitator.qt.presenter.state import PresenterState
from facilitator.qt.slides.view import SlideView


class Presenter(QObject):
    ended = Signal()  # the facilitator ended the session (Ctrl+Q or closing the console)
    join_qr_toggled = Signal()  # Q: the phone-poll feature shows or hides its QR overlay
    poll_key = Signal(str)  # O, H, L, Ctrl+R: an Action value for the poll controls
    print_requested = Signal()  # Ctrl+P: the app opens the print dialog (qt/ cannot print)
    import_requested = Signal()  # Ctrl+N: the app opens the article importer

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
        self._ended = False

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
        state = self.state
        match action:
            case Action.NEXT:
                state.next()
            case Action.PREVIOUS:
                state.previous()
            case Action.FIRST:
                state.first()
            case Action.LAST:
                state.last()
            case Action.BLACK:
                state.toggle_black()
            case Action.WHITE:
                state.toggle_white()
            case Action.RESOURCES:
                state.toggle_resources()
            case Action.TIMER:
                state.toggle_timer()
            case Action.TIMER_PLUS:
                state.adjust_timer(+1)
            case Action.TIMER_MINUS:
                state.adjust_timer(-1)
            case Action.TIMER_RESET:
                state.reset_timer()
            case Action.FULL_SCREEN:
                self.screens.toggle_full_screen()
            case Action.SHOW_FULL_SCREEN:
                self.screens.show_full_screen()
            case Action.LEAVE_FULL_SCREEN:
                self.screens.leave_full_screen()
            case Action.SWAP_SCREENS:
                if not self.screens.two_screens:
                    state.message.emit("Only one screen: nothing to swap.")
                self.screens.swap()
            case Action.SHORTCUTS:
                self.show_shortcuts()
            case Action.JOIN_QR:
                self.join_qr_toggled.emit()
            case Action.POLL_OPEN | Action.POLL_HIDE | Action.POLL_LOCK | Action.POLL_RESET:
                self.poll_key.emit(action.value)
            case Action.PRINT:
                self.print_requested.emit()
            case Action.IMPORT:
                self.import_requested.emit()
            case Action.END:
                self.end()

    def show_shortcuts(self) -> None:
        if self.sheet is None:
            self.sheet = ShortcutSheet(self.console)
        self.sheet.show()
        self.sheet.raise_()

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
