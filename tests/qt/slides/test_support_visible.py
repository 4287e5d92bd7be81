"""Support is visible wherever risk is named: the content note draws its resources, and
the emergency line is never the part that goes, whatever the region and local services."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from facilitator.core.session.model import (
    BulletList,
    ResourcesRef,
    Section,
    Session,
    Slide,
    SlideKind,
    Span,
)
from facilitator.core.support.regions import REGION_CODES, local_entry
from facilitator.qt.slides.export import export_pdf
from facilitator.qt.slides.render import SlideContext, render_image
from facilitator.qt.slides.support_panel import MORE_ON_CARD
from facilitator.qt.style import DARK
from facilitator.services.support_source import SupportSource

NOTE = Slide("Before we begin", SlideKind.CONTENT_NOTE, resources=ResourcesRef(),
             content_note="Today touches self-harm and not wanting to be alive. Step out "
                          "any time; a co-facilitator will check in with you.")
SIGNS = Slide("Signs it is time for support", SlideKind.CONTENT, resources=ResourcesRef(),
              blocks=(BulletList(tuple((Span(text),) for text in (
                  "Blank about everything, not just medicine",
                  "You cannot remember the last time you felt happy or excited",
                  "You wonder what the point of any of it is",
                  "Thoughts of self-harm or of not wanting to be here"))),))
WHERE = Slide("Where to get help now", SlideKind.RESOURCES, resources=ResourcesRef())


def long_local(count: int) -> tuple:
    return tuple(local_entry(f"St Elsewhere Counselling and Wellbeing Service number {n}",
                             f"+44 20 7946 09{n:02d} extension 4410",
                             "Text WELLBEING to 60777", hours="Weekdays 9 am-5 pm")
                 for n in range(count))


def pdf_text(tmp_path: Path, slide: Slide, support: SupportSource, size=(1280, 720)) -> str:
    session = Session("T", (Section("S", 5, (slide,)),), region=support.default_region)
    path = export_pdf(session, tmp_path / f"{slide.title}.pdf", *size, DARK, support)
    return " ".join(PdfReader(path).pages[0].extract_text().split())


def test_content_note_draws_its_resources(qtbot: QtBot, tmp_path: Path) -> None:
    text = pdf_text(tmp_path, NOTE, SupportSource("us"))
    assert "Today touches self-harm" in text
    assert "988 Suicide & Crisis Lifeline" in text and "In an emergency call 911." in text
    session = Session("T", (Section("S", 5, (NOTE,)),))
    _, rendered = render_image(NOTE, SlideContext(session, DARK, SupportSource("us")), 1280, 720)
    assert rendered.fits, rendered.problems


@pytest.mark.parametrize("region", REGION_CODES)
@pytest.mark.parametrize("slide", [NOTE, SIGNS, WHERE], ids=lambda s: s.kind.value)
def test_emergency_line_always_drawn_with_two_long_local_services(
        qtbot: QtBot, tmp_path: Path, region: str, slide: Slide) -> None:
    support = SupportSource(region, long_local(2))
    emergency = support.block(None).emergency_line
    for size in ((1280, 720), (1024, 768), (1920, 1080)):
        text = pdf_text(tmp_path, slide, support, size)
        assert emergency in text, (region, size, text)
        session = Session("T", (Section("S", 5, (slide,)),))
        _, rendered = render_image(slide, SlideContext(session, DARK, support), *size)
        assert rendered.fits, (region, size, rendered.problems)


def test_too_many_services_lose_detail_then_services_never_the_emergency_line(
        qtbot: QtBot, tmp_path: Path) -> None:
    support = SupportSource("uk", long_local(6))
    text = pdf_text(tmp_path, SIGNS, support)
    assert "In an emergency call 999." in text
    assert MORE_ON_CARD in text  # the rest are on the card
    assert "Samaritans" in text, "the region's crisis line is kept ahead of local offices"
    roomy = pdf_text(tmp_path, WHERE, SupportSource("uk"))
    assert "samaritans.org" in roomy and MORE_ON_CARD not in roomy  # full detail when it fits


def test_a_session_for_another_region_shows_this_regions_services(qtbot: QtBot,
                                                                    tmp_path: Path) -> None:
    us_only = Slide("Help", SlideKind.RESOURCES, resources=ResourcesRef(include=("988",)))
    text = pdf_text(tmp_path, us_only, SupportSource("uk"))
    assert "Samaritans" in text and "988" not in text
