"""The ballot box: one answer per device per poll, tallies, and the minimum-response rule.

Anonymity here rests on three rules this class keeps so no view has to:

1. A device key is a random per-session value from the phone's cookie. It is used only to
   replace a device's earlier answer; no IP address or user agent ever reaches this class.
2. Below a poll's threshold (`min_responses`, never less than `threshold_floor`, raised
   by the devices beyond the facilitator's headcount) a snapshot carries the response count
   and no tally: projector and phones can say "waiting for N more answers" and nothing
   else; the console shows the count. Above it, the room sees only *publications*
   (`core.polls.publication`): batches of at least the poll's minimum, coarsened.
3. Open-text answers wait in a moderation queue; only approved ones are projected.

Threading: a BallotBox is not thread-safe. One owner uses it: the web server's event loop
(the desktop app posts the facilitator's commands onto that loop; `owner` says which thread
that is, and every change asserts it). Listeners are called on the owner's thread, after
the change; `snapshot()` gives an immutable view any thread may read. An optional
`Journal` is told of every change *before* the caller is answered, so an acknowledged vote
survives a crash.

The box keeps the rules of a change; what one poll's answers add up to is counted in
`core.polls.poll_count`, and what readers get are the frozen views of `core.polls.snapshot`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from enum import StrEnum
from types import MappingProxyType
from typing import Protocol

from facilitator.core.polls.answers import Answer, AnswerError, parse_answer
from facilitator.core.polls.moderation import Decision
from facilitator.core.polls.owner import OwnerThread
from facilitator.core.polls.poll_count import PollCount
from facilitator.core.polls.snapshot import BallotSnapshot, PollResults, PollState, PollStatus
from facilitator.core.session.model import Poll

THRESHOLD_FLOOR = 3


class Journal(Protocol):
    """Durable record of ballot changes (the SQLite journal implements it).

    Each method is called on the ballot box's owner thread, after the change is checked and
    before it is acknowledged; if it raises, the change is not applied or acknowledged.
    A write that storage refuses (disk full, I/O error, locked) raises an OSError, which
    the callers (phone server, desktop app) report as "not saved".
    """

    def record_answers(self, answers: Sequence[tuple[str, str, Answer]]) -> None:
        """New or changed answers, (poll id, device key, answer) in the order given, all
        in ONE transaction: every one of them is on disk when it returns, or none is."""
        ...

    def record_poll_state(self, poll_id: str, state: PollState) -> None: ...

    def record_reset(self, poll_id: str) -> None: ...

    def record_current(self, poll_id: str | None) -> None: ...

    def record_moderation(self, poll_id: str, device_key: str, decision: Decision) -> None: ...

    def record_word_moderation(self, poll_id: str, word: str, decision: Decision) -> None: ...


class ErrorKind(StrEnum):
    NOT_FOUND = "not-found"  # no such poll (404)
    INVALID = "invalid"  # answer does not fit the poll (400)
    NOT_OPEN = "not-open"  # poll idle, closed or locked (409)


class BallotError(Exception):
    def __init__(self, kind: ErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


class BallotBox:
    def __init__(self, polls: Iterable[Poll], journal: Journal | None = None,
                 threshold_floor: int = THRESHOLD_FLOOR) -> None:
        self._polls = {poll.id: poll for poll in polls}
        self._journal = journal
        self._floor = threshold_floor
        self._states = {poll_id: PollState() for poll_id in self._polls}
        # Each poll's answers, moderation, tally and publication (`core.polls.poll_count`).
        self._counts = {poll.id: PollCount(poll) for poll in self._polls.values()}
        self._current: str | None = None
        self._takehome = False
        self._version = 0
        self._cache: dict[str, tuple[int, PollResults]] = {}
        self._changed_at = {poll_id: 0 for poll_id in self._polls}
        self._surplus = 0  # devices beyond the facilitator's headcount (`set_surplus`)
        self._listeners: list[Callable[[], None]] = []
        self.owner = OwnerThread()  # the server's loop claims it when it starts

    # -- reading -------------------------------------------------------------------------

    @property
    def polls(self) -> tuple[Poll, ...]:
        return tuple(self._polls.values())

    @property
    def current(self) -> str | None:
        return self._current

    @property
    def version(self) -> int:
        """Grows by one with every change; cheap to compare for "anything new?"."""
        return self._version

    def poll(self, poll_id: str) -> Poll:
        try:
            return self._polls[poll_id]
        except KeyError:
            raise BallotError(ErrorKind.NOT_FOUND, "No such poll.") from None

    def state(self, poll_id: str) -> PollState:
        return self._states[self.poll(poll_id).id]

    def minimum(self, poll_id: str) -> int:
        """The poll's own minimum: the batch size of publications, and the word rule."""
        return max(self._floor, self.poll(poll_id).min_responses)

    def threshold(self, poll_id: str) -> int:
        """Answers needed before anything is shown: the minimum, plus one for each device
        beyond the headcount (each may be a second phone of someone already counted)."""
        return self.minimum(poll_id) + self._surplus

    def answer_of(self, poll_id: str, device_key: str) -> Answer | None:
        return self._counts[self.poll(poll_id).id].answers.get(device_key)

    def results(self, poll_id: str) -> PollResults:
        self.poll(poll_id)
        cached = self._cache.get(poll_id)
        if cached and cached[0] == self._changed_at[poll_id]:
            return cached[1]
        # Building it may take a new publication of the poll: see `PollCount.results`.
        results = self._counts[poll_id].results(self._states[poll_id], self.threshold(poll_id),
                                                self.minimum(poll_id))
        self._cache[poll_id] = (self._changed_at[poll_id], results)
        return results

    def snapshot(self) -> BallotSnapshot:
        polls = {poll_id: self.results(poll_id) for poll_id in self._polls}
        return BallotSnapshot(self._current, MappingProxyType(polls), self._version,
                              self._takehome)

    def add_listener(self, listener: Callable[[], None]) -> None:
        """`listener()` runs on the owner's thread after every change; keep it quick."""
        self._listeners.append(listener)

    def remove_listener(self, listener: Callable[[], None]) -> None:
        self._listeners.remove(listener)

    # -- phones --------------------------------------------------------------------------

    def submit(self, poll_id: str, device_key: str, raw: object) -> Answer:
        """Check and store a device's answer, replacing its earlier one. Raises BallotError
        (and the journal's OSError: then nothing is stored)."""
        (result,) = self.submit_many([(poll_id, device_key, raw)])
        if isinstance(result, BallotError):
            raise result
        return result

    def submit_many(self, items: Sequence[tuple[str, str, object]]
                    ) -> list[Answer | BallotError]:
        """Several devices' answers, (poll id, device key, raw answer), with ONE journal
        write: the phone server's group commit (`core.polls.answer_batch`). Each item gets
        its checked answer or its BallotError, in order, as `submit` one by one would.

        If the journal raises (an OSError: disk full, unplugged stick), nothing of the batch
        is stored and the error leaves to the caller: no answer is kept that is not on disk.
        """
        self._owned()
        results: list[Answer | BallotError] = []
        changes: list[tuple[str, str, Answer]] = []
        latest: dict[tuple[str, str], Answer] = {}  # what the box will hold after `changes`
        for poll_id, device_key, raw in items:
            try:
                answer = self._check(poll_id, raw)
            except BallotError as error:
                results.append(error)
                continue
            results.append(answer)
            slot = (poll_id, device_key)
            held = (latest[slot] if slot in latest
                    else self._counts[poll_id].answers.get(device_key))
            if held != answer:  # a resent answer (reconnect, double tap) changes nothing
                changes.append((poll_id, device_key, answer))
                latest[slot] = answer
        if changes:
            if self._journal:
                self._journal.record_answers(changes)
            for poll_id, device_key, answer in changes:
                self._store(poll_id, device_key, answer)
        return results

    def _check(self, poll_id: str, raw: object) -> Answer:
        """The answer `raw` would be if stored now, or BallotError."""
        poll = self.poll(poll_id)
        state = self._states[poll_id]
        if state.status is not PollStatus.OPEN:
            raise BallotError(ErrorKind.NOT_OPEN, "This poll is not open.")
        if state.locked:
            raise BallotError(ErrorKind.NOT_OPEN, "Answers to this poll are locked.")
        try:
            return parse_answer(poll, raw)
        except AnswerError as error:
            raise BallotError(ErrorKind.INVALID, str(error)) from None

    # -- the facilitator -----------------------------------------------------------------

    def open(self, poll_id: str) -> None:
        """Open a poll and show it on the phones."""
        self._set_state(poll_id, replace(self.state(poll_id), status=PollStatus.OPEN))
        self.set_current(poll_id)

    def close(self, poll_id: str) -> None:
        self._set_state(poll_id, replace(self.state(poll_id), status=PollStatus.CLOSED))

    def set_hidden(self, poll_id: str, hidden: bool) -> None:
        self._set_state(poll_id, replace(self.state(poll_id), hidden=hidden))

    def set_locked(self, poll_id: str, locked: bool) -> None:
        self._set_state(poll_id, replace(self.state(poll_id), locked=locked))

    def set_current(self, poll_id: str | None) -> None:
        """Which poll the phones show (None: "waiting for the next question")."""
        self._owned()
        if poll_id is not None:
            self.poll(poll_id)
        if poll_id == self._current:
            return
        if self._journal:
            self._journal.record_current(poll_id)
        self._current = poll_id
        self._changed(None)

    def set_takehome(self, on: bool) -> None:
        """Phones show the take-home page (True) or the poll page again (False). Not
        journaled: a resumed run shows it again when its slide comes up."""
        self._owned()
        if on != self._takehome:
            self._takehome = on
            self._changed(None)

    @property
    def takehome(self) -> bool:
        return self._takehome

    # The facilitator's toggles decide here, on the owner's thread, from the box's own state:
    # a console deciding from its last snapshot (up to 100 ms old) could undo a change made
    # meanwhile, e.g. close a poll that a double press had already closed.

    def toggle_open(self, poll_id: str) -> None:
        """Close an open poll; open any other (and show it on the phones)."""
        if self.state(poll_id).status is PollStatus.OPEN:
            self.close(poll_id)
        else:
            self.open(poll_id)

    def toggle_hidden(self, poll_id: str) -> None:
        self.set_hidden(poll_id, not self.state(poll_id).hidden)

    def toggle_locked(self, poll_id: str) -> None:
        self.set_locked(poll_id, not self.state(poll_id).locked)

    def show(self, poll_id: str) -> None:
        """The poll's slide came up: open it if it was never opened (a sensitive poll opens
        with its results hidden, so nothing reaches the wall before the facilitator has
        looked at it on the console), else only show it.

        Decided here, on the owner's thread, from the box's own state: a caller deciding from
        an earlier snapshot could reopen a poll closed (or resumed closed) meanwhile."""
        if self.state(poll_id).status is PollStatus.IDLE:
            self.open(poll_id)
            if self.poll(poll_id).sensitive:  # its results wait for the facilitator's Reveal
                self.set_hidden(poll_id, True)
        else:
            self.set_current(poll_id)

    def set_surplus(self, surplus: int) -> None:
        """Devices joined beyond the facilitator's headcount: every threshold rises by it."""
        self._owned()
        surplus = max(0, surplus)
        if surplus == self._surplus:
            return
        self._surplus = surplus
        for poll_id in self._polls:
            self._changed(poll_id)

    def reset(self, poll_id: str) -> None:
        """Forget every answer to a poll (a rehearsal, a false start). State is kept."""
        self._owned()
        self.poll(poll_id)
        if self._journal:
            self._journal.record_reset(poll_id)
        self._apply_reset(poll_id)

    def moderate(self, poll_id: str, item_id: str, decision: Decision) -> bool:
        """Approve or reject a text answer; False when the item was replaced meanwhile."""
        self._owned()
        queue = self._counts[self.poll(poll_id).id].queue
        if queue is None:
            return False
        device_key = queue.device_of(item_id)
        if device_key is None:
            return False
        if self._journal:
            self._journal.record_moderation(poll_id, device_key, decision)
        queue.decide(item_id, decision)
        self._changed(poll_id)
        return True

    def moderate_word(self, poll_id: str, word: str, decision: Decision) -> bool:
        """Show, hold back or withdraw one word of a word poll (for every phone that gave it).
        The journal keeps it on each answer that gave the word; a resume replays it."""
        self._owned()
        poll_count = self._counts[self.poll(poll_id).id]
        if poll_count.words is None:
            return False
        if self._journal:
            self._journal.record_word_moderation(poll_id, word, decision)
        poll_count.words.decide(word, decision)
        poll_count.apply_word_decision(self.minimum(poll_id))
        self._changed(poll_id)
        return True

    # -- replay from a journal (no journaling, same checks) ---------------------------------

    def restore_answer(self, poll_id: str, device_key: str, raw: object) -> None:
        self._store(poll_id, device_key, parse_answer(self.poll(poll_id), raw))

    def restore_poll_state(self, poll_id: str, state: PollState) -> None:
        self.poll(poll_id)
        self._states[poll_id] = state
        self._changed(poll_id)

    def restore_current(self, poll_id: str | None) -> None:
        if poll_id is not None:
            self.poll(poll_id)
        self._current = poll_id
        self._changed(None)

    def restore_moderation(self, poll_id: str, device_key: str, decision: Decision) -> None:
        poll_count = self._counts[self.poll(poll_id).id]
        # A word decision, replayed from one answer that gave the word:
        if poll_count.words is not None:
            word = poll_count.answers.get(device_key)
            if isinstance(word, str):
                poll_count.words.decide(word, decision)
                self._changed(poll_id)
        if poll_count.queue is not None:
            poll_count.queue.decide_for(device_key, decision)
            self._changed(poll_id)

    # -- internals -----------------------------------------------------------------------

    def _store(self, poll_id: str, device_key: str, answer: Answer) -> None:
        self._counts[poll_id].store(device_key, answer)
        self._changed(poll_id)

    def _apply_reset(self, poll_id: str) -> None:
        self._counts[poll_id].reset()
        self._changed(poll_id)

    def _set_state(self, poll_id: str, state: PollState) -> None:
        self._owned()
        if state == self._states[poll_id]:
            return
        if self._journal:
            self._journal.record_poll_state(poll_id, state)
        self._states[poll_id] = state
        self._changed(poll_id)

    def _owned(self) -> None:
        """Checked before any change (and again after, for replays): `python -O` drops it."""
        assert self.owner.here(), "the ballot box was changed off its owner thread"

    def _changed(self, poll_id: str | None) -> None:
        self._owned()
        self._version += 1
        if poll_id is not None:
            self._changed_at[poll_id] = self._version
        for listener in list(self._listeners):
            listener()
