"""The facilitator's headcount against the devices that joined.

A LAN cannot tell one person's two phones from two people. So the console shows the phones
joined beside the headcount the facilitator types; when more devices joined than people are
in the room, each extra device may be a second vote of someone already counted, and every
threshold rises by that surplus: results count against the smaller number.
"""

from __future__ import annotations

from facilitator.core.polls.ballot import BallotBox
from facilitator.core.polls.room import Room


def set_headcount(room: Room, box: BallotBox, headcount: int | None) -> None:
    """On the box's owner thread: note the headcount (None or 0: not given) and apply it."""
    room.headcount = headcount if headcount and headcount > 0 else None
    sync(room, box)


def sync(room: Room, box: BallotBox) -> None:
    """After a device joined or the headcount changed: thresholds follow the surplus."""
    box.set_surplus(room.surplus)
