"""Phones joined beside the people in the room: the console's check against sock puppets.

The server lets one network address make at most two devices, but a person with two
phones is two devices. The facilitator types how many people are in the room; when more
phones joined than that, the panel says so, and every threshold counts against the smaller
number (`core.polls.headcount`). Main thread only; the number goes to the server loop
through the `PollBridge`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from facilitator.core.polls.room import RoomStatus

MAX_HEADCOUNT = 2000


def over_text(status: RoomStatus) -> str:
    extra = status.over_headcount
    if not extra:
        return ""
    return (f"{status.joined} phones for {status.headcount} people: {extra} more than people. "
            f"Every poll now needs {extra} more answer{'s' if extra != 1 else ''} "
            "before its results show.")


class HeadcountPanel(QWidget):
    """`headcount_set(n)` when the facilitator changes the count (0: not counted)."""

    headcount_set = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.joined = QLabel("Phones joined: 0")
        self.joined.setTextFormat(Qt.TextFormat.PlainText)
        self.people = QSpinBox()
        self.people.setRange(0, MAX_HEADCOUNT)
        self.people.setSpecialValueText("not counted")
        self.people.setAccessibleName("People in the room")
        self.people.setToolTip("How many people are in the room. With more phones joined "
                               "than people, results wait for more answers.")
        # Typing a number must not leave a key such as Space stuck in the box for good.
        self.people.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        label = QLabel("People in the room:")
        label.setBuddy(self.people)
        self.warning = QLabel("")
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName("Phones beyond the headcount")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.joined)
        row.addStretch(1)
        row.addWidget(label)
        row.addWidget(self.people)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.warning)
        self.warning.hide()
        self.people.editingFinished.connect(self._send)

    def _send(self) -> None:
        self.headcount_set.emit(self.people.value())

    def set_status(self, status: RoomStatus) -> None:
        self.joined.setText(f"Phones joined: {status.joined}")
        text = over_text(status)
        self.warning.setText(f"⚠ {text}" if text else "")
        self.warning.setVisible(bool(text))
