"""Votes over real HTTP reach Qt widgets through the bridge, on the main thread."""

from __future__ import annotations

import http.client
import itertools
import json
import threading
from collections.abc import Iterator
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from facilitator.core.polls.ballot import BallotBox
from facilitator.core.polls.room import Room, RoomStatus
from facilitator.core.polls.snapshot import BallotSnapshot, PollStatus
from facilitator.qt.polls.bridge import PollBridge
from facilitator.qt.polls.chart import PollChart
from facilitator.qt.polls.controls import PollConsole
from facilitator.services.assets import resource_path
from facilitator.web.server import PollServer
from tests import polls


@pytest.fixture
def served(qtbot: QtBot) -> Iterator[tuple[PollServer, PollBridge]]:
    box = BallotBox(polls.ALL)
    room = Room(devices_per_address=100)  # every test phone shares 127.0.0.1
    server = PollServer(box, room, resource_path("web"), host="127.0.0.1", port=0,
                        interval=0.02)
    bridge = PollBridge(lambda fn: server.call(fn), server.poke, box, room)
    server.subscribe(bridge.publish)
    server.start()
    yield server, bridge
    server.stop()


_PHONES = itertools.count()


def vote(server: PollServer, poll: str, answer: object) -> int:
    """A new phone answers: each from its own loopback address, as in a room (the server
    lets one address make two devices)."""
    n = next(_PHONES)
    connection = http.client.HTTPConnection(
        "127.0.0.1", server.port, timeout=5,
        source_address=(f"127.0.{4 + n // 250 % 200}.{1 + n % 250}", 0))
    connection.request("GET", server.join_url.split(str(server.port), 1)[1])
    joined = connection.getresponse()
    joined.read()
    cookie = SimpleCookie(joined.headers["Set-Cookie"])
    name, morsel = next(iter(cookie.items()))
    headers = {"Content-Type": "application/json", "Cookie": f"{name}={morsel.value}",
               "Origin": server.base_url}
    body = json.dumps({"poll": poll, "answer": answer})
    connection.request("POST", "/api/answer", body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status


def test_votes_reach_the_chart_on_the_main_thread(
        qtbot: QtBot, served: tuple[PollServer, PollBridge]) -> None:
    server, bridge = served
    chart = PollChart()
    qtbot.addWidget(chart)
    threads: list[bool] = []

    def on_changed(snapshot: BallotSnapshot, _status: RoomStatus) -> None:
        threads.append(QThread.currentThread() is chart.thread())
        chart.set_results(snapshot.polls["mood"])

    bridge.changed.connect(on_changed)
    bridge.open_poll("mood")
    qtbot.waitUntil(lambda: chart.results is not None
                    and chart.results.state.status is PollStatus.OPEN, timeout=5000)
    for answer in ("o1", "o1"):
        assert vote(server, "mood", answer) == 200
    qtbot.waitUntil(lambda: chart.results is not None and chart.results.responses == 2,
                    timeout=5000)
    assert chart.results is not None and chart.results.tally is None
    assert vote(server, "mood", "o2") == 200
    qtbot.waitUntil(lambda: chart.results is not None and chart.results.tally is not None,
                    timeout=5000)
    assert all(threads)


def test_console_commands_go_to_the_server(
        qtbot: QtBot, served: tuple[PollServer, PollBridge]) -> None:
    server, bridge = served
    console = PollConsole(bridge)
    qtbot.addWidget(console)
    bridge.show_poll("energy")  # its slide came up: the poll opens the first time
    assert not console.open_button.isEnabled()  # nothing known until the first publish
    qtbot.waitUntil(console.open_button.isEnabled, timeout=5000)
    qtbot.waitUntil(lambda: console.open_button.text() == "Close poll", timeout=5000)
    console.open_button.click()  # a toggle, decided on the server's loop
    qtbot.waitUntil(lambda: console.open_button.text() == "Open poll", timeout=5000)
    assert server.box.state("energy").status is PollStatus.CLOSED
    console.open_button.click()
    qtbot.waitUntil(lambda: console.open_button.text() == "Close poll", timeout=5000)
    assert server.box.state("energy").status is PollStatus.OPEN
    assert vote(server, "energy", 3) == 200
    qtbot.waitUntil(lambda: console.count.text().startswith("1 answer "), timeout=5000)
    assert console.count.text() == "1 answer · results show at 5"
    console.hide_button.click()
    qtbot.waitUntil(lambda: console.hide_button.text() == "Reveal results", timeout=5000)
    console.lock_button.click()
    qtbot.waitUntil(lambda: console.lock_button.text() == "Unlock answers", timeout=5000)
    assert vote(server, "energy", 4) == 409
    console.groups.size_box.setValue(2)
    console.groups.assign_button.click()
    qtbot.waitUntil(lambda: "1 group of about 2" in console.groups.label.text(), timeout=5000)


def test_bridge_queues_one_delivery_for_a_burst(qtbot: QtBot) -> None:
    box = BallotBox(polls.ALL)
    room = Room()
    bridge = PollBridge(lambda fn: fn(), lambda: None, box, room)
    seen: list[int] = []
    bridge.changed.connect(lambda snapshot, _status: seen.append(snapshot.version))

    def burst() -> None:  # 1,000 quick changes published from another thread
        box.owner.claim()  # that thread plays the server's loop: the box is its own
        for index in range(1000):
            box.set_current("mood" if index % 2 else "energy")
            bridge.publish(box.snapshot(), RoomStatus(room.code, 0, 0))

    worker = threading.Thread(target=burst)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(seen) and seen[-1] == box.version, timeout=5000)
    assert len(seen) < 1000
    assert seen == sorted(seen)


def test_headcount_below_phones_joined_is_shown_and_raises_the_threshold(
        qtbot: QtBot, served: tuple[PollServer, PollBridge], tmp_path: Path) -> None:
    server, bridge = served
    console = PollConsole(bridge)
    qtbot.addWidget(console)
    bridge.show_poll("energy")  # threshold 5
    for answer in (1, 2, 3):
        assert vote(server, "energy", answer) == 200  # three phones joined
    qtbot.waitUntil(lambda: console.headcount.joined.text() == "Phones joined: 3",
                    timeout=5000)
    assert console.headcount.warning.isHidden()
    console.headcount.people.setValue(2)  # the facilitator counts two people
    console.headcount.people.editingFinished.emit()
    qtbot.waitUntil(lambda: not console.headcount.warning.isHidden(), timeout=5000)
    assert console.headcount.warning.text().startswith("⚠ 3 phones for 2 people: 1 more")
    qtbot.waitUntil(lambda: console.count.text() == "3 answers · results show at 6",
                    timeout=5000)
    assert server.call(lambda: server.box.threshold("energy")).result(5) == 6
    console.resize(420, 360)
    console.show()
    console.grab().save(str(tmp_path / "headcount.png"))
    console.headcount.people.setValue(0)  # not counted: back to the poll's own minimum
    console.headcount.people.editingFinished.emit()
    qtbot.waitUntil(console.headcount.warning.isHidden, timeout=5000)
    assert server.call(lambda: server.box.threshold("energy")).result(5) == 5
