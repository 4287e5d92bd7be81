"""The ceiling both load benchmarks compare against: aiohttp on its own thread answering a
JSON POST with JSON, nothing else (no cookie, no origin check, no ballot box, no journal)."""

from __future__ import annotations

import asyncio
import threading

from aiohttp import web


class BareServer:
    """Answers POST `path` on 127.0.0.1 at a free port (`port`, once started)."""

    def __init__(self, path: str = "/api/answer") -> None:
        self.path = path
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._runner: web.AppRunner | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)

    async def _answer(self, request: web.Request) -> web.Response:
        body = await request.json()
        return web.json_response({"ok": True, "poll": body["poll"], "answer": body["answer"]})

    async def _start(self) -> None:
        app = web.Application(client_max_size=4096)
        app.router.add_post(self.path, self._answer)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.port = int(self._runner.addresses[0][1])

    def start(self) -> None:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)

    def stop(self) -> None:
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
