"""From the loader's drafts to the `Session`: the checks that need the whole file at once.

The loader (`core.session.loader`) walks the Markdown tokens in file order and fills one draft
per section and slide. Some questions cannot be answered during that walk: is a poll id used
again later, does an end evaluation follow the "before" one, do the sections add up to the
front matter's minutes, is any slide sensitive enough to moderate word polls. This module
holds the drafts (the contract between the walk and the assembly) and turns them into the
frozen model once the walk is over. It lives apart from the walk because it reads drafts,
never tokens: the walk knows Markdown, this knows the model's rules across slides.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Protocol

from facilitator.core.session.blocks import REGIONS
from facilitator.core.session.diagnostics import did_you_mean
from facilitator.core.session.durations import DurationError, parse_duration
from facilitator.core.session.evaluation import EvaluationBlock, before_polls, end_polls
from facilitator.core.session.fields import split_list
from facilitator.core.session.model import (
    Block,
    Chart,
    Flow,
    Poll,
    PollType,
    Prompt,
    ResourcesRef,
    Section,
    Session,
    Slide,
    SlideKind,
    TakeHomeBlock,
)


class Reporter(Protocol):
    """Where the assembly's messages go: the loader's collector, so every message of one
    load is sorted together. A message about one slide's block marks that draft refused
    itself (`_refuse`), so the slide is not also called empty."""

    def error(self, line: int, message: str, col: int = 1) -> None: ...

    def warn(self, line: int, message: str) -> None: ...


@dataclass
class SlideDraft:
    """One `## Title` slide as the walk fills it; blocks may still clash or be missing."""

    title: str
    line: int
    is_title: bool = False
    blocks: list[Block] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    content_note: str = ""
    prompt: Prompt | None = None
    poll: Poll | None = None
    chart: Chart | None = None
    flow: Flow | None = None
    resources: ResourcesRef | None = None
    evaluation: EvaluationBlock | None = None
    takehome: TakeHomeBlock | None = None
    seen_blocks: dict[str, int] = field(default_factory=dict)
    refused: bool = False  # something on the slide already has an error message


@dataclass
class SectionDraft:
    """One `# Title (N min)` section and the slide drafts under it, in file order."""

    title: str
    minutes: float
    line: int
    slides: list[SlideDraft] = field(default_factory=list)


@dataclass
class _EvaluationState:
    """What the assembly has seen of the session's evaluation so far (drafts in file order)."""

    before: tuple[Poll, ...] = ()
    before_line: int = 0
    end_line: int = 0


def assemble_session(
    drafts: list[SectionDraft],
    front: dict[str, str],
    front_lines: dict[str, int],
    source: str,
    line_count: int,
    report: Reporter,
) -> Session | None:
    """The session the drafts describe, or None when there is no section at all. Messages
    go to `report`; the caller decides whether errors leave a session worth returning."""
    if not drafts:
        line = max(front_lines.values(), default=0) + 2
        report.error(min(line, line_count), 'no sections; start one with "# Title (N min)"')
        return None
    sections = []
    poll_lines: dict[str, int] = {}
    evaluation = _EvaluationState()
    for draft in drafts:
        if not draft.slides:
            report.error(
                draft.line, f'section "{draft.title}" has no slides; add one with "## Title"'
            )
        slides = tuple(
            slide
            for slide_draft in draft.slides
            for slide in _expand(report, slide_draft, poll_lines, evaluation)
        )
        sections.append(Section(draft.title, draft.minutes, slides, draft.line))
    if evaluation.before and not evaluation.end_line:
        report.error(evaluation.before_line, 'these "before" questions are never asked '
                     'again: add an evaluation block (phase: end) near the end')
    planned_sum = sum(section.minutes for section in sections)
    minutes = planned_sum
    if raw := front.get("minutes"):
        line = front_lines["minutes"]
        try:
            minutes = (
                parse_duration(raw if not raw.replace(".", "").isdigit() else f"{raw}m") / 60
            )
        except DurationError as error:
            report.error(line, f"minutes: {error}")
        else:
            if abs(minutes - planned_sum) >= 0.5:
                report.warn(
                    line,
                    f"minutes says {minutes:g} but the sections add up to {planned_sum:g}",
                )
    region = front.get("region", "us") or "us"
    if region not in REGIONS:
        report.error(
            front_lines["region"],
            f'unknown region "{region}"{did_you_mean(region, REGIONS)}; use one of '
            f"{', '.join(REGIONS)}",
        )
    questions = (front.get("questions", "on") or "on").strip().lower()
    if questions not in ("on", "off"):
        report.error(front_lines["questions"],
                     f'questions must be "on" or "off", not "{questions}"')
    return Session(
        title=front.get("title", ""),
        sections=_moderation_defaults(sections),
        subtitle=front.get("subtitle", ""),
        credit=front.get("credit", ""),
        minutes=minutes,
        region=region,
        language=front.get("language", "en") or "en",
        source=source,
        date=front.get("date", ""),
        venue=front.get("venue", ""),
        facilitators=tuple(split_list(front.get("facilitators", ""))),
        # Objectives are sentences (commas inside), so they are separated by ";".
        objectives=tuple(o.strip() for o in front.get("objectives", "").split(";")
                         if o.strip()),
        citation=front.get("source", ""),
        questions=questions != "off",
    )


