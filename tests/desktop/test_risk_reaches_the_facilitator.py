"""Done means: "kms" in a word poll and "I want to kill myself" in an open-text poll each
raise the console notice, and neither reaches the projector without an explicit action.

A real phone server on 127.0.0.1, the real console and the projector's chart widget."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from facilitator.core.polls.tally import TextTally, WordTally
from facilitator.core.session.model import Section, Session, Slide, SlideKind
from facilitator.desktop.polling import DesktopPolling
from facilitator.services.settings import Settings
from tests import polls
from tests.desktop.test_polling import LOOPBACK

MODERATED = replace(polls.WORD, id="words", moderate=True)


def session() -> Session:
    return Session("Test", (Section("One", 10, (
        Slide("Words", SlideKind.POLL, poll=polls.WORD),
        Slide("Ideas", SlideKind.POLL, poll=polls.TEXT),
        Slide("Moderated words", SlideKind.POLL, poll=MODERATED),
    )),))


def started(qtbot: QtBot) -> DesktopPolling:
    polling = DesktopPolling(session(), Settings(port=0), interfaces=lambda: [LOOPBACK])
    qtbot.addWidget(polling.chart)
    qtbot.addWidget(polling.console)
    assert polling.start() == ""
    return polling


def answer(polling: DesktopPolling, poll_id: str, texts: list[str]) -> None:
    server = polling.service.server
    assert server is not None
    for number, text in enumerate(texts):
        server.call(server.box.submit, poll_id, f"device-{number}", text).result(5)


def test_kms_in_the_word_poll_raises_the_notice_and_stays_off_the_wall(qtbot: QtBot) -> None:
    polling = started(qtbot)
    try:
        notice = polling.console.risk_notice
        polling.on_slide(session().slides[0])
        polling.chart.show_poll(polls.WORD)
        answer(polling, "word", ["hope", "kms", "hope", "tea", "hope"])
        qtbot.waitUntil(lambda: notice.showing, timeout=5000)
        assert notice.message.text() == ("An answer mentions suicide: see the guide’s "
                                         "safety protocol")
        qtbot.waitUntil(lambda: isinstance(polling.chart.results and polling.chart.results.tally,
                                           WordTally), timeout=5000)
        polling.chart.resize(1280, 720)
        polling.chart.grab()  # paint, as the projector would
        assert "hope" in polling.chart.drawn_text and "kms" not in polling.chart.drawn_text
        held = polling.console.moderation.held_rows()
        assert [row.property("risk") for row in held] == ["true"]  # listed for the facilitator
        assert not [b for row in held for b in row.findChildren(QPushButton)]  # no Show button
        # The guide's steps are one click away, and the notice stays until dismissed.
        notice.protocol_button.click()
        dialogs = [d for d in polling.console.findChildren(QDialog) if d.isVisible()]
        assert dialogs and dialogs[0].windowTitle() == "Safety protocol"
        dialogs[0].close()
        assert notice.showing
        notice.dismiss_button.click()
        assert not notice.showing
    finally:
        polling.stop()


def test_a_risky_open_text_answer_raises_the_notice_and_needs_a_confirm(qtbot: QtBot) -> None:
    polling = started(qtbot)
    try:
        notice = polling.console.risk_notice
        panel = polling.console.moderation
        polling.on_slide(session().slides[1])
        polling.chart.show_poll(polls.TEXT)
        answer(polling, "idea", ["More sleep", "I want to kill myself", "Peer groups"])
        qtbot.waitUntil(lambda: notice.showing and len(panel.item_rows()) == 3, timeout=5000)
        risky = [row for row in panel.item_rows() if row.property("risk") == "true"]
        assert len(risky) == 1
        show = next(b for b in risky[0].findChildren(QPushButton) if b.text() == "Show…")
        asked: list[str] = []
        panel.confirm = lambda text, risk: asked.append(f"{risk}: {text}") is not None and False
        show.click()  # the facilitator says No
        assert asked == ["suicide: I want to kill myself"]
        qtbot.wait(300)
        results = polling.bridge.results("idea")
        assert results is not None and isinstance(results.tally, TextTally)
        assert results.tally.approved == ()
        # Approve an ordinary answer, then withdraw it from the screen.
        ordinary = next(row for row in panel.item_rows() if row.property("risk") == "false")
        next(b for b in ordinary.findChildren(QPushButton) if b.text() == "Show").click()
        qtbot.waitUntil(lambda: len(panel.screen_rows()) == 1, timeout=5000)
        polling.chart.resize(1280, 720)
        polling.chart.grab()
        assert "More sleep" in polling.chart.drawn_text
        panel.screen_rows()[0].findChild(QPushButton).click()  # Withdraw
        qtbot.waitUntil(lambda: not panel.screen_rows(), timeout=5000)
        polling.chart.grab()
        assert "More sleep" not in polling.chart.drawn_text
        assert "I want to kill myself" not in polling.chart.drawn_text
    finally:
        polling.stop()


def test_a_moderated_word_poll_projects_a_word_only_once_approved(qtbot: QtBot) -> None:
    polling = started(qtbot)
    try:
        panel = polling.console.moderation
        polling.on_slide(session().slides[2])
        polling.chart.show_poll(MODERATED)
        answer(polling, "words", ["dr smith sucks", "hope", "hope", "hope"])
        qtbot.waitUntil(lambda: len(panel.item_rows()) == 2, timeout=5000)
        assert polling.console.tabs.tabText(1) == "Answers to read (2)"
        polling.chart.resize(1280, 720)
        polling.chart.grab()
        assert "dr smith sucks" not in polling.chart.drawn_text
        assert "hope" not in polling.chart.drawn_text
        hope = next(row for row in panel.item_rows()
                    if row.findChild(QLabel, "moderation-text").text() == "hope (3)")
        next(b for b in hope.findChildren(QPushButton) if b.text() == "Show").click()
        qtbot.waitUntil(lambda: len(panel.screen_rows()) == 1, timeout=5000)
        polling.chart.grab()
        assert "hope" in polling.chart.drawn_text
        assert "dr smith sucks" not in polling.chart.drawn_text
    finally:
        polling.stop()
