"""Anonymous questions from the room: asked on a phone, moderated, voted up, answered.

Pure Python, owned by the phone server's loop like the ballot box. A question's author is
never stored with it: the asking device is used only, in memory, to hold it to its limits
(a rate and a count), and those counters are not attached to any question. Votes are one
per device per question and can be withdrawn, so the device key sits beside a vote, as it
sits beside an answer, until the run ends.

States: pending (only the console sees it) -> approved or rejected; approved -> answering
(one at a time: the projector shows it) -> answered. Phones and the projector only ever see
approved, answering and answered questions: unapproved text never leaves the console.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from facilitator.core.session.safety import mentions_risk


class QuestionState(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    ANSWERING = "answering"
    ANSWERED = "answered"


PUBLIC = (QuestionState.APPROVED, QuestionState.ANSWERING, QuestionState.ANSWERED)


class QuestionErrorKind(StrEnum):
    INVALID = "invalid"  # empty or too long (400)
    NOT_FOUND = "not-found"  # no such question, or not one phones can see (404)
    CLOSED = "questions-closed"  # the session does not take questions (409)
    TOO_SOON = "too-soon"  # this device asked a moment ago (429)
    TOO_MANY = "too-many-questions"  # this device, or the room, has asked its fill (429)


class QuestionError(Exception):
    def __init__(self, kind: QuestionErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


@dataclass(frozen=True)
class Limits:
    max_length: int = 200  # characters: a question, not an essay
    seconds_between: float = 30.0  # per device: one question, then a breath
    per_device: int = 5  # per run
    total: int = 300  # per run: a queue one facilitator can still read


@dataclass
class Question:
    id: str
    text: str
    state: QuestionState = QuestionState.PENDING
    voters: set[str] = field(default_factory=set)

    @property
    def flagged(self) -> bool:
        """Risk language (the same screen as open-text answers): the console marks it."""
        return mentions_risk(self.text)

    @property
    def votes(self) -> int:
        return len(self.voters)


@dataclass(frozen=True)
class QuestionView:
    """A question as the console shows it: a copy, safe to hand to another thread."""

    id: str
    text: str
    state: QuestionState
    votes: int
    flagged: bool


class QuestionJournal(Protocol):
    """Durable record of the box's changes; raising OSError means "not saved"."""

    def record_question(self, question_id: str, text: str) -> None: ...

    def record_question_state(self, question_id: str, state: QuestionState) -> None: ...

    def record_vote(self, question_id: str, device_key: str, on: bool) -> None: ...


