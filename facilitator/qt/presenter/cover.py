"""The cover: the session's title on screen while the rest of the app loads.

Opening the app means parsing the session, building two windows and starting the phone
server: about a second on a quiet laptop, several on a busy one. Until now nothing showed
during that time, and a facilitator in front of a room wondered whether the click had
worked. The cover shows at once, where the session will appear (full screen on the
projector's screen when there are two, maximised on a laptop alone), with the title,
subtitle and credit from the file's `---` block in the projector theme's colours and the
bundled font, so the wall goes from the cover to the title slide without a jump of colour.

It must itself be quick: it reads only the front matter (no Markdown parser) and imports
only Qt, the theme colours and the font list. The desktop app closes it once its own
windows are up (`close_cover`).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QRectF, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

from facilitator.core.session.frontmatter import read_front_matter
from facilitator.qt import fonts
from facilitator.qt.presenter.screens import choose_layout, qt_screens
from facilitator.qt.style import Theme

OPENING = "Opening the session…"
PAINT_WAIT_MS = 200  # at most this long for the first paint before loading goes on anyway
FRONT_MATTER_BYTES = 16_384  # the --- block is at the top; a huge file is not read twice
# Qt::AlignLeft, Qt::AlignVCenter and Qt::TextWordWrap as the plain numbers Qt defines:
# the first use of PySide6's `Qt` namespace builds hundreds of Python enums (20-40 ms
# measured here), as long as the whole rest of the cover takes.
ALIGN_LEFT, ALIGN_V_CENTER, WORD_WRAP = 0x0001, 0x0080, 0x1000


class Cover(QWidget):
    """A plain window painting the title card; `painted_at` says when it first was."""

    painted = Signal()  # the first paint is done

    def __init__(self, title: str, subtitle: str, credit: str, theme: Theme) -> None:
        super().__init__()
        self.setWindowTitle(f"{title} – facilitator" if title else "facilitator")
        self.title, self.subtitle, self.credit = title, subtitle, credit
        self.theme = theme
        self.painted_at = 0.0  # time.monotonic() of the first paint; 0 until then

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            paint_cover(painter, self.width(), self.height(), self)
        finally:
            painter.end()
        if not self.painted_at:
            self.painted_at = time.monotonic()
            self.painted.emit()


def paint_cover(painter: QPainter, width: float, height: float, cover: Cover) -> None:
    """The title slide's layout (qt/slides/render.py `_paint_title`), drawn with plain
    QPainter text: title, subtitle and credit centred on the left margin, the accent bar
    above, and a muted line at the bottom saying the session is opening."""
    theme = cover.theme
    painter.fillRect(QRectF(0, 0, width, height), QColor(theme.background))
    # 16:9 layout inside any shape, as slides do.
    band = min(height, width * 9 / 16)
    top = (height - band) / 2
    margin_x = max(width * 0.055, band * 0.06)
    text_width = width - 2 * margin_x
    flags = ALIGN_LEFT | WORD_WRAP
    lines = [(cover.title, band / 8.5, True, theme.heading, band * 0.03),
             (cover.subtitle, band / 15, False, theme.text, band * 0.05),
             (cover.credit, band / 20, False, theme.muted, 0.0)]
    lines = [line for line in lines if line[0]]
    scale = 1.0
    while True:  # shrink together until the block fits the band (a long title)
        blocks = []
        total = 0.0
        for text, size, bold, colour, gap in lines:
            font = _font(size * scale, bold)
            painter.setFont(font)
            rect = painter.boundingRect(QRectF(0, 0, text_width, band), flags, text)
            blocks.append((text, font, colour, rect.height(), gap * scale))
            total += rect.height() + gap * scale
        if total <= band * 0.7 or scale < 0.4:
            break
        scale *= 0.85
    y = top + (band - total) / 2
    if blocks:
        painter.fillRect(QRectF(margin_x, y - band * 0.05, width * 0.09, max(3.0, band / 120)),
                         QColor(theme.accent))
    for text, font, colour, block_height, gap in blocks:
        painter.setFont(font)
        painter.setPen(QColor(colour))
        painter.drawText(QRectF(margin_x, y, text_width, block_height), flags, text)
        y += block_height + gap
    painter.setFont(_font(band / 30, False))
    painter.setPen(QColor(theme.muted))
    painter.drawText(QRectF(margin_x, top + band * 0.88, text_width, band * 0.08),
                     ALIGN_LEFT | ALIGN_V_CENTER, OPENING)


def _font(pixels: float, bold: bool) -> QFont:
    font = QFont(fonts.FAMILY)
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    return font


def front_matter_text(path: Path) -> tuple[str, str, str]:
    """(title, subtitle, credit) from the file's `---` block; empty strings when the file
    cannot be read or has none (the full load reports why, with line numbers)."""
    try:
        with path.open("rb") as file:
            head = file.read(FRONT_MATTER_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return "", "", ""
    front, _errors = read_front_matter(head.lstrip("\ufeff").splitlines(), str(path))
    values = front.values
    return values.get("title", ""), values.get("subtitle", ""), values.get("credit", "")


def open_cover(path: Path, theme: Theme) -> Cover | None:
    """Show the cover for the session file at `path` and wait (briefly) for its first
    paint, so it is on screen before the slow part starts. None when the file gives no
    title: an unreadable or broken file goes straight to its error message."""
    title, subtitle, credit = front_matter_text(path)
    if not title:
        return None
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("facilitator")
    fonts.register_fonts()
    cover = Cover(title, subtitle, credit, theme)
    layout = choose_layout(qt_screens(), swapped=False)
    place = layout.projector or layout.console
    if place is not None:
        cover.setGeometry(place.geometry)
    if layout.projector is not None:
        cover.showFullScreen()  # the wall shows the title, as it will a moment later
    else:
        cover.showMaximized()  # a laptop alone: where the console is about to open
    if not cover.painted_at:  # wait without spinning: the window system needs the core
        waiting = QEventLoop()
        cover.painted.connect(waiting.quit)
        QTimer.singleShot(PAINT_WAIT_MS, waiting.quit)
        waiting.exec()
    return cover


def close_cover(cover: Cover | None) -> None:
    """Take the cover away (the app's windows are up, or it is not going to start)."""
    if cover is not None:
        cover.close()  # closing twice is harmless; Python frees it with its last reference
