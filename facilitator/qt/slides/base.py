"""What every slide painter shares: the context a slide is drawn in, the report of what
fitted, the frame's geometry, and the two drawing helpers (heading, shrink-to-fit text).

A module of its own so the painters for each slide kind (`render`, `graphics`,
`interactive`, `support_panel`) import it and never each other: no import cycle.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPainter, QTextDocument

from facilitator.core.session.model import Session
from facilitator.core.timing.timer import TimerSnapshot
from facilitator.qt.slides import text as st
from facilitator.qt.style import DARK, Theme
from facilitator.services.support_source import SupportSource

WIDEST_LAYOUT = 16 / 9


@dataclass(frozen=True)
class SlideContext:
    """Everything besides the slide that changes how it looks."""

    session: Session
    theme: Theme = DARK
    support: SupportSource | None = None  # where resources slides get their entries
    timer: TimerSnapshot | None = None  # the live countdown when this prompt is the timed one
    flash: bool = False  # the visual chime: countdown drawn inverted for a moment
    live_join: bool = False  # a live QR code covers the join region: draw no placeholder
    # Breakout groups are assigned: their banner covers the bottom GROUPS_BANNER of a prompt
    # slide, so the prompt's text stops above it.
    groups_banner: bool = False


GROUPS_BANNER = 1 / 11  # the groups banner's share of the slide's height, at the bottom


@dataclass
class Rendered:
    fits: bool = True
    scale: float = 1.0  # smallest text scale used (1.0 = body at 1/20 of the height)
    problems: list[str] = field(default_factory=list)
    regions: dict[str, QRectF] = field(default_factory=dict)

    def note(self, what: str, fitted: st.Fitted) -> None:
        self.scale = min(self.scale, fitted.scale)
        if not fitted.fits:
            self.fits = False
            self.problems.append(f"{what} does not fit even at the smallest legible size")


@dataclass(frozen=True)
class Frame:
    """Slide geometry: margins and type sizes derived from the height."""

    width: float
    height: float

    @property
    def margin_x(self) -> float:
        return max(self.width * 0.055, self.height * 0.06)

    @property
    def margin_y(self) -> float:
        return self.height * 0.065

    @property
    def body(self) -> float:
        return self.height * st.BODY

    @property
    def heading(self) -> float:
        return self.height * st.HEADING

    @property
    def content_width(self) -> float:
        return self.width - 2 * self.margin_x

    def inner(self) -> QRectF:
        return QRectF(self.margin_x, self.margin_y, self.content_width,
                      self.height - 2 * self.margin_y)


def paint_heading(painter: QPainter, frame: Frame, title: str, ctx: SlideContext,
                  result: Rendered) -> float:
    """Draw the slide heading (up to two lines) with an accent rule; returns the body's top."""
    box = QSizeF(frame.content_width, frame.heading * 1.42 * 2)  # two lines at 118%

    def build(scale: float) -> QTextDocument:
        return st.document(html.escape(title), box.width(), frame.heading * scale,
                           ctx.theme.heading, bold=True)

    fitted = st.fit(build, box)
    result.note("the heading", fitted)
    top = frame.margin_y
    st.draw(painter, fitted.doc, QPointF(frame.margin_x, top), ctx.theme.heading)
    rule_top = top + fitted.doc.size().height() + frame.height * 0.018
    rule = QRectF(frame.margin_x, rule_top, frame.width * 0.07, max(2.0, frame.height / 160))
    painter.fillRect(rule, QColor(ctx.theme.accent))
    return rule.bottom() + frame.height * 0.04


def fit_and_draw(painter: QPainter, html_body: str, area: QRectF, px: float, ctx: SlideContext,
                 result: Rendered, what: str, colour: str = "", align: str = "left",
                 bold: bool = False, valign_centre: bool = False, valign: str = "top") -> QRectF:
    """Shrink-to-fit `html_body` into `area`; returns the rectangle the text took."""
    colour = colour or ctx.theme.text

    def build(scale: float) -> QTextDocument:
        return st.document(html_body, area.width(), px * scale, colour, bold, align)

    fitted = st.fit(build, area.size())
    result.note(what, fitted)
    text_height = fitted.doc.size().height()
    top = area.top()
    if valign_centre or valign == "centre":
        top += max(0.0, (area.height() - text_height) / 2)
    elif valign == "bottom":
        top += max(0.0, area.height() - text_height)
    st.draw(painter, fitted.doc, QPointF(area.left(), top), colour)
    return QRectF(area.left(), top, area.width(), text_height)


def paint_panel(painter: QPainter, panel: QRectF, theme: Theme, frame: Frame) -> None:
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(theme.panel))
    radius = frame.height * 0.012
    painter.drawRoundedRect(panel, radius, radius)
    painter.fillRect(QRectF(panel.left(), panel.top(), frame.body * 0.25, panel.height()),
                     QColor(theme.accent))
    painter.restore()
