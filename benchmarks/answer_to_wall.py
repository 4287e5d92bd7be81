"""Answer to wall: from a phone's POST to the projector having painted the result.

    python benchmarks/answer_to_wall.py                  # 300 then 1,000 phones
    python benchmarks/answer_to_wall.py --phones 1000
    python benchmarks/answer_to_wall.py --quick          # 20 phones, 4 s (the test suite)

This process is the facilitator's laptop: the real `PollServer` on its thread with a run
journal, the `PollBridge`, and the projector's `PollChart` (offscreen Qt, 1280x720, as the
app plugs it over a poll slide: it follows the bridge and shows the open poll). The room is
`benchmarks/phones.py` in a second process: N phones that join with the QR link, hold the
live WebSocket and answer each poll 0.1 s to `--think` s after it appears, a quarter of
them changing their answer; each POST carries the phone's send time (X-Sent, from
CLOCK_MONOTONIC, which the processes share). The facilitator opens the next poll every
`--switch-every` seconds.

For every answer acknowledged while its poll was on the wall, the server notes the
ballot box's version right after storing it; the chart notes, after each paint, the
version of the snapshot it painted. An answer's wall time is its first paint with that
version or later, minus its send time. Every publication rule applies: the threshold
("Waiting for N more answers"), the live hub's coalescing (one snapshot per 0.1 s at
most) and the bridge's one queued delivery; that interval is the floor, and the script
prints it.
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aiohttp import web
from PySide6.QtCore import QEventLoop, QProcess, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

from facilitator.core.polls.ratelimit import RateLimiter
from facilitator.core.polls.room import RoomStatus
from facilitator.core.polls.snapshot import BallotSnapshot
from facilitator.core.runs.journal import file_hash
from facilitator.core.runs.resume import start_run
from facilitator.core.session.loader import load_session
from facilitator.qt.polls.bridge import PollBridge
from facilitator.qt.polls.chart import PollChart
from facilitator.services.assets import resource_path, slide_file
from facilitator.web import server as server_module
from facilitator.web.app import create_app
from facilitator.web.server import PollServer

TARGET_P99_S = 1.5  # at 1,000 phones


class TimedChart(PollChart):
    """The projector's chart, noting after each paint which snapshot version it showed."""

    def __init__(self, bridge: PollBridge, parent: QWidget) -> None:
        super().__init__(overlay=True, parent=parent, bridge=bridge)
        self.version = -1  # of the newest snapshot delivered (main thread)
        self.paints: list[tuple[float, int]] = []  # (monotonic after the paint, version)
        self.paint_ms: list[float] = []  # how long each paint took
        bridge.changed.connect(self._note_version)  # after the chart's own handler

    def _note_version(self, snapshot: BallotSnapshot, _status: RoomStatus) -> None:
        self.version = snapshot.version

    def paintEvent(self, event: QPaintEvent) -> None:
        started = time.monotonic()
        super().paintEvent(event)
        done = time.monotonic()
        self.paints.append((done, self.version))
        self.paint_ms.append((done - started) * 1000)


def first_at_or_after(stamps: list[tuple[float, int]], version: int) -> float | None:
    """The time of the first (time, version) entry showing `version` or a later one."""
    index = bisect.bisect_left(stamps, version, key=lambda stamp: stamp[1])
    return stamps[index][0] if index < len(stamps) else None


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] if values else 0.0


