"""A reader question about suicide, self-harm or wanting to die never becomes a discussion
prompt: an anonymous room cannot follow up a disclosure. It stays a facilitator note."""

from __future__ import annotations

import pytest

from facilitator.core.importer import import_article
from facilitator.core.loader import parse_session
from facilitator.core.model import Session, SlideKind

NOTE = "Not used as a prompt: this asks about self-harm or suicide."


def article(question: str) -> str:
    return f"""\
# When the Work Goes Quiet

## What Numbness Feels Like

Many doctors describe a flatness that creeps in during training. It is common and it
can lift with rest, connection and support.

{question}

## Finding a Way Back

Small steps help: sleep, a colleague you trust, and one thing outside work.

When you think about your best day at work, what made it good?
"""


def imported(question: str) -> Session:
    result = parse_session(import_article(article(question), "quiet.md").text, "quiet.md")
    assert result.errors == [], [str(e) for e in result.errors]
    assert result.session is not None
    return result.session


@pytest.mark.parametrize(
    "question",
    [
        "Have you thought about self-harm?",
        "Have you ever felt suicidal during a hard rotation?",
        "Do you sometimes want to be dead after a night shift?",
        "Have you ever thought about killing yourself?",
    ],
)
def test_risk_question_is_a_note_not_a_prompt(question: str) -> None:
    session = imported(question)
    assert [p.text for p in session.prompts] == [
        "When you think about your best day at work, what made it good?"
    ]
    section = session.sections[1]
    notes = "\n".join(slide.notes for slide in section.slides)
    assert NOTE in notes and question in notes
    assert all(question not in slide.text for slide in session.slides)  # never projected
    # The note points to support, so the section has it in reach.
    assert any(slide.kind is SlideKind.RESOURCES for slide in section.slides)


def test_risk_question_opening_a_part_still_leaves_its_note() -> None:
    text = """\
# Hard Questions

## Asked Alone

Have you ever thought about killing yourself?

## Asked Together

Rest and connection help most people recover. Colleagues notice more than we think.
"""
    session = parse_session(import_article(text, "hard.md").text, "hard.md").session
    assert session is not None
    assert session.prompts == ()
    notes = "\n".join(slide.notes for slide in session.sections[1].slides)
    assert NOTE in notes
