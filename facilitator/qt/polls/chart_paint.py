"""Painting poll results with QPainter: bars beside reference figures, diverging matrix bars.

Charts sit on a dark panel because half of the Okabe-Ito palette is under 3:1 on white
(FACTS). Every mark carries a direct label, so no one has to match colours to a legend
from the back row. Text goes through `Ink`, which records what was drawn: tests (and
anyone debugging a projector) can ask a chart what it shows without reading pixels.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter

from facilitator.core.polls.tally import ChoiceTally, MatrixTally
from facilitator.qt.style import CHART, chart_font

# The chart palette (style.CHART) as QColors, made once rather than on every paint;
# chart.py takes BACKGROUND, TEXT and MUTED from here.
BACKGROUND = QColor(CHART.background)
TEXT = QColor(CHART.text)
MUTED = QColor(CHART.muted)
GRID = QColor(CHART.grid)
ROOM = QColor(CHART.room)
REFERENCE = QColor(CHART.reference)
LOW_SIDE = tuple(QColor(colour) for colour in CHART.low_side)  # nearest the middle first
HIGH_SIDE = tuple(QColor(colour) for colour in CHART.high_side)
MIDDLE = QColor(CHART.middle)


@dataclass
class Ink:
    """Draws plain text (never rich text: participant words are not markup) and records it."""

    painter: QPainter
    drawn: list[str] = field(default_factory=list)

    def text(self, rect: QRectF, text: str, pixels: float, colour: QColor = TEXT,
             align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft, bold: bool = False,
             wrap: bool = False) -> None:
        self.painter.setFont(chart_font(pixels, bold))
        self.painter.setPen(colour)
        flags = align | Qt.AlignmentFlag.AlignVCenter
        if wrap:
            flags |= Qt.TextFlag.TextWordWrap
        else:
            metrics = QFontMetricsF(self.painter.font())
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        self.painter.drawText(rect, int(flags), text)
        self.drawn.append(text)


def percent(share: float) -> str:
    return f"{round(share * 100)}%"


def paint_message(ink: Ink, rect: QRectF, headline: str, detail: str = "") -> None:
    """A centred message in place of a chart (below the threshold, or hidden)."""
    size = min(rect.height() * (0.12 if detail else 0.45), rect.width() * 0.06)
    top = QRectF(rect.left(), rect.top(), rect.width(), rect.height() * (0.55 if detail else 1))
    ink.text(top, headline, size, TEXT, Qt.AlignmentFlag.AlignHCenter, bold=True, wrap=True)
    if detail:
        below = QRectF(rect.left(), top.bottom(), rect.width(), rect.height() * 0.3)
        ink.text(below, detail, size * 0.6, MUTED, Qt.AlignmentFlag.AlignHCenter, wrap=True)


def paint_bars(ink: Ink, rect: QRectF, tally: ChoiceTally, reference_label: str,
               responses: int) -> None:
    """One row per option: the room's bar, and the reference bar beneath it when there is one."""
    painter = ink.painter
    has_reference = any(bar.reference is not None for bar in tally.bars)
    legend_h = rect.height() * 0.1
    footer_h = rect.height() * 0.08
    body = QRectF(rect.left(), rect.top() + legend_h, rect.width(),
                  rect.height() - legend_h - footer_h)
    rows = max(1, len(tally.bars))
    row_h = body.height() / rows
    label_w = rect.width() * 0.34
    value_w = rect.width() * 0.1
    track = QRectF(body.left() + label_w, 0, body.width() - label_w - value_w, 0)
    # Scale to the largest figure so small rooms still get readable bar lengths.
    top_share = max([bar.share for bar in tally.bars]
                    + [(bar.reference or 0) / 100 for bar in tally.bars] + [0.01])
    text_px = min(row_h * (0.3 if has_reference else 0.42), rect.height() * 0.06)

    _legend(ink, QRectF(rect.left(), rect.top(), rect.width(), legend_h),
            f"This room ({responses})", reference_label if has_reference else "", text_px)
    for index, bar in enumerate(tally.bars):
        y = body.top() + index * row_h
        ink.text(QRectF(body.left(), y, label_w - text_px * 0.6, row_h), bar.label, text_px,
                 TEXT, Qt.AlignmentFlag.AlignRight, wrap=True)
        room_h = row_h * (0.42 if has_reference else 0.6)
        room_y = y + row_h * (0.1 if has_reference else 0.2)
        _bar(ink, track.left(), room_y, track.width() * bar.share / top_share, room_h, ROOM,
             f"{bar.percent}%", text_px, value_w)
        if bar.reference is not None:
            ref_y = room_y + room_h + row_h * 0.06
            _bar(ink, track.left(), ref_y, track.width() * bar.reference / 100 / top_share,
                 row_h * 0.3, REFERENCE, f"{bar.reference:g}%", text_px * 0.8, value_w)
    painter.setPen(GRID)
    painter.drawLine(QPointF(track.left(), body.top()), QPointF(track.left(), body.bottom()))
    notes = []
    if tally.mean is not None:
        notes.append(f"Average {tally.mean:.1f}")
    if tally.prefer_not:
        notes.append(f"{tally.prefer_not} preferred not to say")
    if notes:
        ink.text(QRectF(rect.left(), body.bottom(), rect.width(), footer_h), " · ".join(notes),
                 text_px * 0.85, MUTED, Qt.AlignmentFlag.AlignRight)


