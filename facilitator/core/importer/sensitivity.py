"""Sensitive content in an article: suicide, self-harm, not wanting to be alive, crisis.

Safe-messaging practice (see the project's FACTS) asks for a content note at the start,
support resources wherever the topic comes up, and never a poll about it. The importer
uses these patterns to decide all three; the loader's own check has the last word.
"""

from __future__ import annotations

import re

from facilitator.core.importer.phrases import Phrases
from facilitator.core.risk.phrases import Category
from facilitator.core.risk.screen import categories

# What a content note calls each category of the one risk screen.
_RISK_NAMES = {
    Category.SUICIDE: "suicide",
    Category.SELF_HARM: "self-harm",
    Category.WANTING_TO_DIE: "not wanting to be alive",
}
# "Crisis" alone is too broad ("the staffing crisis"); these are the mental-health uses.
_CRISIS = re.compile(
    r"\bcrisis (line|text|team|service|support|number|cent(er|re))s?\b|\bin crisis\b"
    r"|\bmental[- ]health crisis\b|\bsuicide hotline\b|\bhotline\b",
    re.IGNORECASE,
)
_ORDER = ("suicide", "self-harm", "not wanting to be alive", "what to do in a crisis")


def sensitive_topics(text: str) -> list[str]:
    """The sensitive topics the text touches, in a fixed order, each once. The risk topics
    come from the one risk screen (`facilitator.core.risk`), in every language it knows."""
    found = {_RISK_NAMES[category] for category in categories(text)}
    if _CRISIS.search(text):
        found.add("what to do in a crisis")
    return [name for name in _ORDER if name in found]


def is_sensitive(text: str) -> bool:
    return bool(sensitive_topics(text))


_TOPIC_KEYS = {
    "suicide": "topic_suicide",
    "self-harm": "topic_self_harm",
    "not wanting to be alive": "topic_not_alive",
    "what to do in a crisis": "topic_crisis",
}


def content_note(topics: list[str], subject: str, say: Phrases | None = None) -> str:
    """The opening content note: what the session touches and how to step out, in the
    draft's language.

    Every imported session gets one (the checker asks for it): a session about work and
    wellbeing can land hard for someone even when it names no crisis topic.
    """
    say = say or Phrases("en")
    if not topics:
        return say("content_note", subject=subject)
    named = say.join([say(_TOPIC_KEYS[topic]) for topic in topics])
    return say("content_note_topics", subject=subject, topics=named)
