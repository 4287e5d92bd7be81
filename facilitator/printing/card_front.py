"""A card's front: the region's support entries fitted into one business card.

Fitting is the hard part of the cards, so it stands apart from the sheet (`card_sheet`)
and the document with its backs (`cards`): each entry takes the richest layout that fits
its box above the type floors (a QR code to its website beside the text; its note, then
its hours, give way before the QR does), the number always on one line, the name cut
short only as a last resort.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from facilitator.core.support.regions import SupportEntry
from facilitator.printing import theme
from facilitator.printing.card_sheet import SAFE, Rect
from facilitator.printing.context import PrintContext
from facilitator.printing.flowables import keep_together, where_note
from facilitator.printing.qr import draw_qr
from facilitator.printing.theme import styles, text

MAX_ENTRIES = 8  # four rows of two; more would not stay legible at the type floors
QR_MIN = 11 * mm  # smaller modules than this do not scan reliably from a card


def card_entries(ctx: PrintContext) -> tuple[SupportEntry, ...]:
    """What fits on a card front: local entries first (they come first in the region)."""
    return ctx.region.entries[:MAX_ENTRIES]


class FrontLayout:
    """The front of a card: a heading, the entries in one or two columns, a write-in line
    in a spare slot, and the emergency number. Each entry sheds its details (note, hours)
    before its QR code, and the QR code before any text would go below the type floors or
    out of its box (`_layout`)."""

    HEAD = 12.5  # points from the safe top to the first entry

    def __init__(self, entries: tuple[SupportEntry, ...], ctx: PrintContext) -> None:
        self.entries = entries
        self.emergency = ctx.region.emergency
        self.emergency_line = ctx.region.emergency_line
        self.numeric = any(ch.isdigit() for ch in self.emergency)
        count = len(entries)
        self.columns = 1 if count <= 2 else 2
        self.rows = max(1, -(-count // self.columns))
        spare = self.rows * self.columns - count
        if self.columns == 1 and count < 3:
            spare, self.rows = 1, count + 1
        # A line to write in the nearest help, where the facilitator has not added it.
        self.write_in = spare > 0 and not any(entry.local for entry in entries)
        st = styles()
        self.name_style = st["small"].clone("card_name", fontName=theme.BOLD,
                                            fontSize=theme.CARD_NAME_PT, leading=9.2,
                                            textColor=theme.NAVY)
        self.reach_style = self.name_style.clone("card_reach", textColor=theme.ACCENT_DARK)
        self.note_style = st["small"].clone("card_note", fontSize=theme.CARD_NOTE_PT,
                                            leading=8.2, textColor=theme.MUTED)
        self._layouts: dict[tuple[int, float, float], Layout] = {}

    def draw(self, canvas: Canvas, slot: Rect) -> None:
        left, right = slot.x + SAFE, slot.x + slot.w - SAFE
        top = slot.y + slot.h - SAFE
        heading = "Need to talk? Reach out."
        emergency = f"Emergency: {self.emergency}" if self.numeric else ""
        room = right - left - stringWidth(emergency, theme.BOLD, theme.CARD_NAME_PT) - 3 * mm
        if stringWidth(heading, theme.BOLD, 9) > room:
            heading = "Need to talk?"  # a long emergency line ("112 or 999") takes the room
        canvas.setFillColor(theme.NAVY)
        canvas.setFont(theme.BOLD, 9)
        canvas.drawString(left, top - 7, heading)
        if self.numeric:
            canvas.setFillColor(theme.ACCENT_DARK)
            canvas.setFont(theme.BOLD, theme.CARD_NAME_PT)
            canvas.drawRightString(right, top - 6.6, emergency)
        canvas.setStrokeColor(theme.ACCENT)
        canvas.setLineWidth(0.8)
        canvas.line(left, top - 10, right, top - 10)
        bottom = slot.y + SAFE
        if self.emergency and not self.numeric:  # "your local emergency number"
            canvas.setFillColor(theme.ACCENT_DARK)
            canvas.setFont(theme.BOLD, theme.CARD_NOTE_PT)
            canvas.drawString(left, bottom + 0.5 * mm, self.emergency_line)
            bottom += 4 * mm
        area_top = top - self.HEAD
        row_h = (area_top - bottom) / self.rows
        col_w = (right - left) / self.columns
        for index, entry in enumerate(self.entries):
            col, row = index // self.rows, index % self.rows
            x = left + col * col_w
            self._entry(canvas, entry, x, area_top - (row + 1) * row_h,
                        col_w - (2 * mm if col < self.columns - 1 else 0), row_h)
        if self.write_in:
            x = left + (self.columns - 1) * col_w
            self._write_in(canvas, x, bottom, right - x, row_h)

    def _write_in(self, canvas: Canvas, x: float, y: float, w: float, h: float) -> None:
        canvas.setFillColor(theme.NAVY)
        canvas.setFont(theme.BOLD, theme.CARD_NAME_PT)
        canvas.drawString(x, y + h - 9, "Local support:")
        canvas.setStrokeColor(theme.RULE)
        canvas.setLineWidth(0.6)
        for line_y in (y + h - 20, y + h - 31):
            if line_y > y:
                canvas.line(x, line_y, x + w, line_y)

    def _details(self, entry: SupportEntry) -> list[list[str]]:
        """What goes under the number, richest first: where, hours and note; where and
        hours; where alone (a card that does not say "England only" misleads)."""
        where = where_note(entry)
        return [
            [bit for bit in (where, entry.hours, entry.note) if bit],
            [bit for bit in (where, entry.hours) if bit],
            [where] if where else [],
        ]

    @staticmethod
    def _reaches(entry: SupportEntry) -> list[str]:
        """The contact line, then (a phone number too wide for its column, such as
        "+44 (0)20 3447 9000") the number without "Call ": a number alone reads as one to
        call, and it must stay on one line."""
        line = keep_together(entry.contact_line)
        bare = re.sub(r"^Call (?=[+(\d])", "", line)
        return [line] if bare == line else [line, bare]

    def _paragraphs(self, entry: SupportEntry, details: list[str],
                    reach: str) -> list[Paragraph]:
        blocks = [Paragraph(text(entry.name), self.name_style),
                  Paragraph(text(reach), self.reach_style)]
        if details:
            blocks.append(Paragraph(" · ".join(text(bit) for bit in details), self.note_style))
        return blocks

    @staticmethod
    def _stack(blocks: list[Paragraph], width: float, height: float) -> float | None:
        """Height of the paragraphs wrapped to `width`, or None if the number would wrap
        (it must read on one line) or they are taller than `height`."""
        total: float = sum(block.wrap(width, height)[1] for block in blocks)
        reach = blocks[1]
        if len(reach.blPara.lines) > 1 or total > height:
            return None
        return total

    def _layout(self, entry: SupportEntry, w: float, h: float) -> Layout:
        """The richest layout that fits: QR beside the text, QR beside the name with the
        number below at full width, then text alone; the details shrink before the QR
        goes (a QR only where its modules stay large enough to scan)."""
        qr = min(h - 1.5 * mm, 17 * mm)
        options = [(reach, details) for reach in self._reaches(entry)
                   for details in self._details(entry)]
        if entry.web and qr >= QR_MIN:
            for reach, details in options:
                blocks = self._paragraphs(entry, details, reach)
                total = self._stack(blocks, w - qr - 1.5 * mm, h)
                if total is not None:
                    top = (h - total) / 2
                    return Layout(qr, (h - qr) / 2, _placed(blocks, qr + 0.8 * mm, top))
            for reach, details in options:
                name, *below = self._paragraphs(entry, details, reach)
                _, name_h = name.wrap(w - QR_MIN - 1.5 * mm, h)
                head = max(QR_MIN, name_h) + 1 * mm
                rest = self._stack([Paragraph("", self.name_style), *below], w, h - head)
                if name_h <= QR_MIN + 2 and rest is not None:
                    top = (h - head - rest) / 2
                    placed = [(name, QR_MIN + 0.8 * mm, top + (QR_MIN - name_h) / 2)]
                    placed += _placed(below, 0, top + head)
                    return Layout(QR_MIN, h - top - QR_MIN, placed)
        for reach, details in options:
            blocks = self._paragraphs(entry, details, reach)
            total = self._stack(blocks, w, h)
            if total is not None:
                return Layout(0, 0, _placed(blocks, 0, (h - total) / 2))
        return Layout(0, 0, _placed(self._squeezed(entry, w, h), 0, 0))

    def _entry(self, canvas: Canvas, entry: SupportEntry, x: float, y: float, w: float,
               h: float) -> None:
        # Every card on the sheet is the same: lay each entry out once, draw it ten times.
        key = (id(entry), round(w, 3), round(h, 3))
        layout = self._layouts.get(key)
        if layout is None:
            layout = self._layouts[key] = self._layout(entry, w, h)
        if layout.qr:
            # A 2-module quiet zone: the card around it is white, and the modules get bigger.
            draw_qr(canvas, entry.web, x - 0.6 * mm, y + layout.qr_y, layout.qr, theme.NAVY,
                    quiet=2)
        for block, dx, top in layout.placed:
            block.drawOn(canvas, x + dx, y + h - top - block.height)

    def _squeezed(self, entry: SupportEntry, w: float, h: float) -> list[Paragraph]:
        """The last resort: the number, with "England only" after it on the same line if it
        fits, and the name cut to what fits (whole words, then "…")."""
        where = where_note(entry)
        tag = (f"  <font name='{theme.FONT}' size={theme.CARD_NOTE_PT} color='#4B5563'>"
               f"{text(where)}</font>") if where else ""
        # "England only" matters more than the word "Call".
        tries = [text(number) + extra for extra in dict.fromkeys((tag, ""))
                 for number in self._reaches(entry)]
        # None on one line: break between the number's groups, not inside one.
        reach = Paragraph(text(entry.contact_line), self.reach_style)
        for tried in tries:
            candidate = Paragraph(tried, self.reach_style)
            candidate.wrap(w, h)
            if len(candidate.blPara.lines) == 1:
                reach = candidate
                break
        reach.wrap(w, h)
        room = h - reach.height
        words = entry.name.split()
        while words:
            shown = " ".join(words) + ("" if len(words) == len(entry.name.split()) else "…")
            name = Paragraph(text(shown), self.name_style)
            if name.wrap(w, h)[1] <= room:
                return [name, reach]
            words.pop()
        return [reach]


@dataclass(frozen=True)
class Layout:
    """An entry laid out in its box: QR size (0: none) and its bottom, and each paragraph
    with its offset from the box's left and from its top (all wrapped already)."""

    qr: float
    qr_y: float
    placed: list[tuple[Paragraph, float, float]]


def _placed(blocks: list[Paragraph], dx: float, top: float) -> list[tuple[Paragraph, float,
                                                                             float]]:
    placed = []
    for block in blocks:
        placed.append((block, dx, top))
        top += block.height
    return placed
