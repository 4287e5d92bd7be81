"""A closed poll's slide no longer invites phones in: on the projector and in the console's
preview the join QR gives way to "Poll closed", and comes back when the poll reopens."""

from __future__ import annotations

import os
from pathlib import Path

import zxingcpp
from pytestqt.qtbot import QtBot

from facilitator.core.polls.snapshot import PollStatus
from facilitator.core.session.model import Session
from facilitator.qt.polls.qr_widget import QrWidget
from tests.desktop.test_app_polls import POLL_SLIDE, make_app
from tests.qt.polls.helpers import grab


def decoded(qr: QrWidget) -> list[str]:
    """What a phone camera reads in the widget as it is placed (its size unchanged)."""
    return [found.text for found in zxingcpp.read_barcodes(grab(qr, qr.width(), qr.height()))]


def test_the_join_code_gives_way_to_poll_closed(qtbot: QtBot, sample: Session) -> None:
    app = make_app(qtbot, sample)
    app.show()
    polling = app.polling
    try:
        app.state.go_to_number(POLL_SLIDE)
        box = polling.service.box
        qtbot.waitUntil(lambda: box.state("room-check").status is PollStatus.OPEN, timeout=5000)
        views = (app.presenter.projector.view, app.presenter.console.preview)
        for view in views:
            view.resize(1280, 720)
            view.grab()  # paint: the view places its QR and tells it the poll
        qrs = [polling._pairs[0][1], polling._pairs[1][1]]
        qtbot.waitUntil(lambda: not any(qr.isHidden() for qr in qrs), timeout=5000)
        url = polling.service.join_url
        assert all(decoded(qr) == [url] for qr in qrs)  # open: the code joins

        qtbot.waitUntil(lambda: polling.console.open_button.text() == "Close poll", timeout=5000)
        polling.console.open_button.click()  # close the poll
        qtbot.waitUntil(lambda: all(qr.closed for qr in qrs), timeout=5000)
        for qr in qrs:
            assert decoded(qr) == []  # no code left to scan
            assert qr.accessibleName() == "Poll closed"
        folder = os.environ.get("FACILITATOR_SHOTS")
        if folder:
            app.presenter.projector.view.grab().save(str(Path(folder) / "closed-poll-wall.png"))
            app.presenter.console.grab().save(str(Path(folder) / "closed-poll-console.png"))

        qtbot.waitUntil(lambda: polling.console.open_button.text() == "Open poll", timeout=5000)
        polling.console.open_button.click()  # reopen
        qtbot.waitUntil(lambda: not any(qr.closed for qr in qrs), timeout=5000)
        assert all(decoded(qr) == [url] for qr in qrs)
    finally:
        app.presenter.end()
