"""The sheet of cards: where each card sits on the paper, front and back, and the marks
to cut along.

Business-card size (85 x 55 mm), two columns, as many rows as leave room for the marks:
ten to an A4 sheet, eight on Letter. Printed duplex and flipped on the long edge, a
portrait sheet turns over left-to-right, so the backs are laid out mirrored: the back of
the card in column 0 sits in column 1. Cards abut (one cut per line) and crop marks sit in
the margins on every cut line, at least EDGE_CLEAR from the paper's edge, where every
printer prints.

This is geometry, apart from what a card says (`card_front`, `cards`): the guide counts the
cards per sheet from it without drawing a card, and the tests measure it in millimetres.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from facilitator.printing import theme

CARD_W = 85 * mm
CARD_H = 55 * mm
COLUMNS = 2
SAFE = 4 * mm  # nothing important closer than this to a cut: cutting is never exact
MARK_GAP = 1 * mm  # crop marks stop short of the card so they never show on it
MARK_LEN = 5 * mm
EDGE_CLEAR = 3 * mm  # no ink closer than this to the paper's edge
INSTRUCTIONS = ("Print at 100 % (actual size, no scaling)  ·  two-sided, flip on long edge"
                "  ·  cut on the marks")


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    def mirrored(self, page_width: float) -> Rect:
        """This rectangle after the sheet is turned over on its long (vertical) edge."""
        return Rect(page_width - self.x - self.w, self.y, self.w, self.h)


def rows_for(size: tuple[float, float]) -> int:
    """Rows of cards on a sheet: as many as leave room for marks above and below."""
    rows = 5
    while rows > 1 and (size[1] - rows * CARD_H) / 2 < EDGE_CLEAR + MARK_GAP + 2 * mm:
        rows -= 1
    return rows


def card_slots(size: tuple[float, float]) -> list[Rect]:
    """Front positions, row by row from the top left, centred on the sheet."""
    width, height = size
    rows = rows_for(size)
    x0 = (width - COLUMNS * CARD_W) / 2
    y0 = (height - rows * CARD_H) / 2
    return [
        Rect(x0 + col * CARD_W, y0 + (rows - 1 - row) * CARD_H, CARD_W, CARD_H)
        for row in range(rows)
        for col in range(COLUMNS)
    ]


def back_slots(size: tuple[float, float]) -> list[Rect]:
    """Where the back of each front slot (same index) must be drawn for long-edge duplex."""
    return [slot.mirrored(size[0]) for slot in card_slots(size)]


def crop_marks(size: tuple[float, float]) -> list[tuple[float, float, float, float]]:
    """Line segments (x1, y1, x2, y2) in the margins, on the extension of every cut line,
    each at least EDGE_CLEAR from the paper's edge (shortened where the margin is narrow)."""
    width, height = size
    rows = rows_for(size)
    x0 = (width - COLUMNS * CARD_W) / 2
    y0 = (height - rows * CARD_H) / 2
    x1, y1 = x0 + COLUMNS * CARD_W, y0 + rows * CARD_H
    vertical_len = min(MARK_LEN, y0 - MARK_GAP - EDGE_CLEAR)
    horizontal_len = min(MARK_LEN, x0 - MARK_GAP - EDGE_CLEAR)
    marks = []
    for col in range(COLUMNS + 1):
        x = x0 + col * CARD_W
        marks.append((x, y0 - MARK_GAP - vertical_len, x, y0 - MARK_GAP))
        marks.append((x, y1 + MARK_GAP, x, y1 + MARK_GAP + vertical_len))
    for row in range(rows + 1):
        y = y0 + row * CARD_H
        marks.append((x0 - MARK_GAP - horizontal_len, y, x0 - MARK_GAP, y))
        marks.append((x1 + MARK_GAP, y, x1 + MARK_GAP + horizontal_len, y))
    return marks


def sheet_furniture(canvas: Canvas, size: tuple[float, float]) -> None:
    """Crop marks, and the print instructions up the left margin, outside every card and
    clear of the marks (drawn after the cards, so they come last in reading order)."""
    canvas.setStrokeColor(theme.INK)
    canvas.setLineWidth(0.5)
    for x1, y1, x2, y2 in crop_marks(size):
        canvas.line(x1, y1, x2, y2)
    x0 = (size[0] - COLUMNS * CARD_W) / 2
    canvas.saveState()
    canvas.setFillColor(theme.MUTED)
    canvas.setFont(theme.FONT, theme.CARD_NOTE_PT)
    # Baseline midway between the edge clearance and the side marks' outer end.
    canvas.translate(EDGE_CLEAR + (x0 - MARK_GAP - MARK_LEN - EDGE_CLEAR) / 2 + 1 * mm,
                     size[1] / 2)
    canvas.rotate(90)
    canvas.drawCentredString(0, 0, INSTRUCTIONS)
    canvas.restoreState()
