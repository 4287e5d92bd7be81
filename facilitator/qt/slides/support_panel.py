"""The support resources on a slide: a resources slide of its own, or the panel beside
content that names a risk (safe messaging pairs the topic with help)."""

from __future__ import annotations

import html

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from facilitator.core.session.model import Slide
from facilitator.core.support.regions import SupportEntry, display_url
from facilitator.qt.slides import text as st
from facilitator.qt.slides.base import Frame, Rendered, SlideContext, fit_and_draw, paint_heading
from facilitator.qt.style import Theme
from facilitator.services.support_source import SupportBlock


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


def paint_resources(painter: QPainter, frame: Frame, slide: Slide, ctx: SlideContext,
                     result: Rendered) -> None:
    top = paint_heading(painter, frame, slide.title or "Support", ctx, result)
    area = QRectF(frame.margin_x, top, frame.content_width, frame.height - frame.margin_y - top)
    body = st.blocks_html(slide.blocks, ctx.theme, frame.body) if slide.blocks else ""
    if ctx.support is not None:
        block = ctx.support.block(slide.resources)
        columns = 1 if len(block.entries) <= 2 else 2
        body += support_html(block, ctx.theme, frame.body * 0.85, columns)
    fit_and_draw(painter, body, area, frame.body, ctx, result, "the resources")
