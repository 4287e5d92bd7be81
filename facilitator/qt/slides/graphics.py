"""Chart and flow slides: bars or a donut with direct labels, and steps as boxes and arrows.

Charts sit on a dark panel in every theme because half the Okabe-Ito colours fall under
3:1 on white; every mark carries its own label and value, so no legend is needed.
"""

from __future__ import annotations

import html
import itertools
import math

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTextDocument,
)

from facilitator.core.session.model import Chart, ChartKind, Slide
from facilitator.qt.slides import text as st
from facilitator.qt.slides.base import Frame, Rendered, SlideContext, fit_and_draw, paint_heading
from facilitator.qt.style import OKABE_ITO, Theme, slide_font


def _value_text(value: float, unit: str) -> str:
    number = f"{value:g}"
    return f"{number}{unit}" if unit in ("%", "") else f"{number} {unit}"


def paint_chart(painter: QPainter, frame: Frame, slide: Slide, ctx: SlideContext,
                result: Rendered) -> None:
    top = paint_heading(painter, frame, slide.title, ctx, result)
    chart = slide.chart
    if chart is None or not chart.items:
        return
    theme = ctx.theme
    bottom = frame.height - frame.margin_y
    if chart.caption:
        caption_box = QRectF(frame.margin_x, bottom - frame.body * 2.6, frame.content_width,
                             frame.body * 2.6)
        taken = fit_and_draw(painter, f"<p>{html.escape(chart.caption)}</p>", caption_box,
                             frame.body * 0.8, ctx, result, "the chart caption",
                             colour=theme.muted, valign="bottom")
        bottom = taken.top() - frame.body * 0.4
    panel = QRectF(frame.margin_x, top, frame.content_width, bottom - top)
    if theme.chart_background != theme.background:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.chart_background))
        painter.drawRoundedRect(panel, frame.height * 0.015, frame.height * 0.015)
    inner = panel.adjusted(frame.body * 0.6, frame.body * 0.4, -frame.body * 0.6, -frame.body * 0.4)
    if chart.kind is ChartKind.DONUT:
        _paint_donut(painter, inner, chart, frame, theme, result)
    else:
        _paint_bars(painter, inner, chart, frame, theme, result)


def _paint_bars(painter: QPainter, area: QRectF, chart: Chart, frame: Frame, theme: Theme,
                result: Rendered) -> None:
    count = len(chart.items)
    row = area.height() / count
    px = min(frame.body, row * 0.5)
    if px < frame.body * st.FLOOR_SCALE:
        result.fits = False
        result.problems.append(f"{count} bars are too many for one chart slide")
    # Long labels shrink a little, like body text, before they are reported.
    while (_widest_label(chart, px) + px > area.width() * 0.42
           and px - frame.body * st.SCALE_STEP >= frame.body * st.FLOOR_SCALE - 1e-9):
        px -= frame.body * st.SCALE_STEP
    result.scale = min(result.scale, px / frame.body)
    font = slide_font(px)
    painter.setFont(font)
    metrics = painter.fontMetrics()
    label_width = min(area.width() * 0.42,
                      max(metrics.horizontalAdvance(item.label) for item in chart.items) + px)
    values = [_value_text(item.value, chart.unit) for item in chart.items]
    value_room = max(metrics.horizontalAdvance(value) for value in values)
    if max(metrics.horizontalAdvance(item.label) for item in chart.items) + px > label_width + 0.5:
        result.fits = False
        result.problems.append("a bar label is too long for the chart")
    bar_left = area.left() + label_width
    bar_span = area.right() - bar_left - value_room - px * 0.6
    top_value = max(max(item.value for item in chart.items), 1e-9)
    for index, item in enumerate(chart.items):
        y = area.top() + index * row
        bar_height = row * 0.62
        bar_top = y + (row - bar_height) / 2
        painter.setPen(QColor(theme.chart_text))
        painter.drawText(QRectF(area.left(), y, label_width - px * 0.6, row),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, item.label)
        length = max(2.0, bar_span * item.value / top_value)
        painter.fillRect(QRectF(bar_left, bar_top, length, bar_height),
                         QColor(OKABE_ITO[index % len(OKABE_ITO)]))
        painter.setPen(QColor(theme.chart_text))
        painter.drawText(QRectF(bar_left + length + px * 0.4, y, value_room + px, row),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         _value_text(item.value, chart.unit))


