"""The projector's results chart: nothing below the threshold, then bars, cloud, texts."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from facilitator.core.polls.moderation import Decision
from facilitator.qt.polls.chart import PollChart
from tests.qt.polls.helpers import count_colour, grab, open_box

ORANGE = (0xE6, 0x9F, 0x00)
SKY = (0x56, 0xB4, 0xE9)


def test_below_threshold_shows_no_numbers_and_no_bars(qtbot: QtBot) -> None:
    box = open_box()
    box.submit("mood", "a", "o1")
    box.submit("mood", "b", "o2")
    chart = PollChart(box.results("mood"))
    qtbot.addWidget(chart)
    image = grab(chart)
    assert chart.drawn_text[0] == "Waiting for 1 more answer"
    assert not any("%" in text for text in chart.drawn_text)
    assert count_colour(image, ORANGE) == 0



def test_a_closed_poll_under_the_minimum_says_its_results_stay_private(qtbot: QtBot) -> None:
    """Closed or locked, no more answers come: "Waiting for 3 more" would be a false promise."""
    box = open_box()
    box.submit("mood", "a", "o1")
    box.submit("mood", "b", "o2")
    box.close("mood")
    chart = PollChart(box.results("mood"))
    qtbot.addWidget(chart)
    image = grab(chart)
    assert chart.drawn_text[0] == "Too few answers to show results, so they stay private"
    assert not any("%" in text for text in chart.drawn_text)
    assert count_colour(image, ORANGE) == 0

def test_bars_with_reference_beside_the_room(qtbot: QtBot) -> None:
    box = open_box()
    for key, pick in zip("abcd", ("o1", "o1", "o1", "o2"), strict=True):
        box.submit("mood", key, pick)
    box.close("mood")  # the room sees batches; closing publishes every answer
    chart = PollChart(box.results("mood"))
    qtbot.addWidget(chart)
    image = grab(chart)
    assert "This room (4)" in chart.drawn_text
    assert "Article (%)" in chart.drawn_text
    assert ["75%", "25%", "0%", "0%"] == [t for t in chart.drawn_text if t in
                                         ("75%", "25%", "0%")]
    assert "35%" in chart.drawn_text  # the article's figure for the first option
    assert count_colour(image, ORANGE) > 5000
    assert count_colour(image, SKY) > 2000


def test_hidden_results_show_no_figures(qtbot: QtBot) -> None:
    box = open_box()
    for key in "abc":
        box.submit("mood", key, "o1")
    box.set_hidden("mood", True)
    chart = PollChart(box.results("mood"))
    qtbot.addWidget(chart)
    image = grab(chart)
    assert chart.drawn_text[0] == "Results hidden"
    assert count_colour(image, ORANGE) == 0


def test_chart_updates_when_given_new_results(qtbot: QtBot) -> None:
    box = open_box()
    chart = PollChart(box.results("energy"))
    qtbot.addWidget(chart)
    grab(chart)
    assert chart.drawn_text[0] == "Waiting for 5 more answers"
    for index, key in enumerate("abcde"):
        box.submit("energy", key, 1 + index % 2)
    chart.set_results(box.results("energy"))
    grab(chart)
    assert "Average 1.4" in chart.drawn_text
    assert "1 Empty" in chart.drawn_text and "5 Full" in chart.drawn_text


def test_matrix_diverges_around_the_middle(qtbot: QtBot) -> None:
    box = open_box()
    for key, (a, b) in zip("abcde", ((1, 5), (1, 5), (2, 4), (3, 4), (5, 3)), strict=True):
        box.submit("gut", key, {"o1": a, "o2": b})
    chart = PollChart(box.results("gut"))
    qtbot.addWidget(chart)
    image = grab(chart)
    texts = chart.drawn_text
    assert "← Never" in texts and "Always →" in texts
    row = texts.index("I feel detached from patients")
    # 3 of 5 below the middle, 1 above (the middle answer is split, not counted).
    assert texts[row + 1: row + 3] == ["60%", "20%"]
    assert count_colour(image, (0x99, 0x99, 0x99)) > 0  # the neutral middle


def test_word_cloud_biggest_word_first(qtbot: QtBot) -> None:
    box = open_box()
    words = ("Tired", "tired", "tired", "hopeful", "numb", "hopeful", "hopeful", "numb",
             "numb", "dr okafor")
    for key, word in zip("abcdefghij", words, strict=True):
        box.submit("word", key, word)
    box.close("word")
    chart = PollChart(box.results("word"))
    qtbot.addWidget(chart)
    grab(chart)
    drawn = [text for text in chart.drawn_text if text in ("hopeful", "numb", "tired")]
    assert drawn == ["hopeful", "numb", "tired"]
    # A word fewer than the poll's minimum gave never reaches the projector.
    assert "dr okafor" not in chart.drawn_text


def test_open_text_only_after_approval_and_as_plain_text(qtbot: QtBot) -> None:
    box = open_box()
    payload = "<img src=x onerror=alert(1)> <b>bold</b>"
    for key, text in zip("abc", (payload, "Peer groups", "Sleep"), strict=True):
        box.submit("idea", key, text)
    chart = PollChart(box.results("idea"))
    qtbot.addWidget(chart)
    grab(chart)
    assert payload not in chart.drawn_text
    assert chart.drawn_text[0] == "Answers are being read"
    first = box.results("idea").pending[0]
    box.moderate("idea", first.id, Decision.APPROVED)
    chart.set_results(box.results("idea"))
    grab(chart)
    assert chart.drawn_text == [payload]


def test_the_overlay_strip_leaves_the_slide_visible_to_its_last_row(qtbot: QtBot) -> None:
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QWidget

    from facilitator.qt.polls.chart_paint import BACKGROUND

    slide = QWidget()  # stands in for the slide view, painted a colour no chart uses
    slide.setAutoFillBackground(True)
    palette = slide.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(200, 0, 200))
    slide.setPalette(palette)
    qtbot.addWidget(slide)
    box = open_box()
    chart = PollChart(box.results("mood"), overlay=True, parent=slide)  # below threshold
    slide.resize(800, 451)
    chart.setGeometry(0, 0, 800, 451)  # 451 * 0.8 is not a whole pixel
    slide.show()
    image = grab(slide, 800, 451)
    top = next(y for y in range(451) if image.getpixel((400, y)) != (200, 0, 200))
    assert top == round(451 * 0.8)
    assert image.getpixel((400, top)) == BACKGROUND.getRgb()[:3]  # no stray dark row
    assert image.getpixel((400, 100)) == (200, 0, 200)  # the question shows above the strip
