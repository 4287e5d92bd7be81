"""kill -9 in the middle of a timed group prompt, then resume: the same prompt, the same
remaining time (within 2 s), the same groups for the phones, the agenda clock going on."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from facilitator.core.session.loader import load_session
from facilitator.desktop.launch import open_session_run
from facilitator.services.assets import slide_file
from tests.desktop.test_app_resume import make_app

ROOT = Path(__file__).resolve().parents[2]


def test_kill_9_mid_prompt_then_resume_keeps_prompt_timer_and_groups(qtbot: QtBot) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, "-m", "tests.desktop.crash_child",
                              str(slide_file())], cwd=ROOT, env=env, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        while line and not line.startswith("READY "):
            line = child.stdout.readline()
        assert line.startswith("READY "), child.stderr.read() if child.stderr else ""
        before = json.loads(line[len("READY "):])
        time.sleep(1.0)  # the countdown runs on while nothing is there to show it
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=10) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for pipe in (child.stdout, child.stderr):
            if pipe is not None:
                pipe.close()

    session = load_session(slide_file()).session
    assert session is not None
    run, problem = open_session_run(session, slide_file(), True, lambda _info: True)
    assert run is not None, problem
    assert str(run.journal.path) == before["journal"]
    app = make_app(qtbot, run)
    app.show()
    try:
        state = app.state
        assert state.index == before["slide"]  # the same prompt on the wall
        assert state.timer_slide == before["slide"]
        snapshot = state.timer_snapshot()
        assert snapshot is not None and state.timer is not None and state.timer.running
        expected = before["remaining"] - (time.time() - before["wall"])
        assert abs(snapshot.remaining - expected) <= 2.0, (snapshot.remaining, expected)
        assert not state.rehearsing and state.agenda.started  # the session goes on
        assert state.agenda.elapsed() >= 1.0
        plan = app.polling.service.room.groups
        assert plan is not None and dict(plan.members) == before["groups"]  # same groups
        bridge = app.polling.bridge  # what the projector banner and the phones are told
        qtbot.waitUntil(lambda: bridge.status is not None
                        and bridge.status.group_count == plan.count, timeout=5000)
    finally:
        app.presenter.end()
