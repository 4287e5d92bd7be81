"""One process per run: a second start never shares a live run; declining a resume retires
the run offered; a start that fails before the first slide leaves no run behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from facilitator.core.runs.catalogue import list_runs
from facilitator.core.runs.journal_reads import RunInfo
from facilitator.core.session.loader import load_session
from facilitator.core.session.model import Session
from facilitator.desktop import desktop_app, launch
from facilitator.desktop.front_door import FrontDoor, knock
from facilitator.desktop.launch import AlreadyRunning, open_session_run
from facilitator.qt.dialogs.already_running import (
    CANCEL,
    FRONT,
    NEW,
    already_running_box,
    choice,
)
from facilitator.services import run_lock
from facilitator.services.assets import slide_file
from facilitator.services.run_journal import runs_folder
from facilitator.services.settings import Settings
from tests.paths import python_path


@pytest.fixture
def session() -> Session:
    loaded = load_session(slide_file()).session
    assert loaded is not None
    return loaded


@pytest.fixture
def other_process() -> Iterator[int]:
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield process.pid
    process.kill()
    process.wait()


def never(run: RunInfo) -> bool:
    raise AssertionError(f"a live run must not be offered for resume: {run.path}")


def live_run(session: Session, pid: int) -> Path:
    """A run another process is recording right now: started, not finished, locked."""
    run, _problem = open_session_run(session, slide_file(), False, never)
    assert run is not None
    run.journal.close()
    run_lock.lock_path(run.journal.path).write_text(str(pid), encoding="ascii")
    return run.journal.path


def test_a_live_run_is_never_resumed_a_separate_run_starts_instead(
        session: Session, other_process: int) -> None:
    live = live_run(session, other_process)
    asked: list[Path] = []

    def running(run: RunInfo) -> str:
        asked.append(run.path)
        return NEW

    second, problem = open_session_run(session, slide_file(), False, never, running)
    assert second is not None and problem == ""
    assert asked == [live]
    assert second.journal.path != live
    second.journal.close()
    # Even `run --resume` asks rather than picking up the other window's run.
    for answer in (FRONT, CANCEL):
        with pytest.raises(AlreadyRunning) as raised:
            open_session_run(session, slide_file(), True, never, lambda _run, a=answer: a)
        assert raised.value.journal == live and raised.value.choice == answer


def test_once_its_process_is_gone_the_run_is_offered_for_resume(session: Session) -> None:
    crashed = subprocess.Popen([sys.executable, "-c", "pass"])
    crashed.wait()
    live = live_run(session, crashed.pid)  # the lock of a crashed process
    offered: list[Path] = []

    def ask(run: RunInfo) -> bool:
        offered.append(run.path)
        return True

    resumed, _problem = open_session_run(session, slide_file(), False, ask)
    assert resumed is not None and resumed.journal.path == live and offered == [live]
    resumed.journal.close()
    assert not run_lock.lock_path(live).exists()  # the stale lock was cleared


def test_start_a_new_run_retires_the_interrupted_run_it_was_offered(session: Session) -> None:
    crashed, _problem = open_session_run(session, slide_file(), False, never)
    assert crashed is not None
    crashed.journal.close()
    offered: list[Path] = []

    def decline(run: RunInfo) -> bool:
        offered.append(run.path)
        return False

    fresh, _problem = open_session_run(session, slide_file(), False, decline)
    assert fresh is not None and offered == [crashed.journal.path]
    fresh.journal.finish()
    fresh.journal.close()
    third, _problem = open_session_run(session, slide_file(), False, never)  # not offered
    assert third is not None
    third.journal.finish()
    third.journal.close()
    statuses = {run.path: (run.status, run.retired) for run in list_runs(runs_folder())}
    assert statuses[crashed.journal.path] == ("interrupted", True)  # listed, kept


def test_a_start_that_fails_before_the_first_slide_leaves_no_run(
        qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_self: object) -> None:
        raise RuntimeError("the projector could not open")

    monkeypatch.setattr(desktop_app.DesktopApp, "show_windows", broken)
    with pytest.raises(RuntimeError):
        launch.run(session, Settings(port=0), file=slide_file(), host="127.0.0.1")
    assert list_runs(runs_folder()) == []
    assert not any(runs_folder().glob("*.lock"))


BROKEN_AFTER_PAINT = """\
import sys
from facilitator.__main__ import main
from facilitator.desktop.polling import DesktopPolling
def broken(self, host=None):
    raise ImportError("No module named 'aiohttp'")  # a broken install
