"""Anonymous questions in Chromium with five phones: two ask, the facilitator approves one
and rejects one, three vote, the top question is the one the console would put on screen;
a reload keeps the votes; rejected and pending text never reaches a phone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from facilitator.core.polls.ballot import BallotBox
from facilitator.core.polls.room import Room
from facilitator.core.questions.box import Limits, QuestionBox, QuestionState
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
                        resource_path("web"), host="127.0.0.1", port=0, interval=0.05,
                        questions=QuestionBox(limits=Limits(seconds_between=0)))
    served.start()
    yield served
    served.stop()


def phone(browser: Browser, server: PollServer) -> Page:
    page = browser.new_context(viewport={"width": 360, "height": 640}).new_page()
    page.goto(server.join_url)
    expect(page.get_by_role("heading", name="Questions from the room")).to_be_visible()
    return page


def ask(page: Page, text: str) -> None:
    page.get_by_text("Ask a question").click()
    page.get_by_label("Your question").fill(text)
    page.get_by_role("button", name="Send question").click()
    expect(page.locator("#qa-confirm")).to_contain_text("Question received")


def test_five_phones_ask_moderate_vote_and_reload(browser: Browser, server: PollServer) -> None:
    server.call(server.box.show, "talked").result(5)  # questions sit beside the poll
    phones = [phone(browser, server) for _ in range(5)]
    expect(phones[0].get_by_role("button", name="Send answer")).to_be_visible()
    ask(phones[0], "How do I notice numbness early?")
    ask(phones[1], "Rejected text that must never show")
    questions = server.questions
    asked = server.call(questions.all).result(5)
    assert [q.text for q in asked] == ["How do I notice numbness early?",
                                       "Rejected text that must never show"]
    for page in phones:  # pending: nobody sees either
        expect(page.locator("#qa-list li")).to_have_count(0)
    server.call(questions.decide, "q1", QuestionState.APPROVED).result(5)
    server.call(questions.decide, "q2", QuestionState.REJECTED).result(5)

    for page in phones[2:]:
        vote = page.get_by_role("button", name="Vote (", exact=False)
        expect(vote).to_have_count(1)
        vote.click()
        expect(vote).to_have_attribute("aria-pressed", "true")
    expect(phones[0].get_by_role("button", name="Vote (3)")).to_be_visible()
    top = server.call(questions.toggle_answering).result(5)
    assert top is not None and top.text == "How do I notice numbness early?" and top.votes == 3
    expect(phones[1].locator("#qa-list")).to_contain_text("Being answered now")

    phones[4].reload()  # the vote is the device's, not the page's
    vote = phones[4].get_by_role("button", name="Vote (3)")
    expect(vote).to_have_attribute("aria-pressed", "true")
    vote.click()  # and can be taken back
    expect(phones[4].get_by_role("button", name="Vote (2)")).to_have_attribute(
        "aria-pressed", "false")
    for page in phones:
        assert "Rejected text" not in page.content()
