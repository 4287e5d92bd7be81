"""Every dialog the console opens is readable: each visible label's and button's text
reaches 4.5:1 against what it is drawn on, measured on an offscreen grab. The console's
own style sheet (light text for its dark window) used to cascade into them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from facilitator.core.session.model import Session
from facilitator.desktop.desktop_app import DesktopApp
from facilitator.qt.presenter.keys import Action
from tests.desktop.test_app_polls import POLL_SLIDE, make_app
from tests.qt.polls.test_bridge import vote
from tests.qt.readability import texts_measured, unreadable_texts


def check(window: QWidget, qtbot: QtBot, shot: str = "") -> None:
    window.show()
    qtbot.waitExposed(window)
    if shot:  # for a person to look at: FACILITATOR_SHOTS=folder pytest ...
        import os
        folder = os.environ.get("FACILITATOR_SHOTS")
        if folder:
            window.grab().save(str(Path(folder) / f"{shot}.png"))
    assert texts_measured(window) >= 2
    assert unreadable_texts(window) == []
    # It fits a 1280x720 laptop with a title bar and a panel (the print dialog was 760).
    assert window.width() <= 1280 and window.height() <= 680, window.size()


@pytest.fixture
def app(qtbot: QtBot, sample: Session) -> DesktopApp:
    made = make_app(qtbot, sample)
    made.show()
    yield made
    made.presenter.end()


def test_shortcut_sheet(qtbot: QtBot, app: DesktopApp) -> None:
    app.presenter.perform(Action.SHORTCUTS)
    assert app.presenter.sheet is not None
    check(app.presenter.sheet, qtbot, "shortcut_sheet")


def test_print_dialog_before_and_after_saving(qtbot: QtBot, app: DesktopApp,
                                              tmp_path: Path) -> None:
    dialog = app.open_print_dialog()
    check(dialog, qtbot, "print_dialog")
    assert dialog.save_to(tmp_path)
    assert dialog.message.text().startswith("Saved ")
    check(dialog, qtbot, "print_dialog_saved")
    # The file dialog Qt draws itself (no native one on this platform). Qt's own print
    # dialog is not shown here: without a print system it crashes offscreen.
    files = QFileDialog(dialog, "Save PDFs to folder")
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    check(files, qtbot, "file_dialog")
    files.close()


def test_import_and_runs_dialogs(qtbot: QtBot, app: DesktopApp) -> None:
    check(app.open_import_dialog(), qtbot, "import_dialog")
    check(app.open_runs_dialog(), qtbot, "runs_dialog")


def test_reset_poll_confirmation(qtbot: QtBot, app: DesktopApp) -> None:
    polling = app.polling
    app.state.go_to_number(POLL_SLIDE)
    qtbot.waitUntil(lambda: polling.console.open_button.text() == "Close poll", timeout=5000)
    assert polling.service.server is not None
    assert vote(polling.service.server, "room-check", "o1") == 200
    qtbot.waitUntil(lambda: polling.bridge.current_results() is not None
                    and polling.bridge.current_results().responses == 1, timeout=5000)
    seen: list[list[str]] = []

    def measure() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, measure)
            return
        seen.append(unreadable_texts(box) if texts_measured(box) >= 2 else ["nothing measured"])
        box.close()

    QTimer.singleShot(0, measure)
    polling.console.reset_button.click()
    assert seen == [[]]
