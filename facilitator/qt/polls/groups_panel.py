"""Breakout groups: the console's size picker, and the projector's "N groups" banner.

Phones are told their own group number; the projector shows only how many groups there
are, so nobody's group is announced to the room.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from facilitator.core.polls.room import RoomStatus
from facilitator.core.session.model import GroupKind, Prompt
from facilitator.qt.slides.base import GROUPS_BANNER
from facilitator.qt.stylesheets import GROUPS_BANNER_STYLE


def prompt_group_size(prompt: Prompt | None) -> int | None:
    """The group size a prompt asks for ("Groups of 3": 3, "Pairs": 2); None if it names
    none (on your own, whole room, or "small groups" without a number)."""
    for phase in prompt.phases if prompt else ():
        if phase.group.kind is GroupKind.GROUPS and phase.group.size:
            return phase.group.size
        if phase.group.kind is GroupKind.PAIRS:
            return 2
    return None


def groups_text(status: RoomStatus | None) -> str:
    if status is None or not status.group_count:
        return "No groups assigned"
    return (f"{status.group_count} group{'s' if status.group_count != 1 else ''} "
            f"of about {status.group_size}: check your phone for your group number")


class GroupsPanel(QWidget):
    """Emits `assign(size)` or `cleared()`; shows how many phones and groups there are."""

    assign = Signal(int)
    cleared = Signal()

    def __init__(self, status: RoomStatus | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.size_box = QSpinBox()
        self.size_box.setRange(2, 12)
        self.size_box.setValue(4)
        self.size_box.setPrefix("Groups of ")
        self.size_box.setAccessibleName("Group size")
        self.assign_button = QPushButton("Assign groups")
        self.clear_button = QPushButton("Clear")
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)  # the console's column is narrow on a 1280 screen
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.size_box)
        layout.addWidget(self.assign_button)
        layout.addWidget(self.clear_button)
        layout.addWidget(self.label, 1)
        self.assign_button.clicked.connect(lambda: self.assign.emit(self.size_box.value()))
        self.clear_button.clicked.connect(self.cleared.emit)
        self.set_status(status)

    def follow_prompt(self, prompt: Prompt | None) -> None:
        """A prompt slide came up: its format becomes the size to assign."""
        size = prompt_group_size(prompt)
        if size is not None:
            self.size_box.setValue(size)

    def set_status(self, status: RoomStatus | None) -> None:
        joined = status.joined if status else 0
        self.assign_button.setEnabled(joined > 0)
        self.label.setText(f"{joined} phones joined · {groups_text(status)}")


class GroupsBanner(QLabel):
    """Projector strip along the bottom of its parent: how many groups, never who is in which.

    Shown while groups are assigned and the slide is a prompt (the app says so with
    `set_allowed`): never over charts, black or white screens, or the join QR overlay."""

    def __init__(self, parent: QWidget, status: RoomStatus | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet(GROUPS_BANNER_STYLE)
        parent.installEventFilter(self)
        self._allowed = True
        self._assigned = False
        self.set_status(status)

    def set_status(self, status: RoomStatus | None) -> None:
        self.setText(groups_text(status))
        self._assigned = bool(status and status.group_count)
        self.setVisible(self._assigned and self._allowed)
        self._fit()

    def set_allowed(self, allowed: bool) -> None:
        """Whether what is on screen now may carry the banner (a prompt slide, shown)."""
        self._allowed = allowed
        self.setVisible(self._assigned and allowed)

    def _fit(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        height = max(24, int(parent.height() * GROUPS_BANNER))  # what prompt slides leave free
        self.setGeometry(0, parent.height() - height, parent.width(), height)
        font = self.font()
        font.setPixelSize(max(12, int(height * 0.4)))
        self.setFont(font)
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._fit()
        return False
