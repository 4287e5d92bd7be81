"""The phone page in Chromium when the facilitator closes or locks the poll: the phone says
so in words instead of showing a form nobody can use, and a draft typed before is there
again when the poll reopens."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from facilitator.core.polls.ballot import BallotBox
from facilitator.core.polls.room import Room
from facilitator.services.assets import resource_path
from facilitator.web.server import PollServer
from tests import polls
from tests.e2e.test_phone_drafts import browser, phone

pytestmark = pytest.mark.e2e
__all__ = ["browser"]  # the module-scoped Chromium fixture, shared


@pytest.fixture
def server() -> Iterator[PollServer]:
    served = PollServer(BallotBox(polls.ALL), Room(devices_per_address=100),
                        resource_path("web"), host="127.0.0.1", port=0, interval=0.05)
    served.start()
    yield served
    served.stop()


def shot(page: Page, name: str) -> None:
    folder = os.environ.get("FACILITATOR_SHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


def test_a_closed_poll_says_closed_and_the_draft_survives_reopening(
        browser: Browser, server: PollServer) -> None:
    server.call(server.box.show, "idea").result(5)
    page = phone(browser, server)
    page.get_by_label("Your answer").fill("Ten quiet minutes after rounds")
    server.call(server.box.close, "idea").result(5)
    state = page.locator("#poll-state")
    expect(state.get_by_role("heading", name="This poll is closed")).to_be_visible()
    expect(state).to_contain_text("No more answers are taken")
    # No form left to fill in: no field, no send button, no "prefer not to say".
    expect(page.get_by_label("Your answer")).to_be_hidden()
    expect(page.get_by_role("button", name="Send answer")).to_be_hidden()
    expect(page.get_by_role("button", name="Prefer not to say")).to_be_hidden()
    # Below the threshold no more answers are coming: not "after 3 more answers".
    expect(page.locator("#results")).to_have_text(
        "Too few answers to show results, so they stay private.")
    shot(page, "phone-closed")
    server.call(server.box.open, "idea").result(5)
    expect(state).to_be_hidden()
    expect(page.get_by_label("Your answer")).to_have_value("Ten quiet minutes after rounds")
    expect(page.get_by_label("Your answer")).to_be_enabled()


def test_locked_answers_say_locked_and_an_answer_given_still_counts(
        browser: Browser, server: PollServer) -> None:
    server.call(server.box.show, "talked").result(5)
    page = phone(browser, server)
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Send answer").click()
    expect(page.locator("#confirm")).to_contain_text("Answer received")
    server.call(server.box.set_locked, "talked", True).result(5)
    state = page.locator("#poll-state")
    expect(state.get_by_role("heading", name="Answers are locked")).to_be_visible()
    expect(state).to_contain_text("paused answers")
    expect(page.locator("#confirm")).to_have_text("Your answer was counted.")
    expect(page.get_by_label("Yes")).to_be_hidden()
    expect(page.get_by_role("button", name="Send answer")).to_be_hidden()
    shot(page, "phone-locked")
    server.call(server.box.set_locked, "talked", False).result(5)
    expect(state).to_be_hidden()
    expect(page.get_by_label("Yes")).to_be_checked()

