"""`facilitator print --what takehome`: the phone's take-home page as one self-contained
HTML file (stylesheet inlined, no script, no external asset) for e-mail or a learning
platform. The same renderer as the phone server's /takehome, so the two never drift."""

from __future__ import annotations

from dataclasses import replace

from facilitator.core.session.model import Session
from facilitator.core.takehome.content import take_home
from facilitator.services import assets
from facilitator.services.settings import Settings
from facilitator.services.support_lines import support_info
from facilitator.web.message_catalogue import load_catalogue
from facilitator.web.takehome_page import render_takehome


def takehome_html(session: Session, settings: Settings, region: str = "") -> tuple[str, list[str]]:
    """(the page, problems with support entries); `region` overrides the settings'."""
    info, problems = support_info(session, replace(settings, region=region) if region
                                  else settings)
    strings = load_catalogue(assets.resource_path("web", "i18n"), session.language)
    css = assets.resource("web", "app.css").read_text(encoding="utf-8")
    return render_takehome(take_home(session), info, strings, inline_css=css), problems
