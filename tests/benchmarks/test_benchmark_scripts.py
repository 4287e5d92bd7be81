"""Each benchmark script runs in its smallest configuration and prints its figure lines,
so the scripts cannot rot between measurements. No timing is asserted: figures go in the
README, not in tests."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_script(name: str, *args: str, timeout: float = 180) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / name), *args],
                          capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_startup_prints_every_command_and_the_import_tables() -> None:
    out = run_script("startup.py", "--quick")
    assert out.startswith("bytecode cache: on, after one untimed warm-up run"), out
    for name in ("version", "check", "render", "print", "app", "app-cover", "floor"):
        assert re.search(rf"^{name} +\d+\.\d{{3}} s median of 1", out, re.M), out
    # Two app figures: the cover (the title card, first thing on screen) and the live
    # projector image; the cover comes first, and the 2x target is printed beside it.
    assert re.search(r"^app/floor \d+\.\d\d \(first paint of the live", out, re.M), out
    assert re.search(r"^app-cover/floor \d+\.\d\d \(.*\)   target <= 2.0: (ok|MISSED)$",
                     out, re.M), out
    cover, live = (float(re.search(rf"^{name} +(\d+\.\d+) s", out, re.M)[1])
                   for name in ("app-cover", "app"))
    assert cover < live, out
    # The tables say what each command loaded: `check --no-fit` none of the heavy three;
    # `check` itself draws every slide to test fit (issue 12), so it loads Qt only.
    assert re.search(r"imports of check-nofit .*loads: none of PySide6/aiohttp/reportlab",
                     out), out
    assert re.search(r"imports of check .*loads: PySide6$", out, re.M), out
    assert re.search(r"imports of app .*loads: PySide6", out), out


def startup_module() -> ModuleType:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import startup
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return startup


@pytest.mark.parametrize("cached", [True, False])
def test_startup_times_with_the_bytecode_cache_a_user_has(tmp_path: Path, cached: bool,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # This machine's shell sets PYTHONDONTWRITEBYTECODE, which made every timed launch
    # compile every module from source; the runs clear it and cache in their own folder,
    # unless --first-run asks for the launch with no cache at all.
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    startup = startup_module()
    env = startup.environment(tmp_path, bytecode_cache=cached)
    startup.time_once("version", [sys.executable, "-m", "facilitator", "--version"], env)
    written = list((tmp_path / "pycache").rglob("*.pyc"))
    if cached:
        assert any(path.parent.name == "facilitator" for path in written), written
    else:
        assert written == []
        assert env["PYTHONDONTWRITEBYTECODE"] == "1" and "PYTHONPYCACHEPREFIX" not in env


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed (optional)")
def test_capacity_prints_rates_latencies_and_ratios() -> None:
    out = run_script("capacity.py", "--quick")
    for name in ("real_with_journal", "real_without_journal", "bare"):
        line = re.search(rf"^{name} +(\d+) answers/s  p50 [\d.]+ ms  p99 [\d.]+ ms  "
                         r"2xx (\d+)/(\d+)", out, re.M)
        assert line, out
        assert int(line[2]) == int(line[3]) > 0  # every answer took the 2xx path
    assert "50 devices' answers held" in out  # each joined device's answer is in the box
    assert re.search(r"^ratio real_with_journal +[\d.]+", out, re.M), out
    assert re.search(r"^ratio real_without_journal +[\d.]+", out, re.M), out
    assert "pinned" in out


def test_answer_to_wall_prints_percentiles_and_the_floor() -> None:
    out = run_script("answer_to_wall.py", "--quick")
    line = re.search(r"^20 phones: answer to wall p50 ([\d.]+) ms, p99 ([\d.]+) ms .* over "
                     r"(\d+) answers, (\d+) paints; floor: .* every 100.0 ms", out, re.M)
    assert line, out
    assert int(line[3]) > 0 and int(line[4]) > 1  # answers arrived and the chart repainted
    assert "unpainted 0" in out and "errors 0" in out


def test_reconnect_storm_prints_the_time_every_phone_took_to_come_back() -> None:
    out = run_script("reconnect_storm.py", "--phones", "20", "--runs", "1")
    assert re.search(r"^run 1: 20 phones back in [\d.]+ s$", out, re.M), out
    assert re.search(r"^reconnect storm, 20 phones: median [\d.]+ s", out, re.M), out


def test_check_speed_prints_the_check_and_screen_figures() -> None:
    out = run_script("check_speed.py", "--quick")
    assert re.search(r"^check, bundled session, whole process \(median of 1\): [\d.]+ s wall / "
                     r"[\d.]+ s CPU with the fit step; [\d.]+ s wall / [\d.]+ s CPU with "
                     r"--no-fit$", out, re.M), out
    assert re.search(r"^risk screen, one fresh answer: \d+ µs$", out, re.M), out


def test_poll_load_prints_the_poll_targets_and_the_qa_lines_with_nothing_lost() -> None:
    out = run_script("poll_load.py", "--phones", "20", "--seconds", "4", "--switch-every", "2",
                     "--capacity-seconds", "1")
    for name in ("ack_p99_ms", "fanout_p99_ms", "gui_gap_p99_ms", "rss_mb", "ratio_to_bare"):
        assert re.search(rf"^{name} +[\d.]+ +target ", out, re.M), out
    assert re.search(r"^lost +0$", out, re.M), out
    asked = re.search(r"^questions asked/acked/lost +(\d+)/(\d+)/(\d+) \((\d+) approved\)$",
                      out, re.M)
    assert asked, out
    assert int(asked[1]) == int(asked[2]) == 20 and asked[3] == "0" and int(asked[4]) > 0
    votes = re.search(r"^votes cast/acked/lost +(\d+)/(\d+)/(\d+)$", out, re.M)
    assert votes, out
    assert int(votes[1]) == int(votes[2]) > 0 and votes[3] == "0"
    assert re.search(r"^Q&A ack p50/p99 +[\d.]+ ms / [\d.]+ ms", out, re.M), out
    assert re.search(r"^question limit +300 per run \(the default\)$", out, re.M), out


def test_poll_load_without_qa_says_so() -> None:
    out = run_script("poll_load.py", "--phones", "5", "--seconds", "2", "--switch-every", "1",
                     "--capacity-seconds", "0.5", "--no-qa")
    assert "Q&A phase: off (--no-qa)" in out and "questions asked" not in out
