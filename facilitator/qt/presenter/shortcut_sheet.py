"""The shortcut sheet (? or F1): the key table, generated from `keys.BINDINGS`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from facilitator.qt.presenter.keys import BINDINGS, JUMP_HELP


class ShortcutSheet(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        rows = [(b.names, b.label) for b in BINDINGS] + [(JUMP_HELP[1], JUMP_HELP[0])]
        # Two halves side by side: one tall column would not fit a 720-pixel-high screen.
        half = (len(rows) + 1) // 2
        grid.setColumnMinimumWidth(2, 24)
        for index, (keys, label) in enumerate(rows):
            row, column = index % half, 3 * (index // half)
            key_label = QLabel(keys)
            key_label.setTextFormat(Qt.TextFormat.PlainText)
            key_label.setStyleSheet("font-weight: bold;")
            what = QLabel(label)
            what.setTextFormat(Qt.TextFormat.PlainText)
            grid.addWidget(key_label, row, column)
            grid.addWidget(what, row, column + 1)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)
