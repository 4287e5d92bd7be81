"""The risk screen: does a text name suicide, self-harm or wanting to die, and which?

Every path that decides what a room sees asks here (the session checker, the importer, the
word cloud, the open-text queue), so a wording held back on one path is held back on all.
Deliberately broad: a false alarm costs the facilitator one look; a miss can put a harmful
poll or answer in front of a room.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from facilitator.core.risk.normalise import variants
from facilitator.core.risk.phrases import ALL, Category


@dataclass(frozen=True)
class RiskMatch:
    category: Category
    language: str  # which list matched ("en", "es", ..., "chat")
    found: str  # the matched words, normalised (for tests and the facilitator, never the room)


# One alternation per list: a text is screened with about twenty regex searches per reading.
_COMPILED = tuple(
    (phrases.category, phrases.language, re.compile("|".join(f"(?:{p})" for p in phrases.patterns)))
    for phrases in ALL
)


@lru_cache(maxsize=4096)  # word clouds screen the same few words on every vote
def screen(text: str) -> RiskMatch | None:
    """The first risk wording found in `text`, or None."""
    if not text or not text.strip():
        return None
    for reading in variants(text):
        for category, language, pattern in _COMPILED:
            found = pattern.search(reading)
            if found:
                return RiskMatch(category, language, found.group(0))
    return None


def mentions_risk(text: str) -> bool:
    return screen(text) is not None


def category_of(text: str) -> Category | None:
    match = screen(text)
    return match.category if match else None


def categories(text: str) -> frozenset[Category]:
    """Every category named anywhere in `text` (the importer's content note lists them all)."""
    readings = variants(text) if text.strip() else ()
    return frozenset(category for category, _, pattern in _COMPILED
                     if any(pattern.search(reading) for reading in readings))
