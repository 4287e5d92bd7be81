"""At start, when the session's run is live in another window of the app: say so, and
offer to bring that window forward or to start a separate run (never to share the run)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from facilitator.core.runs.journal_reads import RunInfo

TITLE = "This session is already running"
FRONT, NEW, CANCEL = "front", "new", "cancel"


def already_running_box(run: RunInfo, parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("already-running")
    box.setWindowTitle(TITLE)
    box.setIcon(QMessageBox.Icon.Information)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText("This session is already running in another window")
    box.setInformativeText(
        f"“{run.title}” is being presented and recorded there ({run.answers} answers so "
        "far). Bring that window to the front, or start a separate new run here: its own "
        "room code, its own answers."
    )
    front = box.addButton("Bring it to the front", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Start a separate new run", QMessageBox.ButtonRole.YesRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(front)
    return box


def choice(box: QMessageBox) -> str:
    """FRONT, NEW or CANCEL for the button the facilitator clicked."""
    clicked = box.clickedButton()
    if clicked is None or box.buttonRole(clicked) == QMessageBox.ButtonRole.RejectRole:
        return CANCEL
    return FRONT if box.buttonRole(clicked) == QMessageBox.ButtonRole.AcceptRole else NEW


def ask_already_running(run: RunInfo, parent: QWidget | None = None) -> str:
    box = already_running_box(run, parent)
    box.exec()
    return choice(box)
