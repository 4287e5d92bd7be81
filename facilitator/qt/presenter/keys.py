"""Every key the presenter understands, in one table: the router, the console's tooltips
and the shortcut sheet all read it, so they cannot disagree.

Keys are handled by one application-wide event filter (not QShortcut) so they work the same
in the projector and the console, whichever has focus, and so clicker keys (PageUp,
PageDown, B, F5, Esc, period) arrive no matter which window the clicker's receiver feeds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

K = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


class Action(StrEnum):
    NEXT = "next"
    PREVIOUS = "previous"
    FIRST = "first"
    LAST = "last"
    BLACK = "black"
    WHITE = "white"
    RESOURCES = "resources"
    TIMER = "timer"
    TIMER_PLUS = "timer-plus"
    TIMER_MINUS = "timer-minus"
    TIMER_RESET = "timer-reset"
    FULL_SCREEN = "full-screen"
    SHOW_FULL_SCREEN = "show-full-screen"
    LEAVE_FULL_SCREEN = "leave-full-screen"
    SWAP_SCREENS = "swap-screens"
    SHORTCUTS = "shortcuts"
    JOIN_QR = "join-qr"
    POLL_OPEN = "poll-open"
    POLL_HIDE = "poll-hide"
    POLL_LOCK = "poll-lock"
    POLL_RESET = "poll-reset"
    PRINT = "print"
    IMPORT = "import"
    OPEN = "open"
    END = "end"
    START_SESSION = "start-session"
    OVERVIEW = "overview"
    NOTES_BIGGER = "notes-bigger"
    NOTES_SMALLER = "notes-smaller"


@dataclass(frozen=True)
class Binding:
    action: Action
    label: str  # what the button or sheet calls it
    keys: tuple[tuple[int, Qt.KeyboardModifier], ...]
    names: str  # how people write those keys


NONE = Qt.KeyboardModifier.NoModifier

BINDINGS: tuple[Binding, ...] = (
    Binding(Action.NEXT, "Next slide",
            ((K.Key_Right, NONE), (K.Key_Down, NONE), (K.Key_Space, NONE), (K.Key_PageDown, NONE)),
            "Right, Down, Space, PageDown"),
    Binding(Action.PREVIOUS, "Previous slide",
            ((K.Key_Left, NONE), (K.Key_Up, NONE), (K.Key_PageUp, NONE), (K.Key_Backspace, NONE)),
            "Left, Up, PageUp, Backspace"),
    Binding(Action.FIRST, "First slide", ((K.Key_Home, NONE),), "Home"),
    Binding(Action.LAST, "Last slide", ((K.Key_End, NONE),), "End"),
    Binding(Action.BLACK, "Black screen (toggle)", ((K.Key_B, NONE), (K.Key_Period, NONE)),
            "B or ."),
    Binding(Action.WHITE, "White screen (toggle)", ((K.Key_W, NONE), (K.Key_Comma, NONE)),
            "W or ,"),
    Binding(Action.RESOURCES, "Support resources over anything (toggle)", ((K.Key_R, NONE),), "R"),
    Binding(Action.TIMER, "Start / pause the timer", ((K.Key_T, NONE),), "T"),
    Binding(Action.TIMER_PLUS, "Timer +1 minute", ((K.Key_Plus, NONE), (K.Key_Equal, NONE)), "+"),
    Binding(Action.TIMER_MINUS, "Timer -1 minute", ((K.Key_Minus, NONE), (K.Key_Underscore, NONE)),
            "-"),
    Binding(Action.TIMER_RESET, "Reset the timer", ((K.Key_T, SHIFT),), "Shift+T"),
    Binding(Action.FULL_SCREEN, "Projector full screen (toggle)", ((K.Key_F, NONE),), "F"),
    Binding(Action.SHOW_FULL_SCREEN, "Projector full screen (clicker)", ((K.Key_F5, NONE),
            (K.Key_F5, SHIFT)), "F5"),
    Binding(Action.LEAVE_FULL_SCREEN, "Leave full screen (never quits)", ((K.Key_Escape, NONE),),
            "Esc"),
    Binding(Action.JOIN_QR, "Join QR code over anything (toggle)", ((K.Key_Q, NONE),), "Q"),
    Binding(Action.SWAP_SCREENS, "Swap projector and console screens", ((K.Key_S, NONE),), "S"),
    Binding(Action.SHORTCUTS, "Show these shortcuts", ((K.Key_Question, NONE), (K.Key_F1, NONE)),
            "? or F1"),
    Binding(Action.POLL_OPEN, "Open or close this slide's poll", ((K.Key_O, NONE),), "O"),
    Binding(Action.POLL_HIDE, "Hide or reveal the poll's results", ((K.Key_H, NONE),), "H"),
    Binding(Action.POLL_LOCK, "Lock or unlock the poll's answers", ((K.Key_L, NONE),), "L"),
    Binding(Action.POLL_RESET, "Reset the poll (asks first)", ((K.Key_R, CTRL),), "Ctrl+R"),
    Binding(Action.PRINT, "Print materials: handout, cards, guide, poster", ((K.Key_P, CTRL),),
            "Ctrl+P"),
    Binding(Action.IMPORT, "New session from an article", ((K.Key_N, CTRL),), "Ctrl+N"),
    Binding(Action.OPEN, "Open another session file", ((K.Key_O, CTRL),), "Ctrl+O"),
    Binding(Action.OVERVIEW, "All slides: a grid to jump anywhere", ((K.Key_G, NONE),), "G"),
    Binding(Action.NOTES_BIGGER, "Larger notes",
            ((K.Key_Equal, CTRL), (K.Key_Plus, CTRL)), "Ctrl+="),
    Binding(Action.NOTES_SMALLER, "Smaller notes", ((K.Key_Minus, CTRL),), "Ctrl+-"),
    Binding(Action.START_SESSION, "Start the session: the clock and the run begin",
            ((K.Key_Return, CTRL), (K.Key_Enter, CTRL)), "Ctrl+Enter"),
    Binding(Action.END, "End the session (asks first)", ((K.Key_Q, CTRL),), "Ctrl+Q"),
)

JUMP_HELP = ("Go to slide N (Backspace fixes a typo)", "a number, then Enter")

_BY_ACTION = {binding.action: binding for binding in BINDINGS}
# Shift is part of typing "?", "+" and "_" on most layouts, so it only counts where a
# binding asks for it (Shift+T).
_SHIFTED = {(key, mods) for b in BINDINGS for key, mods in b.keys if mods & SHIFT}


def binding(action: Action) -> Binding:
    return _BY_ACTION[action]


def tooltip(action: Action) -> str:
    entry = _BY_ACTION[action]
    return f"{entry.label} ({entry.names})"


def action_for(key: int, modifiers: Qt.KeyboardModifier) -> Action | None:
    mods = modifiers & (SHIFT | CTRL | Qt.KeyboardModifier.AltModifier)
    if mods & SHIFT and (key, SHIFT) not in _SHIFTED:
        mods &= ~SHIFT
    for entry in BINDINGS:
        for bound_key, bound_mods in entry.keys:
            if bound_key == key and bound_mods == mods:
                return entry.action
    return None


_DIGITS = {getattr(K, f"Key_{digit}"): digit for digit in range(10)}


class KeyRouter(QObject):
    """Turns key presses in the presenter's windows into actions.

    Installed on the QApplication; only events for widgets inside `windows` count. Digits
    collect into a slide number that Enter jumps to (Esc clears it).
    """

    typed_changed = Signal(str)  # the digits typed so far ("" once used or abandoned)

    def __init__(self, perform: Callable[[Action], None], jump: Callable[[int], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._perform = perform
        self._jump = jump
        self._windows: list[QWidget] = []
        self.typed = ""  # digits typed so far; the console shows them

    def watch(self, window: QWidget) -> None:
        self._windows.append(window)

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if watched.window() not in self._windows or not isinstance(event, QKeyEvent):
            return False
        return self.handle(event.key(), event.modifiers())

    def handle(self, key: int, modifiers: Qt.KeyboardModifier) -> bool:
        """Act on one key press; True when the key was ours."""
        if key in _DIGITS and not modifiers & (CTRL | Qt.KeyboardModifier.AltModifier):
            self._set_typed((self.typed + str(_DIGITS[key]))[-4:])
            return True
        if key == K.Key_Backspace and self.typed:
            self._set_typed(self.typed[:-1])  # fixing a typo, not "previous slide"
            return True
        if key in (K.Key_Return, K.Key_Enter) and not modifiers & CTRL:
            if self.typed:
                number = int(self.typed)
                self._set_typed("")
                self._jump(number)
            return True
        action = action_for(key, modifiers)
        if action is None:
            return False
        if self.typed:
            # Any command abandons a half-typed number; Esc only clears it.
            self._set_typed("")
            if action is Action.LEAVE_FULL_SCREEN:
                return True
        self._perform(action)
        return True

    def _set_typed(self, typed: str) -> None:
        self.typed = typed
        self.typed_changed.emit(typed)
