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
