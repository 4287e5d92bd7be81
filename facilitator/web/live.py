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

from facilitator.core.ballot import BallotBox, BallotSnapshot
from facilitator.core.room import Room, RoomStatus
from facilitator.web.phone_json import room_json, you_json

Subscriber = Callable[[BallotSnapshot, RoomStatus], None]
_log = logging.getLogger(__name__)


@dataclass
class _Phone:
    socket: web.WebSocketResponse
    device_key: str


class LiveHub:
    """Open phone sockets, and the coalescing publisher of room state."""

    def __init__(self, box: BallotBox, room: Room, interval: float = 0.1) -> None:
        self._box = box
        self._room = room
        self._interval = interval
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
                          groups.size if groups else 0, groups.count if groups else 0)

    def poke(self) -> None:
        """Something changed: publish soon (at most once per interval)."""
        if self._scheduled is not None or self._closing:
            return
        loop = asyncio.get_running_loop()
        self._scheduled = loop.call_later(self._interval, self._publish)

    def _publish(self) -> None:
        self._scheduled = None
        snapshot = self._box.snapshot()
        status = self.status()
        for subscriber in list(self._subscribers):
            try:
                subscriber(snapshot, status)
            except Exception:  # one broken listener (a closed window) must not mute phones
                _log.exception("a state subscriber failed")
        shared = json.dumps(room_json(snapshot, self._room.code, status.group_count))
        for phone in list(self._devices.values()):
            if not phone.socket.closed:
                # Built now, from the same moment as `shared`; sent when the socket is ready.
                message = self.message_for(phone.device_key, shared)
                task = asyncio.ensure_future(self._send(phone.socket, message))
                self._sending.add(task)  # keep a reference until it is done
                task.add_done_callback(self._sending.discard)

    def message_for(self, device_key: str, shared: str | None = None) -> str:
        """The state message for one device; `shared` is the pre-serialised room part."""
        if shared is None:
            snapshot = self._box.snapshot()
            shared = json.dumps(room_json(snapshot, self._room.code, self.status().group_count))
        you = json.dumps(you_json(self._box, self._room.groups, device_key))
        return f'{{"type":"state","state":{shared},"you":{you}}}'

    async def _send(self, socket: web.WebSocketResponse, message: str) -> None:
        try:
            await socket.send_str(message)
        except (ConnectionError, RuntimeError):
            pass  # the phone went away mid-send; its handler cleans up

    async def serve(self, request: web.Request, device_key: str) -> web.WebSocketResponse:
        """Hold one phone's socket until it or the server closes it."""
        socket = web.WebSocketResponse(heartbeat=20, max_msg_size=1024)
        await socket.prepare(request)
        phone = _Phone(socket, device_key)
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
        sockets = [phone.socket for phone in self._devices.values()]
        await asyncio.gather(
            *(s.close(code=WSCloseCode.GOING_AWAY, message=b"server stopping") for s in sockets),
            return_exceptions=True,
        )
