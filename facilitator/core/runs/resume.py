"""Tie a ballot box and a room to a run journal, fresh or after a crash.

`start_run` creates the journal, `resume_run` reopens one; both hand back a `Run` whose
ballot box and room journal every change from then on. Resuming replays the journal into
a new ballot box and room with the same checks a live answer gets, so a journal edited by
hand cannot smuggle in an answer the poll does not allow (such answers are dropped and
counted in `Run.dropped`).

Call these before the server starts: afterwards the box and the room belong to its loop.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from facilitator.core.polls.answers import AnswerError
from facilitator.core.polls.ballot import BallotBox, BallotError
from facilitator.core.polls.groups import GroupPlan
from facilitator.core.polls.room import Room
from facilitator.core.questions.box import QuestionBox
from facilitator.core.runs.journal import Journal, JournalError
from facilitator.core.runs.journal_reads import RunState
from facilitator.core.session.model import Poll


@dataclass
class Run:
    journal: Journal
    box: BallotBox
    room: Room
    slide: int = 0
    dropped: int = 0  # journaled answers that no longer fit their poll (file edited)
    resumed: bool = False  # reopened after an interruption: the session is already live
    presenter: str = ""  # the presenter's journaled timing state (JSON), "" if none
    # Anonymous questions, journaled and restored like answers (`core.questions`).
    questions: QuestionBox = field(default_factory=QuestionBox)


def start_run(
    folder: Path,
    polls: Iterable[Poll],
    *,
    session_hash: str,
    title: str,
    source: str = "",
    clock: Callable[[], float] = time.time,
) -> Run:
    journal = Journal.create(
        folder, session_hash=session_hash, title=title, source=source, clock=clock
    )
    return _attach(journal, polls, RunState())


def resume_run(
    path: Path,
    polls: Iterable[Poll],
    *,
    session_hash: str | None = None,
    clock: Callable[[], float] = time.time,
) -> Run:
    """Reopen the run at `path`; with `session_hash`, refuse a run of a different file."""
    journal = Journal.open(path, clock=clock, live=True)
    if session_hash is not None and journal.session_hash != session_hash:
        journal.close()
        raise JournalError(
            f"{path}: this run was recorded with a different version of the session file"
        )
    if journal.info().finished is not None:
        journal.close()
        raise JournalError(f"{path}: this run has finished; start a new one")
    run = _attach(journal, polls, journal.state())
    run.resumed = True
    run.presenter = journal.meta("presenter") or ""
    return run


def _attach(journal: Journal, polls: Iterable[Poll], state: RunState) -> Run:
    # The room code and join token outlive a restart, so the QR on the wall keeps working.
    defaults = Room()
    room = Room(
        code=journal.room_secret("code", lambda: defaults.code),
        token=journal.room_secret("token", lambda: defaults.token),
        pseudonym=journal.pseudonym,
        on_join=journal.record_device,
        groups=groups_from_json(journal.meta("groups") or ""),
        on_groups=lambda plan: journal.record_groups(groups_to_json(plan)),
    )
    box = BallotBox(polls, journal)
    journal.record_rules({p.id: (str(p.type), box.minimum(p.id)) for p in box.polls})
    # restore_* replays without journaling: the journal is not written with what it holds.
    dropped = _replay(state, box, room)
    questions = QuestionBox(journal=journal)
    for stored in journal.questions():
        questions.restore(stored.id, stored.text, stored.state, stored.voters)
    return Run(journal, box, room, state.slide, dropped, questions=questions)


def groups_to_json(plan: GroupPlan | None) -> str:
    if plan is None:
        return ""
    return json.dumps({"size": plan.size, "count": plan.count, "members": dict(plan.members)})


def groups_from_json(text: str) -> GroupPlan | None:
    """The journaled plan; None when there is none or it is unreadable (groups can be
    assigned again; a run must still resume)."""
    try:
        data = json.loads(text) if text else None
        if not isinstance(data, dict):
            return None
        members = {str(key): int(value) for key, value in data["members"].items()}
        return GroupPlan(int(data["size"]), int(data["count"]), MappingProxyType(members))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _replay(state: RunState, box: BallotBox, room: Room) -> int:
    known = {poll.id for poll in box.polls}
    dropped = 0
    for device in state.devices:
        room.restore_device(device)
    for poll_id, poll_state in state.polls.items():
        if poll_id in known:
            box.restore_poll_state(poll_id, poll_state)
    for poll_id, answers in state.answers.items():
        for device, value in answers.items():
            try:
                box.restore_answer(poll_id, device, value)
            except (AnswerError, BallotError):
                dropped += 1
    for poll_id, device, decision in state.decisions:
        if poll_id in known:
            box.restore_moderation(poll_id, device, decision)
    if state.current in known:
        box.restore_current(state.current)
    return dropped
