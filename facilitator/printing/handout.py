"""Participant handout: what people keep. Built from the session, so every session has its own.

Page 1 opens with a navy title band; the body walks the sections (key points, tables, the
flow diagram, the questions discussed, when to worry with the support resources); the last
page is the reflection prompt with lined space to write. Every page's footer carries the
support contacts (safe messaging: the topic is always paired with help).
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
from facilitator.printing.flowables import FlowDiagram, slide_blocks, support_table
from facilitator.printing.theme import styles, text

BAND = 46 * mm
FOOTER = 17 * mm
MAX_PAGES = 4
GUTTER = 7 * mm
# (body text scale, least room for the reflection before it takes a fresh page): tried in
# turn until the handout fits MAX_PAGES; the first fits the bundled session on A4 and Letter.
FITS = ((1.0, 125 * mm), (0.92, 100 * mm), (0.85, 80 * mm), (0.8, 60 * mm))


def build_handout(session: model.Session, ctx: PrintContext) -> bytes:
    ctx.prepare()
    pdf = b""
    for scale, reflection_space in FITS:
        pdf, pages = _render(session, ctx, scale, reflection_space)
        if pages <= MAX_PAGES:
            break
    return pdf


def _render(session: model.Session, ctx: PrintContext, scale: float,
            reflection_space: float) -> tuple[bytes, int]:
    buffer = io.BytesIO()
    width, height = ctx.page_size
    m = theme.MARGIN
    doc = BaseDocTemplate(
        buffer, pagesize=ctx.page_size, leftMargin=m, rightMargin=m, topMargin=m,
        bottomMargin=FOOTER + 6 * mm, title=f"{session.title}: participant handout",
        author=ctx.author, subject=session.subtitle, lang=session.language,
        creator=creator(), pageCompression=1, initialFontName=theme.FONT,
    )
    body_width = width - 2 * m
    first = Frame(m, FOOTER + 6 * mm, body_width, height - BAND - 8 * mm - FOOTER - 6 * mm,
                  id="first", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    later = Frame(m, FOOTER + 6 * mm, body_width, height - m - FOOTER - 6 * mm, id="later",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def on_first(canvas: Canvas, document: BaseDocTemplate) -> None:
        _band(canvas, session, width, height)
        _footer(canvas, ctx, width, document.page)

    def on_later(canvas: Canvas, document: BaseDocTemplate) -> None:
        _footer(canvas, ctx, width, document.page)

    doc.addPageTemplates([
        PageTemplate("first", [first], onPage=on_first),
        PageTemplate("later", [later], onPage=on_later),
    ])
    story: list[Flowable] = [NextPageTemplate("later")]
    story += _body(session, ctx, body_width, scale)
    story += _reflection(session, body_width, reflection_space)
    doc.build(story)
    return buffer.getvalue(), doc.page


def _band(canvas: Canvas, session: model.Session, width: float, height: float) -> None:
    st = styles()
    canvas.saveState()
    canvas.setFillColor(theme.NAVY)
    canvas.rect(0, height - BAND, width, BAND, stroke=0, fill=1)
    canvas.setFillColor(theme.ACCENT)
    canvas.rect(0, height - BAND, width, 1.6 * mm, stroke=0, fill=1)
    m = theme.MARGIN
    y = height - 12 * mm
    # A long title shrinks to stay on one line (down to 18 pt) so the band never overflows.
    size = 26.0
    while size > 18 and stringWidth(session.title, theme.BOLD, size) > width - 2 * m:
        size -= 1
    title_style = st["title"].clone("band_title", fontSize=size, leading=size * 1.15)
    for content, style in (
        ("PARTICIPANT HANDOUT", st["kicker"]),
        (text(session.title), title_style),
        (text(session.subtitle), st["subtitle"]),
    ):
        if not content:
            continue
        para = Paragraph(content, style)
        _, h = para.wrap(width - 2 * m, BAND)
        para.drawOn(canvas, m, y - h)
        y -= h + 2.5 * mm
    if session.credit:
        credit = Paragraph(text(session.credit), st["small"].clone("credit", textColor=theme.TINT))
        credit.wrap(width - 2 * m, BAND)
        credit.drawOn(canvas, m, height - BAND + 5 * mm)
    canvas.restoreState()


def _footer(canvas: Canvas, ctx: PrintContext, width: float, page: int) -> None:
    """Support contacts on every page: up to three entries and the emergency number."""
    m = theme.MARGIN
    canvas.saveState()
    canvas.setStrokeColor(theme.ACCENT)
    canvas.setLineWidth(1)
    canvas.line(m, FOOTER + 1 * mm, width - m, FOOTER + 1 * mm)
    parts = [f"<b>{text(e.name)}</b>: {text(e.contact_line)}" for e in ctx.region.entries[:3]]
    if ctx.region.emergency:
        parts.append(f"<b>Emergency</b>: {text(ctx.region.emergency)}")
    style = styles()["small"].clone("footer", fontSize=7.5, leading=9.5, textColor=theme.NAVY)
    para = Paragraph("<font color='#005A50'><b>Need to talk to someone?</b></font>  "
                     + "  ·  ".join(parts), style)
    _, h = para.wrap(width - 2 * m - 12 * mm, FOOTER)
    para.drawOn(canvas, m, FOOTER - 2 * mm - h)
    canvas.setFont(theme.FONT, 7.5)
    canvas.setFillColor(theme.MUTED)
    canvas.drawRightString(width - m, FOOTER - 2 * mm - 9.5 + 2, str(page))
    canvas.restoreState()


def _body(session: model.Session, ctx: PrintContext, width: float, scale: float) -> list[Flowable]:
    st = styles(scale)
    reflection = reflection_prompt(session)
    story: list[Flowable] = []
    resources_done = False
    for section in session.sections:
        if any(slide.kind is model.SlideKind.TITLE for slide in section.slides):
            continue  # the opening section is about the room (welcome, how polls work)
        pieces: list[tuple[bool, list[Flowable]]] = []  # (fits a column, flowables)
        prompts: list[model.Prompt] = []
        for slide in section.slides:
            if reflection and slide is reflection[0]:
                continue
            if slide.kind is model.SlideKind.RESOURCES and not resources_done:
                if prompts:
                    pieces.append((False, [_prompt_box(prompts, width, scale)]))
                    prompts = []
                pieces.append((False, _resources(ctx, width)))
                resources_done = True
                continue
            slide_pieces = _slide(slide, width, scale)
            if slide.prompt and not slide.blocks and not slide.flow:
                prompts.append(slide.prompt)  # prompt-only slides: one box per run
                continue
            if prompts:
                pieces.append((False, [_prompt_box(prompts, width, scale)]))
                prompts = []
            pieces += slide_pieces
        if prompts:
            pieces.append((False, [_prompt_box(prompts, width, scale)]))
        if pieces:
            # Keep a section heading with the start of its content.
            story.append(CondPageBreak(40 * mm))
            story.append(Paragraph(text(section.title), st["h2"]))
            story += _columns(pieces, width)
    if not resources_done:
        story += [Paragraph("When you need support", st["h2"]), *_resources(ctx, width)]
    return story


def _columns(pieces: list[tuple[bool, list[Flowable]]], width: float) -> list[Flowable]:
    """Runs of short slides two abreast (tops aligned); tables, diagrams, prompts full width."""
    story: list[Flowable] = []
    run: list[list[Flowable]] = []

    def flush() -> None:
        if len(run) >= 2:
            rows = [run[i:i + 2] + [[]] * (2 - len(run[i:i + 2])) for i in range(0, len(run), 2)]
            grid = Table(rows, colWidths=[(width + GUTTER) / 2, (width - GUTTER) / 2])
            grid.setStyle(theme.table_style([
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), GUTTER),
                ("RIGHTPADDING", (1, 0), (1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]))
            story.append(grid)
        elif run:
            story.append(KeepTogether(run[0]))
        run.clear()

    for fits_column, flowables in pieces:
        if fits_column:
            run.append(flowables)
        else:
            flush()
            story.append(KeepTogether(flowables))
    flush()
    return story


def _slide(slide: model.Slide, width: float, scale: float) -> list[tuple[bool, list[Flowable]]]:
    st = styles(scale)
    if slide.kind in (model.SlideKind.TITLE, model.SlideKind.CONTENT_NOTE, model.SlideKind.POLL,
                      model.SlideKind.CHART, model.SlideKind.RESOURCES):
        # Polls and charts are for the room; the content note was said aloud.
        return []
    pieces: list[tuple[bool, list[Flowable]]] = []
    heading = Paragraph(text(slide.title), st["h3"])
    if slide.blocks:
        has_table = any(isinstance(block, model.Table) for block in slide.blocks)
        column = (width - GUTTER) / 2
        block_width = width if has_table else column
        pieces.append((not has_table,
                       [heading, *slide_blocks(slide.blocks, block_width, scale)]))
    if slide.flow:
        flow: list[Flowable] = [FlowDiagram(slide.flow.steps), Spacer(1, 4)]
        pieces.append((False, flow if slide.blocks else [heading, Spacer(1, 2), *flow]))
    if slide.prompt:
        pieces.append((False, [_prompt_box([slide.prompt], width, scale)]))
    return pieces


def _prompt_box(prompts: list[model.Prompt], width: float, scale: float) -> Table:
    """Questions the room discussed, to keep thinking about; solo ones read "Ask yourself"."""
    st = styles(scale)
    solo = all(phase.group.kind is model.GroupKind.SOLO for p in prompts for phase in p.phases)
    heading = "ASK YOURSELF" if solo else "TALK ABOUT"
    label_style = st["small"].clone("label", textColor=theme.ACCENT_DARK)
    rows = []
    for index, prompt in enumerate(prompts):
        formats = ", then ".join(phase.group.label.lower() for phase in prompt.phases)
        label = f"<b>{heading}</b><br/>" if index == 0 else ""
        if not solo:
            label += f"<font size=7>{text(formats)}</font>"
        rows.append([Paragraph(label, label_style), Paragraph(text(prompt.text), st["box"])])
    table = Table(rows, colWidths=[26 * mm, width - 26 * mm])
    table.setStyle(theme.table_style([
        ("BACKGROUND", (0, 0), (-1, -1), theme.NAVY_TINT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, 0), 6),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 7),
    ]))
    table.spaceBefore = 3
    table.spaceAfter = 5
    return table


def _resources(ctx: PrintContext, width: float) -> list[Flowable]:
    region = ctx.region
    parts: list[Flowable] = [
        Spacer(1, 3),
        support_table(region.entries, width, region.emergency_line),
    ]
    if not any(entry.local for entry in region.entries):
        # A blank to fill in: the nearest help is often on campus.
        parts.append(Spacer(1, 4))
        parts.append(Paragraph(
            "My school’s counselling service or student health: "
            "_______________________________________________",
            styles()["body"].clone("fill", textColor=theme.NAVY, leading=16)))
    return [*parts, Spacer(1, 4)]


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


def _reflection(session: model.Session, width: float, space: float) -> list[Flowable]:
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
    return [
        CondPageBreak(space),
        Paragraph(text(slide.title), st["h1"]),
        Paragraph(f"A reflection for you alone, about {minutes} minutes. No editing, no "
                  "making it sound smart; nobody else reads this page.", st["body"]),
        Spacer(1, 5 * mm),
        quote,
        Spacer(1, 4 * mm),
        LinedSpace(),
    ]
