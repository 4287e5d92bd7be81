"""Participant handout: what people keep. Built from the session, so every session has its own.

Page 1 opens with a navy title band and the opening (content note, objectives, source);
the body walks the sections (key points, tables, the flow diagram, the questions
discussed, when to worry with the support resources: `handout_body`); the last page is
the reflection prompt with lined space to write. Every page's footer carries the support
contacts (safe messaging: the topic is always paired with help).
"""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from facilitator.core.release import creator
from facilitator.core.session import model
from facilitator.printing import theme
from facilitator.printing.context import PrintContext, reflection_prompt
from facilitator.printing.flowables import bullets, keep_together
from facilitator.printing.handout_body import body_story
from facilitator.printing.pages import numbered_canvas
from facilitator.printing.theme import styles, text

BAND = 46 * mm
MAX_PAGES = 6  # the handout grows a page rather than shrink its type below the floors
REFLECTION_LINES = 12  # ten minutes of writing needs room: never fewer lines than this


def build_handout(session: model.Session, ctx: PrintContext) -> bytes:
    """One pass: the type scale is fixed, so the page count is whatever the content needs
    (the bundled session takes 5 pages on A4 and Letter)."""
    ctx.prepare()
    buffer = io.BytesIO()
    width, height = ctx.page_size
    m = theme.MARGIN
    footer = _footer_paragraph(ctx)
    _, footer_h = footer.wrap(width - 2 * m, height)
    bottom = FOOTER_PAD + footer_h + FOOTER_RULE_GAP + 5 * mm
    doc = BaseDocTemplate(
        buffer, pagesize=ctx.page_size, leftMargin=m, rightMargin=m, topMargin=m,
        bottomMargin=bottom, title=f"{session.title}: participant handout",
        author=ctx.author, subject=session.subtitle, lang=session.language,
        creator=creator(), pageCompression=1, initialFontName=theme.FONT,
    )
    body_width = width - 2 * m
    band_lines, band = _band_lines(session, body_width)
    first = Frame(m, bottom, body_width, height - band - 8 * mm - bottom,
                  id="first", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    later = Frame(m, bottom, body_width, height - m - bottom, id="later",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def on_first(canvas: Canvas, document: BaseDocTemplate) -> None:
        _band(canvas, band_lines, band, width, height)

    def on_end(canvas: Canvas, document: BaseDocTemplate) -> None:
        # Drawn after the page's body, so the content stream (and a screen reader) has
        # the body first and the repeated footer last.
        _footer(canvas, footer, footer_h, width)

    def stamp(canvas: Canvas, page: int, total: int) -> None:
        canvas.setFont(theme.FONT, theme.TABLE_PT)
        canvas.setFillColor(theme.MUTED)
        canvas.drawRightString(width - m, FOOTER_PAD + footer_h + FOOTER_RULE_GAP + 1.5 * mm,
                               f"Page {page} of {total}")

    doc.addPageTemplates([
        PageTemplate("first", [first], onPage=on_first, onPageEnd=on_end),
        PageTemplate("later", [later], onPageEnd=on_end),
    ])
    story: list[Flowable] = [NextPageTemplate("later")]
    story += _opening(session, body_width)
    story += body_story(session, ctx, body_width)
    story += _reflection(session, body_width)
    doc.build(story, canvasmaker=numbered_canvas(stamp))
    return buffer.getvalue()


FOOTER_PAD = 8 * mm  # paper edge to the footer text: inside every printer's margin
FOOTER_RULE_GAP = 2 * mm


def _band_lines(session: model.Session, width: float) -> tuple[list[Paragraph], float]:
    """The title band's paragraphs (wrapped to `width`) and the band's height: it grows
    with a long subtitle or pack line instead of letting them run into each other."""
    st = styles()
    # A long title shrinks to stay on one line (down to 18 pt).
    size = 26.0
    while size > 18 and stringWidth(session.title, theme.BOLD, size) > width:
        size -= 1
    title_style = st["title"].clone("band_title", fontSize=size, leading=size * 1.15)
    pale = st["small"].clone("band_small", textColor=theme.TINT)
    when = "  ·  ".join(bit for bit in (session.date, session.venue) if bit)
    who = ", ".join(session.facilitators)
    lines = [Paragraph(content, style) for content, style in (
        ("PARTICIPANT HANDOUT", st["kicker"]),
        (text(session.title), title_style),
        (text(session.subtitle), st["subtitle"]),
        (text(when), pale.clone("band_when", fontName=theme.BOLD)),
        (f"With {text(who)}" if who else "", pale),
        (text(session.credit), pale),
    ) if content]
    height = 12 * mm + sum(line.wrap(width, 1000)[1] + BAND_GAP for line in lines) + 4 * mm
    return lines, max(BAND, height)


BAND_GAP = 1.8 * mm


def _band(canvas: Canvas, lines: list[Paragraph], band: float, width: float,
          height: float) -> None:
    canvas.saveState()
    canvas.setFillColor(theme.NAVY)
    canvas.rect(0, height - band, width, band, stroke=0, fill=1)
    canvas.setFillColor(theme.ACCENT)
    canvas.rect(0, height - band, width, 1.6 * mm, stroke=0, fill=1)
    y = height - 9 * mm
    for line in lines:
        line.drawOn(canvas, theme.MARGIN, y - line.height)
        y -= line.height + BAND_GAP
    canvas.restoreState()


def _footer_paragraph(ctx: PrintContext) -> Paragraph:
    """Support contacts for every page: up to three entries and the emergency number."""
    parts = [f"<b>{text(e.name)}</b>: {text(keep_together(e.contact_line))}"
             for e in ctx.region.entries[:3]]
    if ctx.region.emergency:
        parts.append(f"<b>Emergency</b>: {text(ctx.region.emergency)}")
    style = styles()["small"].clone("footer", textColor=theme.NAVY)
    return Paragraph("<font color='#005A50'><b>Need to talk to someone?</b></font>  "
                     + "  ·  ".join(parts), style)


def _footer(canvas: Canvas, para: Paragraph, h: float, width: float) -> None:
    m = theme.MARGIN
    canvas.saveState()
    canvas.setStrokeColor(theme.ACCENT)
    canvas.setLineWidth(1)
    rule = FOOTER_PAD + h + FOOTER_RULE_GAP
    canvas.line(m, rule, width - m, rule)
    para.drawOn(canvas, m, FOOTER_PAD)
    canvas.restoreState()


def _opening(session: model.Session, width: float) -> list[Flowable]:
    """The content note first (what the handout touches, and that help is on every page),
    then what people should leave with."""
    st = styles()
    story: list[Flowable] = []
    note = next((slide.content_note for slide in session.slides if slide.content_note), "")
    if note:
        box = Table([[Paragraph(f"<b>Content note.</b> {text(' '.join(note.split()))}",
                                st["box"])]], colWidths=[width])
        box.setStyle(theme.table_style([
            ("BACKGROUND", (0, 0), (-1, -1), theme.TINT),
            ("LINEBEFORE", (0, 0), (0, -1), 3, theme.ACCENT),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ]))
        story += [box, Spacer(1, 3 * mm)]
    if session.objectives:
        story.append(KeepTogether([
            Paragraph("What this session is for", st["h2"]),
            bullets([text(objective) for objective in session.objectives]),
        ]))
    if session.citation:
        story += [Spacer(1, 1.5 * mm),
                  Paragraph(f"<b>Source.</b> {text(session.citation)}", st["small"])]
    return story




class LinedSpace(Flowable):  # type: ignore[misc]
    """Ruled lines for writing, filling what is left of the page."""

    PITCH = 9 * mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = max(self.PITCH, avail_height - 2)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(theme.RULE)
        canvas.setLineWidth(0.6)
        y = self.height - self.PITCH
        while y >= 0:
            canvas.line(0, y, self.width, y)
            y -= self.PITCH


def _reflection(session: model.Session, width: float) -> list[Flowable]:
    found = reflection_prompt(session)
    if not found:
        return []
    slide, prompt = found
    st = styles()
    quote = Table([[Paragraph(f"“{text(prompt.text)}”", st["quote"])]], colWidths=[width])
    quote.setStyle(theme.table_style([
        ("BACKGROUND", (0, 0), (-1, -1), theme.TINT),
        ("LINEBEFORE", (0, 0), (0, -1), 4, theme.ACCENT),
        ("TOPPADDING", (0, 0), (-1, -1), 10),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
        ("LEFTPADDING", (0, 0), (-1, -1), 12),
    ]))
    minutes = max(1, round(prompt.seconds / 60))
    head: list[Flowable] = [
        Paragraph(text(slide.title), st["h1"]),
        Paragraph(f"A reflection for you alone, about {minutes} minutes. No editing, no "
                  "making it sound smart; nobody else reads this page.", st["body"]),
        Spacer(1, 5 * mm),
        quote,
        Spacer(1, 4 * mm),
    ]
    # The page break comes before the heading unless the heading, the prompt and at least
    # REFLECTION_LINES ruled lines all fit below it.
    needed = sum(part.wrap(width, 1000 * mm)[1] for part in head)
    needed += st["h1"].spaceBefore + st["h1"].spaceAfter
    needed += (REFLECTION_LINES + 0.5) * LinedSpace.PITCH
    return [CondPageBreak(needed), *head, LinedSpace()]