class Wall:
    def __init__(self, args: argparse.Namespace, data: Path) -> None:
        self.args = args
        self.app = QApplication.instance() or QApplication([])
        session_path = slide_file()
        loaded = load_session(session_path)
        assert loaded.session is not None, loaded.errors
        # Text polls go to the console's moderation queue, not the wall: left out.
        self.polls = [p for p in loaded.session.polls if p.type.value != "text"]
        self.run = start_run(data, loaded.session.polls,
                             session_hash=file_hash(session_path.read_bytes()), title="wall")
        self.server = PollServer(self.run.box, self.run.room, resource_path("web"),
                                 host="127.0.0.1", port=0,
                                 limiter=RateLimiter())  # the app's own per-device limit
        self.interval = self.server._interval  # the hub's coalescing: the floor
        self.bridge = PollBridge(lambda fn: self.server.call(fn), self.server.poke,
                                 self.run.box, self.run.room)
        self.server.subscribe(self.bridge.publish)
        # (monotonic, version) of each publication, on the server thread: splits the wall
        # time into answer -> publication (server) and publication -> paint (bridge + GUI).
        self.published: list[tuple[float, int]] = []
        self.server.subscribe(lambda snapshot, _status: self.published.append(
            (time.monotonic(), snapshot.version)))
        # A child of a projector-sized window, as over a slide (the overlay's mask needs a
        # parent: a top-level window cannot be masked offscreen).
        self.window = QWidget()
        self.window.resize(1280, 720)
        self.chart = TimedChart(self.bridge, self.window)
        self.chart.setGeometry(0, 0, 1280, 720)
        self.window.show()
        # (sent, stored at, version after storing) of each answer to the poll on the wall,
        # noted on the server loop.
        self.answers: list[tuple[float, float, int]] = []
        self.other = 0  # acknowledged answers to a poll no longer on the wall
        server_module.create_app = self._timed_app  # type: ignore[attr-defined]
        self.phones = QProcess()
        self.lines: list[str] = []
        self._partial = ""
        self.phones.readyReadStandardOutput.connect(self._on_output)
        self._next = 0

    def _timed_app(self, *args: Any, **kwargs: Any) -> web.Application:
        app = create_app(*args, **kwargs)
        box = self.run.box

        @web.middleware
        async def noted(request: web.Request, handler: Any) -> web.StreamResponse:
            response = await handler(request)
            if request.path == "/api/answer" and response.status == 200:
                poll = json.loads(await request.read())["poll"]  # the body is cached
                if poll == box.current:
                    self.answers.append(
                        (float(request.headers["X-Sent"]), time.monotonic(), box.version))
                else:
                    self.other += 1
            return response

        app.middlewares.insert(0, noted)
        return app

    def _on_output(self) -> None:
        self._partial += bytes(self.phones.readAllStandardOutput().data()).decode()
        *complete, self._partial = self._partial.split("\n")
        self.lines.extend(line for line in complete if line)

    def _switch(self) -> None:
        poll = self.polls[self._next % len(self.polls)]
        self._next += 1
        self.chart.show_poll(poll)  # the projector's slide for it comes up
        self.server.call(self.run.box.open, poll.id)

    def pump(self, seconds: float) -> None:
        """Run Qt's event loop for `seconds`. A local loop: QApplication.quit() would also
        close (hide) every window, and a hidden chart paints nothing."""
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    def wait_for(self, prefix: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for index, line in enumerate(self.lines):
                if line.startswith(prefix):
                    return self.lines.pop(index)
            self.pump(0.02)
            if self.phones.state() is QProcess.ProcessState.NotRunning and not self.lines:
                break
        error = bytes(self.phones.readAllStandardError().data()).decode()[-2000:]
        raise SystemExit(f"phones did not say {prefix!r} in {timeout} s\n{error}")

    def execute(self) -> dict[str, Any]:
        args = self.args
        self.server.start()
        config = {"base_url": self.server.base_url,
                  "join_path": self.server.join_url.removeprefix(self.server.base_url),
                  "phones": args.phones, "think": args.think, "change": 0.25}
        self.phones.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        self.phones.start(sys.executable,
                          [str(Path(__file__).with_name("phones.py")), json.dumps(config)])
        self.wait_for("ready", 180)
        self._switch()
        switcher = QTimer(interval=int(args.switch_every * 1000))
        switcher.timeout.connect(self._switch)
        switcher.start()
        self.pump(args.seconds)
        switcher.stop()
        self.pump(args.think + 1.0)  # the last answers arrive and reach the wall
        self.phones.write(b"report\n")
        report = json.loads(self.wait_for("{", 120))
        self.phones.closeWriteChannel()
        if not self.phones.waitForFinished(30_000):  # milliseconds
            self.phones.kill()
            self.phones.waitForFinished(5_000)
        self.pump(0.5)
        self.server.stop()
        self.run.journal.close()
        return self.figures(report)

    def figures(self, report: dict[str, Any]) -> dict[str, Any]:
        paints = self.chart.paints
        walls: list[float] = []
        to_store: list[float] = []
        to_publish: list[float] = []
        to_paint: list[float] = []
        unpainted = 0
        for sent, stored, version in self.answers:
            painted = first_at_or_after(paints, version)
            published = first_at_or_after(self.published, version)
            if painted is None or published is None:
                unpainted += 1
                continue
            walls.append(painted - sent)
            to_store.append(stored - sent)
            to_publish.append(published - stored)
            to_paint.append(painted - published)
        return {
            "phones": self.args.phones,
            "answers": len(self.answers),
            "answers_to_an_earlier_poll": self.other,
            "unpainted": unpainted,
            "errors": len(report["errors"]),
            "limited_429": report["limited"],
            "paints": len(paints),
            "paint_p99_ms": round(percentile(self.chart.paint_ms, 99), 1),
            "paint_max_ms": round(max(self.chart.paint_ms, default=0.0), 1),
            "wall_p50_ms": round(percentile(walls, 50) * 1000, 1),
            "wall_p99_ms": round(percentile(walls, 99) * 1000, 1),
            "wall_max_ms": round(max(walls, default=0.0) * 1000, 1),
            "wall_mean_ms": round(statistics.fmean(walls) * 1000, 1) if walls else 0.0,
            "sent_to_stored_p50_ms": round(percentile(to_store, 50) * 1000, 1),
            "sent_to_stored_p99_ms": round(percentile(to_store, 99) * 1000, 1),
            "stored_to_publication_p50_ms": round(percentile(to_publish, 50) * 1000, 1),
            "stored_to_publication_p99_ms": round(percentile(to_publish, 99) * 1000, 1),
            "publication_to_paint_p50_ms": round(percentile(to_paint, 50) * 1000, 1),
            "publication_to_paint_p99_ms": round(percentile(to_paint, 99) * 1000, 1),
            "floor_ms": round(self.interval * 1000, 1),
        }


def run_once(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="answer-to-wall-") as data:
        return Wall(args, Path(data)).execute()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phones", type=int, action="append",
                        help="phones in the room (repeat for several; default 300 and 1000)")
    parser.add_argument("--seconds", type=float, default=16.0, help="polling phase")
    parser.add_argument("--switch-every", type=float, default=4.0)
    parser.add_argument("--think", type=float, default=3.0,
                        help="phones answer 0.1 s to this long after a poll appears")
    parser.add_argument("--quick", action="store_true", help="20 phones, 4 s")
    parser.add_argument("--json", action="store_true", help="one JSON object per room size")
    args = parser.parse_args(argv)
    sizes = args.phones or [300, 1000]
    if args.quick:
        sizes, args.seconds, args.switch_every, args.think = [20], 4.0, 2.0, 1.0
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    for phones in sizes:
        args.phones = phones
        result = run_once(args)
        if args.json:
            print(json.dumps(result), flush=True)
            continue
        print(f"{phones} phones: answer to wall p50 {result['wall_p50_ms']} ms, "
              f"p99 {result['wall_p99_ms']} ms (max {result['wall_max_ms']} ms) over "
              f"{result['answers']} answers, {result['paints']} paints; "
              f"floor: the live hub publishes at most every {result['floor_ms']} ms"
              + (f"; target p99 <= {TARGET_P99_S * 1000:.0f} ms: "
                 + ("ok" if result["wall_p99_ms"] <= TARGET_P99_S * 1000 else "MISSED")
                 if phones >= 1000 else ""), flush=True)
        print(f"  sent to stored p50/p99 {result['sent_to_stored_p50_ms']}/"
              f"{result['sent_to_stored_p99_ms']} ms, stored to publication "
              f"{result['stored_to_publication_p50_ms']}/{result['stored_to_publication_p99_ms']}"
              " ms, publication to paint "
              f"{result['publication_to_paint_p50_ms']}/{result['publication_to_paint_p99_ms']}"
              " ms", flush=True)
        print(f"  one paint p99 {result['paint_p99_ms']} ms (max {result['paint_max_ms']} ms); "
              f"errors {result['errors']}, 429s {result['limited_429']}, unpainted "
              f"{result['unpainted']}, answers to an earlier poll (not on the wall) "
              f"{result['answers_to_an_earlier_poll']}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
