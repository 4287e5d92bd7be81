"""A finished run is unlinked: no key, no pseudonym, times to the minute; the shared export
holds approved text only and words at least the poll's minimum gave."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from facilitator.core.polls.moderation import Decision
from facilitator.core.runs.catalogue import export_run
from facilitator.core.runs.journal import JournalError
from facilitator.core.runs.resume import resume_run, start_run
from tests import polls


def test_finishing_drops_key_pseudonyms_and_precise_times(tmp_path: Path) -> None:
    run = start_run(tmp_path, polls.ALL, session_hash="h", title="t",
                    clock=iter(float(1_800_000_000 + n * 7.123456) for n in range(99)).__next__)
    cookies = [run.room.join() for _ in range(4)]
    for poll in run.box.polls:
        run.box.open(poll.id)
    for index, _cookie in enumerate(cookies):
        key = run.room.devices()[index]
        run.box.submit("word", key, ("tired", "tired", "tired", "dr okafor")[index])
        run.box.submit("idea", key, f"idea {index}")
    first = run.box.results("idea").pending[0]
    run.box.moderate("idea", first.id, Decision.APPROVED)
    second = run.box.results("idea").pending[0]
    run.box.moderate("idea", second.id, Decision.REJECTED)
    run.room.make_groups(2)  # journaled by pseudonym, for a resume
    path = run.journal.path
    with sqlite3.connect(path) as db:  # live: what a resume needs is there
        assert db.execute("SELECT count(*) FROM secret").fetchone()[0] >= 1
    run.journal.finish()
    run.journal.close()

    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM secret").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM device").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM answer WHERE device IS NOT NULL").fetchone() \
            == (0,)
        assert all(at % 60 == 0 for (at,) in db.execute("SELECT at FROM answer"))
        assert db.execute("SELECT count(*) FROM meta WHERE key = 'groups'").fetchone() == (0,)
    raw = path.read_bytes()
    assert not any(key.encode() in raw for key in run.room.devices())
    try:
        resume_run(path, polls.ALL)
        raise AssertionError("a finished run must not resume")
    except JournalError:
        pass

    shared = json.loads(export_run(path))["polls"]
    assert shared["word"]["answers"] == ["tired", "tired", "tired"]  # not "dr okafor"
    assert shared["idea"]["answers"] == [first.text]  # approved only, not the rejected one
    assert shared["idea"]["approved"] == [first.text]
