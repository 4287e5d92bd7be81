"""Screen layout: two screens put the projector on the other one; hot-plug and swap."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QRect
from pytestqt.qtbot import QtBot

from facilitator.core.session.model import Session
from facilitator.qt.presenter.controller import Presenter
from facilitator.qt.presenter.screens import ScreenInfo, choose_layout
from tests.qt.conftest import Screens

MakePresenter = Callable[..., Presenter]
LAPTOP = ScreenInfo("laptop", QRect(0, 0, 1440, 900), True)
BEAMER = ScreenInfo("beamer", QRect(1440, 0, 1920, 1080), False)


def test_choose_layout() -> None:
    assert choose_layout([], False).console is None
    assert choose_layout([LAPTOP], False) == choose_layout([LAPTOP], True)
    assert choose_layout([LAPTOP], False).projector is None
    assert choose_layout([BEAMER, LAPTOP], False).projector is BEAMER  # primary stays console
    assert choose_layout([LAPTOP, BEAMER], True).projector is LAPTOP


def test_two_screens_put_the_projector_full_screen_on_the_other(
        qtbot: QtBot, make_presenter: MakePresenter, sample: Session) -> None:
    presenter = make_presenter(sample, Screens(2))
    assert presenter.screens.two_screens
    assert presenter.projector.isVisible()
    assert presenter.projector.isFullScreen()
    assert "second screen" in presenter.console.preview_caption.text()


def test_unplugging_the_projector_mid_session(
        qtbot: QtBot, make_presenter: MakePresenter, sample: Session) -> None:
    screens = Screens(2)
    presenter = make_presenter(sample, screens)
    presenter.state.go_to_number(5)
    beamer = screens.infos[1]
    # Qt still lists the screen while screenRemoved is being delivered.
    leaving = ScreenInfo(beamer.name, beamer.geometry, False, presenter.projector.screen())
    screens.infos[1] = leaving
    presenter.screens.on_screen_removed(leaving.screen)
    assert not presenter.screens.two_screens
    screens.infos.pop()
    QCoreApplication.processEvents()  # the second placement, once Qt dropped the screen
    assert not presenter.screens.two_screens
    assert not presenter.projector.isVisible()
    assert "one screen" in presenter.console.preview_caption.text()
    assert presenter.state.index == 4  # the session carries on where it was
    screens.infos.append(BEAMER)
    presenter.screens.on_screen_added(None)
    assert presenter.screens.two_screens and presenter.projector.isVisible()


def test_swap_and_escape_with_two_screens(
        qtbot: QtBot, make_presenter: MakePresenter, sample: Session) -> None:
    presenter = make_presenter(sample, Screens(2))
    presenter.screens.swap()
    assert presenter.screens.layout.projector is not None
    assert presenter.screens.layout.projector.name == "laptop"
    presenter.screens.leave_full_screen()
    assert presenter.projector.isVisible() and not presenter.projector.isFullScreen()


def test_real_screen_signals_are_connected(
        qtbot: QtBot, make_presenter: MakePresenter, sample: Session) -> None:
    """With the real offscreen screen list (one screen) the handlers run without error."""
    from facilitator.qt.presenter.controller import Presenter as RealPresenter

    presenter = make_presenter(sample)
    real = RealPresenter(presenter.state)
    qtbot.addWidget(real.console)
    qtbot.addWidget(real.projector)
    real.screens.place()
    real.screens.on_screen_added(None)
    assert not real.screens.two_screens
    real.end()
