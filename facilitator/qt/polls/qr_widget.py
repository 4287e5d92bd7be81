"""A QR code drawn module by module from qrcode's matrix, so it stays crisp at any size.

A scaled bitmap blurs on a projector and phones then fail to read it from the back of the
room; painting each module as a pixel-aligned square keeps the edges sharp. The quiet
zone (four modules) is part of the white square, as the standard asks.

On a poll slide the widget follows its poll through the bridge: once the poll is closed
there is nothing left to join for, so it says "Poll closed" instead of inviting phones in.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from facilitator.core.polls.snapshot import BallotSnapshot, PollStatus
from facilitator.core.session.model import Poll
from facilitator.qt.slides.text import BODY
from facilitator.qt.style import CHART

if TYPE_CHECKING:
    from facilitator.core.polls.room import RoomStatus
    from facilitator.qt.polls.bridge import PollBridge

QUIET_ZONE = 4
CAPTION_BACKGROUND = QColor(CHART.background)
CAPTION_TEXT = QColor(CHART.text)
CLOSED_TEXT = "Poll closed"


def qr_matrix(text: str) -> list[list[bool]]:
    """The code's modules, quiet zone included (True = dark)."""
    # Imported on first use: qrcode brings PIL, which the app's first paint does not need.
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(text)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


class QrWidget(QWidget):
    """The QR for `url`, with an optional caption (address and room code) under it."""

    def __init__(self, url: str = "", caption: str = "", parent: QWidget | None = None,
                 bridge: PollBridge | None = None) -> None:
        """With a `bridge`, the widget follows the poll it is told of (`show_poll`) and
        shows "Poll closed" while that poll is closed."""
        super().__init__(parent)
        self._url = ""
        self._matrix: list[list[bool]] = []
        self._caption = caption
        self._bridge = bridge
        self._poll_id: str | None = None
        self.closed = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.set_url(url, caption)
        if bridge is not None:
            bridge.changed.connect(self._on_changed)

    def show_poll(self, poll: Poll) -> None:
        """The poll whose slide this code sits on (the slide view tells it)."""
        self._poll_id = poll.id
        self._follow(self._bridge.snapshot if self._bridge is not None else None)

    def _on_changed(self, snapshot: BallotSnapshot, _status: RoomStatus) -> None:
        self._follow(snapshot)

    def _follow(self, snapshot: BallotSnapshot | None) -> None:
        results = snapshot.polls.get(self._poll_id) if snapshot and self._poll_id else None
        closed = results is not None and results.state.status is PollStatus.CLOSED
        if closed != self.closed:  # the bridge fires often; repaint only on a change
            self.closed = closed
            self._name()
            self.update()

    def _name(self) -> None:
        self.setAccessibleName(CLOSED_TEXT if self.closed
                               else f"QR code to join: {self._caption or self._url}")

    @property
    def url(self) -> str:
        return self._url

    def set_url(self, url: str, caption: str | None = None) -> None:
        self._url = url
        self._matrix = qr_matrix(url) if url else []
        if caption is not None:
            self._caption = caption
        self._name()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(320, 360)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return int(width * (1.15 if self._caption else 1.0))

    def caption_font(self) -> QFont:
        """Bold, at least the slides' body size (a twentieth of the slide the code sits on):
        the address is what a phone without a camera types, read from the back row."""
        parent = self.parentWidget()
        reference = parent.height() if parent is not None else self.height() * 2
        font = QFont()
        font.setPixelSize(max(10, math.ceil(reference * BODY)))
        font.setBold(True)
        return font

    def _caption_height(self) -> float:
        """Room for the caption, wrapped to the widget's width, under the code."""
        if not self._caption:
            return 0.0
        font = self.caption_font()
        bounds = QFontMetricsF(font).boundingRect(
            QRectF(0, 0, max(1, self.width()), 10_000),
            int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self._caption)
        return min(self.height() * 0.45, bounds.height() + font.pixelSize() * 0.5)

    def code_rect(self) -> QRectF:
        """Where the white square (code and quiet zone) is painted, in widget pixels."""
        caption_h = self._caption_height()
        side = min(self.width(), self.height() - caption_h)
        if self._matrix:
            # Whole pixels per module: no module straddles a pixel boundary, no blur.
            modules = len(self._matrix)
            side = max(modules, int(side // modules) * modules)
        x = (self.width() - side) / 2
        return QRectF(int(x), 0, side, side)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self.closed:
            self._paint_closed(painter)
            painter.end()
            return
        square = self.code_rect()
        painter.fillRect(square, QColor(CHART.qr_light))
        if self._matrix:
            module = square.width() / len(self._matrix)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(CHART.qr_dark))
            for row_index, row in enumerate(self._matrix):
                for col_index, dark in enumerate(row):
                    if dark:
                        painter.drawRect(QRectF(square.left() + col_index * module,
                                                square.top() + row_index * module,
                                                module, module))
        if self._caption:
            # On its own dark panel, so it reads the same on any slide theme.
            below = QRectF(0, square.bottom(), self.width(), self.height() - square.bottom())
            painter.fillRect(below, CAPTION_BACKGROUND)
            painter.setFont(self.caption_font())
            painter.setPen(CAPTION_TEXT)
            painter.drawText(below, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                             self._caption)
        painter.end()

    def _paint_closed(self, painter: QPainter) -> None:
        """Where the code was: "Poll closed" on the caption's dark panel, as large as the
        caption or larger, shrunk only to stay on one line inside the widget."""
        area = QRectF(self.rect())
        painter.fillRect(area, CAPTION_BACKGROUND)
        font = self.caption_font()
        size = font.pixelSize() * 1.3
        font.setPixelSize(max(1, int(size)))
        width = QFontMetricsF(font).horizontalAdvance(CLOSED_TEXT)
        if width > area.width() * 0.9:
            font.setPixelSize(max(1, int(size * area.width() * 0.9 / width)))
        painter.setFont(font)
        painter.setPen(CAPTION_TEXT)
        painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter), CLOSED_TEXT)
