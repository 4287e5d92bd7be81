"""The participant handout carries the session's content, the support resources on every
page, and the reflection prompt with space to write."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from facilitator.core.session.model import Session
from facilitator.printing import PrintContext, build_handout
from facilitator.printing.handout import MAX_PAGES
from tests.printing.pdfs import flat, page_size_mm, page_texts, reader


@pytest.fixture(scope="module")
def handout_us(session: Session) -> bytes:
    from facilitator.services import assets

    ctx = PrintContext(region=assets.support_region("us"),
                       font_dir=assets.font_path("DejaVuSans.ttf").parent)
    return build_handout(session, ctx)


def test_two_to_six_a4_pages_with_metadata(handout_us: bytes) -> None:
    pdf = reader(handout_us)
    assert 2 <= len(pdf.pages) <= MAX_PAGES
    assert page_size_mm(handout_us) == (210.0, 297.0)
    assert pdf.metadata is not None
    assert pdf.metadata.title == "Numb in Medicine: participant handout"
    assert pdf.metadata.author != "facilitator"  # a person or nothing, never the app
    assert str(pdf.trailer["/Root"]["/Lang"]) == "en"


def test_carries_the_sessions_content(handout_us: bytes, session: Session) -> None:
    text = flat(" ".join(page_texts(handout_us)))
    assert session.title in text and session.subtitle in text
    # The three kinds of numb, the comparison table, the four things to do.
    for phrase in ("Functional detachment", "Warning-sign numbness", "Ethical deadening",
                   "More likely a normal phase", "Spills into everything",
                   "Get an outside brain involved", "Don’t wait for it to pass if"):
        assert phrase in text, phrase
    # Every step of the flow diagram, in order.
    flow = next(slide.flow for slide in session.slides if slide.flow)
    assert flow is not None
    cursor = text.index("How workload becomes numbness")
    for step in flow.steps:
        cursor = text.index(step, cursor + 1)
    # Discussion prompts, with curly quotes from the embedded font.
    assert "Which part of the “passion for medicine” story" in text


def test_support_resources_in_the_body_and_on_every_page(handout_us: bytes) -> None:
    pages = page_texts(handout_us)
    body = flat(" ".join(pages))
    for needle in ("Call or text 988", "Text HOME to 741741", "1-888-409-0141",
                   "not reportable to boards", "In an emergency call 911."):
        assert needle in body, needle
    for number, page in enumerate(pages, start=1):
        footer = flat(page)
        assert "Need to talk to someone?" in footer, number
        assert "Text HOME to 741741" in footer, number


def test_reflection_prompt_on_the_last_page_with_lines(handout_us: bytes) -> None:
    last = flat(page_texts(handout_us)[-1])
    prompt = "If my numbness could talk honestly, what would it say about what I need right now?"
    assert f"“{prompt}”" in last
    # Lined writing space: many horizontal rules drawn on the last page.
    content = reader(handout_us).pages[-1].get_contents()
    assert content is not None
    assert content.get_data().count(b" l") >= 12


def test_letter_paper_is_honoured(session: Session, make_ctx: Callable[..., PrintContext]) -> None:
    pdf = build_handout(session, make_ctx(paper="letter"))
    assert page_size_mm(pdf) == (215.9, 279.4)
    assert 2 <= len(reader(pdf).pages) <= MAX_PAGES


def test_another_session_gets_its_own_handout(small_session: Session,
                                              make_ctx: Callable[..., PrintContext]) -> None:
    pdf = build_handout(small_session, make_ctx(region="uk", local=True))
    text = flat(" ".join(page_texts(pdf)))
    assert "Sleep and Shifts" in text
    assert "Numb in Medicine" not in text
    assert "Sleep debt builds — quietly" in text
    assert "“I’m fine” → often not" in text
    assert "What would a kinder rota look like for me?" in text
    assert "Samaritans" in text and "Text SHOUT to 85258" in text
    assert "Student Counselling Service" in text
    assert str(reader(pdf).trailer["/Root"]["/Lang"]) == "en-GB"


def test_without_local_entries_there_is_a_blank_for_the_school_service(
        handout_us: bytes) -> None:
    assert "My school’s counselling service or student health" in flat(
        " ".join(page_texts(handout_us)))


@pytest.mark.parametrize("region", ["uk", "ie", "ca", "au", "intl"])
def test_every_region_fits_six_letter_pages(session: Session, region: str,
                                             make_ctx: Callable[..., PrintContext]) -> None:
    """Letter is the shorter paper and the UK has the most entries: the tightest fit."""
    pdf = build_handout(session, make_ctx(region=region, paper="letter", local=True))
    assert 2 <= len(reader(pdf).pages) <= MAX_PAGES
    assert "Student Counselling Service" in flat(" ".join(page_texts(pdf)))


def test_order_follows_the_session_and_long_urls_are_shortened(
        small_session: Session, make_ctx: Callable[..., PrintContext]) -> None:
    text = flat(" ".join(page_texts(build_handout(small_session, make_ctx(region="uk")))))
    # The pairs prompt comes before the "Help" slide's resources, as in the session.
    assert text.index("What helps you recover after a run of nights?") < text.index(
        "In an emergency call 999.")
    assert "bma.org.uk" in text and "your-wellbeing" not in text
