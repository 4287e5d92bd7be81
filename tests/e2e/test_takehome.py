"""The take-home page in Chromium: axe-core finds no violation (light and dark, served and
as the printed file), every service with a number has tel: and sms: links, and the page
reads the same with JavaScript off. Screenshots at 360x640 go to the test's folder."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from facilitator.core.polls.ballot import BallotBox
from facilitator.core.polls.room import Room
from facilitator.core.session.loader import load_session
from facilitator.core.takehome.content import take_home
from facilitator.services import assets
from facilitator.web.server import PollServer
from facilitator.web.support_page import SupportInfo
from tests.e2e.test_phone_poll import ARGS, CHROMIUM

pytestmark = pytest.mark.e2e
AXE = Path(__file__).parent / "axe" / "axe.min.js"
SESSION = assets.slide_file()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def support() -> SupportInfo:
    region = assets.support_region("us")
    return SupportInfo(region.entries, region.emergency_line, region.name)


@pytest.fixture(scope="module")
def server(support: SupportInfo) -> Iterator[PollServer]:
    session = load_session(SESSION).session
    assert session is not None
    served = PollServer(BallotBox(session.polls), Room(), assets.resource_path("web"),
                        host="127.0.0.1", port=0, support=support,
                        takehome=take_home(session))
    served.start()
    yield served
    served.stop()


def _url(server: PollServer) -> str:
    return server.join_url.split("/j/")[0] + "/takehome"


def _violations(page: Page) -> list[Any]:
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations']})")
    return [(v["id"], [n["html"] for n in v["nodes"]][:3]) for v in result["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation(browser: Browser, server: PollServer, scheme: str,
                                tmp_path: Path) -> None:
    # bypass_csp: the page forbids inline script, and axe is injected as one.
    context = browser.new_context(viewport={"width": 360, "height": 640}, color_scheme=scheme,
                                  bypass_csp=True)
    page = context.new_page()
    page.goto(_url(server))
    expect(page.get_by_role("heading", level=1, name="Numb in Medicine")).to_be_visible()
    assert _violations(page) == []
    page.screenshot(path=tmp_path / f"takehome-{scheme}.png")
    page.screenshot(path=tmp_path / f"takehome-{scheme}-full.png", full_page=True)
    context.close()


def test_every_service_with_a_number_can_be_called_and_texted(
        browser: Browser, server: PollServer, support: SupportInfo) -> None:
    page = browser.new_page()
    page.goto(_url(server))
    hrefs = page.eval_on_selector_all("a", "links => links.map(a => a.getAttribute('href'))")
    numbered = [e for e in support.entries if e.tel_uri.startswith("tel:")]
    texting = [e for e in support.entries if e.sms_uri.startswith("sms:")]
    assert numbered and texting
    for entry in numbered:
        assert entry.tel_uri in hrefs, entry.name
    for entry in texting:
        assert entry.sms_uri in hrefs, entry.name
    page.close()


def test_the_page_reads_the_same_without_javascript(
        browser: Browser, server: PollServer) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(_url(server))
    for name in ("Key points", "A question for later", "Support, today", "Based on"):
        expect(page.get_by_role("heading", level=2, name=name)).to_be_visible()
    assert page.locator("script").count() == 0
    expect(page.locator("blockquote")).not_to_be_empty()
    context.close()


def test_print_writes_the_same_page_as_one_file(browser: Browser, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "facilitator", "print", str(SESSION), "--what", "takehome",
         "--region", "us", "--out", str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "takehome.html").read_text(encoding="utf-8")
    assert "/static/" not in html and "<script" not in html and "<style>" in html
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto((tmp_path / "takehome.html").as_uri())
    expect(page.get_by_role("heading", level=2, name="Support, today")).to_be_visible()
    assert page.locator("a[href^='tel:']").count() > 0
    assert _violations(page) == []
    context.close()
