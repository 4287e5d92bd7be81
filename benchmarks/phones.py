"""N simulated phones in one process (asyncio + aiohttp client), driven by poll_load.py.

Every phone joins with the QR link (its own cookie jar, and its own loopback source address
127.0.x.y, so the server sees N devices from N addresses as in a real room), holds the
live WebSocket, and answers each poll that appears on it after a human-like pause,
sometimes changing its answer. The conductor talks to this process by lines on stdin and
stdout:

    -> ready                       all phones joined and connected
    <- ask SPREAD                  Q&A: every phone asks one question within SPREAD seconds,
                                   and votes for approved questions as their list arrives
    <- capacity URL SECONDS        every phone answers in a closed loop against URL
    -> capacity VOTES ERRORS       votes acknowledged in that window
    <- report                      print the measurements as one JSON line, then exit
"""

from __future__ import annotations

import asyncio
import gc
import json
import random
import resource
import sys
import time
from dataclasses import dataclass, field
from typing import Any

import aiohttp

WORDS = ("tired", "numb", "hopeful", "busy", "ok", "flat", "proud", "worn out")
TEXTS = (
    "More time to talk after hard cases",
    "<script>alert('x')</script> protected time",
    "‮reversed‬ and zero​width",
)


@dataclass
class Phone:
    index: int
    session: aiohttp.ClientSession
    socket: aiohttp.ClientWebSocketResponse | None = None
    seen_poll: str | None = None
    poll: dict[str, Any] | None = None
    acked: dict[str, Any] = field(default_factory=dict)  # poll id -> last acknowledged answer
    answering: asyncio.Task[None] | None = None
    listening: asyncio.Future[None] | None = None
    asked: str | None = None  # the text of this phone's acknowledged question
    votes_acked: list[str] = field(default_factory=list)  # question ids
    approved: list[str] = field(default_factory=list)  # ids in the last pushed list
    questioning: asyncio.Task[None] | None = None  # asking or voting, one at a time

    @property
    def cookie(self) -> str:
        for morsel in self.session.cookie_jar:
            if morsel.key == "facilitator_device":
                return morsel.value
        return ""


@dataclass
class Stats:
    acks_ms: list[float] = field(default_factory=list)
    acks_at: list[float] = field(default_factory=list)  # monotonic time of each ack
    seen: list[tuple[float, str]] = field(default_factory=list)  # (monotonic, poll id)
    errors: list[str] = field(default_factory=list)
    limited: int = 0
    late: int = 0  # answers that arrived after the facilitator moved on (409 not-open)
    messages: int = 0
    loop_lag_ms: list[float] = field(default_factory=list)
    saturating: bool = False
    qa_acks_ms: list[float] = field(default_factory=list)  # asks and votes, POST to ack
    asks: int = 0
    votes: int = 0
    qa_limited: int = 0  # 429s from the question API (rate or the run's question total)


def random_answer(poll: dict[str, Any], rng: random.Random) -> Any:
    kind = poll["type"]
    if poll.get("prefer_not_to_say") and rng.random() < 0.05:
        return "prefer-not-to-say"
    if kind in ("single", "yes-no"):
        return rng.choice(poll["options"])["id"]
    if kind == "multiple":
        ids = [option["id"] for option in poll["options"]]
        return rng.sample(ids, rng.randint(1, min(len(ids), poll["max_choices"])))
    if kind == "scale":
        return rng.randint(poll["scale"]["min"], poll["scale"]["max"])
    if kind == "matrix":
        scale = poll["scale"]
        return {row["id"]: rng.randint(scale["min"], scale["max"]) for row in poll["rows"]}
    if kind == "word":
        return rng.choice(WORDS)
    return rng.choice(TEXTS)


