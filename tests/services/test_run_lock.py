"""One process per live run: the lock names its live owner; a dead owner's lock is cleared."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator.services import run_lock
from facilitator.services.run_lock import RunLock


@pytest.fixture
def other_process() -> Iterator[int]:
    """The pid of another live process (stands in for a second window of the app)."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield process.pid
    process.kill()
    process.wait()


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_a_held_lock_names_this_process_and_is_released(tmp_path: Path) -> None:
    journal = tmp_path / "run.sqlite"
    lock = RunLock(journal)
    assert run_lock.holder(journal) is None
    assert lock.acquire()
    assert run_lock.holder(journal) == os.getpid()
    assert run_lock.lock_path(journal).read_text(encoding="ascii") == str(os.getpid())
    lock.release()
    assert run_lock.holder(journal) is None
    assert not run_lock.lock_path(journal).exists()
    assert [path.name for path in tmp_path.iterdir()] == []  # no stray files


def test_a_live_process_keeps_its_lock(tmp_path: Path, other_process: int) -> None:
    journal = tmp_path / "run.sqlite"
    run_lock.lock_path(journal).write_text(str(other_process), encoding="ascii")
    mine = RunLock(journal)
    assert not mine.acquire()
    assert run_lock.holder(journal) == other_process
    mine.release()  # never held: must not remove the other process's lock
    assert run_lock.holder(journal) == other_process


@pytest.mark.parametrize("content", ["dead", "", "not a pid\n"])
def test_a_stale_lock_from_a_crashed_process_is_cleared(tmp_path: Path, content: str) -> None:
    journal = tmp_path / "run.sqlite"
    text = str(dead_pid()) if content == "dead" else content
    run_lock.lock_path(journal).write_text(text, encoding="ascii")
    assert run_lock.holder(journal) is None
    assert not run_lock.lock_path(journal).exists()
    assert RunLock(journal).acquire()
    assert run_lock.holder(journal) == os.getpid()


def test_the_front_door_name_is_short_and_the_same_for_one_journal(tmp_path: Path) -> None:
    journal = tmp_path / ("a" * 200) / "run.sqlite"
    name = run_lock.front_door_name(journal)
    assert name == run_lock.front_door_name(journal)
    assert name != run_lock.front_door_name(tmp_path / "other.sqlite")
    assert len(name) < 40
