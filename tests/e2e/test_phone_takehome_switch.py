"""The take-home page at the end, in Chromium: a phone on the poll page shows the take-home
page by itself when the bundled session's takehome slide comes up, and the poll page again
when the facilitator goes back. Driven through the desktop's own `DesktopPolling.on_slide`
(the call the presenter makes on every slide change) with a real server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect, sync_playwright
from pytestqt.qtbot import QtBot

from facilitator.core.network import Interface
from facilitator.core.session.loader import load_session
from facilitator.core.session.model import Session
from facilitator.core.takehome.content import shows_takehome
from facilitator.desktop.polling import DesktopPolling
from facilitator.services import assets
from facilitator.services.settings import Settings
from tests.e2e.test_phone_poll import ARGS, CHROMIUM

pytestmark = pytest.mark.e2e
LOOPBACK = Interface("lo-test", "Test network", ("127.0.0.1",))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


def bundled() -> Session:
    session = load_session(assets.slide_file()).session
    assert session is not None
    return session


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_follows_the_takehome_slide_and_back(browser: Browser, qtbot: QtBot,
                                                   tmp_path: Path, scheme: str) -> None:
    session = bundled()
    slides = session.slides
    end = next(i for i in range(len(slides)) if shows_takehome(session, i))
    assert slides[end].takehome is not None  # the bundled session's own block
    poll_at = next(i for i, slide in enumerate(slides) if slide.poll is not None)
    polling = DesktopPolling(session, Settings(port=0), interfaces=lambda: [LOOPBACK],
                             remember_network=False)
    qtbot.addWidget(polling.chart)
    qtbot.addWidget(polling.console)
    assert polling.start() == ""
    context = browser.new_context(viewport={"width": 360, "height": 640}, color_scheme=scheme)
    try:
        polling.on_slide(slides[poll_at], poll_at)
        phone = context.new_page()
        phone.goto(polling.join_url)
        question = phone.locator("#question")
        expect(question).to_have_text(slides[poll_at].poll.question)  # type: ignore[union-attr]

        polling.on_slide(slides[end], end)
        heading = phone.get_by_role("heading", level=1, name=session.title)
        expect(heading).to_be_visible()
        expect(heading).to_be_focused()
        expect(phone.locator("#main")).to_be_hidden()
        expect(phone.get_by_role("heading", name="Key points")).to_be_visible()
        expect(phone.locator("#takehome-view a[href^='tel:']").first).to_be_attached()
        expect(phone.locator("#takehome-view a.back")).to_have_count(0)
        assert phone.url == f"{polling.service.server.base_url}/"  # type: ignore[union-attr]
        phone.screenshot(path=tmp_path / f"takehome-switch-{scheme}.png")
        phone.screenshot(path=tmp_path / f"takehome-switch-{scheme}-full.png", full_page=True)

        polling.on_slide(slides[end - 1], end - 1)  # the facilitator goes back
        expect(phone.locator("#takehome-view")).to_be_hidden()
        expect(phone.locator("#main")).to_be_visible()
        polling.on_slide(slides[poll_at], poll_at)
        expect(question).to_be_visible()
        expect(question).to_have_text(slides[poll_at].poll.question)  # type: ignore[union-attr]

        polling.on_slide(slides[end], end)  # and forward again: the page is shown again
        expect(heading).to_be_visible()
        expect(question).to_be_hidden()
    finally:
        context.close()
        polling.stop()


def test_saved_as_pdf_in_place_prints_the_takehome_page_only(browser: Browser,
                                                             qtbot: QtBot) -> None:
    """"Save as PDF" on a phone showing the page in place: the page, not the room bar."""
    session = bundled()
    end = len(session.slides) - 1
    polling = DesktopPolling(session, Settings(port=0), interfaces=lambda: [LOOPBACK],
                             remember_network=False)
    qtbot.addWidget(polling.chart)
    qtbot.addWidget(polling.console)
    assert polling.start() == ""
    context = browser.new_context(viewport={"width": 360, "height": 640})
    try:
        phone = context.new_page()
        phone.goto(polling.join_url)
        expect(phone.locator("#idle")).to_be_visible()
        polling.on_slide(session.slides[end], end)
        expect(phone.get_by_role("heading", level=1, name=session.title)).to_be_visible()
        phone.emulate_media(media="print")
        expect(phone.locator("header.top")).to_be_hidden()
        expect(phone.locator(".support-bar")).to_be_hidden()
        expect(phone.get_by_role("heading", name="Key points")).to_be_visible()
    finally:
        context.close()
        polling.stop()
