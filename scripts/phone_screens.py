"""Screenshots of the phone page's question screens at 360x640, light and dark, to look at.

    python scripts/phone_screens.py OUT_DIR [LANGUAGE]

Starts a real server on 127.0.0.1 (port 0) with a sample question list and drives Chromium
(/usr/bin/chromium) through: the poll with the questions below it, the ask form open, a
question sent, and the voted list with one question being answered.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from facilitator.core.polls.ballot import BallotBox
from facilitator.core.polls.room import Room
from facilitator.core.questions.box import Limits, QuestionBox, QuestionState
from facilitator.services.assets import resource_path
from facilitator.web.server import PollServer
from tests import polls

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
SAMPLE = ("How do I notice numbness before it shows in how I treat patients?",
          "Is it normal to feel nothing after a death on the ward?",
          "What can a team lead do on a bad week?")


def main(out: Path, language: str = "en") -> None:
    out.mkdir(parents=True, exist_ok=True)
    questions = QuestionBox(limits=Limits(seconds_between=0))
    server = PollServer(BallotBox(polls.ALL), Room(devices_per_address=100),
                        resource_path("web"), host="127.0.0.1", port=0, interval=0.05,
                        language=language, questions=questions)
    server.start()
    try:
        for number, text in enumerate(SAMPLE):
            server.call(questions.ask, f"seed-{number}", text).result(5)
            server.call(questions.decide, f"q{number + 1}", QuestionState.APPROVED).result(5)
        server.call(questions.vote, "q2", "seed-9", True).result(5)
        server.call(server.box.show, "talked").result(5)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for scheme in ("light", "dark"):
                page = browser.new_context(viewport={"width": 360, "height": 640},
                                           color_scheme=scheme).new_page()
                page.goto(server.join_url)
                page.wait_for_selector("#qa-list li")
                page.locator("#qa").scroll_into_view_if_needed()
                page.screenshot(path=out / f"qa-list-{language}-{scheme}.png")
                page.locator("#qa-ask summary").click()
                page.locator("#qa-text").fill("Could we talk about night shifts?")
                page.locator("#qa-send").click()
                page.wait_for_selector("#qa-confirm:not(:empty)")
                page.locator("#qa-ask").scroll_into_view_if_needed()
                page.screenshot(path=out / f"qa-asked-{language}-{scheme}.png")
                server.call(questions.decide, "q2", QuestionState.ANSWERING).result(5)
                page.locator("#qa-list button").first.click()
                page.wait_for_selector("#qa-list li.answering")
                page.locator("#qa-list").scroll_into_view_if_needed()
                page.screenshot(path=out / f"qa-voted-{language}-{scheme}.png")
                page.context.close()
            browser.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "en")
