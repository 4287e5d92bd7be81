"""The sock-puppet attack from issue 13, in real Chromium: one person, four private tabs.

Each fresh browser context is a private tab (no cookies). Before, each one minted a new
device and four "No" votes pushed a yes-no poll past its threshold of 5, exposing the one
real answer. Now one address gets at most two devices, so the threshold is never reached
and no page ever shows a tally.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from facilitator.core.polls.ballot import BallotBox
from facilitator.core.polls.room import Room
from facilitator.services.assets import resource_path
from facilitator.web.server import PollServer
from tests import polls
from tests.e2e.test_phone_poll import ARGS, CHROMIUM

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def server() -> Iterator[PollServer]:
    box = BallotBox(polls.ALL)
    box.open(polls.YES_NO.id)  # threshold 5
    served = PollServer(box, Room(), resource_path("web"), host="127.0.0.1", port=0,
                        interval=0.05)
    served.start()
    yield served
    served.stop()


def private_tab(browser: Browser, server: PollServer) -> Page:
    page = browser.new_context(viewport={"width": 360, "height": 640}).new_page()
    page.goto(server.join_url)
    return page


def vote(page: Page, label: str) -> None:
    page.get_by_label(label).check()
    page.get_by_role("button", name="Send answer").click()
    expect(page.locator("#confirm")).to_contain_text("Answer received")


def test_four_private_tabs_never_reveal_the_one_real_answer(
        browser: Browser, server: PollServer) -> None:
    real = private_tab(browser, server)
    vote(real, "Yes")
    tabs = [private_tab(browser, server) for _ in range(4)]
    joined = [tab for tab in tabs if tab.locator("#question").count()]
    refused = [tab for tab in tabs if tab not in joined]
    assert len(joined) == 1 and len(refused) == 3  # two devices for the address in all
    for tab in refused:
        expect(tab.get_by_role("heading")).to_have_text("Please wait a moment")
        expect(tab.locator("main")).to_contain_text("already joined the poll on two devices")
        assert "{" not in tab.locator("body").inner_text()  # a page, not raw JSON
    vote(joined[0], "No")
    # Reloading a refused tab (a fresh visit again) still gets no device.
    refused[0].goto(server.join_url)
    expect(refused[0].get_by_role("heading")).to_have_text("Please wait a moment")
    results = server.call(lambda: server.box.results(polls.YES_NO.id)).result(5)
    assert results.responses == 2 and results.tally is None
    for page in (real, joined[0]):
        expect(page.locator("#results")).to_contain_text("Results appear after 3 more answers")
        assert page.locator("#results .tally").count() == 0
    assert server.room.device_count == 2
