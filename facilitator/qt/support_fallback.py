"""Support entries to show until `core.support` (region TOML files) is available.

Swap point: `support_entries()` prefers `facilitator.core.support` when it exists and
falls back to this short list (from the project's FACTS, checked 2026) otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class FallbackEntry:
    id: str
    name: str
    phone: str = ""
    text: str = ""
    web: str = ""
    hours: str = ""
    note: str = ""


_ENTRIES: dict[str, tuple[FallbackEntry, ...]] = {
    "us": (
        FallbackEntry("988", "988 Suicide & Crisis Lifeline", phone="988", text="988",
                      web="988lifeline.org", hours="24/7"),
        FallbackEntry("crisis-text-line", "Crisis Text Line", text="HOME to 741741", hours="24/7"),
        FallbackEntry("physician-support-line", "Physician Support Line", phone="1-888-409-0141",
                      hours="8 am-1 am ET daily",
                      note="Volunteer psychiatrists; for doctors and medical students"),
        FallbackEntry("findahelpline", "Find a Helpline", web="findahelpline.com",
                      note="Verified helplines in about 130 countries"),
    ),
    "uk": (
        FallbackEntry("samaritans", "Samaritans", phone="116 123", web="jo@samaritans.org",
                      hours="24/7, free"),
        FallbackEntry("shout", "Shout", text="SHOUT to 85258", hours="24/7"),
        FallbackEntry("bma", "BMA counselling and peer support", phone="0330 123 1245",
                      hours="24/7", note="Any doctor or medical student"),
        FallbackEntry("practitioner-health", "NHS Practitioner Health", phone="0300 0303 300",
                      note="England"),
    ),
}


def support_entries(region: str, include: Sequence[str] = ()) -> list[FallbackEntry]:
    """The entries for `region` (US when unknown), limited to `include` ids when given."""
    entries = _ENTRIES.get(region.lower(), _ENTRIES["us"])
    if include:
        wanted = set(include)
        entries = tuple(entry for entry in entries if entry.id in wanted) or entries
    return list(entries)
