"""The phone server on its own thread and event loop, so the GUI never waits for it.

`PollServer.start()` returns once the socket is bound (or raises a readable OSError);
`stop()` closes every phone socket, releases the port and joins the thread. The ballot
box and room belong to this loop from `start()` on: other threads change them only through
`call()`, which runs a function on the loop and hands back a Future.

With `host=None` the server runs its loop and live hub but listens on no socket: the
desktop app without a usable network still changes the box on this loop, through the same
`call()` path, so there is one code path whether phones can join or not.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import errno
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from aiohttp import web

from facilitator.core.network import url_host
from facilitator.core.polls.ballot import BallotBox
from facilitator.core.polls.ratelimit import RateLimiter
from facilitator.core.polls.room import Room
from facilitator.web.app import create_app
from facilitator.web.guard import KEEPALIVE_TIMEOUT, Guard, GuardedSite, Limits
from facilitator.web.live import LiveHub, Subscriber
from facilitator.web.logs import quiet_logs
from facilitator.web.security import ALLOWED_HOSTS, allowed_hosts
from facilitator.web.support_page import SupportInfo

T = TypeVar("T")
PORT_TRIES = 20
WANTED_FILES = 16_384  # open files asked for at start: room for the connection cap
_log = logging.getLogger(__name__)


def raise_open_files(wanted: int = WANTED_FILES) -> int:
    """Raise the soft open-files limit towards `wanted` where the OS allows (256 by default
    on macOS: a few hundred idle sockets would stop the server). Returns the soft limit."""
    try:
        import resource  # not on Windows, whose limit is far higher anyway
    except ImportError:
        return wanted
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    # macOS refuses more than kern.maxfilesperproc (10,240 by default) even when the hard
    # limit says unlimited: step down until one is accepted.
    for step in (target, 10_240, 4_096, 1_024):
        if soft == resource.RLIM_INFINITY or soft >= min(step, target):
            break
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (min(step, target), hard))
            soft = min(step, target)
            break
        except (ValueError, OSError):
            continue  # not allowed: the connection cap keeps us inside the limit
    return wanted if soft == resource.RLIM_INFINITY else int(soft)


class PollServer:
    def __init__(self, box: BallotBox, room: Room, static_dir: Path, *, host: str | None,
                 port: int = 8765, support: SupportInfo | None = None,
                 interval: float = 0.1, limiter: RateLimiter | None = None,
                 limits: Limits | None = None) -> None:
        self.box = box
        self.room = room
        self.host = host
        self._wanted_port = port
        self._static_dir = static_dir
        self._support = support
        self._interval = interval
        self._limiter = limiter
        self.limits = limits or Limits()
        self.guard: Guard | None = None
        self._port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._hub: LiveHub | None = None
        self._subscribers: list[Subscriber] = []
        self._stopping: concurrent.futures.Future[None] | None = None

    # -- addresses -----------------------------------------------------------------------

    @property
    def port(self) -> int:
        return self._port

    @property
    def listening(self) -> bool:
        """Whether phones can reach it (False for the socket-less server of `host=None`)."""
        return self.host is not None and self.running

    @property
    def base_url(self) -> str:
        return f"http://{url_host(self.host)}:{self._port}" if self.host is not None else ""

    @property
    def join_url(self) -> str:
        """What the QR code carries: the room code and the secret token ("" offline)."""
        if self.host is None:
            return ""
        return f"{self.base_url}/j/{self.room.code}?t={self.room.token}"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- lifecycle -----------------------------------------------------------------------

    def subscribe(self, subscriber: Subscriber) -> None:
        """`subscriber(snapshot, status)` runs on the server thread after each coalesced change.

        Any thread, before or after `start()`.
        """
        self._subscribers.append(subscriber)
        if self._hub is not None:
            self.call(self._hub.subscribe, subscriber).result(5)

    def start(self) -> None:
        """Bind and serve; a busy port moves on to the next free one (port 0: any free port).
        Any thread but the server's; from here on the box belongs to the server's loop."""
        if self.running:
            raise RuntimeError("the server is already running (or still stopping)")
        self._loop = self._runner = self._hub = self._stopping = None
        self._port = 0
        started: concurrent.futures.Future[None] = concurrent.futures.Future()
        self._thread = threading.Thread(target=self._run, args=(started,),
                                        name="facilitator-web", daemon=True)
        self._thread.start()
        try:
            started.result(timeout=10)
        except BaseException:
            self._thread.join(timeout=5)
            if not self._thread.is_alive():  # the bind thread took the box; hand it back
                self.box.owner.claim()
                self.room.owner.claim()
            self._thread = None
            raise

    def stop(self, timeout: float = 5.0) -> bool:
        """Close phone sockets, release the port and end the thread. Safe to call twice.

        Any thread but the server's. True when the thread ended: the box and room then
        belong to the caller's thread. False when the loop did not finish in `timeout` (a
        handler stuck on a full disk, say): the daemon thread is left to die with the
        process and the box stays its own, so the caller must not touch it."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return True
        assert threading.current_thread() is not thread, "stop() would wait for itself"
        if thread.is_alive():
            deadline = time.monotonic() + timeout  # one budget for the shutdown and the join
            if self._stopping is None:  # asked once; a second stop() waits for the same
                self._stopping = asyncio.run_coroutine_threadsafe(self._shutdown(), loop)
            try:
                self._stopping.result(max(0.0, deadline - time.monotonic()))
            except concurrent.futures.TimeoutError:
                _log.warning("The phone server did not stop within %.1f s", timeout)
            except Exception as error:  # the loop still ends: _shutdown stops it regardless
                _log.warning("The phone server stopped with an error: %s",
                             type(error).__name__)
            thread.join(max(0.0, deadline - time.monotonic()))
            if thread.is_alive():
                return False
        self._thread = None
        self._stopping = None
        self.box.owner.claim()
        self.room.owner.claim()
        return True

    def call(self, fn: Callable[..., T], *args: object) -> concurrent.futures.Future[T]:
        """Run `fn(*args)` on the server loop (the ballot box's owner); any thread."""
        if self._loop is None:
            raise RuntimeError("server not started")
        future: concurrent.futures.Future[T] = concurrent.futures.Future()

        def run() -> None:
            try:
                future.set_result(fn(*args))
            except BaseException as error:  # handed to the caller, not lost on this thread
                future.set_exception(error)

        self._loop.call_soon_threadsafe(run)
        return future

    def poke(self) -> None:
        """Ask for a fresh publish (after changing the room, e.g. groups). Any thread."""
        if self._loop is not None and self._hub is not None:
            self._loop.call_soon_threadsafe(self._hub.poke)

    # -- on the server thread ------------------------------------------------------------

    def _run(self, started: concurrent.futures.Future[None]) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._bind())
        except BaseException as error:
            started.set_exception(error)
            loop.close()
            return
        started.set_result(None)
        try:
            loop.run_forever()
        finally:
            loop.close()

    async def _bind(self) -> None:
        self.box.owner.claim()  # from here on only this loop changes the box and the room
        self.room.owner.claim()
        self._hub = LiveHub(self.box, self.room, self._interval)
        for subscriber in self._subscribers:
            self._hub.subscribe(subscriber)
        if self.host is None:  # no socket: the loop owns the box, subscribers hear changes
            self._hub.poke()
            return
        app = create_app(self.box, self.room, self._static_dir, self._support, self._hub,
                         self._limiter)
        quiet_logs()
        files = raise_open_files()
        # Keep the cap inside the open-files limit (the journal, Qt and fonts need some).
        limits = Limits(self.limits.header_timeout, self.limits.idle_timeout,
                        max(16, min(self.limits.max_connections, files - 64)))
        self.guard = Guard(limits)
        # access_log=None: an access log line would hold a participant's IP address.
        handler_args: dict[str, object] = {
            "access_log": None, "keepalive_timeout": KEEPALIVE_TIMEOUT,
            "logger": logging.getLogger("facilitator.web.requests")}
        self._runner = web.AppRunner(app, shutdown_timeout=1.0, access_log=None,
                                     keepalive_timeout=KEEPALIVE_TIMEOUT,
                                     logger=logging.getLogger("facilitator.web.requests"))
        await self._runner.setup()
        ports = [0] if self._wanted_port == 0 else range(
            self._wanted_port, min(self._wanted_port + PORT_TRIES, 65536))
        last: OSError | None = None
        for port in ports:
            site = GuardedSite(self._runner, self.host, port, self.guard, handler_args)
            try:
                await site.start()
            except OSError as error:
                last = error
                if error.errno != errno.EADDRINUSE:
                    break
                continue
            self._port = site.bound_port
            app[ALLOWED_HOSTS].update(allowed_hosts(url_host(self.host), self._port)
                                      | allowed_hosts(self.host, self._port))
            self._hub.poke()
            return
        await self._runner.cleanup()
        raise OSError(
            last.errno if last else errno.EADDRINUSE,
            f"cannot listen on {self.host} port {self._wanted_port}: "
            f"{last.strerror if last else 'every port tried is busy'}",
        )

    async def _shutdown(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            if self._runner is not None:
                await self._runner.cleanup()  # closes the hub too (the app's on_shutdown)
            elif self._hub is not None:
                await self._hub.close()
        finally:  # a cleanup that fails must not leave the thread running forever
            loop.call_soon(loop.stop)
