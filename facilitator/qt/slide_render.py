"""Paint one slide with QPainter: the same code draws the projector window, the console
previews and `facilitator render` PNGs, so what a user exports is what the room sees.

`paint_slide` fills a `width x height` area and returns a `Rendered` report: whether the
text fitted at a legible size, and the named regions where live widgets (poll results,
the join QR code) go. Slide kinds with graphics live in `slide_graphics` and
`slide_interactive`; this module holds the dispatcher and the text kinds.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument

from facilitator.core.model import Session, Slide, SlideKind
from facilitator.core.support import SupportEntry, display_url
from facilitator.core.timer import TimerSnapshot
from facilitator.qt import slide_text as st
from facilitator.qt.support_source import SupportBlock, SupportSource
from facilitator.qt.theme import DARK, Theme

WIDEST_LAYOUT = 16 / 9


@dataclass(frozen=True)
class SlideContext:
    """Everything besides the slide that changes how it looks."""

    session: Session
    theme: Theme = DARK
    support: SupportSource | None = None  # where resources slides get their entries
    timer: TimerSnapshot | None = None  # the live countdown when this prompt is the timed one
    flash: bool = False  # the visual chime: countdown drawn inverted for a moment


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


def paint_slide(painter: QPainter, width: float, height: float, slide: Slide,
                ctx: SlideContext) -> Rendered:
    """Draw `slide` into (0, 0, width, height) of `painter`."""
    from facilitator.qt import slide_graphics, slide_interactive  # they import this module

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.fillRect(QRectF(0, 0, width, height), QColor(ctx.theme.background))
    # Slides are laid out 16:9. A narrower screen (4:3, 16:10) shows them centred in a
    # 16:9 band of the same background, so text keeps its size relative to the layout
    # instead of running out of width.
    offset = 0.0
    if width / height < WIDEST_LAYOUT - 1e-6:
        offset = (height - width / WIDEST_LAYOUT) / 2
        height = width / WIDEST_LAYOUT
        painter.translate(0, offset)
    frame = Frame(width, height)
    result = Rendered()
    match slide.kind:
        case SlideKind.TITLE:
            _paint_title(painter, frame, slide, ctx, result)
        case SlideKind.CHART:
            slide_graphics.paint_chart(painter, frame, slide, ctx, result)
        case SlideKind.FLOW:
            slide_graphics.paint_flow(painter, frame, slide, ctx, result)
        case SlideKind.POLL:
            slide_interactive.paint_poll(painter, frame, slide, ctx, result)
        case SlideKind.PROMPT:
            slide_interactive.paint_prompt(painter, frame, slide, ctx, result)
        case SlideKind.RESOURCES:
            _paint_resources(painter, frame, slide, ctx, result)
        case _:
            _paint_content(painter, frame, slide, ctx, result)
    painter.restore()
    if offset:
        result.regions = {name: rect.translated(0, offset) for name, rect in result.regions.items()}
    return result


def render_image(slide: Slide, ctx: SlideContext, width: int,
                 height: int) -> tuple[QImage, Rendered]:
    """The slide as an offscreen image, for `render` and tests."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        result = paint_slide(painter, width, height, slide, ctx)
    finally:
        painter.end()
    return image, result


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


def _paint_title(painter: QPainter, frame: Frame, slide: Slide, ctx: SlideContext,
                 result: Rendered) -> None:
    theme = ctx.theme
    session = ctx.session
    title = session.title or slide.title
    parts = [f'<p style="font-size:{round(frame.height * st.TITLE)}px; font-weight:bold; '
             f'color:{theme.heading};">{html.escape(title)}</p>']
    if session.subtitle:
        parts.append(f'<p style="margin-top:{round(frame.height * 0.03)}px; '
                     f'font-size:{round(frame.height / 15)}px;">'
                     f"{html.escape(session.subtitle)}</p>")
    if session.credit:
        parts.append(f'<p style="margin-top:{round(frame.height * 0.05)}px; color:{theme.muted}; '
                     f'font-size:{round(frame.body)}px;">{html.escape(session.credit)}</p>')
    if slide.blocks:
        parts.append(st.blocks_html(slide.blocks, theme, frame.body))
    area = frame.inner().adjusted(0, frame.height * 0.05, 0, -frame.height * 0.05)
    taken = fit_and_draw(painter, "".join(parts), area, frame.body, ctx, result, "the title",
                         valign_centre=True)
    bar = QRectF(frame.margin_x, taken.top() - frame.height * 0.05, frame.width * 0.09,
                 max(3.0, frame.height / 120))
    painter.fillRect(bar, QColor(theme.accent))


