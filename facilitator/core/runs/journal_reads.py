"""The run journal read back: what a resume rebuilds from, what the run list shows, and
the export, the one copy of a run meant to leave the laptop.

Why apart from `core.runs.journal`: recording a run is about durability and pseudonyms
(every write committed before it returns, the secrets destroyed by `unlink`); reading it
back is about what each reader may see. Only a resume gets pseudonyms (`state`, and the
groups kept in `meta`); `info` and `export` never show one, and a shared export also drops
what the report's rules hold back (`_share_only`). Nothing here writes, so a journal opened
only to list, export or report a run cannot change it through these.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from facilitator.core.polls.answers import JsonAnswer
from facilitator.core.polls.moderation import Decision
from facilitator.core.polls.snapshot import PollState, PollStatus


@dataclass(frozen=True)
class RunInfo:
    """One past or current run, as listed for the facilitator."""

    path: Path
    run_id: str
    title: str
    session_hash: str
    source: str
    started: float
    finished: float | None
    archived: bool
    answers: int
    retired: bool = False  # left interrupted, but never offered for resume again

    @property
    def status(self) -> str:
        if self.archived:
            return "archived"
        return "finished" if self.finished is not None else "interrupted"


@dataclass
class RunState:
    """What a resumed run starts from: everything the ballot box, room and presenter need.

    Device keys here are pseudonyms, the same keys the ballot box used before the crash.
    """

    slide: int = 0
    current: str | None = None
    polls: dict[str, PollState] = field(default_factory=dict)
    # poll id -> {pseudonym: answer as JSON}, in the order they were last given
    answers: dict[str, dict[str, JsonAnswer]] = field(default_factory=dict)
    # (poll id, pseudonym, decision) for moderated text answers, in decision order
    decisions: list[tuple[str, str, Decision]] = field(default_factory=list)
    devices: list[str] = field(default_factory=list)


class JournalReads:
    """Mixed into `Journal`, which provides the connection, its path and the questions
    (`QuestionRecords.public_questions`, which the export carries)."""

    _db: sqlite3.Connection
    path: Path
    public_questions: Callable[[], list[dict[str, object]]]

    def meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    @property
    def session_hash(self) -> str:
        return self.meta("session_hash") or ""

    def state(self) -> RunState:
        """The run as it stood at the last commit: what a resume rebuilds from."""
        state = RunState(slide=int(self.meta("slide") or 0), current=self.meta("current") or None)
        for poll_id, status, hidden, locked in self._db.execute(
            "SELECT poll_id, status, hidden, locked FROM poll ORDER BY changed"
        ):
            state.polls[poll_id] = PollState(PollStatus(status), bool(hidden), bool(locked))
        for poll_id, device, value in self._db.execute(
            "SELECT poll_id, device, value FROM answer WHERE device IS NOT NULL ORDER BY at"
        ):
            state.answers.setdefault(poll_id, {})[device] = json.loads(value)
        for poll_id, device, decision in self._db.execute(
            "SELECT poll_id, device, decision FROM answer "
            "WHERE decided IS NOT NULL AND device IS NOT NULL ORDER BY decided"
        ):
            state.decisions.append((poll_id, device, Decision(decision)))
        state.devices = [row[0] for row in self._db.execute("SELECT pseudonym FROM device")]
        return state

    def info(self) -> RunInfo:
        finished = self.meta("finished")
        (count,) = self._db.execute("SELECT count(*) FROM answer").fetchone()
        return RunInfo(
            path=self.path,
            run_id=self.meta("run_id") or self.path.stem,
            title=self.meta("title") or "",
            session_hash=self.session_hash,
            source=self.meta("source") or "",
            started=float(self.meta("started") or 0),
            finished=None if finished is None else float(finished),
            archived=self.meta("archived") == "1",
            answers=int(count),
            retired=self.meta("retired") == "1",
        )

    def export(self, shareable: bool = False) -> dict[str, Any]:
        """The run as plain JSON-able data, without any pseudonym or secret.

        `shareable`: the copy meant to leave the laptop: open text only as approved, and
        words only those at least the poll's minimum of people gave (the report's rules)."""
        info = self.info()
        polls: dict[str, dict[str, Any]] = {}

        def entry(poll_id: str) -> dict[str, Any]:
            return polls.setdefault(
                poll_id, {"status": "idle", "answers": [], "approved": [], "count": 0}
            )

        for poll_id, status in self._db.execute("SELECT poll_id, status FROM poll"):
            entry(poll_id)["status"] = status
        for poll_id, value in self._db.execute("SELECT poll_id, value FROM answer ORDER BY at"):
            entry(poll_id)["answers"].append(json.loads(value))
            entry(poll_id)["count"] += 1
        for poll_id, value in self._db.execute(
            "SELECT poll_id, value FROM answer WHERE decision = 'approved' ORDER BY decided"
        ):
            entry(poll_id)["approved"].append(json.loads(value))
        timing = [
            {"at": at, "event": event, "detail": detail}
            for at, event, detail in self._db.execute(
                "SELECT at, event, detail FROM timing ORDER BY seq"
            )
        ]
        if shareable:
            _share_only(polls, self.meta("poll_rules"))
        return {
            "run_id": info.run_id,
            "title": info.title,
            "source": info.source,
            "session_hash": info.session_hash,
            "started": info.started,
            "finished": info.finished,
            "status": info.status,
            "slide": int(self.meta("slide") or 0),
            "polls": polls,
            "timing": timing,
            # Approved questions only (pending and held-back text never leaves), with counts.
            "questions": self.public_questions(),
        }


def _share_only(polls: dict[str, dict[str, Any]], rules_json: str | None) -> None:
    """Drop from `polls` what a shared export must not hold (see `JournalReads.export`)."""
    try:
        rules: dict[str, list[Any]] = json.loads(rules_json or "{}")
    except ValueError:
        rules = {}
    for poll_id, entry in polls.items():
        kind, minimum = rules.get(poll_id, ("", 0))
        if kind == "text":
            entry["answers"] = list(entry["approved"])
        elif kind == "word":
            counts = Counter(json.dumps(a) for a in entry["answers"])
            entry["answers"] = [a for a in entry["answers"] if counts[json.dumps(a)] >= minimum]
