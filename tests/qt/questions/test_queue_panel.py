"""The console's question queue, offscreen: pending first and flagged, plain text only,
buttons that carry the facilitator's decision back to a real question box."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from facilitator.core.questions.box import Limits, QuestionBox, QuestionState
from facilitator.qt.questions.queue_panel import QuestionQueue


def _texts(panel: QuestionQueue) -> list[str]:
    return [row.findChild(QLabel, "question-text").text() for row in panel.rows()]


def test_the_queue_moderates_a_real_box(qtbot: QtBot) -> None:
    box = QuestionBox(limits=Limits(seconds_between=0))
    box.ask("a", "<b>How</b> long is the break?")
    box.ask("b", "Sometimes I think about suicide")
    panel = QuestionQueue()
    qtbot.addWidget(panel)
    panel.decided.connect(lambda qid, state: box.decide(qid, QuestionState(state)))
    box.add_listener(lambda: panel.updated.emit(box.snapshot()))
    panel.set_questions(box.snapshot())
    assert _texts(panel) == ["<b>How</b> long is the break?", "Sometimes I think about suicide"]
    assert panel.summary.text() == "2 to read (1 mention risk) · 2 asked"
    flagged = panel.rows()[1].findChild(QLabel, "question-state").text()
    assert flagged.startswith("mentions risk")
    buttons = {b.text(): b for b in panel.rows()[0].findChildren(QPushButton)}
    buttons["Approve"].click()
    qtbot.waitUntil(lambda: box.get("q1").state is QuestionState.APPROVED)
    buttons = {b.text(): b for b in panel.rows()[0].findChildren(QPushButton)}
    assert set(buttons) == {"Approve", "Hold back"}  # q2 is pending: it is first now
    buttons["Hold back"].click()
    qtbot.waitUntil(lambda: box.get("q2").state is QuestionState.REJECTED)
    qtbot.waitUntil(lambda: _texts(panel)[0] == "<b>How</b> long is the break?")
    buttons = {b.text(): b for b in panel.rows()[0].findChildren(QPushButton)}
    buttons["Answer now"].click()
    qtbot.waitUntil(lambda: box.answering is not None)
    assert "answering now" in panel.rows()[0].findChild(QLabel, "question-state").text()
