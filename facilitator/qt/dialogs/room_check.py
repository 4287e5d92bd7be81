""""Check the room": the pre-flight lines of `facilitator doctor`, in the console.

The checks themselves live in `services.preflight` (the same code as the command line); this
dialog only shows their lines and runs them again on request. Main thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.services.preflight.verdict import Level, Line

_COLUMNS = ("", "Area", "Found", "What to do")
_WORD = {Level.OK: "OK", Level.WARNING: "Warning", Level.PROBLEM: "Problem"}


class RoomCheckDialog(QDialog):
    """One row per check line; "Check again" reruns `check()`."""

    def __init__(self, check: Callable[[], list[Line]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Check the room")
        self._check = check
        self.summary = QLabel()
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setHorizontalHeaderLabels(_COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.again = QPushButton("Check again")
        self.again.clicked.connect(self.refresh)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.again, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(1000, 520)
        self.lines: list[Line] = []
        self.refresh()

    def refresh(self) -> None:
        self.lines = self._check()
        self.table.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            for column, text in enumerate((_WORD[line.level], line.area, line.text,
                                           line.advice)):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        problems = sum(line.level is Level.PROBLEM for line in self.lines)
        warnings = sum(line.level is Level.WARNING for line in self.lines)
        self.summary.setText(
            "Ready: nothing stands in the way." if not problems and not warnings else
            f"{problems} problem(s), {warnings} warning(s): see what to do on each line.")


def room_panel(button: QPushButton, *more: QPushButton) -> QWidget:
    """The console's Room tab: the button, when to press it, and any `more` (About)."""
    panel = QWidget()
    layout = QHBoxLayout(panel)
    layout.setContentsMargins(6, 6, 6, 6)
    note = QLabel("Before the room fills: network, projector, sound, printer.")
    note.setTextFormat(Qt.TextFormat.PlainText)
    note.setWordWrap(True)
    layout.addWidget(button)
    layout.addWidget(note, 1)
    for other in more:
        layout.addWidget(other)
    return panel
