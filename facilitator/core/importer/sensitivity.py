"""Sensitive content in an article: suicide, self-harm, not wanting to be alive, crisis.

Safe-messaging practice (see the project's FACTS) asks for a content note at the start,
support resources wherever the topic comes up, and never a poll about it. The importer
uses these patterns to decide all three; the loader's own check has the last word.
"""

from __future__ import annotations

import re

from facilitator.core.importer.phrases import Phrases
from facilitator.core.session.safety import mentions_risk

# (what to call it in a content note, the pattern that finds it)
_TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("suicide", re.compile(r"\bsuicid\w*", re.IGNORECASE)),
    ("self-harm", re.compile(
        r"\bself[- ]?harm\w*|\b(hurt|harm|cut)(ing)? (yourself|myself|themselves|herself|"
        r"himself)\b",
        re.IGNORECASE,
    )),
    ("not wanting to be alive", re.compile(
        r"\bnot want(ing)? to (be alive|be here|live|exist)|\b(want(ing)?|wish(ing)?) to die\b"
        r"|\bnever wak(e|ing) up\b|\bend(ing)? (my|your|their|his|her) (own )?life\b"
        r"|\bkill(ing)? (yourself|myself|themselves)\b|\bbetter off dead\b",
        re.IGNORECASE,
    )),
    # "Crisis" alone is too broad ("the staffing crisis"); these are the mental-health uses.
    ("what to do in a crisis", re.compile(
        r"\bcrisis (line|text|team|service|support|number|cent(er|re))s?\b|\bin crisis\b"
        r"|\bmental[- ]health crisis\b|\bsuicide hotline\b|\bhotline\b",
        re.IGNORECASE,
    )),
)


_RISK_TOPICS = frozenset({"suicide", "self-harm", "not wanting to be alive"})


def sensitive_topics(text: str) -> list[str]:
    """The sensitive topics the text touches, in a fixed order, each once.

    The loader's risk check (`safety.mentions_risk`) is the floor: whatever it flags gets
    a content note and support here too, named by the broadest topic when no pattern above
    says which one it is.
    """
    found = {name for name, pattern in _TOPICS if pattern.search(text)}
    if mentions_risk(text) and not _RISK_TOPICS & found:
        found.add("not wanting to be alive")
    return [name for name, _ in _TOPICS if name in found]


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
