"""Facilitator guide: agenda with clock times, the safety protocol, a room checklist, and per
slide the notes, prompts (timings and formats) and polls (with options)."""

from __future__ import annotations

import io
import re
from datetime import datetime, time, timedelta
from functools import partial
from pathlib import PurePath

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
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
from facilitator.core.risk.protocol import STEPS
from facilitator.core.session import model
from facilitator.printing import theme
from facilitator.printing.card_sheet import card_slots
from facilitator.printing.context import PrintContext
from facilitator.printing.flowables import bullets, support_table
from facilitator.printing.pages import numbered_canvas
from facilitator.printing.theme import styles, text

# The same steps as the console's safety-protocol dialog (one text, in core).
DISTRESS_STEPS = tuple(f"<b>{text(what)}</b> {text(do)}" for what, do in STEPS)


class _GuideDoc(BaseDocTemplate):  # type: ignore[misc]
    """A document whose h1/h2 headings become PDF bookmarks (the viewer's outline)."""

    def afterFlowable(self, flowable: Flowable) -> None:
        if not isinstance(flowable, Paragraph):
            return
        level = {"h1": 0, "cover": 0, "h2": 1}.get(flowable.style.name)
        if level is None:
            return
        title = flowable.getPlainText().split("  ")[0]  # a section's times stay out
        key = f"outline-{id(flowable)}"
        self.canv.bookmarkPage(key)
        # A level-1 entry needs a level-0 parent: the cover title is the first one.
        self.canv.addOutlineEntry(title, key, level=min(level, self._outline_depth))
        self._outline_depth = level + 1

    _outline_depth = 0


def build_guide(session: model.Session, ctx: PrintContext) -> bytes:
    ctx.prepare()
    buffer = io.BytesIO()
    width, height = ctx.page_size
    m = theme.MARGIN
    doc = _GuideDoc(
        buffer, pagesize=ctx.page_size, leftMargin=m, rightMargin=m, topMargin=m + 6 * mm,
        bottomMargin=m, title=f"{session.title}: facilitator guide", author=ctx.author,
        subject="Agenda, safety protocol, materials checklist and slide notes",
        lang=session.language, creator=creator(), pageCompression=1, initialFontName=theme.FONT,
    )
    frame = Frame(m, m, width - 2 * m, height - 2 * m - 6 * mm, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)

    def on_page(canvas: Canvas, document: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColor(theme.NAVY)
        canvas.rect(0, height - 9 * mm, width, 9 * mm, stroke=0, fill=1)
        canvas.setFillColor(theme.WHITE)
        canvas.setFont(theme.BOLD, theme.TABLE_PT)
        canvas.drawString(m, height - 6 * mm, f"Facilitator guide  ·  {session.title}")
        canvas.restoreState()

    def stamp(canvas: Canvas, page: int, total: int) -> None:
        canvas.setFillColor(theme.WHITE)
        canvas.setFont(theme.FONT, theme.TABLE_PT)
        canvas.drawRightString(width - m, height - 6 * mm, f"Page {page} of {total}")
        if page == 1:
            canvas.showOutline()  # open the viewer with the bookmarks shown

    doc.addPageTemplates([PageTemplate("guide", [frame], onPage=on_page)])
    body = width - 2 * m
    story = _cover(session, ctx, body)
    story += _safety(session, ctx, body)
    story += _checklist(session, ctx)
    story += _slides(session, ctx, body)
    doc.build(story, canvasmaker=numbered_canvas(stamp))
    return buffer.getvalue()


def clock_times(session: model.Session, start: time | None) -> list[tuple[str, str]]:
    """(start, end) per section: clock times from `start`, or "+0:05"-style offsets."""
    elapsed = 0.0
    times = []
    for section in session.sections:
        times.append((_clock(start, elapsed), _clock(start, elapsed + section.minutes)))
        elapsed += section.minutes
    return times


def _clock(start: time | None, minutes: float) -> str:
    if start is None:
        whole = round(minutes)
        return f"+{whole // 60}:{whole % 60:02d}"
    moment = datetime.combine(datetime(2000, 1, 1), start) + timedelta(minutes=minutes)
    return moment.strftime("%H:%M")


def _cover(session: model.Session, ctx: PrintContext, width: float) -> list[Flowable]:
    st = styles()
    total = sum(section.minutes for section in session.sections)
    times = clock_times(session, ctx.start)
    when = (f"{times[0][0]}–{times[-1][1]}" if ctx.start and times
            else "times are from the start (choose a start time for clock times)")
    story: list[Flowable] = [
        Paragraph(text(session.title), st["h1"].clone("cover", fontSize=22, leading=27)),
        Paragraph(text(session.subtitle), st["body"].clone("sub", fontSize=11, leading=15)),
        Spacer(1, 3 * mm),
        Paragraph(f"<b>{total:g} minutes</b> · {len(session.sections)} sections · "
                  f"{len(session.slides)} slides · {len(session.prompts)} prompts · "
                  f"{len(session.polls)} polls · {text(when)}", st["body"]),
        *_pack(session),
        Paragraph("Agenda", st["h2"]),
    ]
    head = styles()["cell_head"]
    cell = styles()["cell"]
    rows = [[Paragraph(h, head) for h in ("Start", "End", "Min", "Section", "What happens")]]
    for (begin, end), section in zip(times, session.sections, strict=True):
        prompts = sum(1 for slide in section.slides if slide.prompt)
        polls = sum(1 for slide in section.slides if slide.poll)
        bits = [f"{len(section.slides)} slide{'s' * (len(section.slides) != 1)}"]
        if prompts:
            bits.append(f"{prompts} prompt{'s' * (prompts != 1)}")
        if polls:
            bits.append(f"{polls} poll{'s' * (polls != 1)}")
        rows.append([Paragraph(begin, cell), Paragraph(end, cell),
                     Paragraph(f"{section.minutes:g}", cell),
                     Paragraph(f"<b>{text(section.title)}</b>", cell),
                     Paragraph(", ".join(bits), cell)])
    table = Table(rows, colWidths=[16 * mm, 16 * mm, 12 * mm, width - 94 * mm, 50 * mm],
                  repeatRows=1)
    style: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), theme.NAVY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, theme.RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    style += [("BACKGROUND", (0, i), (-1, i), theme.NAVY_TINT) for i in range(2, len(rows), 2)]
    table.setStyle(theme.table_style(style))
    story.append(table)
    story += _break_note(session, times)
    return story


