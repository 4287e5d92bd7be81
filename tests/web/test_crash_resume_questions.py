"""kill -9 with questions asked, restart with --resume: every acknowledged question is still
in the run (and numbering goes on), as a real `facilitator serve --record` subprocess."""

from __future__ import annotations

import random
import signal
from typing import Any

from facilitator.core.runs.catalogue import list_runs
from facilitator.core.runs.journal import Journal
from facilitator.services.run_journal import runs_folder
from tests.web.live_phone import LivePhone, ServeProcess, free_port
from tests.web.test_crash_resume import POLL, serve_args


async def _ask(phone: LivePhone, text: str) -> tuple[int, Any]:
    async with phone.session.post(phone.base + "/api/questions", json={"text": text},
                                  headers={"Origin": phone.origin}) as response:
        return response.status, await response.json()


async def test_kill_9_then_resume_keeps_every_acknowledged_question() -> None:
    port = free_port()
    first = ServeProcess(*serve_args(port, "--record", "--poll", POLL))
    join_url = await first.start()
    base = join_url.split("/j/")[0]
    rng = random.Random(7)
    phones = [LivePhone(base, rng) for _ in range(3)]
    second: ServeProcess | None = None
    try:
        for phone in phones:
            await phone.join(join_url)
        assert await _ask(phones[0], "Asked before the crash") == (200, {"ok": True})
        assert await _ask(phones[1], "Also before the crash") == (200, {"ok": True})
        assert await first.stop(signal.SIGKILL) == -signal.SIGKILL
        second = ServeProcess(*serve_args(port, "--resume"))
        assert await second.start() == join_url
        assert await _ask(phones[2], "Asked after the resume") == (200, {"ok": True})
    finally:
        for phone in phones:
            await phone.close()
        if second is not None:
            assert await second.stop(signal.SIGINT) == 0, second.lines
        await first.stop(signal.SIGKILL)
    (run,) = list_runs(runs_folder())
    assert run.status == "finished"
    with Journal.open(run.path) as journal:
        assert [(q.id, q.text, str(q.state)) for q in journal.questions()] == [
            ("q1", "Asked before the crash", "pending"),
            ("q2", "Also before the crash", "pending"),
            ("q3", "Asked after the resume", "pending")]
