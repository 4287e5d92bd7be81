"""No dashed "Answer on your phone" placeholder around a live QR code: with the QR
plugged in, the join region is left to it."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage, QPainter

from facilitator.core.session.model import Session, SlideKind
from facilitator.qt.slides.render import SlideContext, paint_slide
from facilitator.qt.style import DARK


def test_live_qr_region_has_no_placeholder(qapp: object, bundled: Session) -> None:
    slide = next(s for s in bundled.slides if s.kind is SlideKind.POLL)
    colours = []
    for live in (False, True):
        image = QImage(1280, 720, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        result = paint_slide(painter, 1280, 720, slide,
                             SlideContext(session=bundled, theme=DARK, live_join=live))
        painter.end()
        join = result.regions["join"].toAlignedRect()
        colours.append({image.pixelColor(x, y).name()
                        for x in range(join.left(), join.right(), 3)
                        for y in range(join.top(), join.bottom(), 3)})
    placeholder, live = colours
    assert len(placeholder) > 1  # the dashed box and its caption while no server runs
    assert live == {QColor(DARK.background).name()}  # nothing under the live QR


def test_the_live_chart_never_covers_the_poll_footer(qapp: object, bundled: Session) -> None:
    for slide in (s for s in bundled.slides if s.kind is SlideKind.POLL):
        image = QImage(1366, 768, QImage.Format.Format_RGB32)
        image.fill(QColor(DARK.background))
        painter = QPainter(image)
        result = paint_slide(painter, 1366, 768, slide, SlideContext(session=bundled))
        painter.end()
        results, join = result.regions["results"], result.regions["join"]
        below = results.toAlignedRect()
        # The footer's text lies under the chart's region, inside the join column's height.
        footer_rows = [y for y in range(below.bottom() + 1, int(join.bottom()))
                       if any(image.pixelColor(x, y).name() != QColor(DARK.background).name()
                              for x in range(below.left(), below.right(), 2))]
        assert footer_rows, f"{slide.title}: no footer below the chart's region"
