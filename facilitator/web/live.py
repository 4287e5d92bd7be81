"""The live channel: every open phone page holds a WebSocket and is told the room's state.

Changes are coalesced: however many votes arrive, phones (and any other subscriber such as
the desktop app's Qt bridge) get at most one update per `interval`, built from one
snapshot. That keeps 1,000 phones voting at once from turning into a million messages.
Everything here runs on the server's event loop.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass

from aiohttp import WSCloseCode, web

from facilitator.core.polls.ballot import BallotBox
from facilitator.core.polls.room import Room, RoomStatus
from facilitator.core.polls.snapshot import BallotSnapshot
from facilitator.web.phone_json import room_json, you_json

Subscriber = Callable[[BallotSnapshot, RoomStatus], None]
BATCH = 50  # phones sent to between two turns of the event loop
# Seconds between batches for a results-only update: 1,000 phones over 0.2 s, so neither
# the server's loop nor the phones' Wi-Fi takes the whole room's update in one burst.
RESULTS_PACE = 0.01
BEHIND_BYTES = 32 * 1024  # unsent bytes after which a phone is skipped (half the pause mark)
_log = logging.getLogger(__name__)


@dataclass
class _Phone:
    socket: web.WebSocketResponse
    device_key: str
    transport: asyncio.Transport | None = None  # to see how far behind the phone is


class LiveHub:
    """Open phone sockets, and the coalescing publisher of room state."""

    def __init__(self, box: BallotBox, room: Room, interval: float = 0.1,
                 phone_interval: float = 1.0) -> None:
        self._box = box
        self._room = room
        self._interval = interval
        # Phones hear of a poll switch, open/close, lock or reveal at the next `interval`;
        # of moving results at most once per `phone_interval`. Without this, 1,000 phones
        # during a vote meant 10,000 messages a second: measured, it tripled ack times and
        # starved the GUI (benchmarks/poll_load.py, docs/readme/load.md).
        self._phone_interval = phone_interval
        self._told: tuple[object, ...] | None = None
        self._told_at = float("-inf")
        self._told_version = -1
        # What the phones were last sent (and the group plan it was sent with): a state that
        # reads the same is not sent again, so answers that change nothing make no traffic.
        self._told_shared: tuple[str, object] | None = None
        self._phone_timer: asyncio.TimerHandle | None = None
        self._walk: asyncio.Future[None] | None = None
        self._sending: set[asyncio.Task[None]] = set()
        self._devices: dict[int, _Phone] = {}
        self._subscribers: list[Subscriber] = []
        self._scheduled: asyncio.TimerHandle | asyncio.Handle | None = None
        self._closing = False
        box.add_listener(self.poke)

    @property
    def connected(self) -> int:
        return len(self._room.connected())

    def subscribe(self, subscriber: Subscriber) -> None:
        """`subscriber(snapshot, status)` runs on the loop after each coalesced change."""
        self._subscribers.append(subscriber)

    def status(self) -> RoomStatus:
        groups = self._room.groups
        return RoomStatus(self._room.code, self._room.device_count, self.connected,
                          groups.size if groups else 0, groups.count if groups else 0,
                          self._room.headcount or 0)

    def poke(self) -> None:
        """Something changed: publish soon (at most once per interval).

        A switch to another poll goes out at once: phones should not wait the interval
        for the one change that matters most to them.
        """
        if self._closing:
            return
        switched = self._told is not None and self._box.current != self._told[0]
        if self._scheduled is not None and not switched:
            return  # a publish is on its way already (the common case: every answer pokes)
        loop = asyncio.get_running_loop()
        if switched and isinstance(self._scheduled, asyncio.TimerHandle):
            self._scheduled.cancel()
            self._scheduled = None
        if self._scheduled is None:
            self._scheduled = (loop.call_soon(self._publish) if switched
                               else loop.call_later(self._interval, self._publish))

    def _publish(self) -> None:
        self._scheduled = None
        snapshot = self._box.snapshot()
        status = self.status()
        for subscriber in list(self._subscribers):
            try:
                subscriber(snapshot, status)
            except Exception:  # one broken listener (a closed window) must not mute phones
                _log.exception("a state subscriber failed")
        self._tell_phones(snapshot, status)

    def _tell_phones(self, snapshot: BallotSnapshot, status: RoomStatus) -> None:
        results = snapshot.current_results
        headline = (snapshot.current, snapshot.takehome, status.group_count,
                    results.state if results else None, results.on_screen if results else None)
        loop = asyncio.get_running_loop()
        now = loop.time()
        if headline == self._told and (snapshot.version == self._told_version
                                       or now - self._told_at < self._phone_interval):
            if snapshot.version != self._told_version and self._phone_timer is None:
                self._phone_timer = loop.call_at(self._told_at + self._phone_interval,
                                                 self._phone_tick)
            return
        # Moving results are spread over a few tenths of a second; a switch goes out at once.
        pace = 0.0 if headline != self._told else RESULTS_PACE
        self._told, self._told_at, self._told_version = headline, now, snapshot.version
        shared = json.dumps(room_json(snapshot, self._room.code, status.group_count))
        told = (shared, self._room.groups)
        if told == self._told_shared:
            return
        self._told_shared = told
        self._broadcast(shared, pace)

    def _phone_tick(self) -> None:
        self._phone_timer = None
        if not self._closing:
            self._tell_phones(self._box.snapshot(), self.status())

    def _broadcast(self, shared: str, pace: float) -> None:
        # One task walks the phones, yielding every BATCH so answers are not kept waiting
        # behind 1,000 sends; a newer state replaces a walk still in progress (latest wins).
        if self._walk is not None:
            self._walk.cancel()
        phones = list(self._devices.values())
        self._walk = asyncio.ensure_future(self._send_all(phones, shared, pace))
        self._sending.add(self._walk)  # keep a reference until it is done
        self._walk.add_done_callback(self._sending.discard)

    async def _send_all(self, phones: list[_Phone], shared: str, pace: float) -> None:
        for index, phone in enumerate(phones, start=1):
            # A phone that stopped reading is skipped, not waited for: it gets a later state.
            if phone.socket.closed or phone.transport is None or (
                    phone.transport.get_write_buffer_size() > BEHIND_BYTES):
                continue
            try:
                # Returns at once: the buffer is below the transport's pause mark.
                await phone.socket.send_str(self.message_for(phone.device_key, shared))
            except (ConnectionError, RuntimeError):
                pass  # the phone went away mid-send; its handler cleans up
            if index % BATCH == 0:
                await asyncio.sleep(pace)

    def tell_phones(self, message: str) -> None:
        """Send `message`, the same for every phone, to every open page: news that is not
        part of the room state (the approved questions, `web.questions`). The caller
        coalesces; sends are paced like results."""
        if self._closing:
            return
        task = asyncio.ensure_future(self._send_same(list(self._devices.values()), message))
        self._sending.add(task)
        task.add_done_callback(self._sending.discard)

    async def _send_same(self, phones: list[_Phone], message: str) -> None:
        for index, phone in enumerate(phones, start=1):
            if phone.socket.closed or phone.transport is None or (
                    phone.transport.get_write_buffer_size() > BEHIND_BYTES):
                continue
            try:
                await phone.socket.send_str(message)
            except (ConnectionError, RuntimeError):
                pass
            if index % BATCH == 0:
                await asyncio.sleep(RESULTS_PACE)

    def message_for(self, device_key: str, shared: str | None = None) -> str:
        """The state message for one device; `shared` is the pre-serialised room part."""
        if shared is None:
            snapshot = self._box.snapshot()
            shared = json.dumps(room_json(snapshot, self._room.code, self.status().group_count))
        you = json.dumps(you_json(self._box, self._room.groups, device_key))
        return f'{{"type":"state","state":{shared},"you":{you}}}'

    async def serve(self, request: web.Request, device_key: str) -> web.WebSocketResponse:
        """Hold one phone's socket until it or the server closes it."""
        # compress=False: browsers offer permessage-deflate, and deflating every state message
        # for every phone costs the laptop more CPU than the LAN saves in bytes.
        socket = web.WebSocketResponse(heartbeat=20, max_msg_size=1024, compress=False)
        watch = getattr(request.protocol, "watch_frames", None)  # web.guard: masked only
        if watch is not None:
            watch()
        await socket.prepare(request)
        phone = _Phone(socket, device_key, request.transport)
        self._devices[id(socket)] = phone
        self._room.page_opened(device_key)
        self.poke()
        try:
            await socket.send_str(self.message_for(device_key))
            async for _message in socket:
                pass  # phones only listen; answers come by POST
        finally:
            self._devices.pop(id(socket), None)
            self._room.page_closed(device_key)
            if not self._closing:
                self.poke()
        return socket

    async def close(self) -> None:
        """Close every phone socket (they reconnect to the next server) and stop publishing."""
        self._closing = True
        self._box.remove_listener(self.poke)  # the box may outlive this server (a restart)
        if self._scheduled is not None:
            self._scheduled.cancel()
            self._scheduled = None
        if self._phone_timer is not None:
            self._phone_timer.cancel()
            self._phone_timer = None
        if self._walk is not None:
            self._walk.cancel()
        sockets = [phone.socket for phone in self._devices.values()]
        await asyncio.gather(
            *(s.close(code=WSCloseCode.GOING_AWAY, message=b"server stopping") for s in sockets),
            return_exceptions=True,
        )
