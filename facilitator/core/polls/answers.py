"""Checking one phone's answer against its poll: allow-lists, ranges and lengths.

Everything a phone sends arrives as untrusted JSON. `parse_answer` turns it into an
`Answer`, a small immutable value, or raises `AnswerError` with a message a person can
read (the web layer sends it back as a 400). The same function re-reads answers from a
journal, so a stored answer is checked exactly like a fresh one.

Wire format of `answer`, by poll type (any type may also send the string
`"prefer-not-to-say"` when the poll offers it):

- single, yes-no: an option id, e.g. `"opt-2"`
- multiple: a list of 1..max_choices distinct option ids
- scale: an integer in scale_min..scale_max
- matrix: an object giving every row id an integer on the scale
- word: one to three words, at most 30 characters each
- text: up to 280 characters of plain text
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from facilitator.core.session.model import (
    PREFER_NOT_TO_SAY,
    TEXT_MAX_CHARS,
    WORD_MAX_WORDS,
    Poll,
    PollType,
)

WORD_MAX_CHARS = 30

# A matrix answer is stored as (row id, point) pairs in the poll's row order.
MatrixAnswer = tuple[tuple[str, int], ...]
Answer = str | int | tuple[str, ...] | MatrixAnswer

# JSON-compatible form, for the wire and for journals.
JsonAnswer = str | int | list[str] | dict[str, int]


class AnswerError(ValueError):
    """An answer that does not fit its poll; the message is safe to show the participant."""


def parse_answer(poll: Poll, raw: object) -> Answer:
    """The checked, normalised answer to `poll`, or AnswerError."""
    if raw == PREFER_NOT_TO_SAY:
        if not poll.prefer_not_to_say:
            raise AnswerError("This poll does not offer 'prefer not to say'.")
        return PREFER_NOT_TO_SAY
    match poll.type:
        case PollType.SINGLE | PollType.YES_NO:
            return _option(poll, raw)
        case PollType.MULTIPLE:
            return _options(poll, raw)
        case PollType.SCALE:
            return _point(poll, raw)
        case PollType.MATRIX:
            return _matrix(poll, raw)
        case PollType.WORD:
            return _words(raw)
        case PollType.TEXT:
            return _text(raw)
    raise AnswerError("Unknown poll type.")  # pragma: no cover - PollType is closed


def answer_to_json(answer: Answer) -> JsonAnswer:
    """The wire/journal form of a checked answer; `parse_answer` reads it back."""
    if isinstance(answer, tuple):
        if answer and isinstance(answer[0], tuple):
            return {str(pair[0]): int(pair[1]) for pair in answer if isinstance(pair, tuple)}
        return [str(item) for item in answer]
    return answer


def _option(poll: Poll, raw: object) -> str:
    if not isinstance(raw, str) or raw not in {option.id for option in poll.options}:
        raise AnswerError("Pick one of the listed options.")
    return raw


def _options(poll: Poll, raw: object) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw:
        raise AnswerError("Pick at least one option.")
    known = [option.id for option in poll.options]
    if any(not isinstance(item, str) or item not in known for item in raw):
        raise AnswerError("Pick only the listed options.")
    if len(set(raw)) != len(raw):
        raise AnswerError("Each option can be picked once.")
    limit = poll.max_choices if poll.max_choices > 0 else len(known)
    if len(raw) > limit:
        raise AnswerError(f"Pick at most {limit}.")
    # Poll order, so the same picks always make the same answer.
    return tuple(option for option in known if option in raw)


def _point(poll: Poll, raw: object) -> int:
    # bool is an int in Python; JSON true must not count as 1.
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise AnswerError("Pick a point on the scale.")
    if not poll.scale_min <= raw <= poll.scale_max:
        raise AnswerError(f"Pick a point from {poll.scale_min} to {poll.scale_max}.")
    return raw


def _matrix(poll: Poll, raw: object) -> MatrixAnswer:
    if not isinstance(raw, Mapping):
        raise AnswerError("Answer every row.")
    rows = [row.id for row in poll.rows]
    if set(raw) != set(rows):
        raise AnswerError("Answer every row, and only the listed rows.")
    return tuple((row, _point(poll, raw[row])) for row in rows)


_SPACE = re.compile(r"\s+")


def clean_text(raw: str) -> str:
    """Printable text on one line: control and format characters dropped, spaces collapsed.

    Normalised to NFC so the same word typed on two phones counts once.
    """
    text = unicodedata.normalize("NFC", raw)
    text = "".join(
        " " if ch.isspace() else ch for ch in text if ch.isspace() or _printable(ch)
    )
    return _SPACE.sub(" ", text).strip()


def _printable(ch: str) -> bool:
    # Cc control, Cf format (bidi overrides, zero-width), Cs/Co/Cn surrogates, private, unassigned.
    return not unicodedata.category(ch).startswith("C")


def _words(raw: object) -> str:
    if not isinstance(raw, str):
        raise AnswerError("Type one to three words.")
    # Case-folded so "Tired" and "tired" grow the same word in the cloud.
    text = clean_text(raw).casefold()
    words = text.split(" ") if text else []
    if not 1 <= len(words) <= WORD_MAX_WORDS:
        raise AnswerError(f"Type one to {WORD_MAX_WORDS} words.")
    if any(len(word) > WORD_MAX_CHARS for word in words):
        raise AnswerError(f"Words can be at most {WORD_MAX_CHARS} letters.")
    return text


def _text(raw: object) -> str:
    if not isinstance(raw, str):
        raise AnswerError("Type your answer.")
    text = clean_text(raw)
    if not text:
        raise AnswerError("Type your answer.")
    if len(text) > TEXT_MAX_CHARS:
        raise AnswerError(f"Keep it to {TEXT_MAX_CHARS} characters.")
    return text

