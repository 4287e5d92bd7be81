"""The phone page in Chromium: a typed draft survives the slide being left and revisited;
results are announced once per publication; the chosen option is outlined in forced colours."""

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
    served = PollServer(BallotBox(polls.ALL), Room(devices_per_address=100),
                        resource_path("web"), host="127.0.0.1", port=0, interval=0.05)
    served.start()
    yield served
    served.stop()


def phone(browser: Browser, server: PollServer, **options: object) -> Page:
    page = browser.new_context(viewport={"width": 360, "height": 640}, **options).new_page()
    page.goto(server.join_url)
    return page


def test_a_draft_survives_leaving_the_slide(browser: Browser, server: PollServer) -> None:
    server.call(server.box.show, "idea").result(5)
    page = phone(browser, server)
    page.get_by_label("Your answer").fill("More time between rotations")
    server.call(server.box.set_current, None).result(5)  # the facilitator moves on
    expect(page.get_by_role("heading", name="Waiting for the next question")).to_be_visible()
    server.call(server.box.show, "idea").result(5)  # and comes back
    expect(page.get_by_label("Your answer")).to_have_value("More time between rotations")
    page.get_by_role("button", name="Send answer").click()
    expect(page.locator("#confirm")).to_contain_text("Answer received")
    page.reload()  # once sent, the page shows the stored answer, not a stale draft
    expect(page.get_by_label("Your answer")).to_have_value("More time between rotations")


def test_results_are_announced_once_per_publication(
        browser: Browser, server: PollServer) -> None:
    server.call(server.box.show, "talked").result(5)  # threshold 5, batches of 5
    pages = [phone(browser, server) for _ in range(6)]
    watcher = pages[5]
    for page, label in zip(pages[:5], ("Yes", "Yes", "No", "No", "Unsure"), strict=True):
        page.get_by_label(label).check()
        page.get_by_role("button", name="Send answer").click()
        expect(page.locator("#confirm")).to_contain_text("Answer received")
    announce = watcher.locator("#announce")
    expect(announce).to_have_text("Results updated: Yes 40%, No 40%, Unsure 20%.")
    assert watcher.locator("#results").get_attribute("aria-live") is None
    assert announce.get_attribute("aria-live") == "polite"
    # The watcher answers too: one more answer is not published, so nothing is re-announced.
    watcher.evaluate("document.getElementById('announce').textContent = ''")
    watcher.get_by_label("Yes").check()
    watcher.get_by_role("button", name="Send answer").click()
    expect(watcher.locator("#confirm")).to_contain_text("Answer received")
    pages[0].reload()  # a page that did change: its state round trip has been seen
    expect(pages[0].locator("#results .tally")).to_be_visible()
    assert announce.text_content() == ""


def test_forced_colours_outline_the_chosen_point(browser: Browser, server: PollServer) -> None:
    server.call(server.box.show, "energy").result(5)
    page = phone(browser, server, forced_colors="active", reduced_motion="reduce")
    point = page.locator(".point").nth(2)
    point.locator("input").check(force=True)
    outline = point.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline == "solid"
    assert page.evaluate("matchMedia('(prefers-reduced-motion: reduce)').matches")
