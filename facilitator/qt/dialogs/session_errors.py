"""A session file that cannot be presented, shown to a facilitator who has no terminal
(started from a desktop launcher): every mistake as `FILE:LINE:COL: message`, and a way
to open another file instead of a silent exit."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.qt.fonts import register_fonts

SESSION_FILTER = "Session files (*.md);;All files (*)"


class SessionErrorsDialog(QDialog):
    """The mistakes in `path`; "Open another file…" sets `chosen` and accepts."""

    def __init__(self, path: Path, errors: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("session-errors")
        self.setWindowTitle(f"{path.name} cannot be presented")
        self.chosen: Path | None = None
        self._folder = path.parent
        count = len(errors)
        heading = QLabel(
            f"{path.name} has {count} {'mistake' if count == 1 else 'mistakes'} to fix before "
            "it can be presented. Each line gives the file, line and column. Fix them in a "
            "text editor (`facilitator check FILE` checks it again), or open another file."
        )
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        self.errors = QPlainTextEdit("\n".join(errors))
        self.errors.setReadOnly(True)  # selectable: the facilitator can copy the lines
        self.errors.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        buttons = QDialogButtonBox()
        self.open_button = QPushButton("Open another file…")
        self.open_button.setDefault(True)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        self.open_button.clicked.connect(self._open_another)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.errors, 1)
        layout.addWidget(buttons)
        self.resize(760, 360)

    def _open_another(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, "Open a session file",
                                                    str(self._folder), SESSION_FILTER)
        if name:
            self.choose(Path(name))

    def choose(self, path: Path) -> None:
        self.chosen = path
        self.accept()


def ask_for_another_file(path: Path, errors: list[str]) -> Path | None:
    """Show the mistakes; the file the facilitator opens instead, or None (closed).
    Before the app proper starts, so this makes the Qt application if there is none."""
    _app = QApplication.instance() or QApplication(sys.argv[:1])
    register_fonts()
    dialog = SessionErrorsDialog(path, errors)
    dialog.exec()
    return dialog.chosen
