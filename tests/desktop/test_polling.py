"""Polls inside the desktop app: slide changes drive the phones, widgets follow, quit stops."""

from __future__ import annotations

import socket

from pytestqt.qtbot import QtBot

from facilitator.core.network import NO_NETWORK_MESSAGE, Interface
from facilitator.core.polls.snapshot import PollStatus
from facilitator.core.session.model import Section, Session, Slide, SlideKind
from facilitator.desktop.polling import DesktopPolling
from facilitator.services import settings as settings_file
from facilitator.services.settings import Settings
from tests import polls

LOOPBACK = Interface("lo-test", "Test network", ("127.0.0.1",))


def session() -> Session:
    slides = (
        Slide("Welcome", SlideKind.CONTENT),
        Slide("Mood", SlideKind.POLL, poll=polls.SINGLE),
        Slide("Words", SlideKind.POLL, poll=polls.WORD),
        Slide("Ideas", SlideKind.POLL, poll=polls.TEXT),
    )
    return Session("Test", (Section("One", 10, slides),))


def test_slides_open_polls_and_the_widgets_follow(qtbot: QtBot) -> None:
    polling = DesktopPolling(session(), Settings(port=0), interfaces=lambda: [LOOPBACK])
    qtbot.addWidget(polling.chart)
    qtbot.addWidget(polling.console)
    assert polling.start() == ""
    try:
        assert polling.join_url.startswith("http://127.0.0.1:")
        assert polling.qr.url == polling.join_url
        box = polling.service.box
        polling.on_slide(session().slides[1])
        polling.chart.show_poll(polls.SINGLE)  # what the projector's view does on that slide
        qtbot.waitUntil(lambda: polling.chart.results is not None
                        and polling.chart.results.state.status is PollStatus.OPEN, timeout=5000)
        assert polling.console.title.text() == polls.SINGLE.question
        assert polling.service.server is not None
        assert polling.service.server.call(lambda: box.current).result(5) == "mood"
        polling.on_slide(session().slides[0])
        qtbot.waitUntil(lambda: polling.bridge.snapshot is not None
                        and polling.bridge.snapshot.current is None, timeout=5000)
        assert polling.console.title.text() == "No poll on this slide"
        # Back on the poll slide: the poll is shown again, not reopened or reset.
        polling.service.server.call(box.close, "mood").result(5)
        polling.on_slide(session().slides[1])
        qtbot.waitUntil(lambda: polling.bridge.snapshot is not None
                        and polling.bridge.snapshot.current == "mood", timeout=5000)
        assert box.state("mood").status is PollStatus.CLOSED
        port = polling.service.server.port
    finally:
        polling.stop()
    probe = socket.socket()
    probe.bind(("127.0.0.1", port))  # released at quit
    probe.close()


def test_no_network_keeps_the_session_running(qtbot: QtBot) -> None:
    polling = DesktopPolling(session(), Settings(port=0), interfaces=lambda: [])
    qtbot.addWidget(polling.console)
    assert polling.start() == NO_NETWORK_MESSAGE
    assert polling.picker.message.text() == NO_NETWORK_MESSAGE
    # No socket, but the box still lives on the server's loop: one path for every command.
    assert polling.service.server is not None and polling.service.server.running
    assert not polling.service.listening and polling.join_url == ""
    polling.on_slide(session().slides[1])
    qtbot.waitUntil(lambda: polling.console.open_button.text() == "Close poll", timeout=5000)
    assert polling.service.box.state("mood").status is PollStatus.OPEN
    polling.stop()


