"""The desktop app with phone polls: widgets on poll slides, Q overlay, server stops at the end."""

from __future__ import annotations

import socket

import zxingcpp
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from facilitator.core.network import Interface
from facilitator.core.polls.snapshot import PollStatus
from facilitator.core.session.model import Session
from facilitator.desktop.desktop_app import DesktopApp
from facilitator.desktop.polling import DesktopPolling
from facilitator.qt.polls.groups_panel import GroupsBanner
from facilitator.qt.presenter.keys import Action
from facilitator.services.settings import Settings
from tests.qt.conftest import Clock, Screens
from tests.qt.polls.helpers import grab
from tests.qt.polls.test_bridge import vote

LOOPBACK = Interface("lo-test", "Test network", ("127.0.0.1",))
POLL_SLIDE = 8  # "Where are you this term?" in the sample session, 1-based


def make_app(qtbot: QtBot, session: Session) -> DesktopApp:
    settings = Settings(port=0)
    polling = DesktopPolling(session, settings, interfaces=lambda: [LOOPBACK])
    app = DesktopApp(session, settings, clock=Clock(), screens=Screens(1), polling=polling)
    qtbot.addWidget(app.presenter.console)
    qtbot.addWidget(app.presenter.projector)
    return app


def test_poll_slide_shows_chart_and_qr_and_phones_follow(qtbot: QtBot, sample: Session) -> None:
    app = make_app(qtbot, sample)
    app.show()
    polling = app.polling
    server = polling.service.server
    assert server is not None and server.running
    try:
        app.state.go_to_number(POLL_SLIDE)
        view = app.presenter.projector.view
        view.resize(1280, 720)
        qtbot.waitUntil(lambda: polling.service.box.state("room-check").status
                        is PollStatus.OPEN, timeout=5000)
        view.grab()  # paint; the view places its plugged widgets right after
        qtbot.waitUntil(lambda: not polling.chart.isHidden() and not polling.qr.isHidden(),
                        timeout=5000)
        assert polling.chart.geometry() == view.last_render.regions["results"].toAlignedRect()
        assert polling.qr.url == server.join_url
        qtbot.waitUntil(lambda: polling.console.open_button.text() == "Close poll",
                        timeout=5000)
        assert polling.console.title.text().startswith("Which of these sounds")
        for _ in range(5):
            assert vote(server, "room-check", "o1") == 200
        # A sensitive poll: its results wait for Reveal (H), however many have answered.
        qtbot.waitUntil(lambda: polling.chart.results is not None
                        and polling.chart.results.tally is not None, timeout=5000)
        assert polling.chart.results.state.hidden and not polling.chart.results.on_screen
        app.presenter.perform(Action.POLL_HIDE)  # H: reveal
        qtbot.waitUntil(lambda: polling.chart.results is not None
                        and polling.chart.results.on_screen, timeout=5000)
        image = grab(app.presenter.projector, 1280, 720)
        assert [code.text for code in zxingcpp.read_barcodes(image)] == [server.join_url]

        # Breakout groups: picked in the console, counted on the projector, never listed,
        # and only on prompt slides (never over the chart). The prompt's format ("Pairs")
        # is the size offered.
        polling.console.groups.size_box.setValue(5)
        polling.console.groups.assign_button.click()
        banners = app.presenter.projector.findChildren(GroupsBanner)
        preview_banners = app.presenter.console.preview.findChildren(GroupsBanner)
        qtbot.waitUntil(lambda: banners[0].text().startswith("1 group"), timeout=5000)
        assert banners[0].isHidden() and preview_banners[0].isHidden()  # a poll slide
        app.state.next()  # "Still in there", in pairs
        assert polling.console.groups.size_box.value() == 2
        polling.console.groups.assign_button.click()
        qtbot.waitUntil(lambda: banners[0].text().startswith("3 groups of about 2"),
                        timeout=5000)
        assert not banners[0].isHidden() and not preview_banners[0].isHidden()
        assert preview_banners[0].text() == banners[0].text()
        # The slides know: a prompt slide's text stops above the banner's strip.
        assert app.state.context_for(app.state.index).groups_banner
        app.presenter.perform(Action.BLACK)
        assert banners[0].isHidden() and preview_banners[0].isHidden()
        app.presenter.perform(Action.BLACK)
        assert not banners[0].isHidden()

        # Q puts the join code over anything (and the banner goes); Q again takes it away.
        app.presenter.perform(Action.JOIN_QR)
        assert banners[0].isHidden()
        assert all(overlay.showing for overlay in polling.overlays)
        assert app.presenter.console.status.text() == "Join QR code on the projector (Q hides it)"
        image = grab(app.presenter.projector, 1280, 720)
        assert [code.text for code in zxingcpp.read_barcodes(image)] == [server.join_url]
        qtbot.keyClick(app.presenter.console, Qt.Key.Key_Q)  # through the presenter's keys
        assert not any(overlay.showing for overlay in polling.overlays)
        port = server.port
    finally:
        app.presenter.end()
    assert not server.running
    probe = socket.socket()
    probe.bind(("127.0.0.1", port))
    probe.close()

