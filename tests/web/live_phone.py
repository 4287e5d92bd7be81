"""A phone as the server sees it, in Python: cookie, live WebSocket, answers by POST.

Reconnects like resources/web/live.js: exponential backoff (0.5 s doubling, 15 s cap) with
full jitter, asking /api/state over HTTP first (403 means the session ended). Used by the
crash and reconnect-storm tests; every wait has a deadline.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import socket
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import aiohttp

BACKOFF_START = 0.5
BACKOFF_CAP = 15.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class LivePhone:
    def __init__(self, base_url: str, rng: random.Random, address: str = "127.0.0.1") -> None:
        self.base = base_url
        self.origin = base_url
        self._rng = rng
        connector = aiohttp.TCPConnector(limit=2, local_addr=(address, 0))
        # unsafe=True: keep cookies from an IP-address host, as a browser does.
        self.session = aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.CookieJar(unsafe=True),
            timeout=aiohttp.ClientTimeout(total=10),
        )
        self.state: dict[str, Any] | None = None
        self.you: dict[str, Any] | None = None
        self.connected = False
        self.connects = 0  # live sockets opened so far
        self.ended = False
        self.questions: list[dict[str, Any]] = []  # the last pushed list of approved questions
        self.question_pushes = 0
        self._changed = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    # -- HTTP -------------------------------------------------------------------------

    async def join(self, join_url: str) -> None:
        async with self.session.get(join_url, allow_redirects=False) as response:
            assert response.status == 303, response.status

    async def answer(self, poll_id: str, value: Any) -> tuple[int, dict[str, Any]]:
        async with self.session.post(
            self.base + "/api/answer",
            json={"poll": poll_id, "answer": value},
            headers={"Origin": self.origin},
        ) as response:
            return response.status, await response.json()

    # -- the live channel -------------------------------------------------------------

    def start(self) -> None:
        self._task = asyncio.ensure_future(self._live())

    async def _live(self) -> None:
        attempt = 0
        while not self.ended:
            try:
                async with self.session.get(self.base + "/api/state") as response:
                    if response.status == 403:
                        self.ended = True
                        break
                    if response.status == 200:
                        self._take(await response.text())
                async with self.session.ws_connect(
                    self.base + "/ws", headers={"Origin": self.origin}
                ) as ws:
                    attempt = 0
                    self.connected = True
                    self.connects += 1
                    async for message in ws:
                        if message.type is aiohttp.WSMsgType.TEXT:
                            self._take(message.data)
            except (aiohttp.ClientError, TimeoutError, ConnectionError):
                pass
            self.connected = False
            self._signal()
            delay = self._rng.uniform(0, min(BACKOFF_CAP, BACKOFF_START * 2**attempt))
            attempt += 1
            await asyncio.sleep(delay)

    def _take(self, text: str) -> None:
        message = json.loads(text)
        if message.get("type") == "questions":  # the approved list (web.questions)
            self.questions = message["questions"]
            self.question_pushes += 1
            self._signal()
            return
        self.state, self.you = message["state"], message["you"]
        self._signal()

    def _signal(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def wait_until(self, check: Callable[[LivePhone], bool], timeout: float) -> None:
        async with asyncio.timeout(timeout):
            while not check(self):
                await self._changed.wait()

    @property
    def poll_id(self) -> str | None:
        poll = (self.state or {}).get("poll")
        return poll["id"] if poll else None

    async def close(self) -> None:
        self.ended = True
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self.session.close()


class ServeProcess:
    """`facilitator serve` in a real subprocess; its output is drained so it never blocks."""

    def __init__(self, *args: str) -> None:
        self.args = args
        self.process: asyncio.subprocess.Process | None = None
        self.lines: list[str] = []
        self._drain: asyncio.Task[None] | None = None

    async def start(self) -> str:
        """Start it and return the join URL (its first line)."""
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "facilitator",
            "serve",
            *self.args,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        assert self.process.stdout is not None
        async with asyncio.timeout(30):
            first = (await self.process.stdout.readline()).decode().strip()
        assert first.startswith("Join: "), first + (await self.process.stdout.read()).decode()
        self._drain = asyncio.ensure_future(self._read(self.process.stdout))
        return first.removeprefix("Join: ")

    async def _read(self, stream: asyncio.StreamReader) -> None:
        while line := await stream.readline():
            self.lines.append(line.decode().rstrip())

    async def stop(self, signal_number: int) -> int:
        assert self.process is not None
        if self.process.returncode is None:
            self.process.send_signal(signal_number)
        async with asyncio.timeout(20):
            code = await self.process.wait()
            if self._drain is not None:
                await self._drain
        return code