def _pack(session: model.Session) -> list[Flowable]:
    """Date, venue, facilitators, objectives and source, where the session gives them."""
    st = styles()
    lines = [f"<b>{label}:</b> {text(value)}" for label, value in (
        ("When", session.date), ("Where", session.venue),
        ("Facilitators", ", ".join(session.facilitators)), ("Source", session.citation),
    ) if value]
    story: list[Flowable] = [Paragraph(line, st["body"]) for line in lines]
    if session.objectives:
        story += [Paragraph("<b>By the end, participants can:</b>", st["body"]),
                  bullets([text(objective) for objective in session.objectives])]
    return [Spacer(1, 2 * mm), *story] if story else []


BREAK_AFTER = 60  # minutes: longer sessions get a break, or a word on why there is none


def _break_note(session: model.Session, times: list[tuple[str, str]]) -> list[Flowable]:
    """Where a long session can breathe: the section boundary nearest its middle."""
    total = sum(section.minutes for section in session.sections)
    if total <= BREAK_AFTER or len(session.sections) < 2:
        return []
    elapsed, best = 0.0, (total, 0)
    for index, section in enumerate(session.sections[:-1]):
        elapsed += section.minutes
        best = min(best, (abs(total / 2 - elapsed), index))
    index = best[1]
    after = session.sections[index].title
    return [Spacer(1, 2 * mm), Paragraph(
        f"<b>Break.</b> No break is timed into these {total:g} minutes: a pause in the "
        "middle of the hard part loses the room’s thread, and people may step out at any "
        f"time. At {times[index][1]}, after “{text(after)}”, offer a two-minute stretch "
        "(stand up, refill water) and take it from the closing section if you do.",
        styles()["body"])]


