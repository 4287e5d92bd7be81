"""Resource cards: the document, fronts and backs, ready to print duplex and cut.

Page 1 holds the fronts (the region's support resources, each with a QR code to its
website when there is room for one: `card_front`), page 2 the backs (the session's
reflection prompt, or its self-check table). Where the cards sit on the sheet, mirrored
for the backs, and the crop marks are `card_sheet`'s.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from facilitator.core.session import model
from facilitator.printing import theme
from facilitator.printing.card_front import FrontLayout, card_entries
from facilitator.printing.card_sheet import SAFE, Rect, back_slots, card_slots, sheet_furniture
from facilitator.printing.context import PrintContext, canvas_pdf, reflection_prompt
from facilitator.printing.theme import markup, styles, text


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
        sheet_furniture(canvas, size)
        canvas.showPage()
        for slot in back_slots(size):
            if check is not None:
                _check_back(canvas, slot, check)
            else:
                _back(canvas, slot, session, found[1].text if found else "")
        sheet_furniture(canvas, size)
        canvas.showPage()

    return canvas_pdf(info, size, draw)


def self_check(session: model.Session) -> model.Table | None:
    """The session's row-by-row comparison (blank top-left cell, two columns to compare),
    e.g. "normal phase" vs "real problem": short enough for a card back."""
    for slide in session.slides:
        for block in slide.blocks:
            if (isinstance(block, model.Table) and len(block.header) == 3
                    and not model.plain(block.header[0]).strip() and block.rows):
                return block
    return None


def _back_frame(canvas: Canvas, slot: Rect) -> tuple[float, float, float]:
    """Both backs: the accent bar down the left; returns the text's left, width and top."""
    left = slot.x + SAFE
    canvas.setFillColor(theme.ACCENT)
    canvas.rect(left, slot.y + SAFE, 1.2 * mm, slot.h - 2 * SAFE, stroke=0, fill=1)
    return left + 4 * mm, slot.w - 2 * SAFE - 4 * mm, slot.y + slot.h - SAFE


def _check_back(canvas: Canvas, slot: Rect, table: model.Table) -> None:
    inner, inner_w, top = _back_frame(canvas, slot)
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


def _back(canvas: Canvas, slot: Rect, session: model.Session, prompt: str) -> None:
    inner, inner_w, top = _back_frame(canvas, slot)
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