class Crowd:
    def __init__(self, config: dict[str, Any]) -> None:
        self.base = config["base_url"]
        self.join_path = config["join_path"]
        self.origin = self.base
        self.think = float(config["think"])
        self.change = float(config["change"])
        self.rng = random.Random(config.get("seed", 1))
        self.stats = Stats()
        self.phones: list[Phone] = []
        self.capacity_url: str | None = None
        self._parsed: tuple[str, dict[str, Any]] = ("", {})
        self.votes_each = int(config.get("votes_each", 3))
        self.qa = False  # set by the conductor's `ask`: phones then vote on pushed lists
        self._approved: tuple[str, list[str]] = ("", [])

    async def connect(self, count: int) -> None:
        self.phones = [self._new_phone(i) for i in range(count)]
        for start in range(0, count, 100):  # a room does not scan all at the same millisecond
            await asyncio.gather(*(self._join(p) for p in self.phones[start : start + 100]))

    def _new_phone(self, index: int) -> Phone:
        address = f"127.0.{2 + index // 250}.{1 + index % 250}"
        connector = aiohttp.TCPConnector(limit=4, local_addr=(address, 0))
        timeout = aiohttp.ClientTimeout(total=30)
        # unsafe=True: keep cookies from an IP-address host, as a phone's browser does.
        jar = aiohttp.CookieJar(unsafe=True)
        return Phone(
            index, aiohttp.ClientSession(connector=connector, timeout=timeout, cookie_jar=jar)
        )

    async def _join(self, phone: Phone) -> None:
        async with phone.session.get(self.base + self.join_path, allow_redirects=False) as r:
            if r.status != 303:
                self.stats.errors.append(f"join {r.status}")
                return
        await self._open_socket(phone)

    async def _open_socket(self, phone: Phone) -> None:
        phone.socket = await phone.session.ws_connect(
            self.base + "/ws", headers={"Origin": self.origin}, heartbeat=None, compress=15
        )  # compress=15: offer permessage-deflate, as browsers do
        phone.listening = asyncio.ensure_future(self._listen(phone))

    async def _listen(self, phone: Phone) -> None:
        assert phone.socket is not None
        async for message in phone.socket:
            if message.type is not aiohttp.WSMsgType.TEXT:
                break
            now = time.monotonic()
            self.stats.messages += 1
            if message.data.startswith('{"type": "questions"'):
                self._on_questions(phone, message.data)
                continue
            # Most messages are results for the poll already shown: skip parsing those, so
            # the one process playing a whole room spends its time on what phones send.
            if f'"poll": {{"id": "{phone.seen_poll}"' in message.data:
                continue
            # Every phone gets the same room part: parse it once for the whole crowd (each
            # real phone parses its own on its own CPU).
            shared = message.data[: message.data.rfind(',"you":')]
            if shared != self._parsed[0]:
                self._parsed = (shared, json.loads(shared + "}")["state"])
            poll = self._parsed[1].get("poll")
            if poll and poll["id"] != phone.seen_poll:
                phone.seen_poll = poll["id"]
                phone.poll = poll
                self.stats.seen.append((now, poll["id"]))
                if poll["open"] and self.capacity_url is None:
                    phone.answering = asyncio.ensure_future(self._answer_like_a_person(phone))

    async def _answer_like_a_person(self, phone: Phone) -> None:
        assert phone.poll is not None
        poll = phone.poll
        await asyncio.sleep(self.rng.uniform(0.1, self.think))
        await self._post(phone, self.base + "/api/answer", poll, record=True)
        if self.rng.random() < self.change:
            await asyncio.sleep(self.rng.uniform(0.1, self.think))
            await self._post(phone, self.base + "/api/answer", poll, record=True)

    async def _post(self, phone: Phone, url: str, poll: dict[str, Any], record: bool) -> bool:
        value = random_answer(poll, self.rng)
        started = time.perf_counter()
        try:
            # X-Sent: when the phone sent it (CLOCK_MONOTONIC, shared by the processes), for
            # answer_to_wall.py; the server ignores unknown headers.
            headers = {"Origin": self.origin, "X-Sent": f"{time.monotonic():.6f}"}
            async with phone.session.post(
                url, json={"poll": poll["id"], "answer": value}, headers=headers
            ) as response:
                body = await response.json()
        except (aiohttp.ClientError, TimeoutError, ValueError) as error:
            self.stats.errors.append(f"post {type(error).__name__}")
            return False
        elapsed = (time.perf_counter() - started) * 1000
        if response.status == 429:
            self.stats.limited += 1
            return False
        if response.status == 409 and body.get("error") == "not-open":
            # The slide moved on before this phone answered: refused, as for a person.
            self.stats.late += 1
            return False
        if response.status != 200:
            self.stats.errors.append(f"post {response.status} {body.get('error')}")
            return False
        if record:
            self.stats.acks_ms.append(elapsed)
            self.stats.acks_at.append(time.monotonic())
        if url == self.base + "/api/answer":
            phone.acked[poll["id"]] = body["answer"]
        return True

    # -- anonymous questions (Q&A) ---------------------------------------------------------

    def ask_all(self, spread: float) -> None:
        """Every phone asks one question at a moment of its own within `spread` seconds."""
        self.qa = True
        for phone in self.phones:
            phone.questioning = asyncio.ensure_future(self._ask(phone, spread))

    async def _ask(self, phone: Phone, spread: float) -> None:
        await asyncio.sleep(self.rng.uniform(0.1, spread))
        text = f"Phone {phone.index}: how do you notice numbness in yourself?"
        self.stats.asks += 1
        if await self._qa_post(phone, "/api/questions", {"text": text}):
            phone.asked = text
        await self._vote(phone)

    def _on_questions(self, phone: Phone, data: str) -> None:
        # Parsed once per distinct list for the whole crowd, as for the poll state.
        if data != self._approved[0]:
            listed = json.loads(data)["questions"]
            self._approved = (data, [q["id"] for q in listed if q["state"] == "approved"])
        phone.approved = self._approved[1]
        if self.qa and self.capacity_url is None and (
            phone.questioning is None or phone.questioning.done()
        ):
            phone.questioning = asyncio.ensure_future(self._vote(phone))

    async def _vote(self, phone: Phone) -> None:
        """Tap a vote for approved questions not voted yet, one after another, as a person
        reads the list, up to `votes_each`."""
        while len(phone.votes_acked) < self.votes_each and self.capacity_url is None:
            choices = [q for q in phone.approved if q not in phone.votes_acked]
            if not choices:
                return
            await asyncio.sleep(self.rng.uniform(0.3, self.think))
            question = self.rng.choice(choices)
            self.stats.votes += 1
            if not await self._qa_post(phone, f"/api/questions/{question}/vote", {"vote": True}):
                return  # refused: counted; this phone stops voting
            phone.votes_acked.append(question)

    async def _qa_post(self, phone: Phone, path: str, body: dict[str, Any]) -> bool:
        started = time.perf_counter()
        try:
            async with phone.session.post(
                self.base + path, json=body, headers={"Origin": self.origin}
            ) as response:
                reply = await response.json()
        except (aiohttp.ClientError, TimeoutError, ValueError) as error:
            self.stats.errors.append(f"qa {type(error).__name__}")
            return False
        if response.status == 429:
            self.stats.qa_limited += 1
            return False
        if response.status != 200:
            self.stats.errors.append(f"qa {response.status} {reply.get('error')}")
            return False
        self.stats.qa_acks_ms.append((time.perf_counter() - started) * 1000)
        return True

    async def capacity(self, url: str, seconds: float) -> tuple[int, int]:
        """Every phone answers in a closed loop for `seconds`; acknowledged votes, errors."""
        self.capacity_url = url
        self.stats.saturating = True
        errors_before = len(self.stats.errors)
        deadline = time.monotonic() + seconds
        votes = 0

        async def loop(phone: Phone) -> None:
            nonlocal votes
            poll = phone.poll
            if poll is None:
                return
            while time.monotonic() < deadline:
                if await self._post(phone, url, poll, record=False):
                    votes += 1

        await asyncio.gather(*(loop(phone) for phone in self.phones))
        return votes, len(self.stats.errors) - errors_before

    async def close(self) -> None:
        for phone in self.phones:
            if phone.socket is not None:
                await phone.socket.close()
            await phone.session.close()


