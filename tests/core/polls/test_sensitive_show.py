"""A sensitive poll's results wait for Reveal: shown for the first time, it opens hidden."""

from __future__ import annotations

import dataclasses

from facilitator.core.polls.ballot import BallotBox
from facilitator.core.polls.snapshot import PollStatus
from facilitator.core.session.model import Poll, PollType


def test_a_sensitive_poll_opens_hidden_and_stays_as_the_facilitator_left_it() -> None:
    plain = Poll("plain", "How was the session?", PollType.WORD)
    sensitive = dataclasses.replace(plain, id="heavy", sensitive=True)
    box = BallotBox([plain, sensitive])
    box.show("plain")
    assert box.state("plain").status is PollStatus.OPEN and not box.state("plain").hidden
    box.show("heavy")
    assert box.state("heavy").status is PollStatus.OPEN and box.state("heavy").hidden
    box.toggle_hidden("heavy")  # revealed
    box.show("plain")
    box.show("heavy")  # coming back does not hide it again
    assert not box.state("heavy").hidden
