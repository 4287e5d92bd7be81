"""The desktop app tells phones to show the take-home page while the session's end is on
the projector: the slide with the takehome block, or the last slide in a session without
one; any other slide (going back) tells them to show the poll page again."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from facilitator.core.session.model import Session
from facilitator.desktop.desktop_app import DesktopApp
from tests.desktop.test_app_polls import make_app


def _takehome(app: DesktopApp) -> bool:
    snapshot = app.polling.bridge.snapshot
    return snapshot is not None and snapshot.takehome


def _follows(qtbot: QtBot, app: DesktopApp, end: int) -> None:
    app.show()
    try:
        qtbot.waitUntil(lambda: app.polling.bridge.snapshot is not None, timeout=5000)
        assert not _takehome(app)  # the first slide
        app.state.go_to_number(end + 1)
        qtbot.waitUntil(lambda: _takehome(app), timeout=5000)
        app.state.previous()
        qtbot.waitUntil(lambda: not _takehome(app), timeout=5000)
        app.state.next()
        qtbot.waitUntil(lambda: _takehome(app), timeout=5000)
    finally:
        app.polling.stop()


def test_the_last_slide_when_the_session_has_no_block(qtbot: QtBot, sample: Session) -> None:
    assert not any(slide.takehome for slide in sample.slides)
    _follows(qtbot, make_app(qtbot, sample), len(sample.slides) - 1)


def test_the_takehome_slide_of_the_bundled_session(qtbot: QtBot, bundled: Session) -> None:
    end = next(i for i, slide in enumerate(bundled.slides) if slide.takehome)
    _follows(qtbot, make_app(qtbot, bundled), end)
