"""Hostile clients against the real phone server: idle sockets and malformed requests.

    python benchmarks/hostile_clients.py --idle 1000 --malformed 1000 --phones 100 --json

The real `PollServer` (its own thread, a run journal, default limits: 10 s header timeout,
connection cap) serves the bundled session. N real phones (aiohttp, each from its own
127.0.x.y address) answer in a loop: first alone (the baseline), then while this process
opens `--idle` sockets that never send a byte and sends `--malformed` broken requests.

Figures: the phones' ack p50/p99 alone and under attack; the malformed requests' statuses
(any 5xx is an error); how many idle sockets the server closed and when; the log lines
and bytes the server wrote meanwhile; errors (phone requests that failed).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import aiohttp

from facilitator.core.runs.journal import file_hash
from facilitator.core.runs.resume import start_run
from facilitator.core.session.loader import load_session
from facilitator.services.assets import resource_path, slide_file
from facilitator.web.server import PollServer

MALFORMED = [
    b"GARBAGE / HTTP/1.1\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
    b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\n\r\n",
    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + os.urandom(40),  # a TLS hello
    b"POST /api/answer HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
]


class Counting(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines = 0
        self.bytes = 0
        self.text: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        line = self.format(record)
        self.lines += line.count("\n") + 1
        self.bytes += len(line) + 1
        if len(self.text) < 20:
            self.text.append(line)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values) or [0.0]
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def phone_loop(server: PollServer, poll: str, options: list[str], index: int,
                     until: float, acks: list[float], errors: Counter[str]) -> None:
    address = f"127.0.{2 + index // 250}.{1 + index % 250}"
    connector = aiohttp.TCPConnector(limit=2, local_addr=(address, 0))
    jar = aiohttp.CookieJar(unsafe=True)  # cookies for an IP address host
    async with aiohttp.ClientSession(server.base_url, connector=connector,
                                     cookie_jar=jar) as session:
        path = server.join_url.removeprefix(server.base_url)
        async with session.get(path, allow_redirects=False) as joined:
            if joined.status != 303:
                errors[f"join {joined.status}"] += 1
                return
        rng = random.Random(index)
        while time.monotonic() < until:
            started = time.perf_counter()
            try:
                async with session.post("/api/answer", json={
                        "poll": poll, "answer": rng.choice(options)},
                        headers={"Origin": server.base_url}) as answered:
                    await answered.read()
                    if answered.status == 200:
                        acks.append((time.perf_counter() - started) * 1000)
                    elif answered.status != 429:
                        errors[f"answer {answered.status}"] += 1
            except aiohttp.ClientError as error:
                errors[type(error).__name__] += 1
            await asyncio.sleep(rng.uniform(0.2, 0.6))


async def phase(server: PollServer, poll: str, options: list[str], phones: int,
                seconds: float) -> tuple[list[float], Counter[str]]:
    acks: list[float] = []
    errors: Counter[str] = Counter()
    until = time.monotonic() + seconds
    await asyncio.gather(*(phone_loop(server, poll, options, i, until, acks, errors)
                           for i in range(phones)))
    return acks, errors


async def malformed(port: int, data: bytes) -> int:
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        return -1
    try:
        writer.write(data)
        await writer.drain()
        line = await asyncio.wait_for(reader.readline(), 15)
    except (TimeoutError, OSError):
        return -1
    finally:
        writer.close()
    parts = line.split()
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0


async def idle_socket(port: int, held: list[tuple[asyncio.StreamReader, Any]]) -> None:
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        return
    held.append((reader, writer))  # the writer too: dropping it would close the socket


async def attack(server: PollServer, args: argparse.Namespace, poll: str,
                 options: list[str]) -> dict[str, Any]:
    held: list[tuple[asyncio.StreamReader, Any]] = []
    opened = time.monotonic()
    for start in range(0, args.idle, 100):
        await asyncio.gather(*(idle_socket(server.port, held)
                               for _ in range(min(100, args.idle - start))))
    statuses: Counter[int] = Counter()
    phones = asyncio.ensure_future(phase(server, poll, options, args.phones, args.seconds))
    for start in range(0, args.malformed, 100):
        batch = [malformed(server.port, MALFORMED[(start + i) % len(MALFORMED)])
                 for i in range(min(100, args.malformed - start))]
        statuses.update(await asyncio.gather(*batch))
    acks, errors = await phones
    # The idle sockets: how many has the server closed (EOF), and by when?
    closed_at: list[float] = []

    async def wait_eof(reader: asyncio.StreamReader) -> None:
        try:
            if await asyncio.wait_for(reader.read(1), 30) == b"":
                closed_at.append(time.monotonic() - opened)
        except (TimeoutError, OSError):
            pass

    await asyncio.gather(*(wait_eof(reader) for reader, _writer in held))
    for _reader, writer in held:
        writer.close()
    return {"acks": acks, "errors": errors, "statuses": statuses, "held": len(held),
            "closed": len(closed_at), "closed_by_s": max(closed_at, default=0.0)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--idle", type=int, default=1000)
    parser.add_argument("--malformed", type=int, default=1000)
    parser.add_argument("--phones", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=8.0, help="each phone phase")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    counting = Counting()
    logging.getLogger().addHandler(counting)
    logging.getLogger().setLevel(logging.INFO)
    loaded = load_session(slide_file())
    assert loaded.session is not None
    poll = next(p for p in loaded.session.polls if p.options and p.type.value == "single")
    with tempfile.TemporaryDirectory(prefix="hostile-") as data:
        run = start_run(Path(data), loaded.session.polls,
                        session_hash=file_hash(slide_file().read_bytes()), title="hostile")
        run.box.open(poll.id)
        server = PollServer(run.box, run.room, resource_path("web"), host="127.0.0.1", port=0)
        server.start()
        options = [o.id for o in poll.options]
        try:
            base_acks, base_errors = asyncio.run(
                phase(server, poll.id, options, args.phones, args.seconds))
            logged_before = counting.lines
            hostile = asyncio.run(attack(server, args, poll.id, options))
            guard = server.guard
            assert guard is not None
            hostile["guard"] = {"refused_503": guard.refused, "closed_by_timeouts":
                                guard.closed_stale, "peak_connections": guard.peak}
        finally:
            server.stop()
            run.journal.close()
    statuses = hostile["statuses"]
    result = {
        "phones": args.phones,
        "ack_p50_ms_alone": round(percentile(base_acks, 50), 1),
        "ack_p99_ms_alone": round(percentile(base_acks, 99), 1),
        "ack_p50_ms_attacked": round(percentile(hostile["acks"], 50), 1),
        "ack_p99_ms_attacked": round(percentile(hostile["acks"], 99), 1),
        "acks_alone": len(base_acks),
        "acks_attacked": len(hostile["acks"]),
        "idle_sockets_opened": hostile["held"],
        "idle_sockets_closed_by_server": hostile["closed"],
        "idle_closed_within_s": round(hostile["closed_by_s"], 1),
        "malformed_statuses": {str(k): v for k, v in sorted(statuses.items())},
        "server_5xx": sum(v for k, v in statuses.items() if k >= 500),
        "log_lines_during_attack": counting.lines - logged_before,
        "log_bytes_total": counting.bytes,
        "log_sample": counting.text[:5],
        **hostile["guard"],
        "errors": sum(base_errors.values()) + sum(hostile["errors"].values()),
        "error_kinds": sorted(set(base_errors) | set(hostile["errors"]))[:5],
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:<32} {value}")
    return 0 if result["errors"] == 0 and result["server_5xx"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
