"""Resource cards: business-card size (85 x 55 mm), ten to a sheet, fronts and backs.

Page 1 holds the fronts (the region's support resources, each with a QR code to its
website), page 2 the backs (the session's reflection prompt). Printed duplex and flipped
on the long edge, a portrait sheet turns over left-to-right, so the backs are laid out
mirrored: the back of the card in column 0 sits in column 1. Cards abut (one cut per
line) and crop marks sit in the margins on every cut line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from facilitator.core.session import model
from facilitator.core.support.regions import SupportEntry
from facilitator.printing import theme
from facilitator.printing.context import PrintContext, canvas_pdf, reflection_prompt
from facilitator.printing.qr import draw_qr
from facilitator.printing.theme import markup, styles, text

CARD_W = 85 * mm
CARD_H = 55 * mm
COLUMNS, ROWS = 2, 5
SAFE = 4 * mm  # nothing important closer than this to a cut: cutting is never exact
MARK_GAP = 1 * mm  # crop marks stop short of the card so they never show on it
MARK_LEN = 5 * mm
MAX_ENTRIES = 6  # three rows of two; more would make the QR codes too small to scan


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    def mirrored(self, page_width: float) -> Rect:
        """This rectangle after the sheet is turned over on its long (vertical) edge."""
        return Rect(page_width - self.x - self.w, self.y, self.w, self.h)


def card_slots(size: tuple[float, float]) -> list[Rect]:
    """Front positions, row by row from the top left, centred on the sheet."""
    width, height = size
    x0 = (width - COLUMNS * CARD_W) / 2
    y0 = (height - ROWS * CARD_H) / 2
    return [
        Rect(x0 + col * CARD_W, y0 + (ROWS - 1 - row) * CARD_H, CARD_W, CARD_H)
        for row in range(ROWS)
        for col in range(COLUMNS)
    ]


def back_slots(size: tuple[float, float]) -> list[Rect]:
    """Where the back of each front slot (same index) must be drawn for long-edge duplex."""
    return [slot.mirrored(size[0]) for slot in card_slots(size)]


def crop_marks(size: tuple[float, float]) -> list[tuple[float, float, float, float]]:
    """Line segments (x1, y1, x2, y2) in the margins, on the extension of every cut line.

    On Letter the top and bottom margins are only 2.2 mm (275 of 279.4 mm are cards), so
    the vertical marks there are shorter; the side marks are full length on both papers.
    """
    width, height = size
    x0 = (width - COLUMNS * CARD_W) / 2
    y0 = (height - ROWS * CARD_H) / 2
    x1, y1 = x0 + COLUMNS * CARD_W, y0 + ROWS * CARD_H
    vertical_len = min(MARK_LEN, y0 - MARK_GAP - 0.5 * mm)
    horizontal_len = min(MARK_LEN, x0 - MARK_GAP - 0.5 * mm)
    marks = []
    for col in range(COLUMNS + 1):
        x = x0 + col * CARD_W
        marks.append((x, y0 - MARK_GAP - vertical_len, x, y0 - MARK_GAP))
        marks.append((x, y1 + MARK_GAP, x, y1 + MARK_GAP + vertical_len))
    for row in range(ROWS + 1):
        y = y0 + row * CARD_H
        marks.append((x0 - MARK_GAP - horizontal_len, y, x0 - MARK_GAP, y))
        marks.append((x1 + MARK_GAP, y, x1 + MARK_GAP + horizontal_len, y))
    return marks


def card_entries(ctx: PrintContext) -> tuple[SupportEntry, ...]:
    """What fits on a card front: local entries first (they come first in the region)."""
    return ctx.region.entries[:MAX_ENTRIES]


def build_cards(session: model.Session, ctx: PrintContext) -> bytes:
    ctx.prepare()
    size = ctx.page_size
    entries = card_entries(ctx)
    found = reflection_prompt(session)
    check = self_check(session) if ctx.card_back == "check" else None
    info = theme.DocInfo(f"{session.title}: support cards", ctx.author, session.language,
                         f"Support resources, {ctx.region.name}")

    def draw(canvas: Canvas) -> None:
        _marks(canvas, size)
        for slot in card_slots(size):
            _front(canvas, slot, entries, ctx)
        canvas.showPage()
        _marks(canvas, size)
        for slot in back_slots(size):
            if check is not None:
                _check_back(canvas, slot, session, check)
            else:
                _back(canvas, slot, session, found[1].text if found else "", ctx)
        canvas.showPage()

    return canvas_pdf(info, size, draw)


def _marks(canvas: Canvas, size: tuple[float, float]) -> None:
    canvas.setStrokeColor(theme.INK)
    canvas.setLineWidth(0.5)
    for x1, y1, x2, y2 in crop_marks(size):
        canvas.line(x1, y1, x2, y2)


def _front(canvas: Canvas, slot: Rect, entries: tuple[SupportEntry, ...],
           ctx: PrintContext) -> None:
    left, right = slot.x + SAFE, slot.x + slot.w - SAFE
    top = slot.y + slot.h - SAFE
    canvas.setFillColor(theme.NAVY)
    canvas.setFont(theme.BOLD, 8.5)
    canvas.drawString(left, top - 7, "Need to talk? Reach out.")
    emergency = ctx.region.emergency
    numeric = any(ch.isdigit() for ch in emergency)
    if numeric:
        canvas.setFillColor(theme.ACCENT_DARK)
        canvas.setFont(theme.BOLD, 7)
        canvas.drawRightString(right, top - 6.6, f"Emergency: {emergency}")
    canvas.setStrokeColor(theme.ACCENT)
    canvas.setLineWidth(0.8)
    canvas.line(left, top - 10.5, right, top - 10.5)
    bottom = slot.y + SAFE
    if emergency and not numeric:  # "your local emergency number": a line of its own
        canvas.setFillColor(theme.ACCENT_DARK)
        canvas.setFont(theme.BOLD, 6.8)
        canvas.drawString(left, bottom + 0.5 * mm, ctx.region.emergency_line)
        bottom += 4 * mm
    write_in = len(entries) < 3 and not any(entry.local for entry in entries)
    columns = 1 if len(entries) <= 3 else 2
    rows = -(-len(entries) // columns) + write_in
    area_top = top - 12.5
    row_h = (area_top - bottom) / max(rows, 1)
    col_w = (right - left) / columns
    for index, entry in enumerate(entries):
        col, row = index // rows, index % rows
        _entry(canvas, entry, left + col * col_w, area_top - (row + 1) * row_h, col_w, row_h)
    if write_in:
        # Room to spare: a line to write in the nearest help by hand.
        canvas.setFillColor(theme.NAVY)
        canvas.setFont(theme.BOLD, 6.6)
        y = bottom + row_h / 2 - 1 * mm
        canvas.drawString(left, y, "Local support:")
        canvas.setStrokeColor(theme.RULE)
        canvas.setLineWidth(0.6)
        canvas.line(left + 19 * mm, y - 0.6 * mm, right, y - 0.6 * mm)


def _entry(canvas: Canvas, entry: SupportEntry, x: float, y: float, w: float, h: float) -> None:
    qr = min(h - 1.5 * mm, 17 * mm)
    if entry.web:
        # A 2-module quiet zone: the card around it is white, and the modules get bigger.
        draw_qr(canvas, entry.web, x - 0.6 * mm, y + (h - qr) / 2, qr, theme.NAVY, quiet=2)
    text_x = x + qr + 0.8 * mm
    text_w = w - qr - 1.5 * mm
    st = styles()
    name = Paragraph(
        f"<b>{text(entry.name)}</b>",
        st["small"].clone("card_name", fontSize=6.6, leading=7.8, textColor=theme.NAVY),
    )
    line = keep_together(entry.contact_line)
    size = 7.4
    while size > 6.0 and stringWidth(line, theme.BOLD, size) > text_w:
        size -= 0.2  # a number reads best unbroken; shrink a little before wrapping
    reach = Paragraph(
        f"<b>{text(line)}</b>",
        st["small"].clone("card_reach", fontSize=size, leading=size * 1.17,
                          textColor=theme.ACCENT_DARK),
    )
    detail_bits = [entry.hours] + ([entry.note] if w > 50 * mm and entry.note else [])
    details = Paragraph(
        text(" · ".join(bit for bit in detail_bits if bit)),
        st["small"].clone("card_detail", fontSize=5.6, leading=6.6, textColor=theme.MUTED),
    )
    blocks = [name, reach, details]
    heights = [block.wrap(text_w, h)[1] for block in blocks]
    cursor = y + (h + sum(heights)) / 2
    for block, height in zip(blocks, heights, strict=True):
        cursor -= height
        block.drawOn(canvas, text_x, cursor)


def keep_together(line: str) -> str:
    """No line break inside a phone number: "0330 123 1245" stays on one line."""
    return re.sub(r"(?<=\d) (?=\d)", "\u00a0", line)


def self_check(session: model.Session) -> model.Table | None:
    """The session's row-by-row comparison (blank top-left cell, two columns to compare),
    e.g. "normal phase" vs "real problem": short enough for a card back."""
    for slide in session.slides:
        for block in slide.blocks:
            if (isinstance(block, model.Table) and len(block.header) == 3
                    and not model.plain(block.header[0]).strip() and block.rows):
                return block
    return None


def _check_back(canvas: Canvas, slot: Rect, session: model.Session, table: model.Table) -> None:
    left = slot.x + SAFE
    width = slot.w - 2 * SAFE
    top = slot.y + slot.h - SAFE
    canvas.setFillColor(theme.ACCENT)
    canvas.rect(left, slot.y + SAFE, 1.2 * mm, slot.h - 2 * SAFE, stroke=0, fill=1)
    inner, inner_w = left + 4 * mm, width - 4 * mm
    canvas.setFillColor(theme.NAVY)
    canvas.setFont(theme.BOLD, 8)
    canvas.drawString(inner, top - 7, "Quick self-check")
    canvas.setFillColor(theme.MUTED)
    canvas.setFont(theme.FONT, 6.3)
    canvas.drawRightString(inner + inner_w, top - 7, "Which side sounds more like you?")
    label_w = 15 * mm
    col_w = (inner_w - label_w) / 2
    st = styles()
    cell = st["small"].clone("check_cell", fontSize=5.9, leading=6.9, textColor=theme.INK)
    head = st["small"].clone("check_head", fontName=theme.BOLD, fontSize=6.2, leading=7.2,
                             textColor=theme.ACCENT_DARK)
    y = top - 10.5
    rows: list[tuple[model.Inline, ...]] = [((), table.header[1], table.header[2]),
                                           *table.rows[:6]]
    for index, row in enumerate(rows):
        style = head if index == 0 else cell
        parts = [Paragraph(f"<b>{markup(row[0])}</b>", cell), Paragraph(markup(row[1]), style),
                 Paragraph(markup(row[2]), style)]
        widths = (label_w, col_w, col_w)
        heights = [p.wrap(w - 1.5 * mm, 20 * mm)[1] for p, w in zip(parts, widths, strict=True)]
        x = inner
        for part, w, h in zip(parts, widths, heights, strict=True):
            part.drawOn(canvas, x, y - h)  # top-aligned, like a table
            x += w
        y -= max(heights) + 2.4
        canvas.setStrokeColor(theme.ACCENT if index == 0 else theme.RULE)
        canvas.setLineWidth(0.3)
        canvas.line(inner, y + 1.1, inner + inner_w, y + 1.1)
    canvas.setFillColor(theme.MUTED)
    canvas.setFont(theme.FONT, 6.3)
    canvas.drawString(inner, slot.y + SAFE + 1.5 * mm,
                      "Leaning right? Talk to someone: contacts on the other side.")


def _back(canvas: Canvas, slot: Rect, session: model.Session, prompt: str,
          ctx: PrintContext) -> None:
    left = slot.x + SAFE
    width = slot.w - 2 * SAFE
    top = slot.y + slot.h - SAFE
    canvas.setFillColor(theme.ACCENT)
    canvas.rect(left, slot.y + SAFE, 1.2 * mm, slot.h - 2 * SAFE, stroke=0, fill=1)
    inner = left + 4 * mm
    inner_w = width - 4 * mm
    st = styles()
    kicker = Paragraph(
        f"<b>{text(session.title.upper())}</b>",
        st["kicker"].clone("card_kicker", fontSize=6.5, leading=8, textColor=theme.ACCENT_DARK),
    )
    _, h = kicker.wrap(inner_w, 20 * mm)
    kicker.drawOn(canvas, inner, top - h)
    body = prompt or "Talk to one person this week."
    heading = "Ask yourself" if prompt else "One thing to do"
    lines = Paragraph(
        f"<font size=7 color='#4B5563'>{heading}</font><br/>{text(body)}",
        st["quote"].clone("card_prompt", fontSize=10, leading=13),
    )
    _, h = lines.wrap(inner_w, 35 * mm)
    lines.drawOn(canvas, inner, slot.y + slot.h / 2 - h / 2 + 1.5 * mm)
    canvas.setFillColor(theme.MUTED)
    canvas.setFont(theme.FONT, 6.3)
    canvas.drawString(inner, slot.y + SAFE + 1.5 * mm,
                      "Reaching out works. People recover. Contacts on the other side.")
