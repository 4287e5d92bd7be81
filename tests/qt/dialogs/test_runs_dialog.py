"""The past-runs dialog on real journals: resume, export, archive, delete."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from facilitator.core.runs.catalogue import list_runs
from facilitator.core.runs.journal import Journal
from facilitator.qt.dialogs.runs_dialog import RunsDialog


def make_runs(folder: Path) -> tuple[Path, Path]:
    clock = iter(float(t) for t in range(1_800_000_000, 1_800_000_100))
    finished = Journal.create(
        folder, session_hash="h", title="Monday group", clock=lambda: next(clock)
    )
    finished.record_answer("numb", "phone", "often")
    finished.finish()
    finished.close()
    crashed = Journal.create(
        folder, session_hash="h", title="Tuesday group", clock=lambda: next(clock),
        source="/home/me/sessions/tuesday-draft.md",
    )
    crashed.record_answer("numb", "phone", "<b>bold</b>")
    crashed.close()
    return finished.path, crashed.path


def test_lists_runs_and_resumes_the_interrupted_one(qtbot: QtBot, tmp_path: Path) -> None:
    finished, crashed = make_runs(tmp_path)
    dialog = RunsDialog(tmp_path, session_hash="h")
    qtbot.addWidget(dialog)
    table = dialog.table
    assert table.rowCount() == 2
    assert [table.item(row, 1).text() for row in range(2)] == ["Tuesday group", "Monday group"]
    # The session file tells two runs of one title apart (an imported draft and its final).
    assert [table.item(row, 2).text() for row in range(2)] == ["tuesday-draft.md", ""]
    assert [table.item(row, 3).text() for row in range(2)] == ["interrupted", "finished"]
    assert dialog.resume_button.isEnabled()
    dialog.select(finished)
    assert not dialog.resume_button.isEnabled()
    dialog.select(crashed)
    qtbot.mouseClick(dialog.resume_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.resume_path == crashed


def test_a_run_of_another_file_is_not_offered_for_resume(qtbot: QtBot, tmp_path: Path) -> None:
    make_runs(tmp_path)
    dialog = RunsDialog(tmp_path, session_hash="another file")
    qtbot.addWidget(dialog)
    assert not dialog.resume_button.isEnabled()
    assert dialog.export_button.isEnabled()


def test_export_writes_json(qtbot: QtBot, tmp_path: Path) -> None:
    _, crashed = make_runs(tmp_path / "runs")
    target = tmp_path / "out.json"
    suggested: list[str] = []

    def ask(_: QWidget, name: str) -> Path:
        suggested.append(name)
        return target

    dialog = RunsDialog(tmp_path / "runs", ask_save_path=ask)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert suggested == [crashed.name.replace(".run.sqlite", ".json")]
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["title"] == "Tuesday group"
    assert data["polls"]["numb"]["answers"] == ["<b>bold</b>"]


def test_archive_and_delete_ask_first(qtbot: QtBot, tmp_path: Path) -> None:
    finished, _ = make_runs(tmp_path)
    answers = iter([False, True, True])
    questions: list[str] = []

    def confirm(_: QWidget, question: str) -> bool:
        questions.append(question)
        return next(answers)

    dialog = RunsDialog(tmp_path, confirm=confirm)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)  # declined
    assert dialog.table.rowCount() == 2
    qtbot.mouseClick(dialog.archive_button, Qt.MouseButton.LeftButton)
    assert dialog.table.item(0, 3).text() == "archived"
    assert not dialog.archive_button.isEnabled() and not dialog.resume_button.isEnabled()
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert [run.path for run in list_runs(tmp_path)] == [finished]
    assert dialog.table.rowCount() == 1
    assert "Tuesday group" in questions[0]


def test_no_runs_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = RunsDialog(tmp_path / "nothing-yet")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty.isVisible() and not dialog.table.isVisible()
    assert not dialog.export_button.isEnabled()