class QuestionBox:
    def __init__(self, enabled: bool = True, limits: Limits | None = None,
                 journal: QuestionJournal | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.enabled = enabled
        self.limits = limits or Limits()
        self.version = 0  # bumped on every change: cheap "anything new?" for viewers
        self._journal = journal
        self._clock = clock
        self._questions: dict[str, Question] = {}
        self._asked: dict[str, int] = {}  # device -> questions asked (in memory only)
        self._last: dict[str, float] = {}  # device -> when it last asked (in memory only)
        self._listeners: list[Callable[[], None]] = []

    def add_listener(self, listener: Callable[[], None]) -> None:
        """`listener()` runs after every change (a question, a vote, a state), on the
        box's owner thread."""
        self._listeners.append(listener)

    def _changed(self) -> None:
        self.version += 1
        for listener in list(self._listeners):
            listener()

    # -- phones ---------------------------------------------------------------------------

    def ask(self, device_key: str, text: str) -> Question:
        if not self.enabled:
            raise QuestionError(QuestionErrorKind.CLOSED, "This session does not take questions.")
        text = " ".join(text.split())
        if not text:
            raise QuestionError(QuestionErrorKind.INVALID, "Type your question first.")
        if len(text) > self.limits.max_length:
            raise QuestionError(QuestionErrorKind.INVALID,
                                f"A question has at most {self.limits.max_length} characters.")
        now = self._clock()
        last = self._last.get(device_key)
        if last is not None and now - last < self.limits.seconds_between:
            raise QuestionError(QuestionErrorKind.TOO_SOON,
                                "You asked a moment ago; wait a little before the next one.")
        if self._asked.get(device_key, 0) >= self.limits.per_device or \
                len(self._questions) >= self.limits.total:
            raise QuestionError(QuestionErrorKind.TOO_MANY,
                                "No more questions can be taken in this session.")
        question = Question(f"q{len(self._questions) + 1}", text)
        if self._journal is not None:
            self._journal.record_question(question.id, text)
        self._questions[question.id] = question
        self._asked[device_key] = self._asked.get(device_key, 0) + 1
        self._last[device_key] = now
        self._changed()  # the console's queue hears it; phones see nothing new
        return question

    def vote(self, question_id: str, device_key: str, on: bool) -> Question:
        """Add (on) or withdraw (off) this device's vote; doing it twice changes nothing."""
        question = self._questions.get(question_id)
        if question is None or question.state not in PUBLIC:
            raise QuestionError(QuestionErrorKind.NOT_FOUND, "There is no such question.")
        if (device_key in question.voters) != on:
            if self._journal is not None:
                self._journal.record_vote(question_id, device_key, on)
            if on:
                question.voters.add(device_key)
            else:
                question.voters.discard(device_key)
            self._changed()
        return question

    def public(self) -> list[Question]:
        """What phones and the projector may show: approved questions, most votes first."""
        return sort_by_votes(q for q in self._questions.values() if q.state in PUBLIC)

    # -- the console ------------------------------------------------------------------------

    def all(self) -> list[Question]:
        """Every question, in the order asked (the console's queue)."""
        return list(self._questions.values())

    def snapshot(self) -> tuple[QuestionView, ...]:
        """The console's queue: pending first (oldest first), then the public ones by votes,
        rejected last. No voter and no author in it."""
        rank = {QuestionState.PENDING: 0, QuestionState.ANSWERING: 1,
                QuestionState.APPROVED: 2, QuestionState.ANSWERED: 3,
                QuestionState.REJECTED: 4}
        ordered = sorted(self._questions.values(),
                         key=lambda q: (rank[q.state], -q.votes if q.state in PUBLIC else 0,
                                        int(q.id[1:])))
        return tuple(QuestionView(q.id, q.text, q.state, q.votes, q.flagged) for q in ordered)

    def get(self, question_id: str) -> Question:
        question = self._questions.get(question_id)
        if question is None:
            raise QuestionError(QuestionErrorKind.NOT_FOUND, "There is no such question.")
        return question

    def decide(self, question_id: str, state: QuestionState) -> Question:
        """Approve, reject, mark answering (the previous one goes back to approved) or answered."""
        question = self.get(question_id)
        if state is QuestionState.ANSWERING:
            for other in self._questions.values():
                if other.state is QuestionState.ANSWERING and other is not question:
                    self._set(other, QuestionState.APPROVED)
        self._set(question, state)
        return question

    def toggle_answering(self) -> Question | None:
        """The console's key: stop answering the current one, or answer the top-voted
        approved question. Returns the question now answered on screen, or None."""
        current = self.answering
        if current is not None:
            self._set(current, QuestionState.APPROVED)
            return None
        waiting = [q for q in self.public() if q.state is QuestionState.APPROVED]
        if not waiting:
            return None
        self._set(waiting[0], QuestionState.ANSWERING)
        return waiting[0]

    @property
    def answering(self) -> Question | None:
        return next((q for q in self._questions.values()
                     if q.state is QuestionState.ANSWERING), None)

    def _set(self, question: Question, state: QuestionState) -> None:
        if question.state is state:
            return
        if self._journal is not None:
            self._journal.record_question_state(question.id, state)
        question.state = state
        self._changed()

    # -- resume -----------------------------------------------------------------------------

    def restore(self, question_id: str, text: str, state: QuestionState,
                voters: Iterable[str]) -> None:
        """Put back a journaled question (no journaling, no limits: it was checked then)."""
        self._questions[question_id] = Question(question_id, text, state, set(voters))
        self.version += 1


def sort_by_votes(questions: Iterable[Question]) -> list[Question]:
    """Most votes first; among equals, the one asked first (ids are q1, q2, ...)."""
    return sorted(questions, key=lambda q: (-q.votes, int(q.id[1:])))
