"""Load benchmark: N phones answering live polls while the projector chart repaints.

    python benchmarks/poll_load.py --phones 1000 --seconds 20 --json

This process is the facilitator's laptop: a Qt event loop (offscreen) with the projector's
`PollChart` fed through the `PollBridge`, and the real `PollServer` on its own thread with
a run journal (so every answer is committed to SQLite before it is acknowledged). A second
process (benchmarks/phones.py) is the room: N phones on 127.0.0.1 that join, hold the live
WebSocket and answer each poll the facilitator switches to. Then, in the same run:

- capacity: every phone answers in a closed loop for a few seconds against the real server
  (per-device rate limit lifted: the limit is not what is measured) and against a bare
  aiohttp endpoint on its own thread in this process (parse JSON, answer JSON): the ceiling.
- lost: every answer a phone saw acknowledged is looked up in the ballot box; a missing or
  different one is lost. errors: failed requests (transport errors, 4xx other than 429, 5xx).
- Q&A (on unless --no-qa): during the live phase every phone also asks one anonymous
  question, the facilitator approves some of them (through the question box on the server
  loop, as the console's Q&A tab does) and every phone votes for up to 3 approved questions
  as their list reaches it. Every acknowledged question and vote is looked up in the box.
  A run takes 300 questions by default; the benchmark raises that total to the number of
  phones through the box's own `Limits` (the setting the server reads), and says so.

Figures: ack = POST to acknowledgement, seen by the phone; fan-out = the facilitator's poll
switch on the server loop to the phone receiving it (CLOCK_MONOTONIC is shared by processes);
GUI gap = the time between ticks of a 10 ms Qt timer on the main thread; rss = peak resident
memory of this process (server + GUI), the phones' process reported apart.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aiohttp import web
from PySide6.QtCore import QElapsedTimer, QEventLoop, QProcess, QTimer
from PySide6.QtWidgets import QApplication

from benchmarks.bare_server import BareServer
from facilitator.core.polls.answers import answer_to_json
from facilitator.core.polls.ratelimit import RateLimiter
from facilitator.core.questions.box import QuestionState
from facilitator.core.runs.journal import file_hash
from facilitator.core.runs.resume import start_run
from facilitator.core.session.loader import load_session
from facilitator.qt.polls.bridge import PollBridge
from facilitator.qt.polls.chart import PollChart
from facilitator.services.assets import resource_path, slide_file
from facilitator.web import server as server_module
from facilitator.web.app import create_app
from facilitator.web.server import PollServer

APPROVE_EACH_TICK = 2  # questions the facilitator approves every half second

TARGETS = {
    "ack_p99_ms": 25.0,
    "fanout_p99_ms": 250.0,
    "ratio_to_bare": 0.5,
    "gui_gap_p99_ms": 50.0,
    "rss_mb": 250.0,
}


class LiftableLimiter(RateLimiter):
    """The server's real per-device limiter, which the capacity phase can lift."""

    lifted = False

    def allow(self, key: str) -> bool:
        allowed = super().allow(key)
        return True if self.lifted else allowed


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


