"""End to end: real Chromium phones on 127.0.0.1 answer a poll; the projector chart shows it.

Three browser contexts are three phones (separate cookie jars). The projector side is the
real `PollChart` fed through the real `PollBridge` from the real server thread.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright
from pytestqt.qtbot import QtBot

from facilitator.core.polls.ballot import BallotBox
from facilitator.core.polls.moderation import Decision
from facilitator.core.polls.room import Room, RoomStatus
from facilitator.core.polls.snapshot import BallotSnapshot
from facilitator.qt.polls.bridge import PollBridge
from facilitator.qt.polls.chart import PollChart
from facilitator.services.assets import resource_path, slide_file
from facilitator.web.server import PollServer
from tests import polls

pytestmark = pytest.mark.e2e

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage"]
XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def room(qtbot: QtBot) -> Iterator[tuple[PollServer, PollChart]]:
    box = BallotBox(polls.ALL)
    people = Room(devices_per_address=100)  # every test phone shares 127.0.0.1
    server = PollServer(box, people, resource_path("web"), host="127.0.0.1", port=0,
                        interval=0.05)
    bridge = PollBridge(lambda fn: server.call(fn), server.poke, box, people)
    server.subscribe(bridge.publish)
    chart = PollChart()
    qtbot.addWidget(chart)
    chart.resize(1280, 720)
    chart.show()  # the projector window, offscreen

    def on_changed(snapshot: BallotSnapshot, _status: RoomStatus) -> None:
        chart.set_results(snapshot.current_results)
        chart.repaint()  # paint now, so drawn_text is what the projector shows

    bridge.changed.connect(on_changed)
    server.start()
    yield server, chart
    server.stop()


def phones(browser: Browser, server: PollServer, count: int) -> list[Page]:
    pages = []
    for _ in range(count):
        context = browser.new_context(viewport={"width": 360, "height": 640})
        page = context.new_page()
        page.goto(server.join_url)
        pages.append(page)
    return pages


def answer_choice(page: Page, label: str) -> None:
    page.get_by_label(label).check()
    page.get_by_role("button", name="Send answer").click()
    expect(page.locator("#confirm")).to_contain_text("Answer received")


def test_three_phones_answer_and_the_projector_shows_the_tally(
        browser: Browser, room: tuple[PollServer, PollChart], qtbot: QtBot) -> None:
    server, chart = room
    server.call(server.box.open, "mood").result(5)
    first, second, third = phones(browser, server, 3)
    for page in (first, second, third):
        assert page.url == f"{server.base_url}/"  # token swapped for a cookie, clean URL
        expect(page.locator("#question")).to_have_text(polls.SINGLE.question)
        expect(page.get_by_text("Anonymous: no names, no IP addresses stored")).to_be_visible()
        expect(page.get_by_role("link", name="Need support now?")).to_be_visible()

    answer_choice(first, "Stressed but engaged")
    answer_choice(second, "Stressed but engaged")
    qtbot.waitUntil(lambda: "Waiting for 1 more answer" in chart.drawn_text, timeout=5000)
    assert not any(text.endswith("%") for text in chart.drawn_text)
    expect(third.locator("#results")).to_contain_text("Results appear after 1 more answer")

    answer_choice(third, "Occasionally numb")
    # Shares to the nearest 5 %: 2 of 3 and 1 of 3.
    qtbot.waitUntil(lambda: "65%" in chart.drawn_text, timeout=5000)
    assert "35%" in chart.drawn_text and "This room (3)" in chart.drawn_text
    expect(first.locator("#results")).to_contain_text("Results are on the screen")

    # A reload keeps the vote: same device cookie, same answer, no second count.
    first.reload()
    expect(first.get_by_label("Stressed but engaged")).to_be_checked()
    expect(first.locator("#confirm")).to_contain_text("Answer received")
    first.get_by_role("button", name="Send answer").click()
    expect(first.locator("#confirm")).to_contain_text("Answer received")
    assert server.call(lambda: server.box.results("mood").responses).result(5) == 3

    # One changed answer is not published on its own (a watcher would learn it); closing
    # the poll publishes it, and it moves the bar rather than adding one.
    answer_choice(third, "Stressed but engaged")
    assert server.call(lambda: server.box.results("mood").live).result(5) is not None
    assert "65%" in chart.drawn_text
    server.call(server.box.close, "mood").result(5)
    qtbot.waitUntil(lambda: "100%" in chart.drawn_text, timeout=5000)


def test_open_text_payload_stays_text(
        browser: Browser, room: tuple[PollServer, PollChart], qtbot: QtBot) -> None:
    server, chart = room
    server.call(server.box.open, "word").result(5)
    pages = phones(browser, server, 3)
    for page in pages:
        page.get_by_label("Your words").fill(XSS)
        page.get_by_role("button", name="Send answer").click()
        expect(page.locator("#confirm")).to_contain_text("Answer received")
    # Every phone lists the top words; the payload must arrive as characters, not an element.
    for page in pages:
        expect(page.locator("#results .tally")).to_contain_text(XSS)
        assert page.locator("img").count() == 0
    pages[0].reload()
    expect(pages[0].get_by_label("Your words")).to_have_value(XSS)
    qtbot.waitUntil(lambda: XSS in chart.drawn_text, timeout=5000)

    server.call(server.box.open, "idea").result(5)
    for page in pages:
        expect(page.locator("#question")).to_have_text(polls.TEXT.question)
        page.get_by_label("Your answer").fill(f"{XSS} <b>bold</b>")
        page.get_by_role("button", name="Send answer").click()
        expect(page.locator("#confirm")).to_contain_text("Answer received")
    pending = server.call(lambda: server.box.results("idea").pending).result(5)
    assert len(pending) == 3
    server.call(server.box.moderate, "idea", pending[0].id, Decision.APPROVED).result(5)
    qtbot.waitUntil(lambda: f"{XSS} <b>bold</b>" in chart.drawn_text, timeout=5000)
    assert pages[1].locator("img, b").count() == 0


def test_phone_follows_the_facilitator_and_reconnects(
        browser: Browser, room: tuple[PollServer, PollChart]) -> None:
    server, _chart = room
    (page,) = phones(browser, server, 1)
    expect(page.locator("#idle h1")).to_have_text("Waiting for the next question")
    server.call(server.box.open, "energy").result(5)
    expect(page.locator("#question")).to_have_text(polls.SCALE.question)
    page.get_by_label("4").check()
    page.get_by_role("button", name="Send answer").click()
    expect(page.locator("#confirm")).to_contain_text("Answer received")
    server.call(server.box.close, "energy").result(5)
    expect(page.locator("#poll-state")).to_contain_text("This poll is closed")
    expect(page.locator("#confirm")).to_have_text("Your answer was counted.")
    expect(page.get_by_role("button", name="Send answer")).to_be_hidden()
    # The laptop's server goes away and comes back on the same port (a restart): the page
    # notices, backs off, reconnects by itself and still shows its answer.
    server.stop()
    expect(page.locator("#connection")).to_have_text("Reconnecting…")
    again = PollServer(server.box, server.room, resource_path("web"), host="127.0.0.1",
                       port=server.port, interval=0.05)
    again.start()
    try:
        assert again.port == server.port
        expect(page.locator("#connection")).to_have_text("Live", timeout=20_000)
        expect(page.get_by_label("4")).to_be_checked()  # kept, hidden, in the page
        expect(page.locator("#poll-state")).to_contain_text("This poll is closed")
        expect(page.locator("#confirm")).to_have_text("Your answer was counted.")
    finally:
        again.stop()


def test_typing_the_room_code_joins(browser: Browser, room: tuple[PollServer, PollChart]) -> None:
    server, _chart = room
    server.call(server.box.open, "talked").result(5)
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    page.goto(f"{server.base_url}/")
    page.get_by_label("Room code").fill("WRONG1")
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_role("alert")).to_have_text(
        "That room code is not right. Check the screen.")
    page.get_by_label("Room code").fill(server.room.code.lower())
    page.get_by_role("button", name="Join").click()
    expect(page.locator("#question")).to_have_text(polls.YES_NO.question)
    assert page.url == f"{server.base_url}/"


def test_serve_command_url_opens_in_a_browser(browser: Browser) -> None:
    """The issue's "done": `facilitator serve FILE --host 127.0.0.1 --port 0` prints a join
    URL that a browser can open, and a phone can answer the bundled session's poll."""
    process = subprocess.Popen(
        [sys.executable, "-m", "facilitator", "serve", str(slide_file()), "--host", "127.0.0.1",
         "--port", "0", "--poll", "thick-skin"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        first = process.stdout.readline().strip()
        assert first.startswith("Join: http://127.0.0.1:")
        page = browser.new_context(viewport={"width": 360, "height": 640}).new_page()
        page.goto(first.removeprefix("Join: "))
        expect(page.locator("#question")).to_contain_text("thick skin")
        page.get_by_label("Unsure").check()
        page.get_by_role("button", name="Send answer").click()
        expect(page.locator("#confirm")).to_contain_text("Answer received")
        expect(page.locator("#results")).to_contain_text("Results appear after 4 more answers")
    finally:
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=10)
    assert process.returncode == 0, err