async def watch_loop(stats: Stats) -> None:
    """How late a 10 ms timer fires in this process: an ack waits at least that long here,
    so it tells the simulator's own delay apart from the server's."""
    loop = asyncio.get_running_loop()
    while True:
        due = loop.time() + 0.01
        await asyncio.sleep(0.01)
        if not stats.saturating:  # the closed-loop capacity phases are busy by design
            stats.loop_lag_ms.append((loop.time() - due) * 1000)


async def main() -> None:
    config = json.loads(sys.argv[1])
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    crowd = Crowd(config)
    started = time.monotonic()
    await crowd.connect(int(config["phones"]))
    gc.freeze()  # the phones' long-lived objects need no more collecting: fewer GC pauses
    watching = asyncio.ensure_future(watch_loop(crowd.stats))
    print(f"ready {time.monotonic() - started:.3f}", flush=True)
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while line := (await reader.readline()).decode().split():
        if line[0] == "ask":
            crowd.ask_all(float(line[1]))
        elif line[0] == "capacity":
            votes, errors = await crowd.capacity(line[1], float(line[2]))
            print(f"capacity {votes} {errors}", flush=True)
        elif line[0] == "report":
            tasks = [t for p in crowd.phones for t in (p.answering, p.questioning) if t]
            pending = [task for task in tasks if not task.done()]
            await asyncio.gather(*pending, return_exceptions=True)
            report = {
                "acks_ms": crowd.stats.acks_ms,
                "acks_at": crowd.stats.acks_at,
                "seen": crowd.stats.seen,
                "errors": crowd.stats.errors,
                "limited": crowd.stats.limited,
                "late": crowd.stats.late,
                "messages": crowd.stats.messages,
                "acked": [(p.cookie, p.acked) for p in crowd.phones],
                "loop_lag_ms": crowd.stats.loop_lag_ms,
                "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "qa_acks_ms": crowd.stats.qa_acks_ms,
                "asks": crowd.stats.asks,
                "votes": crowd.stats.votes,
                "qa_limited": crowd.stats.qa_limited,
                "asked": [(p.cookie, p.asked, p.votes_acked) for p in crowd.phones],
            }
            print(json.dumps(report), flush=True)
            break
    watching.cancel()
    await crowd.close()


if __name__ == "__main__":
    asyncio.run(main())
