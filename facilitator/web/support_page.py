"""The phone's "Need support now?" page, rendered on the server from the region's entries.

It is plain HTML with no script, reachable without joining (anyone in the room may need
it, and it must work even if the live page has failed). Every value is escaped; links are
built only from `tel:`/`sms:` URIs the support model made and from http(s) web addresses.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Protocol


class SupportLine(Protocol):
    """What the page needs of an entry; `core.support.regions.SupportEntry` provides it."""

    @property
    def name(self) -> str: ...
    @property
    def call_text(self) -> str: ...
    @property
    def tel_uri(self) -> str: ...
    @property
    def sms_text(self) -> str: ...
    @property
    def sms_uri(self) -> str: ...
    @property
    def web(self) -> str: ...
    @property
    def hours(self) -> str: ...
    @property
    def note(self) -> str: ...


@dataclass(frozen=True)
class SupportInfo:
    entries: Sequence[SupportLine] = ()
    emergency_line: str = ""  # "In an emergency call 911."
    region_name: str = ""


_ENGLISH = {
    "lang": "en", "support.title": "Support now", "support.back": "Back to the poll",
    "support.heading": "Need support now?",
    "support.intro": "You can talk to someone today, free and confidential.",
    "support.intro_region": "You can talk to someone today, free and confidential ({region}).",
    "support.step_out": "Stepping out of the room is always fine.",
    "support.fallback": "Ask the facilitator for local support contacts, or find a helpline "
                        "in your country at findahelpline.com.",
    "support.call": "Call", "support.text": "Text", "support.website": "Website",
}


def render_support(info: SupportInfo, strings: Mapping[str, str] | None = None) -> str:
    """The page in the catalogue's language (`web.i18n`); English when none is given.
    A service's own call/text wording comes from its region file and is kept as written."""
    words = {**_ENGLISH, **(strings or {})}

    def say(key: str) -> str:
        return escape(words[key])

    items = entries_html(info, strings)
    emergency = (
        f"<p class=\"emergency\">{escape(info.emergency_line)}</p>" if info.emergency_line else ""
    )
    intro = escape(words["support.intro_region"].replace("{region}", info.region_name)
                   if info.region_name else words["support.intro"])
    return f"""<!doctype html>
<html lang="{say('lang')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{say('support.title')}</title>
<link rel="stylesheet" href="/static/app.css">
</head>
<body>
<main class="page support">
<p><a class="back" href="/">&larr; {say('support.back')}</a></p>
<h1>{say('support.heading')}</h1>
<p>{intro}
{say('support.step_out')}</p>
{emergency}
<ul class="entries">
{items}
</ul>
</main>
</body>
</html>
"""


def entries_html(info: SupportInfo, strings: Mapping[str, str] | None = None,
                 level: int = 2) -> str:
    """The `<li>` items for the region's services (tel:/sms: links), for this page and the
    take-home page."""
    words = {**_ENGLISH, **(strings or {})}
    items = "\n".join(_entry(entry, words, level) for entry in info.entries)
    return items or f"<li class=\"entry\"><p>{escape(words['support.fallback'])}</p></li>"


def _entry(entry: SupportLine, words: Mapping[str, str], level: int = 2) -> str:
    actions = []
    if entry.tel_uri.startswith("tel:"):
        actions.append(_link(entry.tel_uri, entry.call_text or words["support.call"]))
    if entry.sms_uri.startswith("sms:"):
        actions.append(_link(entry.sms_uri, entry.sms_text or words["support.text"]))
    if entry.web.startswith(("https://", "http://")):
        actions.append(_link(entry.web, words["support.website"]))
    details = " · ".join(escape(bit) for bit in (entry.hours, entry.note) if bit)
    return (
        f"<li class=\"entry\"><h{level}>{escape(entry.name)}</h{level}>"
        + (f"<p>{details}</p>" if details else "")
        + (f"<p class=\"actions\">{''.join(actions)}</p>" if actions else "")
        + "</li>"
    )


def _link(href: str, text: str) -> str:
    return f"<a class=\"button\" href=\"{escape(href, quote=True)}\">{escape(text)}</a>"
