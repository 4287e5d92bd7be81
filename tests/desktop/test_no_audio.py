"""Audio is optional: with QtMultimedia unavailable the whole app starts, runs a prompt
timer to zero (the countdown flashes), says so once, and quits cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.paths import python_path

SESSION = """\
---
title: No sound here
region: us
---

# Warm-up (5 min)

## Welcome

Nothing to see yet.

## Talk about it

```prompt
text: What did you notice this week?
format: pairs
duration: 2s
```
"""

# Run in a fresh interpreter: the import blocker must be in place before anything loads Qt.
DRIVER = """\
import importlib.abc
import sys


class NoMultimedia(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.startswith("PySide6.QtMultimedia"):
            raise ImportError(f"{name} is blocked for this test")
        return None


sys.meta_path.insert(0, NoMultimedia())

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from facilitator.__main__ import main
from facilitator.desktop import desktop_app

shown = desktop_app.DesktopApp.finish_start  # the app is up: windows, then phones


def show(self):
    shown(self)
    self.state.chimed.connect(lambda kind: print(f"chimed {kind} flashing={self.state.flashing}",
                                                 flush=True))
    self.state.go_to_number(2)
    QTest.keyClick(self.presenter.console, Qt.Key.Key_T)  # start the prompt's 2 s timer
    QTimer.singleShot(4000, self.presenter.end)


desktop_app.DesktopApp.finish_start = show
sys.exit(main(["run", sys.argv[1], "--host", "127.0.0.1", "--port", "0"]))
"""


def test_the_app_runs_a_timer_and_quits_cleanly_without_qtmultimedia(tmp_path: Path) -> None:
    session = tmp_path / "no-sound.md"
    session.write_text(SESSION, encoding="utf-8")
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": python_path()}
    done = subprocess.run([sys.executable, "-c", DRIVER, str(session)], env=environment,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "chimed finished flashing=True" in done.stdout  # the flash stands in for the sound
    assert done.stderr.count("No sound: the countdown flashes instead") == 1
    assert "PulseAudio" not in done.stderr
