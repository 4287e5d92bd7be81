"""Connections the server will not keep: idle, half-sent, too many, or malformed.

aiohttp keeps a connection that never sends a request open forever, and a few hundred of
them exhaust a laptop's open files (256 by default on macOS): the server then stops
answering the room. `GuardedSite` listens with `GuardedHandler`, aiohttp's own request
handler plus three rules:

- header timeout: a connection that has not delivered a whole request within
  `header_timeout` seconds of opening is closed (slow or silent clients);
- idle timeout: a connection that has sent nothing for `idle_timeout` seconds is closed (a
  live phone's WebSocket answers the server's ping every 20 s, so it never goes idle);
- a cap: beyond `max_connections` a new connection gets a short 503 page and is closed.

After a WebSocket upgrade it also reads each client frame's header: RFC 6455 (5.1) says a
server must close the connection on a frame without a mask, and aiohttp accepts them.

Its errors (aiohttp's own 400s for malformed requests) carry the same security headers as
every other response, say nothing of what was sent, and are logged without an address.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from aiohttp import web
from aiohttp.web_protocol import RequestHandler

from facilitator.web.error_pages import error_response, html_page
from facilitator.web.security import HEADERS

HEADER_TIMEOUT = 10.0
IDLE_TIMEOUT = 60.0
KEEPALIVE_TIMEOUT = 15.0  # an idle keep-alive connection between two requests
# A room of 1,000 phones holds a WebSocket and a few HTTP connections each (browsers keep up
# to six per host): measured, 3,000 was reached by the 1,000-phone benchmark.
MAX_CONNECTIONS = 10_000
BACKLOG = 1024  # pending connections the kernel queues (aiohttp's own default is 128)
_log = logging.getLogger("facilitator.web.requests")


@dataclass
class Limits:
    header_timeout: float = HEADER_TIMEOUT
    idle_timeout: float = IDLE_TIMEOUT
    max_connections: int = MAX_CONNECTIONS


def busy_response() -> bytes:
    """The whole 503 answer, written straight to a connection over the cap."""
    body = html_page(503, "Too many connections to the facilitator's laptop just now. "
                     "Wait a moment and reload this page.").encode("utf-8")
    head = [b"HTTP/1.1 503 Service Unavailable", b"Content-Type: text/html; charset=utf-8",
            f"Content-Length: {len(body)}".encode(), b"Connection: close", b"Retry-After: 5"]
    head += [f"{name}: {value}".encode() for name, value in HEADERS.items()]
    return b"\r\n".join(head) + b"\r\n\r\n" + body


PROTOCOL_ERROR_CLOSE = b"\x88\x02\x03\xea"  # a close frame, code 1002 (protocol error)


class FrameWatch:
    """Follows client WebSocket frames through the byte stream, header by header."""

    def __init__(self) -> None:
        self._header = b""
        self._skip = 0  # payload bytes of the current frame still to pass

    def feed(self, data: bytes) -> bool:
        """False as soon as a frame arrives without the mask bit."""
        while data:
            if self._skip:
                step = min(self._skip, len(data))
                self._skip -= step
                data = data[step:]
                continue
            self._header += data
            data = b""
            if len(self._header) < 2:
                return True
            if not self._header[1] & 0x80:
                return False
            size = self._header[1] & 0x7F
            extra = 2 if size == 126 else 8 if size == 127 else 0
            needed = 2 + extra + 4
            if len(self._header) < needed:
                return True
            if extra:
                size = int.from_bytes(self._header[2:2 + extra], "big")
            data, self._header = self._header[needed:], b""
            self._skip = size
        return True


class Guard:
    """The open connections of one server, and the watchdog that closes stale ones."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._open: dict[GuardedHandler, None] = {}
        self._task: asyncio.Task[None] | None = None
        self.refused = 0  # connections answered with 503 (over the cap)
        self.closed_stale = 0  # connections closed by the timeouts
        self.peak = 0  # the most connections open at once

    @property
    def open_connections(self) -> int:
        return len(self._open)

    def admit(self, handler: GuardedHandler) -> bool:
        if len(self._open) >= self.limits.max_connections:
            self.refused += 1
            return False
        self._open[handler] = None
        self.peak = max(self.peak, len(self._open))
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._watch())
        return True

    def forget(self, handler: GuardedHandler) -> None:
        self._open.pop(handler, None)

    async def _watch(self) -> None:
        loop = asyncio.get_running_loop()
        tick = max(0.05, min(1.0, self.limits.header_timeout / 4))
        while True:
            await asyncio.sleep(tick)
            now = loop.time()
            for handler in list(self._open):
                if handler.stale(now, self.limits):
                    handler.force_close()
                    self.forget(handler)
                    self.closed_stale += 1

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None


