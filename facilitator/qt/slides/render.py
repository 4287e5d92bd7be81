"""Paint one slide with QPainter: the same code draws the projector window, the console
previews and `facilitator render` PNGs, so what a user exports is what the room sees.

`paint_slide` fills a `width x height` area and returns a `Rendered` report: whether the
text fitted at a legible size, and the named regions where live widgets (poll results,
the join QR code) go. Slide kinds with graphics live in `graphics` and `interactive`, the
support resources in `support_panel`; this module holds the dispatcher and the text kinds.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument

from facilitator.core.session.model import Slide, SlideKind
from facilitator.qt.slides import graphics, interactive, support_panel
from facilitator.qt.slides import text as st
from facilitator.qt.slides.base import (
    WIDEST_LAYOUT,
    Frame,
    Rendered,
    SlideContext,
    fit_and_draw,
    paint_heading,
    paint_panel,
)

__all__ = ["Rendered", "SlideContext", "paint_slide", "render_image"]


def paint_slide(painter: QPainter, width: float, height: float, slide: Slide,
                ctx: SlideContext) -> Rendered:
    """Draw `slide` into (0, 0, width, height) of `painter`."""
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
            graphics.paint_chart(painter, frame, slide, ctx, result)
        case SlideKind.FLOW:
            graphics.paint_flow(painter, frame, slide, ctx, result)
        case SlideKind.POLL:
            interactive.paint_poll(painter, frame, slide, ctx, result)
        case SlideKind.PROMPT:
            interactive.paint_prompt(painter, frame, slide, ctx, result)
        case SlideKind.RESOURCES:
            support_panel.paint_resources(painter, frame, slide, ctx, result)
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


PANEL_SPLITS = (0.62, 0.56, 0.5)  # the content's share of the width, widest first


def _paint_support_panel(painter: QPainter, frame: Frame, area: QRectF, body: str,
                         slide: Slide, ctx: SlideContext, result: Rendered) -> QRectF:
    """Content paired with help (safe messaging): the help sits in its own panel on the
    right so neither has to shrink below legibility. On a narrow screen the panel takes
    more of the width, as long as the content beside it still fits; inside the panel the
    emergency line is kept whole (support_panel.fit_support). Returns the content's area."""
    assert ctx.support is not None and slide.resources is not None
    block = ctx.support.block(slide.resources)
    gap, pad, px = frame.width * 0.03, frame.body * 0.5, frame.body * 0.85

    def split_at(share: float) -> tuple[QRectF, QRectF]:
        panel = QRectF(area.left() + area.width() * share + gap, area.top(),
                       area.width() * (1 - share) - gap, area.height())
        content = QRectF(area.left(), area.top(), area.width() * share, area.height())
        return panel, content

    def panel_fits(inner: QRectF) -> bool:
        layout = support_panel.fit_support(block, ctx.theme, px, inner.size(), wide=False)
        height = layout.entries.size().height()
        if layout.emergency is not None:
            height += layout.gap + layout.emergency.size().height()
        return layout.shown == len(block.entries) and height <= inner.height()

    def body_fits(box: QRectF) -> bool:
        return st.fit(lambda scale: st.document(body, box.width(), frame.body * scale,
                                                ctx.theme.text), box.size()).fits

    for share in PANEL_SPLITS:
        panel, content = split_at(share)
        inner = panel.adjusted(pad * 1.6, pad, -pad, -pad)
        if panel_fits(inner) and (not body or body_fits(content)):
            break
    else:
        panel, content = split_at(PANEL_SPLITS[0])  # nothing fits: report it at the usual split
        inner = panel.adjusted(pad * 1.6, pad, -pad, -pad)
    paint_panel(painter, panel, ctx.theme, frame)
    layout = support_panel.fit_support(block, ctx.theme, px, inner.size(), wide=False,
                                       result=result)
    support_panel.draw_support(painter, layout, inner.topLeft(), ctx.theme)
    return content


def _paint_content(painter: QPainter, frame: Frame, slide: Slide, ctx: SlideContext,
                   result: Rendered) -> None:
    theme = ctx.theme
    top = paint_heading(painter, frame, slide.title, ctx, result)
    area = QRectF(frame.margin_x, top, frame.content_width, frame.height - frame.margin_y - top)
    if slide.resources is not None and ctx.support is not None:
        # Content paired with help (safe messaging), a content note included.
        body = "" if slide.kind is SlideKind.CONTENT_NOTE else st.blocks_html(
            slide.blocks, theme, frame.body)
        area = _paint_support_panel(painter, frame, area, body, slide, ctx, result)
    if slide.kind is SlideKind.CONTENT_NOTE and slide.content_note:
        _paint_note(painter, frame, slide, ctx, result, area)
        return
    body = st.blocks_html(slide.blocks, theme, frame.body)
    if body:
        fit_and_draw(painter, body, area, frame.body, ctx, result, "the body")


def _paint_note(painter: QPainter, frame: Frame, slide: Slide, ctx: SlideContext,
                result: Rendered, area: QRectF) -> None:
    """The content note in a panel with an accent edge; other blocks follow below it."""
    theme = ctx.theme
    pad = frame.body * 0.7
    paragraphs = slide.content_note.split("\n\n")
    note_html = "".join(f"<p>{html.escape(text)}</p>" for text in paragraphs)
    body_html = st.blocks_html(slide.blocks, theme, frame.body) if slide.blocks else ""
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
