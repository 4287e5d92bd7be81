"""Sound: whether the chime can play (it is played, so the facilitator hears it)."""

from __future__ import annotations

from collections.abc import Callable

from facilitator.services.preflight.verdict import Level, Line
from facilitator.services.settings import Settings

AREA = "sound"

# Plays the chime and returns "" when it could, else why not (Qt's job: see qt/dialogs).
SoundProbe = Callable[[], str]


def run(settings: Settings, play: SoundProbe | None) -> list[Line]:
    if not settings.chime:
        return [Line(AREA, Level.OK, "the chime is switched off in the settings",
                     "The countdown flashes at zero instead.")]
    if play is None:
        return [Line(AREA, Level.WARNING, "sound not checked (no Qt available)")]
    failure = play()
    if failure:
        return [Line(AREA, Level.WARNING, f"the chime cannot play ({failure})",
                     "Check the laptop's sound output (or the projector's HDMI audio); "
                     "without it the countdown flashes at zero instead.")]
    return [Line(AREA, Level.OK, "the chime played",
                 "If you did not hear it, turn the volume up or pick the room's speakers.")]
