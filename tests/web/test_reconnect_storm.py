"""Reconnect storm: a full room of live phones, the server restarted, every phone back
with its answer, tallies unchanged, nothing counted twice.

The server is restarted in-process from its run journal (the crash test covers a real
process and a real kill); the phones are aiohttp clients with the phone page's backoff and
jitter, each from its own loopback address as in a real room. How long the storm takes
depends on the machine and its load, so the test asserts no time: the same scenario is
`benchmarks/reconnect_storm.py`, which prints the figure.
"""

from __future__ import annotations

import asyncio
import random
import resource
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator.core.runs.journal import file_hash
from facilitator.core.runs.resume import Run, resume_run, start_run
from facilitator.core.session.loader import load_session
from facilitator.services.assets import resource_path, slide_file
from facilitator.web.server import PollServer
from tests.web.live_phone import LivePhone, free_port

PHONES = 1000
RECONNECT_DEADLINE = 60.0  # a hung reconnect fails the test rather than hanging it
POLL = "room-check"
OPTIONS: list[str] = []


@pytest.fixture
def many_files() -> Iterator[None]:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = min(hard, max(soft, PHONES * 3 + 200))
    if wanted < PHONES * 3:
        pytest.skip(f"open-files limit {hard} is too low for {PHONES} phones")
    resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    yield
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def serve(run: Run, port: int) -> PollServer:
    server = PollServer(run.box, run.room, resource_path("web"), host="127.0.0.1", port=port)
    server.start()
    assert server.port == port
    return server


def tallies(run: Run, server: PollServer) -> dict[str, int]:
    def count() -> dict[str, int]:
        return {poll.id: run.box.results(poll.id).responses for poll in run.box.polls}

    return server.call(count).result(10)


async def test_a_thousand_phones_all_reconnect_with_their_answers(tmp_path: Path,
                                                                  many_files: None) -> None:
    took = await reconnect_storm(tmp_path, PHONES)
    print(f"{PHONES} phones reconnected in {took:.2f} s (a figure, not a pass mark)")


async def reconnect_storm(folder: Path, count: int) -> float:
    """Join `count` phones, let half answer, restart the server from its journal, and wait
    for every phone to come back. Checks that each phone reconnected exactly once, that the
    tallies are as before and no answer was counted twice; returns the seconds from the
    restart until the last phone was back."""
    session = load_session(slide_file()).session
    assert session is not None
    poll = session.poll(POLL)
    assert poll is not None
    OPTIONS[:] = [option.id for option in poll.options]
    digest = file_hash(slide_file().read_bytes())
    run = start_run(folder, session.polls, session_hash=digest, title=session.title)
    run.box.open(POLL)
    port = free_port()
    server = serve(run, port)
    rng = random.Random(7)
    phones = [
        LivePhone(server.base_url, rng, f"127.0.{2 + i // 250}.{1 + i % 250}")
        for i in range(count)
    ]
    try:
        for start in range(0, count, 100):
            batch = phones[start : start + 100]
            await asyncio.gather(*(phone.join(server.join_url) for phone in batch))
            for phone in batch:
                phone.start()
        await asyncio.gather(*(answer(phone, rng) for phone in phones[: count // 2]))
        await all_connected(phones, timeout=60)
        before = tallies(run, server)
        assert before[POLL] == count // 2

        await asyncio.to_thread(server.stop)
        run.journal.close()
        await asyncio.gather(*(p.wait_until(lambda p: not p.connected, 20) for p in phones))
        started = time.monotonic()
        run = resume_run(run.journal.path, session.polls, session_hash=digest)
        server = await asyncio.to_thread(serve, run, port)
        await all_connected(phones, timeout=RECONNECT_DEADLINE)
        took = time.monotonic() - started
        assert all(phone.connects == 2 for phone in phones)  # every phone back, once
        assert tallies(run, server) == before  # no answer lost, none counted twice
        answered = [phone for phone in phones if phone.you and phone.you["answer"]]
        assert len(answered) == count // 2  # each phone still sees its own answer
        return took
    finally:
        await asyncio.gather(*(phone.close() for phone in phones))
        await asyncio.to_thread(server.stop)
        run.journal.close()


async def answer(phone: LivePhone, rng: random.Random) -> None:
    status, body = await phone.answer(POLL, rng.choice(OPTIONS))
    assert status == 200, body


async def all_connected(phones: list[LivePhone], timeout: float) -> None:
    await asyncio.gather(
        *(p.wait_until(lambda p: p.connected and p.poll_id == POLL, timeout) for p in phones)
    )
