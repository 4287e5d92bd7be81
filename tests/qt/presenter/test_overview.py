"""G: every slide in a grid, sections marked, the current one selected, Enter jumps.
Ctrl+= and Ctrl+- size the notes."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from facilitator.core.session.model import Session
from facilitator.qt.presenter.controller import Presenter
from facilitator.qt.presenter.overview import SlideOverview
from tests.qt.readability import unreadable_texts


def test_overview_shows_every_slide_and_jumps(
        qtbot: QtBot, bundled: Session, make_presenter: Callable[..., Presenter]) -> None:
    presenter = make_presenter(bundled)
    presenter.state.go_to_number(5)
    assert presenter.keys.handle(Qt.Key.Key_G, Qt.KeyboardModifier.NoModifier)
    overview = next(w for w in QApplication.topLevelWidgets()
                    if isinstance(w, SlideOverview) and w.isVisible())
    qtbot.waitExposed(overview)
    grid = overview.grid
    assert grid.count() == len(bundled.slides)
    assert grid.currentRow() == 4  # the slide on the projector
    sections = [grid.item(i).text() for i in range(grid.count())
                if grid.item(i).text().startswith("§ ")]
    assert len(sections) == len([s for s in bundled.sections if s.slides])
    assert sections[0].startswith(f"§ {bundled.sections[0].title}\n1 · ")
    folder = os.environ.get("FACILITATOR_SHOTS")
    if folder:
        overview.grab().save(str(Path(folder) / "overview.png"))
    assert unreadable_texts(overview) == []
    grid.setCurrentRow(11)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert presenter.state.index == 11
    assert not overview.isVisible()


def test_notes_size_keys(bundled: Session, make_presenter: Callable[..., Presenter]) -> None:
    presenter = make_presenter(bundled)
    notes = presenter.console.notes
    before = notes.fontInfo().pixelSize()
    assert presenter.keys.handle(Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert presenter.keys.handle(Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert notes.fontInfo().pixelSize() == before + 4
    assert presenter.keys.handle(Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert notes.fontInfo().pixelSize() == before + 2


def test_next_slide_preview_is_the_real_slide_scaled(
        qtbot: QtBot, bundled: Session, make_presenter: Callable[..., Presenter]) -> None:
    from PySide6.QtGui import QImage, QPainter

    from facilitator.qt.slides.render import paint_slide

    presenter = make_presenter(bundled)
    poll = max((i for i, s in enumerate(bundled.slides) if s.poll is not None),
               key=lambda i: len(bundled.slides[i].poll.options))  # type: ignore[union-attr]
    presenter.state.go_to_number(poll)  # the slide before the poll with most options
    view = presenter.console.next_view
    view.resize(320, 180)
    shown = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    full = QImage(1280, 720, QImage.Format.Format_RGB32)
    painter = QPainter(full)
    paint_slide(painter, 1280, 720, bundled.slides[poll], presenter.state.context_for(poll))
    painter.end()
    expected = full.scaled(shown.size()).convertToFormat(QImage.Format.Format_RGB32)
    differing = sum(1 for x in range(0, shown.width(), 2) for y in range(0, shown.height(), 2)
                    if abs(shown.pixelColor(x, y).lightness()
                           - expected.pixelColor(x, y).lightness()) > 60)
    assert differing < (shown.width() // 2) * (shown.height() // 2) * 0.05
