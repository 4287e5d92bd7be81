"""A reader question about suicide, self-harm or wanting to die never becomes a discussion
prompt: an anonymous room cannot follow up a disclosure. It stays a facilitator note."""

from __future__ import annotations

import pytest

from facilitator.core.importer.draft import import_article
from facilitator.core.importer.prompts import reader_question
from facilitator.core.session.loader import parse_session
from facilitator.core.session.model import Session, SlideKind
from facilitator.core.session.safety import mentions_risk

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
        "Have you ever wanted to die?",
        "Have you ever wanted to hurt yourself on purpose?",
        "Have you ever thought about how you would take your own life?",
        "Do you have thoughts of dying when the shifts pile up?",
        "Have you ever thought about ending it all?",
        "Do you ever feel people would be better off without you?",
        "What would you say to a colleague who wants to die?",
    ],
)
def test_risk_question_is_a_note_not_a_prompt(question: str) -> None:
    # Each wording is a reader question the importer would otherwise have made a prompt.
    assert reader_question(question) == question and mentions_risk(question)
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


def test_closing_writing_prompt_about_wanting_to_die_is_a_note_too() -> None:
    text = """\
# Quiet Shifts

## Noticing

Numbness is common in training and it can lift with rest and support.

## Before You Go

Take ten minutes and write about a time you wanted to die.
"""
    result = parse_session(import_article(text, "quiet.md").text, "quiet.md")
    assert result.errors == [] and result.warnings == [], [str(d) for d in (*result.errors, *result.warnings)]
    assert result.session is not None and result.session.prompts == ()
    section = result.session.sections[-1]
    assert NOTE in "\n".join(slide.notes for slide in section.slides)
    assert all("wanted to die" not in slide.text for slide in result.session.slides)
