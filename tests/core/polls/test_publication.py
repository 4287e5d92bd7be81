"""Publications: what the room sees moves only in batches of the poll's minimum, coarsened.

A publication is decided when results are read (the server builds a snapshot at most every
100 ms), so these tests read them after each answer, as the server would."""

from __future__ import annotations

from dataclasses import replace

import pytest

from facilitator.core.polls.ballot import BallotBox
from facilitator.core.polls.headcount import set_headcount
from facilitator.core.polls.publication import round_share
from facilitator.core.polls.room import Room, TooManyDevices
from facilitator.core.polls.tally import ChoiceTally, WordTally
from facilitator.core.session.loader import parse_session
from facilitator.core.session.model import PREFER_NOT_TO_SAY
from tests import polls


def box_of(*poll_list: object) -> BallotBox:
    box = BallotBox(poll_list or polls.ALL)  # type: ignore[arg-type]
    for poll in box.polls:
        box.open(poll.id)
    return box


def shares(box: BallotBox, poll_id: str) -> list[float]:
    tally = box.results(poll_id).tally
    assert isinstance(tally, ChoiceTally)
    return [bar.share for bar in tally.bars]


def test_shares_round_to_five_percent() -> None:
    assert [round_share(x) for x in (0.0, 0.024, 0.026, 1 / 3, 2 / 3, 0.999)] == [
        0.0, 0.0, 0.05, 0.35, 0.65, 1.0]


def test_single_answers_after_the_threshold_are_not_published_alone() -> None:
    box = box_of()
    for key, pick in zip("abcde", ("yes", "yes", "no", "no", "unsure"), strict=True):
        box.submit("talked", key, pick)
    first = shares(box, "talked")
    assert first == [0.4, 0.4, 0.2]
    for key, pick in zip("fghi", ("yes", PREFER_NOT_TO_SAY, "no", "yes"), strict=True):
        box.submit("talked", key, pick)
        assert shares(box, "talked") == first  # the exact tally moved; the room's did not
    live = box.results("talked").live
    assert isinstance(live, ChoiceTally) and [b.count for b in live.bars] == [4, 3, 1]
    box.submit("talked", "a", "no")  # a changed answer is a new answer too: the 5th
    assert shares(box, "talked") != first


def test_closing_publishes_what_is_left_and_reset_forgets() -> None:
    box = box_of()
    for key in "abcdef":
        box.submit("talked", key, "yes")
    assert shares(box, "talked")[0] == 1.0  # a snapshot (the server takes one each 100 ms)
    box.submit("talked", "g", "no")
    assert shares(box, "talked")[1] == 0.0
    box.close("talked")
    assert shares(box, "talked")[1] == 0.15  # 1 of 7
    tally = box.results("talked").tally
    assert isinstance(tally, ChoiceTally)
    assert [bar.percent for bar in tally.bars] == [85, 15, 0]  # what the projector prints
    box.reset("talked")
    assert box.results("talked").tally is None


def test_reveal_on_close_publishes_nothing_while_open() -> None:
    on_close = replace(polls.YES_NO, reveal_on_close=True)
    box = box_of(on_close)
    for key in "abcdefgh":
        box.submit("talked", key, "yes")
    assert box.results("talked").reached and box.results("talked").tally is None
    box.set_locked("talked", True)  # locking ends the answers too
    assert shares(box, "talked") == [1.0, 0.0, 0.0]


def test_words_below_the_minimum_never_reach_the_room() -> None:
    box = box_of()
    for key, word in zip("abcd", ("tired", "tired", "tired", "my daughter amira"), strict=True):
        box.submit("word", key, word)
    box.close("word")
    tally = box.results("word").tally
    assert isinstance(tally, WordTally)
    assert [w for w, _n in tally.words] == ["tired"]
    live = box.results("word").live
    assert isinstance(live, WordTally) and len(live.words) == 2  # the console's exact view


def test_two_devices_per_address_in_memory_only() -> None:
    room = Room()
    room.join("10.0.0.7")
    room.join("10.0.0.7")
    with pytest.raises(TooManyDevices):
        room.join("10.0.0.7")
    room.join("10.0.0.8")
    assert room.device_count == 3
    assert "10.0.0.7" not in repr(room)


def test_surplus_devices_raise_every_threshold() -> None:
    box, room = box_of(), Room()
    for _ in range(7):
        room.join()
    set_headcount(room, box, 5)
    assert room.surplus == 2 and box.threshold("talked") == 7 and box.minimum("talked") == 5
    set_headcount(room, box, 10)
    assert box.threshold("talked") == 5


def test_sensitive_polls_reveal_on_close_unless_told_otherwise() -> None:
    head = "---\ntitle: T\nminutes: 10\n---\n\n# Part (10 min)\n\n"
    block = "## S {id}\n\n```poll\nid: {id}\nquestion: Q\ntype: word\n{extra}```\n\n"
    body = "".join(block.format(id=i, extra=e) for i, e in (
        ("a", "sensitive: yes\n"), ("b", "sensitive: yes\nreveal: live\n"),
        ("c", "reveal: on-close\n"), ("d", "")))
    session = parse_session(head + body, "s.md").session
    assert session is not None
    assert [p.reveal_on_close for p in session.polls] == [True, False, True, False]
