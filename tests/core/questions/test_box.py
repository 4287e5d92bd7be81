"""The question box: limits, states, one withdrawable vote per device, nothing unapproved
public, the author never kept with the question, and the journal called before a change."""

from __future__ import annotations

from typing import Any

import pytest

from facilitator.core.questions.box import (
    Limits,
    QuestionBox,
    QuestionError,
    QuestionErrorKind,
    QuestionState,
)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []
        self.fail = False

    def _add(self, *call: Any) -> None:
        if self.fail:
            raise OSError("disk full")
        self.calls.append(call)

    def record_question(self, question_id: str, text: str) -> None:
        self._add("question", question_id, text)

    def record_question_state(self, question_id: str, state: QuestionState) -> None:
        self._add("state", question_id, state)

    def record_vote(self, question_id: str, device_key: str, on: bool) -> None:
        self._add("vote", question_id, device_key, on)


def kind(error: pytest.ExceptionInfo[QuestionError]) -> QuestionErrorKind:
    return error.value.kind


def test_a_question_is_private_until_approved_and_never_names_its_author() -> None:
    box = QuestionBox()
    question = box.ask("device-a", "  How do   you notice numbness?  ")
    assert question.text == "How do you notice numbness?"
    assert box.public() == []
    assert "device-a" not in repr(question)
    box.decide(question.id, QuestionState.APPROVED)
    assert [q.id for q in box.public()] == [question.id]
    box.decide(question.id, QuestionState.REJECTED)
    assert box.public() == []


def test_limits_length_rate_per_device_and_total() -> None:
    clock = Clock()
    box = QuestionBox(limits=Limits(max_length=20, seconds_between=10, per_device=2, total=3),
                      clock=clock)
    with pytest.raises(QuestionError) as error:
        box.ask("a", "x" * 21)
    assert kind(error) is QuestionErrorKind.INVALID
    with pytest.raises(QuestionError) as error:
        box.ask("a", "   ")
    assert kind(error) is QuestionErrorKind.INVALID
    box.ask("a", "first")
    with pytest.raises(QuestionError) as error:
        box.ask("a", "second")
    assert kind(error) is QuestionErrorKind.TOO_SOON
    clock.now = 10
    box.ask("a", "second")
    clock.now = 20
    with pytest.raises(QuestionError) as error:
        box.ask("a", "third")
    assert kind(error) is QuestionErrorKind.TOO_MANY
    box.ask("b", "from b")
    with pytest.raises(QuestionError) as error:
        box.ask("c", "room is full")
    assert kind(error) is QuestionErrorKind.TOO_MANY
    closed = QuestionBox(enabled=False)
    with pytest.raises(QuestionError) as error:
        closed.ask("a", "anyone?")
    assert kind(error) is QuestionErrorKind.CLOSED


def test_one_vote_per_device_withdrawable_and_sorted_by_votes() -> None:
    box = QuestionBox(limits=Limits(seconds_between=0))
    first, second = box.ask("a", "first"), box.ask("b", "second")
    with pytest.raises(QuestionError) as error:
        box.vote(first.id, "c", True)  # pending: not votable, as if it did not exist
    assert kind(error) is QuestionErrorKind.NOT_FOUND
    for question in (first, second):
        box.decide(question.id, QuestionState.APPROVED)
    box.vote(second.id, "c", True)
    box.vote(second.id, "c", True)  # twice is once
    assert second.votes == 1
    assert [q.id for q in box.public()] == [second.id, first.id]
    box.vote(second.id, "c", False)
    box.vote(first.id, "d", True)
    assert [q.id for q in box.public()] == [first.id, second.id]
    assert (second.votes, first.votes) == (0, 1)


def test_answering_is_one_at_a_time_and_the_key_toggles_the_top_question() -> None:
    box = QuestionBox(limits=Limits(seconds_between=0))
    low, top = box.ask("a", "low"), box.ask("b", "top")
    for question in (low, top):
        box.decide(question.id, QuestionState.APPROVED)
    box.vote(top.id, "c", True)
    assert box.toggle_answering() is top
    assert box.answering is top
    box.decide(low.id, QuestionState.ANSWERING)
    assert top.state is QuestionState.APPROVED and box.answering is low
    assert box.toggle_answering() is None
    assert box.answering is None
    box.decide(top.id, QuestionState.ANSWERED)
    assert top in box.public()


def test_the_journal_hears_every_change_first_and_a_refusal_changes_nothing() -> None:
    journal = Recorder()
    box = QuestionBox(journal=journal, limits=Limits(seconds_between=0))
    question = box.ask("a", "why?")
    box.decide(question.id, QuestionState.APPROVED)
    box.vote(question.id, "b", True)
    assert journal.calls == [("question", "q1", "why?"),
                             ("state", "q1", QuestionState.APPROVED),
                             ("vote", "q1", "b", True)]
    journal.fail = True
    with pytest.raises(OSError):
        box.vote(question.id, "c", True)
    with pytest.raises(OSError):
        box.ask("c", "lost?")
    assert question.votes == 1 and len(box.all()) == 1


def test_restore_puts_back_questions_votes_and_states() -> None:
    box = QuestionBox()
    box.restore("q1", "kept", QuestionState.ANSWERING, ["a", "b"])
    assert box.answering is not None and box.answering.votes == 2
    question = box.ask("c", "new one")
    assert question.id == "q2"


def test_risk_language_is_flagged_for_the_console() -> None:
    box = QuestionBox(limits=Limits(seconds_between=0))
    assert box.ask("a", "I have thought about suicide").flagged
    assert not box.ask("b", "How long is the break?").flagged
