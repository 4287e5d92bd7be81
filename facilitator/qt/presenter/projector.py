"""The audience window: one live `SlideView`, nothing else, no cursor clutter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from facilitator.qt.presenter.slide_view import SlideView, ViewMode
from facilitator.qt.presenter.state import PresenterState


class ProjectorWindow(QWidget):
    def __init__(self, state: PresenterState) -> None:
        super().__init__()
        self.setWindowTitle(f"{state.session.title} (projector)")
        self.view = SlideView(state, ViewMode.LIVE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.resize(1280, 720)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the projector (Alt+F4 on the wrong screen) only hides it; the console ends
        # the session, so a stray key never loses the run.
        event.ignore()
        self.hide()
