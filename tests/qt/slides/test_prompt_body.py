"""Prompt slides keep their body: the paragraphs and bullets written above the prompt block
are on the wall, with the prompt, the format and the clock, all fitting together."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtGui import QImage, QPainter

from facilitator.core.session.model import Session, SlideKind
from facilitator.qt.slides.render import Rendered, SlideContext, paint_slide
from facilitator.qt.style import DARK, LIGHT


def render(session: Session, index: int, width: int, height: int,
           strip_body: bool = False) -> tuple[QImage, Rendered]:
    slide = session.slides[index]
    if strip_body:
        slide = dataclasses.replace(slide, blocks=())
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    result = paint_slide(painter, width, height, slide, SlideContext(session=session, theme=DARK))
    painter.end()
    return image, result


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768), (1920, 1080)])
def test_every_prompt_slide_with_a_body_shows_it_and_fits(qapp: object, bundled: Session,
                                                          size: tuple[int, int]) -> None:
    with_body = [i for i, s in enumerate(bundled.slides)
                 if s.kind is SlideKind.PROMPT and s.blocks]
    assert len(with_body) >= 2  # slides 7 and 29 of the bundled session at least
    for index in with_body:
        image, result = render(bundled, index, *size)
        assert result.fits, (index + 1, result.problems)
        bare, _ = render(bundled, index, *size, strip_body=True)
        assert image != bare, f"slide {index + 1} draws nothing of its body"


def test_light_theme_prompt_body_fits(qapp: object, bundled: Session) -> None:
    index = next(i for i, s in enumerate(bundled.slides)
                 if s.kind is SlideKind.PROMPT and s.blocks)
    image = QImage(1280, 720, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    result = paint_slide(painter, 1280, 720, bundled.slides[index],
                         SlideContext(session=bundled, theme=LIGHT))
    painter.end()
    assert result.fits
