"""The phone page in Chromium speaks the session's language: join, waiting, the form's
hints and errors, the support page and an error page, in German (a session `language: de`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect, sync_playwright

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
                        resource_path("web"), host="127.0.0.1", port=0, interval=0.05,
                        language="de-AT")
    served.start()
    yield served
    served.stop()


def test_the_phone_page_speaks_german(browser: Browser, server: PollServer) -> None:
    page = browser.new_context(viewport={"width": 360, "height": 640}).new_page()
    base = server.join_url.split("/j/")[0]
    page.goto(base + "/")  # no cookie yet: the join page
    expect(page.get_by_role("heading", name="An der anonymen Umfrage teilnehmen")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "de"
    page.get_by_label("Raumcode").fill("WRONG")
    page.get_by_role("button", name="Teilnehmen").click()
    expect(page.get_by_role("alert")).to_have_text(
        "Dieser Raumcode stimmt nicht. Prüfen Sie den Bildschirm.")

    page.goto(server.join_url)
    expect(page.get_by_role("heading", name="Warten auf die nächste Frage")).to_be_visible()
    expect(page.locator("#connection")).to_have_text("Live")
    server.call(server.box.show, "idea").result(5)
    expect(page.locator("#hint")).to_contain_text("Bis zu 280 Zeichen")
    page.get_by_role("button", name="Antwort senden").click()  # nothing typed
    expect(page.locator("#error")).to_have_text("Schreiben Sie zuerst Ihre Antwort.")
    page.get_by_label("Ihre Antwort").fill("Mehr Zeit zwischen den Rotationen")
    page.get_by_role("button", name="Antwort senden").click()
    expect(page.locator("#confirm")).to_contain_text("Antwort erhalten.")
    assert "Need support" not in page.content() and "Send answer" not in page.content()

    page.get_by_role("link", name="Jetzt Unterstützung nötig?").click()
    expect(page.get_by_role("heading", name="Jetzt Unterstützung nötig?")).to_be_visible()
    page.goto(base + "/nowhere")
    expect(page.get_by_role("heading", name="Hier ist nichts")).to_be_visible()
    expect(page.get_by_role("link", name="Zurück zur Umfrage")).to_be_visible()