def _widest_label(chart: Chart, px: float) -> float:
    metrics = QFontMetrics(slide_font(px))
    return max(metrics.horizontalAdvance(item.label) for item in chart.items)


def _donut_sizes(area: QRectF, chart: Chart, frame: Frame) -> tuple[float, float]:
    """Label size and the ring's share of the width: long labels first take room from the
    ring (down to 24 % of the width), then shrink to the legibility floor."""
    px, share = frame.body * 0.85, 0.3
    while _widest_label(chart, px) > area.width() / 2 - min(
            area.height() * 0.85, area.width() * share) / 2 - px * 1.8:
        if share > 0.24 + 1e-9:
            share -= 0.02
        elif px - frame.body * st.SCALE_STEP >= frame.body * st.FLOOR_SCALE - 1e-9:
            px -= frame.body * st.SCALE_STEP
        else:
            break  # reported where the labels are drawn
    return px, share


def _paint_donut(painter: QPainter, area: QRectF, chart: Chart, frame: Frame, theme: Theme,
                 result: Rendered) -> None:
    """A ring in the middle; each segment labelled beside it, on the side it points to."""
    total = sum(max(0.0, item.value) for item in chart.items) or 1.0
    px, share = _donut_sizes(area, chart, frame)
    result.scale = min(result.scale, px / frame.body)
    painter.setFont(slide_font(px))
    metrics = painter.fontMetrics()
    diameter = min(area.height() * 0.85, area.width() * share)
    centre = area.center()
    ring = QRectF(centre.x() - diameter / 2, centre.y() - diameter / 2, diameter, diameter)
    thickness = diameter * 0.26
    inner_ring = ring.adjusted(thickness, thickness, -thickness, -thickness)
    outer = diameter / 2
    labels: list[tuple[float, float, QColor, str, bool]] = []  # angle, y, colour, text, right
    start = 90.0
    pen_width = max(2.0, frame.height / 300)
    for index, item in enumerate(chart.items):
        colour = QColor(OKABE_ITO[index % len(OKABE_ITO)])
        span = 360.0 * max(0.0, item.value) / total
        path = QPainterPath()
        path.arcMoveTo(ring, start)
        path.arcTo(ring, start, -span)
        path.arcTo(inner_ring, start - span, span)
        path.closeSubpath()
        painter.setPen(QPen(QColor(theme.chart_background), pen_width))
        painter.setBrush(colour)
        painter.drawPath(path)
        middle = math.radians(start - span / 2)
        y = centre.y() - (outer + px * 0.8) * math.sin(middle)
        text = f"{item.label}\n{_value_text(item.value, chart.unit)}"
        labels.append((middle, y, colour, text, math.cos(middle) >= 0))
        start -= span
    spacing = px * 2.7  # two lines: the label, then its value
    for right_side in (True, False):
        side = sorted((label for label in labels if label[4] == right_side),
                      key=lambda label: label[1])
        previous = -math.inf
        for middle, y, colour, text, _ in side:
            # Push labels apart vertically so neighbours on one side never overlap.
            y = max(y, previous + spacing)
            previous = y
            edge = QPointF(centre.x() + outer * math.cos(middle),
                           centre.y() - outer * math.sin(middle))
            elbow_x = centre.x() + (outer + px * 1.2) * (1 if right_side else -1)
            text_width = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
            room = (area.right() - elbow_x if right_side else elbow_x - area.left()) - px * 0.6
            if text_width > room:
                result.fits = False
                result.problems.append(f"the donut label '{text}' is too long")
            painter.setPen(QPen(colour, max(2.0, frame.height / 260)))
            painter.drawPolyline(QPolygonF([edge, QPointF(elbow_x, y)]))
            painter.setPen(QColor(theme.chart_text))
            box = QRectF(elbow_x + px * 0.4, y - spacing / 2, room, spacing) if right_side else \
                QRectF(elbow_x - px * 0.4 - room, y - spacing / 2, room, spacing)
            align = Qt.AlignmentFlag.AlignLeft if right_side else Qt.AlignmentFlag.AlignRight
            painter.drawText(box, align | Qt.AlignmentFlag.AlignVCenter, text)


