"""What any thread may read of a ballot box: immutable views of its polls.

The box itself is not thread-safe (`core.polls.ballot`), so every reader off its owner
thread (the projector, the console, the phone pages) gets these frozen values instead:
a `BallotSnapshot` of every poll, a `PollResults` per poll, and the `PollState` switches
the facilitator set. They live apart from the box so a view can type what it shows without
reaching for the box that makes it, and so the journal can record a state without the box.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from facilitator.core.polls.moderation import TextItem
from facilitator.core.polls.tally import Tally
from facilitator.core.session.model import Poll


class PollStatus(StrEnum):
    IDLE = "idle"  # not opened yet
    OPEN = "open"
    CLOSED = "closed"


@dataclass(frozen=True)
class PollState:
    """The facilitator's switches for one poll."""

    status: PollStatus = PollStatus.IDLE
    hidden: bool = False  # results held back from projector and phones until revealed
    locked: bool = False  # answers kept as they are: no new or changed answers


@dataclass(frozen=True)
class PollResults:
    """An immutable view of one poll. `tally` is what the room may see: the last
    publication (None before the first); `live` the exact tally, for the console only."""

    poll: Poll
    state: PollState
    responses: int
    threshold: int
    tally: Tally | None
    pending: tuple[TextItem, ...] = ()  # text polls: for the console, once the threshold is met
    # Answers other than "prefer not to say". Only these count towards the threshold:
    # two people declining and one answering must not put that one answer on screen.
    counted: int = 0
    live: Tally | None = None
    approved: tuple[TextItem, ...] = ()  # text polls: on screen now, for "withdraw"
    # How many answers `tally` holds: the room sees a publication, which can lag `responses`.
    shown_responses: int = 0

    @property
    def reached(self) -> bool:
        return self.counted >= self.threshold

    @property
    def waiting_for(self) -> int:
        """What the room is told it waits for. Counted from every answer, "prefer not to
        say" included, so declining looks like answering; at least 1 until the threshold."""
        if self.reached:
            return 0
        return max(1, self.threshold - self.responses)

    @property
    def on_screen(self) -> bool:
        """Whether the projector (and the phones) may show this tally now."""
        return self.tally is not None and not self.state.hidden


@dataclass(frozen=True)
class BallotSnapshot:
    current: str | None  # the poll phones are shown now, if any
    polls: Mapping[str, PollResults]
    version: int
    takehome: bool = False  # phones show the take-home page (the session's end is on screen)

    @property
    def current_results(self) -> PollResults | None:
        return self.polls[self.current] if self.current else None
