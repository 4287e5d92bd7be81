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
from facilitator.printing.flowables import (
    FlowDiagram,
    bullets,
    keep_together,
    slide_blocks,
    support_table,
)
from facilitator.printing.pages import numbered_canvas
from facilitator.printing.theme import styles, text

BAND = 46 * mm
MAX_PAGES = 6  # the handout grows a page rather than shrink its type below the floors
GUTTER = 7 * mm
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
    story += _body(session, ctx, body_width)
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


def _body(session: model.Session, ctx: PrintContext, width: float) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = []
    resources_done = False
    for section in session.sections:
        if any(slide.kind is model.SlideKind.TITLE for slide in section.slides):
            continue  # the opening section is about the room (welcome, how polls work)
        pieces, had_resources = _section_pieces(section, session, ctx, width, resources_done)
        resources_done = resources_done or had_resources
        if pieces:
            # The heading goes with the start of its content: never alone at a page foot.
            content = _columns(pieces, width)
            first = content[0]
            # Not nested: a KeepTogether inside another reports an endless height.
            inner = list(first._content) if isinstance(first, KeepTogether) else [first]
            story.append(KeepTogether([Paragraph(text(section.title), st["h2"]), *inner]))
            story += content[1:]
    if not resources_done:
        story.append(KeepTogether([Paragraph("When you need support", st["h2"]),
                                   *_resources(ctx, width)]))
    return story


Piece = tuple[bool, list[Flowable]]  # (fits a column, flowables kept together)


def _section_pieces(section: model.Section, session: model.Session, ctx: PrintContext,
                    width: float, resources_done: bool) -> tuple[list[Piece], bool]:
    reflection = reflection_prompt(session)
    pieces: list[Piece] = []
    prompts: list[model.Prompt] = []
    for slide in section.slides:
        if reflection and slide is reflection[0]:
            continue
        if slide.kind is model.SlideKind.RESOURCES and not resources_done:
            if prompts:
                _add_prompts(pieces, prompts, width)
                prompts = []
            # "When to worry" and the support table are one message: the slide just before
            # the resources goes with them, full width, on the same page.
            before = pieces.pop()[1] if pieces else []
            pieces.append((False, [*before, *_resources(ctx, width)]))
            resources_done = True
            continue
        slide_pieces = _slide(slide, width)
        if slide.prompt and not slide.blocks and not slide.flow:
            prompts.append(slide.prompt)  # prompt-only slides: one box per run
            continue
        if prompts:
            _add_prompts(pieces, prompts, width)
            prompts = []
        pieces += slide_pieces
    if prompts:
        _add_prompts(pieces, prompts, width)
    return pieces, resources_done


def _add_prompts(pieces: list[Piece], prompts: list[model.Prompt], width: float) -> None:
    """The questions go with the slide they follow (full width, on the same page): a box
    alone at the top of a page reads as if it belonged to nothing."""
    box = _prompt_box(prompts, width)
    if pieces:
        pieces[-1] = (False, [*pieces[-1][1], box])
    else:
        pieces.append((False, [box]))


def _columns(pieces: list[Piece], width: float) -> list[Flowable]:
    """Runs of short slides two abreast (tops aligned); tables, diagrams, prompts full width."""
    story: list[Flowable] = []
    run: list[list[Flowable]] = []

    def flush() -> None:
        # One table per row of two: a page may break between rows, and a section heading
        # is kept with the first row only (not with the whole run).
        for i in range(0, len(run), 2):
            pair = run[i:i + 2]
            if len(run) == 1:
                story.append(KeepTogether(pair[0]))
                break
            grid = Table([pair + [[]] * (2 - len(pair))],
                         colWidths=[(width + GUTTER) / 2, (width - GUTTER) / 2])
            grid.setStyle(theme.table_style([
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), GUTTER),
                ("RIGHTPADDING", (1, 0), (1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]))
            story.append(grid)
        run.clear()

    for fits_column, flowables in pieces:
        if fits_column:
            run.append(flowables)
        else:
            flush()
            story.append(KeepTogether(flowables))
    flush()
    return story


def _slide(slide: model.Slide, width: float) -> list[Piece]:
    st = styles()
    if slide.kind in (model.SlideKind.TITLE, model.SlideKind.CONTENT_NOTE, model.SlideKind.POLL,
                      model.SlideKind.CHART, model.SlideKind.RESOURCES):
        # Polls and charts are for the room; the content note was said aloud.
        return []
    pieces: list[Piece] = []
    heading = Paragraph(text(slide.title), st["h3"])
    if slide.blocks:
        has_table = any(isinstance(block, model.Table) for block in slide.blocks)
        column = (width - GUTTER) / 2
        block_width = width if has_table else column
        pieces.append((not has_table,
                       [heading, *slide_blocks(slide.blocks, block_width)]))
    if slide.flow:
        flow: list[Flowable] = [FlowDiagram(slide.flow.steps), Spacer(1, 4)]
        pieces.append((False, flow if slide.blocks else [heading, Spacer(1, 2), *flow]))
    if slide.prompt:
        pieces.append((False, [_prompt_box([slide.prompt], width)]))
    return pieces


def _prompt_box(prompts: list[model.Prompt], width: float) -> Table:
    """Questions the room discussed, to keep thinking about; solo ones read "Ask yourself"."""
    st = styles()
    solo = all(phase.group.kind is model.GroupKind.SOLO for p in prompts for phase in p.phases)
    heading = "ASK YOURSELF" if solo else "TALK ABOUT"
    label_style = st["small"].clone("label", textColor=theme.ACCENT_DARK)
    rows = []
    for index, prompt in enumerate(prompts):
        formats = ", then ".join(phase.group.label.lower() for phase in prompt.phases)
        label = f"<b>{heading}</b><br/>" if index == 0 else ""
        if not solo:
            label += text(formats)
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
