"""Nasty participant text on the projector: bidi overrides, zero-width, the longest answer.

What a phone sends goes through the ballot box's cleaning, then a moderator's approval,
then the projector chart, which draws it as plain text and keeps it inside the slide.
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from facilitator.core.polls.moderation import Decision
from facilitator.core.session.model import TEXT_MAX_CHARS
from facilitator.qt.polls.chart import PollChart
from tests.qt.polls.helpers import grab, open_box

SENT = {
    "a": "safe\u202e<b>evil</b>",  # an RTL override would flip what the room reads
    "b": "zero\u200bwidth\u200d\ufeff words",
    "c": "\u0645\u0631\u062d\u0628\u0627 mixed with English",  # real RTL text stays
    "d": "long " * (TEXT_MAX_CHARS // 5),
}
SHOWN = {
    "a": "safe<b>evil</b>",
    "b": "zerowidth words",
    "c": "\u0645\u0631\u062d\u0628\u0627 mixed with English",
    "d": ("long " * (TEXT_MAX_CHARS // 5)).strip(),
}


@pytest.mark.parametrize("keys", ["abc", "bcd"])  # the idea poll needs 3 answers
def test_nasty_text_is_cleaned_then_drawn_as_plain_text(qtbot: QtBot, keys: str) -> None:
    box = open_box()
    for key in keys:
        box.submit("idea", key, SENT[key])
    for item in box.results("idea").pending:
        box.moderate("idea", item.id, Decision.APPROVED)
    chart = PollChart(box.results("idea"))
    qtbot.addWidget(chart)
    image = grab(chart)
    drawn = "\n".join(chart.drawn_text)
    for key in keys:
        assert SHOWN[key] in chart.drawn_text  # whole: wrapped, not elided or dropped
    assert "\u202e" not in drawn and "\u200b" not in drawn
    # Every row with text in it lies inside a card: nothing spills over a neighbour.
    background = image.getpixel((5, 5))
    card_edge = 34  # just inside the cards' left edge, left of where text starts
    for y in range(image.height):
        row = [image.getpixel((x, y)) for x in range(card_edge + 10, image.width - 40, 3)]
        if any(min(pixel) > 180 for pixel in row):
            assert image.getpixel((card_edge, y)) != background, f"text outside a card at y={y}"
