"""The run journal: durable answers, resume state, privacy of the dedupe key, past runs."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from facilitator.core.polls.moderation import Decision
from facilitator.core.polls.snapshot import PollState, PollStatus
from facilitator.core.runs.catalogue import delete_run, export_run, latest_interrupted, list_runs
from facilitator.core.runs.journal import Journal, JournalError, file_hash
from facilitator.core.runs.schema import JournalWriteError
from tests.disk_full import disk_full


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def new_journal(folder: Path, clock: Clock, title: str = "Numb in medicine") -> Journal:
    return Journal.create(folder, session_hash=file_hash(b"session"), title=title, clock=clock)


def test_state_round_trips_through_a_reopen(tmp_path: Path, clock: Clock) -> None:
    journal = new_journal(tmp_path, clock)
    journal.record_slide(7)
    journal.record_device("dev-a")
    journal.record_poll_state("mood", PollState(PollStatus.OPEN))
    journal.record_poll_state("idea", PollState(PollStatus.OPEN))
    journal.record_poll_state("idea", PollState(PollStatus.CLOSED, hidden=True, locked=True))
    journal.record_current("mood")
    journal.record_answer("mood", "dev-a", "o1")
    journal.record_answer("mood", "dev-b", "o2")
    journal.record_answer("mood", "dev-a", "o3")  # change of answer
    journal.record_answer("gut", "dev-a", (("o1", 2), ("o2", 5)))
    journal.record_answer("idea", "dev-a", "rest")
    journal.record_answer("idea", "dev-b", "sleep")
    journal.record_moderation("idea", "dev-b", Decision.APPROVED)
    journal.record_moderation("idea", "dev-a", Decision.REJECTED)
    journal.close()

    with Journal.open(journal.path, clock=clock) as again:
        state = again.state()
    assert state.slide == 7 and state.current == "mood"
    assert state.polls == {
        "mood": PollState(PollStatus.OPEN),
        "idea": PollState(PollStatus.CLOSED, hidden=True, locked=True),
    }
    assert state.answers["mood"] == {"dev-b": "o2", "dev-a": "o3"}
    assert state.answers["gut"] == {"dev-a": {"o1": 2, "o2": 5}}
    assert state.decisions == [
        ("idea", "dev-b", Decision.APPROVED),
        ("idea", "dev-a", Decision.REJECTED),
    ]
    assert state.devices == ["dev-a"]


def test_a_changed_text_answer_waits_for_moderation_again(tmp_path: Path, clock: Clock) -> None:
    journal = new_journal(tmp_path, clock)
    journal.record_answer("idea", "dev", "rest")
    journal.record_moderation("idea", "dev", Decision.APPROVED)
    journal.record_answer("idea", "dev", "something else")
    assert journal.state().decisions == []
    assert journal.export()["polls"]["idea"]["approved"] == []


def test_room_secrets_outlive_a_reopen_and_die_with_the_archive(
    tmp_path: Path, clock: Clock
) -> None:
    journal = new_journal(tmp_path, clock)
    assert journal.room_secret("token", lambda: "secret-token") == "secret-token"
    journal.close()
    with Journal.open(journal.path) as again:
        assert again.room_secret("token", lambda: "another") == "secret-token"
        again.archive()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert b"secret-token" not in raw


def test_pseudonyms_differ_between_runs_and_hide_the_cookie(tmp_path: Path, clock: Clock) -> None:
    first, second = new_journal(tmp_path, clock), new_journal(tmp_path, clock)
    assert first.pseudonym("cookie") == first.pseudonym("cookie")
    assert first.pseudonym("cookie") != second.pseudonym("cookie")
    assert "cookie" not in first.pseudonym("cookie")


def test_archive_destroys_the_secret_and_pseudonyms(tmp_path: Path, clock: Clock) -> None:
    journal = new_journal(tmp_path, clock)
    pseudonym = journal.pseudonym("cookie")
    journal.record_device(pseudonym)
    journal.record_answer("mood", pseudonym, "o1")
    journal.archive()
    with pytest.raises(JournalError, match="archived"):
        journal.pseudonym("cookie")
    journal.close()
    db = sqlite3.connect(journal.path)
    assert db.execute("SELECT count(*) FROM secret").fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM device").fetchone() == (0,)
    assert db.execute("SELECT device, value FROM answer").fetchall() == [(None, '"o1"')]
    db.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert pseudonym.encode() not in raw
    (run,) = list_runs(tmp_path)
    assert run.status == "archived" and run.answers == 1


def test_answer_is_on_disk_when_the_call_returns(tmp_path: Path, clock: Clock) -> None:
    """A second process sees the answer at once: nothing waits in a buffer for a commit."""
    journal = new_journal(tmp_path, clock)
    journal.record_answer("numb", "phone", "often")
    script = textwrap.dedent(
        f"""
        import sqlite3
        db = sqlite3.connect({str(journal.path)!r})
        print(db.execute("SELECT value FROM answer").fetchall())
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == """[('"often"',)]"""
    journal.close()


