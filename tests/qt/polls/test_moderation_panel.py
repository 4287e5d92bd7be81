"""The console's moderation queue: plain text only, approve/reject signals, threshold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from facilitator.core.polls.moderation import Decision
from facilitator.qt.polls.moderation_panel import ModerationPanel
from tests.qt.polls.helpers import open_box

XSS = "<img src=x onerror=alert(1)><b>bold</b>"


def test_queue_shows_count_only_below_threshold(qtbot: QtBot) -> None:
    box = open_box()
    box.submit("idea", "a", XSS)
    panel = ModerationPanel(box.results("idea"))
    qtbot.addWidget(panel)
    assert panel.item_rows() == []
    assert panel.summary.text().startswith("1 answers; the queue opens at 3")


def test_items_are_plain_text_and_decisions_are_signalled(qtbot: QtBot) -> None:
    box = open_box()
    for key, text in zip("abc", (XSS, "Peer groups", "Sleep"), strict=True):
        box.submit("idea", key, text)
    panel = ModerationPanel(box.results("idea"))
    qtbot.addWidget(panel)
    rows = panel.item_rows()
    assert len(rows) == 3
    label = rows[0].findChild(QLabel, "moderation-text")
    assert label is not None
    assert label.textFormat() is Qt.TextFormat.PlainText
    assert label.text() == XSS
    show = next(b for b in rows[0].findChildren(QPushButton) if b.text() == "Show")
    with qtbot.waitSignal(panel.decided) as signal:
        show.click()
    poll_id, item_id, approve = signal.args
    assert (poll_id, approve) == ("idea", True)
    box.moderate(poll_id, item_id, Decision.APPROVED)
    panel.set_results(box.results("idea"))
    assert len(panel.item_rows()) == 2
    assert panel.summary.text().startswith("2 to read · 1 on screen")
