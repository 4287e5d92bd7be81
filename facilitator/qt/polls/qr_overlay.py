"""The Q-key overlay on the projector: a big QR code, the address and the room code.

For latecomers: it covers the slide until Q (or Escape) is pressed again. It is a child of
the projector window and fills it, so it needs no window management of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from facilitator.qt.polls.qr_widget import QrWidget
from facilitator.qt.style import CHART
from facilitator.qt.stylesheets import QR_OVERLAY_LABEL_STYLE


class QrOverlay(QWidget):
    def __init__(self, parent: QWidget, url: str = "", caption: str = "") -> None:
        super().__init__(parent)
        self.qr = QrWidget(url, "", self)
        self.heading = QLabel("Scan to answer anonymously", self)
        self.caption = QLabel(caption, self)
        for label in (self.heading, self.caption):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet(QR_OVERLAY_LABEL_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.qr, 1)
        layout.addWidget(self.caption)
        self.hide()
        parent.installEventFilter(self)

    def set_url(self, url: str, caption: str) -> None:
        self.qr.set_url(url)
        self.caption.setText(caption)

    @property
    def showing(self) -> bool:
        # isVisible() is False while the parent window is hidden (one screen, projector
        # not yet full screen); the overlay's own switch is what counts.
        return not self.isHidden()

    def toggle(self) -> None:
        self.set_showing(not self.showing)

    def set_showing(self, showing: bool) -> None:
        self.setVisible(showing)
        if showing:
            self._fit()
            self.raise_()

    def _fit(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        self.setGeometry(parent.rect())
        size = max(12, parent.height() // 18)
        font = self.heading.font()
        font.setPixelSize(size)
        font.setBold(True)
        self.heading.setFont(font)
        font.setPixelSize(int(size * 0.8))
        self.caption.setFont(font)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        resized = event.type() == QEvent.Type.Resize
        if watched is self.parentWidget() and resized and self.showing:
            self._fit()
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Q, Qt.Key.Key_Escape):
            self.hide()
            return
        super().keyPressEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        scrim = QColor(CHART.scrim)
        scrim.setAlpha(CHART.scrim_alpha)
        painter.fillRect(self.rect(), scrim)
        painter.end()