DesktopPolling.start = broken
sys.exit(main(["run", "--host", "127.0.0.1", "--port", "0"]))
"""


def test_a_start_that_fails_after_the_first_paint_ends_fails_and_leaves_no_run(
        tmp_path: Path) -> None:
    # The phone server starts after the first paint, inside Qt's loop, where an exception
    # would only be printed: the session must end and the command fail as before. (A
    # process of its own: the app's loop quits the QApplication at the end.)
    data = tmp_path / "data"
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": python_path(),
                   "FACILITATOR_CONFIG": str(tmp_path / "settings.toml"),
                   "FACILITATOR_DATA": str(data)}
    done = subprocess.run([sys.executable, "-c", BROKEN_AFTER_PAINT], env=environment,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode != 0
    assert "ImportError: No module named 'aiohttp'" in done.stderr
    assert "Join:" not in done.stdout
    assert not list((data / "runs").glob("*.sqlite"))  # the new run was discarded
    assert not list((data / "runs").glob("*.lock"))


def test_the_front_door_raises_the_windows_of_the_live_run(qtbot: QtBot,
                                                            tmp_path: Path) -> None:
    knocks: list[str] = []
    name = run_lock.front_door_name(tmp_path / "run.sqlite")
    door = FrontDoor(name, lambda: knocks.append("front"))
    assert door.listening
    assert knock(name)
    qtbot.waitUntil(lambda: knocks == ["front"], timeout=3000)
    door.close()
    assert not knock(name)  # nobody there any more


def test_the_already_running_dialog_offers_front_new_and_cancel(qtbot: QtBot,
                                                                session: Session) -> None:
    info = RunInfo(Path("r.sqlite"), "r", session.title, "h", "", 0.0, None, False, 11)
    box = already_running_box(info)
    qtbot.addWidget(box)
    assert box.text() == "This session is already running in another window"
    labels = {button.text(): button for button in box.buttons()}
    assert {"Bring it to the front", "Start a separate new run"} <= set(labels)
    box.show()
    labels["Start a separate new run"].click()
    assert choice(box) == NEW
    box = already_running_box(info)
    qtbot.addWidget(box)
    box.show()
    labels = {button.text(): button for button in box.buttons()}
    labels["Bring it to the front"].click()
    assert choice(box) == FRONT


# The second start runs in its own process, as a facilitator's double-click would.
SECOND_START = """\
import sys
from facilitator.__main__ import main
from facilitator.desktop import launch
launch.ask_already_running = lambda run, parent=None: "front"
sys.exit(main(["run", sys.argv[1], "--host", "127.0.0.1", "--port", "0"]))
"""
FIRST_START = """\
import sys
from facilitator.__main__ import main
from facilitator.desktop import desktop_app
raise_windows = desktop_app.DesktopApp.bring_to_front
def bring_to_front(self):
    print("brought to the front", flush=True)
    raise_windows(self)
desktop_app.DesktopApp.bring_to_front = bring_to_front
sys.exit(main(["run", sys.argv[1], "--host", "127.0.0.1", "--port", "0"]))
"""


def test_a_second_start_brings_the_first_to_the_front_and_starts_nothing() -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": python_path()}
    file = str(slide_file())
    first = subprocess.Popen([sys.executable, "-c", FIRST_START, file], env=environment,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert first.stdout is not None
        assert first.stdout.readline().startswith("Join: http://127.0.0.1:")
        (live,) = list_runs(runs_folder())
        assert run_lock.holder(live.path) == first.pid
        second = subprocess.run([sys.executable, "-c", SECOND_START, file], env=environment,
                                capture_output=True, text=True, timeout=120, check=False)
        assert second.returncode == 0, second.stderr
        assert ("This session is already running in another window: brought it to the front"
                in second.stderr)
        assert "Join:" not in second.stdout  # no second server, no second run
        assert first.stdout.readline().strip() == "brought to the front"
        assert [run.path for run in list_runs(runs_folder())] == [live.path]
    finally:
        first.send_signal(signal.SIGTERM)  # ends the session properly
        out, err = first.communicate(timeout=60)
    assert first.returncode == 0, err
    # It opened in rehearsal and was never started: it says so on the way out.
    assert "Rehearsal ended: nothing was timed" in out
    (run,) = list_runs(runs_folder())
    assert run.status == "finished"
    assert run_lock.holder(run.path) is None


def test_serve_never_resumes_a_run_another_process_is_recording(
        session: Session, other_process: int) -> None:
    live = live_run(session, other_process)
    environment = {**os.environ, "PYTHONPATH": python_path()}
    done = subprocess.run([sys.executable, "-m", "facilitator", "serve", str(slide_file()),
                           "--host", "127.0.0.1", "--port", "0", "--resume"],
                          env=environment, capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 1
    assert "This session is already running in another window" in done.stderr
    assert "Join:" not in done.stdout and "Traceback" not in done.stderr
    assert run_lock.holder(live) == other_process  # the other process keeps its run
