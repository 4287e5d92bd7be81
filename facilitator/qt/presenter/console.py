"""The facilitator's console: the live projector preview, the next slide, the notes, the
countdown, the agenda, and a button for every key (each button's tooltip names its keys).

Layout only: buttons call back into `perform(action)`; the logic lives in `presenter`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.timing.presentation import Screen
from facilitator.qt.presenter.agenda_panel import AgendaPanel
from facilitator.qt.presenter.countdown import CountdownPanel
from facilitator.qt.presenter.keys import Action, tooltip
from facilitator.qt.presenter.slide_view import SlideView, ViewMode
from facilitator.qt.presenter.state import PresenterState
from facilitator.qt.style import CONSOLE_STYLE

NAV_BUTTONS = (
    (Action.PREVIOUS, "◀ Previous"),
    (Action.NEXT, "Next ▶"),
    (Action.BLACK, "Black"),
    (Action.WHITE, "White"),
    (Action.RESOURCES, "Support"),
    (Action.FULL_SCREEN, "Full screen"),
    (Action.SWAP_SCREENS, "Swap screens"),
    (Action.SHORTCUTS, "Keys ?"),
    (Action.PRINT, "Print…"),
    (Action.IMPORT, "From article…"),
    (Action.OPEN, "Open session…"),
)
TIMER_BUTTONS = (
    (Action.TIMER, "Start / pause"),
    (Action.TIMER_MINUS, "−1 min"),
    (Action.TIMER_PLUS, "+1 min"),
    (Action.TIMER_RESET, "Reset"),
)

# A line that starts a new thought in the notes: "Say:", "Watch for:", or a list item.
_NOTE_START = re.compile(r"^\s*(?:[-*•]\s|\d+[.)]\s|[A-Z][\w ]{0,20}:)")


def reflow_notes(text: str) -> str:
    """Join the hard-wrapped lines of session-file notes so the notes box can wrap them to
    its own width; keep line breaks before labels ("Say:", "Watch for:") and list items."""
    lines: list[str] = []
    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line:
            lines.append("")
        elif lines and lines[-1] and not _NOTE_START.match(line):
            lines[-1] += " " + line
        else:
            lines.append(line)
    return "\n".join(lines)


class ConsoleWindow(QWidget):
    closing = Signal()  # the facilitator closed the console: the session ends

    def __init__(self, state: PresenterState, perform: Callable[[Action], None]) -> None:
        super().__init__()
        self.setObjectName("console")
        self.setStyleSheet(CONSOLE_STYLE)
        self._state = state
        self.setWindowTitle(f"{state.session.title} (console)")

        self.preview = SlideView(state, ViewMode.LIVE, preview=True)
        self.next_view = SlideView(state, ViewMode.NEXT, preview=True)
        self.notes = QPlainTextEdit()
        self.notes.setReadOnly(True)
        # Keys belong to the presenter, never to the notes box (Space would scroll it).
        self.notes.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.countdown = CountdownPanel(state)
        self.agenda = AgendaPanel(state)
        self.position = QLabel()
        self.position.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        # A long message wraps instead of widening the window past the screen's edge.
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.buttons: dict[Action, QToolButton] = {}

        left = QVBoxLayout()
        self.preview_caption = self._caption("Projector")
        left.addWidget(self.preview_caption)
        left.addWidget(self.preview, 5)
        left.addWidget(self._caption("Notes"))
        left.addWidget(self.notes, 3)

        right = QVBoxLayout()
        self._right = right
        right.addWidget(self._caption("Next"))
        right.addWidget(self.next_view, 2)
        right.addWidget(self.countdown)
        right.addLayout(self._button_row(TIMER_BUTTONS, perform))
        right.addWidget(self.agenda, 4)

        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)

        bottom = QHBoxLayout()
        bottom.addLayout(self._button_row(NAV_BUTTONS, perform))
        bottom.addStretch(1)
        # Messages get their own line, beside where we are, so a long one stays readable
        # and the buttons below keep their full labels on a 1280-pixel screen.
        messages = QHBoxLayout()
        messages.addWidget(self.status, 1)
        messages.addWidget(self.position)

        layout = QGridLayout(self)
        layout.addLayout(columns, 0, 0)
        layout.addLayout(messages, 1, 0)
        layout.addLayout(bottom, 2, 0)
        self.resize(1280, 800)

        state.slide_changed.connect(self._on_slide_changed)
        state.screen_changed.connect(self._on_screen_changed)
        state.message.connect(self.show_message)
        self._on_slide_changed(state.index)
        self._on_screen_changed()

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setProperty("role", "caption")
        return label

    def _button_row(self, buttons: tuple[tuple[Action, str], ...],
                    perform: Callable[[Action], None]) -> QHBoxLayout:
        row = QHBoxLayout()
        for action, text in buttons:
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tooltip(action))
            # A focused button would take Space for itself instead of "next slide".
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            # Never narrower than the label: an elided "Sw…ns" is no use mid-session.
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, a=action: perform(a))
            if action in (Action.BLACK, Action.WHITE, Action.RESOURCES):
                button.setCheckable(True)
            self.buttons[action] = button
            row.addWidget(button)
        return row

    def add_side_panel(self, title: str, widget: QWidget) -> None:
        """A feature's panel under the agenda (the phone polls' controls)."""
        self._right.addWidget(self._caption(title))
        # Capped, or its tallest page (the moderation list, which scrolls) would take the
        # agenda's room on every slide.
        widget.setMinimumHeight(150)
        widget.setMaximumHeight(300)
        self._right.addWidget(widget, 2)

    def show_message(self, text: str) -> None:
        self.status.setText(text)
        self.status.setToolTip(text)

    def set_preview_caption(self, two_screens: bool) -> None:
        self.preview_caption.setText(
            "Projector (on the second screen)" if two_screens
            else "Projector preview (one screen: F shows it full screen, Esc comes back)")

    def _on_slide_changed(self, index: int) -> None:
        state = self._state
        section = state.session.sections[state.presentation.section]
        self.position.setText(f"Slide {index + 1} of {state.presentation.count} · {section.title}")
        self.notes.setPlainText(reflow_notes(state.slide.notes) or "(no notes for this slide)")
        self.status.setText("")

    def _on_screen_changed(self) -> None:
        state = self._state
        for action, on in ((Action.BLACK, state.screen is Screen.BLACK),
                           (Action.WHITE, state.screen is Screen.WHITE),
                           (Action.RESOURCES, state.resources_overlay)):
            button = self.buttons[action]
            button.setChecked(on)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)
