"""The importer never projects harm: risk wording goes to the facilitator's notes, advice
keeps the article's framing, and every session language gets its support slide."""

from __future__ import annotations

from pathlib import Path

from facilitator.core.importer.draft import import_article
from facilitator.core.importer.part_slides import keep_framing
from facilitator.core.session.loader import parse_session
from facilitator.core.session.model import Session, SlideKind
from facilitator.core.session.safety import mentions_risk

ARTICLE = Path("/work/shared/article/numb-in-medicine.txt")


def imported(text: str, name: str = "a.md") -> Session:
    result = parse_session(import_article(text, name).text, name)
    assert result.errors == [] and result.warnings == [], [str(e) for e in result.errors]
    assert result.session is not None
    return result.session


WARNING_SIGNS = """\
# Numb

A short piece about numbness in training and what helps.

## When Should You Be Worried Right Now?

If any of this is happening, don't wait for it to pass:

- You're thinking about self-harm, not wanting to be here, or fantasizing about getting hit by a bus so you can stop
- You're using alcohol just to feel something
- You've started making mistakes and you kind of don't care
- You're fantasizing about disappearing, or just never waking up

Call someone. A hotline. A crisis text line. You are not the first person to feel this way.

## Get an Outside Brain Involved

Therapy. Counseling. A trusted faculty member who is not evaluating you.

Here's the alternative:

You white-knuckle it alone until things get so bad that either your health blows up or your performance does. Programs worry when people implode out of nowhere, not when they reach out early.
"""


def test_risk_items_become_notes_and_never_slide_text() -> None:
    session = imported(WARNING_SIGNS)
    for slide in session.slides:
        if slide.kind is not SlideKind.CONTENT_NOTE:  # the note names the topics, by design
            assert not mentions_risk(slide.text), (slide.title, slide.text)
    notes = "\n".join(slide.notes for slide in session.slides)
    assert "getting hit by a bus" in notes and "never waking up" in notes
    assert any(slide.kind is SlideKind.RESOURCES for slide in session.slides)


def test_advice_keeps_the_articles_framing_or_is_left_out() -> None:
    session = imported(WARNING_SIGNS)
    for slide in session.slides:
        for line in slide.text.splitlines():
            if "white-knuckle" in line:
                assert "alternative:" in line, line
    assert keep_framing(["Here's the alternative:", "You go it alone.", "Then more."]) == [
        "Here's the alternative: You go it alone.", "Then more."]


def test_a_romanian_article_about_thoughts_of_death_gets_support_and_a_note() -> None:
    text = """\
# Amorțeala în medicină

## Când să te îngrijorezi

Mulți studenți simt o oboseală adâncă în timpul rezidențiatului și asta poate trece.

- Ai gânduri de moarte sau vrei să nu te mai trezești
- Nu mai simți bucurie pentru nimic
- Faci greșeli și nu îți mai pasă

Vorbește cu cineva: un prieten, un medic, o linie de sprijin.
"""
    session = imported(text, "ro.md")
    assert any(slide.kind is SlideKind.RESOURCES for slide in session.slides)
    note = next(slide.content_note for slide in session.slides if slide.content_note)
    assert "dorința de a nu mai trăi" in note  # "not wanting to be alive", in the draft's language
    assert not any(mentions_risk(slide.text) for slide in session.slides
                   if slide.kind is not SlideKind.CONTENT_NOTE)


def test_the_bundled_article_projects_no_harm() -> None:
    session = imported(ARTICLE.read_text(encoding="utf-8"), "numb.txt")
    shown = "\n".join(slide.text for slide in session.slides
                      if slide.kind is not SlideKind.CONTENT_NOTE)
    assert "hit by a bus" not in shown
    assert all("alternative:" in line for line in shown.splitlines() if "white-knuckle" in line)
