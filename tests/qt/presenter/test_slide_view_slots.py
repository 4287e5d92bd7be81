"""The polling feature plugs its widgets into poll slides without changing the view."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from facilitator.core.session.model import Poll, Session
from facilitator.qt.presenter.controller import Presenter

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
    QCoreApplication.processEvents()  # let the layout settle before measuring
    presenter.state.go_to_number(POLL + 1)
    view.grab()  # paints; the widgets are placed right after

    def placed() -> bool:
        return results.geometry() == view.last_render.regions["results"].toAlignedRect()

    qtbot.waitUntil(placed, timeout=2000)
    assert results.isVisible() and join.isVisible()
    assert results.polls[-1] == "room-check"
    assert join.geometry() == view.last_render.regions["join"].toAlignedRect()
    presenter.state.next()
    view.grab()
    qtbot.waitUntil(lambda: not results.isVisible() and not join.isVisible(), timeout=2000)
    view.set_results_widget(None)
    assert results.parent() is None


def test_placing_widgets_settles_instead_of_repainting_forever(
        qtbot: QtBot, make_presenter: MakePresenter, sample: Session) -> None:
    presenter = make_presenter(sample)
    view = presenter.console.preview
    results = Results()
    view.set_results_widget(results)
    presenter.state.go_to_number(POLL + 1)
    view.repaint()
    qtbot.waitUntil(results.isVisible, timeout=2000)
    # The widgets are placed before the first paint now, so the wait above may return at
    # once: let the window be exposed, or repaint() below has nothing to paint into.
    window = view.window().windowHandle()
    qtbot.waitUntil(lambda: window is not None and window.isExposed(), timeout=2000)
    paints = []
    original = view.paintEvent

    def counting(event):  # type: ignore[no-untyped-def]
        paints.append(1)
        original(event)

    view.paintEvent = counting  # type: ignore[method-assign]
    view.repaint()
    assert paints  # the counter sees paints
    for _ in range(20):
        QCoreApplication.processEvents()
    assert len(paints) <= 3
    assert results.polls == ["room-check"]  # told once, not on every paint