class GuardedHandler(RequestHandler):
    """aiohttp's request handler, watched by a `Guard` (see the module's rules)."""

    def __init__(self, manager: web.Server, guard: Guard, **kwargs: object) -> None:
        super().__init__(manager, **kwargs)  # type: ignore[arg-type]
        self._guard = guard
        self._opened = self._last_in = 0.0
        self._requested = False
        self._frames: FrameWatch | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._opened = self._last_in = asyncio.get_running_loop().time()
        if not self._guard.admit(self):
            assert isinstance(transport, asyncio.WriteTransport)
            transport.write(busy_response())
            transport.close()
            return
        super().connection_made(transport)

    def connection_lost(self, exc: BaseException | None) -> None:
        self._guard.forget(self)
        if self.transport is not None:
            super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self.transport is None:
            return  # over the cap: answered with 503 already
        self._last_in = self._loop.time()
        if self._frames is not None and not self._frames.feed(data):
            assert self.transport is not None
            self.transport.write(PROTOCOL_ERROR_CLOSE)
            self.force_close()
            return
        super().data_received(data)

    def watch_frames(self) -> None:
        """The connection is becoming a WebSocket: check every client frame is masked."""
        self._frames = FrameWatch()

    def mark_request(self) -> None:
        """A whole request reached the app (the header timeout no longer applies); called by
        `web.security.guard_requests` for every request."""
        self._requested = True

    def stale(self, now: float, limits: Limits) -> bool:
        if not self._requested and now - self._opened > limits.header_timeout:
            return True
        return now - self._last_in > limits.idle_timeout

    def handle_error(self, request: web.BaseRequest, status: int = 500,
                     exc: BaseException | None = None,
                     message: str | None = None) -> web.StreamResponse:
        """aiohttp's errors (a malformed request line or header): same headers as every
        other response, a plain message that repeats nothing of the request, no address."""
        self._requested = True
        # The kind is part of the template: `web.logs` lets one line per kind a minute.
        kind = type(exc).__name__ if exc else str(status)
        _log.info("refused a malformed request: " + kind.replace("%", ""))
        if request.writer.output_size > 0:
            raise ConnectionError("response already started")
        text = "The request could not be read." if status < 500 else \
            "Something went wrong on the facilitator's laptop."
        response = error_response(request, status, "bad-request" if status < 500 else
                                  "internal", text, dict(HEADERS))
        response.force_close()
        return response


class GuardedSite(web.BaseSite):
    """A TCP site whose connections are `GuardedHandler`s sharing one `Guard`."""

    def __init__(self, runner: web.AppRunner, host: str, port: int, guard: Guard,
                 handler_args: dict[str, object]) -> None:
        super().__init__(runner)
        self._host, self._port = host, port
        self._guard = guard
        self._handler_args = handler_args
        self.bound_port = 0

    @property
    def name(self) -> str:
        return f"http://{self._host}:{self.bound_port}"

    async def start(self) -> None:
        await super().start()
        loop = asyncio.get_running_loop()
        server = self._runner.server
        assert server is not None

        def factory() -> GuardedHandler:
            return GuardedHandler(server, self._guard, loop=loop, **self._handler_args)

        # A room reconnecting at once (1,000 phones after a restart) must not overflow the
        # accept queue: a dropped SYN is retried only after a second or more.
        self._server = await loop.create_server(factory, self._host, self._port,
                                                backlog=BACKLOG)
        sockets = self._server.sockets
        self.bound_port = int(sockets[0].getsockname()[1]) if sockets else self._port

    async def stop(self) -> None:
        self._guard.stop()
        await super().stop()
