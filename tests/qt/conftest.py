"""Fixtures for the presenter tests: sessions, a hand-stepped clock, a running presenter."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QRect
from pytestqt.qtbot import QtBot

from facilitator.core.session.loader import load_session
from facilitator.core.session.model import Session
from facilitator.qt.presenter.controller import Presenter
from facilitator.qt.presenter.screens import ScreenInfo
from facilitator.qt.presenter.state import PresenterState
from facilitator.qt.style import DARK
from facilitator.services import assets
from facilitator.services.support_source import SupportSource
from tests.clock import Clock
from tests.qt.sample_session import sample_session


@pytest.fixture
def clock() -> Clock:
    return Clock(5000.0)


@pytest.fixture(scope="session")
def bundled() -> Session:
    result = load_session(assets.slide_file())
    assert result.session is not None, result.errors
    return result.session


@pytest.fixture
def sample() -> Session:
    return sample_session()


class Screens:
    """A screen list the test changes, standing in for QGuiApplication.screens()."""

    def __init__(self, count: int = 1) -> None:
        self.infos = [ScreenInfo("laptop", QRect(0, 0, 1440, 900), True)]
        if count > 1:
            self.infos.append(ScreenInfo("projector", QRect(1440, 0, 1920, 1080), False))

    def __call__(self) -> list[ScreenInfo]:
        return list(self.infos)


@pytest.fixture
def make_presenter(qtbot: QtBot, clock: Clock) -> Iterator[Callable[..., Presenter]]:
    made: list[Presenter] = []

    def make(session: Session, screens: Screens | None = None) -> Presenter:
        state = PresenterState(session, DARK, SupportSource(session.region), clock=clock)
        presenter = Presenter(state, screens or Screens(1))
        qtbot.addWidget(presenter.console)
        qtbot.addWidget(presenter.projector)
        presenter.show()
        made.append(presenter)
        return presenter

    yield make
    for presenter in made:
        presenter.end()
