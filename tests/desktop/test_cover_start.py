"""Starting the app: the cover first, the windows next, and the cover gone once they paint."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from facilitator.cli import run_cmd
from facilitator.qt.dialogs.session_errors import SessionErrorsDialog
from facilitator.qt.presenter.cover import open_cover
from facilitator.qt.style import DARK
from facilitator.services.assets import slide_file
from tests.desktop.test_start_errors import BROKEN
from tests.paths import python_path

# The app as `facilitator` starts it, with a look at the screen once it is up (the phone
# server started after the first paint): which top-level windows are visible then.
UP = """\
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from facilitator.__main__ import main
from facilitator.desktop import desktop_app
finish = desktop_app.DesktopApp.finish_start
def finish_start(self):
    finish(self)
    shown = sorted(type(widget).__name__ for widget in QApplication.topLevelWidgets()
                   if widget.isVisible())
    print("VISIBLE " + " ".join(shown), flush=True)
    QTimer.singleShot(0, self.presenter.end)
desktop_app.DesktopApp.finish_start = finish_start
sys.exit(main(["run", "--host", "127.0.0.1", "--port", "0"]))
"""

# The app as `facilitator` starts it, importing nothing else first: what is loaded when the
# cover is on screen (the benchmark hook ends the app after its first paint).
COVER_FIRST = """\
import sys
from facilitator.__main__ import main
from facilitator.qt.presenter import cover
opened = cover.open_cover
def open_cover(*args):
    shown = opened(*args)
    slow = [name for name in ("markdown_it", "aiohttp", "facilitator.core.session.loader")
            if name in sys.modules]
    print("LOADED AT COVER " + " ".join(slow), flush=True)
    return shown
cover.open_cover = open_cover
sys.exit(main(["run", "--host", "127.0.0.1", "--port", "0"]))
"""


def app_environment(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": python_path(),
            "FACILITATOR_CONFIG": str(tmp_path / "settings.toml"),
            "FACILITATOR_DATA": str(tmp_path / "data"),
            "FACILITATOR_EXIT_AFTER_FIRST_PAINT": "1"}


def test_the_cover_is_on_screen_before_the_session_is_parsed(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", COVER_FIRST], env=app_environment(tmp_path),
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    loaded = next(line for line in done.stdout.splitlines()
                  if line.startswith("LOADED AT COVER"))
    assert loaded == "LOADED AT COVER "  # neither the Markdown parser nor the web stack yet


def test_the_cover_paints_first_and_is_gone_once_the_app_is_up(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", UP], env=app_environment(tmp_path),
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    stamps = {line.split()[0]: float(line.split()[1]) for line in lines
              if line.startswith(("cover-paint ", "first-paint "))}
    assert stamps["cover-paint"] < stamps["first-paint"]  # the title came first
    visible = next(line for line in lines if line.startswith("VISIBLE ")).split()[1:]
    assert "Cover" not in visible
    assert "Console" in " ".join(visible)  # the console took its place
    assert any(line.startswith("Join: http://127.0.0.1:") for line in lines)


def test_a_broken_session_closes_the_cover_before_its_errors_window(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "broken.md"
    broken.write_text(BROKEN, encoding="utf-8")
    cover = open_cover(broken, DARK)  # its front matter has a title: the cover shows
    assert cover is not None and cover.isVisible()
    qtbot.addWidget(cover)
    monkeypatch.setattr(run_cmd, "windows_can_show", lambda: True)
    seen: list[bool] = []

    def look_then_choose() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SessionErrorsDialog)
        seen.append(cover.isVisible())
        dialog.choose(slide_file())

    QTimer.singleShot(100, look_then_choose)
    session, path = run_cmd.checked_session(broken, cover)
    assert session is not None and path == slide_file()
    assert seen == [False]  # the errors window never sits behind a title card


def test_the_first_paint_watcher_runs_once_on_the_paint_or_else_on_the_fallback(
        qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    from facilitator.desktop.first_paint import _FirstPaint

    shown, hidden = QWidget(), QWidget()
    qtbot.addWidget(shown)
    qtbot.addWidget(hidden)
    painted: list[bool] = []
    fell_back: list[bool] = []
    watch_shown = _FirstPaint([shown], painted.append, fallback_ms=60_000)
    watch_hidden = _FirstPaint([hidden], fell_back.append, fallback_ms=50)  # never painted
    shown.show()
    qtbot.waitUntil(lambda: painted == [True] and fell_back == [False], timeout=5000)
    shown.repaint()
    qtbot.wait(100)
    assert painted == [True] and fell_back == [False]  # once each, never again
    assert watch_shown is not None and watch_hidden is not None
