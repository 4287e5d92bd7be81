"""The console's countdown: always visible, whichever slide is showing.

Shows the timed prompt's title, the phase ("2 of 4 · Pairs"), the time in the mood's
colour (amber in the last minute, red in overtime), and flashes when a chime cannot play.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from facilitator.core.timing.timer import TimerMood
from facilitator.qt.presenter.state import PresenterState
from facilitator.qt.style import DARK as CONSOLE_THEME  # the console is always dark
from facilitator.qt.stylesheets import restyle

# The console's style sheet sets label sizes; the countdown needs its own to stay big.
BIG = "font-size: 56px; font-weight: bold;"


class CountdownPanel(QWidget):
    def __init__(self, state: PresenterState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.phase = QLabel()
        self.phase.setTextFormat(Qt.TextFormat.PlainText)
        self.time = QLabel()
        self.time.setTextFormat(Qt.TextFormat.PlainText)
        self.time.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.phase)
        layout.addWidget(self.time)
        state.timer_changed.connect(self._on_timer_changed)
        state.slide_changed.connect(self._on_timer_changed)
        self._on_timer_changed()

    def _on_timer_changed(self, *_: object) -> None:
        state = self._state
        snap = state.timer_snapshot()
        theme = CONSOLE_THEME
        if snap is None:
            self.title.setText("No timed prompt yet")
            self.phase.setText("The timer loads when you reach a prompt slide.")
            # No big placeholder digits: the agenda below gets the room until a prompt.
            self.time.setText("")
            self.time.setVisible(False)
            return
        self.time.setVisible(True)
        here = " (on screen)" if state.timer_slide == state.index else ""
        self.title.setText(f"Timer: {state.timer_prompt_title()}{here}")
        status = {TimerMood.IDLE: "ready, press T", TimerMood.PAUSED: "paused",
                  TimerMood.LAST_MINUTE: "last minute", TimerMood.OVERTIME: "overtime",
                  TimerMood.RUNNING: "running"}[snap.mood]
        phase = f"Phase {snap.phase + 1} of {snap.phase_count} · " if snap.phase_count > 1 else ""
        self.phase.setText(f"{phase}{snap.phase_label} · {status}")
        colour = {TimerMood.LAST_MINUTE: theme.timer_last_minute,
                  TimerMood.OVERTIME: theme.timer_overtime,
                  TimerMood.PAUSED: theme.timer_paused}.get(snap.mood, theme.timer_running)
        self.time.setText(snap.display)
        if state.flashing:
            restyle(self.time, f"{BIG} color: {theme.background}; background: {colour};")
        else:
            restyle(self.time, f"{BIG} color: {colour};")
