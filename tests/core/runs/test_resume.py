"""A run survives its process: a ballot box and room rebuilt from the journal."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from facilitator.core.polls.moderation import Decision
from facilitator.core.polls.snapshot import PollStatus
from facilitator.core.runs.journal import JournalError
from facilitator.core.runs.resume import Run, resume_run, start_run
from tests import polls


def start(folder: Path) -> Run:
    return start_run(folder, polls.ALL, session_hash="h", title="Numb in medicine")


def test_resume_rebuilds_answers_states_devices_and_moderation(tmp_path: Path) -> None:
    run = start(tmp_path)
    box, room = run.box, run.room
    box.open("mood")
    box.open("idea")
    box.set_hidden("idea", True)
    box.set_current("mood")
    cookies = [room.join() for _ in range(4)]
    keys = [room.device_for(cookie) for cookie in cookies]
    assert all(key is not None and key != cookie for key, cookie in zip(keys, cookies, strict=True))
    for index, key in enumerate(keys):
        assert key is not None
        box.submit("mood", key, f"o{index % 2 + 1}")
        box.submit("idea", key, f"idea {index}")
    assert keys[0] is not None
    box.submit("mood", keys[0], "o4")  # a change of answer
    item = box.results("idea").pending[1]
    assert box.moderate("idea", item.id, Decision.APPROVED)
    before = box.snapshot()
    run.journal.close()  # as good as a crash: every write is already committed

    again = resume_run(run.journal.path, polls.ALL, session_hash="h")
    after = again.box.snapshot()
    assert after.current == "mood"
    assert again.box.state("idea").hidden and again.box.state("idea").status is PollStatus.OPEN
    # The exact tally is rebuilt; what the room saw is republished in batches on replay.
    assert after.polls["mood"].live == before.polls["mood"].live
    assert after.polls["mood"].responses == before.polls["mood"].responses
    assert after.polls["idea"].tally == before.polls["idea"].tally
    assert [i.text for i in after.polls["idea"].pending] == [
        i.text for i in before.polls["idea"].pending
    ]
    # The same cookies still work and still own their answers: no double count.
    assert again.room.code == room.code and again.room.token == room.token
    key = again.room.device_for(cookies[0])
    assert key == keys[0]
    again.box.submit("mood", key, "o1")
    assert again.box.results("mood").responses == 4
    assert again.room.device_for("a cookie nobody was given") is None
    again.journal.close()


def test_new_joins_and_answers_after_resume_are_journaled(tmp_path: Path) -> None:
    run = start(tmp_path)
    run.box.open("energy")
    run.journal.close()
    again = resume_run(run.journal.path, polls.ALL)
    key = again.room.device_for(again.room.join())
    assert key is not None
    again.box.submit("energy", key, 4)
    again.journal.close()
    third = resume_run(run.journal.path, polls.ALL)
    assert third.box.results("energy").responses == 1
    third.journal.close()


def test_an_answer_that_no_longer_fits_is_dropped_not_crashed_on(tmp_path: Path) -> None:
    run = start(tmp_path)
    run.box.open("mood")
    key = run.room.device_for(run.room.join())
    assert key is not None
    run.box.submit("mood", key, "o1")
    run.journal.close()
    db = sqlite3.connect(run.journal.path)
    db.execute("""UPDATE answer SET value = '"no-such-option"'""")
    db.commit()
    db.close()
    again = resume_run(run.journal.path, polls.ALL)
    assert again.dropped == 1 and again.box.results("mood").responses == 0
    again.journal.close()


def test_resume_refuses_another_file_or_a_finished_run(tmp_path: Path) -> None:
    run = start(tmp_path)
    run.journal.close()
    with pytest.raises(JournalError, match="different version"):
        resume_run(run.journal.path, polls.ALL, session_hash="edited")
    again = resume_run(run.journal.path, polls.ALL)
    again.journal.finish()
    again.journal.close()
    with pytest.raises(JournalError, match="finished"):
        resume_run(run.journal.path, polls.ALL)


def test_word_decisions_survive_a_crash(tmp_path: Path) -> None:
    from dataclasses import replace

    moderated = replace(polls.WORD, moderate=True)
    all_polls = (*[p for p in polls.ALL if p.id != "word"], moderated)
    run = start_run(tmp_path, all_polls, session_hash="h", title="T")
    box, room = run.box, run.room
    box.open("word")
    keys = [room.device_for(room.join()) for _ in range(5)]
    for key, word in zip(keys, ["hope", "hope", "dr smith sucks", "tea", "kms"], strict=True):
        assert key is not None
        box.submit("word", key, word)
    box.moderate_word("word", "hope", Decision.APPROVED)
    box.moderate_word("word", "dr smith sucks", Decision.REJECTED)
    before = box.results("word").live
    run.journal.close()

    again = resume_run(run.journal.path, all_polls, session_hash="h")
    after = again.box.results("word").live
    assert after == before
    assert after is not None and after.words == (("hope", 2),)  # type: ignore[union-attr]
