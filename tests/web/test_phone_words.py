"""Phones get only the words the projector may show: no risky, withdrawn or waiting word."""

from __future__ import annotations

import json
from dataclasses import replace

from facilitator.core.polls.ballot import BallotBox
from facilitator.core.polls.moderation import Decision
from facilitator.web.phone_json import results_json
from tests import polls

MODERATED = replace(polls.WORD, moderate=True)


def test_phones_get_only_the_words_the_projector_may_show() -> None:
    box = BallotBox([MODERATED])
    box.open("word")
    # Three of each: a word reaches the room only once the poll's minimum gave it (issue 13).
    for key, word in zip("abcdefghijklmno", ["kms", "dr smith sucks", "hope", "tea"] * 3
                         + ["kms", "dr smith sucks", "tea"], strict=True):
        box.submit("word", key, word)
    box.moderate_word("word", "hope", Decision.APPROVED)
    box.moderate_word("word", "dr smith sucks", Decision.REJECTED)
    sent = json.dumps(results_json(box.results("word")))
    assert '"hope"' in sent
    for hidden in ("kms", "dr smith sucks", "tea"):
        assert hidden not in sent
