"""Python's bytecode cache for the processes a benchmark launches, as a user has it.

This project's machine sets PYTHONDONTWRITEBYTECODE in every shell, so each launch compiled
facilitator's modules from source (about 0.1 s of the app's start, 0.03 s of `check`): a
cost a facilitator pays once, at the first launch after installing. The timed processes
read and write a cache of their own instead, in the benchmark's temporary folder, and the
scripts run each command once, untimed, to fill it.
"""

from __future__ import annotations

import os
from pathlib import Path


def cached(env: dict[str, str], folder: Path) -> dict[str, str]:
    """`env` with a bytecode cache in `folder`, whatever the shell said."""
    out = {key: value for key, value in env.items()
           if key not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    out["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")  # private: the tree stays as it was
    return out


def first_launch(env: dict[str, str]) -> dict[str, str]:
    """`env` as at the first launch after an editable install: nothing written, so
    facilitator's modules are compiled from source, while the standard library and the
    installed packages read the caches written when they were installed (no prefix: one
    would hide those)."""
    out = {key: value for key, value in env.items() if key != "PYTHONPYCACHEPREFIX"}
    out["PYTHONDONTWRITEBYTECODE"] = "1"
    return out


def shell_note() -> str:
    return (" (this shell sets PYTHONDONTWRITEBYTECODE; cleared for the runs)"
            if os.environ.get("PYTHONDONTWRITEBYTECODE") else "")
