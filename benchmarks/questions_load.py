"""Anonymous questions under load: N phones (default 1,000) on one server, each with its
live socket open, every phone asks one question, the facilitator approves 20, every phone
votes for 5 of them. Prints ask and vote acknowledgement times, how many list pushes a
phone received, and checks that every acknowledged vote is counted (none lost, none doubled).

    python benchmarks/questions_load.py [--phones 1000]

Each phone has its own loopback address (127.0.x.y) as on a real LAN, so the per-address
device limit applies as it would in a room. A real run journal records everything.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from facilitator.core.questions.box import QuestionState
from facilitator.core.runs.resume import start_run
from facilitator.core.session.loader import load_session
from facilitator.services.assets import resource_path, slide_file
from facilitator.web.server import PollServer
from tests.web.live_phone import LivePhone

APPROVED = 20
VOTES_EACH = 5


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


async def timed_post(phone: LivePhone, path: str, body: object) -> tuple[float, int]:
    started = time.perf_counter()
    try:
        async with phone.session.post(phone.base + path, json=body,
                                      headers={"Origin": phone.origin}) as response:
            await response.read()
            return time.perf_counter() - started, response.status
    except (TimeoutError, OSError):  # counted as not acknowledged (status 0)
        return time.perf_counter() - started, 0


async def vote_in_turn(phone: LivePhone, questions: list[int]) -> list[tuple[float, int]]:
    """A person taps one vote after another, each once the last is acknowledged."""
    return [await timed_post(phone, f"/api/questions/q{q}/vote", {"vote": True})
            for q in questions]


async def main(count: int) -> int:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, count * 3 + 200)), hard))
    session = load_session(slide_file()).session
    assert session is not None
    folder = Path(tempfile.mkdtemp(prefix="questions-load-"))
    run = start_run(folder, session.polls, session_hash="bench", title=session.title)
    # A run takes 300 questions by default (a queue one person can read); here every phone
    # asks, so the room's total is raised to the number of phones.
    run.questions.limits = replace(run.questions.limits, total=max(count, 300))
    server = PollServer(run.box, run.room, resource_path("web"), host="127.0.0.1", port=0,
                        questions=run.questions)
    server.start()
    rng = random.Random(3)
    phones = [LivePhone(server.base_url, rng, f"127.0.{2 + i // 250}.{1 + i % 250}")
              for i in range(count)]
    try:
        for start in range(0, count, 100):
            batch = phones[start:start + 100]
            await asyncio.gather(*(phone.join(server.join_url) for phone in batch))
            for phone in batch:
                phone.start()
        started = time.perf_counter()
        asks = await asyncio.gather(*(timed_post(p, "/api/questions", {"text": f"Question {i}"})
                                      for i, p in enumerate(phones)))
        ask_seconds = time.perf_counter() - started
        ask_ok = sum(status == 200 for _, status in asks)
        for number in range(1, APPROVED + 1):
            server.call(run.questions.decide, f"q{number}", QuestionState.APPROVED).result(10)
        chosen = {i: rng.sample(range(1, APPROVED + 1), VOTES_EACH) for i in range(count)}
        started = time.perf_counter()
        votes = [v for each in await asyncio.gather(*(
            vote_in_turn(phones[i], chosen[i]) for i in range(count))) for v in each]
        vote_seconds = time.perf_counter() - started
        vote_ok = sum(status == 200 for _, status in votes)
        await asyncio.sleep(1.5)  # the last coalesced push
        counted = server.call(lambda: sum(q.votes for q in run.questions.public())).result(10)
        pushes = [phone.question_pushes for phone in phones]
        pushed_total = sum(q["votes"] for q in phones[0].questions)
    finally:
        for phone in phones:
            await phone.close()
        server.stop()
        run.journal.finish()
        run.journal.close()
    asked = [seconds for seconds, _ in asks]
    voted = [seconds for seconds, _ in votes]
    print(f"phones: {count}")
    print(f"asks: {ask_ok}/{count} acknowledged in {ask_seconds:.2f} s; ack p50 "
          f"{percentile(asked, 50) * 1000:.0f} ms, p95 {percentile(asked, 95) * 1000:.0f} ms, "
          f"p99 {percentile(asked, 99) * 1000:.0f} ms")
    print(f"votes: {vote_ok}/{len(votes)} acknowledged in {vote_seconds:.2f} s; ack p50 "
          f"{percentile(voted, 50) * 1000:.0f} ms, p95 {percentile(voted, 95) * 1000:.0f} ms, "
          f"p99 {percentile(voted, 99) * 1000:.0f} ms")
    print(f"votes counted: {counted} (acknowledged {vote_ok}); last list pushed to a phone "
          f"sums {pushed_total}; list pushes per phone: min {min(pushes)}, max {max(pushes)}")
    return 0 if counted == vote_ok == pushed_total and ask_ok == count else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=1000)
    sys.exit(asyncio.run(main(parser.parse_args().phones)))
