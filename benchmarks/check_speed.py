"""How long `facilitator check` takes on the bundled session, with and without the fit step
(every slide drawn offscreen at 1280x720 with two long local services), and how fast the
risk screen reads a typical answer.

Run: python benchmarks/check_speed.py [--quick]   (prints figures; not part of the test run;
--quick: one run each, for the test that keeps the script from rotting)
"""

from __future__ import annotations

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
from facilitator.core.risk.screen import screen
from facilitator.services.assets import slide_file

LOCAL = """region = "uk"
[[local_resources]]
name = "St Elsewhere Medical School Counselling and Wellbeing Service"
phone = "+44 20 7946 0958 extension 4410"
hours = "Mon-Fri 8:30 am to 6 pm, term time only"
[[local_resources]]
name = "Occupational Health and Programme Wellness Lead (Dr A. Example)"
phone = "0300 555 0199 option 3"
text = "Text WELLBEING to 60777"
"""


def wall(args: list[str], env: dict[str, str], runs: int = 5) -> tuple[float, float]:
    """(median wall time, median CPU time) of the whole process, after one untimed run that
    fills the bytecode cache (benchmarks/bytecode.py). CPU time is the steadier figure on a
    shared machine: wall time grows with whatever else runs."""
    command = [sys.executable, "-m", "facilitator", *args]
    subprocess.run(command, check=True, capture_output=True, env=env)
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times), statistics.median(cpu)


def main() -> None:
    runs = 1 if "--quick" in sys.argv else 5
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "settings.toml"
        config.write_text(LOCAL, encoding="utf-8")
        bundled = str(slide_file())
        env = bytecode.cached(dict(os.environ), Path(folder))
        fit = wall(["--config", str(config), "check", bundled], env, runs)
        no_fit = wall(["check", "--no-fit", bundled], env, runs)
    print(f"bytecode cache: on, as from the second launch on{bytecode.shell_note()}")
    print(f"check, bundled session, whole process (median of {runs}): {fit[0]:.2f} s wall / "
          f"{fit[1]:.2f} s CPU with the fit step; {no_fit[0]:.2f} s wall / {no_fit[1]:.2f} s "
          "CPU with --no-fit")
    answers = ["hope", "running on empty", "I want to kill myself", "s u i c i d e",
               "Protected time for debriefs after a death on the ward"]
    start = time.perf_counter()
    rounds = 20 if runs == 1 else 2000
    for number in range(rounds):
        for text in answers:
            screen.__wrapped__(f"{text} {number}")  # bypass the cache: a fresh answer each time
    per = (time.perf_counter() - start) / (rounds * len(answers)) * 1e6
    print(f"risk screen, one fresh answer: {per:.0f} µs")


if __name__ == "__main__":
    main()