def test_answers_survive_kill_9(tmp_path: Path) -> None:
    """The writer is killed without closing anything; every returned write is kept."""
    script = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from facilitator.core.runs.journal import Journal
        journal = Journal.create(Path({str(tmp_path)!r}), session_hash="h", title="t")
        for i in range(200):
            journal.record_answer("numb", f"phone-{{i}}", i)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert result.returncode == -9
    (run,) = list_runs(tmp_path)
    assert run.status == "interrupted"
    with Journal.open(run.path) as journal:
        values = sorted(journal.state().answers["numb"].values())
    assert values == list(range(200))


def test_reset_forgets_a_polls_answers(tmp_path: Path, clock: Clock) -> None:
    journal = new_journal(tmp_path, clock)
    journal.record_answer("word", "dev", "numb")
    journal.record_answer("other", "dev", "x")
    journal.record_reset("word")
    assert journal.state().answers == {"other": {"dev": "x"}}


def test_export_has_answers_timing_and_no_pseudonyms(tmp_path: Path, clock: Clock) -> None:
    journal = new_journal(tmp_path, clock)
    pseudonym = journal.pseudonym("cookie")
    journal.record_poll_state("numb", PollState(PollStatus.OPEN))
    journal.record_answer("numb", pseudonym, "<script>alert(1)</script>")
    journal.record_moderation("numb", pseudonym, Decision.APPROVED)
    journal.record_timing("section", "Opening")
    journal.close()
    text = export_run(journal.path)
    data = json.loads(text)
    assert data["polls"]["numb"] == {
        "status": "open",
        "answers": ["<script>alert(1)</script>"],
        "approved": ["<script>alert(1)</script>"],
        "count": 1,
    }
    assert data["timing"][0]["event"] == "section"
    assert data["status"] == "interrupted"
    assert pseudonym not in text


def test_list_resume_and_delete(tmp_path: Path, clock: Clock) -> None:
    older = new_journal(tmp_path, clock, "older")
    older.finish()
    newer = new_journal(tmp_path, clock, "newer")
    newer.record_answer("p", "phone", "o1")
    other = Journal.create(tmp_path, session_hash="other", title="other file", clock=clock)
    for journal in (older, newer, other):
        journal.close()
    (tmp_path / "junk.run.sqlite").write_bytes(b"not a database at all")

    runs = list_runs(tmp_path)
    assert [run.title for run in runs] == ["other file", "newer", "older"]
    assert [run.status for run in runs] == ["interrupted", "interrupted", "finished"]
    resumable = latest_interrupted(tmp_path, file_hash(b"session"))
    assert resumable is not None and resumable.title == "newer"

    delete_run(newer.path)
    assert not any(p.name.startswith(newer.path.name) for p in tmp_path.iterdir())
    assert [run.title for run in list_runs(tmp_path)] == ["other file", "older"]
    with pytest.raises(JournalError):
        delete_run(tmp_path / "settings.toml")


