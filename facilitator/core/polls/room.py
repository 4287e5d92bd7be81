"""Who may join: the room's join secret, its short code, and the devices that joined.

The QR code carries a short room code (so people can check they are in the right room)
and a secret token of 128 random bits (so nobody outside the room can guess their way in).
The first visit swaps the token for a per-device key kept in an HttpOnly cookie; that key
is random, lives only as long as the session, and is all the ballot box knows of a phone.
"""

from __future__ import annotations

import hmac
import random
import secrets
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from facilitator.core.polls.groups import GroupPlan, assign_groups
from facilitator.core.polls.owner import OwnerThread

# No 0/O, 1/I/L: read off a projector and typed on a phone without mistakes.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 5
TOKEN_BYTES = 16  # 128 bits
DEVICE_KEY_BYTES = 16
# New devices one network address may make. Phones on a LAN each have their own address;
# a second device covers a person whose phone changed its address or who also uses a
# laptop. Four private tabs on one phone meet the limit, so they cannot pass a threshold.
DEVICES_PER_ADDRESS = 2


class TooManyDevices(Exception):
    """This network address has already made its share of devices."""


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


@dataclass
class Room:
    """Join credentials and joined devices. Owned by the server's loop, like the ballot box:
    `owner` says which thread that is, and every change asserts it."""

    code: str = field(default_factory=new_code)
    token: str = field(default_factory=lambda: secrets.token_urlsafe(TOKEN_BYTES))
    _devices: set[str] = field(default_factory=set, repr=False)
    _open_pages: Counter[str] = field(default_factory=Counter, repr=False)
    groups: GroupPlan | None = None
    # Told of every new device key (a journal keeps them so cookies outlive a restart).
    on_join: Callable[[str], None] | None = None
    # Told of every new group plan (None: cleared), so a journal can restore it after a crash.
    on_groups: Callable[[GroupPlan | None], None] | None = None
    # Maps a cookie's value to the key the room, the ballot box and the journal know the
    # device by. A run journal sets its keyed hash (`Journal.pseudonym`) here, so nothing
    # stored matches a cookie once the run's secret is deleted. Identity by default.
    pseudonym: Callable[[str], str] = field(default=str, repr=False)
    owner: OwnerThread = field(default_factory=OwnerThread, repr=False, compare=False)
    devices_per_address: int = DEVICES_PER_ADDRESS
    # Devices made per source address: in memory only (never journaled, never logged), and
    # gone with the room when the run ends. Losing it in a crash only lets a phone rejoin.
    _per_address: Counter[str] = field(default_factory=Counter, repr=False, compare=False)
    # The people the facilitator counted in the room (typed on the console); None: not given.
    headcount: int | None = None

    def token_matches(self, code: str, token: str) -> bool:
        # Constant-time, so response timing says nothing about how much of a guess was right.
        return hmac.compare_digest(code.upper(), self.code) & hmac.compare_digest(
            token, self.token
        )

    def code_matches(self, code: str) -> bool:
        """The typed way in (no token): only the short code, compared in constant time."""
        return hmac.compare_digest(code.upper().encode(), self.code.encode())

    def join(self, address: str | None = None) -> str:
        """A new device for a phone that presented the token: the value for its cookie.

        Raises TooManyDevices when `address` (the phone's network address; None: not known)
        has made `devices_per_address` already."""
        assert self.owner.here(), "the room was changed off its owner thread"
        if address is not None and self._per_address[address] >= self.devices_per_address:
            raise TooManyDevices(address)
        cookie = secrets.token_urlsafe(DEVICE_KEY_BYTES)
        key = self.pseudonym(cookie)
        if self.on_join is not None:
            self.on_join(key)
        self._devices.add(key)
        if address is not None:
            self._per_address[address] += 1
        return cookie

    def device_for(self, cookie: str) -> str | None:
        """The device key behind a cookie value, or None for a cookie this room never gave."""
        key = self.pseudonym(cookie)
        return key if key in self._devices else None

    def knows(self, device_key: str) -> bool:
        return device_key in self._devices

    def restore_device(self, device_key: str) -> None:
        """Re-admit a device from a journal after a restart, so its cookie still works."""
        self._devices.add(device_key)

    def page_opened(self, device_key: str) -> None:
        """A phone's live page connected (a phone with two tabs counts once)."""
        self._open_pages[device_key] += 1

    def page_closed(self, device_key: str) -> None:
        self._open_pages[device_key] -= 1
        if self._open_pages[device_key] <= 0:
            del self._open_pages[device_key]

    def open_pages(self, device_key: str) -> int:
        return self._open_pages.get(device_key, 0)

    def connected(self) -> tuple[str, ...]:
        """Devices with the page open now: the people in the room to split into groups."""
        return tuple(sorted(self._open_pages))

    @property
    def device_count(self) -> int:
        return len(self._devices)

    @property
    def surplus(self) -> int:
        """Devices beyond the headcount: each may be someone's second phone, so every
        threshold is counted against the smaller number (`BallotBox.set_surplus`)."""
        if self.headcount is None:
            return 0
        return max(0, self.device_count - self.headcount)

    def devices(self) -> tuple[str, ...]:
        return tuple(sorted(self._devices))

    def make_groups(self, size: int, rng: random.Random | None = None,
                    among: tuple[str, ...] | None = None) -> GroupPlan:
        """Split `among` (default: the phones connected now, or failing that every joined
        device) into balanced random groups."""
        assert self.owner.here(), "the room was changed off its owner thread"
        if among is None:
            among = self.connected() or self.devices()
        plan = assign_groups(among, size, rng or random.SystemRandom())
        if self.on_groups is not None:
            self.on_groups(plan)  # journaled before it is shown: a crash cannot lose it
        self.groups = plan
        return plan

    def clear_groups(self) -> None:
        assert self.owner.here(), "the room was changed off its owner thread"
        if self.on_groups is not None:
            self.on_groups(None)
        self.groups = None


@dataclass(frozen=True)
class RoomStatus:
    """What the console and projector may know about the room: numbers, never device keys."""

    code: str
    joined: int  # devices that scanned the code this session
    connected: int  # phones with the page open right now
    group_size: int = 0
    group_count: int = 0
    headcount: int = 0  # the facilitator's count of people in the room (0: not given)

    @property
    def over_headcount(self) -> int:
        """Devices joined beyond the headcount (0 when none is given)."""
        return max(0, self.joined - self.headcount) if self.headcount else 0
