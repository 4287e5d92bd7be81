"""Read a session file into a `Session`, or into FILE:LINE:COL messages; never a traceback.

Markdown is tokenised by markdown-it-py (CommonMark + pipe tables), which keeps the source
line of every block; this module walks those tokens into section and slide drafts, hands
fenced blocks to `core.session.blocks`, lets `core.session.assembly` turn the drafts into the
model (the checks that need the whole file), and runs the safe-messaging checks last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from facilitator.core.session import blocks as build
from facilitator.core.session.assembly import SectionDraft, SlideDraft, assemble_session
from facilitator.core.session.diagnostics import Diagnostic, Severity, did_you_mean
from facilitator.core.session.durations import DurationError, parse_duration
from facilitator.core.session.fields import Fields, parse_fields
from facilitator.core.session.frontmatter import read_front_matter
from facilitator.core.session.model import Block, BulletList, Paragraph, Session, TakeHomeBlock
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
        self.sections: list[SectionDraft] = []
        self.slide: SlideDraft | None = None
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
        # The assembly reports through `self`, so its messages sort with the walk's. The walk
        # is over: its errors no longer belong to the last slide walked (marking it refused
        # would hide that slide's own "is empty" message behind another slide's mistake).
        self.slide = None
        session = assemble_session(
            self.sections, front.values, front.lines, self.path, len(self.lines), self
        )
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
            self.sections.append(SectionDraft(title, minutes, line))
        elif tag == "h2":
            if not self.sections:
                self.error(
                    line, 'slide before the first section; start a section with "# Title (N min)"'
                )
                self.sections.append(SectionDraft("", 0, line))
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
            self.slide = SlideDraft(title, line, is_title)
            self.sections[-1].slides.append(self.slide)
        else:
            level = int(tag[1:])
            self.error(
                line,
                f'heading level {level} ("{"#" * level}") is not used: "#" starts a section, '
                '"##" a slide',
            )

    def _current_slide(self, line: int, what: str) -> SlideDraft | None:
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
               slide: SlideDraft, line: int) -> None:
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