def _safety(session: model.Session, ctx: PrintContext, width: float) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [CondPageBreak(90 * mm), Paragraph("Safety protocol", st["h2"])]
    notes = [slide.content_note for slide in session.slides if slide.content_note]
    if notes:
        story.append(Paragraph("Content note: read it aloud at the start", st["h3"]))
        for note in notes:
            box = Table([[Paragraph(f"“{text(note)}”", st["box"])]], colWidths=[width])
            box.setStyle(theme.table_style([("BACKGROUND", (0, 0), (-1, -1), theme.TINT),
                                     ("LINEBEFORE", (0, 0), (0, -1), 3, theme.ACCENT),
                                     ("LEFTPADDING", (0, 0), (-1, -1), 8),
                                     ("TOPPADDING", (0, 0), (-1, -1), 6),
                                     ("BOTTOMPADDING", (0, 0), (-1, -1), 7)]))
            story += [box, Spacer(1, 3)]
    quiet = text(ctx.quiet_space) if ctx.quiet_space else "____________________________"
    co = text(ctx.co_facilitator) if ctx.co_facilitator else "____________________________"
    story += [
        Paragraph("Before you start", st["h3"]),
        bullets([
            f"<b>Quiet space:</b> {quiet}. Say where it is when you read the content note.",
            f"<b>Co-facilitator:</b> {co}. Introduce them by name and point them out. They "
            "sit near the door, watch the room rather than the slides, and follow anyone who "
            "leaves.",
            "<b>On-site emergency contact:</b> ____________________ (campus security, the "
            "duty doctor or the building’s emergency line), and where the nearest emergency "
            f"department is. Emergency number: {text(ctx.region.emergency or 'local')}.",
            "Polls never ask about anyone’s own suicidal thoughts or self-harm: an anonymous "
            "answer cannot be followed up.",
        ]),
        Paragraph("If someone becomes distressed", st["h3"]),
        bullets(list(DISTRESS_STEPS), ordered=True),
        KeepTogether([
            Paragraph(f"Support contacts ({text(ctx.region.name)})", st["h3"]),
            support_table(ctx.region.entries, width, ctx.region.emergency_line),
        ]),
    ]
    if not any(entry.local for entry in ctx.region.entries) and ctx.region.add_local:
        story.append(Paragraph(f"<i>{text(ctx.region.add_local)} (Settings → local "
                               "resources; they then print on the handout and cards.)</i>",
                               st["small"]))
    return story


def _checklist(session: model.Session, ctx: PrintContext) -> list[Flowable]:
    st = styles()
    # The file name only: the path on the machine that printed the guide means nothing
    # on the machine that runs the session.
    name = PurePath(session.source).name if session.source else "SESSION.md"
    paper = "A4" if ctx.paper == "a4" else "Letter"
    per_sheet = len(card_slots(ctx.page_size))
    room = [
        "Projector shows the slides; the console is on your laptop screen (extended display).",
        "Wi-Fi or a phone hotspot that participants can join; guest networks that isolate "
        "devices will not work.",
        f"Run <b>facilitator serve {text(name)}</b> and join from your own phone with the QR "
        "code: answer one poll end to end.",
        "Quiet space unlocked and signposted; co-facilitator briefed on the protocol above.",
        "Timer chime audible at the back of the room (or watch for the visual cue).",
    ]
    materials = [
        f"Handouts: one per person plus a few spare ({paper}, two-sided is fine).",
        f"Support cards: {per_sheet} per sheet on card stock. Print at 100 % (actual size, "
        "no “fit to page”), two-sided, flip on the long edge; cut on the marks.",
        "Check the card numbers on each service’s own website this term before printing.",
        "Join poster printed or on screen, with the URL and room code.",
        "Pens and blank paper for the ten-minute reflection; tissues within reach.",
        "This guide, with the quiet space and on-site contact filled in.",
    ]
    return [CondPageBreak(70 * mm), Paragraph("Room checklist", st["h2"]), _ticks(room),
            Paragraph("Materials and printing", st["h3"]), _ticks(materials)]


