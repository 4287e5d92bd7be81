"""The polling feature plugs its widgets into poll slides without changing the view."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from facilitator.core.model import Poll, Session
from facilitator.qt.presenter import Presenter

MakePresenter = Callable[..., Presenter]
POLL = 7


class Results(QLabel):
    def __init__(self) -> None:
        super().__init__("results")
        self.polls: list[str] = []

    def show_poll(self, poll: Poll) -> None:
        self.polls.append(poll.id)


def test_plugged_widgets_cover_their_regions_only_on_poll_slides(
        qtbot: QtBot, make_presenter: MakePresenter, sample: Session) -> None:
    presenter = make_presenter(sample)
    view = presenter.console.preview
    results, join = Results(), QWidget()
    view.set_results_widget(results)
    view.set_join_widget(join)
    presenter.console.resize(1280, 800)
    presenter.state.go_to_number(POLL + 1)
    view.grab()  # paints, which places the widgets
    assert results.isVisible() and join.isVisible()
    assert results.polls[-1] == "room-check"
    assert results.geometry() == view.last_render.regions["results"].toAlignedRect()
    assert join.geometry() == view.last_render.regions["join"].toAlignedRect()
    presenter.state.next()
    view.grab()
    assert not results.isVisible() and not join.isVisible()
    view.set_results_widget(None)
    assert results.parent() is None