def _expand(
    report: Reporter, draft: SlideDraft, poll_lines: dict[str, int], state: _EvaluationState
) -> list[Slide]:
    """A slide, or for an evaluation block one poll slide per evaluation item."""
    block = draft.evaluation
    if block is None:
        return [_slide(report, draft, poll_lines)]
    if draft.poll is not None or draft.prompt is not None:
        _refuse(report, draft, draft.line, f'slide "{draft.title}" has an evaluation and a '
                f'{"poll" if draft.poll else "prompt"}; give each its own slide')
        return []
    if block.phase == "before":
        if state.before_line or state.end_line:
            _refuse(report, draft, block.line,
                    'only one "phase: before" evaluation, before the end one')
            return [_slide(report, draft, poll_lines)]
        state.before_line, state.before = block.line, before_polls(block)
        polls = state.before
    else:
        if state.end_line:
            _refuse(report, draft, block.line,
                    f"a second end evaluation (first on line {state.end_line})")
            return [_slide(report, draft, poll_lines)]
        state.end_line = block.line
        polls = end_polls(block, state.before)
    if not polls:
        _refuse(report, draft, block.line, 'this evaluation asks nothing: use "defaults: yes" '
                "or add before-after questions")
        return [_slide(report, draft, poll_lines)]
    slides = []
    for poll in polls:
        draft.poll = poll
        slides.append(_slide(report, draft, poll_lines))
    draft.poll = None
    return slides


def _refuse(report: Reporter, draft: SlideDraft, line: int, message: str) -> None:
    """An error about this slide's block: said once, and the slide not also called empty."""
    report.error(line, message)
    draft.refused = True


def _slide(report: Reporter, draft: SlideDraft, poll_lines: dict[str, int]) -> Slide:
    features = [
        name
        for name, value in (
            ("poll", draft.poll if draft.evaluation is None else None),
            ("evaluation", draft.evaluation),
            ("prompt", draft.prompt),
            ("chart", draft.chart),
            ("flow", draft.flow),
        )
        if value is not None
    ]
    if len(features) > 1:
        report.error(
            draft.line,
            f'slide "{draft.title}" has a {" and a ".join(features)}; give each its own slide',
        )
    if (poll := draft.poll) is not None:
        if (first := poll_lines.setdefault(poll.id, poll.line)) != poll.line:
            report.error(poll.line, f'poll id "{poll.id}" is used twice (first on line {first})')
    kind = _kind(draft)
    # A slide whose block was refused already has a message; do not add a second one.
    if (kind is SlideKind.CONTENT and not draft.blocks and not draft.refused
            and draft.takehome is None):
        report.error(draft.line, f'slide "{draft.title}" is empty: give it text or a block')
    return Slide(
        title=draft.title,
        kind=kind,
        blocks=tuple(draft.blocks),
        notes="\n\n".join(draft.notes),
        prompt=draft.prompt,
        poll=draft.poll,
        chart=draft.chart,
        flow=draft.flow,
        resources=draft.resources,
        content_note=draft.content_note,
        line=draft.line,
        takehome=draft.takehome,
    )


def _kind(draft: SlideDraft) -> SlideKind:
    if draft.is_title:
        return SlideKind.TITLE
    for kind, value in (
        (SlideKind.POLL, draft.poll),
        (SlideKind.PROMPT, draft.prompt),
        (SlideKind.CHART, draft.chart),
        (SlideKind.FLOW, draft.flow),
    ):
        if value is not None:
            return kind
    if draft.content_note:
        return SlideKind.CONTENT_NOTE
    if draft.resources is not None and not draft.blocks:
        return SlideKind.RESOURCES
    return SlideKind.CONTENT


def _moderation_defaults(sections: list[Section]) -> tuple[Section, ...]:
    """Word polls without `moderate:` are approved word by word in a sensitive session (one
    with a content note): there a word cloud is one tap from projecting a colleague's name."""
    sensitive = any(slide.content_note for section in sections for slide in section.slides)

    def settled(slide: Slide) -> Slide:
        poll = slide.poll
        if poll is None or poll.moderate is not None:
            return slide
        return replace(slide, poll=replace(poll, moderate=sensitive and poll.type is PollType.WORD))

    return tuple(replace(section, slides=tuple(map(settled, section.slides)))
                 for section in sections)