def _ticks(items: list[str]) -> Table:
    st = styles()
    box = "<font name='DejaVuSans' size=11 color='#00796B'>☐</font>"
    rows = [[Paragraph(box, st["body"]), Paragraph(item, st["body"])] for item in items]
    table = Table(rows, colWidths=[8 * mm, None])
    table.setStyle(theme.table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                      ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                      ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return table


def _slides(session: model.Session, ctx: PrintContext, width: float) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [PageBreak(), Paragraph("Slide by slide", st["h1"])]
    times = clock_times(session, ctx.start)
    number = 0
    for (begin, end), section in zip(times, session.sections, strict=True):
        story += [
            CondPageBreak(35 * mm),
            Paragraph(f"{text(section.title)}  <font color='#4B5563' size=9>{begin}–{end} · "
                      f"{section.minutes:g} min</font>", st["h2"]),
        ]
        for slide in section.slides:
            number += 1
            story.append(KeepTogether(_slide(number, slide, width, ctx.region.code)))
    return story


def _slide(number: int, slide: model.Slide, width: float, region: str = "us") -> list[Flowable]:
    st = styles()
    parts: list[Flowable] = [
        Paragraph(f"<font color='#00796B'>{number}</font>  {text(slide.title)}  "
                  f"<font size={theme.TABLE_PT} color='#4B5563'>{slide.kind.value}</font>",
                  st["h3"]),
    ]
    if slide.prompt:
        prompt = slide.prompt
        phases = " → ".join(f"{_duration(p.seconds)} {p.group.label.lower()}"
                            for p in prompt.phases)
        parts.append(_panel("PROMPT", f"<b>{text(prompt.text)}</b><br/>{text(phases)} "
                            f"(total {_duration(prompt.seconds)})", width))
    if slide.poll:
        parts.append(_panel("POLL", _poll(slide.poll), width))
    if slide.notes:
        parts.append(Paragraph(_notes(for_region(slide.notes, region)),
                               st["body"].clone("notes", leftIndent=4 * mm)))
    parts.append(Spacer(1, 3))
    return parts


def _poll(poll: model.Poll) -> str:
    lines = [f"<b>{text(poll.question)}</b>"]
    kind = poll.type.value
    if poll.type is model.PollType.MULTIPLE and poll.max_choices:
        kind += f", up to {poll.max_choices}"
    if poll.type in (model.PollType.SCALE, model.PollType.MATRIX):
        low, high = poll.scale_labels
        kind += f", {poll.scale_min} ({text(low)}) to {poll.scale_max} ({text(high)})"
    lines.append(f"{kind} · results after {poll.min_responses} answers"
                 + (" · sensitive: “prefer not to say” offered" if poll.sensitive else ""))
    if poll.options:  # one per line, lettered as the room sees them on the screen
        lines += [f"{chr(65 + i) if i < 26 else i + 1}.  {text(option.label)}"
                  for i, option in enumerate(poll.options)]
    if poll.rows:
        lines.append("Rows: " + "; ".join(text(row.label) for row in poll.rows))
    return "<br/>".join(lines)


def _panel(label: str, body: str, width: float) -> Table:
    st = styles()
    table = Table([[Paragraph(f"<b>{label}</b>", st["small"].clone(
        "panel_label", textColor=theme.ACCENT_DARK)), Paragraph(body, st["body"])]],
        colWidths=[21 * mm, width - 25 * mm])
    table.setStyle(theme.table_style([("BACKGROUND", (0, 0), (-1, -1), theme.NAVY_TINT),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 4),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    table.hAlign = "RIGHT"
    table.spaceAfter = 3
    return table


# Services that exist in one region only: a note that cites them is left out of a guide
# printed for any other region (a UK facilitator must not send people to a US line).
REGION_ONLY = {"Physician Support Line": "us"}
_PARENTHESES = re.compile(r"\s*\([^()]*\)")
_SENTENCE = re.compile(r"[^.!?]*[.!?]")


def _drop_citing(service: str, found: re.Match[str]) -> str:
    return "" if service in found.group(0) else found.group(0)


def for_region(notes: str, region: str) -> str:
    """The notes without the clauses or sentences that cite another region's services."""
    for service, home in REGION_ONLY.items():
        if region == home or service not in notes:
            continue
        notes = _PARENTHESES.sub(partial(_drop_citing, service), notes)
        if service in notes:
            notes = "".join(sentence for sentence in _SENTENCE.findall(notes + ".")
                            if service not in sentence).rstrip(".").strip() + "."
    return notes


def _notes(notes: str) -> str:
    """Facilitator notes with "Say:" and "Watch for:" picked out, since they drive the room."""
    escaped = text(" ".join(notes.split()))
    return re.sub(r"\b(Say|Watch for|Then say):",
                  r"<br/><font color='#005A50'><b>\1:</b></font>", escaped).removeprefix("<br/>")


def _duration(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    if minutes and rest:
        return f"{minutes}m{rest:02d}s"
    return f"{minutes} min" if minutes else f"{rest}s"
