"""SQLite plumbing for the run journal: the schema, connection settings, transactions.

Why these settings: WAL with synchronous=NORMAL makes a commit survive `kill -9` at about
35 µs for one answer alone, 8 µs each for ten committed together; checkpoints are run by
`core.runs.checkpoint` on their own thread, never inside a commit on the server's loop;
secure_delete overwrites what archiving removes.

A write that cannot be committed (disk full, I/O error, database locked by another
process) leaves as `JournalWriteError`, an OSError: the ballot box's callers already answer
an OSError with "not saved", the same as for any other storage failure.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS secret (name TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS device (pseudonym TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS poll (
    poll_id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    hidden INTEGER NOT NULL,
    locked INTEGER NOT NULL,
    changed REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS answer (
    poll_id TEXT NOT NULL,
    device TEXT,              -- the device pseudonym; NULL once the run is archived
    value TEXT NOT NULL,      -- the answer as JSON, exactly as the ballot box accepted it
    at REAL NOT NULL,
    decision TEXT NOT NULL DEFAULT 'pending',  -- open text: the facilitator's moderation
    decided INTEGER,          -- order of decisions, so approved answers replay in order
    UNIQUE (poll_id, device)
);
CREATE TABLE IF NOT EXISTS question (   -- anonymous questions: no author column, ever
    question_id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    state TEXT NOT NULL,
    at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS question_vote (
    question_id TEXT NOT NULL REFERENCES question (question_id),
    device TEXT,              -- the voter's pseudonym; NULL once the run is unlinked
    UNIQUE (question_id, device)
);
CREATE TABLE IF NOT EXISTS timing (
    seq INTEGER PRIMARY KEY,
    at REAL NOT NULL,
    event TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
"""


def connect(path: Path, durable: bool) -> sqlite3.Connection:
    # isolation_level=None: we open and commit transactions ourselves, explicitly.
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
    connection.execute("PRAGMA secure_delete=ON")
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("PRAGMA wal_autocheckpoint=0")  # core.runs.checkpoint does it off the loop
    return connection


class JournalWriteError(OSError):
    """The journal could not save a change; nothing of it was kept. The message says why."""


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """One committed write. Raises JournalWriteError for any SQLite error on the way."""
    try:
        connection.execute("BEGIN IMMEDIATE")
        yield
        connection.execute("COMMIT")
    except BaseException as error:
        # A failed COMMIT (disk full) can leave the transaction open; a failed BEGIN or a
        # closed connection has none. Either way the original error is the one to report.
        with suppress(sqlite3.Error):
            if connection.in_transaction:
                connection.execute("ROLLBACK")
        if isinstance(error, sqlite3.Error):
            raise JournalWriteError(f"{error} in the run journal") from error
        raise
