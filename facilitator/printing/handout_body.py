"""The handout's body: the session's sections as flowables, laid out to read on paper.

Which slides print (not the room's polls and charts), short slides two abreast, tables,
diagrams and questions full width, a question box kept with the slide it follows, and
"when to worry" kept with the support table. This is most of the handout's logic, so it
stands apart from the document around it (`handout`: title band, footer, opening,
reflection page).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from facilitator.core.session import model
from facilitator.printing import theme
from facilitator.printing.context import PrintContext, reflection_prompt
from facilitator.printing.flowables import FlowDiagram, slide_blocks, support_table
from facilitator.printing.theme import styles, text

GUTTER = 7 * mm  # between the two columns of short slides


def body_story(session: model.Session, ctx: PrintContext, width: float) -> list[Flowable]:
    """Every section but the opening one, its heading kept with its first content; the
    support resources at the end if no section had a resources slide."""
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
