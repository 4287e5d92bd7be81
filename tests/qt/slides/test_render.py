"""Slides render legibly: sizes from the height, shrink to a floor, report what won't fit."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from facilitator.core.session.model import (
    BulletList,
    Flow,
    Paragraph,
    Section,
    Session,
    Slide,
    SlideKind,
    Span,
)
from facilitator.qt.slides import text as st
from facilitator.qt.slides.render import SlideContext, render_image
from facilitator.qt.style import DARK, THEMES
from facilitator.services.support_source import SupportSource


def context(session: Session, theme_name: str = "dark") -> SlideContext:
    return SlideContext(session, THEMES[theme_name], SupportSource(session.region))


def one_slide(slide: Slide) -> Session:
    return Session("T", (Section("S", 5, (slide,)),))


@pytest.mark.parametrize("theme", sorted(THEMES))
@pytest.mark.parametrize("size", [(1280, 720), (1366, 768), (1920, 1080), (1024, 768)])
def test_every_bundled_slide_fits(qtbot: QtBot, bundled: Session, size: tuple[int, int],
                                  theme: str) -> None:
    # Laid out in the bundled font (qt/fonts.py), so this holds on any machine.
    ctx = context(bundled, theme)
    problems = []
    for number, slide in enumerate(bundled.slides, start=1):
        _, rendered = render_image(slide, ctx, *size)
        if not rendered.fits:
            problems.append((number, slide.title, rendered.problems))
        assert rendered.scale >= st.FLOOR_SCALE
    assert not problems


def test_every_kind_of_the_sample_session_fits(qtbot: QtBot, sample: Session) -> None:
    kinds = {slide.kind for slide in sample.slides}
    assert kinds == set(SlideKind)
    ctx = context(sample)
    for slide in sample.slides:
        assert render_image(slide, ctx, 1280, 720)[1].fits, slide.title


def ink_rows(image: QImage, background: str, top: int, bottom: int) -> list[int]:
    """Rows between `top` and `bottom` holding any pixel that is not the background."""
    bg = int(background.lstrip("#"), 16)
    rows = []
    for y in range(top, bottom):
        for x in range(0, image.width(), 2):
            if image.pixel(x, y) & 0xFFFFFF != bg:
                rows.append(y)
                break
    return rows


def test_body_text_is_a_twentieth_of_the_height(qtbot: QtBot) -> None:
    """Measure the ink: capital letters of 1/20-height text are about 0.72 x 36 px tall."""
    slide = Slide("Heading", SlideKind.CONTENT, blocks=(Paragraph((Span("HHHH HHHH"),)),))
    image, rendered = render_image(slide, context(one_slide(slide)), 1280, 720)
    assert rendered.scale == 1.0
    rows = ink_rows(image, DARK.background, 160, 720)  # below the heading and its rule
    cap_height = rows[-1] - rows[0] + 1
    assert cap_height >= 0.68 * 720 / 20, cap_height
    heading_rows = ink_rows(image, DARK.background, 0, 130)
    assert heading_rows[-1] - heading_rows[0] + 1 > cap_height * 1.4


def test_long_text_shrinks_but_not_below_the_floor(qtbot: QtBot) -> None:
    items = tuple((Span(f"Point number {i} with a few more words"),) for i in range(10))
    slide = Slide("Many points", SlideKind.CONTENT, blocks=(BulletList(items),))
    _, rendered = render_image(slide, context(one_slide(slide)), 1280, 720)
    assert rendered.fits
    assert st.FLOOR_SCALE <= rendered.scale < 1.0


def test_too_much_text_is_reported_not_clipped(qtbot: QtBot) -> None:
    items = tuple((Span(f"Point number {i} with a few more words"),) for i in range(30))
    slide = Slide("Far too many points", SlideKind.CONTENT, blocks=(BulletList(items),))
    _, rendered = render_image(slide, context(one_slide(slide)), 1280, 720)
    assert not rendered.fits
    assert "the body does not fit" in rendered.problems[0]


def test_a_word_wider_than_the_slide_is_reported(qtbot: QtBot) -> None:
    slide = Slide("W", SlideKind.CONTENT, blocks=(Paragraph((Span("Pneumono" * 12),)),))
    assert not render_image(slide, context(one_slide(slide)), 1280, 720)[1].fits


def test_seven_flow_steps_fit_and_twelve_long_ones_do_not(qtbot: QtBot, sample: Session) -> None:
    flow = next(slide for slide in sample.slides if slide.kind is SlideKind.FLOW)
    assert flow.flow is not None and len(flow.flow.steps) == 7
    assert render_image(flow, context(sample), 1280, 720)[1].fits
    crowded = dataclasses.replace(flow, flow=Flow(tuple(
        f"A much longer step description number {i}" for i in range(12))))
    assert not render_image(crowded, context(sample), 1280, 720)[1].fits


def test_poll_slides_report_regions_for_live_widgets(qtbot: QtBot, sample: Session) -> None:
    poll = next(slide for slide in sample.slides if slide.kind is SlideKind.POLL)
    _, rendered = render_image(poll, context(sample), 1280, 720)
    results, join = rendered.regions["results"], rendered.regions["join"]
    assert results.width() > join.width() > 200
    assert not results.intersects(join)
    assert 0 <= results.left() and join.right() <= 1280 and join.bottom() <= 720


def test_resources_slide_shows_the_regions_entries(qtbot: QtBot, sample: Session) -> None:
    """The 988 entry is drawn: its slide differs from one rendered with no support source."""
    slide = next(slide for slide in sample.slides if slide.kind is SlideKind.RESOURCES)
    with_support, _ = render_image(slide, context(sample), 1280, 720)
    without, _ = render_image(slide, SlideContext(sample, DARK, None), 1280, 720)
    assert with_support != without
    assert SupportSource("us").block(None).entries[0].id == "988"


def test_a_4_by_3_screen_shows_the_slide_in_a_centred_16_by_9_band(
        qtbot: QtBot, sample: Session) -> None:
    poll = next(slide for slide in sample.slides if slide.kind is SlideKind.POLL)
    image, rendered = render_image(poll, context(sample), 1024, 768)
    band_top = (768 - 576) / 2
    assert rendered.regions["results"].top() > band_top
    assert rendered.regions["join"].bottom() <= band_top + 576
    top_rows = ink_rows(image, DARK.background, 0, int(band_top))
    assert not top_rows  # nothing drawn above the band


def test_fit_problems_names_the_slides_that_do_not_fit(qtbot: QtBot, sample: Session) -> None:
    from facilitator.qt.slides.export import fit_problems

    assert fit_problems(sample, 1280, 720, DARK, SupportSource("us")) == []
    items = tuple((Span(f"Point {i} that goes on for a while"),) for i in range(30))
    crowded = Slide("Crowded", SlideKind.CONTENT, blocks=(BulletList(items),))
    session = Session("T", (Section("S", 5, (*sample.slides[:2], crowded)),))
    problems = fit_problems(session, 1280, 720, DARK, None)
    assert [(p.number, p.title) for p in problems] == [(3, "Crowded")]
    assert str(problems[0]).startswith("slide 3 ('Crowded') does not fit")