def test_picking_another_network_moves_the_server(qtbot: QtBot) -> None:
    other = Interface("hotspot-test", "Hotspot", ("127.0.0.2",))
    settings = Settings(port=0)
    polling = DesktopPolling(session(), settings, interfaces=lambda: [LOOPBACK, other])
    qtbot.addWidget(polling.console)
    assert polling.start() == ""
    try:
        first = polling.join_url
        assert first.startswith("http://127.0.0.1:")
        with qtbot.waitSignal(polling.picker.chosen):
            polling.picker.combo.activated.emit(1)
        assert polling.join_url.startswith("http://127.0.0.2:")
        assert polling.qr.url == polling.console_qr.url == polling.join_url
        assert settings.interface == "hotspot-test"
        assert settings_file.load()[0].interface == "hotspot-test"  # remembered next time
        # Same room, same secret: only the address changed.
        assert polling.join_url.split("/j/")[1] == first.split("/j/")[1]
        assert polling.picker.current() == other
    finally:
        polling.stop()


def test_open_text_slide_brings_the_answers_to_read(qtbot: QtBot) -> None:
    polling = DesktopPolling(session(), Settings(port=0), interfaces=lambda: [LOOPBACK])
    qtbot.addWidget(polling.console)
    polling.start()
    try:
        tabs = polling.console.tabs
        polling.on_slide(session().slides[1])
        qtbot.waitUntil(lambda: polling.console.count.text() != "", timeout=5000)
        assert tabs.currentIndex() == 0 and not tabs.isTabEnabled(1)
        polling.on_slide(session().slides[3])
        qtbot.waitUntil(lambda: tabs.isTabEnabled(1), timeout=5000)
        assert tabs.currentIndex() == 1
        server = polling.service.server
        assert server is not None
        for key in "abc":
            server.call(server.box.submit, "idea", key, f"idea {key}").result(5)
        qtbot.waitUntil(lambda: tabs.tabText(1) == "Answers to read (3)", timeout=5000)
        assert len(polling.console.moderation.item_rows()) == 3
    finally:
        polling.stop()


def test_a_network_choice_leaves_a_broken_settings_file_alone(qtbot: QtBot) -> None:
    broken = "theme = [unclosed\n"
    settings_file.default_path().parent.mkdir(parents=True, exist_ok=True)
    settings_file.default_path().write_text(broken, encoding="utf-8")
    other = Interface("hotspot-test", "Hotspot", ("127.0.0.2",))
    polling = DesktopPolling(session(), Settings(port=0), interfaces=lambda: [LOOPBACK, other])
    qtbot.addWidget(polling.console)
    messages: list[str] = []
    polling.bridge.failed.connect(messages.append)
    polling.start()
    try:
        with qtbot.waitSignal(polling.picker.chosen):
            polling.picker.combo.activated.emit(1)
        assert polling.join_url.startswith("http://127.0.0.2:")  # used for this session
        assert settings_file.default_path().read_text(encoding="utf-8") == broken
        assert messages and messages[0].startswith("The network choice was not saved:")
    finally:
        polling.stop()


def test_an_address_given_for_one_run_is_not_remembered(qtbot: QtBot) -> None:
    given = Interface("--host", "Given with --host", ("127.0.0.1",))
    polling = DesktopPolling(session(), Settings(port=0), interfaces=lambda: [given],
                             remember_network=False)
    qtbot.addWidget(polling.console)
    polling.start()
    try:
        with qtbot.waitSignal(polling.picker.chosen):
            polling.picker.combo.activated.emit(0)  # re-picking the one entry
        assert polling.join_url.startswith("http://127.0.0.1:")
        assert not settings_file.default_path().exists()
    finally:
        polling.stop()


def test_a_network_that_fails_is_not_remembered(qtbot: QtBot) -> None:
    unreachable = Interface("gone-test", "Gone", ("203.0.113.9",))
    polling = DesktopPolling(session(), Settings(port=0),
                             interfaces=lambda: [LOOPBACK, unreachable])
    qtbot.addWidget(polling.console)
    polling.start()
    try:
        with qtbot.waitSignal(polling.picker.chosen):
            polling.picker.combo.activated.emit(1)
        assert polling.join_url == "" and polling.message.startswith("Phones cannot join")
        assert not settings_file.default_path().exists()
    finally:
        polling.stop()
