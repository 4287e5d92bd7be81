"""Write a Session as a session file (slides/README.md): the inverse of the loader.

Span text is written as it is, so Markdown emphasis that came from an article stays
emphasis; bold and italic spans get their markers. Block keys are written in the order the
format reference lists them, so a generated file reads like a hand-written one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from facilitator.core.session.model import (
    DEFAULT_MIN_RESPONSES,
    Block,
    BulletList,
    Chart,
    GroupFormat,
    GroupKind,
    Inline,
    Paragraph,
    Poll,
    PollType,
    Prompt,
    ResourcesRef,
    Section,
    Session,
    Slide,
    SlideKind,
    Table,
)

FENCE = "```"


def format_number(value: float) -> str:
    """35.0 -> "35", 3.5 -> "3.5": figures as the article wrote them."""
    return f"{value:g}" if value != int(value) else str(int(value))


def duration(seconds: int) -> str:
    """90 -> "1m30s", 240 -> "4m", 45 -> "45s"."""
    minutes, rest = divmod(int(seconds), 60)
    if minutes and rest:
        return f"{minutes}m{rest}s"
    return f"{minutes}m" if minutes else f"{rest}s"


def section_minutes(minutes: float) -> str:
    return f"{int(minutes)} min" if minutes == int(minutes) else duration(round(minutes * 60))


def group_format(group: GroupFormat) -> str:
    match group.kind:
        case GroupKind.SOLO:
            return "solo"
        case GroupKind.PAIRS:
            return "pairs"
        case GroupKind.GROUPS:
            return f"groups of {group.size}" if group.size else "groups of 4"
        case GroupKind.ROOM:
            return "whole room"


def defuse_fences(text: str) -> str:
    """A run of three backticks or tildes would end the fenced block it sits in."""
    return text.replace("```", "'''").replace("~~~", "~ ~ ~")


def one_line(text: str) -> str:
    """Values in blocks are single lines: fold any line breaks."""
    return defuse_fences(" ".join(text.split()))


# What would turn a line of text into a heading, quote, list, table or rule.
_BLOCK_START = re.compile(
    r"^(#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|\d{1,9}(?=[.)](\s|$))|\||=+\s*$|-{3,}|_{3,}|\*{3,})"
)


def escape_line_start(text: str) -> str:
    """Backslash-escape what would make a paragraph or list item into another block."""
    match = _BLOCK_START.match(text)
    if not match:
        return text
    if match.group(0)[0].isdigit():
        end = match.end()
        return f"{text[:end]}\\{text[end:]}"
    return "\\" + text


def write_inline(spans: Inline) -> str:
    parts = []
    for span in spans:
        text = span.text
        if span.bold and span.italic:
            text = f"***{text}***"
        elif span.bold:
            text = f"**{text}**"
        elif span.italic:
            text = f"*{text}*"
        parts.append(text)
    return one_line("".join(parts))


def _cell(spans: Inline) -> str:
    return write_inline(spans).replace("|", "\\|")


def write_block(block: Block) -> list[str]:
    match block:
        case Paragraph(text=text):
            return [escape_line_start(write_inline(text))]
        case BulletList(items=items, ordered=ordered):
            return [
                f"{number}. {escape_line_start(write_inline(item))}" if ordered
                else f"- {escape_line_start(write_inline(item))}"
                for number, item in enumerate(items, start=1)
            ]
        case Table(header=header, rows=rows):
            lines = ["| " + " | ".join(_cell(cell) for cell in header) + " |"]
            lines.append("|" + "---|" * len(header))
            lines.extend("| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows)
            return lines


def _fenced(name: str, body: list[str]) -> list[str]:
    return [f"{FENCE}{name}", *body, FENCE]


def write_prompt(prompt: Prompt) -> list[str]:
    body = [f"text: {one_line(prompt.text)}"]
    if prompt.multi_phase:
        body.append("phases:")
        body.extend(
            f"- {duration(phase.seconds)} {group_format(phase.group)}" for phase in prompt.phases
        )
    else:
        body.append(f"format: {group_format(prompt.phases[0].group)}")
        body.append(f"duration: {duration(prompt.phases[0].seconds)}")
    return _fenced("prompt", body)


def write_poll(poll: Poll) -> list[str]:
    body = [f"id: {poll.id}", f"question: {one_line(poll.question)}", f"type: {poll.type.value}"]
    if poll.type in (PollType.SINGLE, PollType.MULTIPLE) and poll.options:
        body.append("options:")
        body.extend(f"- {one_line(option.label)}" for option in poll.options)
    if poll.type is PollType.MULTIPLE and poll.max_choices > 1:
        body.append(f"max: {poll.max_choices}")
    if poll.type in (PollType.SCALE, PollType.MATRIX):
        body.append(f"scale: {poll.scale_min}-{poll.scale_max}")
        low, high = poll.scale_labels
        if low:
            body.append(f"low: {one_line(low)}")
        if high:
            body.append(f"high: {one_line(high)}")
    if poll.type is PollType.MATRIX:
        body.append("rows:")
        body.extend(f"- {one_line(row.label)}" for row in poll.rows)
    if poll.reference:
        body.append("reference: " + ", ".join(format_number(value) for value in poll.reference))
        if poll.reference_label:
            body.append(f"reference-label: {one_line(poll.reference_label)}")
    if poll.sensitive:
        body.append("sensitive: yes")
    return _fenced("poll", body)


def write_chart(chart: Chart) -> list[str]:
    body = [f"type: {chart.kind.value}"]
    if chart.unit:
        body.append(f"unit: {chart.unit}")
    if chart.caption:
        body.append(f"caption: {one_line(chart.caption)}")
    body.append("items:")
    # The value follows the last colon, so a colon inside a label must not be the last one.
    body.extend(
        f"- {one_line(item.label)}: {format_number(item.value)}" for item in chart.items
    )
    return _fenced("chart", body)


def write_resources(ref: ResourcesRef) -> list[str]:
    body = []
    if ref.region:
        body.append(f"region: {ref.region}")
    if ref.include:
        body.append("show: " + ", ".join(ref.include))
    return _fenced("resources", body)


def write_slide(slide: Slide, extra: list[str] | None = None) -> list[str]:
    mark = " {.title}" if slide.kind is SlideKind.TITLE else ""
    lines = [f"## {one_line(slide.title)}{mark}", ""]
    chunks: list[list[str]] = [write_block(block) for block in slide.blocks]
    if slide.content_note:
        chunks.append(_fenced("content-note", [defuse_fences(slide.content_note)]))
    if slide.prompt:
        chunks.append(write_prompt(slide.prompt))
    if slide.poll:
        chunks.append(write_poll(slide.poll))
    if extra:
        chunks.append(extra)
    if slide.chart:
        chunks.append(write_chart(slide.chart))
    if slide.flow:
        chunks.append(_fenced("flow", [f"- {one_line(step)}" for step in slide.flow.steps]))
    if slide.resources:
        chunks.append(write_resources(slide.resources))
    if slide.takehome:
        points = [f"- {one_line(point)}" for point in slide.takehome.points]
        chunks.append(_fenced("takehome", ["points:", *points] if points else []))
    if slide.notes:
        chunks.append(_fenced("notes", defuse_fences(slide.notes).splitlines()))
    for chunk in chunks:
        lines.extend([*chunk, ""])
    return lines


def write_evaluation(polls: list[Poll]) -> list[str]:
    """The ```evaluation block the loader expanded into `polls` (one slide each)."""
    first = polls[0]
    body = [f"phase: {'before' if first.evaluation == 'before' else 'end'}"]
    if first.evaluation == "before":
        body.append("before-after:")
        body.extend(f"- {one_line(poll.question)}" for poll in polls)
        low, high = first.scale_labels
        body.extend([f"low: {one_line(low)}", f"high: {one_line(high)}"])
    elif first.evaluation == "after":
        body.append("defaults: no")  # the end block asked only the before items again
    if first.min_responses != DEFAULT_MIN_RESPONSES:
        body.append(f"min-responses: {first.min_responses}")
    return _fenced("evaluation", body)


def _evaluation_group(slide: Slide) -> str:
    """"before" or "end" for a slide the loader made from an evaluation block, else ""."""
    if slide.poll is None or not slide.poll.evaluation:
        return ""
    return "before" if slide.poll.evaluation == "before" else "end"


def write_section(section: Section) -> list[str]:
    lines = [f"# {one_line(section.title)} ({section_minutes(section.minutes)})", ""]
    slides = list(section.slides)
    index = 0
    while index < len(slides):
        slide = slides[index]
        group = _evaluation_group(slide)
        if not group:
            lines.extend(write_slide(slide))
            index += 1
            continue
        # One evaluation block stands for the run of slides it was expanded into.
        end = index + 1
        while end < len(slides) and _evaluation_group(slides[end]) == group:
            end += 1
        polls = [s.poll for s in slides[index:end] if s.poll is not None]
        lines.extend(write_slide(replace(slide, poll=None), extra=write_evaluation(polls)))
        index = end
    return lines


def write_session(session: Session) -> str:
    front = ["---", f"title: {one_line(session.title)}"]
    if session.subtitle:
        front.append(f"subtitle: {one_line(session.subtitle)}")
    if session.credit:
        front.append(f"credit: {one_line(session.credit)}")
    if session.minutes:
        front.append(f"minutes: {section_minutes(session.minutes).removesuffix(' min')}")
    pack = (("date", session.date), ("venue", session.venue),
            ("facilitators", ", ".join(session.facilitators)),
            ("objectives", "; ".join(session.objectives)), ("source", session.citation))
    front.extend(f"{key}: {one_line(value)}" for key, value in pack if value)
    if not session.questions:
        front.append("questions: off")
    front.extend([f"region: {session.region}", f"language: {session.language}", "---", ""])
    lines = front
    for section in session.sections:
        lines.extend(write_section(section))
    return "\n".join(lines).rstrip() + "\n"
