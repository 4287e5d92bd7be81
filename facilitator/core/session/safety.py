"""Safe-messaging checks (FACTS.md: reportingonsuicide.org, WHO/IASP 2023).

An anonymous answer about one's own suicidal thoughts cannot be followed up, so such a poll
is an error; a slide that touches the topic must have support on it or on the next slide
(a resources block); a session needs a content note or a resources slide. Which wordings
count is the one risk screen's call (`facilitator.core.risk`), shared with every other path.
"""

from __future__ import annotations

from facilitator.core.risk.screen import mentions_risk
from facilitator.core.session.diagnostics import Diagnostic, Severity
from facilitator.core.session.model import GroupKind, Poll, Prompt, Session, Slide, SlideKind

__all__ = ["check_session", "mentions_risk", "poll_text"]


def poll_text(poll: Poll) -> str:
    labels = [option.label for option in poll.options] + [row.label for row in poll.rows]
    return "\n".join([poll.question, *labels, *poll.scale_labels])


# The slide kinds whose resources block the projector draws; on a poll, prompt, chart, flow
# or title slide a resources block would be invisible, so it must not count as support.
DRAWS_SUPPORT = frozenset({SlideKind.CONTENT, SlideKind.CONTENT_NOTE, SlideKind.RESOURCES})


def shows_support(slide: Slide) -> bool:
    return slide.resources is not None and slide.kind in DRAWS_SUPPORT


def _support_within_reach(slides: tuple[Slide, ...], index: int) -> bool:
    """Help is on this slide or the very next one, where the room can see it while the
    topic is up."""
    return any(shows_support(slide) for slide in slides[index : index + 2])


def _poll_problem(poll: Poll, path: str) -> Diagnostic | None:
    if not mentions_risk(poll_text(poll)):
        return None
    return Diagnostic(
        path, poll.line, 1,
        f'poll "{poll.id}" asks about suicide, self-harm or wanting to die; an anonymous '
        "answer cannot be followed up, so poll attitudes, numbness or barriers instead",
    )


def _prompt_problem(prompt: Prompt, path: str) -> Diagnostic | None:
    if not mentions_risk(prompt.text):
        return None
    talk = any(p.group.kind is not GroupKind.SOLO for p in prompt.phases)
    return Diagnostic(
        path, prompt.line, 1,
        "this prompt asks about suicide or self-harm; "
        + ("never ask people to discuss that in pairs or groups" if talk
           else "point to support instead of asking people to reflect on it"),
        Severity.ERROR if talk else Severity.WARNING,
    )


def check_session(session: Session, path: str) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    slides = session.slides
    has_support = any(slide.content_note or shows_support(slide) for slide in slides)
    for number, slide in enumerate(slides, start=1):
        if slide.poll and (problem := _poll_problem(slide.poll, path)):
            problems.append(problem)
        if slide.prompt and (problem := _prompt_problem(slide.prompt, path)):
            problems.append(problem)
        if mentions_risk(slide.text) and not _support_within_reach(slides, number - 1):
            problems.append(
                Diagnostic(
                    path, slide.line, 1,
                    f'slide {number} ("{slide.title}") names suicide or self-harm but neither it '
                    "nor the next slide shows support; add a resources block to it or put a "
                    "resources slide right after it",
                    Severity.WARNING,
                )
            )
    if not has_support:
        problems.append(
            Diagnostic(
                path, 1, 1,
                "session has no content note and no resources slide; open with a content "
                "note and show where to find support",
                Severity.WARNING,
            )
        )
    return problems
