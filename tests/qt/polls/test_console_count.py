"""The console's count line over real HTTP votes: it says what the wall really shows (the
last publication, which can be a batch behind) and names a closed or locked poll."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from facilitator.qt.polls.bridge import PollBridge
from facilitator.qt.polls.chart import PollChart
from facilitator.qt.polls.controls import PollConsole
from facilitator.web.server import PollServer
from tests import polls
from tests.qt.polls.test_bridge import served, vote

__all__ = ["served"]  # the real server and bridge fixture, shared


def test_the_count_says_what_the_wall_shows_and_whether_the_poll_is_live(
        qtbot: QtBot, served: tuple[PollServer, PollBridge]) -> None:
    server, bridge = served
    console = PollConsole(bridge)
    qtbot.addWidget(console)
    bridge.show_poll("mood")  # threshold 3, published in batches of 3
    qtbot.waitUntil(lambda: console.open_button.text() == "Close poll", timeout=5000)

    def says(text: str) -> None:
        qtbot.waitUntil(lambda: console.count.text() == text, timeout=5000)

    for answer in ("o1", "o1", "o2"):
        assert vote(server, "mood", answer) == 200
    says("3 answers · hidden")  # a sensitive poll: it opened hidden, waiting for Reveal
    console.hide_button.click()
    says("3 answers · all on screen")
    assert vote(server, "mood", "o3") == 200  # one more: the wall still shows the batch of 3
    says("4 answers · 3 on screen")
    wall = server.call(lambda: server.box.results("mood")).result(5)
    assert wall.tally is not None and sum(bar.count for bar in wall.tally.bars) == 3
    chart = PollChart(overlay=True, bridge=bridge)  # the projector's chart
    qtbot.addWidget(chart)
    chart.show_poll(polls.SINGLE)
    chart.resize(1280, 720)
    qtbot.waitUntil(lambda: chart.results is not None and chart.results.responses == 4,
                    timeout=5000)
    chart.grab()
    assert "This room (3)" in chart.drawn_text  # the bars' own count, not the 4 since

    console.open_button.click()  # closing publishes the rest: the count is final
    says("4 answers · closed · all on screen")
    console.open_button.click()  # reopened: live again
    says("4 answers · all on screen")
    console.lock_button.click()
    says("4 answers · locked · all on screen")
    console.hide_button.click()
    says("4 answers · locked · hidden")
