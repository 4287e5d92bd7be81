"""Group commit: phones' answers that reach the server in one turn of its event loop are
checked, journaled in ONE transaction and stored together, then each phone is answered.

Why: a SQLite commit costs far more than the row it writes (measured here, 1,000 phones'
answers being rewritten: 35 us for an answer committed alone, 8 us each for ten committed
together), and under load many phones'
answers are handled in the same turn of the loop. Why it keeps the promise: each `reply` is
called only after `BallotBox.submit_many` returns, that is after the commit, so
"acknowledged" still means "on disk, survives kill -9". If the commit fails, the box keeps
none of the batch and every reply gets the OSError (its phone: 503 not-saved).

No event loop here: the phone server passes `schedule` (its loop's `call_soon`), so the
batch is written at the end of the current turn, waiting for nothing else: a lone answer
is written at once, one turn later. Like the box, a batch belongs to the box's owner
thread (the server's loop).
"""

from __future__ import annotations

from collections.abc import Callable

from facilitator.core.polls.answers import Answer
from facilitator.core.polls.ballot import BallotBox, BallotError, ErrorKind

Reply = Callable[[Answer | Exception], None]


class AnswerBatch:
    def __init__(self, box: BallotBox, schedule: Callable[[Callable[[], None]], object]) -> None:
        self._box = box
        self._schedule = schedule
        self._waiting: list[tuple[str, str, object, Reply]] = []

    def submit(self, poll_id: str, device_key: str, raw: object, reply: Reply) -> None:
        """`reply(stored answer)` once it is committed; `reply(BallotError or OSError)`."""
        self._waiting.append((poll_id, device_key, raw, reply))
        if len(self._waiting) == 1:  # the first of this turn schedules the write
            self._schedule(self.flush)

    def flush(self) -> None:
        """Check, journal (one transaction) and store every waiting answer, then reply."""
        waiting, self._waiting = self._waiting, []
        # Only the poll on the screen takes answers: leaving its slide closes it for phones
        # (coming back reopens it). Checked here, with the write, not when the request came.
        results: list[Answer | Exception | None] = [
            self._off_screen(poll_id) for poll_id, _, _, _ in waiting]
        items = [(poll_id, key, raw)
                 for (poll_id, key, raw, _), result in zip(waiting, results, strict=True)
                 if result is None]
        stored: list[Answer | Exception]
        try:
            stored = list(self._box.submit_many(items))
        except Exception as error:
            # An OSError: not on disk, none of them was stored (503 not-saved). Anything else
            # is a bug, answered 500 as a handler's own exception would be: never left hanging.
            stored = [error] * len(items)
        answers = iter(stored)
        for (_, _, _, reply), result in zip(waiting, results, strict=True):
            reply(result if result is not None else next(answers))

    def _off_screen(self, poll_id: str) -> BallotError | None:
        try:
            if self._box.poll(poll_id).id == self._box.current:
                return None
        except BallotError as error:  # no such poll
            return error
        return BallotError(ErrorKind.NOT_OPEN, "This poll is not on the screen now.")
