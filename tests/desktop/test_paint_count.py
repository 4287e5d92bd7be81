"""The next-slide key paints the projector once: a projector repainted three times per key
costs a slow laptop frames and shows a flicker of half-placed widgets."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from facilitator.core.network import Interface
from facilitator.core.session.model import Session, SlideKind
from facilitator.desktop.desktop_app import DesktopApp
from facilitator.desktop.polling import DesktopPolling
from facilitator.qt.presenter.keys import Action
from facilitator.services.settings import Settings
from tests.qt.conftest import Clock, Screens

LOOPBACK = Interface("lo-test", "Test network", ("127.0.0.1",))


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def settle(qtbot: QtBot) -> None:
    """Let queued slots, the post-paint widget placement and repaints all run."""
    for _ in range(5):
        QApplication.processEvents()
        qtbot.wait(30)


def test_next_paints_the_projector_once_on_every_kind_of_slide(
        qtbot: QtBot, bundled: Session) -> None:
    settings = Settings(port=0)
    polling = DesktopPolling(bundled, settings, interfaces=lambda: [LOOPBACK])
    app = DesktopApp(bundled, settings, clock=Clock(), screens=Screens(1), polling=polling)
    qtbot.addWidget(app.presenter.console)
    qtbot.addWidget(app.presenter.projector)
    app.show()
    try:
        app.presenter.projector.show()
        view = app.presenter.projector.view
        counter = PaintCounter()
        view.installEventFilter(counter)
        settle(qtbot)
        paints: dict[int, int] = {}
        kinds: set[SlideKind] = set()
        for _ in range(len(bundled.slides) - 1):
            counter.count = 0
            app.presenter.perform(Action.NEXT)
            settle(qtbot)
            paints[app.state.index + 1] = counter.count
            kinds.add(app.state.slide.kind)
        assert {SlideKind.POLL, SlideKind.PROMPT, SlideKind.CONTENT} <= kinds
        assert {number: count for number, count in paints.items() if count != 1} == {}
    finally:
        app.presenter.end()
