"""Resource cards: business-card size (85 x 55 mm), ten to an A4 sheet (eight on Letter),
fronts and backs.

Page 1 holds the fronts (the region's support resources, each with a QR code to its
website when there is room for one), page 2 the backs (the session's reflection prompt).
Printed duplex and flipped on the long edge, a portrait sheet turns over left-to-right,
so the backs are laid out mirrored: the back of the card in column 0 sits in column 1.
Cards abut (one cut per line) and crop marks sit in the margins on every cut line, at
least EDGE_CLEAR from the paper's edge, where every printer prints.
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
from facilitator.printing.flowables import keep_together, where_note
from facilitator.printing.qr import draw_qr
from facilitator.printing.theme import markup, styles, text

CARD_W = 85 * mm
CARD_H = 55 * mm
COLUMNS = 2
SAFE = 4 * mm  # nothing important closer than this to a cut: cutting is never exact
MARK_GAP = 1 * mm  # crop marks stop short of the card so they never show on it
MARK_LEN = 5 * mm
EDGE_CLEAR = 3 * mm  # no ink closer than this to the paper's edge
MAX_ENTRIES = 8  # four rows of two; more would not stay legible at the type floors
QR_MIN = 11 * mm  # smaller modules than this do not scan reliably from a card
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
        # Ask viewers to print at actual size and two-sided: a scaled sheet misses the marks.
        canvas.setViewerPreference("PrintScaling", "None")
        canvas.setViewerPreference("Duplex", "DuplexFlipLongEdge")
        front = FrontLayout(entries, ctx)
        for slot in card_slots(size):
            front.draw(canvas, slot)
        _sheet_furniture(canvas, size)
        canvas.showPage()
        for slot in back_slots(size):
            if check is not None:
                _check_back(canvas, slot, session, check)
            else:
                _back(canvas, slot, session, found[1].text if found else "", ctx)
        _sheet_furniture(canvas, size)
        canvas.showPage()

    return canvas_pdf(info, size, draw)


def _sheet_furniture(canvas: Canvas, size: tuple[float, float]) -> None:
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


class FrontLayout:
    """The front of a card: a heading, the entries in one or two columns, a write-in line
    in a spare slot, and the emergency number. Each entry drops its QR code, then its note,
    then its hours before any text would go below the type floors or out of its box."""

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
    canvas.setFont(theme.FONT, theme.CARD_NOTE_PT)
    canvas.drawRightString(inner + inner_w, top - 7, "Which side sounds more like you?")
    label_w = 15 * mm
    col_w = (inner_w - label_w) / 2
    st = styles()
    cell = st["small"].clone("check_cell", fontSize=theme.CARD_NOTE_PT, leading=8,
                             textColor=theme.INK)
    head = st["small"].clone("check_head", fontName=theme.BOLD, fontSize=theme.CARD_NOTE_PT,
                             leading=8,
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
        if y - max(heights) < slot.y + SAFE + 5 * mm:
            break  # the rows that fit above the closing line; the rest stay in the handout
        x = inner
        for part, w, h in zip(parts, widths, heights, strict=True):
            part.drawOn(canvas, x, y - h)  # top-aligned, like a table
            x += w
        y -= max(heights) + 2.4
        canvas.setStrokeColor(theme.ACCENT if index == 0 else theme.RULE)
        canvas.setLineWidth(0.3)
        canvas.line(inner, y + 1.1, inner + inner_w, y + 1.1)
    canvas.setFillColor(theme.MUTED)
    canvas.setFont(theme.FONT, theme.CARD_NOTE_PT)
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
        st["kicker"].clone("card_kicker", fontSize=theme.CARD_NOTE_PT, leading=8.5,
                           textColor=theme.ACCENT_DARK),
    )
    _, h = kicker.wrap(inner_w, 20 * mm)
    kicker.drawOn(canvas, inner, top - h)
    body = prompt or "Talk to one person this week."
    heading = "Ask yourself" if prompt else "One thing to do"
    lines = Paragraph(
        f"<font size={theme.CARD_NAME_PT} color='#4B5563'>{heading}</font><br/>{text(body)}",
        st["quote"].clone("card_prompt", fontSize=10, leading=13),
    )
    _, h = lines.wrap(inner_w, 35 * mm)
    lines.drawOn(canvas, inner, slot.y + slot.h / 2 - h / 2 + 1.5 * mm)
    canvas.setFillColor(theme.MUTED)
    canvas.setFont(theme.FONT, theme.CARD_NOTE_PT)
    canvas.drawString(inner, slot.y + SAFE + 1.5 * mm,
                      "Reaching out works. People recover. Contacts on the other side.")
