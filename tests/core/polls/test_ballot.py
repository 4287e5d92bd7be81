"""The ballot box: dedupe, change of answer, threshold, states, journal order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from facilitator.core.polls.answers import Answer
from facilitator.core.polls.ballot import BallotBox, BallotError, ErrorKind
from facilitator.core.polls.moderation import Decision
from facilitator.core.polls.snapshot import PollState, PollStatus
from facilitator.core.polls.tally import ChoiceTally, MatrixTally, TextTally, WordTally
from facilitator.core.session.model import PREFER_NOT_TO_SAY
from tests import polls


def box_with(*poll_list: Any, journal: Any = None) -> BallotBox:
    box = BallotBox(poll_list or polls.ALL, journal=journal)
    for poll in box.polls:
        box.open(poll.id)
    return box


def test_one_answer_per_device_and_change_of_answer() -> None:
    box = box_with()
    box.submit("mood", "a", "o1")
    box.submit("mood", "a", "o1")  # resent: no double count
    box.submit("mood", "b", "o2")
    box.submit("mood", "c", "o2")
    box.submit("mood", "a", "o3")  # changed mind
    tally = box.results("mood").live  # the console's exact view
    assert isinstance(tally, ChoiceTally)
    assert [bar.count for bar in tally.bars] == [0, 2, 1, 0]
    assert box.results("mood").responses == 3
    assert box.answer_of("mood", "a") == "o3"


def test_below_threshold_there_is_no_tally_only_a_count() -> None:
    box = box_with()
    assert box.threshold("mood") == 3
    box.submit("mood", "a", "o1")
    box.submit("mood", "b", "o1")
    results = box.results("mood")
    assert results.tally is None
    assert results.responses == 2
    assert results.waiting_for == 1
    assert not results.on_screen
    box.submit("mood", "c", "o4")
    assert box.results("mood").on_screen
    assert box.results("mood").waiting_for == 0


def test_default_threshold_is_five_and_never_below_the_floor() -> None:
    box = box_with()
    assert box.threshold("energy") == 5
    low = polls.SINGLE.__class__(**{**polls.SINGLE.__dict__, "id": "low", "min_responses": 1})
    assert BallotBox([low]).threshold("low") == 3


def test_hidden_results_have_a_tally_but_are_not_on_screen() -> None:
    box = box_with()
    for key in "abc":
        box.submit("mood", key, "o1")
    box.set_hidden("mood", True)
    assert box.results("mood").tally is not None
    assert not box.results("mood").on_screen
    box.set_hidden("mood", False)
    assert box.results("mood").on_screen


@pytest.mark.parametrize("status", ["idle", "closed", "locked"])
def test_answers_refused_unless_open(status: str) -> None:
    box = BallotBox(polls.ALL)
    if status != "idle":
        box.open("mood")
    if status == "closed":
        box.close("mood")
    if status == "locked":
        box.set_locked("mood", True)
    with pytest.raises(BallotError) as caught:
        box.submit("mood", "a", "o1")
    assert caught.value.kind is ErrorKind.NOT_OPEN


def test_unknown_poll_and_bad_answer() -> None:
    box = box_with()
    with pytest.raises(BallotError) as caught:
        box.submit("nope", "a", "o1")
    assert caught.value.kind is ErrorKind.NOT_FOUND
    with pytest.raises(BallotError) as caught:
        box.submit("mood", "a", "o9")
    assert caught.value.kind is ErrorKind.INVALID


def test_reset_forgets_answers_keeps_state() -> None:
    box = box_with()
    box.submit("mood", "a", "o1")
    box.reset("mood")
    assert box.results("mood").responses == 0
    assert box.state("mood").status is PollStatus.OPEN


def test_every_type_tallies() -> None:
    box = box_with()
    for key, picks in zip(
        "abcde", (["o1"], ["o1", "o2"], ["o2"], ["o4"], ["o2", "o4"]), strict=True
    ):
        box.submit("barriers", key, picks)
        box.submit("energy", key, 1 + "abcde".index(key) % 3)
        box.submit("gut", key, {"o1": 1, "o2": 5})
        box.submit("talked", key, "yes" if key < "d" else "unsure")
        box.submit("word", key, "Tired " if key < "c" else "hopeful")
    choice = box.results("barriers").live
    assert isinstance(choice, ChoiceTally)
    assert [bar.count for bar in choice.bars] == [2, 3, 0, 2]
    scale = box.results("energy").live
    assert isinstance(scale, ChoiceTally)
    assert [bar.count for bar in scale.bars] == [2, 2, 1, 0, 0]
    assert scale.mean == pytest.approx(9 / 5)
    assert scale.bars[0].label == "1 Empty"
    matrix = box.results("gut").live
    assert isinstance(matrix, MatrixTally)
    assert matrix.rows[0].counts == (5, 0, 0, 0, 0)
    assert matrix.rows[1].mean == 5
    yes_no = box.results("talked").live
    assert isinstance(yes_no, ChoiceTally)
    assert [(bar.count, bar.reference) for bar in yes_no.bars] == [(3, 40), (0, 45), (2, 15)]
    words = box.results("word").live
    assert isinstance(words, WordTally)
    assert words.words == (("hopeful", 3), ("tired", 2))


def test_prefer_not_to_say_is_a_response_but_not_towards_the_threshold() -> None:
    box = box_with()
    box.submit("mood", "a", PREFER_NOT_TO_SAY)
    box.submit("mood", "b", PREFER_NOT_TO_SAY)
    box.submit("mood", "c", "o1")
    waiting = box.results("mood")
    # Two who declined must not see the one real answer as a 100% bar.
    assert waiting.responses == 3 and waiting.tally is None
    # The room is told of every answer alike, so declining cannot be told from answering.
    assert waiting.counted == 1 and waiting.waiting_for == 1
    for device in ("d", "e", "f", "g"):
        box.submit("mood", device, "o1")
    assert box.results("mood").reached
    tally = box.results("mood").tally
    assert isinstance(tally, ChoiceTally)
    assert tally.prefer_not == 2
    assert tally.bars[0].share == 1.0
    with pytest.raises(BallotError):
        box.submit("plain", "a", PREFER_NOT_TO_SAY)


def test_text_is_projected_only_after_approval_and_threshold() -> None:
    box = box_with()
    box.submit("idea", "a", "More <b>sleep</b>")
    box.submit("idea", "b", "Peer groups")
    assert box.results("idea").pending == ()  # below threshold the console sees a count only
    box.submit("idea", "c", "Protected time")
    results = box.results("idea")
    assert [item.text for item in results.pending] == [
        "More <b>sleep</b>",
        "Peer groups",
        "Protected time",
    ]
    assert isinstance(results.tally, TextTally) and results.tally.approved == ()
    first = results.pending[0]
    assert box.moderate("idea", first.id, Decision.APPROVED)
    assert box.moderate("idea", results.pending[1].id, Decision.REJECTED)
    tally = box.results("idea").tally
    assert isinstance(tally, TextTally)
    assert tally.approved == ("More <b>sleep</b>",)
    assert tally.pending == 1
    # A changed answer goes back to the queue and leaves the screen.
    box.submit("idea", "a", "Naps")
    assert box.results("idea").tally.approved == ()  # type: ignore[union-attr]
    assert not box.moderate("idea", first.id, Decision.APPROVED)


class RecordingJournal:
    def __init__(self, box_ref: list[BallotBox], fail: bool = False) -> None:
        self.events: list[tuple[Any, ...]] = []
        self.batches = 0  # record_answers calls: one per group commit
        self.box_ref = box_ref
        self.fail = fail

    def record_answers(self, answers: Sequence[tuple[str, str, Answer]]) -> None:
        # Called before the change is applied: the box does not have the answers yet.
        self.batches += 1
        for poll_id, device_key, answer in answers:
            seen = self.box_ref[0].answer_of(poll_id, device_key)
            self.events.append(("answer", poll_id, device_key, answer, seen))
        if self.fail:
            raise OSError("disk full")

    def record_poll_state(self, poll_id: str, state: PollState) -> None:
        self.events.append(("state", poll_id, state.status))

    def record_reset(self, poll_id: str) -> None:
        self.events.append(("reset", poll_id))

    def record_current(self, poll_id: str | None) -> None:
        self.events.append(("current", poll_id))

    def record_moderation(self, poll_id: str, device_key: str, decision: Decision) -> None:
        self.events.append(("moderation", poll_id, device_key, decision))

    def record_word_moderation(self, poll_id: str, word: str, decision: Decision) -> None:
        self.events.append(("word", poll_id, word, decision))


def test_journal_hears_of_changes_before_they_apply() -> None:
    ref: list[BallotBox] = []
    journal = RecordingJournal(ref)
    box = BallotBox(polls.ALL, journal=journal)
    ref.append(box)
    box.open("mood")
    box.submit("mood", "a", "o1")
    box.submit("mood", "a", "o1")
    box.reset("mood")
    assert journal.events == [
        ("state", "mood", PollStatus.OPEN),
        ("current", "mood"),
        ("answer", "mood", "a", "o1", None),
        ("reset", "mood"),
    ]


def test_a_failing_journal_means_no_vote() -> None:
    ref: list[BallotBox] = []
    box = BallotBox(polls.ALL, journal=RecordingJournal(ref, fail=True))
    ref.append(box)
    box.open("mood")
    with pytest.raises(OSError):
        box.submit("mood", "a", "o1")
    assert box.results("mood").responses == 0


def test_submit_many_checks_each_answer_and_journals_the_changes_once() -> None:
    ref: list[BallotBox] = []
    journal = RecordingJournal(ref)
    box = BallotBox(polls.ALL, journal=journal)
    ref.append(box)
    box.open("mood")
    box.submit("mood", "held", "o2")
    journal.events.clear()
    results = box.submit_many([
        ("mood", "a", "o1"),
        ("mood", "b", "nonsense"),  # invalid: its own error, the rest goes on
        ("mood", "held", "o2"),  # a resend: nothing to write
        ("mood", "a", "o3"),  # the same phone again in the same batch: its latest wins
        ("gut", "c", {"o1": 3}),  # a poll that is not open
    ])
    assert results[0] == "o1" and results[2] == "o2" and results[3] == "o3"
    assert isinstance(results[1], BallotError) and results[1].kind is ErrorKind.INVALID
    assert isinstance(results[4], BallotError) and results[4].kind is ErrorKind.NOT_OPEN
    assert journal.batches == 2  # the first submit, then one for the whole batch
    assert journal.events == [("answer", "mood", "a", "o1", None),
                              ("answer", "mood", "a", "o3", None)]
    assert box.answer_of("mood", "a") == "o3"
    assert box.results("mood").responses == 2


def test_a_failing_journal_keeps_none_of_a_batch() -> None:
    ref: list[BallotBox] = []
    journal = RecordingJournal(ref)
    box = BallotBox(polls.ALL, journal=journal)
    ref.append(box)
    box.open("mood")
    box.submit("mood", "held", "o1")
    journal.fail = True
    with pytest.raises(OSError):
        box.submit_many([("mood", "a", "o1"), ("mood", "held", "o2"), ("mood", "b", "o3")])
    assert box.answer_of("mood", "a") is None and box.answer_of("mood", "b") is None
    assert box.answer_of("mood", "held") == "o1"
    assert box.results("mood").responses == 1


def test_restore_replays_without_journaling() -> None:
    ref: list[BallotBox] = []
    journal = RecordingJournal(ref)
    box = BallotBox(polls.ALL, journal=journal)
    ref.append(box)
    box.restore_poll_state("idea", PollState(PollStatus.OPEN))
    box.restore_current("idea")
    for key in "abc":
        box.restore_answer("idea", key, f"text {key}")
    box.restore_moderation("idea", "b", Decision.APPROVED)
    assert journal.events == []
    tally = box.results("idea").tally
    assert isinstance(tally, TextTally) and tally.approved == ("text b",)
    assert box.current == "idea"


def test_snapshot_is_immutable_and_versioned() -> None:
    box = box_with()
    calls: list[int] = []
    box.add_listener(lambda: calls.append(box.version))
    before = box.snapshot()
    box.submit("mood", "a", "o1")
    after = box.snapshot()
    assert after.version > before.version
    assert calls == [after.version]
    assert before.polls["mood"].responses == 0
    with pytest.raises(TypeError):
        after.polls["mood"] = before.polls["mood"]  # type: ignore[index]


def test_show_opens_a_never_opened_poll_and_only_shows_one_opened_before() -> None:
    ref: list[BallotBox] = []
    journal = RecordingJournal(ref)
    box = BallotBox(polls.ALL, journal=journal)
    ref.append(box)
    box.show("mood")
    assert box.state("mood").status is PollStatus.OPEN and box.current == "mood"
    box.close("mood")
    box.show("energy")
    journal.events.clear()
    box.show("mood")  # back to a closed poll: shown, closed as the facilitator left it
    assert box.state("mood").status is PollStatus.CLOSED and box.current == "mood"
    assert journal.events == [("current", "mood")]
    box.restore_poll_state("word", PollState(PollStatus.CLOSED))  # closed before a crash
    box.show("word")
    assert box.state("word").status is PollStatus.CLOSED and box.current == "word"


def test_toggles_decide_from_the_box_itself() -> None:
    box = BallotBox(polls.ALL)
    box.toggle_open("mood")
    assert box.state("mood").status is PollStatus.OPEN and box.current == "mood"
    box.toggle_open("mood")  # a second press, however stale the console's view
    assert box.state("mood").status is PollStatus.CLOSED
    box.toggle_open("mood")
    assert box.state("mood").status is PollStatus.OPEN
    box.toggle_hidden("mood")
    box.toggle_locked("mood")
    assert box.state("mood").hidden and box.state("mood").locked
    box.toggle_hidden("mood")
    box.toggle_locked("mood")
    assert not box.state("mood").hidden and not box.state("mood").locked


def test_a_change_from_another_thread_fails_loudly() -> None:
    import threading

    box = BallotBox(polls.ALL)
    errors: list[BaseException] = []

    def elsewhere() -> None:
        try:
            box.open("mood")
        except AssertionError as error:
            errors.append(error)

    worker = threading.Thread(target=elsewhere)
    worker.start()
    worker.join()
    assert len(errors) == 1 and "owner thread" in str(errors[0])
    assert box.state("mood").status is PollStatus.IDLE and box.version == 0  # untouched
    box.owner.claim()  # handed over (as the server's loop does at start): fine again
    box.open("mood")

