"""The support resources on a slide: a resources slide of its own, or the panel beside
content that names a risk (safe messaging pairs the topic with help).

Whatever the region and the facilitator's local services hold has to fit, and the
emergency line is never the part that goes: its room is set aside first, at full size,
and the entries above it step down a ladder of layouts until one fits: full detail, then
without the web address and audience, then more columns, then one line per service, and
last the first services only with a pointer to the card for the rest.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import QPainter, QTextDocument

from facilitator.core.session.model import Slide
from facilitator.core.support.regions import SupportEntry, display_url
from facilitator.qt.slides import text as st
from facilitator.qt.slides.base import Frame, Rendered, SlideContext, paint_heading
from facilitator.qt.style import Theme
from facilitator.services.support_source import SupportBlock

MORE_ON_CARD = "More services on your support card."


@dataclass(frozen=True)
class _Detail:
    web: bool  # the web address when a number is given too
    extra: bool  # hours and audience (hours alone when False and short)
    one_line: bool  # "Name: how to reach them" on one line


FULL = _Detail(web=True, extra=True, one_line=False)
PLAIN = _Detail(web=False, extra=False, one_line=False)
ONE_LINE = _Detail(web=False, extra=False, one_line=True)


def _entry_html(entry: SupportEntry, theme: Theme, px: float, detail: _Detail) -> str:
    name = f'<b style="color:{theme.heading};">{html.escape(entry.name)}</b>'
    contact = entry.contact_line
    web = display_url(entry.web) if entry.web else ""
    if detail.one_line:
        return f"{name}: {html.escape(contact or web)}"
    lines = [name]
    if contact:
        lines.append(html.escape(contact))
    if web and web not in contact and (detail.web or not contact):
        lines.append(html.escape(web))
    parts = (entry.hours, entry.audience) if detail.extra else (entry.hours,)
    extra = " · ".join(part for part in parts if part)
    if extra:
        lines.append(f'<span style="color:{theme.muted}; font-size:{round(px * 0.85)}px;">'
                     f"{html.escape(extra)}</span>")
    return "<br>".join(lines)


def entries_html(entries: tuple[SupportEntry, ...], theme: Theme, px: float, columns: int,
                 detail: _Detail = FULL, more: str = "") -> str:
    """Support entries as a borderless grid of name and how to reach them."""
    cells = [_entry_html(entry, theme, px, detail) for entry in entries]
    rows = []
    width = 100 // columns
    for start in range(0, len(cells), columns):
        row = cells[start : start + columns]
        row += [""] * (columns - len(row))
        rows.append("<tr>" + "".join(
            f'<td width="{width}%" style="padding-right:{round(px)}px; '
            f'padding-bottom:{round(px * (0.3 if detail.one_line else 0.7))}px;">{cell}</td>'
            for cell in row) + "</tr>")
    out = f'<table width="100%" cellspacing="0" cellpadding="0">{"".join(rows)}</table>'
    if more:
        out += f'<p style="color:{theme.muted};">{html.escape(more)}</p>'
    return out


def _ladder(entries: tuple[SupportEntry, ...], wide: bool) -> Iterator[tuple[int, _Detail, int]]:
    """(columns, detail, how many entries) from the roomiest layout to the tightest."""
    many = len(entries) > 2
    if wide:
        yield (2 if many else 1), FULL, len(entries)
        yield (2 if many else 1), PLAIN, len(entries)
        if len(entries) > 4:
            yield 3, PLAIN, len(entries)
        yield (2 if many else 1), ONE_LINE, len(entries)
    else:
        yield 1, FULL, len(entries)
        yield 1, PLAIN, len(entries)
        yield 1, ONE_LINE, len(entries)
    # Last resort: fewer services, the rest are on the card (see `_kept`).
    for shown in range(len(entries) - 1, 0, -1):
        yield (2 if wide and shown > 2 else 1), ONE_LINE, shown


def _kept(entries: tuple[SupportEntry, ...], shown: int) -> tuple[SupportEntry, ...]:
    """The `shown` entries to keep when not all fit, in their usual order. The region's
    first service (its round-the-clock crisis line) goes last, after the local ones: a
    school counselling office closes at night, the crisis line does not."""
    shipped = [entry for entry in entries if not entry.local]
    priority = [*shipped[:1], *(entry for entry in entries if entry.local), *shipped[1:]]
    keep = set(map(id, priority[:shown]))
    return tuple(entry for entry in entries if id(entry) in keep)


@dataclass
class SupportLayout:
    entries: QTextDocument
    emergency: QTextDocument | None
    gap: float
    shown: int  # how many entries made it (all of them unless the panel is very small)


def fit_support(block: SupportBlock, theme: Theme, px: float, box: QSizeF, wide: bool,
                lead_html: str = "", result: Rendered | None = None,
                what: str = "the support panel") -> SupportLayout:
    """The support block laid out in `box`: the emergency line kept whole at full size,
    the entries (after `lead_html`, the slide's own text) in the best layout that fits."""
    emergency = None
    reserved = 0.0
    gap = px * 0.4
    if block.emergency_line:
        line = f"<b>{html.escape(block.emergency_line)}</b>"

        def build_line(scale: float) -> QTextDocument:
            return st.document(line, box.width(), px * scale, theme.text)

        fitted_line = st.fit(build_line, box)
        if result is not None:
            result.note("the emergency line", fitted_line)
        emergency = fitted_line.doc
        reserved = emergency.size().height() + gap
    room = QSizeF(box.width(), max(0.0, box.height() - reserved))
    entries = block.entries
    fitted: st.Fitted | None = None
    shown = len(entries)
    for columns, detail, shown in _ladder(entries, wide):
        more = MORE_ON_CARD if shown < len(entries) else ""
        body = lead_html + entries_html(_kept(entries, shown), theme, px, columns, detail, more)

        def build(scale: float, body: str = body) -> QTextDocument:
            return st.document(body, box.width(), px * scale, theme.text)

        fitted = st.fit(build, room)
        if fitted.fits:
            break
    if fitted is None:  # no entries at all: only the slide's own text, if any
        fitted = st.fit(lambda scale: st.document(lead_html, box.width(), px * scale,
                                                  theme.text), room)
    if result is not None:
        result.note(what, fitted)
    return SupportLayout(fitted.doc, emergency, gap, shown)


def draw_support(painter: QPainter, layout: SupportLayout, top_left: QPointF,
                 theme: Theme) -> QRectF:
    """Draw entries, then the emergency line right below them; returns the area taken."""
    st.draw(painter, layout.entries, top_left, theme.text)
    bottom = top_left.y() + layout.entries.size().height()
    if layout.emergency is not None:
        bottom += layout.gap
        st.draw(painter, layout.emergency, QPointF(top_left.x(), bottom), theme.text)
        bottom += layout.emergency.size().height()
    return QRectF(top_left.x(), top_left.y(), layout.entries.textWidth(), bottom - top_left.y())


def paint_resources(painter: QPainter, frame: Frame, slide: Slide, ctx: SlideContext,
                    result: Rendered) -> None:
    top = paint_heading(painter, frame, slide.title or "Support", ctx, result)
    area = QRectF(frame.margin_x, top, frame.content_width, frame.height - frame.margin_y - top)
    lead = st.blocks_html(slide.blocks, ctx.theme, frame.body) if slide.blocks else ""
    block = ctx.support.block(slide.resources) if ctx.support is not None else SupportBlock(())
    layout = fit_support(block, ctx.theme, frame.body * 0.85, area.size(), wide=True,
                         lead_html=lead, result=result, what="the resources")
    draw_support(painter, layout, area.topLeft(), ctx.theme)
