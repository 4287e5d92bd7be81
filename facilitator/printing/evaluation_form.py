"""`facilitator print --what evaluation`: the session's evaluation on paper, for rooms
without phones. The same items as the phones ask, in the same order.

The "before" questions are on a slip of their own (page 1, handed in at the start) and the
rest on page 2: one sheet holding both answers would link a person's before to their after,
which the phone version never does.
"""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from facilitator.core.release import creator
from facilitator.core.session.model import Poll, PollType, Session
from facilitator.printing import theme
from facilitator.printing.context import PrintContext
from facilitator.printing.theme import PrintError, styles, text

WRITE_LINES = 4  # ruled lines for an open answer


def build_evaluation_form(session: Session, ctx: PrintContext) -> bytes:
    items = session.evaluation_polls
    if not items:
        raise PrintError("this session has no evaluation: add an ```evaluation block near "
                         "the end (see slides/README.md)")
    ctx.prepare()
    buffer = io.BytesIO()
    width, height = ctx.page_size
    m = theme.MARGIN
    doc = BaseDocTemplate(
        buffer, pagesize=ctx.page_size, leftMargin=m, rightMargin=m, topMargin=m + 6 * mm,
        bottomMargin=m, title=f"{session.title}: evaluation", author=ctx.author,
        subject="Anonymous evaluation form", lang=session.language, creator=creator(),
        pageCompression=1, initialFontName=theme.FONT,
    )
    frame = Frame(m, m, width - 2 * m, height - 2 * m - 6 * mm, leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)

    def on_page(canvas: Canvas, document: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColor(theme.NAVY)
        canvas.rect(0, height - 9 * mm, width, 9 * mm, stroke=0, fill=1)
        canvas.setFillColor(theme.WHITE)
        canvas.setFont(theme.BOLD, theme.BODY_PT)
        canvas.drawString(m, height - 6 * mm, f"Evaluation  ·  {session.title}")
        canvas.restoreState()

    doc.addPageTemplates([PageTemplate("form", [frame], onPage=on_page)])
    body = width - 2 * m
    before = [poll for poll in items if poll.evaluation == "before"]
    later = [poll for poll in items if poll.evaluation != "before"]
    story: list[Flowable] = []
    if before:
        story += _part("At the start", "Answer now and hand this slip in. You will be asked "
                       "again at the end, on a separate sheet, so your two answers are never "
                       "joined.", before, body)
        story.append(PageBreak())
    if later:
        story += _part("At the end", "Please answer before you leave and put the sheet in "
                       "the box. Skip anything you prefer not to answer.", later, body)
    doc.build(story)
    return buffer.getvalue()


def _part(title: str, intro: str, polls: list[Poll], width: float) -> list[Flowable]:
    st = styles()
    parts: list[Flowable] = [
        Paragraph(text(title), st["h1"]),
        Paragraph(f"{intro} <b>Anonymous: do not write your name.</b>", st["body"]),
        Spacer(1, 4 * mm),
    ]
    for number, poll in enumerate(polls, start=1):
        parts.append(KeepTogether([
            Paragraph(f"{number}. {text(poll.question)}", st["h3"].clone(
                "form_q", fontSize=max(theme.BODY_PT, st["h3"].fontSize))),
            Spacer(1, 2 * mm),
            _answer(poll, width),
            Spacer(1, 5 * mm),
        ]))
    return parts


def _answer(poll: Poll, width: float) -> Flowable:
    st = styles()
    if poll.type is PollType.TEXT:
        rows = [[""] for _ in range(WRITE_LINES)]
        table = Table(rows, colWidths=[width], rowHeights=[9 * mm] * WRITE_LINES)
        table.setStyle(theme.table_style([("LINEBELOW", (0, 0), (-1, -1), 0.5, theme.RULE)]))
        return table
    if poll.type is PollType.SCALE:
        labels = [str(point) for point in poll.scale_points]
        low, high = poll.scale_labels
        under = [""] * len(labels)
        under[0], under[-1] = low, high
    else:
        labels = [option.label for option in poll.options]
        under = [""] * len(labels)
    cell = 22 * mm
    boxes = [Paragraph(f"□ {text(label)}", st["body"]) for label in labels]
    notes = [Paragraph(text(note), st["body"]) for note in under]
    table = Table([boxes, notes], colWidths=[cell + 6 * mm] * len(labels), hAlign="LEFT")
    table.setStyle(theme.table_style([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table
