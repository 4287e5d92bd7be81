"""What every printout needs besides the session: paper, support resources, fonts, people."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import time
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from facilitator.core.release import creator
from facilitator.core.session import model
from facilitator.core.support.regions import Region
from facilitator.printing import theme


@dataclass(frozen=True)
class PrintContext:
    """Inputs shared by all documents; the composition root fills it from settings.

    `region` already holds the facilitator's local entries (first); `font_dir` is where
    the embedded TTFs are (assets.font_path finds it).
    """

    region: Region
    font_dir: Path
    paper: str = "a4"
    author: str = ""  # a person (settings' facilitator_name), never the app
    start: time | None = None  # the guide's clock times; None prints minutes from the start
    quiet_space: str = ""
    co_facilitator: str = ""
    card_back: str = "prompt"  # prompt: the reflection prompt; check: the session's self-check

    @property
    def page_size(self) -> tuple[float, float]:
        return theme.page_size(self.paper)

    def prepare(self) -> None:
        theme.register_fonts(self.font_dir)


def reflection_prompt(session: model.Session) -> tuple[model.Slide, model.Prompt] | None:
    """The solo writing prompt people take home: the longest prompt done on one's own."""
    best: tuple[model.Slide, model.Prompt] | None = None
    for slide in session.slides:
        prompt = slide.prompt
        if prompt and all(phase.group.kind is model.GroupKind.SOLO for phase in prompt.phases):
            if best is None or prompt.seconds > best[1].seconds:
                best = (slide, prompt)
    return best


def canvas_pdf(info: theme.DocInfo, size: tuple[float, float],
               draw: Callable[[Canvas], None]) -> bytes:
    """A PDF drawn directly on a canvas (cards, poster), with metadata set."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size, lang=info.language, initialFontName=theme.FONT,
                    pageCompression=1)
    set_info(canvas, info)
    draw(canvas)
    canvas.save()
    return buffer.getvalue()


def set_info(canvas: Canvas, info: theme.DocInfo) -> None:
    canvas.setTitle(info.title)
    canvas.setAuthor(info.author)
    canvas.setSubject(info.subject)
    canvas.setCreator(creator())
