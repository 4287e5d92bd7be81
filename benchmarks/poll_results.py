"""How long one results snapshot and one projector repaint take, with 1,000 answers.

The server publishes at most ~10 snapshots a second and the projector repaints on each,
so both must stay well under 100 ms. Run: python benchmarks/poll_results.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from facilitator.core.polls.answers import answer_to_json
from facilitator.core.polls.ballot import BallotBox
from facilitator.qt.polls.chart import PollChart
from tests import polls

ANSWERS = 1000
ROUNDS = 30
WORDS = [f"word{i}" for i in range(120)]


def filled_box() -> BallotBox:
    rng = random.Random(1)
    box = BallotBox(polls.ALL)
    for poll in box.polls:
        box.open(poll.id)
    for index in range(ANSWERS):
        key = f"device-{index}"
        box.submit("mood", key, rng.choice(["o1", "o2", "o3", "o4"]))
        box.submit("barriers", key, rng.sample(["o1", "o2", "o3", "o4"], 2))
        box.submit("energy", key, rng.randint(1, 5))
        box.submit("gut", key, {"o1": rng.randint(1, 5), "o2": rng.randint(1, 5)})
        box.submit("word", key, rng.choice(WORDS))
    return box


def millis(samples: list[float]) -> str:
    ordered = sorted(samples)
    return f"median {statistics.median(ordered) * 1000:6.2f} ms, max {ordered[-1] * 1000:6.2f} ms"


def main() -> None:
    app = QApplication.instance() or QApplication([])
    box = filled_box()
    print(f"{ANSWERS} answers per poll, {ROUNDS} rounds each")
    for poll_id in ("mood", "barriers", "energy", "gut", "word"):
        tally_times, paint_times = [], []
        chart = PollChart()
        chart.resize(1920, 1080)
        for round_index in range(ROUNDS):
            # One changed vote per round, as when a phone changes its answer.
            other = box.answer_of(poll_id, f"device-{round_index + 1}")
            assert other is not None
            box.submit(poll_id, "device-0", answer_to_json(other))
            start = time.perf_counter()
            results = box.results(poll_id)
            tally_times.append(time.perf_counter() - start)
            chart.set_results(results)
            start = time.perf_counter()
            chart.grab()
            paint_times.append(time.perf_counter() - start)
        print(
            f"{poll_id:9s} snapshot {millis(tally_times)} | repaint 1920x1080 {millis(paint_times)}"
        )
    del app


if __name__ == "__main__":
    main()
