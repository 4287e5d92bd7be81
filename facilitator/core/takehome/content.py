"""What people take home from a session: its key points, the reflection prompt, the work it
is built on. Pure data from the session model; the phone page (`web.takehome_page`) and
`facilitator print --what takehome` render it the same way."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.core.session.model import GroupKind, Session, TakeHomeBlock


@dataclass(frozen=True)
class TakeHome:
    title: str
    subtitle: str
    key_points: tuple[str, ...]
    reflection: str  # the session's solo writing prompt, verbatim; "" when it has none
    citation: str
    language: str


def take_home(session: Session) -> TakeHome:
    block = takehome_block(session)
    points = block.points if block and block.points else session.objectives
    return TakeHome(session.title, session.subtitle, points,
                    reflection_text(session), session.citation, session.language)


def takehome_block(session: Session) -> TakeHomeBlock | None:
    return next((slide.takehome for slide in session.slides if slide.takehome), None)


def shows_takehome(session: Session, index: int) -> bool:
    """Whether phones show the take-home page while slide `index` is current: the slide
    with the session's takehome block, or, in a session without one, the last slide."""
    slides = session.slides
    if not 0 <= index < len(slides):
        return False
    if takehome_block(session) is not None:
        return slides[index].takehome is not None
    return index == len(slides) - 1


def reflection_text(session: Session) -> str:
    """The longest prompt done on one's own: the same choice as the printed handout's."""
    best = None
    for slide in session.slides:
        prompt = slide.prompt
        if prompt and all(phase.group.kind is GroupKind.SOLO for phase in prompt.phases):
            if best is None or prompt.seconds > best.seconds:
                best = prompt
    return best.text if best else ""
