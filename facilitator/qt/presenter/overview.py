"""The slide overview (G): every slide as a thumbnail in a grid, like Keynote's and
pympress's overview, to jump anywhere in two keystrokes.

Each section's first slide carries the section's title, the slide on the projector is
selected, and a click, a double-click or Enter jumps there. Thumbnails are rendered by the
same renderer as the projector, so they are the real slides, scaled.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap, QShowEvent
from PySide6.QtWidgets import QDialog, QListView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from facilitator.core.session.model import Session
from facilitator.qt.slides.render import SlideContext, paint_slide
from facilitator.qt.style import Theme

THUMB = QSize(224, 126)  # 16:9; five across a 1280 screen


def thumbnail(session: Session, index: int, theme: Theme) -> QPixmap:
    image = QImage(THUMB, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        paint_slide(painter, THUMB.width(), THUMB.height(), session.slides[index],
                    SlideContext(session=session, theme=theme))
    finally:
        painter.end()
    return QPixmap.fromImage(image)


def section_starts(session: Session) -> dict[int, str]:
    """Slide index -> title of the section that starts there."""
    starts, index = {}, 0
    for section in session.sections:
        if section.slides:
            starts[index] = section.title
        index += len(section.slides)
    return starts


def item_text(session: Session, index: int, starts: dict[int, str]) -> str:
    """"12 · Where are you this term?", with the section's title over its first slide."""
    text = f"{index + 1} · {session.slides[index].title}"
    return f"§ {starts[index]}\n{text}" if index in starts else f"\n{text}"


class SlideOverview(QDialog):
    def __init__(self, session: Session, theme: Theme, current: int,
                 jump: Callable[[int], None], parent: QWidget | None = None) -> None:
        """`jump(number)`: go to slide `number` (1-based), as typing it would."""
        super().__init__(parent)
        self.setWindowTitle("All slides (G)")
        self._jump = jump
        self.grid = QListWidget()
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setIconSize(THUMB)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setWordWrap(True)
        self.grid.setGridSize(QSize(THUMB.width() + 24, THUMB.height() + 64))
        self.grid.setUniformItemSizes(True)
        starts = section_starts(session)
        for index in range(len(session.slides)):
            item = QListWidgetItem(QIcon(thumbnail(session, index, theme)),
                                   item_text(session, index, starts))
            item.setToolTip(session.slides[index].title)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            self.grid.addItem(item)
        self.grid.setCurrentRow(current)
        self.grid.itemActivated.connect(self._on_activated)
        self.grid.itemClicked.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.addWidget(self.grid)
        self.resize(1240, 640)  # fits a 1280x720 laptop with its title bar

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.grid.scrollToItem(self.grid.currentItem())
        self.grid.setFocus()

    def _on_activated(self, item: QListWidgetItem) -> None:
        self._jump(self.grid.row(item) + 1)
        self.accept()
