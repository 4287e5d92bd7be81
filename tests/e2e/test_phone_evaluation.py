"""An evaluation item on a phone in Chromium at 360x640, light and dark: the bundled
session's before item and its open "one thing to keep" item are ordinary anonymous polls
(scale with "prefer not to say", open text), answered and acknowledged. Screenshots are
written under the test's tmp folder for a person to look at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect, sync_playwright

from facilitator.core.polls.ballot import BallotBox
from facilitator.core.polls.room import Room
from facilitator.core.session.loader import load_session
from facilitator.services.assets import resource_path, slide_file
from facilitator.web.server import PollServer
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
    session = load_session(slide_file()).session
    assert session is not None
    served = PollServer(BallotBox(session.polls), Room(devices_per_address=100),
                        resource_path("web"), host="127.0.0.1", port=0, interval=0.05)
    served.start()
    yield served
    served.stop()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_evaluation_items_on_a_phone(browser: Browser, server: PollServer, scheme: str,
                                     tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 640},
                                  color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(server.join_url)
    server.call(server.box.show, "eval-before-1").result(5)
    expect(page.get_by_role("heading", name="How able do you feel to notice numbness in "
                            "yourself?")).to_be_visible()
    expect(page.get_by_text("Prefer not to say")).to_be_visible()
    page.screenshot(path=str(tmp_path / f"evaluation-before-{scheme}.png"))
    page.get_by_role("radio", name="5, Very able").check()
    page.get_by_role("button", name="Send answer").click()
    expect(page.locator("#confirm")).to_contain_text("Answer received")

    server.call(server.box.show, "eval-keep").result(5)
    expect(page.get_by_role("heading", name="What is one thing this session should "
                            "keep?")).to_be_visible()
    page.get_by_label("Your answer").fill("The quiet writing time")
    page.screenshot(path=str(tmp_path / f"evaluation-keep-{scheme}.png"))
    page.get_by_role("button", name="Send answer").click()
    expect(page.locator("#confirm")).to_contain_text("Answer received")
    context.close()