def _bar(ink: Ink, x: float, y: float, length: float, height: float, colour: QColor,
         label: str, text_px: float, value_w: float) -> None:
    ink.painter.setPen(Qt.PenStyle.NoPen)
    ink.painter.setBrush(colour)
    ink.painter.drawRect(QRectF(x, y, max(length, 2.0), height))
    ink.text(QRectF(x + length + text_px * 0.3, y, value_w + text_px * 2, height), label,
             text_px, TEXT, bold=True)


def _legend(ink: Ink, rect: QRectF, room: str, reference: str, text_px: float) -> None:
    swatch = text_px * 0.9
    x = rect.left() + rect.width() * 0.34
    for colour, label in ((ROOM, room), (REFERENCE, reference)):
        if not label:
            continue
        ink.painter.setPen(Qt.PenStyle.NoPen)
        ink.painter.setBrush(colour)
        ink.painter.drawRect(QRectF(x, rect.center().y() - swatch / 2, swatch, swatch))
        width = QFontMetricsF(chart_font(text_px)).horizontalAdvance(label) + text_px
        ink.text(QRectF(x + swatch * 1.4, rect.top(), width, rect.height()), label, text_px,
                 MUTED)
        x += swatch * 1.4 + width + text_px


def paint_diverging(ink: Ink, rect: QRectF, tally: MatrixTally) -> None:
    """Per row: answers below the middle of the scale to the left, above it to the right."""
    painter = ink.painter
    points = tally.points
    middle = (points[0] + points[-1]) / 2
    header_h = rect.height() * 0.12
    rows = max(1, len(tally.rows))
    row_h = (rect.height() - header_h) / rows
    label_w = rect.width() * 0.24
    centre = rect.left() + label_w + (rect.width() - label_w) / 2
    text_px = min(row_h * 0.34, rect.height() * 0.06)
    value_w = text_px * 3.2  # "100%" beside each end
    side_w = (rect.width() - label_w) / 2 - value_w - text_px * 0.6
    # Scale to the longest half-bar, so a room that mostly leans one way still fills the
    # panel instead of drawing slivers around the centre line.
    reach = max([_reach(row.counts, points, middle) for row in tally.rows] + [0.01])
    side_w /= reach

    left_label = f"← {tally.low}" if tally.low else "← lower"
    right_label = f"{tally.high} →" if tally.high else "higher →"
    ink.text(QRectF(centre - side_w, rect.top(), side_w - text_px, header_h), left_label,
             text_px, MUTED, Qt.AlignmentFlag.AlignRight, bold=True)
    ink.text(QRectF(centre + text_px, rect.top(), side_w, header_h), right_label, text_px,
             MUTED, bold=True)
    for index, row in enumerate(tally.rows):
        y = rect.top() + header_h + index * row_h
        total = sum(row.counts)
        ink.text(QRectF(rect.left(), y, label_w - text_px * 0.5, row_h), row.label, text_px,
                 TEXT, Qt.AlignmentFlag.AlignRight, wrap=True)
        if not total:
            continue
        bar_y, bar_h = y + row_h * 0.2, row_h * 0.6
        low_share = high_share = 0.0
        left = right = centre
        for point, n in sorted(zip(points, row.counts, strict=True),
                               key=lambda pair: abs(pair[0] - middle)):
            share = n / total
            width = side_w * share
            painter.setPen(Qt.PenStyle.NoPen)
            if point == middle:  # the neutral middle is split across the centre line
                painter.setBrush(MIDDLE)
                painter.drawRect(QRectF(centre - width / 2, bar_y, width, bar_h))
                left, right = centre - width / 2, centre + width / 2
            elif point < middle:
                painter.setBrush(_side(LOW_SIDE, middle - point))
                left -= width
                painter.drawRect(QRectF(left, bar_y, width, bar_h))
                low_share += share
            else:
                painter.setBrush(_side(HIGH_SIDE, point - middle))
                painter.drawRect(QRectF(right, bar_y, width, bar_h))
                right += width
                high_share += share
        ink.text(QRectF(left - value_w - text_px * 0.3, bar_y, value_w, bar_h),
                 percent(low_share), text_px, TEXT, Qt.AlignmentFlag.AlignRight, bold=True)
        ink.text(QRectF(right + text_px * 0.3, bar_y, value_w, bar_h), percent(high_share),
                 text_px, TEXT, bold=True)
    painter.setPen(GRID)
    painter.drawLine(QPointF(centre, rect.top() + header_h), QPointF(centre, rect.bottom()))


def _reach(counts: tuple[int, ...], points: tuple[int, ...], middle: float) -> float:
    """The larger of a row's two half-bars, as a share of its answers."""
    total = sum(counts)
    if not total:
        return 0.0
    centre = sum(n for p, n in zip(points, counts, strict=True) if p == middle) / 2
    low = sum(n for p, n in zip(points, counts, strict=True) if p < middle) + centre
    high = sum(n for p, n in zip(points, counts, strict=True) if p > middle) + centre
    return max(low, high) / total


def _side(colours: tuple[QColor, ...], distance: float) -> QColor:
    # Farther from the middle = the darker shade; scales longer than 5 reuse the last.
    step = max(0, round(distance + 0.49) - 1)
    return colours[min(step, len(colours) - 1)]
