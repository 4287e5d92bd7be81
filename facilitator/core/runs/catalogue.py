"""The folder of past runs: list them, find the one to resume, export one, delete one.

Each run is one journal file (`core.runs.journal`) in the folder the caller passes, which the app
takes from `settings.data_dir()`; core never reads settings itself.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from facilitator.core.runs.journal import (
    SUFFIX,
    IncompatibleRun,
    Journal,
    JournalError,
)
from facilitator.core.runs.journal_reads import RunInfo


def list_runs(folder: Path) -> list[RunInfo]:
    """Every readable run journal in `folder`, newest first; unreadable files are skipped."""
    runs: list[RunInfo] = []
    if not folder.is_dir():
        return runs
    for path in folder.glob(f"*{SUFFIX}"):
        try:
            with Journal.open(path) as journal:
                runs.append(journal.info())
        except (JournalError, sqlite3.DatabaseError):
            continue
    return sorted(runs, key=lambda run: run.started, reverse=True)


def latest_interrupted(folder: Path, session_hash: str | None = None) -> RunInfo | None:
    """The newest run that did not finish (optionally of this session file): resume offers
    it. A retired run (the facilitator started a new one instead) is not offered again."""
    for run in list_runs(folder):
        if run.status == "interrupted" and not run.retired and session_hash in (
                None, run.session_hash):
            return run
    return None


def incompatible_runs(folder: Path, session_hash: str) -> list[IncompatibleRun]:
    """Runs of this session file that another version of the app recorded and this one
    cannot read: `--resume` names them rather than saying there is nothing to resume."""
    found = []
    for path in folder.glob(f"*{SUFFIX}") if folder.is_dir() else ():
        try:
            Journal.open(path).close()
        except IncompatibleRun as error:
            if error.session_hash == session_hash:
                found.append(error)
        except (JournalError, sqlite3.DatabaseError):
            continue
    return found


def export_run(path: Path) -> str:
    """The run at `path` as a JSON document (UTF-8 text), the copy meant to be shared:
    approved open text only, words only those at least the poll's minimum gave."""
    with Journal.open(path) as journal:
        return json.dumps(journal.export(shareable=True), ensure_ascii=False, indent=2)


def delete_run(path: Path) -> None:
    """Delete a run journal with its WAL and shared-memory files (and so its secret)."""
    if not path.name.endswith(SUFFIX):
        raise JournalError(f"{path}: not a run journal")
    for extra in ("", "-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