def test_open_refuses_what_is_not_a_journal(tmp_path: Path) -> None:
    with pytest.raises(JournalError, match="no such"):
        Journal.open(tmp_path / "missing.run.sqlite")
    junk = tmp_path / "junk.run.sqlite"
    junk.write_bytes(b"x" * 4096)
    with pytest.raises(JournalError, match="not a run journal"):
        Journal.open(junk)


def open_files(path: Path) -> int:
    """How many of this process's file descriptors point at `path` (Linux /proc)."""
    fds = Path("/proc/self/fd")
    return sum(1 for fd in fds.iterdir() if fd.resolve() == path.resolve())


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux /proc")
def test_a_database_that_is_not_a_journal_is_refused_and_let_go(tmp_path: Path) -> None:
    # Another program's SQLite file: it opens, then the first query fails. The refused file
    # must not stay open (on Windows an open file cannot be moved or deleted).
    other = tmp_path / "other.run.sqlite"
    with sqlite3.connect(other) as made:
        made.execute("CREATE TABLE notes (text TEXT)")
    made.close()
    with pytest.raises(JournalError, match="not a run journal"):
        Journal.open(other)
    assert open_files(other) == 0


def test_the_wal_is_checkpointed_off_the_writers_thread(tmp_path: Path) -> None:
    """The writer never checkpoints (no fsync on the server's loop); the checkpointer does."""
    journal = Journal.create(tmp_path, session_hash="h", title="t")
    main_file = journal.path.stat().st_size
    for index in range(300):
        journal.record_answer("numb", f"dev-{index}", "x" * 200)
    assert journal.path.stat().st_size == main_file  # 300 commits, none checkpointed inline
    deadline = time.monotonic() + 10
    while journal.path.stat().st_size <= main_file and time.monotonic() < deadline:
        time.sleep(0.05)  # the checkpointer runs on its own thread every second
    assert journal.path.stat().st_size > main_file
    journal.close()


def test_a_write_that_cannot_be_saved_is_an_oserror_and_keeps_nothing(
        tmp_path: Path, clock: Clock) -> None:
    journal = new_journal(tmp_path, clock)
    with disk_full(journal):
        with pytest.raises(JournalWriteError) as failed:
            journal.record_device("phone-1")
        with pytest.raises(OSError):  # what the ballot box's callers catch
            journal.record_poll_state("mood", PollState(PollStatus.OPEN))
        with pytest.raises(OSError):
            journal.record_answer("mood", "phone-1", "o1")
    assert str(failed.value) == "disk I/O error in the run journal"
    assert isinstance(failed.value.__cause__, sqlite3.OperationalError)
    # Nothing half-written, and the same connection writes again once there is room.
    assert journal.state().devices == [] and journal.state().polls == {}
    journal.record_device("phone-1")
    assert journal.state().devices == ["phone-1"]
    journal.close()


def test_answers_written_together_are_one_transaction_all_or_none(
        tmp_path: Path, clock: Clock) -> None:
    journal = new_journal(tmp_path, clock)
    journal.record_answer("mood", "phone-0", "o4")
    batch = [("mood", "phone-1", "o1"), ("mood", "phone-2", "o2"), ("mood", "phone-0", "o3")]
    with disk_full(journal, frames=True), pytest.raises(JournalWriteError):
        journal.record_answers(batch)
    assert journal.state().answers == {"mood": {"phone-0": "o4"}}  # none of the three
    statements: list[str] = []
    journal._db.set_trace_callback(statements.append)  # private: the only view of commits
    journal.record_answers(batch)
    assert [s for s in statements if s.startswith(("BEGIN", "COMMIT"))] == \
        ["BEGIN IMMEDIATE", "COMMIT"]
    # Each its own time, in the order given: a resume replays them in that order.
    assert list(journal.state().answers["mood"].items()) == \
        [("phone-1", "o1"), ("phone-2", "o2"), ("phone-0", "o3")]
    journal.close()
