"""A word cloud that stays legible: centred lines, bigger words for more answers.

Spiral packings look lively but put words at angles and in gaps people have to hunt
for; on a projector, lines of horizontal words sorted by count read faster. Sizes grow
with the square root of the count (area, not height, should track frequency), and the
whole cloud shrinks until it fits; words that still do not fit are left off and counted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF

from facilitator.qt.polls.chart_paint import MUTED, Ink
from facilitator.qt.style import CHART, chart_font

WORD_COLOURS = tuple(QColor(colour) for colour in CHART.words)


@dataclass(frozen=True)
class PlacedWord:
    text: str
    count: int
    rect: QRectF
    pixels: float


def layout(words: tuple[tuple[str, int], ...], area: QRectF,
           max_words: int = 40) -> tuple[list[PlacedWord], int]:
    """Placed words, and how many were left off for lack of room."""
    shown = words[:max_words]
    if not shown or area.width() <= 0 or area.height() <= 0:
        return [], len(words)
    top = max(count for _, count in shown)
    biggest = min(area.height() * 0.28, area.width() * 0.14)
    for _attempt in range(12):
        placed = _flow(shown, top, biggest, area)
        if placed is not None:
            return placed, len(words) - len(shown)
        biggest *= 0.85
    # Still too many: drop the least frequent words until the rest fit.
    while len(shown) > 1:
        shown = shown[:-1]
        placed = _flow(shown, top, biggest, area)
        if placed is not None:
            return placed, len(words) - len(shown)
    return [], len(words)


def _flow(words: tuple[tuple[str, int], ...], top: int, biggest: float,
          area: QRectF) -> list[PlacedWord] | None:
    smallest = biggest * 0.3
    gap = biggest * 0.25
    lines: list[list[tuple[str, int, float, float, float]]] = [[]]
    widths = [0.0]
    for text, count in words:
        pixels = smallest + (biggest - smallest) * math.sqrt(count / top)
        metrics = QFontMetricsF(chart_font(pixels, bold=True))
        width, height = metrics.horizontalAdvance(text), metrics.height()
        if width > area.width():
            return None
        if lines[-1] and widths[-1] + gap + width > area.width():
            lines.append([])
            widths.append(0.0)
        widths[-1] += (gap if lines[-1] else 0) + width
        lines[-1].append((text, count, pixels, width, height))
    heights = [max(item[4] for item in line) for line in lines]
    total = sum(heights)
    if total > area.height():
        return None
    placed = []
    y = area.top() + (area.height() - total) / 2
    for line, line_w, line_h in zip(lines, widths, heights, strict=True):
        x = area.left() + (area.width() - line_w) / 2
        for text, count, pixels, width, _height in line:
            placed.append(PlacedWord(text, count, QRectF(x, y, width, line_h), pixels))
            x += width + gap
        y += line_h
    return placed


def paint_cloud(ink: Ink, rect: QRectF, words: tuple[tuple[str, int], ...],
                prefer_not: int) -> list[PlacedWord]:
    footer_h = rect.height() * 0.08
    area = rect.adjusted(0, 0, 0, -footer_h)
    placed, left_off = layout(words, area)
    for index, word in enumerate(placed):
        ink.text(word.rect, word.text, word.pixels, WORD_COLOURS[index % len(WORD_COLOURS)],
                 Qt.AlignmentFlag.AlignHCenter, bold=True)
    notes = []
    if left_off:
        notes.append(f"{left_off} more not shown")
    if prefer_not:
        notes.append(f"{prefer_not} preferred not to say")
    if notes:
        ink.text(QRectF(rect.left(), area.bottom(), rect.width(), footer_h), " · ".join(notes),
                 footer_h * 0.5, MUTED, Qt.AlignmentFlag.AlignRight)
    return placed
