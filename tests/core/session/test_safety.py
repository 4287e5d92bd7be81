"""The safe-messaging pattern: every common way of asking about suicide or self-harm."""

from __future__ import annotations

import pytest

from facilitator.core.polls.tally import WordTally, count
from facilitator.core.session.loader import parse_session
from facilitator.core.session.model import Poll, PollType
from facilitator.core.session.safety import mentions_risk
from facilitator.services.assets import slide_file

RISKY = [
    "Have you had suicidal thoughts this year?",
    "Have you ever wanted to die?",
    "Do you sometimes want to be dead?",
    "Have you ever hurt yourself on purpose?",
    "Do you cut yourself?",
    "Have you thought about self-harm?",
    "Have you considered taking your own life?",
    "Have you had thoughts of dying?",
    "Do you ever think about ending it all?",
    "Do you wish you were dead?",
    "Do you feel people would be better off without you?",
    "Are you not wanting to be alive?",
    "Have you thought about killing yourself?",
    "an overdose",
]
SAFE = [
    "How numb do you feel about medicine this term?",
    "Which drivers weigh most on people in our program?",
    "What stops people from getting support?",
    "Did a patient die on your ward this month?",  # grief, not self-harm
    "Do you take care of yourself after a long shift?",
    "What would it take to end the stigma?",
]


@pytest.mark.parametrize("text", RISKY)
def test_risky_wordings_are_caught(text: str) -> None:
    assert mentions_risk(text)


@pytest.mark.parametrize("text", SAFE)
def test_ordinary_questions_pass(text: str) -> None:
    assert not mentions_risk(text)


@pytest.mark.parametrize("question", RISKY[:6])
def test_poll_asking_about_it_is_refused(question: str) -> None:
    text = (
        "---\ntitle: T\n---\n\n# A (3m)\n\n## Help\n\n```resources\n```\n\n"
        f"## P\n\n```poll\nid: p\nquestion: {question}\ntype: yes-no\n```\n"
    )
    result = parse_session(text, "s.md")
    assert [e.line for e in result.errors] == [14]
    assert "asks about suicide, self-harm or wanting to die" in result.errors[0].message


def test_bundled_session_has_no_false_alarm() -> None:
    text = slide_file().read_text(encoding="utf-8")
    assert parse_session(text).warnings == []


def test_discussing_it_in_pairs_is_refused_and_alone_is_warned() -> None:
    head = "---\ntitle: T\n---\n\n# A (3m)\n\n## Help\n\n```resources\n```\n\n## P\n\n"
    pairs = parse_session(
        head + "```prompt\ntext: Have you ever wanted to die?\nformat: pairs\nduration: 2m\n```\n", "s.md"
    )
    assert [(e.line, "pairs or groups" in e.message) for e in pairs.errors] == [(14, True)]
    alone = parse_session(
        head + "```prompt\ntext: Have you ever wanted to die?\nformat: solo\nduration: 2m\n```\n", "s.md"
    )
    # Line 12: the slide itself names the topic and no support follows it; line 14: the prompt.
    assert alone.ok and [w.line for w in alone.warnings] == [12, 14]


def test_word_cloud_holds_back_words_about_suicide_or_self_harm() -> None:
    poll = Poll(id="w", question="One word?", type=PollType.WORD)
    tally = count(poll, ["hope", "suicide", "hope", "overdose", "ending it all", "sleep"])
    assert isinstance(tally, WordTally)
    assert tally.words == (("hope", 2), ("sleep", 1))
    assert tally.held_back == 3


def test_a_resources_block_the_projector_cannot_draw_is_not_support() -> None:
    head = "---\ntitle: T\n---\n\n# A (3m)\n\n## N\n\n```content-note\nStep out.\n```\n\n"
    signs = "## Signs\n\n- Thoughts of self-harm\n\n"
    hidden = ("## Prompt\n\n```prompt\ntext: What helps?\nformat: solo\nduration: 1m\n```\n\n"
              "```resources\n```\n")
    result = parse_session(head + signs + hidden, "s.md")
    assert [w.line for w in result.warnings] == [13]  # the prompt slide draws no resources
    shown = parse_session(head + signs + "## Help\n\n```resources\n```\n", "s.md")
    assert shown.warnings == []
