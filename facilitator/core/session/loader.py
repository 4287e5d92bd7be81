"""Read a session file into a `Session`, or into FILE:LINE:COL messages; never a traceback.

Markdown is tokenised by markdown-it-py (CommonMark + pipe tables), which keeps the source
line of every block; this module walks those tokens into sections and slides, hands fenced
blocks to `core.session.blocks`, and runs the safe-messaging checks last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from facilitator.core.session import blocks as build
from facilitator.core.session.diagnostics import Diagnostic, Severity, did_you_mean
from facilitator.core.session.durations import DurationError, parse_duration
from facilitator.core.session.evaluation import EvaluationBlock, before_polls, end_polls
from facilitator.core.session.fields import Fields, parse_fields, split_list
from facilitator.core.session.frontmatter import read_front_matter
from facilitator.core.session.model import (
    Block,
    BulletList,
    Chart,
    Flow,
    Paragraph,
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
from facilitator.core.session.safety import check_session
from facilitator.core.session.textfile import TextFileError, read_text_file
from facilitator.core.session.tokens import fence_closed, find_close, inline_spans, table

TEXT_BLOCKS = ("notes", "content-note")
FIELD_BLOCKS = tuple(build.BLOCK_KEYS)
BLOCK_NAMES = TEXT_BLOCKS + FIELD_BLOCKS
SLIDE_CLASSES = ("title",)
_SECTION_HEADING = re.compile(r"^(?P<title>.*?)\s*\((?P<duration>[^()]*)\)\s*$")
_SLIDE_CLASS = re.compile(r"\s*\{\.(?P<name>[A-Za-z-]+)\}\s*$")
MAX_FILE_BYTES = 2_000_000


@dataclass
class LoadResult:
    session: Session | None
    errors: list[Diagnostic] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.session is not None and not self.errors


@dataclass
class _SlideDraft:
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
class _SectionDraft:
    title: str
    minutes: float
    line: int
    slides: list[_SlideDraft] = field(default_factory=list)


def load_session(path: str | Path) -> LoadResult:
    """Read and check the session file at `path`."""
    try:
        text = read_text_file(path, MAX_FILE_BYTES, kind="Markdown session")
    except TextFileError as error:
        return LoadResult(None, [error.diagnostic])
    return parse_session(text, str(path))


def _fail(path: str, message: str, line: int = 1, col: int = 1) -> LoadResult:
    return LoadResult(None, [Diagnostic(path, line, col, message)])


def parse_session(text: str, source: str = "<text>") -> LoadResult:
    """Parse session text; `source` names it in messages."""
    return _Parser(text, source).run()


class _Parser:
    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self.lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.problems: list[Diagnostic] = []
        self.sections: list[_SectionDraft] = []
        self.slide: _SlideDraft | None = None
        self.takehome_line = 0  # the session's takehome block, if any (one allowed)

    def error(self, line: int, message: str, col: int = 1) -> None:
        self.problems.append(Diagnostic(self.path, line, col, message))
        if self.slide is not None:
            self.slide.refused = True

    def warn(self, line: int, message: str) -> None:
        self.problems.append(Diagnostic(self.path, line, 1, message, Severity.WARNING))

    def run(self) -> LoadResult:
        if not any(line.strip() for line in self.lines):
            return _fail(self.path, "file is empty")
        front, front_errors = read_front_matter(self.lines, self.path)
        self.problems.extend(front_errors)
        # Blank the front matter so markdown-it's line numbers stay those of the file.
        body = [""] * front.end_line + self.lines[front.end_line :]
        tokens = MarkdownIt("commonmark").enable("table").parse("\n".join(body))
        self._walk(tokens)
        session = self._session(front.values, front.lines)
        if session is not None:
            self.problems.extend(check_session(session, self.path))
        errors = [p for p in self.problems if p.severity is Severity.ERROR]
        warnings = [p for p in self.problems if p.severity is Severity.WARNING]
        key = lambda d: (d.line, d.col)  # noqa: E731 - a sort key, read in place
        return LoadResult(
            None if errors else session, sorted(errors, key=key), sorted(warnings, key=key)
        )

    # -- walking the token stream --------------------------------------------------------

    def _walk(self, tokens: list[Token]) -> None:
        index = 0
        while index < len(tokens):
            token = tokens[index]
            line = token.map[0] + 1 if token.map else 1
            closing = find_close(tokens, index)
            match token.type:
                case "heading_open":
                    self._heading(token.tag, tokens[index + 1].content, line)
                case "paragraph_open":
                    self._add_block(Paragraph(inline_spans(tokens[index + 1]), line), line)
                case "bullet_list_open" | "ordered_list_open":
                    items = tuple(
                        inline_spans(t) for t in tokens[index:closing] if t.type == "inline"
                    )
                    ordered = token.type == "ordered_list_open"
                    self._add_block(BulletList(items, ordered, line), line)
                case "table_open":
                    self._add_block(table(tokens[index:closing], line), line)
                case "blockquote_open":
                    for inner in tokens[index:closing]:
                        if inner.type == "inline":
                            self._add_block(Paragraph(inline_spans(inner), line), line)
                case "fence":
                    self._fence(token, line)
                case "code_block":
                    self.error(
                        line,
                        "indented text is read as code; remove the indentation "
                        "(4 spaces or a tab at the start of a line)",
                    )
                case "html_block":
                    self.error(line, "HTML is not shown on slides; use Markdown instead")
                case "hr":
                    self.warn(
                        line, 'a "---" line does nothing here; start a new slide with "## Title"'
                    )
            index = closing + 1

    def _heading(self, tag: str, content: str, line: int) -> None:
        if tag == "h1":
            self.slide = None
            match = _SECTION_HEADING.match(content)
            minutes = 0.0
            title = content.strip()
            if not match:
                self.error(
                    line, f'section "{title}" needs planned minutes, like "# {title} (10 min)"'
                )
            else:
                title = match.group("title")
                try:
                    minutes = parse_duration(match.group("duration")) / 60
                except DurationError as error:
                    col = content.rfind("(") + 4
                    self.error(line, f"section minutes: {error}", col)
            if not title:
                self.error(line, "section heading has no title")
            self.sections.append(_SectionDraft(title, minutes, line))
        elif tag == "h2":
            if not self.sections:
                self.error(
                    line, 'slide before the first section; start a section with "# Title (N min)"'
                )
                self.sections.append(_SectionDraft("", 0, line))
            title, is_title = content.strip(), False
            if match := _SLIDE_CLASS.search(title):
                name = match.group("name")
                title = title[: match.start()].strip()
                if name in SLIDE_CLASSES:
                    is_title = True
                else:
                    self.error(
                        line, f'unknown slide mark "{{.{name}}}"{did_you_mean(name, SLIDE_CLASSES)}'
                    )
            if not title:
                self.error(line, "slide heading has no title")
            self.slide = _SlideDraft(title, line, is_title)
            self.sections[-1].slides.append(self.slide)
        else:
            level = int(tag[1:])
            self.error(
                line,
                f'heading level {level} ("{"#" * level}") is not used: "#" starts a section, '
                '"##" a slide',
            )

    def _current_slide(self, line: int, what: str) -> _SlideDraft | None:
        if self.slide is None:
            self.error(line, f'{what} outside a slide; start a slide with "## Title" first')
        return self.slide

    def _add_block(self, block: Block, line: int) -> None:
        if slide := self._current_slide(line, "text"):
            slide.blocks.append(block)

    def _fence(self, token: Token, line: int) -> None:
        name = token.info.strip().lower()
        if token.map and not fence_closed(token, self.lines):
            # markdown-it runs an unclosed fence to the end of the file; say so once,
            # rather than reporting every heading after it as a bad "key: value" line.
            self.error(line, f"{name or 'fenced'} block opened here is never closed with "
                       f"{token.markup}")
            return
        if name not in BLOCK_NAMES:
            hint = did_you_mean(name, BLOCK_NAMES) if name else ""
            self.error(
                line,
                f'unknown block "{name or "(no name)"}"{hint}; blocks are {", ".join(BLOCK_NAMES)}',
                4,
            )
            return
        slide = self._current_slide(line, f"{name} block")
        if slide is None:
            return
        if name in slide.seen_blocks and name != "notes":
            self.error(
                line,
                f"a second {name} block on one slide (first on line {slide.seen_blocks[name]})",
            )
            return
        slide.seen_blocks.setdefault(name, line)
        if name in TEXT_BLOCKS:
            text = token.content.strip()
            if not text:
                self.error(line, f"{name} block is empty")
            elif name == "notes":
                slide.notes.append(text)
            else:
                slide.content_note = text
            return
        fields, errors = parse_fields(
            token.content, line + 1, self.path, build.BLOCK_KEYS[name], name
        )
        self.problems.extend(errors)
        if errors:
            slide.refused = True
            return
        block_errors = build.BlockErrors(self.path, line)
        self._build(name, fields, block_errors, slide, line)
        self.problems.extend(block_errors.items)
        slide.refused = slide.refused or bool(block_errors.items)

    def _build(self, name: str, fields: Fields, block_errors: build.BlockErrors,
               slide: _SlideDraft, line: int) -> None:
        """Turn a field block's fields into its model value on the slide."""
        match name:
            case "prompt":
                slide.prompt = build.build_prompt(fields, block_errors)
            case "poll":
                slide.poll = build.build_poll(fields, block_errors)
            case "chart":
                slide.chart = build.build_chart(fields, block_errors)
            case "flow":
                slide.flow = build.build_flow(fields, block_errors)
            case "resources":
                slide.resources = build.build_resources(fields, block_errors)
            case "evaluation":
                slide.evaluation = build.build_evaluation(fields, block_errors)
            case "takehome":
                slide.takehome = self._takehome(build.build_takehome(fields, block_errors), line)

    def _takehome(self, block: TakeHomeBlock | None, line: int) -> TakeHomeBlock | None:
        """One take-home moment per session: phones switch there once, at the end."""
        if block is not None:
            if self.takehome_line:
                self.error(line, f"a second takehome block (first on line {self.takehome_line})")
                return None
            self.takehome_line = line
        return block

    # -- assembling the session ----------------------------------------------------------

    def _session(self, front: dict[str, str], front_lines: dict[str, int]) -> Session | None:
        if not self.sections:
            line = max(front_lines.values(), default=0) + 2
            self.error(min(line, len(self.lines)), 'no sections; start one with "# Title (N min)"')
            return None
        sections = []
        poll_lines: dict[str, int] = {}
        evaluation = _EvaluationState()
        for draft in self.sections:
            if not draft.slides:
                self.error(
                    draft.line, f'section "{draft.title}" has no slides; add one with "## Title"'
                )
            slides = tuple(
                slide
                for slide_draft in draft.slides
                for slide in self._expand(slide_draft, poll_lines, evaluation)
            )
            sections.append(Section(draft.title, draft.minutes, slides, draft.line))
        if evaluation.before and not evaluation.end_line:
            self.error(evaluation.before_line, 'these "before" questions are never asked '
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
                self.error(line, f"minutes: {error}")
            else:
                if abs(minutes - planned_sum) >= 0.5:
                    self.warn(
                        line,
                        f"minutes says {minutes:g} but the sections add up to {planned_sum:g}",
                    )
        region = front.get("region", "us") or "us"
        if region not in build.REGIONS:
            self.error(
                front_lines["region"],
                f'unknown region "{region}"{did_you_mean(region, build.REGIONS)}; use one of '
                f"{', '.join(build.REGIONS)}",
            )
        questions = (front.get("questions", "on") or "on").strip().lower()
        if questions not in ("on", "off"):
            self.error(front_lines["questions"],
                       f'questions must be "on" or "off", not "{questions}"')
        return Session(
            title=front.get("title", ""),
            sections=_moderation_defaults(sections),
            subtitle=front.get("subtitle", ""),
            credit=front.get("credit", ""),
            minutes=minutes,
            region=region,
            language=front.get("language", "en") or "en",
            source=self.path,
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
        self, draft: _SlideDraft, poll_lines: dict[str, int], state: _EvaluationState
    ) -> list[Slide]:
        """A slide, or for an evaluation block one poll slide per evaluation item."""
        block = draft.evaluation
        if block is None:
            return [self._slide(draft, poll_lines)]
        if draft.poll is not None or draft.prompt is not None:
            self.error(draft.line, f'slide "{draft.title}" has an evaluation and a '
                       f'{"poll" if draft.poll else "prompt"}; give each its own slide')
            return []
        if block.phase == "before":
            if state.before_line or state.end_line:
                self.error(block.line, "only one \"phase: before\" evaluation, before the end one")
                return [self._slide(draft, poll_lines)]
            state.before_line, state.before = block.line, before_polls(block)
            polls = state.before
        else:
            if state.end_line:
                self.error(block.line, f"a second end evaluation (first on line {state.end_line})")
                return [self._slide(draft, poll_lines)]
            state.end_line = block.line
            polls = end_polls(block, state.before)
        if not polls:
            self.error(block.line, 'this evaluation asks nothing: use "defaults: yes" or add '
                       "before-after questions")
            return [self._slide(draft, poll_lines)]
        slides = []
        for poll in polls:
            draft.poll = poll
            slides.append(self._slide(draft, poll_lines))
        draft.poll = None
        return slides

    def _slide(self, draft: _SlideDraft, poll_lines: dict[str, int]) -> Slide:
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
            self.error(
                draft.line,
                f'slide "{draft.title}" has a {" and a ".join(features)}; give each its own slide',
            )
        if (poll := draft.poll) is not None:
            if (first := poll_lines.setdefault(poll.id, poll.line)) != poll.line:
                self.error(poll.line, f'poll id "{poll.id}" is used twice (first on line {first})')
        kind = _kind(draft)
        # A slide whose block was refused already has a message; do not add a second one.
        if (kind is SlideKind.CONTENT and not draft.blocks and not draft.refused
                and draft.takehome is None):
            self.error(draft.line, f'slide "{draft.title}" is empty: give it text or a block')
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


@dataclass
class _EvaluationState:
    """What the walk has seen of the session's evaluation so far (blocks in file order)."""

    before: tuple[Poll, ...] = ()
    before_line: int = 0
    end_line: int = 0


def _kind(draft: _SlideDraft) -> SlideKind:
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
