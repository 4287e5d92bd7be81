"""PySide6 6.12.0 on Python 3.11 aborts after a few hundred Signal.emit() calls (FACTS).
The pin in pyproject.toml avoids it; this test proves the installed build survives."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from facilitator.core.session.model import Session
from facilitator.qt.presenter.state import PresenterState
from facilitator.qt.style import DARK
from facilitator.services.support_source import SupportSource

EMITS = 100_000


class Emitter(QObject):
    flag = Signal(bool)
    number = Signal(int)


def test_100000_signals_with_bools(qtbot: QtBot) -> None:
    emitter = Emitter()
    seen = [0, 0]

    def on_flag(value: bool) -> None:
        seen[0] += value is True

    def on_number(value: int) -> None:
        seen[1] += 1

    emitter.flag.connect(on_flag)
    emitter.number.connect(on_number)
    for i in range(EMITS):
        emitter.flag.emit(True)
        emitter.number.emit(i)
    assert seen == [EMITS, EMITS]


def test_the_presenter_state_signals_survive_a_storm(qtbot: QtBot, sample: Session) -> None:
    state = PresenterState(sample, DARK, SupportSource("us"))
    changes = []
    state.slide_changed.connect(changes.append)
    for _ in range(EMITS // 2):
        state.next() if state.index == 0 else state.previous()
    assert len(changes) == EMITS // 2
