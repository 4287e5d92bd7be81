"""Counting answers into what a chart draws, as immutable values.

A tally is only ever built when a poll has reached its minimum number of responses
(`ballot.BallotBox` decides); below it there is nothing to count on screen, so nothing
here needs to think about anonymity.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from facilitator.core.polls.answers import Answer
from facilitator.core.polls.moderation import Decision, WordDecisions
from facilitator.core.polls.percents import whole_percents
from facilitator.core.risk.screen import category_of
from facilitator.core.session.model import PREFER_NOT_TO_SAY, Poll, PollType


@dataclass(frozen=True)
class Bar:
    """One option or scale point: its count, its share of the room and the reference figure."""

    id: str
    label: str
    count: int
    share: float  # 0..1 of the people who gave an answer other than "prefer not to say"
    reference: float | None = None  # the article's figure, in percent, when the poll has one
    # What a chart prints: whole percent; one-answer polls' bars add up to exactly 100.
    percent: int = 0


@dataclass(frozen=True)
class ChoiceTally:
    """single, multiple, yes-no and scale polls: one bar per option or point."""

    bars: tuple[Bar, ...]
    prefer_not: int
    mean: float | None = None  # scale polls only


@dataclass(frozen=True)
class MatrixRow:
    id: str
    label: str
    counts: tuple[int, ...]  # one per scale point, low to high
    mean: float | None


@dataclass(frozen=True)
class MatrixTally:
    points: tuple[int, ...]
    low: str
    high: str
    rows: tuple[MatrixRow, ...]
    prefer_not: int


@dataclass(frozen=True)
class WordTally:
    """`words` is all a projector or phone may draw; the rest is for the facilitator only."""

    words: tuple[tuple[str, int], ...]  # most frequent first, ties alphabetical
    prefer_not: int
    held_back: int = 0  # answers about suicide or self-harm: never projected (safe messaging)
    # For the console only, never a projector or phone:
    risky: tuple[tuple[str, int, str], ...] = ()  # (word, count, category) the screen held
    waiting: tuple[tuple[str, int], ...] = ()  # a moderated poll's words not yet approved
    withdrawn: tuple[tuple[str, int], ...] = ()  # words the facilitator took off or held back


@dataclass(frozen=True)
class TextTally:
    approved: tuple[str, ...]  # in the order the facilitator approved them
    pending: int
    prefer_not: int


Tally = ChoiceTally | MatrixTally | WordTally | TextTally


def count(poll: Poll, answers: Iterable[Answer], approved: Iterable[str] = (),
          pending: int = 0, decisions: WordDecisions | None = None) -> Tally:
    """The tally of `answers` to `poll`. Text polls show only `approved` texts; word polls
    only the words the risk screen passes and, when moderated, the facilitator approved."""
    answers = list(answers)
    prefer_not = sum(1 for answer in answers if answer == PREFER_NOT_TO_SAY)
    given = [answer for answer in answers if answer != PREFER_NOT_TO_SAY]
    match poll.type:
        case PollType.SINGLE | PollType.YES_NO | PollType.MULTIPLE:
            return _choices(poll, given, prefer_not)
        case PollType.SCALE:
            return _scale(poll, given, prefer_not)
        case PollType.MATRIX:
            return _matrix(poll, given, prefer_not)
        case PollType.WORD:
            return _words(poll, given, prefer_not, decisions or WordDecisions())
        case PollType.TEXT:
            return TextTally(tuple(approved), pending, prefer_not)
    raise ValueError(poll.type)  # pragma: no cover - PollType is closed


def _words(poll: Poll, given: list[Answer], prefer_not: int,
           decisions: WordDecisions) -> WordTally:
    """Count first, then screen each distinct word once (this runs on every change). A word
    the risk screen flags is held back whatever anyone decides: it reaches the facilitator,
    never the wall."""
    counted = sorted(Counter(str(answer) for answer in given).items(),
                     key=lambda item: (-item[1], item[0]))
    shown: list[tuple[str, int]] = []
    risky: list[tuple[str, int, str]] = []
    waiting: list[tuple[str, int]] = []
    withdrawn: list[tuple[str, int]] = []
    for word, n in counted:
        decision = decisions.of(word)
        if (category := category_of(word)) is not None:
            risky.append((word, n, category.value))
        elif decision is Decision.REJECTED:
            withdrawn.append((word, n))
        elif poll.moderated and decision is not Decision.APPROVED:
            waiting.append((word, n))
        else:
            shown.append((word, n))
    return WordTally(tuple(shown), prefer_not, sum(n for _, n, _ in risky), tuple(risky),
                     tuple(waiting), tuple(withdrawn))


def _reference(poll: Poll, index: int) -> float | None:
    return poll.reference[index] if index < len(poll.reference) else None


def _choices(poll: Poll, given: list[Answer], prefer_not: int) -> ChoiceTally:
    # Single picks counted in one pass (this runs for every publish, at 10 Hz in a vote);
    # the tuples of a multiple-choice poll pick by pick.
    counts = Counter(str(answer) for answer in given if not isinstance(answer, tuple))
    for answer in given:
        if isinstance(answer, tuple):
            counts.update(str(pick) for pick in answer)
    people = len(given)
    numbers = [counts[option.id] for option in poll.options]
    if poll.type is PollType.MULTIPLE:  # several picks each: the shares never add to 100
        figures = tuple(_half_up(n * 100 / people) if people else 0 for n in numbers)
    else:
        figures = whole_percents(numbers)
    bars = tuple(
        Bar(option.id, option.label, numbers[index],
            numbers[index] / people if people else 0.0, _reference(poll, index),
            figures[index])
        for index, option in enumerate(poll.options)
    )
    return ChoiceTally(bars, prefer_not)


def _half_up(value: float) -> int:
    """12.5 -> 13, not round()'s 12 (half to even surprises readers of a chart)."""
    return int(value + 0.5)


def _scale(poll: Poll, given: list[Answer], prefer_not: int) -> ChoiceTally:
    counts = Counter(answer for answer in given if isinstance(answer, int))
    people = sum(counts.values())
    points = poll.scale_points
    figures = whole_percents([counts[point] for point in points])
    bars = tuple(
        Bar(str(point), _point_label(poll, point), counts[point],
            counts[point] / people if people else 0.0, _reference(poll, index),
            figures[index])
        for index, point in enumerate(points)
    )
    mean = sum(point * n for point, n in counts.items()) / people if people else None
    return ChoiceTally(bars, prefer_not, mean)


def _point_label(poll: Poll, point: int) -> str:
    low, high = poll.scale_labels
    if point == poll.scale_min and low:
        return f"{point} {low}"
    if point == poll.scale_max and high:
        return f"{point} {high}"
    return str(point)


def _matrix(poll: Poll, given: list[Answer], prefer_not: int) -> MatrixTally:
    points = poll.scale_points
    per_row: dict[str, Counter[int]] = {row.id: Counter() for row in poll.rows}
    for answer in given:
        if isinstance(answer, tuple):
            for pair in answer:
                if isinstance(pair, tuple):
                    per_row[pair[0]][pair[1]] += 1
    rows = []
    for row in poll.rows:
        counts = per_row[row.id]
        total = sum(counts.values())
        mean = sum(p * n for p, n in counts.items()) / total if total else None
        rows.append(MatrixRow(row.id, row.label, tuple(counts[p] for p in points), mean))
    low, high = poll.scale_labels
    return MatrixTally(points, low, high, tuple(rows), prefer_not)
