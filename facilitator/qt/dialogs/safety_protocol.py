"""The guide's safety protocol, one click from the console's risk notice.

The same steps the printed guide carries (`core.risk.protocol`), as plain text: a
facilitator who just read a worrying answer needs the steps now, not the PDF.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from facilitator.core.risk.protocol import STEPS
from facilitator.qt.stylesheets import SAFETY_DIALOG_STYLE


def _label(text: str, role: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


class SafetyProtocolDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Safety protocol")
        self.setObjectName("safety-protocol")
        self.setStyleSheet(SAFETY_DIALOG_STYLE)
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(_label("What to do, from the facilitator guide. Nobody in the room "
                                "sees this."))
        for what, do in STEPS:
            layout.addWidget(_label(what, "step"))
            layout.addWidget(_label(do))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
