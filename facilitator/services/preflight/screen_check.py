"""Screens: how many, which one the projector will use, its resolution, and whether every
slide of the session fits there. Counting screens and measuring slides need Qt, so the
caller hands them in (`ScreenProbe`); the verdicts are decided here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from facilitator.core.session.model import Session
from facilitator.services.preflight.verdict import Level, Line

AREA = "screens"


@dataclass(frozen=True)
class Screen:
    name: str
    width: int
    height: int
    primary: bool


@dataclass(frozen=True)
class ScreenProbe:
    """`screens()`: [] when there is no display at all. `fit(session, w, h)`: one sentence
    per slide that does not fit at w x h (the projector's own renderer decides)."""

    screens: Callable[[], list[Screen]]
    fit: Callable[[Session, int, int], list[str]]


def projector_of(screens: list[Screen]) -> Screen | None:
    """The screen the projector window will take: the first one that is not the primary
    (as qt/presenter/screens.py places it); None with one screen."""
    return next((s for s in screens if not s.primary), None) if len(screens) > 1 else None


def check_screens(probe: ScreenProbe, given: tuple[int, int] | None) -> tuple[
        tuple[int, int] | None, Line]:
    """The projector size to test slides at, and the line about the screens."""
    if given is not None:
        return given, Line(AREA, Level.OK, f"projector size given: {given[0]}x{given[1]}")
    screens = probe.screens()
    if not screens:
        return None, Line(AREA, Level.WARNING, "no display to look at",
                          "Run this on the laptop's desktop with the projector plugged in, "
                          "or give its size with --screen 1280x720.")
    projector = projector_of(screens)
    if projector is None:
        only = screens[0]
        return (only.width, only.height), Line(
            AREA, Level.WARNING, f"one screen ({only.name}, {only.width}x{only.height}): no "
            "projector found", "Plug in the projector (and choose Extend, not Mirror) before "
            "the session; until then the console shows the projector as a preview.")
    return (projector.width, projector.height), Line(
        AREA, Level.OK, f"{len(screens)} screens; the projector will be {projector.name} at "
        f"{projector.width}x{projector.height}")


def check_fit(session: Session, size: tuple[int, int], probe: ScreenProbe) -> Line:
    problems = probe.fit(session, *size)
    where = f"{size[0]}x{size[1]}"
    if not problems:
        return Line(AREA, Level.OK, f"all {len(session.slides)} slides fit at {where}")
    return Line(AREA, Level.PROBLEM, f"{len(problems)} of {len(session.slides)} slides do not "
                f"fit at {where}: {problems[0]}" + (f" (and {len(problems) - 1} more)"
                                                    if len(problems) > 1 else ""),
                f"Shorten those slides, or look at them with `facilitator render FILE --size "
                f"{where}`.")


def run(session: Session | None, probe: ScreenProbe | None,
        given: tuple[int, int] | None) -> list[Line]:
    if probe is None:
        return [Line(AREA, Level.WARNING, "screens not checked (no Qt available)",
                     "Open the app once before the session to see the projector.")]
    size, line = check_screens(probe, given)
    if session is None or size is None:
        return [line]
    return [line, check_fit(session, size, probe)]
