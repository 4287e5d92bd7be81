"""Durations as facilitators write them: `4m`, `90s`, `1m30s`, `5 min`, `1h 10m`."""

from __future__ import annotations

import re

_PART = re.compile(
    # Longest units first, so "5 min" is not read as "5 m" followed by "in".
    r"(?P<number>\d+(?:\.\d+)?)\s*"
    r"(?P<unit>hours?|hrs|hr|h|minutes?|mins|min|m|seconds?|secs|sec|s)(?![a-z])",
    re.IGNORECASE,
)
_SECONDS_PER_UNIT = {"h": 3600, "m": 60, "s": 1}


class DurationError(ValueError):
    pass


def parse_duration(text: str) -> int:
    """Seconds in `text`; raises DurationError with a message a facilitator can act on."""
    cleaned = text.strip()
    if not cleaned:
        raise DurationError("missing duration (write it like 4m, 90s or 1m30s)")
    position = 0
    total = 0.0
    for match in _PART.finditer(cleaned):
        if cleaned[position : match.start()].strip():
            break
        unit = match.group("unit").lower()[0]
        total += float(match.group("number")) * _SECONDS_PER_UNIT[unit]
        position = match.end()
    if position == 0 or cleaned[position:].strip():
        raise DurationError(f'bad duration "{cleaned}" (write it like 4m, 90s or 1m30s)')
    if total <= 0:
        raise DurationError(f'duration "{cleaned}" must be more than zero')
    return round(total)


def format_duration(seconds: int) -> str:
    """`4m`, `90s` -> `1m30s`; the inverse of parse_duration for whole seconds."""
    minutes, rest = divmod(seconds, 60)
    if minutes and rest:
        return f"{minutes}m{rest:02d}s"
    return f"{minutes}m" if minutes else f"{rest}s"
