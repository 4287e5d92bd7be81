"""What a session run produced, in aggregate only: the input of the results report.

The journal (after a run) and the presenter's timing report build a `RunResults`;
`to_json`/`from_json` let `facilitator report RUN.json` work from a saved file. There is
no per-person field anywhere: counts per option, approved free text, section timings.

`shown_counts` applies the minimum-response threshold the way published statistics do:
a small cell is replaced by "fewer than N", and when the cells of a poll add up to its
total, a second cell is hidden too so the first cannot be worked out by subtraction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

FORMAT = "facilitator-run/1"
DEFAULT_THRESHOLD = 5
# Poll types whose option counts add up to the number of responses (one answer each).
_ONE_ANSWER = frozenset({"single", "yes-no", "scale", "matrix"})


class ResultsError(ValueError):
    """A saved run that cannot be read; `str()` says where and what."""


@dataclass(frozen=True)
class Count:
    label: str
    count: int


@dataclass(frozen=True)
class MatrixRow:
    """One row of a matrix poll: counts per scale point, in `PollResult.columns` order."""

    label: str
    counts: tuple[int, ...]


@dataclass(frozen=True)
class PollResult:
    poll_id: str
    question: str
    type: str  # a core.session.model.PollType value
    responses: int
    options: tuple[Count, ...] = ()
    columns: tuple[str, ...] = ()  # matrix: the scale points' labels
    rows: tuple[MatrixRow, ...] = ()

    @property
    def one_answer_each(self) -> bool:
        return self.type in _ONE_ANSWER


@dataclass(frozen=True)
class ApprovedText:
    poll_id: str
    text: str


@dataclass(frozen=True)
class QuestionCount:
    """An approved anonymous question and how many phones voted for it."""

    text: str
    votes: int


@dataclass(frozen=True)
class TimingRow:
    section: str
    planned_minutes: float
    actual_minutes: float

    @property
    def difference(self) -> float:
        return self.actual_minutes - self.planned_minutes


@dataclass(frozen=True)
class RunResults:
    session_title: str
    threshold: int
    polls: tuple[PollResult, ...] = ()
    approved_texts: tuple[ApprovedText, ...] = ()
    timing: tuple[TimingRow, ...] = ()
    date: str = ""  # ISO date of the run, as the journal recorded it
    questions: tuple[QuestionCount, ...] = ()  # approved only, most votes first

    def texts_for(self, poll_id: str) -> tuple[str, ...]:
        return tuple(item.text for item in self.approved_texts if item.poll_id == poll_id)

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "session_title": self.session_title,
                "date": self.date,
                "threshold": self.threshold,
                "polls": [
                    {
                        "id": poll.poll_id, "question": poll.question, "type": poll.type,
                        "responses": poll.responses,
                        "options": [[item.label, item.count] for item in poll.options],
                        "columns": list(poll.columns),
                        "rows": [[row.label, list(row.counts)] for row in poll.rows],
                    }
                    for poll in self.polls
                ],
                "approved_texts": [[item.poll_id, item.text] for item in self.approved_texts],
                "timing": [
                    [row.section, row.planned_minutes, row.actual_minutes] for row in self.timing
                ],
                "questions": [[item.text, item.votes] for item in self.questions],
            },
            ensure_ascii=False,
            indent=2,
        )

    @classmethod
    def from_json(cls, text: str, source: str = "<run>") -> RunResults:
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as error:
            raise ResultsError(f"{source}: not valid JSON: {error}") from None
        try:
            if isinstance(raw, dict) and "format" not in raw and "sections" in raw:
                return from_timing_report(raw)
            return _parse(raw)
        except (KeyError, TypeError, ValueError) as error:
            raise ResultsError(f"{source}: not a saved run ({_describe(error)})") from None


def from_timing_report(raw: dict[str, Any]) -> RunResults:
    """A run with timing only, from the presenter's saved timing report (agenda.report()).

    Sections never reached are left out: "0 minutes" would read as skipped on purpose.
    """
    timing = tuple(
        TimingRow(str(row["title"]), float(row["planned_minutes"]), float(row["actual_minutes"]))
        for row in raw["sections"]
        if row.get("visited", True)
    )
    started = str(raw.get("started") or "")
    return RunResults(session_title=str(raw["session"]), threshold=DEFAULT_THRESHOLD,
                      timing=timing, date=started[:10])


def with_timing(results: RunResults, timing: RunResults) -> RunResults:
    """`results` with the timing rows of another saved run or timing report."""
    return replace(results, timing=timing.timing)


def shown_counts(counts: tuple[int, ...], threshold: int, sums_to_total: bool) -> tuple[str, ...]:
    """Each count as printed: the number, or "fewer than N" below the threshold.

    Zero is a cell like any other: "nobody chose X" is as telling as "one person did".
    """
    hidden = [count < threshold for count in counts]
    if sums_to_total and hidden.count(True) == 1 and len(counts) > 1:
        # One hidden cell could be recovered from the total: hide the smallest other one too.
        smallest = min((c, i) for i, c in enumerate(counts) if not hidden[i])[1]
        hidden[smallest] = True
    return tuple(
        f"fewer than {threshold}" if is_hidden else str(count)
        for count, is_hidden in zip(counts, hidden, strict=True)
    )


def _parse(raw: Any) -> RunResults:
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ValueError(f"expected format {FORMAT!r}")
    threshold = int(raw["threshold"])
    if threshold < 1:
        raise ValueError("threshold must be at least 1")
    polls = tuple(
        PollResult(
            poll_id=str(item["id"]),
            question=str(item["question"]),
            type=str(item["type"]),
            responses=_count(item["responses"]),
            options=tuple(Count(str(label), _count(n)) for label, n in item.get("options", [])),
            columns=tuple(str(c) for c in item.get("columns", [])),
            rows=tuple(
                MatrixRow(str(label), tuple(_count(n) for n in counts))
                for label, counts in item.get("rows", [])
            ),
        )
        for item in raw.get("polls", [])
    )
    texts = tuple(ApprovedText(str(pid), str(text)) for pid, text in raw.get("approved_texts", []))
    timing = tuple(
        TimingRow(str(section), float(planned), float(actual))
        for section, planned, actual in raw.get("timing", [])
    )
    return RunResults(
        session_title=str(raw["session_title"]),
        threshold=threshold,
        polls=polls,
        approved_texts=texts,
        timing=timing,
        date=str(raw.get("date", "")),
        questions=tuple(QuestionCount(str(text), _count(votes))
                        for text, votes in raw.get("questions", [])),
    )


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"a count must be a whole number >= 0, got {value!r}")
    return value


def _describe(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"missing {error.args[0]!r}"
    return str(error)
