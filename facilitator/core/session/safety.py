"""Safe-messaging checks (FACTS.md: reportingonsuicide.org, WHO/IASP 2023).

An anonymous answer about one's own suicidal thoughts cannot be followed up, so such a poll
is an error; a slide that touches the topic must have support within reach (a resources
block in its section); a session needs a content note or a resources slide.
"""

from __future__ import annotations

import re

from facilitator.core.session.diagnostics import Diagnostic, Severity
from facilitator.core.session.model import GroupKind, Poll, Session

# Words that mark suicide, self-harm or wanting to die. Deliberately broad: a false alarm
# costs the author one look; a miss can put a harmful poll in front of a room.
_SELF = r"(?:my|your|them|him|her|our)sel(?:f|ves)"
RISK_PATTERN = re.compile(
    r"\bsuicid\w*|\bself[- ]?harm\w*|\bself[- ]?injur\w*"
    rf"|\b(?:kill|hurt|harm|cut|injur\w*)(?:s|ed|ing)?\s+{_SELF}\b"
    r"|\bwant(?:s|ed|ing)?\s+to\s+(?:die|be\s+dead)\b"
    r"|\b(?:wish|wished|wishing)\s+(?:to\s+be|\w+\s+(?:were|was))\s+dead\b"
    r"|\bbetter\s+off\s+(?:dead|without\s+(?:me|you|them|him|her))\b"
    r"|\bnot\s+want(?:s|ed|ing)?\s+to\s+(?:be\s+alive|be\s+here|live)\b"
    r"|\b(?:end|ending|ended|take|taking|took)\s+(?:my|your|their|his|her|one's)\s+(?:own\s+)?life\b"
    r"|\bend(?:ing)?\s+it\s+all\b|\bthoughts?\s+of\s+(?:dying|death)\b"
    r"|\boverdos\w*|\bnever\s+waking\s+up\b",
    re.IGNORECASE,
)


def mentions_risk(text: str) -> bool:
    return RISK_PATTERN.search(text) is not None


def poll_text(poll: Poll) -> str:
    labels = [option.label for option in poll.options] + [row.label for row in poll.rows]
    return "\n".join([poll.question, *labels, *poll.scale_labels])


def check_session(session: Session, path: str) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    has_support = False
    for section in session.sections:
        section_has_resources = any(slide.resources for slide in section.slides)
        has_support = has_support or section_has_resources
        for slide in section.slides:
            if slide.content_note:
                has_support = True
            if slide.poll and mentions_risk(poll_text(slide.poll)):
                problems.append(
                    Diagnostic(
                        path,
                        slide.poll.line,
                        1,
                        f'poll "{slide.poll.id}" asks about suicide, self-harm or wanting to '
                        "die; an anonymous answer cannot be followed up, so poll attitudes, "
                        "numbness or barriers instead",
                    )
                )
            if slide.prompt and mentions_risk(slide.prompt.text):
                talk = any(p.group.kind is not GroupKind.SOLO for p in slide.prompt.phases)
                problems.append(
                    Diagnostic(
                        path,
                        slide.prompt.line,
                        1,
                        "this prompt asks about suicide or self-harm; "
                        + (
                            "never ask people to discuss that in pairs or groups"
                            if talk
                            else "point to support instead of asking people to reflect on it"
                        ),
                        Severity.ERROR if talk else Severity.WARNING,
                    )
                )
            if mentions_risk(slide.text) and not section_has_resources:
                problems.append(
                    Diagnostic(
                        path,
                        slide.line,
                        1,
                        f'slide "{slide.title}" mentions suicide or self-harm but section '
                        f'"{section.title}" has no resources block; add one so help is in reach',
                        Severity.WARNING,
                    )
                )
    if not has_support:
        problems.append(
            Diagnostic(
                path,
                1,
                1,
                "session has no content note and no resources slide; open with a content "
                "note and show where to find support",
                Severity.WARNING,
            )
        )
    return problems
