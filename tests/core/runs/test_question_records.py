"""Questions in the run journal: a resume keeps questions, states and votes (one per device
still); a finished run keeps counts and no voter; no author is ever written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from facilitator.core.questions.box import Limits, QuestionError, QuestionState
from facilitator.core.runs.journal import Journal
from facilitator.core.runs.resume import resume_run, start_run
from tests import polls


def test_resume_keeps_questions_states_and_votes(tmp_path: Path) -> None:
    run = start_run(tmp_path, polls.ALL, session_hash="h", title="T")
    questions = run.questions
    questions.limits = Limits(seconds_between=0)
    keys = [run.room.device_for(run.room.join()) for _ in range(3)]
    assert all(keys)
    first = questions.ask(str(keys[0]), "How do I notice it early?")
    questions.ask(str(keys[1]), "Held back")
    questions.decide(first.id, QuestionState.APPROVED)
    questions.decide("q2", QuestionState.REJECTED)
    for key in keys:
        questions.vote(first.id, str(key), True)
    questions.vote(first.id, str(keys[2]), False)
    questions.decide(first.id, QuestionState.ANSWERING)
    path = run.journal.path
    run.journal.close()  # as good as a kill -9: every change was committed

    again = resume_run(path, polls.ALL, session_hash="h")
    restored = again.questions
    assert [(q.id, q.text, q.state, q.votes) for q in restored.all()] == [
        ("q1", "How do I notice it early?", QuestionState.ANSWERING, 2),
        ("q2", "Held back", QuestionState.REJECTED, 0)]
    restored.vote("q1", str(keys[0]), True)  # still one vote per device
    assert restored.get("q1").votes == 2
    assert restored.ask("new-device", "A third").id == "q3"
    with pytest.raises(QuestionError):
        restored.vote("q2", str(keys[0]), True)  # rejected stays invisible
    columns = [row[1] for row in sqlite3.connect(path).execute("PRAGMA table_info(question)")]
    assert columns == ["question_id", "text", "state", "at"]  # nowhere to put an author
    again.journal.finish()
    assert [row[0] for row in sqlite3.connect(path).execute(
        "SELECT device FROM question_vote")] == [None, None]
    again.journal.close()
    with Journal.open(path) as done:
        assert [(q.text, q.votes, q.voters) for q in done.questions()] == [
            ("How do I notice it early?", 2, ()), ("Held back", 0, ()), ("A third", 0, ())]
