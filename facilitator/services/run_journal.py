"""Opening a run journal for a session file: a fresh run, or the one a crash interrupted.

Shared by `facilitator serve --record/--resume` and the desktop app (`run --resume`), so
both keep runs in the same folder (`settings.data_dir() / "runs"`) and say the same things
when a run cannot be resumed.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from facilitator.core.runs.catalogue import delete_run, incompatible_runs, latest_interrupted
from facilitator.core.runs.journal import Journal, JournalError, file_hash
from facilitator.core.runs.resume import Run, resume_run, start_run
from facilitator.core.session.model import Session
from facilitator.services import settings

RUNS_FOLDER = "runs"


class RunUnavailable(Exception):
    """No run could be opened; the message says why and what to do, for the facilitator."""


def runs_folder() -> Path:
    return settings.data_dir() / RUNS_FOLDER


def open_run(session: Session, file: Path, *, resume: bool) -> Run:
    """A journaled run of `session` (loaded from `file`): the newest interrupted one if
    `resume`, else a new one. Raises RunUnavailable with a readable message."""
    try:
        digest = file_hash(file.read_bytes())
    except OSError as error:
        raise RunUnavailable(f"{file}: {error.strerror or error}") from None
    folder = Path("runs")
    try:
        folder = runs_folder()
        if not resume:
            return start_run(
                folder, session.polls, session_hash=digest, title=session.title, source=str(file)
            )
        found = latest_interrupted(folder, digest)
        if found is None:
            older = incompatible_runs(folder, digest)  # recorded by another version
            if older:
                raise RunUnavailable(str(older[0]))
            raise RunUnavailable(
                f"{file}: no interrupted run of this file to resume "
                "(an edited file starts a new run; past runs are listed in the app)"
            )
        return resume_run(found.path, session.polls, session_hash=digest)
    except JournalError as error:
        raise RunUnavailable(str(error)) from None
    except (OSError, sqlite3.Error) as error:  # e.g. the data folder cannot be written
        raise RunUnavailable(f"cannot record this run in {folder}: {error}") from None


def retire_run(path: Path) -> None:
    """The facilitator chose "Start a new run" over resuming the run at `path`: it stays
    listed as interrupted but is never offered again. Best effort: a journal that cannot be
    written is simply offered next time."""
    try:
        with Journal.open(path) as journal:
            journal.retire()
    except (JournalError, OSError, sqlite3.Error):
        pass


def discard_run(run: Run) -> None:
    """A new run whose start failed before the first slide: nothing happened in it, so its
    journal goes rather than being offered for resume on every later start."""
    run.journal.close()
    delete_run(run.journal.path)
