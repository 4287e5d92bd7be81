"""One process per live run: a lock file beside the run's journal, holding the owner's pid.

A second start on the same session file must not pick up the run another window is still
recording (two servers with one room code, answer counts that diverge, one window closing
the other's run). The lock says "this run is live, in process N". A lock whose process is
gone (a crash, a kill) is stale: it is detected by its pid and cleared.

Pure Python, so `serve` and the desktop app can share it and tests need no Qt.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from facilitator.core.runs.catalogue import list_runs
from facilitator.core.runs.journal_reads import RunInfo

SUFFIX = ".lock"


def lock_path(journal: Path) -> Path:
    return journal.with_name(journal.name + SUFFIX)


def front_door_name(journal: Path) -> str:
    """A short name, the same in every process, for the live run's "come to the front"
    channel (a local socket: Unix socket paths are limited to about 100 bytes)."""
    digest = hashlib.sha256(str(journal.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"facilitator-{digest}"


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, but belongs to someone else
        return True
    except OSError:
        return False
    return True


def holder(journal: Path) -> int | None:
    """The pid of the live process recording `journal`, or None. A stale lock (its process
    is gone, or the file is unreadable garbage) is removed on the way."""
    path = lock_path(journal)
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        text = ""
    pid = int(text) if text.isdigit() else 0
    if _alive(pid):
        return pid
    with contextlib.suppress(OSError):
        path.unlink()
    return None


def _create_with_pid(path: Path) -> None:
    """Create `path` holding this pid, atomically: the pid is written to a private file
    first, then linked into place, so no process ever sees a half-written lock (which it
    would take for garbage and clear). Raises FileExistsError when the lock exists."""
    private = path.with_name(f"{path.name}.{os.getpid()}")
    private.write_text(str(os.getpid()), encoding="ascii")
    try:
        os.link(private, path)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: exclusive create instead
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as file:
            file.write(str(os.getpid()))
    finally:
        private.unlink(missing_ok=True)


def live_run(folder: Path, session_hash: str) -> RunInfo | None:
    """The newest unfinished run of this session file that a live process is recording."""
    for run in list_runs(folder):
        if (run.status == "interrupted" and run.session_hash == session_hash
                and holder(run.path) is not None):
            return run
    return None


class RunLock:
    """Held by the process recording a run, from before its first slide to its end."""

    def __init__(self, journal: Path) -> None:
        self.journal = journal
        self.path = lock_path(journal)
        self.held = False

    def acquire(self) -> bool:
        """Take the lock; False when another live process holds it. Safe against a second
        process racing for it: the file is created exclusively."""
        for _attempt in range(2):
            if holder(self.journal) not in (None, os.getpid()):
                return False
            try:
                _create_with_pid(self.path)
            except FileExistsError:
                if holder(self.journal) == os.getpid():
                    self.held = True
                    return True
                continue  # stale (cleared by holder) or just taken: look again
            self.held = True
            return True
        return False

    def release(self) -> None:
        """Give the lock back (only ours: never remove a lock another process holds)."""
        if not self.held:
            return
        self.held = False
        if holder(self.journal) == os.getpid():
            with contextlib.suppress(OSError):
                self.path.unlink()