class Benchmark:
    def __init__(self, args: argparse.Namespace, data: Path) -> None:
        self.args = args
        self.app = QApplication.instance() or QApplication([])
        session_path = slide_file()
        loaded = load_session(session_path)
        assert loaded.session is not None, loaded.errors
        self.polls = [p for p in loaded.session.polls if p.type.value != "text"]
        polls = loaded.session.polls
        self.run = start_run(
            data, polls, session_hash=file_hash(session_path.read_bytes()), title="benchmark"
        )
        if args.no_journal:
            self.run.box._journal = None  # profiling only
        self.default_question_limit = self.run.questions.limits.total
        if args.qa:  # every phone asks once: the run's total must take them all
            self.run.questions.limits = replace(
                self.run.questions.limits, total=max(args.phones, self.default_question_limit)
            )
        self.approved = 0
        self.limiter = LiftableLimiter()
        self.server = PollServer(
            self.run.box,
            self.run.room,
            resource_path("web"),
            host="127.0.0.1",
            port=0,
            limiter=self.limiter,
            questions=self.run.questions,
        )
        self.bridge = PollBridge(
            lambda fn: self.server.call(fn), self.server.poke, self.run.box, self.run.room
        )
        self.chart = PollChart()
        self.chart.resize(1280, 720)
        self.chart.show()
        self.bridge.changed.connect(self._on_changed)
        self.server.subscribe(self.bridge.publish)
        if args.profile:  # cProfile of the server thread, written when it stops
            import cProfile

            profiler = cProfile.Profile()
            run_server = self.server._run

            def profiled(started: Any) -> None:
                profiler.runcall(run_server, started)
                profiler.dump_stats(args.profile)

            self.server._run = profiled  # type: ignore[method-assign]
        # Time from a request reaching the app to its response being ready, on the server:
        # the server's share of the ack, whatever the phones' own process is doing.
        self.server_ms: list[float] = []
        self.loop_lag: list[float] = []
        self.stopping = False
        self.live_phase = False
        server_module.create_app = self._timed_app  # type: ignore[attr-defined]
        self.bare = BareServer("/answer")
        self.switches: list[tuple[float, str]] = []
        self.gaps: list[float] = []
        self.repaints = 0
        self._tick = QElapsedTimer()
        self._ticker = QTimer(interval=10)
        self._ticker.timeout.connect(self._on_tick)
        self._next_poll = 0
        self.phones = QProcess()
        self.lines: list[str] = []
        self._partial = ""
        self.phones.readyReadStandardOutput.connect(self._on_phone_output)

    def _timed_app(self, *args: Any, **kwargs: Any) -> web.Application:
        app = create_app(*args, **kwargs)

        @web.middleware
        async def timed(request: web.Request, handler: Any) -> web.StreamResponse:
            started = time.perf_counter()
            response = await handler(request)
            if request.path == "/api/answer" and not self.limiter.lifted:
                self.server_ms.append((time.perf_counter() - started) * 1000)
            return response

        app.middlewares.insert(0, timed)
        return app

    def _watch_loop(self) -> None:
        """On the server loop: how late a 10 ms timer fires there (requests wait as long)."""
        loop = asyncio.get_running_loop()
        due = loop.time() + 0.01

        def tick() -> None:
            nonlocal due
            now = loop.time()
            if self.live_phase:
                self.loop_lag.append((now - due) * 1000)
            due = now + 0.01
            if not self.stopping:
                loop.call_at(due, tick)

        loop.call_at(due, tick)

    # -- main thread handlers ---------------------------------------------------------

    def _on_changed(self, snapshot: Any, _status: Any) -> None:
        if self.args.no_chart:
            return
        self.chart.set_results(snapshot.current_results)
        self.chart.repaint()  # paint now, as a projector would each time results change
        self.repaints += 1

    def _on_tick(self) -> None:
        if self._tick.isValid():
            self.gaps.append(self._tick.nsecsElapsed() / 1e6)
        self._tick.restart()

    def _on_phone_output(self) -> None:
        self._partial += bytes(self.phones.readAllStandardOutput().data()).decode()
        *complete, self._partial = self._partial.split("\n")
        self.lines.extend(line for line in complete if line)

    def _switch(self) -> None:
        poll = self.polls[self._next_poll % len(self.polls)]
        self._next_poll += 1

        def on_loop() -> None:
            self.run.box.open(poll.id)
            self.switches.append((time.monotonic(), poll.id))

        self.server.call(on_loop)

    def _approve(self) -> None:
        """The facilitator approves the oldest pending questions, a few at a time, as from
        the console's Q&A tab (`QuestionBox.decide` on the server loop), up to --approve."""
        budget = min(APPROVE_EACH_TICK, self.args.approve - self.approved)
        if budget <= 0:
            return

        def on_loop() -> None:
            box = self.run.questions
            pending = [q for q in box.all() if q.state is QuestionState.PENDING][:budget]
            for question in pending:
                box.decide(question.id, QuestionState.APPROVED)
            self.approved += len(pending)

        self.server.call(on_loop)

    # -- helpers ----------------------------------------------------------------------

    def wait_for_line(self, prefix: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for index, line in enumerate(self.lines):
                if line.startswith(prefix):
                    return self.lines.pop(index)
            self.pump(0.02)  # the Qt loop keeps ticking (and lets go of the GIL) meanwhile
            if self.phones.state() is QProcess.ProcessState.NotRunning and not self.lines:
                break
            self.app.processEvents()
        error = bytes(self.phones.readAllStandardError().data()).decode()[-2000:]
        raise SystemExit(f"phones did not say {prefix!r} (waited up to {timeout} s)\n{error}")

    def pump(self, seconds: float) -> None:
        """Run the Qt event loop (timers, repaints) for `seconds`. A local loop:
        QApplication.quit() would also close every window, and the chart, hidden after the
        first pump, would paint nothing (its repaints were no-ops until 2026-12-02)."""
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    def log(self, text: str) -> None:
        if self.args.verbose:
            print(f"[{time.monotonic():.2f}] {text}", file=sys.stderr, flush=True)

    def send(self, line: str) -> None:
        self.log(f"-> {line}")
        self.phones.write(f"{line}\n".encode())

    # -- the run ----------------------------------------------------------------------

    def execute(self) -> dict[str, Any]:
        args = self.args
        started = time.monotonic()
        self.server.start()
        self.bare.start()
        self.server.call(self._watch_loop)
        join = self.server.join_url.removeprefix(self.server.base_url)
        config = {
            "base_url": self.server.base_url,
            "join_path": join,
            "phones": args.phones,
            "think": args.switch_every * 0.8,
            "change": 0.25,
        }
        self.phones.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        self.phones.start(
            sys.executable, [str(Path(__file__).with_name("phones.py")), json.dumps(config)]
        )
        ready = self.wait_for_line("ready", 120)
        connect_s = float(ready.split()[1])
        # The room has joined and waits ("next question soon"); the facilitator opens a poll.
        self._switch()
        self.log(f"phones ready in {connect_s} s")

        self._ticker.start()
        switcher = QTimer(interval=int(args.switch_every * 1000))
        switcher.timeout.connect(self._switch)
        switcher.start()
        approver = QTimer(interval=500)
        approver.timeout.connect(self._approve)
        if args.qa:  # asks spread over the first half, votes follow the approvals
            self.send(f"ask {args.seconds / 2}")
            approver.start()
        self.live_phase = True
        self.pump(args.seconds)
        switcher.stop()
        approver.stop()
        self.pump(config["think"] * 2 + 0.5)  # let the last answers arrive
        self.log(f"live phase done: {len(self.switches)} switches")

        self.live_phase = False
        self.limiter.lifted = True
        self.send(f"capacity {self.server.base_url}/api/answer {args.capacity_seconds}")
        votes, capacity_errors = map(int, self.wait_for_line("capacity", 120).split()[1:])
        self.send(f"capacity http://127.0.0.1:{self.bare.port}/answer {args.capacity_seconds}")
        bare_votes, bare_errors = map(int, self.wait_for_line("capacity", 120).split()[1:])
        self._ticker.stop()

        self.send("report")
        report = json.loads(self.wait_for_line("{", 120))
        self.phones.closeWriteChannel()
        if not self.phones.waitForFinished(30_000):  # milliseconds
            self.phones.kill()
            self.phones.waitForFinished(5_000)
        self.stopping = True
        lost = self.count_lost(report["acked"])
        questions_lost, votes_lost = self.count_qa_lost(report["asked"])
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.server.stop()
        self.bare.stop()
        self.run.journal.close()

        fanout = self.fanouts(report["seen"])
        acks = report["acks_ms"]
        if args.dump:
            Path(args.dump).write_text(
                json.dumps(
                    {
                        "acks": list(zip(report["acks_at"], acks, strict=True)),
                        "switches": self.switches,
                    }
                )
            )
        result = {
            "phones": args.phones,
            "seconds": args.seconds,
            "votes": len(acks) + votes,
            "lost": lost,
            "errors": len(report["errors"]),
            "ack_p50_ms": round(percentile(acks, 50), 2),
            "ack_p99_ms": round(percentile(acks, 99), 2),
            "server_ack_p99_ms": round(percentile(self.server_ms, 99), 2),
            "server_loop_lag_p99_ms": round(percentile(self.loop_lag, 99), 1),
            "phones_loop_lag_p99_ms": round(percentile(report["loop_lag_ms"], 99), 1),
            "fanout_p50_ms": round(percentile(fanout, 50), 1),
            "fanout_p99_ms": round(percentile(fanout, 99), 1),
            "votes_per_s": round(votes / args.capacity_seconds),
            "bare_votes_per_s": round(bare_votes / args.capacity_seconds),
            "ratio_to_bare": round(votes / bare_votes, 3) if bare_votes else 0.0,
            "gui_gap_p99_ms": round(percentile(self.gaps, 99), 1),
            "gui_gap_max_ms": round(max(self.gaps, default=0.0), 1),
            "rss_mb": round(rss_mb, 1),
            "phones_rss_mb": round(report["rss_mb"], 1),
            "poll_switches": len(self.switches),
            "realistic_votes": len(acks),
            "limited_429": report["limited"],
            "late_409": report.get("late", 0),  # answered after the poll's slide was left
            "refused_503": self.server.guard.refused if self.server.guard else 0,
            "live_messages": report["messages"],
            "repaints": self.repaints,
            "connect_s": round(connect_s, 2),
            "elapsed_s": round(time.monotonic() - started, 1),
            "error_kinds": sorted(set(report["errors"]))[:5],
        }
        if args.qa:
            acked = [entry for entry in report["asked"] if entry[1] is not None]
            result |= {
                "questions_asked": report["asks"],
                "questions_acked": len(acked),
                "questions_lost": questions_lost,
                "questions_approved": self.approved,
                "votes_cast": report["votes"],
                "votes_acked": sum(len(entry[2]) for entry in report["asked"]),
                "votes_lost": votes_lost,
                "qa_limited_429": report["qa_limited"],
                "qa_ack_p50_ms": round(percentile(report["qa_acks_ms"], 50), 2),
                "qa_ack_p99_ms": round(percentile(report["qa_acks_ms"], 99), 2),
                "question_limit": self.run.questions.limits.total,
                "question_limit_default": self.default_question_limit,
            }
        assert capacity_errors + bare_errors <= result["errors"]
        return result

    def count_lost(self, acked: list[tuple[str, dict[str, Any]]]) -> int:
        """Acknowledged answers the ballot box does not hold (checked on the server loop)."""

        def check() -> int:
            lost = 0
            for cookie, answers in acked:
                key = self.run.room.device_for(cookie)
                for poll_id, value in answers.items():
                    stored = self.run.box.answer_of(poll_id, key) if key else None
                    if stored is None or answer_to_json(stored) != value:
                        lost += 1
            return lost

        return self.server.call(check).result(30)

    def count_qa_lost(self, asked: list[tuple[str, str | None, list[str]]]) -> tuple[int, int]:
        """Acknowledged questions whose text the box does not hold, and acknowledged votes
        whose device is not among the question's voters (checked on the server loop)."""

        def check() -> tuple[int, int]:
            box = self.run.questions
            texts = {question.text for question in box.all()}
            voters = {question.id: question.voters for question in box.all()}
            questions_lost = votes_lost = 0
            for cookie, text, votes in asked:
                key = self.run.room.device_for(cookie)
                questions_lost += text is not None and text not in texts
                votes_lost += sum(key is None or key not in voters.get(q, ()) for q in votes)
            return questions_lost, votes_lost

        return self.server.call(check).result(30)

    def fanouts(self, seen: list[tuple[float, str]]) -> list[float]:
        out = []
        for at, poll_id in seen:
            before = [t for t, p in self.switches if p == poll_id and t <= at]
            if before:
                out.append((at - max(before)) * 1000)
        return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phones", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=20.0, help="live polling phase")
    parser.add_argument(
        "--switch-every",
        type=float,
        default=4.0,
        help="seconds per poll; phones answer 0.1 s to 0.8 of this after it opens",
    )
    parser.add_argument("--capacity-seconds", type=float, default=3.0)
    parser.add_argument(
        "--qa",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="a Q&A phase alongside the polls: every phone asks once and votes (default on)",
    )
    parser.add_argument(
        "--approve", type=int, default=40, help="questions the facilitator approves (Q&A)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--verbose", action="store_true", help="progress on stderr")
    # For profiling: take one part away and see what it costs.
    parser.add_argument("--no-chart", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-journal", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--profile", metavar="FILE", help=argparse.SUPPRESS)
    parser.add_argument("--dump", metavar="FILE", help=argparse.SUPPRESS)  # acks, switches
    args = parser.parse_args(argv)
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    if hard < args.phones * 2 + 100:
        print(f"open-files limit {hard} is too low for {args.phones} phones", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="poll-load-") as data:
        result = Benchmark(args, Path(data)).execute()
    if args.json:
        print(json.dumps(result))
    else:
        print_lines(result)
    lost = result["lost"] + result.get("questions_lost", 0) + result.get("votes_lost", 0)
    return 0 if lost == 0 and result["errors"] == 0 else 1


QA_KEYS = ("questions_", "votes_cast", "votes_acked", "votes_lost", "qa_", "question_limit")


def print_lines(result: dict[str, Any]) -> None:
    """One figure a line with its target (the targets are the poll answers'), then Q&A."""
    poll = {k: v for k, v in result.items() if not k.startswith(QA_KEYS)}
    width = max(map(len, poll))
    for key, value in poll.items():
        target = TARGETS.get(key)
        note = ""
        if target is not None:
            ok = value >= target if key == "ratio_to_bare" else value <= target
            note = f"   target {'>=' if key == 'ratio_to_bare' else '<='} {target}: " + (
                "ok" if ok else "MISSED"
            )
        print(f"{key:<{width}}  {value}{note}")
    if "questions_asked" not in result:
        print("Q&A phase: off (--no-qa)")
        return
    r = result
    print(f"questions asked/acked/lost  {r['questions_asked']}/{r['questions_acked']}/"
          f"{r['questions_lost']} ({r['questions_approved']} approved)")
    print(f"votes cast/acked/lost  {r['votes_cast']}/{r['votes_acked']}/{r['votes_lost']}")
    print(f"Q&A ack p50/p99  {r['qa_ack_p50_ms']} ms / {r['qa_ack_p99_ms']} ms "
          f"(429 refused: {r['qa_limited_429']})")
    raised = r["question_limit"] != r["question_limit_default"]
    print(f"question limit  {r['question_limit']} per run "
          + (f"(the default {r['question_limit_default']}, raised by the benchmark through the "
             "question box's Limits.total, the server's own setting, so every phone can ask)"
             if raised else "(the default)"))


if __name__ == "__main__":
    sys.exit(main())
