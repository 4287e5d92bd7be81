"""The console with the poll controls added still lays out cleanly at a laptop's size."""

from __future__ import annotations

from itertools import pairwise

from pytestqt.qtbot import QtBot

from facilitator.core.session.model import Session
from tests.desktop.test_app_polls import make_app


def test_agenda_rows_never_overlap_beside_the_poll_panel(qtbot: QtBot, bundled: Session) -> None:
    app = make_app(qtbot, bundled)
    app.show()
    console = app.presenter.console
    console.resize(1366, 768)  # the most common laptop screen
    qtbot.wait(50)
    titles = [title for title, _planned, _actual in console.agenda._rows]
    for label in titles:
        assert label.height() >= label.sizeHint().height(), f"{label.text()!r} is squeezed"
    for upper, lower in pairwise(titles):
        assert upper.geometry().bottom() < lower.geometry().top()
    # The section being presented is scrolled into view.
    app.state.go_to_number(len(bundled.slides))
    qtbot.wait(50)
    last = titles[-1]
    area = console.agenda.rows_area
    top_left = last.mapTo(area.viewport(), last.rect().topLeft())
    assert 0 <= top_left.y() and top_left.y() + last.height() <= area.viewport().height()
    app.presenter.end()