def paint_flow(painter: QPainter, frame: Frame, slide: Slide, ctx: SlideContext,
               result: Rendered) -> None:
    """Steps as numbered boxes: one row up to four steps, else a snake of two rows
    (left to right, then right to left) so seven steps stay legible at 1/20 height."""
    top = paint_heading(painter, frame, slide.title, ctx, result)
    steps = slide.flow.steps if slide.flow else ()
    if not steps:
        return
    theme = ctx.theme
    area = QRectF(frame.margin_x, top, frame.content_width, frame.height - frame.margin_y - top)
    count = len(steps)
    rows = 1 if count <= 4 else 2
    columns = math.ceil(count / rows)
    gap_x = frame.width * 0.035
    gap_y = area.height() * 0.16 if rows > 1 else 0
    box_w = (area.width() - gap_x * (columns - 1)) / columns
    box_h = min((area.height() - gap_y * (rows - 1)) / rows, frame.height * 0.3)
    block_h = box_h * rows + gap_y * (rows - 1)
    top_y = area.top() + (area.height() - block_h) / 2
    pad = frame.body * 0.45
    text_box = QSizeF(box_w - 2 * pad, box_h - 2 * pad - frame.body * 0.7)

    def build_all(scale: float) -> list[QTextDocument]:
        return [st.document(html.escape(step), text_box.width(), frame.body * scale, theme.text,
                            align="center") for step in steps]

    scale = 1.0
    docs = build_all(scale)
    while not all(st.fits(doc, text_box) for doc in docs):
        if scale - st.SCALE_STEP < st.FLOOR_SCALE - 1e-9:
            result.fits = False
            result.problems.append("a flow step does not fit its box")
            break
        scale -= st.SCALE_STEP
        docs = build_all(scale)
    result.scale = min(result.scale, scale)
    boxes = []
    for index in range(count):
        row, column = divmod(index, columns)
        if row % 2 == 1:
            column = columns - 1 - column
        boxes.append(QRectF(area.left() + column * (box_w + gap_x), top_y + row * (box_h + gap_y),
                            box_w, box_h))
    arrow_pen = QPen(QColor(theme.accent), max(3.0, frame.height / 180))
    for first, second in itertools.pairwise(boxes):
        if abs(first.top() - second.top()) < 1:
            going_right = second.left() > first.left()
            start = QPointF(first.right() if going_right else first.left(), first.center().y())
            end = QPointF(second.left() if going_right else second.right(), second.center().y())
        else:
            start = QPointF(first.center().x(), first.bottom())
            end = QPointF(second.center().x(), second.top())
        _arrow(painter, start, end, arrow_pen, frame.height * 0.022)
    number_font = slide_font(frame.body * 0.7, bold=True)
    for index, (box, doc) in enumerate(zip(boxes, docs, strict=True)):
        painter.setPen(QPen(QColor(theme.accent), max(2.0, frame.height / 360)))
        painter.setBrush(QColor(theme.panel))
        painter.drawRoundedRect(box, frame.height * 0.012, frame.height * 0.012)
        painter.setFont(number_font)
        painter.setPen(QColor(theme.muted))
        painter.drawText(QRectF(box.left(), box.top() + pad * 0.5, box.width(), frame.body * 0.8),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, str(index + 1))
        spare = text_box.height() - doc.size().height()
        text_top = box.top() + frame.body * 0.7 + pad + spare / 2
        st.draw(painter, doc, QPointF(box.left() + pad, text_top), theme.text)


def _arrow(painter: QPainter, start: QPointF, end: QPointF, pen: QPen, head: float) -> None:
    painter.setPen(pen)
    angle = math.atan2(end.y() - start.y(), end.x() - start.x())
    # Stop the shaft short of the box edge so the head points at the box, not into it.
    dx, dy = math.cos(angle), math.sin(angle)
    tip = QPointF(end.x() - dx * pen.widthF(), end.y() - dy * pen.widthF())
    base = QPointF(tip.x() - math.cos(angle) * head, tip.y() - math.sin(angle) * head)
    painter.drawLine(QPointF(start.x() + math.cos(angle) * pen.widthF(),
                             start.y() + math.sin(angle) * pen.widthF()), base)
    left = QPointF(base.x() + math.sin(angle) * head * 0.6, base.y() - math.cos(angle) * head * 0.6)
    right = QPointF(base.x() - dy * head * 0.6, base.y() + dx * head * 0.6)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(pen.color())
    painter.drawPolygon(QPolygonF([tip, left, right]))
