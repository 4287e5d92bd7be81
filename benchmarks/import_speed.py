"""How long `facilitator import` takes: the bundled article and a 10x longer synthetic one.

Run: python benchmarks/import_speed.py   (prints figures; not part of the test run)
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from facilitator.core.importer.draft import import_article
from facilitator.core.session.loader import parse_session

ARTICLE = Path(__file__).resolve().parent.parent / "tests" / "core" / "importer" / "articles"


def timed(text: str, name: str, minutes: int, runs: int) -> tuple[float, float, int]:
    import_times, check_times = [], []
    slides = 0
    for _ in range(runs):
        start = time.perf_counter()
        result = import_article(text, name, minutes)
        middle = time.perf_counter()
        loaded = parse_session(result.text, name)
        end = time.perf_counter()
        assert loaded.ok, loaded.errors
        import_times.append(middle - start)
        check_times.append(end - middle)
        slides = len(result.session.slides)
    return statistics.median(import_times), statistics.median(check_times), slides


def main() -> None:
    numb = (ARTICLE / "numb-in-medicine.txt").read_text(encoding="utf-8")
    body = numb.split("\n", 2)[2]
    long_text = "A Very Long Read\n" + "\n".join(
        body.replace("\n1. ", f"\nPart {i}. ") for i in range(10)
    )
    for label, text, minutes, runs in (
        ("numb-in-medicine.txt", numb, 60, 20),
        ("10 copies of its body", long_text, 480, 3),
    ):
        words = len(text.split())
        imp, check, slides = timed(text, "bench.txt", minutes, runs)
        print(
            f"{label}: {words:,} words -> {slides} slides: import {imp * 1000:.0f} ms, "
            f"check of the result {check * 1000:.0f} ms (median of {runs})"
        )


if __name__ == "__main__":
    main()
