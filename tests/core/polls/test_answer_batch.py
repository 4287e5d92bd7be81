"""The group commit of phones' answers: one journal write per batch, replies after it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from facilitator.core.polls.answer_batch import AnswerBatch
from facilitator.core.polls.answers import Answer
from facilitator.core.polls.ballot import BallotBox, BallotError, ErrorKind
from tests import polls
from tests.core.polls.test_ballot import RecordingJournal


class Turn:
    """Stands in for the event loop: what is scheduled runs when the turn ends."""

    def __init__(self) -> None:
        self.scheduled: list[Callable[[], None]] = []

    def __call__(self, callback: Callable[[], None]) -> None:
        self.scheduled.append(callback)

    def end(self) -> None:
        scheduled, self.scheduled = self.scheduled, []
        for callback in scheduled:
            callback()


def setup() -> tuple[BallotBox, RecordingJournal, AnswerBatch, Turn]:
    ref: list[BallotBox] = []
    journal = RecordingJournal(ref)
    box = BallotBox(polls.ALL, journal=journal)
    ref.append(box)
    box.open("mood")
    box.open("energy")
    box.set_current("mood")
    turn = Turn()
    return box, journal, AnswerBatch(box, turn), turn


def submit(batch: AnswerBatch, items: Sequence[tuple[str, str, object]]
           ) -> list[Answer | Exception]:
    replies: list[Answer | Exception] = []
    for poll_id, key, raw in items:
        batch.submit(poll_id, key, raw, replies.append)
    return replies


def test_answers_of_one_turn_are_written_once_and_answered_after_the_write() -> None:
    box, journal, batch, turn = setup()
    replies = submit(batch, [("mood", "a", "o1"), ("mood", "b", "o2"), ("mood", "c", "o3")])
    assert len(turn.scheduled) == 1  # one write for the turn, not one per answer
    assert replies == [] and journal.batches == 0 and box.results("mood").responses == 0
    turn.end()
    assert replies == ["o1", "o2", "o3"]
    assert journal.batches == 1 and box.results("mood").responses == 3
    # The next turn's answers make the next batch.
    later = submit(batch, [("mood", "d", "o4")])
    turn.end()
    assert later == ["o4"] and journal.batches == 2


def test_only_the_poll_on_the_screen_takes_answers_each_error_its_own() -> None:
    box, journal, batch, turn = setup()
    replies = submit(batch, [("energy", "a", 3), ("mood", "b", "o1"), ("nope", "c", "x"),
                             ("mood", "d", "bad")])
    turn.end()
    kinds = [r.kind if isinstance(r, BallotError) else r for r in replies]
    assert kinds == [ErrorKind.NOT_OPEN, "o1", ErrorKind.NOT_FOUND, ErrorKind.INVALID]
    assert journal.batches == 1 and box.results("mood").responses == 1


def test_a_failed_write_reaches_every_answer_of_the_batch_and_keeps_none() -> None:
    box, journal, batch, turn = setup()
    journal.fail = True
    replies = submit(batch, [("mood", "a", "o1"), ("mood", "b", "o2"), ("energy", "c", 2)])
    turn.end()
    assert [type(r) for r in replies] == [OSError, OSError, BallotError]
    assert box.results("mood").responses == 0
