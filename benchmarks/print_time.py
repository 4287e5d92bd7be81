"""How long printing the bundled session takes.

Run: python benchmarks/print_time.py [--paper a4|letter] [--region us] [--repeat 5]
Prints, first, `facilitator print` timed as a whole process (interpreter start, imports,
loading the session, handout + cards + guide, writing them; target under 1.0 s), then the
time per document in one process, first run (fonts registered, QR codes made) and the best
of the repeats.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import bytecode
from facilitator.core.runs.results import (
    ApprovedText,
    Count,
    MatrixRow,
    PollResult,
    RunResults,
    TimingRow,
)
from facilitator.core.session.loader import load_session
from facilitator.core.session.model import Session
from facilitator.printing import build_report
from facilitator.services import assets, materials
from facilitator.services.settings import Settings

JOIN_URL = "http://192.168.1.23:8765/join?t=Xq3v9KfP2mT8wL1aZ0bC4dE5"


def sample_run(session: Session) -> RunResults:
    """A run of 24 people with every poll answered: the report's realistic worst case."""
    polls = []
    for poll in session.polls:
        if poll.type.value == "text":
            labels = []
        elif poll.type.value == "word":
            labels = ["patients", "colleagues", "pride", "fear", "habit", "faith"]
        else:
            labels = [o.label for o in poll.options] or [str(p) for p in poll.scale_points]
        polls.append(
            PollResult(
                poll.id,
                poll.question,
                poll.type.value,
                24,
                options=tuple(Count(label, (i * 7) % 13) for i, label in enumerate(labels)),
                columns=tuple(str(p) for p in poll.scale_points) if poll.rows else (),
                rows=tuple(MatrixRow(r.label, (1, 4, 9, 6, 4)) for r in poll.rows),
            )
        )
    texts = tuple(ApprovedText("takeaway", f"Answer {i}") for i in range(8))
    timing = tuple(TimingRow(s.title, s.minutes, s.minutes * 1.1) for s in session.sections)
    return RunResults(session.title, 5, tuple(polls), texts, timing, "2026-11-29")


def process_times(paper: str, region: str, repeat: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU (user + system) seconds of `python -m facilitator print` on the
    bundled session, with a settings file of its own (none: the defaults) so the user's
    settings play no part. CPU time says more than wall time on a machine that is busy."""
    seconds, cpu = [], []
    with tempfile.TemporaryDirectory() as folder:
        settings = str(Path(folder) / "settings.toml")
        env = bytecode.cached({**os.environ, "FACILITATOR_CONFIG": settings}, Path(folder))
        command = [sys.executable, "-m", "facilitator", "print", str(assets.slide_file()),
                   "--out", folder, "--paper", paper, "--region", region]
        subprocess.run(command, env=env, check=True, capture_output=True)  # fills the cache
        for _ in range(repeat):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run(command, env=env, check=True, capture_output=True)
            seconds.append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return seconds, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--paper", default="a4")
    parser.add_argument("--region", default="us")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    session = load_session(assets.slide_file()).session
    assert session is not None
    run = sample_run(session)

    whole, cpu = process_times(args.paper, args.region, args.repeat)
    print(f"`facilitator print` as a process ({args.paper}, {args.region}, {len(whole)} runs, "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs):\n"
          f"  wall best {min(whole):.2f} s, median {statistics.median(whole):.2f} s, "
          f"worst {max(whole):.2f} s   (target < 1.0 s)\n"
          f"  CPU  best {min(cpu):.2f} s, median {statistics.median(cpu):.2f} s")

    runs: list[dict[str, float]] = []
    for _ in range(args.repeat):
        times: dict[str, float] = {}
        ctx = materials.context(session, Settings(), paper=args.paper, region=args.region)
        for name in materials.DOCUMENTS:
            started = time.perf_counter()
            materials.render(session, ctx, [name], JOIN_URL, "K7Q2")
            times[name] = time.perf_counter() - started
        started = time.perf_counter()
        build_report(run, ctx)
        times["report"] = time.perf_counter() - started
        runs.append(times)
    first, best = runs[0], min(runs, key=lambda t: sum(t.values()))
    print(f"all documents for {session.title!r} ({args.paper}, {args.region}):")
    for name in first:
        print(f"  {name:8s} first {first[name] * 1000:6.0f} ms   best {best[name] * 1000:6.0f} ms")
    print(
        f"  {'total':8s} first {sum(first.values()) * 1000:6.0f} ms   "
        f"best {sum(best.values()) * 1000:6.0f} ms"
    )


if __name__ == "__main__":
    main()
