"""Cold start: each command timed as a whole process, against a bare PySide6 window.

    python benchmarks/startup.py            # 7 runs of each, medians
    python benchmarks/startup.py --quick    # 1 run of each (the test suite runs this)

Every figure is wall time from launching `python -m facilitator ...` to the process ending,
except the app's, which are launch to the first paint of the cover (the session's title
card, shown before anything slow: qt/presenter/cover.py) and launch to the first paint of
the live projector image (console built; the phone server starts right after), offscreen
Qt, with the app's own FACILITATOR_EXIT_AFTER_FIRST_PAINT hook (benchmarks/README.md). The
floor is
`python -c "import PySide6.QtWidgets"` plus one shown window, to its first paint.

Python's bytecode cache is on, as on a facilitator's laptop from the second launch on: the
runs read and write it in a private folder (PYTHONPYCACHEPREFIX), after one untimed warm-up
run of each command, even where the shell sets PYTHONDONTWRITEBYTECODE (this project's
machine does, and facilitator's own modules were then compiled from source at every launch:
about 0.1 s of the app's start). `--first-run` times the first launch after an editable
install instead: nothing is written, so facilitator's modules are compiled from source
(unless the tree already holds their `__pycache__`, which is said), while the standard
library and the installed packages read the caches written when they were installed.

Then `python -X importtime` tables: the ten slowest imports (cumulative, microseconds
read as ms) of each command, and which of PySide6, aiohttp and reportlab it loaded.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import bytecode

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "slides" / "numb-in-medicine.md"
HEAVY = ("PySide6", "aiohttp", "reportlab")
TARGETS = {"check": ("<=", 0.5), "check-nofit": ("<=", 0.5), "print": ("<=", 1.0),
           "app-cover": ("<= 2x floor", 2.0)}

# The floor: what any Qt app pays to show one window (same stamp as the app's hook).
FLOOR = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() is QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: (print(f"first-paint {time.monotonic():.6f}",
                                                 flush=True), app.quit()))
        return False
window = QWidget()
window.resize(1280, 720)
watch = Watch()
window.installEventFilter(watch)
window.show()
app.exec()
"""

ONE_SLIDE = """---
title: One slide
minutes: 5
region: us
---

# Only section (5 min)

## One slide

A single slide, to time `render` without the bundled session's forty.
"""


def environment(folder: Path, bytecode_cache: bool = True) -> dict[str, str]:
    """Offscreen Qt, this tree first on the path, settings, runs and the bytecode cache in
    a fresh folder; with `bytecode_cache=False`, nothing written (the first launch)."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")])),
        FACILITATOR_CONFIG=str(folder / "settings.toml"),
        FACILITATOR_DATA=str(folder / "data"),
    )
    return bytecode.cached(env, folder) if bytecode_cache else bytecode.first_launch(env)


def cache_line(bytecode_cache: bool) -> str:
    """What the figures assume about Python's bytecode cache, printed above them."""
    if bytecode_cache:
        return ("bytecode cache: on, after one untimed warm-up run of each command, as from "
                f"the second launch on{bytecode.shell_note()}")
    cached_here = any((ROOT / "facilitator").rglob("__pycache__"))
    return ("bytecode cache: none for facilitator's modules (--first-run), as at the first launch "
            "after an editable install" + (
                "; NOTE: this tree holds __pycache__ folders, which these runs read"
                if cached_here else ": each compiled from source"))


def commands(folder: Path, env: dict[str, str]) -> dict[str, list[str]]:
    one = folder / "one-slide.md"
    one.write_text(ONE_SLIDE, encoding="utf-8")
    app = [sys.executable, "-m", "facilitator"]
    # A `check` that also measures slide fit (with Qt) is timed both ways.
    helped = subprocess.run([*app, "check", "--help"], env=env, capture_output=True,
                            text=True, timeout=60)
    no_fit = {"check-nofit": [*app, "check", "--no-fit", str(BUNDLED)]} if (
        "--no-fit" in helped.stdout) else {}
    return {
        "version": [*app, "--version"],
        "check": [*app, "check", str(BUNDLED)],
        **no_fit,
        "render": [*app, "render", str(one), "--out", str(folder / "render")],
        "print": [*app, "print", str(BUNDLED), "--out", str(folder / "print")],
        "app": [*app, str(BUNDLED), "--host", "127.0.0.1", "--port", "0"],
        "floor": [sys.executable, "-c", FLOOR],
    }


