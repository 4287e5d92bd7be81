"""How long all printouts for the bundled session take (target: under 1.5 s together).

Run: python benchmarks/print_time.py [--paper a4|letter] [--region us] [--repeat 5]
Prints the time per document and the total, first run (fonts registered, QR codes made)
and the best of the repeats.
"""

from __future__ import annotations

import argparse
import time

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--paper", default="a4")
    parser.add_argument("--region", default="us")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    session = load_session(assets.slide_file()).session
    assert session is not None
    run = sample_run(session)

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
        f"best {sum(best.values()) * 1000:6.0f} ms   (target < 1500 ms)"
    )


if __name__ == "__main__":
    main()
