"""The run journal: one SQLite database (WAL) per session run, so a crash loses nothing.

A *run* is one showing of a session. Its journal holds what is needed to pick the run up
again after a crash and to report on it afterwards: the session file's hash, the slide
position, which polls are open or closed, every answer, the approved open-text answers and
the timing log. It holds no IP address and no user agent. A phone is known here only by
its *pseudonym*, `pseudonym(cookie value)`: an HMAC whose key is a random secret of this
run, kept in the same database and deleted when the run finishes (`finish` unlinks the
run: no key, no pseudonym, answer times to the minute), is archived or deleted. Only a
live or interrupted run keeps what a resume needs. The room
is told to use `pseudonym` for device keys (`Room.pseudonym`), so the ballot box, and
therefore every `record_*` call, already speaks in pseudonyms; after archiving, no answer
can be linked back to a phone, even by someone who has the phone's cookie.

`Journal` implements `core.polls.ballot.Journal` (answers, poll states, resets, the current poll,
moderation decisions) and adds what the app records: devices, slide, timing, room secret.
This module records a run; reading it back (the resume state, the run list's `RunInfo`, the
export) is `core.runs.journal_reads`, and the questions' part is `core.runs.question_records`.

Durability: every write is committed before the call returns, so the ballot box can
acknowledge an answer only after it is on disk. Each write is its own transaction, except
that answers reaching the phone server in the same turn of its event loop are written
together in one (`record_answers`: the group commit of `core.polls.answer_batch`).
The database runs in WAL mode with `synchronous=NORMAL`: a commit survives the process
being killed (`kill -9`, a crash of the app), and costs about 35 µs here for one answer
alone, about 8 µs each when ten are committed together (`record_answers`); `FULL` also
survives a power cut between commit and checkpoint but costs 4 ms median, 20 ms p99 per
commit on this machine, which a room of phones answering at once would feel. `durable=True`
selects it.

Threading: a journal belongs to the thread that owns the ballot box (the server's loop).
It may be created on another thread and handed over before the server starts (SQLite's
same-thread check is off for that), but two threads must never use it at once.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from facilitator.core.polls.answers import Answer, answer_to_json
from facilitator.core.polls.moderation import Decision
from facilitator.core.polls.snapshot import PollState
from facilitator.core.release import app_version
from facilitator.core.runs.checkpoint import Checkpointer
from facilitator.core.runs.journal_reads import JournalReads
from facilitator.core.runs.question_records import QuestionRecords
from facilitator.core.runs.schema import SCHEMA, connect, transaction

SCHEMA_VERSION = 1
SUFFIX = ".run.sqlite"
_DEVICE_KEY = "device-hmac"


class JournalError(Exception):
    """A journal file that cannot be opened or is not a run journal; the message says why."""


class IncompatibleRun(JournalError):
    """A run recorded by a version of the app whose run format this one cannot read."""

    def __init__(self, message: str, session_hash: str) -> None:
        super().__init__(message)
        self.session_hash = session_hash


def file_hash(data: bytes) -> str:
    """The hash a journal keeps of the session file, to refuse resuming a changed file."""
    return hashlib.sha256(data).hexdigest()


class Journal(QuestionRecords, JournalReads):
    """A run's journal. Create with `Journal.create`, reopen with `Journal.open`; read it
    back with `state`, `info`, `export` and `meta` (`JournalReads`)."""

    def __init__(
        self, connection: sqlite3.Connection, path: Path, clock: Callable[[], float],
        live: bool = True,
    ) -> None:
        self._db = connection
        self.path = path
        self._clock = clock
        key = self._db.execute("SELECT value FROM secret WHERE name = ?", (_DEVICE_KEY,))
        row = key.fetchone()
        self._device_key: bytes | None = bytes(row[0]) if row else None
        # Only a run being recorded needs checkpoints; listing, exporting and reporting
        # open journals briefly and should not start a thread each time.
        self._checkpointer = Checkpointer(path) if live else None

    # -- opening ----------------------------------------------------------------------
    # The schema number decides whether a run can be resumed; the app version recorded
    # beside it is only there to say which version to open it with when it cannot.

    @classmethod
    def create(
        cls,
        folder: Path,
        *,
        session_hash: str,
        title: str,
        source: str = "",
        clock: Callable[[], float] = time.time,
        durable: bool = False,
    ) -> Journal:
        """A new run journal in `folder` (created if missing), with a fresh device secret."""
        folder.mkdir(parents=True, exist_ok=True)
        started = clock()
        stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime(started))
        run_id = f"{stamp}-{secrets.token_hex(3)}"
        path = folder / f"{run_id}{SUFFIX}"
        connection = connect(path, durable)
        connection.executescript(SCHEMA)  # outside the transaction: it commits by itself
        with transaction(connection):
            connection.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                [
                    ("schema", str(SCHEMA_VERSION)),
                    ("app_version", app_version()),
                    ("run_id", run_id),
                    ("session_hash", session_hash),
                    ("title", title),
                    ("source", source),
                    ("started", repr(started)),
                    ("slide", "0"),
                ],
            )
            connection.execute(
                "INSERT INTO secret (name, value) VALUES (?, ?)",
                (_DEVICE_KEY, secrets.token_bytes(32)),
            )
        return cls(connection, path, clock)

    @classmethod
    def open(
        cls, path: Path, *, clock: Callable[[], float] = time.time, durable: bool = False,
        live: bool = False,
    ) -> Journal:
        """Reopen an existing run journal: `live=True` to go on recording it (resume),
        otherwise to read, export or archive it."""
        if not path.is_file():
            raise JournalError(f"{path}: no such run journal")
        connection: sqlite3.Connection | None = None
        try:
            connection = connect(path, durable)
            version = connection.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            recorded = connection.execute(
                "SELECT value FROM meta WHERE key = 'app_version'").fetchone()
            digest = connection.execute(
                "SELECT value FROM meta WHERE key = 'session_hash'").fetchone()
        except sqlite3.DatabaseError as error:
            if connection is not None:  # another program's database: let the file go
                connection.close()
            raise JournalError(f"{path}: not a run journal ({error})") from None
        if version is None or version[0] != str(SCHEMA_VERSION):
            connection.close()
            raise IncompatibleRun(_incompatible(path, version and version[0],
                                                recorded and recorded[0]),
                                  digest[0] if digest else "")
        if live:  # a run started before a table existed (questions) gets it, empty
            connection.executescript(SCHEMA)
        return cls(connection, path, clock, live)

    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.stop()
        self._db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- the device pseudonym ---------------------------------------------------------

    def pseudonym(self, cookie: str) -> str:
        """The keyed hash a phone is known by in this run; stable across a restart."""
        if self._device_key is None:
            raise JournalError(f"{self.path}: this run is archived and takes no more answers")
        digest = hmac.new(self._device_key, cookie.encode("utf-8"), hashlib.sha256)
        return digest.hexdigest()[:32]

    # -- core.polls.ballot.Journal: each write committed before it returns -------------------

    def record_answer(self, poll_id: str, device_key: str, answer: Answer) -> None:
        """A new or changed answer; a changed open-text answer waits for moderation again."""
        self.record_answers([(poll_id, device_key, answer)])

    def record_answers(self, answers: Sequence[tuple[str, str, Answer]]) -> None:
        """Answers (poll id, device key, answer) in one transaction, in order: the group
        commit of answers that reached the server together. A transaction costs far more
        than a row (measured here, 35 us for one answer alone, 8 us each for ten together)."""
        # Each its own time, as when they were written one by one: a resume replays them
        # in `at` order.
        rows = [(poll_id, device_key, json.dumps(answer_to_json(answer), ensure_ascii=False),
                 self._clock()) for poll_id, device_key, answer in answers]
        with transaction(self._db):
            self._db.executemany(
                "INSERT INTO answer (poll_id, device, value, at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (poll_id, device) DO UPDATE SET value = excluded.value, "
                "at = excluded.at, decision = 'pending', decided = NULL",
                rows,
            )

    def record_poll_state(self, poll_id: str, state: PollState) -> None:
        with transaction(self._db):
            self._db.execute(
                "INSERT OR REPLACE INTO poll (poll_id, status, hidden, locked, changed) "
                "VALUES (?, ?, ?, ?, ?)",
                (poll_id, str(state.status), state.hidden, state.locked, self._clock()),
            )

    def record_reset(self, poll_id: str) -> None:
        with transaction(self._db):
            self._db.execute("DELETE FROM answer WHERE poll_id = ?", (poll_id,))

    def record_current(self, poll_id: str | None) -> None:
        self._set_meta("current", poll_id or "")

    def record_moderation(self, poll_id: str, device_key: str, decision: Decision) -> None:
        with transaction(self._db):
            (last,) = self._db.execute("SELECT coalesce(max(decided), 0) FROM answer").fetchone()
            self._db.execute(
                "UPDATE answer SET decision = ?, decided = ? WHERE poll_id = ? AND device = ?",
                (str(decision), int(last) + 1, poll_id, device_key),
            )

    def record_word_moderation(self, poll_id: str, word: str, decision: Decision) -> None:
        """A word poll's decision is about a word, for every phone that gave it: it is kept
        on each of their answers, so a resume replays it from any one of them."""
        value = json.dumps(word, ensure_ascii=False)
        with transaction(self._db):
            (last,) = self._db.execute("SELECT coalesce(max(decided), 0) FROM answer").fetchone()
            self._db.execute(
                "UPDATE answer SET decision = ?, decided = ? WHERE poll_id = ? AND value = ?",
                (str(decision), int(last) + 1, poll_id, value),
            )

    # -- what the app records besides the ballot ---------------------------------------

    def record_device(self, device_key: str) -> None:
        """A phone joined (`Room.on_join`): its cookie must still work after a restart."""
        with transaction(self._db):
            self._db.execute("INSERT OR IGNORE INTO device VALUES (?)", (device_key,))

    def record_slide(self, index: int) -> None:
        self._set_meta("slide", str(index))

    def record_presenter(self, state_json: str) -> None:
        """The presenter's timing state (agenda actuals, the prompt timer) as JSON, kept
        so a run resumed after a crash goes on with the same clocks."""
        self._set_meta("presenter", state_json)

    def record_groups(self, groups_json: str) -> None:
        """The breakout groups (device key -> group, as JSON; "" when cleared). Kept in
        meta, which `export` never shows: the keys are pseudonyms, still not for sharing."""
        self._set_meta("groups", groups_json)

    def record_timing(self, event: str, detail: str = "") -> None:
        """One line of the timing log: a section started, a prompt ran over, ..."""
        with transaction(self._db):
            self._db.execute(
                "INSERT INTO timing (at, event, detail) VALUES (?, ?, ?)",
                (self._clock(), event, detail),
            )

    def room_secret(self, name: str, make: Callable[[], str]) -> str:
        """A secret of the room (join token, room code) that must outlive a restart.

        The first call stores `make()`; later calls, also after a reopen, return it. Like the
        device key, it is destroyed by `archive`.
        """
        key = f"room:{name}"
        row = self._db.execute("SELECT value FROM secret WHERE name = ?", (key,)).fetchone()
        if row is not None:
            return bytes(row[0]).decode("utf-8")
        value = make()
        with transaction(self._db):
            self._db.execute(
                "INSERT INTO secret (name, value) VALUES (?, ?)", (key, value.encode("utf-8"))
            )
        return value

    def finish(self) -> None:
        """Mark the run as ended normally and unlink it: it is no longer offered for resume,
        and nothing in it ties two answers to one phone any more (see `unlink`)."""
        self._set_meta("finished", repr(self._clock()))
        self.unlink()

    def unlink(self) -> None:
        """Destroy the device secret (and the room's), every pseudonym and every precise time.

        One self-identifying open-text answer, even a rejected one, would otherwise name the
        person behind every other answer of the same device. Times are cut to the minute:
        microsecond times order answers closely enough to pair them with a watched tap.
        secure_delete, a truncating checkpoint and VACUUM keep the old bytes out of the file.
        """
        with transaction(self._db):
            self._db.execute("DELETE FROM secret")
            self._db.execute("UPDATE answer SET device = NULL, at = CAST(at / 60 AS INTEGER) * 60")
            self._db.execute("UPDATE poll SET changed = CAST(changed / 60 AS INTEGER) * 60")
            self._db.execute("DELETE FROM device")
            self._unlink_questions()
            self._db.execute("DELETE FROM meta WHERE key = 'groups'")  # keyed by pseudonym
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._db.execute("VACUUM")
        self._device_key = None

    def record_rules(self, rules: dict[str, tuple[str, int]]) -> None:
        """Each poll's type and minimum, so a shared export can apply the report's rules."""
        self._set_meta("poll_rules", json.dumps(rules, sort_keys=True))

    def retire(self) -> None:
        """The facilitator chose a new run over resuming this one: it stays listed as
        interrupted (its answers are kept), but is not offered for resume again."""
        self._set_meta("retired", "1")

    def archive(self) -> None:
        """Finish the run and destroy the device secret and every pseudonym.

        Answers stay for the report; nothing left in the file can tie two answers to the
        same phone. secure_delete and VACUUM keep the old bytes out of free pages.
        """
        if self.meta("finished") is None:
            self._set_meta("finished", repr(self._clock()))
        self._set_meta("archived", "1")
        self.unlink()

    def _set_meta(self, key: str, value: str) -> None:
        with transaction(self._db):
            self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))


def _incompatible(path: Path, schema: str | None, recorded: str | None) -> str:
    """Why a run from another version cannot be opened, and that nothing in it is lost."""
    who = f"facilitator {recorded}" if recorded else "an older facilitator"
    return (f"{path}: this run was recorded by {who} (run format {schema or 'unknown'}); "
            f"this is facilitator {app_version()} (run format {SCHEMA_VERSION}), which cannot "
            "resume it. Its answers are still in the file: open it with the version that "
            "recorded it to resume or export it.")
