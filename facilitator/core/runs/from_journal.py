"""A recorded run (the journal's export) -> `RunResults`, the results report's input.

Answers are counted with the same `tally.count` the projector uses, against the session's
own poll definitions, so the report and the live chart cannot disagree. Only aggregates
leave this module: counts per option or scale point, approved texts, section timings.
"""

from __future__ import annotations

import json
import time
from dataclasses import replace
from typing import Any

from facilitator.core.polls import tally
from facilitator.core.polls.answers import Answer, AnswerError, parse_answer
from facilitator.core.risk.screen import mentions_risk
from facilitator.core.runs.results import (
    DEFAULT_THRESHOLD,
    ApprovedText,
    Count,
    MatrixRow,
    PollResult,
    QuestionCount,
    RunResults,
    TimingRow,
    from_timing_report,
)
from facilitator.core.session.model import Poll, PollType, Session

# The journal event under which the app stores the presenter's timing report at the end.
TIMING_EVENT = "timing-report"
PREFER_NOT_LABEL = "Prefer not to say"


def results_from_export(export: dict[str, Any], session: Session) -> RunResults:
    """Aggregate results of one run; polls never opened in the run are left out."""
    polls: list[PollResult] = []
    texts: list[ApprovedText] = []
    recorded: dict[str, Any] = export.get("polls", {})
    for poll in session.polls:
        entry = recorded.get(poll.id)
        if not entry or not entry.get("answers"):
            continue
        answers = _answers(poll, entry["answers"])
        # The report is read by people outside the room too: an answer that names a risk
        # is left out even if it was shown (the one risk screen, as on every path).
        # (Word polls' decisions sit on their answer rows too: those are words, not texts.)
        approved = [str(text) for text in entry.get("approved", [])
                    if poll.type is PollType.TEXT and not mentions_risk(str(text))]
        # Word decisions are not journaled: the report counts words as an unmoderated poll
        # would, still screened for risk, and the report's own threshold drops rare words.
        polls.append(_poll_result(replace(poll, moderate=False), answers, approved))
        texts.extend(ApprovedText(poll.id, text) for text in approved)
    timing = _timing(export)
    started = float(export.get("started") or 0)
    return RunResults(
        session_title=session.title,
        # One threshold for the whole report: the strictest any poll asked for.
        threshold=max((poll.min_responses for poll in session.polls), default=DEFAULT_THRESHOLD),
        polls=tuple(polls),
        approved_texts=tuple(texts),
        timing=timing,
        date=time.strftime("%Y-%m-%d", time.localtime(started)) if started else "",
        questions=tuple(QuestionCount(str(q["text"]), int(q["votes"]))
                        for q in export.get("questions", [])),
    )


def _answers(poll: Poll, raw_answers: list[Any]) -> list[Answer]:
    answers = []
    for raw in raw_answers:
        try:
            answers.append(parse_answer(poll, raw))
        except AnswerError:
            continue  # the session file changed since the run; count what still fits
    return answers


def _poll_result(poll: Poll, answers: list[Answer], approved: list[str]) -> PollResult:
    counted = tally.count(poll, answers, approved)
    prefer = [Count(PREFER_NOT_LABEL, counted.prefer_not)] if poll.prefer_not_to_say else []
    base = PollResult(poll.id, poll.question, poll.type.value, len(answers))
    match counted:
        case tally.ChoiceTally(bars=bars):
            return replace(base, options=(*(Count(b.label, b.count) for b in bars), *prefer))
        case tally.MatrixTally(points=points, rows=rows):
            return replace(
                base,
                columns=tuple(str(point) for point in points),
                rows=tuple(MatrixRow(row.label, row.counts) for row in rows),
                options=tuple(prefer),
            )
        case tally.WordTally(words=words):
            return replace(base, options=(*(Count(w, n) for w, n in words), *prefer))
        case _:
            return replace(base, options=tuple(prefer))


def _timing(export: dict[str, Any]) -> tuple[TimingRow, ...]:
    reports = [e for e in export.get("timing", []) if e.get("event") == TIMING_EVENT]
    if not reports:
        return ()
    try:
        return from_timing_report(json.loads(reports[-1]["detail"])).timing
    except (ValueError, KeyError, TypeError):
        return ()  # a damaged timing note should not cost the poll results
