"""Shrink-to-fit tries full size, then the smallest step, then the ones between: the same
answer as walking every step down from full size, for a fraction of the text layouts where
a layout cannot fit (the support panel's ladder with long local services)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from facilitator.core.session.model import Session
from facilitator.qt.slides import text as st
from facilitator.qt.slides.render import SlideContext, render_image
from facilitator.qt.style import DARK
from facilitator.services.support_source import SupportSource
from tests.qt.slides.test_support_visible import long_local

Build = Callable[[float], QTextDocument]


def walk_every_step(build: Build, box: QSizeF, floor: float = st.FLOOR_SCALE) -> st.Fitted:
    """The rule as it was: each step down from full size until one fits."""
    scale = 1.0
    doc = build(scale)
    while not st.fits(doc, box):
        if scale - st.SCALE_STEP < floor - 1e-9:
            return st.Fitted(doc, scale, False)
        scale -= st.SCALE_STEP
        doc = build(scale)
    return st.Fitted(doc, scale, True)


def lines(count: int) -> Build:
    return lambda scale: st.document("<br>".join(["Line"] * count), 400, 20, "#ffffff")


def counted(by_scale: Callable[[float], Build]) -> tuple[Build, list[float]]:
    built: list[float] = []

    def build(scale: float) -> QTextDocument:
        built.append(round(scale, 2))
        return by_scale(scale)(scale)

    return build, built


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720)])
@pytest.mark.parametrize("local", [0, 6])
def test_every_bundled_slide_gets_the_step_the_walk_gave(
        qtbot: QtBot, bundled: Session, monkeypatch: pytest.MonkeyPatch,
        size: tuple[int, int], local: int) -> None:
    # 1024x768 holds the case that broke a plain smallest-first test: a 100%-wide table
    # 0.6 px too wide at the smallest step only (slide 20), which fits at 0.92.
    ctx = SlideContext(bundled, DARK, SupportSource("uk", long_local(local)))
    fit = st.fit
    for slide in bundled.slides:
        monkeypatch.setattr(st, "fit", walk_every_step)
        _, walked = render_image(slide, ctx, *size)
        monkeypatch.setattr(st, "fit", fit)
        _, fitted = render_image(slide, ctx, *size)
        assert (fitted.fits, fitted.scale, fitted.problems) == (
            walked.fits, walked.scale, walked.problems), slide.title


def test_text_that_fits_at_full_size_is_built_once(qtbot: QtBot) -> None:
    build, built = counted(lambda scale: lines(3))
    fitted = st.fit(build, QSizeF(400, 400))
    assert fitted.fits and fitted.scale == 1.0 and built == [1.0]


def test_a_clear_miss_at_the_smallest_step_costs_two_builds(qtbot: QtBot) -> None:
    build, built = counted(lambda scale: lines(40))
    fitted = st.fit(build, QSizeF(400, lines(10)(1).size().height()))
    assert not fitted.fits
    assert built == [1.0, round(st.scale_steps()[-1], 2)]
    assert fitted.scale == st.scale_steps()[-1]


def test_a_near_miss_at_the_smallest_step_walks_every_step(qtbot: QtBot) -> None:
    # Ten lines in a box one pixel short of them at the smallest step (rounding wobble),
    # nine at 0.92: the walk's answer, 0.92, not "does not fit".
    box = QSizeF(400, lines(10)(1).size().height() - 1)
    smallest = st.scale_steps()[-1]
    counts = {1.0: 12, 0.96: 11, 0.92: 9}

    def by_scale(scale: float) -> Build:
        return lines(10 if scale == smallest else counts.get(round(scale, 2), 9))

    build, built = counted(by_scale)
    walked = walk_every_step(build, box)
    built.clear()
    fitted = st.fit(build, box)
    assert fitted.fits and round(fitted.scale, 2) == 0.92
    assert (fitted.fits, fitted.scale) == (walked.fits, walked.scale)
    assert built == [1.0, round(smallest, 2), 0.96, 0.92]


def test_the_steps_run_from_full_size_to_the_floor() -> None:
    steps = st.scale_steps()
    assert steps[0] == 1.0 and steps[-1] >= st.FLOOR_SCALE - 1e-9
    assert steps[-1] - st.SCALE_STEP < st.FLOOR_SCALE - 1e-9
    assert st.scale_steps(1.0) == [1.0]
