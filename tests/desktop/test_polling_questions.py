"""Questions inside the desktop app: a phone asks over HTTP, the console's Questions tab
shows it, its buttons decide on the server's loop, the projector banner follows."""

from __future__ import annotations

import json
import urllib.request
from http.cookiejar import CookieJar

from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from facilitator.core.questions.box import QuestionState
from facilitator.desktop.polling import DesktopPolling
from facilitator.services.settings import Settings
from tests.desktop.test_polling import LOOPBACK, session


def _ask(join_url: str, text: str) -> int:
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    opener.open(join_url, timeout=5).read()
    base = join_url.split("/j/")[0]
    request = urllib.request.Request(base + "/api/questions", data=json.dumps(
        {"text": text}).encode(), headers={"Content-Type": "application/json", "Origin": base})
    with opener.open(request, timeout=5) as response:
        return int(response.status)


def test_a_phone_question_reaches_the_console_and_the_projector(qtbot: QtBot) -> None:
    polling = DesktopPolling(session(), Settings(port=0), interfaces=lambda: [LOOPBACK])
    qtbot.addWidget(polling.console)
    projector = QWidget()
    qtbot.addWidget(projector)
    projector.resize(1280, 720)
    banner = polling.add_question_banner(projector)
    tabs = [polling.console.tabs.tabText(i) for i in range(polling.console.tabs.count())]
    assert "Q&&A" in tabs  # shown as "Q&A"
    assert polling.start() == ""
    try:
        assert _ask(polling.join_url, "What if I feel nothing at all?") == 200
        queue = polling.questions
        qtbot.waitUntil(lambda: len(queue.rows()) == 1, timeout=5000)
        buttons = {b.text(): b for b in queue.rows()[0].findChildren(QPushButton)}
        buttons["Approve"].click()
        box = polling.service.questions
        server = polling.service.server
        assert server is not None
        qtbot.waitUntil(lambda: server.call(lambda: box.get("q1").state).result(5)
                        is QuestionState.APPROVED, timeout=5000)
        qtbot.waitUntil(lambda: queue.toggle_button.isEnabled(), timeout=5000)
        queue.toggle_button.click()
        projector.show()
        qtbot.waitUntil(lambda: banner.isVisible(), timeout=5000)
        assert banner.text().endswith("What if I feel nothing at all?")
    finally:
        polling.stop()
