"""What phones and projector may see of a tally: published in batches, coarsened.

An exact tally that moves with every answer tells whoever watches a neighbour tap Send
which option they chose (the +1). So the room only sees a *publication*: a copy of the
tally taken when at least `k` answers (the poll's minimum) arrived since the last one, or
when the poll closes or is locked; shares are rounded to 5 % and means to one decimal, and
a word appears only once at least `k` people gave it. Between publications nothing the room
sees changes, "prefer not to say" included. The console may still read the exact tally.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from facilitator.core.polls.tally import (
    Bar,
    ChoiceTally,
    MatrixRow,
    MatrixTally,
    Tally,
    TextTally,
    WordTally,
)

SHARE_STEP = 0.05  # shares are published to the nearest 5 %


@dataclass(frozen=True)
class Publication:
    tally: Tally
    events: int  # the poll's answer count (new or changed answers) when it was taken
    answers: int = 0  # how many people's answers it holds: what the wall's figures stand for


def round_share(share: float) -> float:
    return round(round(share / SHARE_STEP) * SHARE_STEP, 2)


def _mean(mean: float | None) -> float | None:
    return None if mean is None else round(mean, 1)


def coarsen(tally: Tally, min_people: int) -> Tally:
    """The room's copy of `tally`: rounded shares and means, words given by >= min_people."""
    match tally:
        case ChoiceTally(bars=bars, mean=mean):
            rounded: tuple[Bar, ...] = tuple(
                replace(b, share=round_share(b.share), percent=round(round_share(b.share) * 100))
                for b in bars)
            return replace(tally, bars=rounded, mean=_mean(mean))
        case MatrixTally(rows=rows):
            means: tuple[MatrixRow, ...] = tuple(replace(r, mean=_mean(r.mean)) for r in rows)
            return replace(tally, rows=means)
        case WordTally(words=words):
            # The printed report's rule, applied live: a word one person gave can name them.
            return replace(tally, words=tuple(w for w in words if w[1] >= min_people))
        case TextTally():
            return tally  # the facilitator's approval is the gate for open text
    raise TypeError(tally)  # pragma: no cover


def due(last: Publication | None, events: int, k: int, final: bool) -> bool:
    """Whether to take a new publication now (the threshold is already met)."""
    if last is None:
        return True
    new = events - last.events
    return new >= k or (final and new > 0)
