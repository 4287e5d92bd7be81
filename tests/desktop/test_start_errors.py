"""What a facilitator without a terminal sees when something is wrong at start: a window
listing a session file's mistakes (with "Open another file…"), the console naming an
ignored settings line, and Ctrl+O to open another session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from facilitator.cli import run_cmd
from facilitator.core.session.model import Session
from facilitator.desktop.desktop_app import DesktopApp
from facilitator.qt.dialogs.session_errors import SessionErrorsDialog
from facilitator.qt.presenter.keys import Action
from facilitator.services.assets import slide_file
from facilitator.services.settings import Settings
from tests.desktop.test_desktop_app import on_loopback
from tests.paths import python_path
from tests.qt.conftest import Screens

BROKEN = """\
---
title: Broken
---

# Part (5 min)

## A poll

```poll
id: p
question: Which?
type: single
options:
```
"""


def test_the_errors_window_lists_every_mistake_and_offers_another_file(
        qtbot: QtBot, tmp_path: Path) -> None:
    errors = [f"{tmp_path}/broken.md:9:1: poll p: a single poll needs options",
              f"{tmp_path}/broken.md:14:1: something else"]
    dialog = SessionErrorsDialog(tmp_path / "broken.md", errors)
    qtbot.addWidget(dialog)
    assert dialog.errors.toPlainText().splitlines() == errors
    assert dialog.open_button.text() == "Open another file…"
    assert dialog.windowTitle() == "broken.md cannot be presented"


def test_a_session_with_mistakes_opens_the_window_then_the_file_chosen_there(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.md"
    broken.write_text(BROKEN, encoding="utf-8")
    monkeypatch.setattr(run_cmd, "windows_can_show", lambda: True)
    shown: list[str] = []

    def choose_the_bundled_session() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SessionErrorsDialog)
        shown.append(dialog.errors.toPlainText())
        dialog.choose(slide_file())

    QTimer.singleShot(100, choose_the_bundled_session)
    session, path = run_cmd.checked_session(broken)
    assert session is not None and path == slide_file()
    assert shown and shown[0].startswith(f"{broken}:")  # FILE:LINE:COL: message
    assert f"{broken}:" in capsys.readouterr().err  # and on stderr, for a terminal


def test_without_a_visible_display_the_mistakes_go_to_stderr_only(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.md"
    broken.write_text(BROKEN, encoding="utf-8")
    assert not run_cmd.windows_can_show()  # offscreen: no window would be seen
    assert run_cmd.checked_session(broken) == (None, broken)
    assert capsys.readouterr().err.startswith(f"{broken}:")


SHOW_STATUS = """\
import sys
from PySide6.QtCore import QTimer
from facilitator.__main__ import main
from facilitator.desktop import desktop_app
shown = desktop_app.DesktopApp.finish_start  # the app is up: windows, then phones
def show(self):
    shown(self)
    print("STATUS " + self.presenter.console.status.text().replace("\\n", " | "), flush=True)
    names = [entry.name for entry in self.state.support.block(None).entries]
    print("SUPPORT " + " | ".join(names), flush=True)
    QTimer.singleShot(0, self.presenter.end)
desktop_app.DesktopApp.finish_start = show
sys.exit(main(["run", "--host", "127.0.0.1", "--port", "0"]))
"""


def test_the_console_names_the_ignored_settings_line_and_keeps_the_rest(
        tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text('theme = "light"\nchime = maybe\n\n[[local_resources]]\n'
                      'name = "Student counselling"\nphone = "555 0100"\n', encoding="utf-8")
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": python_path(),
                   "FACILITATOR_CONFIG": str(config)}
    done = subprocess.run([sys.executable, "-c", SHOW_STATUS], env=environment,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    status = next(line for line in done.stdout.splitlines() if line.startswith("STATUS "))
    assert f"{config}:2: ignored `chime = maybe` (not valid TOML" in status
    assert "Add your local services" not in status  # the good lines still count
    support = next(line for line in done.stdout.splitlines() if line.startswith("SUPPORT "))
    assert support.startswith("SUPPORT Student counselling")


def test_ctrl_o_asks_for_another_session_and_opens_it_in_a_new_window(
        qtbot: QtBot, bundled: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(port=0)
    app = DesktopApp(bundled, settings, screens=Screens(1),
                     polling=on_loopback(bundled, settings))
    qtbot.addWidget(app.presenter.console)
    qtbot.addWidget(app.presenter.projector)
    opened: list[Path] = []
    monkeypatch.setattr(app, "_open_in_new_process", opened.append)  # no second app here
    assert "Ctrl+O" in app.presenter.console.buttons[Action.OPEN].toolTip()
    dialogs: list[QFileDialog] = []
    real = app.open_session_dialog
    monkeypatch.setattr(app, "open_session_dialog", lambda: dialogs.append(real()))
    app.presenter.open_requested.disconnect()
    app.presenter.open_requested.connect(app.open_session_dialog)
    app.show()
    qtbot.keyClick(app.presenter.console, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    assert Path(dialogs[0].directory().absolutePath()) == slide_file().parent
    dialogs[0].fileSelected.emit(str(slide_file()))
    assert opened == [slide_file()]
    dialogs[0].close()
    app.presenter.end()
