"""The real start and end questions (the key tests answer in their place): each button
gives its choice, Enter after a stray Ctrl+Q cancels, and the wording names each choice."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from facilitator.qt.presenter.confirm import EndChoice, StartChoice, ask_end, ask_start


def answer(button_text: str, seen: list[QMessageBox]) -> None:
    """Once the modal box is up: note it, then press the button with this text ("" : the
    default button, as Enter would)."""
    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        seen.append(box)
        buttons = {b.text(): b for b in box.findChildren(QPushButton)}
        (buttons[button_text] if button_text else box.defaultButton()).click()
    QTimer.singleShot(50, press)


def asked(qtbot: QtBot, question: Callable[[], object], button_text: str
          ) -> tuple[object, QMessageBox]:
    seen: list[QMessageBox] = []
    answer(button_text, seen)
    choice = question()
    assert len(seen) == 1
    return choice, seen[0]


@pytest.mark.parametrize("button, choice", [
    ("End session", EndChoice.END), ("Close, resume later", EndChoice.KEEP_OPEN),
    ("Cancel", EndChoice.CANCEL), ("", EndChoice.CANCEL)])
def test_end_question_buttons(qtbot: QtBot, button: str, choice: EndChoice) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    got, box = asked(qtbot, lambda: ask_end(parent, rehearsing=False), button)
    assert got is choice
    text = box.informativeText()
    paragraphs = text.split("\n\n")
    assert [p.split(":")[0] for p in paragraphs] == ["End session", "Close, resume later"]
    assert "resume" in paragraphs[1] and "Past runs" in paragraphs[0]
    assert "`" not in text


def test_end_question_in_rehearsal_has_nothing_to_resume(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    got, box = asked(qtbot, lambda: ask_end(parent, rehearsing=True), "End session")
    assert got is EndChoice.END
    assert {b.text() for b in box.findChildren(QPushButton)} == {"End session", "Cancel"}
    assert "rehearsal" in box.informativeText() and "not kept" in box.informativeText()


@pytest.mark.parametrize("away, button, choice", [
    (True, "Start on this slide", StartChoice.FROM_HERE),
    (True, "Start from slide 1", StartChoice.FROM_FIRST),
    (False, "", StartChoice.FROM_FIRST),
    (True, "Keep rehearsing", StartChoice.CANCEL)])
def test_start_question_buttons(qtbot: QtBot, away: bool, button: str,
                                choice: StartChoice) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    got, box = asked(qtbot, lambda: ask_start(parent, away), button)
    assert got is choice
    assert ("Start on this slide" in {b.text() for b in box.findChildren(QPushButton)}) is away
