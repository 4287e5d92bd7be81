"""One poll's count: its answers (one per device), and what they add up to for the console
and for the room.

A `BallotBox` (`core.polls.ballot`) keeps one `PollCount` per poll. The box decides *whether*
a change may happen (the owner thread, the poll's state, the journal first) and tells its
listeners; the count only keeps one poll's answers and works out what follows from them:
the number that are not "prefer not to say", the moderation queue of open text, the exact
tally (words as the facilitator decided), and the room's publication
(`core.polls.publication`). Kept apart so the box reads as the rules of a change, and the
count as the rules of what a set of answers shows.

Threading: like the box that owns it, a count is used on the box's owner thread only; it
hands out `PollResults`, which any thread may read.
"""

from __future__ import annotations

from dataclasses import replace

from facilitator.core.polls.answers import Answer
from facilitator.core.polls.moderation import ModerationQueue, TextItem, WordDecisions
from facilitator.core.polls.publication import Publication, coarsen, due
from facilitator.core.polls.snapshot import PollResults, PollState, PollStatus
from facilitator.core.polls.tally import Tally, WordTally, count
from facilitator.core.session.model import PREFER_NOT_TO_SAY, Poll, PollType


class PollCount:
    """The answers to one poll and the figures kept beside them. The box reads and decides
    on `queue` and `words` itself (the journal is told first); everything that follows from
    the answers is computed here."""

    def __init__(self, poll: Poll) -> None:
        self.poll = poll
        self.answers: dict[str, Answer] = {}  # by device key
        # Answers other than "prefer not to say", kept up to date (not counted per change).
        self.counted = 0
        self.events = 0  # new or changed answers
        self.queue = ModerationQueue() if poll.type is PollType.TEXT else None
        self.words = WordDecisions() if poll.type is PollType.WORD else None
        self.published: Publication | None = None  # what the room sees: the last publication

    def store(self, device_key: str, answer: Answer) -> None:
        """A device's new or changed answer, replacing its earlier one."""
        before = self.answers.get(device_key)
        self.counted += (answer != PREFER_NOT_TO_SAY) - (
            before is not None and before != PREFER_NOT_TO_SAY)
        self.answers[device_key] = answer
        self.events += 1
        if self.queue is not None:
            if answer == PREFER_NOT_TO_SAY:
                self.queue.remove(device_key)
            else:
                self.queue.put(device_key, str(answer))

    def reset(self) -> None:
        """Forget every answer, every moderation decision and the room's publication."""
        self.answers.clear()
        self.counted = 0
        self.events = 0
        self.published = None
        if self.queue is not None:
            self.queue.clear()
        if self.words is not None:
            self.words.clear()

    def results(self, state: PollState, threshold: int, minimum: int) -> PollResults:
        """The poll's view now, given the facilitator's switches, the answers needed before
        anything is shown and the poll's minimum (the batch size of publications)."""
        poll, answers, counted = self.poll, self.answers, self.counted
        live: Tally | None = None
        pending: tuple[TextItem, ...] = ()
        approved: tuple[TextItem, ...] = ()
        if counted >= threshold:
            live, pending = self.count()
            queue = self.queue
            approved = queue.approved_items() if queue is not None else ()
            # Decided here, when a snapshot is built (at most every 100 ms on the server),
            # not on every answer: the tally is counted once for both views.
            self._publish(state, live, minimum)
        published = self.published
        # Open text is gated by the facilitator's approval, not by batches.
        shown = live if poll.type is PollType.TEXT else published.tally if published else None
        shown_responses = (len(answers) if poll.type is PollType.TEXT
                           else published.answers if published else 0)
        return PollResults(poll, state, len(answers), threshold, shown,
                           pending, counted, live, approved, shown_responses)

    def count(self) -> tuple[Tally, tuple[TextItem, ...]]:
        """The exact tally (for the console), and the text answers still waiting for the
        facilitator's decision."""
        poll, answers = self.poll, self.answers.values()
        queue = self.queue
        if queue is None:
            return count(poll, answers, decisions=self.words), ()
        pending = queue.pending()
        return count(poll, answers, queue.approved(), len(pending)), pending

    def apply_word_decision(self, minimum: int) -> None:
        """A withdrawn word leaves the room's copy now, and an approved one joins it now
        (if enough people gave it), without waiting for the next batch of answers: the
        publication keeps its basis, only the facilitator's decision is applied to it."""
        published = self.published
        if published is None or not isinstance(published.tally, WordTally):
            return
        live, _ = self.count()
        if not isinstance(live, WordTally):
            return
        allowed = coarsen(live, minimum)
        assert isinstance(allowed, WordTally)
        kept = {word: n for word, n in published.tally.words
                if word in dict(allowed.words)}
        for word, n in allowed.words:  # newly approved: at the count the room may see
            kept.setdefault(word, n)
        ordered = tuple(sorted(kept.items(), key=lambda item: (-item[1], item[0])))
        self.published = replace(published, tally=replace(published.tally, words=ordered))

    def _publish(self, state: PollState, live: Tally, minimum: int) -> None:
        """Take a new publication of the poll (threshold met, `live` its exact tally) if one
        is due: see `core.polls.publication`."""
        poll = self.poll
        final = state.status is PollStatus.CLOSED or state.locked
        if poll.type is PollType.TEXT or (poll.reveal_on_close and not final):
            return
        if due(self.published, self.events, minimum, final):
            self.published = Publication(coarsen(live, minimum), self.events, len(self.answers))
