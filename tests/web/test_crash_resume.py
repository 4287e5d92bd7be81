"""kill -9 with a poll open, restart with --resume: nothing acknowledged is lost or doubled,
also answers acknowledged together after one group commit.

A real `facilitator serve --record` subprocess, real phones (aiohttp clients with the
phone page's reconnect policy), a real SIGKILL.
"""

from __future__ import annotations

import asyncio
import json
import random
import signal
import sqlite3
import subprocess
import sys
from collections import Counter

from facilitator.core.runs.catalogue import export_run, list_runs
from facilitator.services.assets import slide_file
from facilitator.services.run_journal import runs_folder
from tests.web.live_phone import LivePhone, ServeProcess, free_port

PHONES = 8
POLL = "room-check"
OPTIONS = ["o1", "o2", "o3", "o4"]


def serve_args(port: int, *extra: str) -> list[str]:
    # Every phone here shares 127.0.0.1, which the one-person limit would stop at two.
    return [str(slide_file()), "--host", "127.0.0.1", "--port", str(port),
            "--devices-per-address", "1000", *extra]


async def test_kill_9_then_resume_keeps_every_acknowledged_answer() -> None:
    port = free_port()
    first = ServeProcess(*serve_args(port, "--record", "--poll", POLL))
    join_url = await first.start()
    base = join_url.split("/j/")[0]
    rng = random.Random(5)
    phones = [LivePhone(base, rng) for _ in range(PHONES)]
    second: ServeProcess | None = None
    try:
        option_ids = await _join_all(phones, join_url)
        acked: dict[int, str] = {}
        for index, phone in enumerate(phones):
            value = option_ids[index % len(option_ids)]
            status, body = await phone.answer(POLL, value)
            assert status == 200, body
            acked[index] = value
        for index in (0, 3):  # two people change their minds
            value = option_ids[(index + 1) % len(option_ids)]
            status, _ = await phones[index].answer(POLL, value)
            assert status == 200
            acked[index] = value
        # Then everyone changes their answer at the same moment: answers arriving together
        # are group-committed (core.polls.answer_batch); each 200 must still mean "on disk".
        changed = {index: option_ids[(option_ids.index(acked[index]) + 1) % len(option_ids)]
                   for index in range(PHONES)}
        replies = await asyncio.gather(*(phones[index].answer(POLL, value)
                                         for index, value in changed.items()))
        assert [status for status, _ in replies] == [200] * PHONES
        acked.update(changed)

        assert await first.stop(signal.SIGKILL) == -signal.SIGKILL
        for phone in phones:
            await phone.wait_until(lambda p: not p.connected, timeout=10)
        (run,) = list_runs(runs_folder())
        assert run.status == "interrupted"

        second = ServeProcess(*serve_args(port, "--resume"))
        assert await second.start() == join_url  # same room code, token and port
        for phone in phones:  # they come back by themselves, with their own answer shown
            await phone.wait_until(lambda p: p.connected and p.poll_id == POLL, timeout=20)
        for index, phone in enumerate(phones):
            await phone.wait_until(lambda p: p.you is not None and "answer" in p.you, 5)
            assert phone.you is not None and phone.you["answer"] == acked[index]
            assert phone.connects == 2

        # A resent answer (a double tap after reconnecting) and a real change, after resume.
        status, _ = await phones[1].answer(POLL, acked[1])
        assert status == 200
        acked[2] = option_ids[0] if acked[2] != option_ids[0] else option_ids[1]
        status, _ = await phones[2].answer(POLL, acked[2])
        assert status == 200
        newcomer = LivePhone(base, rng)
        phones.append(newcomer)
        await newcomer.join(join_url)
        status, _ = await newcomer.answer(POLL, option_ids[3])
        assert status == 200
        acked[len(phones) - 1] = option_ids[3]
        results = await _results(phones[0])
        # A sensitive poll is revealed when it closes: the phones see no tally while open;
        # the export below checks every acknowledged answer.
        assert results["tally"] is None and results["waiting_for"] == 0
        cookies = [m.value for p in phones for m in p.session.cookie_jar]
    finally:
        for phone in phones:
            await phone.close()
        if second is not None:
            assert await second.stop(signal.SIGINT) == 0, second.lines
        await first.stop(signal.SIGKILL)

    (run,) = list_runs(runs_folder())
    assert run.status == "finished"
    exported = json.loads(export_run(run.path))
    answers = exported["polls"][POLL]["answers"]
    assert exported["polls"][POLL]["count"] == len(acked) == PHONES + 1
    assert Counter(answers) == Counter(acked.values())
    assert "Traceback" not in "\n".join(second.lines if second else [])
    # The journal knows phones only by keyed hashes: no cookie value is in it.
    stored = b"".join(path.read_bytes() for path in runs_folder().iterdir())
    assert len(cookies) == len(phones)
    assert not any(cookie.encode() in stored for cookie in cookies)
    # Ended with Ctrl+C: the run is unlinked. No device pseudonym, no key, times to the minute.
    with sqlite3.connect(run.path) as db:
        assert db.execute("SELECT count(*) FROM secret").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM device").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM answer WHERE device IS NOT NULL").fetchone() \
            == (0,)
        times = [at for (at,) in db.execute("SELECT at FROM answer")]
    assert len(times) == PHONES + 1 and all(at % 60 == 0 for at in times)


async def _join_all(phones: list[LivePhone], join_url: str) -> list[str]:
    for phone in phones:
        await phone.join(join_url)
        phone.start()
    for phone in phones:
        await phone.wait_until(lambda p: p.connected and p.poll_id == POLL, timeout=10)
    poll = phones[0].state["poll"] if phones[0].state else {}
    return [option["id"] for option in poll["options"]]


async def _results(phone: LivePhone) -> dict[str, object]:
    async with phone.session.get(phone.base + "/api/state") as response:
        assert response.status == 200
        state = (await response.json())["state"]
    results: dict[str, object] = state["results"]
    return results


def test_resume_without_a_recorded_run_is_a_clear_message() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "facilitator", "serve", *serve_args(free_port(), "--resume")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "no interrupted run of this file to resume" in done.stderr
    assert "Traceback" not in done.stderr
