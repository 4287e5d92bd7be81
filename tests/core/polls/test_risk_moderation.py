"""Risk reaches the facilitator, never the wall: flagged text, held-back words, word
moderation and withdrawing what is already on screen."""

from __future__ import annotations

from dataclasses import replace

from facilitator.core.polls.ballot import BallotBox, BallotError
from facilitator.core.polls.moderation import Decision
from facilitator.core.polls.tally import TextTally, WordTally
from facilitator.core.session.loader import parse_session
from tests import polls
from tests.core.risk.wordings import CHAT, WORD_ANSWERS

MODERATED = replace(polls.WORD, moderate=True)


def box_with(*poll_list: object) -> BallotBox:
    box = BallotBox(poll_list)  # type: ignore[arg-type]
    for poll in box.polls:
        box.open(poll.id)
    return box


def word_tally(box: BallotBox, poll_id: str = "word") -> WordTally:
    tally = box.results(poll_id).live  # the exact tally the console reads
    assert isinstance(tally, WordTally)
    return tally


def test_a_risky_text_answer_is_flagged_with_its_category() -> None:
    box = box_with(polls.TEXT)
    for key, text in zip("abc", ["More sleep", "I want to kill myself", "Peer groups"], strict=True):
        box.submit("idea", key, text)
    pending = box.results("idea").pending
    assert [(item.text, item.risk) for item in pending] == [
        ("More sleep", ""), ("I want to kill myself", "suicide"), ("Peer groups", "")]


def test_an_approved_answer_can_be_withdrawn_from_the_screen() -> None:
    box = box_with(polls.TEXT)
    for key in "abc":
        box.submit("idea", key, f"idea {key}")
    first = box.results("idea").pending[0]
    box.moderate("idea", first.id, Decision.APPROVED)
    results = box.results("idea")
    assert [item.id for item in results.approved] == [first.id]
    box.moderate("idea", first.id, Decision.REJECTED)
    tally = box.results("idea").tally
    assert isinstance(tally, TextTally) and tally.approved == ()


def test_chat_spellings_never_reach_the_cloud_and_are_listed_for_the_facilitator() -> None:
    box = box_with(polls.WORD)
    answers = ["hope", "kms", "hope", "unalive", "sleep", "su1cide", *WORD_ANSWERS[:2]]
    for number, word in enumerate(answers):
        box.submit("word", f"d{number}", word)
    tally = word_tally(box)
    assert tally.words == (("hope", 2), ("sleep", 1))
    assert tally.held_back == 5
    assert {(w, c) for w, _, c in tally.risky} == {
        ("kms", "suicide"), ("unalive", "suicide"), ("su1cide", "suicide"),
        ("die", "wanting to die"), ("d1e", "wanting to die")}


def test_every_chat_spelling_is_held_back_by_the_word_cloud() -> None:
    box = box_with(polls.WORD)
    accepted = 0
    for number, word in enumerate(CHAT):
        try:
            box.submit("word", f"d{number}", word)
        except BallotError:  # "s u i c i d e" is seven words: a word poll refuses it anyway
            continue
        accepted += 1
    assert accepted >= 20
    assert word_tally(box).words == () and word_tally(box).held_back == accepted


def test_a_moderated_word_poll_shows_only_approved_words_and_any_can_be_withdrawn() -> None:
    box = box_with(MODERATED)
    for key, word in zip("abcd", ["dr smith sucks", "hope", "hope", "coffee"], strict=True):
        box.submit("word", key, word)
    tally = word_tally(box)
    assert tally.words == () and dict(tally.waiting) == {"hope": 2, "dr smith sucks": 1,
                                                         "coffee": 1}
    box.moderate_word("word", "hope", Decision.APPROVED)
    box.moderate_word("word", "dr smith sucks", Decision.REJECTED)
    tally = word_tally(box)
    assert tally.words == (("hope", 2),)
    assert tally.waiting == (("coffee", 1),) and tally.withdrawn == (("dr smith sucks", 1),)
    box.moderate_word("word", "hope", Decision.REJECTED)  # withdrawn from the screen
    assert word_tally(box).words == ()
    # An unmoderated cloud shows words at once, and any can still be withdrawn.
    plain = box_with(polls.WORD)
    for key, word in zip("abc", ["hope", "tea", "tea"], strict=True):
        plain.submit("word", key, word)
    plain.moderate_word("word", "tea", Decision.REJECTED)
    assert word_tally(plain).words == (("hope", 1),)


def test_risky_words_stay_held_even_when_approved() -> None:
    box = box_with(MODERATED)
    for key in "abc":
        box.submit("word", key, "kms")
    box.moderate_word("word", "kms", Decision.APPROVED)
    assert word_tally(box).words == () and word_tally(box).held_back == 3


def test_word_polls_are_moderated_by_default_in_a_session_with_a_content_note() -> None:
    head = "---\ntitle: T\n---\n\n# A (3m)\n\n"
    poll = "## W\n\n```poll\nid: w\nquestion: One word?\ntype: word\n{extra}```\n"
    note = "## N\n\n```content-note\nStep out any time.\n```\n\n"
    sensitive = parse_session(head + note + poll.format(extra=""))
    plain = parse_session(head + poll.format(extra=""))
    explicit = parse_session(head + note + poll.format(extra="moderate: no\n"))
    assert sensitive.session and sensitive.session.polls[0].moderated
    assert plain.session and not plain.session.polls[0].moderated
    assert explicit.session and not explicit.session.polls[0].moderated
    wrong = parse_session(head + "## P\n\n```poll\nid: p\nquestion: Q?\ntype: yes-no\n"
                          "moderate: yes\n```\n", "s.md")
    assert [e.line for e in wrong.errors] == [13]

