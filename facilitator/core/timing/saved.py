"""The presenter's clocks as JSON, so a run resumed after a crash (even kill -9) goes on
with the same agenda actuals and the same prompt countdown.

The desktop app writes this into the run journal on every discrete change (a slide, a
timer start/pause/adjust/reset, the session start), never on every tick: with the wall
time of the write stored alongside, the time that passed since (the crash and the restart
included) is added back on resume, so a running countdown loses nothing.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class SavedTiming:
    wall: float  # time.time() when saved
    started: bool  # the session had started (not a rehearsal)
    elapsed: float = 0.0
    actuals: list[float] = field(default_factory=list)
    visited: list[bool] = field(default_factory=list)
    current: int = 0
    timer_slide: int | None = None  # the slide whose prompt timer is loaded
    timer_durations: list[float] = field(default_factory=list)
    timer_elapsed: float = 0.0
    timer_running: bool = False

    def to_json(self) -> str:
        return json.dumps(asdict(self), separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> SavedTiming | None:
        """None for "" or anything unreadable: the run still resumes, with fresh clocks."""
        try:
            data = json.loads(text) if text else None
            return cls(**data) if isinstance(data, dict) else None
        except (ValueError, TypeError):
            return None
