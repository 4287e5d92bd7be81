"""The projector's answering banner, offscreen: only a question being answered appears,
large, over the top of the window; pending text never does. Rendered to PNG to look at."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from facilitator.core.questions.box import Limits, QuestionBox, QuestionState
from facilitator.qt.questions.answering_banner import AnsweringBanner
from facilitator.qt.questions.queue_panel import QuestionQueue


def test_only_the_question_being_answered_reaches_the_projector(
        qtbot: QtBot, tmp_path: Path) -> None:
    projector = QWidget()
    qtbot.addWidget(projector)
    projector.resize(1366, 768)
    banner = AnsweringBanner(projector)
    queue = QuestionQueue()
    qtbot.addWidget(queue)
    queue.updated.connect(banner.set_questions)
    box = QuestionBox(limits=Limits(seconds_between=0))
    box.add_listener(lambda: queue.updated.emit(box.snapshot()))
    queue.toggle_requested.connect(box.toggle_answering)
    box.ask("a", "Pending text that must not be projected")
    box.ask("b", "How do I notice numbness before it shows in how I treat patients?")
    assert banner.isHidden() and not queue.toggle_button.isEnabled()
    box.decide("q2", QuestionState.APPROVED)
    assert banner.isHidden()
    queue.toggle_button.click()  # the top approved question goes up
    assert box.answering is not None and box.answering.id == "q2"
    projector.show()
    assert banner.isVisible()
    assert banner.text() == ("Question from the room: How do I notice numbness before it "
                             "shows in how I treat patients?")
    assert banner.geometry().width() == 1366 and banner.font().pixelSize() >= 28
    assert queue.toggle_button.text() == "Stop answering"
    projector.grab().save(str(tmp_path / "answering.png"))
    queue.toggle_button.click()
    assert box.answering is None and banner.isHidden()
    assert "Pending" not in banner.text()
