"""What a phone is told: the open poll, its results if the room may see them, and itself.

Built from an immutable `BallotSnapshot`, so it can be computed once per broadcast and
shared by every phone; only the small "you" part differs per device.

Phones get what the projector shows and no more: the poll's last publication (batches of
at least the poll's minimum, shares rounded to 5 %, see `core.polls.publication`), as
shares, never counts, and no version number, so an answer that changes nothing on screen
("prefer not to say", a resent answer) sends nothing a phone could notice.
"""

from __future__ import annotations

from typing import Any

from facilitator.core.polls.answers import answer_to_json
from facilitator.core.polls.ballot import BallotBox
from facilitator.core.polls.groups import GroupPlan
from facilitator.core.polls.snapshot import BallotSnapshot, PollResults, PollStatus
from facilitator.core.polls.tally import ChoiceTally, MatrixTally, Tally, TextTally, WordTally
from facilitator.core.session.model import Poll, PollType

PHONE_WORDS = 20  # a phone shows the top words only; the projector draws the cloud


def room_json(snapshot: BallotSnapshot, code: str, group_count: int) -> dict[str, Any]:
    """The part every phone shares."""
    results = snapshot.current_results
    return {
        "room": code,
        "poll": poll_json(results) if results else None,
        "results": results_json(results) if results else None,
        "groups": group_count or None,
        "takehome": snapshot.takehome,
    }


def you_json(box: BallotBox, groups: GroupPlan | None, device_key: str) -> dict[str, Any]:
    """The part only this device sees: its own answer and group."""
    answer = box.answer_of(box.current, device_key) if box.current else None
    return {
        "answer": answer_to_json(answer) if answer is not None else None,
        "group": groups.group_of(device_key) if groups else None,
    }


def poll_json(results: PollResults) -> dict[str, Any]:
    poll: Poll = results.poll
    data: dict[str, Any] = {
        "id": poll.id,
        "question": poll.question,
        "type": str(poll.type),
        "status": str(results.state.status),
        "open": results.state.status is PollStatus.OPEN and not results.state.locked,
        "locked": results.state.locked,
        "prefer_not_to_say": poll.prefer_not_to_say,
        "reveal": "on-close" if poll.reveal_on_close else "live",
    }
    if poll.type in (PollType.SINGLE, PollType.MULTIPLE, PollType.YES_NO):
        data["options"] = [{"id": o.id, "label": o.label} for o in poll.options]
    if poll.type is PollType.MULTIPLE:
        data["max_choices"] = poll.max_choices if poll.max_choices > 0 else len(poll.options)
    if poll.type in (PollType.SCALE, PollType.MATRIX):
        data["scale"] = {"min": poll.scale_min, "max": poll.scale_max,
                         "low": poll.scale_labels[0], "high": poll.scale_labels[1]}
    if poll.type is PollType.MATRIX:
        data["rows"] = [{"id": r.id, "label": r.label} for r in poll.rows]
    return data


def results_json(results: PollResults) -> dict[str, Any]:
    """Numbers only when the projector shows them too: threshold reached and not hidden."""
    return {
        "waiting_for": results.waiting_for,
        "on_screen": results.on_screen,
        "tally": tally_json(results.tally) if results.on_screen and results.tally else None,
    }


def tally_json(tally: Tally) -> dict[str, Any]:
    match tally:
        case ChoiceTally(bars=bars, mean=mean):
            return {"kind": "bars", "mean": mean,
                    "bars": [{"label": b.label, "share": b.share} for b in bars]}
        case MatrixTally(rows=rows, low=low, high=high):
            return {"kind": "matrix", "low": low, "high": high,
                    "rows": [{"label": r.label, "mean": r.mean} for r in rows]}
        case WordTally(words=words):
            # Most frequent first; only words at least the poll's minimum of people gave.
            return {"kind": "words", "words": [w for w, _n in words[:PHONE_WORDS]]}
        case TextTally(approved=approved):
            return {"kind": "text", "approved": len(approved)}
    raise TypeError(tally)  # pragma: no cover
