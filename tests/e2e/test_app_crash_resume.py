"""kill -9 of the desktop app with a poll open, then `run --resume`: nothing acknowledged is
lost or doubled, and phones come back by themselves with their own answers.

A real `facilitator run` subprocess (offscreen Qt), real phones (aiohttp clients, one cookie
jar each, with the phone page's reconnect policy), a real SIGKILL. 127.0.0.1 only.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from facilitator.core.runs.catalogue import export_run, list_runs
from facilitator.services.run_journal import runs_folder
from tests.web.live_phone import LivePhone

PHONES = 6
POLL = "term"
# The first slide is the poll, so the app opens it at start without a key press.
SESSION = """\
---
title: Crash check
region: us
---

# Check-in (5 min)

## How is the term going?

```poll
id: term
question: How is the term going so far?
type: single
options:
- Fine
- Busy
- Hard
- Very hard
```

## If today brought something up

```resources
```
"""


class AppProcess:
    """`facilitator run FILE --host 127.0.0.1` in a real subprocess. Its stdout is read for
    the `Join: URL` line; Qt's chatter on stderr goes to a log file."""

    def __init__(self, log: Path, *args: str) -> None:
        self.args = args
        self.log = log
        self.process: asyncio.subprocess.Process | None = None
        self.lines: list[str] = []

    async def start(self) -> str:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        with self.log.open("ab") as log:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "facilitator", "run", *self.args,
                stdout=subprocess.PIPE, stderr=log, env=env,
            )
        assert self.process.stdout is not None
        async with asyncio.timeout(60):
            while line := (await self.process.stdout.readline()).decode():
                self.lines.append(line.rstrip())
                if line.startswith("Join: "):
                    return line.removeprefix("Join: ").strip()
        raise AssertionError(f"no Join line: {self.lines}\n{self.log.read_text()}")

    async def stop(self, signal_number: int) -> int:
        """Send `signal_number`, then SIGKILL if it is still running after 10 s."""
        assert self.process is not None
        if self.process.returncode is None:
            self.process.send_signal(signal_number)
        try:
            async with asyncio.timeout(10):
                return await self.process.wait()
        except TimeoutError:
            self.process.kill()
            async with asyncio.timeout(10):
                return await self.process.wait()


@pytest.fixture
async def launch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                 ) -> AsyncIterator[Callable[..., AppProcess]]:
    """Makes app processes with private settings and data; none outlives the test."""
    monkeypatch.setenv("FACILITATOR_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("FACILITATOR_CONFIG", str(tmp_path / "config" / "settings.toml"))
    made: list[AppProcess] = []

    def make(*args: str) -> AppProcess:
        made.append(AppProcess(tmp_path / "app.log", *args))
        return made[-1]

    yield make
    for app in made:
        if app.process is not None and app.process.returncode is None:
            await app.stop(signal.SIGTERM)


def room_and_token(join_url: str) -> tuple[str, list[str]]:
    parts = urlsplit(join_url)
    return parts.path, parse_qs(parts.query)["t"]


async def phone_state(phone: LivePhone) -> dict[str, Any]:
    """What GET /api/state tells this phone (its cookie says who it is)."""
    async with phone.session.get(phone.base + "/api/state") as response:
        assert response.status == 200, await response.text()
        message: dict[str, Any] = json.loads(await response.text())
    return message


def shares_total(message: dict[str, Any]) -> float:
    """Phones see shares rounded to 5 %, never counts; together they make about 100 %."""
    tally = message["state"]["results"]["tally"]
    assert tally is not None, message["state"]["results"]
    assert all("count" not in bar for bar in tally["bars"])
    return float(sum(bar["share"] for bar in tally["bars"]))


async def test_kill_9_of_the_app_then_resume_keeps_every_acknowledged_answer(
        tmp_path: Path, launch: Callable[..., AppProcess]) -> None:
    session_file = tmp_path / "crash.md"
    session_file.write_text(SESSION, encoding="utf-8")
    first = launch(str(session_file), "--host", "127.0.0.1", "--port", "0")
    join_url = await first.start()
    base = join_url.split("/j/")[0]
    rng = random.Random(9)
    # Each phone from its own loopback address, as in a room (two devices per address).
    phones = [LivePhone(base, rng, f"127.0.3.{i + 1}") for i in range(PHONES)]
    try:
        for phone in phones:
            await phone.join(join_url)
            phone.start()
        for phone in phones:
            await phone.wait_until(lambda p: p.connected and p.poll_id == POLL, timeout=15)
        poll = phones[0].state["poll"] if phones[0].state else {}
        options = [option["id"] for option in poll["options"]]
        acked: dict[int, str] = {}
        for index, phone in enumerate(phones):
            status, body = await phone.answer(POLL, options[index % len(options)])
            assert status == 200, body
            acked[index] = options[index % len(options)]

        assert await first.stop(signal.SIGKILL) == -signal.SIGKILL
        for phone in phones:
            await phone.wait_until(lambda p: not p.connected, timeout=10)
        (run,) = list_runs(runs_folder())
        assert run.status == "interrupted"

        # Back on the port the phones know, so they find it by themselves.
        port = str(urlsplit(join_url).port)
        second = launch(str(session_file), "--host", "127.0.0.1", "--port", port, "--resume")
        resumed_url = await second.start()
        assert room_and_token(resumed_url) == room_and_token(join_url)  # the QR still works
        assert resumed_url == join_url
        for phone in phones:
            await phone.wait_until(lambda p: p.connected and p.poll_id == POLL, timeout=20)
            assert phone.connects == 2
        for index, phone in enumerate(phones):
            message = await phone_state(phone)
            assert message["state"]["poll"]["id"] == POLL
            assert message["you"]["answer"] == acked[index]
            assert abs(shares_total(message) - 1) <= 0.1  # past the threshold of 5: a tally

        # A resent answer (a double tap after reconnecting) and a real change: still 6.
        status, _ = await phones[1].answer(POLL, acked[1])
        assert status == 200
        acked[2] = options[0] if acked[2] != options[0] else options[1]
        status, _ = await phones[2].answer(POLL, acked[2])
        assert status == 200
        message = await phone_state(phones[2])
        assert message["you"]["answer"] == acked[2]
        # One changed answer is not published on its own (a watcher would learn it); the
        # export below holds every answer.
        assert abs(shares_total(message) - 1) <= 0.1
    finally:
        for phone in phones:
            with contextlib.suppress(Exception):
                await phone.close()

    # SIGTERM (logout, shutdown) ends the session properly: the run is finished, not
    # left "interrupted", and the process exits normally.
    assert await second.stop(signal.SIGTERM) == 0
    (run,) = list_runs(runs_folder())
    assert run.status == "finished"
    exported = json.loads(export_run(run.path))
    assert exported["polls"][POLL]["count"] == PHONES
    assert Counter(exported["polls"][POLL]["answers"]) == Counter(acked.values())
    # Finished by SIGTERM: unlinked, no key and no device pseudonym left in the file.
    with sqlite3.connect(run.path) as db:
        assert db.execute("SELECT count(*) FROM secret").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM answer WHERE device IS NOT NULL").fetchone() \
            == (0,)
    assert "Traceback" not in (tmp_path / "app.log").read_text(encoding="utf-8")
