"""Each command imports only what it uses: `check` no Qt, `print` no web server, and
`--version` none of the heavy three. Read from `python -X importtime`, as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "slides" / "numb-in-medicine.md"


def imported(*argv: str) -> set[str]:
    """Top-level packages the process imported (and it succeeded)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "facilitator", *argv],
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    rows = [line.split("|")[-1].strip() for line in done.stderr.splitlines()
            if line.startswith("import time:")]
    assert rows, "no -X importtime output"
    return {row.split(".")[0] for row in rows}


def check_fits() -> bool:
    """Whether `check` measures slide fit (with Qt) by default and has `--no-fit`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "facilitator", "check", "--help"],
                          capture_output=True, text=True, timeout=60, env=env)
    return "--no-fit" in done.stdout


def test_check_imports_no_qt_web_server_or_reportlab() -> None:
    # Once `check` also measures fit (it needs Qt for that), the pure check is `--no-fit`.
    loaded = imported("check", *(["--no-fit"] if check_fits() else []), str(BUNDLED))
    assert "facilitator" in loaded
    assert not loaded & {"PySide6", "shiboken6", "aiohttp", "reportlab"}


def test_check_with_fit_imports_qt_but_no_web_server_or_reportlab() -> None:
    if not check_fits():
        pytest.skip("this `check` has no fit step yet (issue 12 adds it)")
    loaded = imported("check", str(BUNDLED))
    assert "PySide6" in loaded
    assert not loaded & {"aiohttp", "reportlab"}


def test_print_imports_no_web_server_or_qt(tmp_path: Path) -> None:
    loaded = imported("print", str(BUNDLED), "--out", str(tmp_path))
    assert "reportlab" in loaded  # it did print
    assert not loaded & {"aiohttp", "PySide6"}


def test_version_prints_the_package_version_and_imports_little() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "facilitator", "--version"],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0
    from importlib.metadata import version

    assert done.stdout.strip() == f"facilitator {version('facilitator')}"
    assert not imported("--version") & {"PySide6", "aiohttp", "reportlab", "markdown_it"}
