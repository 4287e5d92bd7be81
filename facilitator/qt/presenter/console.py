"""The facilitator's console: the live projector preview, the next slide, the notes, the
countdown, the agenda, and a button for every key (each button's tooltip names its keys).

Layout only: buttons call back into `perform(action)`; the logic lives in `presenter`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QChildEvent, QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
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
from facilitator.qt.stylesheets import CONSOLE_STYLE, DIALOG_STYLE

NAV_BUTTONS = (
    (Action.START_SESSION, "Start session"),
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
    (Action.OPEN, "Open…"),
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
    # Asked before the window closes; False keeps it open (the presenter asks the facilitator).
    confirm_close: Callable[[], bool] = staticmethod(lambda: True)

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
        self.notes_px = 17  # CONSOLE_STYLE's size for the notes
        self.countdown = CountdownPanel(state)
        self.agenda = AgendaPanel(state)
        self.position = QLabel()
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        # A long message wraps instead of widening the window past the screen's edge.
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.buttons: dict[Action, QToolButton] = {}

        # Sized for a 1280x720 laptop and up (minimum well under 1280x700): the previews
        # and the notes shrink, the column under the next slide scrolls, captions and
        # messages wrap or elide, so nothing ever pushes the window past the screen.
        self.position.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.position.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        left = QVBoxLayout()
        self.preview_caption = self._caption("Projector")
        self.preview_caption.setSizePolicy(QSizePolicy.Policy.Ignored,
                                           QSizePolicy.Policy.Preferred)
        left.addWidget(self.preview_caption)
        left.addWidget(self.preview, 5)
        notes_heading = QHBoxLayout()  # the notes are the current slide's: say which it is
        notes_heading.addWidget(self._caption("Notes"))
        notes_heading.addWidget(self.position, 1)
        left.addLayout(notes_heading)
        left.addWidget(self.notes, 3)
        self.notes.setMinimumHeight(60)

        # Under the next slide: the countdown, its buttons, the agenda and any feature's
        # panel (the poll controls), in one column that scrolls when the screen is short.
        tools = QWidget()
        tools.setObjectName("console-tools")
        self._right = QVBoxLayout(tools)
        self._right.setContentsMargins(0, 0, 4, 0)
        self._right.addWidget(self.countdown)
        self._right.addLayout(self._button_row(TIMER_BUTTONS, perform))
        self._right.addWidget(self.agenda, 4)
        self.tools_area = QScrollArea()
        self.tools_area.setObjectName("console-tools-area")
        self.tools_area.setWidget(tools)
        self.tools_area.setWidgetResizable(True)
        self.tools_area.setFrameShape(QFrame.Shape.NoFrame)
        self.tools_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The column's width comes from the window, never from its widest label.
        self.tools_area.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.tools_area.setMinimumWidth(360)

        right = QVBoxLayout()
        right.addWidget(self._caption("Next"))
        right.addWidget(self.next_view, 1, Qt.AlignmentFlag.AlignHCenter)
        right.addWidget(self.tools_area, 3)

        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)

        bottom = QHBoxLayout()
        bottom.addLayout(self._button_row(NAV_BUTTONS, perform))
        bottom.addStretch(1)

        layout = QGridLayout(self)
        layout.addLayout(columns, 0, 0)
        layout.setRowStretch(0, 1)
        # Messages get the full width, on their own line, so a long one stays readable
        # without squeezing the buttons.
        layout.addWidget(self.status, 1, 0)
        layout.addLayout(bottom, 2, 0)
        self.resize(1280, 700)

        state.slide_changed.connect(self._on_slide_changed)
        state.screen_changed.connect(self._on_screen_changed)
        state.message.connect(self.show_message)
        state.rehearsal_changed.connect(self._on_rehearsal_changed)
        self._on_rehearsal_changed(state.rehearsing)
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
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, a=action: perform(a))
            if action in (Action.BLACK, Action.WHITE, Action.RESOURCES):
                button.setCheckable(True)
            self.buttons[action] = button
            row.addWidget(button)
        return row

    def zoom_notes(self, steps: int) -> None:
        """Ctrl+= / Ctrl+-: the notes' type size, 12 to 40 px, for reading from a distance."""
        self.notes_px = max(12, min(40, self.notes_px + 2 * steps))
        # The widget's own sheet beats the console's 17 px for notes and inputs.
        self.notes.setStyleSheet(f"font-size: {self.notes_px}px;")

    def add_side_panel(self, title: str, widget: QWidget) -> None:
        """A feature's panel under the agenda (the phone polls' controls)."""
        self._right.addWidget(self._caption(title))
        # Capped, or its tallest page (the moderation list, which scrolls) would take the
        # agenda's room on every slide; never wider than the column (long labels wrap).
        widget.setMinimumHeight(150)
        widget.setMaximumHeight(300)
        widget.setSizePolicy(QSizePolicy.Policy.Ignored, widget.sizePolicy().verticalPolicy())
        self._right.addWidget(widget, 2)

    def show_message(self, text: str) -> None:
        self.status.setText(text)
        self.status.setToolTip(text)

    def set_preview_caption(self, two_screens: bool) -> None:
        self.preview_caption.setText(
            "Projector (on the second screen)" if two_screens
            else "Projector preview (one screen: F full screen, Esc back)")

    def _on_slide_changed(self, index: int) -> None:
        state = self._state
        section = state.session.sections[state.presentation.section]
        self.position.setText(f"Slide {index + 1} of {state.presentation.count} · {section.title}")
        self.notes.setPlainText(reflow_notes(state.slide.notes) or "(no notes for this slide)")
        self.status.setText("")

    def _on_rehearsal_changed(self, rehearsing: bool) -> None:
        start = self.buttons[Action.START_SESSION]
        start.setVisible(rehearsing)
        if start.property("role") != "start":
            start.setProperty("role", "start")  # accent-filled (CONSOLE_STYLE)
            start.style().unpolish(start)
            start.style().polish(start)
        title = self._state.session.title
        self.setWindowTitle(f"{title} (console, rehearsal: not timed)" if rehearsing
                            else f"{title} (console)")

    def _on_screen_changed(self) -> None:
        state = self._state
        for action, on in ((Action.BLACK, state.screen is Screen.BLACK),
                           (Action.WHITE, state.screen is Screen.WHITE),
                           (Action.RESOURCES, state.resources_overlay)):
            button = self.buttons[action]
            button.setChecked(on)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The next slide keeps 16:9 in at most a quarter of the height: the countdown, the
        # agenda and the poll controls under it need the room more on a short screen.
        height = max(90, self.height() // 4)
        self.next_view.setMaximumSize(height * 16 // 9, height)
        super().resizeEvent(event)

    def childEvent(self, event: QChildEvent) -> None:
        """Every dialog parented here (print, import, past runs, keys, message and file
        boxes) gets the dialog sheet of its own: otherwise it inherits the console's sheet,
        whose light label colour was written for this dark window, not for a dialog's
        background. ChildPolished comes before the dialog is first drawn, once its type is
        complete (at ChildAdded it is still a bare QWidget)."""
        if event.type() == QEvent.Type.ChildPolished:  # never touch a child being removed
            child = event.child()
            if isinstance(child, QDialog) and not child.styleSheet():
                child.setStyleSheet(DIALOG_STYLE)
        super().childEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window's close button asks first; a close from the program (the session
        # already ending, a test's clean-up) does not.
        if event.spontaneous() and not self.confirm_close():
            event.ignore()
            return
        self.closing.emit()
        super().closeEvent(event)
