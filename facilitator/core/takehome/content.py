"""What people take home from a session: its key points, the reflection prompt, the work it
is built on. Pure data from the session model; the phone page (`web.takehome_page`) and
`facilitator print --what takehome` render it the same way."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.core.session.model import GroupKind, Session


@dataclass(frozen=True)
class TakeHome:
    title: str
    subtitle: str
    key_points: tuple[str, ...]
    reflection: str  # the session's solo writing prompt, verbatim; "" when it has none
    citation: str
    language: str


def take_home(session: Session) -> TakeHome:
    return TakeHome(session.title, session.subtitle, session.objectives,
                    reflection_text(session), session.citation, session.language)


def reflection_text(session: Session) -> str:
    """The longest prompt done on one's own: the same choice as the printed handout's."""
    best = None
    for slide in session.slides:
        prompt = slide.prompt
        if prompt and all(phase.group.kind is GroupKind.SOLO for phase in prompt.phases):
            if best is None or prompt.seconds > best.seconds:
                best = prompt
    return best.text if best else ""