def _paint_content(painter: QPainter, frame: Frame, slide: Slide, ctx: SlideContext,
                   result: Rendered) -> None:
    theme = ctx.theme
    top = paint_heading(painter, frame, slide.title, ctx, result)
    area = QRectF(frame.margin_x, top, frame.content_width, frame.height - frame.margin_y - top)
    if slide.kind is SlideKind.CONTENT_NOTE and slide.content_note:
        pad = frame.body * 0.7
        paragraphs = slide.content_note.split("\n\n")
        note_html = "".join(f"<p>{html.escape(text)}</p>" for text in paragraphs)
        body_html = st.blocks_html(slide.blocks, theme, frame.body) if slide.blocks else ""
        # The note sits in a panel with an accent edge; other blocks follow below it.
        inner = area.adjusted(pad * 1.4, pad, -pad, -pad)

        def build(scale: float) -> QTextDocument:
            return st.document(note_html, inner.width(), frame.body * scale, theme.text)

        fitted = st.fit(build, QSizeF(inner.width(), inner.height() * (0.6 if body_html else 1)))
        result.note("the content note", fitted)
        panel = QRectF(area.left(), area.top(), area.width(), fitted.doc.size().height() + 2 * pad)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.panel))
        painter.drawRoundedRect(panel, pad * 0.4, pad * 0.4)
        painter.fillRect(QRectF(panel.left(), panel.top(), pad * 0.35, panel.height()),
                         QColor(theme.accent))
        st.draw(painter, fitted.doc, QPointF(inner.left(), inner.top()), theme.text)
        if body_html:
            rest = QRectF(area.left(), panel.bottom() + pad, area.width(),
                          area.bottom() - panel.bottom() - pad)
            fit_and_draw(painter, body_html, rest, frame.body, ctx, result, "the body")
        return
    body = st.blocks_html(slide.blocks, theme, frame.body)
    if slide.resources is not None and ctx.support is not None:
        # Content paired with help (safe messaging): the help sits in its own panel on the
        # right so neither has to shrink below legibility.
        gap = frame.width * 0.03
        panel = QRectF(area.left() + area.width() * 0.62 + gap, area.top(),
                       area.width() * 0.38 - gap, area.height())
        area = QRectF(area.left(), area.top(), area.width() * 0.62, area.height())
        _paint_panel(painter, panel, theme, frame)
        pad = frame.body * 0.5
        fit_and_draw(painter, support_html(ctx.support.block(slide.resources), theme,
                                           frame.body * 0.85, columns=1, compact=True),
                     panel.adjusted(pad * 1.6, pad, -pad, -pad), frame.body * 0.85, ctx, result,
                     "the support panel")
    if body:
        fit_and_draw(painter, body, area, frame.body, ctx, result, "the body")


def _paint_panel(painter: QPainter, panel: QRectF, theme: Theme, frame: Frame) -> None:
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(theme.panel))
    radius = frame.height * 0.012
    painter.drawRoundedRect(panel, radius, radius)
    painter.fillRect(QRectF(panel.left(), panel.top(), frame.body * 0.25, panel.height()),
                     QColor(theme.accent))
    painter.restore()


def _entry_html(entry: SupportEntry, theme: Theme, px: float, compact: bool) -> str:
    """Name, how to reach them, and when. Compact (beside content): two lines, the web
    address only when there is no number, so the panel stays large enough to read."""
    lines = [f'<b style="color:{theme.heading};">{html.escape(entry.name)}</b>']
    contact = entry.contact_line
    web = display_url(entry.web) if entry.web else ""
    if compact:
        reach = contact or web
        if entry.hours and len(entry.hours) <= 8:  # "24/7" fits on the contact line
            reach = " · ".join(part for part in (reach, entry.hours) if part)
        elif entry.hours:
            lines.append(html.escape(reach))
            reach = f'<span style="color:{theme.muted};">{html.escape(entry.hours)}</span>'
            lines.append(reach)
            return "<br>".join(lines)
        lines.append(html.escape(reach))
        return "<br>".join(lines)
    if contact:
        lines.append(html.escape(contact))
    if web and web not in contact:
        lines.append(html.escape(web))
    detail = " · ".join(part for part in (entry.hours, entry.audience) if part)
    if detail:
        lines.append(f'<span style="color:{theme.muted}; font-size:{round(px * 0.85)}px;">'
                     f"{html.escape(detail)}</span>")
    return "<br>".join(lines)


def support_html(block: SupportBlock, theme: Theme, px: float, columns: int,
                 compact: bool = False) -> str:
    """Support entries as a borderless grid of name + how to reach them, then the
    emergency number. (The reminder to add local services is for the facilitator: the
    console shows it, never the room.)"""
    cells = [_entry_html(entry, theme, px, compact) for entry in block.entries]
    rows = []
    for start in range(0, len(cells), columns):
        row = cells[start : start + columns]
        row += [""] * (columns - len(row))
        width = 100 // columns
        rows.append("<tr>" + "".join(
            f'<td width="{width}%" style="padding-right:{round(px)}px; '
            f'padding-bottom:{round(px * 0.7)}px;">{cell}</td>' for cell in row) + "</tr>")
    out = f'<table width="100%" cellspacing="0" cellpadding="0">{"".join(rows)}</table>'
    if block.emergency_line:
        out += f'<p style="font-weight:bold;">{html.escape(block.emergency_line)}</p>'
    return out


def _paint_resources(painter: QPainter, frame: Frame, slide: Slide, ctx: SlideContext,
                     result: Rendered) -> None:
    top = paint_heading(painter, frame, slide.title or "Support", ctx, result)
    area = QRectF(frame.margin_x, top, frame.content_width, frame.height - frame.margin_y - top)
    body = st.blocks_html(slide.blocks, ctx.theme, frame.body) if slide.blocks else ""
    if ctx.support is not None:
        block = ctx.support.block(slide.resources)
        columns = 1 if len(block.entries) <= 2 else 2
        body += support_html(block, ctx.theme, frame.body * 0.85, columns)
    fit_and_draw(painter, body, area, frame.body, ctx, result, "the resources")
