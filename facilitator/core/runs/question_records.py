"""The run journal's part for anonymous questions (`core.questions`): questions, their
states and votes, so a resume keeps all three.

No author is ever written: a question row has its text, state and time only. A vote row
holds the voting device's pseudonym (one vote per device per question must survive a
restart), and `unlink` drops those pseudonyms with the rest: a finished run keeps each
question's vote count and nothing that ties two votes, or a vote and an answer, together.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from facilitator.core.questions.box import PUBLIC, QuestionState
from facilitator.core.runs.schema import transaction


@dataclass(frozen=True)
class StoredQuestion:
    id: str
    text: str
    state: QuestionState
    voters: tuple[str, ...]  # pseudonyms while the run is live; empty once unlinked
    votes: int


class QuestionRecords:
    """Mixed into `Journal`, which provides the connection and the clock."""

    _db: sqlite3.Connection
    _clock: Callable[[], float]

    def record_question(self, question_id: str, text: str) -> None:
        with transaction(self._db):
            self._db.execute("INSERT INTO question (question_id, text, state, at) "
                             "VALUES (?, ?, 'pending', ?)", (question_id, text, self._clock()))

    def record_question_state(self, question_id: str, state: QuestionState) -> None:
        with transaction(self._db):
            self._db.execute("UPDATE question SET state = ? WHERE question_id = ?",
                             (str(state), question_id))

    def record_vote(self, question_id: str, device_key: str, on: bool) -> None:
        with transaction(self._db):
            if on:
                self._db.execute("INSERT OR IGNORE INTO question_vote (question_id, device) "
                                 "VALUES (?, ?)", (question_id, device_key))
            else:
                self._db.execute("DELETE FROM question_vote WHERE question_id = ? AND device = ?",
                                 (question_id, device_key))

    def questions(self) -> list[StoredQuestion]:
        """Every question in the order asked, with its voters and vote count."""
        voters: dict[str, list[str]] = {}
        counts: dict[str, int] = {}
        try:
            votes = self._db.execute("SELECT question_id, device FROM question_vote").fetchall()
        except sqlite3.OperationalError:  # a journal from before questions: none asked
            return []
        for question_id, device in votes:
            counts[question_id] = counts.get(question_id, 0) + 1
            if device is not None:
                voters.setdefault(question_id, []).append(device)
        return [StoredQuestion(qid, text, QuestionState(state), tuple(voters.get(qid, ())),
                               counts.get(qid, 0))
                for qid, text, state in self._db.execute(
                    "SELECT question_id, text, state FROM question ORDER BY rowid")]

    def public_questions(self) -> list[dict[str, object]]:
        """For exports and the report: the questions phones could see, most votes first."""
        shown = [q for q in self.questions() if q.state in PUBLIC]
        shown.sort(key=lambda q: -q.votes)  # stable: equal counts keep the order asked
        return [{"text": q.text, "state": str(q.state), "votes": q.votes} for q in shown]

    def _unlink_questions(self) -> None:
        """Inside `unlink`'s transaction: no pseudonym on a vote, times to the minute."""
        self._db.execute("UPDATE question_vote SET device = NULL")
        self._db.execute("UPDATE question SET at = CAST(at / 60 AS INTEGER) * 60")
