"""The console's agenda: planned and actual minutes per section, the projected end and a
pace colour, with the wall clock and elapsed time. Refreshes on every state tick."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.timing.agenda import Pace, SectionStatus
from facilitator.core.timing.timer import format_seconds
from facilitator.qt.presenter.state import PresenterState
from facilitator.qt.style import DARK as CONSOLE_THEME  # the console is always dark
from facilitator.qt.stylesheets import restyle

PACE_TEXT = {Pace.ON_TIME: "On time", Pace.BEHIND: "Behind", Pace.FAR_BEHIND: "Far behind"}


class AgendaPanel(QWidget):
    def __init__(self, state: PresenterState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.clock = QLabel()
        self.pace = QLabel()
        self.pace.setTextFormat(Qt.TextFormat.PlainText)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(12)
        self._rows: list[tuple[QLabel, QLabel, QLabel]] = []
        for column, text in enumerate(("Section", "Plan", "Actual")):
            header = QLabel(text)
            header.setStyleSheet(f"color: {CONSOLE_THEME.muted}; font-weight: bold;")
            self._grid.addWidget(header, 0, column)
        for index, section in enumerate(state.session.sections, start=1):
            title = QLabel(section.title)
            title.setTextFormat(Qt.TextFormat.PlainText)
            planned = QLabel(format_seconds(round(section.minutes * 60)))
            actual = QLabel("0")
            for label in (planned, actual):
                label.setAlignment(Qt.AlignmentFlag.AlignRight)
            self._grid.addWidget(title, index, 0)
            self._grid.addWidget(planned, index, 1)
            self._grid.addWidget(actual, index, 2)
            self._rows.append((title, planned, actual))
        self._grid.setColumnStretch(0, 1)
        # The section rows scroll when the console is short of room (say, with the poll
        # controls below): squeezed rows would overlap; the clock and pace stay in view.
        rows = QWidget()
        rows_layout = QVBoxLayout(rows)
        rows_layout.setContentsMargins(0, 0, 0, 0)
        rows_layout.addLayout(self._grid)
        rows_layout.addStretch(1)
        self.rows_area = QScrollArea()
        self.rows_area.setWidget(rows)
        self.rows_area.setWidgetResizable(True)
        self.rows_area.setFrameShape(QFrame.Shape.NoFrame)
        self.rows_area.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget "
                                     "{ background: transparent; }")
        self.rows_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rows_area.setMinimumHeight(110)  # about four rows, however short the console
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.clock)
        layout.addWidget(self.pace)
        layout.addWidget(self.rows_area, 1)
        # When the console is short of room its column shrinks every panel towards its
        # minimum; keep the clock, the pace and about five sections in view regardless.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(210)
        state.ticked.connect(self._on_ticked)
        state.slide_changed.connect(self._on_ticked)
        self._on_ticked()

    def _on_ticked(self, *_: object) -> None:
        state = self._state
        agenda = state.agenda
        theme = CONSOLE_THEME
        now = datetime.now().strftime("%H:%M")
        if self._state.rehearsing:
            self.clock.setText(f"{now}   rehearsal, not timed")
        else:
            self.clock.setText(f"{now}   elapsed {format_seconds(int(agenda.elapsed()))}")
        pace = agenda.pace()
        colour = {Pace.ON_TIME: theme.text, Pace.BEHIND: theme.timer_last_minute,
                  Pace.FAR_BEHIND: theme.timer_overtime}[pace]
        slip = agenda.slip()
        slip_text = f"{abs(slip) / 60:.0f} min {'late' if slip > 0 else 'early'}" \
            if abs(slip) >= 60 else "on plan"
        self.pace.setText(f"{PACE_TEXT[pace]}: ends {agenda.projected_end():%H:%M} "
                          f"(planned {agenda.planned_end():%H:%M}, {slip_text})")
        restyle(self.pace, f"color: {colour}; font-weight: bold;")
        for row, (title, planned, actual) in zip(agenda.rows(), self._rows, strict=True):
            # A rehearsal times nothing, but the section on screen is still marked.
            current = (row.index == state.presentation.section if state.rehearsing
                       else row.status is SectionStatus.CURRENT)
            if current:
                self.rows_area.ensureWidgetVisible(title, 0, 24)
            actual.setText(format_seconds(int(row.actual_seconds))
                           if row.status is not SectionStatus.UPCOMING else "")
            weight = "bold" if current else "normal"
            tone = theme.muted if row.status is SectionStatus.DONE else theme.text
            over = theme.timer_overtime if row.over else tone
            restyle(title, f"color: {tone}; font-weight: {weight};")
            restyle(planned, f"color: {tone}; font-weight: {weight};")
            restyle(actual, f"color: {over}; font-weight: {weight};")