def time_once(name: str, argv: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from launch to exit ({name: s}), or to the printed first-paint stamp for app
    and floor; the app's cover stamp comes as "app-cover"."""
    if name in ("app", "floor"):
        env = {**env, "FACILITATOR_EXIT_AFTER_FIRST_PAINT": "1"}
    started = time.monotonic()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120)
    ended = time.monotonic()
    if done.returncode != 0:
        raise SystemExit(f"{name} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    if name in ("app", "floor"):
        stamps = dict(line.split()[:2] for line in done.stdout.splitlines()
                      if line.startswith(("first-paint ", "cover-paint ")))
        if "first-paint" not in stamps:
            raise SystemExit(f"{name} printed no first-paint stamp:\n{done.stderr[-2000:]}")
        times = {name: float(stamps["first-paint"]) - started}
        if "cover-paint" in stamps:
            times["app-cover"] = float(stamps["cover-paint"]) - started
        return times
    return {name: ended - started}


def import_table(argv: list[str], env: dict[str, str], top: int) -> tuple[list[str], list[str]]:
    """The `top` slowest imports by cumulative time, and which heavy packages were loaded."""
    traced = [argv[0], "-X", "importtime", *argv[1:]]
    env = {**env, "FACILITATOR_EXIT_AFTER_FIRST_PAINT": "1"}
    done = subprocess.run(traced, env=env, capture_output=True, text=True, timeout=120)
    rows: list[tuple[int, str]] = []
    loaded: set[str] = set()
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _self_us, cumulative, module = line.removeprefix("import time:").split("|")
        rows.append((int(cumulative), module.rstrip()))
        top_name = module.strip().split(".")[0]
        if top_name in HEAVY:
            loaded.add(top_name)
    rows.sort(reverse=True)
    table = [f"  {us / 1000:8.1f} ms  {module}" for us, module in rows[:top]]
    return table, sorted(loaded)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each command (median)")
    parser.add_argument("--quick", action="store_true", help="one run each, 3-row tables")
    parser.add_argument("--only", default="", help="comma-separated subset of the commands")
    parser.add_argument("--no-tables", action="store_true", help="skip the importtime tables")
    parser.add_argument("--first-run", action="store_true",
                        help="no bytecode cache: the first launch after installing")
    args = parser.parse_args(argv)
    runs = 1 if args.quick else args.runs
    top = 3 if args.quick else 10
    with tempfile.TemporaryDirectory(prefix="startup-") as tmp:
        folder = Path(tmp)
        bytecode_cache = not args.first_run
        env = environment(folder, bytecode_cache)
        table = commands(folder, env)
        names = [n for n in table if not args.only or n in args.only.split(",")]
        print(cache_line(bytecode_cache), flush=True)
        samples: dict[str, list[float]] = {}
        for name in names:
            if bytecode_cache:
                time_once(name, table[name], env)  # writes this command's cache, untimed
            for _ in range(runs):
                for key, seconds in time_once(name, table[name], env).items():
                    samples.setdefault(key, []).append(seconds)
        medians = {name: statistics.median(times) for name, times in samples.items()}
        for name, times in samples.items():
            spread = f" (min {min(times):.3f}, max {max(times):.3f})" if runs > 1 else ""
            line = f"{name:<11} {medians[name]:.3f} s median of {runs}{spread}"
            target = TARGETS.get(name)
            if target and not name.startswith("app"):
                line += f"   target {target[0]} {target[1]} s: " + (
                    "ok" if medians[name] <= target[1] else "MISSED")
            print(line, flush=True)
        if "floor" in medians:
            for name, what in (("app-cover", "first paint on screen: the cover"),
                               ("app", "first paint of the live projector image")):
                if name in medians:
                    ratio = medians[name] / medians["floor"]
                    print(f"{name}/floor {ratio:.2f} ({what})"
                          + (f"   target <= 2.0: {'ok' if ratio <= 2.0 else 'MISSED'}"
                             if name == "app-cover" else ""), flush=True)
        if not args.no_tables:
            for name in names:
                rows, loaded = import_table(table[name], env, top)
                print(f"\nimports of {name} (slowest {top}, cumulative); "
                      f"loads: {', '.join(loaded) or 'none of ' + '/'.join(HEAVY)}")
                print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
