"""Planned minutes per section: from how much there is to say and do, scaled to the total.

A section needs time for its activities (prompts and polls, at their own durations) and
for talk (about 150 words of article a minute plus three quarters of a minute a slide).
Activities keep their durations while they fit in most of the total; the rest of the time
is shared out by talk. When the activities alone would crowd out the talk, everything is
scaled together and the caller shortens the prompts. Rounding is by largest remainder, so
the agenda adds up exactly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from facilitator.core.importer.article import ArticleError

WORDS_PER_MINUTE = 150
MINUTES_PER_SLIDE = 0.75
MAX_ACTIVITY_SHARE = 0.6
MINUTES_PER_POLL = 2
MIN_SECTION_MINUTES = 2
LEAST_SUGGESTED_MINUTES = 15  # shorter than this is not worth gathering a room for
MIN_SESSION_MINUTES, MAX_SESSION_MINUTES = 10, 480  # what `--minutes` accepts: a working day


@dataclass(frozen=True)
class SectionLoad:
    words: int
    slides: int
    activity_seconds: int  # prompts at their durations plus polls
    floor: int = MIN_SECTION_MINUTES  # the least this section can be given
    cap: int | None = None  # the most it is worth, however long the session

    @property
    def talk(self) -> float:
        return self.words / WORDS_PER_MINUTE + self.slides * MINUTES_PER_SLIDE

    @property
    def weight(self) -> float:
        return self.talk + self.activity_seconds / 60


def natural_minutes(loads: list[SectionLoad]) -> float:
    """How long the sections would take unscaled; the CLI reports it beside the plan."""
    return sum(load.weight for load in loads)


def suggested_minutes(loads: list[SectionLoad]) -> int:
    """The session length the material asks for, when the user names none: its unscaled
    minutes rounded up to a whole 5 (agendas read in fives), at least 15, and never less
    than the sections' floors add up to."""
    needed = max(natural_minutes(loads), sum(load.floor for load in loads))
    return max(LEAST_SUGGESTED_MINUTES, 5 * math.ceil(round(needed, 6) / 5))


def _apply_caps(loads: list[SectionLoad], exact: list[float]) -> list[float]:
    """Clamp capped sections and share what they give up among the others by size."""
    excess = sum(
        value - load.cap for load, value in zip(loads, exact, strict=True)
        if load.cap is not None and value > load.cap
    )
    free = [i for i, load in enumerate(loads) if load.cap is None or exact[i] <= load.cap]
    if excess <= 0 or not free:
        return exact
    base = sum(exact[i] for i in free)
    return [
        (value + excess * value / base) if i in free else float(loads[i].cap or value)
        for i, value in enumerate(exact)
    ]


def allocate(loads: list[SectionLoad], total: int) -> list[int]:
    """Whole minutes per section, each at least its floor, summing to `total`."""
    if not loads:
        return []
    floor_total = sum(load.floor for load in loads)
    if total < floor_total:
        raise ArticleError(
            f"{total} minutes is too short for {len(loads)} sections: "
            f"allow at least {floor_total} minutes (--minutes {floor_total})"
        )
    activity = sum(load.activity_seconds for load in loads) / 60
    if activity <= MAX_ACTIVITY_SHARE * total:
        talk_scale = (total - activity) / sum(max(load.talk, 0.1) for load in loads)
        exact = [load.activity_seconds / 60 + max(load.talk, 0.1) * talk_scale for load in loads]
    else:
        scale = total / sum(max(load.weight, 0.1) for load in loads)
        exact = [max(load.weight, 0.1) * scale for load in loads]
    exact = _apply_caps(loads, exact)
    minutes = [max(load.floor, math.floor(value)) for load, value in zip(loads, exact, strict=True)]
    # Hand out (or take back) the rounding difference where it distorts least.
    by_remainder = sorted(range(len(loads)), key=lambda i: exact[i] - math.floor(exact[i]))
    difference = total - sum(minutes)
    while difference > 0:
        for index in reversed(by_remainder):
            if difference == 0:
                break
            minutes[index] += 1
            difference -= 1
    while difference < 0:
        shrinkable = [i for i in by_remainder if minutes[i] > loads[i].floor]
        # Take from the sections furthest above their exact share first.
        index = max(shrinkable, key=lambda i: minutes[i] - exact[i])
        minutes[index] -= 1
        difference += 1
    return minutes


def sections_that_fit(loads: list[SectionLoad], total: int) -> int:
    """How many article sections (after the welcome, loads[0]) fit in `total` minutes at
    their natural length and above their floors: the number to suggest for --max-sections."""
    used = max(loads[0].weight, loads[0].floor)
    count = 0
    for load in loads[1:]:
        used += max(load.weight, load.floor)
        if used > total:
            break
        count += 1
    return max(1, count)


def length_problem(loads: list[SectionLoad], minutes: int | None, words: int) -> str | None:
    """Why this article cannot become a session of `minutes` (None: its natural length),
    with a suggestion the command accepts; None when it can."""
    floors = sum(load.floor for load in loads)
    fit = sections_that_fit(loads, MAX_SESSION_MINUTES)
    if minutes is None:
        natural = suggested_minutes(loads)
        if natural <= MAX_SESSION_MINUTES:
            return None
        usable = round(words * MAX_SESSION_MINUTES / natural, -2)
        return (
            f"the article ({words:,} words, {len(loads) - 1} sections) would take about "
            f"{natural} minutes, and a session runs at most {MAX_SESSION_MINUTES}: trim it "
            f"to about {usable:,.0f} words, or import its first sections with "
            f"--max-sections {fit}"
            + (f", or fit it all into --minutes {MAX_SESSION_MINUTES}"
               if floors <= MAX_SESSION_MINUTES else "")
        )
    if floors <= minutes:
        return None
    if floors <= MAX_SESSION_MINUTES:
        return (
            f"{minutes} minutes is too short for {len(loads)} sections: allow at least "
            f"{floors} minutes (--minutes {floors}), or keep fewer sections "
            f"(--max-sections {sections_that_fit(loads, minutes)})"
        )
    return (
        f"{minutes} minutes is too short for {len(loads)} sections: import the first "
        f"sections only (--max-sections {sections_that_fit(loads, minutes)}) or trim the "
        "article"
    )
