"""The phone's "Need support now?" page, rendered on the server from the region's entries.

It is plain HTML with no script, reachable without joining (anyone in the room may need
it, and it must work even if the live page has failed). Every value is escaped; links are
built only from `tel:`/`sms:` URIs the support model made and from http(s) web addresses.
"""

from __future__ import annotations

from collections.abc import Sequence
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


_FALLBACK = (
    "Ask the facilitator for local support contacts, or find a helpline in your country at "
    "findahelpline.com."
)


def render_support(info: SupportInfo) -> str:
    items = "\n".join(_entry(entry) for entry in info.entries)
    if not items:
        items = f"<li class=\"entry\"><p>{escape(_FALLBACK)}</p></li>"
    emergency = (
        f"<p class=\"emergency\">{escape(info.emergency_line)}</p>" if info.emergency_line else ""
    )
    where = f" ({escape(info.region_name)})" if info.region_name else ""
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Support now</title>
<link rel="stylesheet" href="/static/app.css">
</head>
<body>
<main class="page support">
<p><a class="back" href="/">&larr; Back to the poll</a></p>
<h1>Need support now?</h1>
<p>You can talk to someone today, free and confidential{where}.
Stepping out of the room is always fine.</p>
{emergency}
<ul class="entries">
{items}
</ul>
</main>
</body>
</html>
"""


def _entry(entry: SupportLine) -> str:
    actions = []
    if entry.tel_uri.startswith("tel:"):
        actions.append(_link(entry.tel_uri, entry.call_text or "Call"))
    if entry.sms_uri.startswith("sms:"):
        actions.append(_link(entry.sms_uri, entry.sms_text or "Text"))
    if entry.web.startswith(("https://", "http://")):
        actions.append(_link(entry.web, "Website"))
    details = " · ".join(escape(bit) for bit in (entry.hours, entry.note) if bit)
    return (
        f"<li class=\"entry\"><h2>{escape(entry.name)}</h2>"
        + (f"<p>{details}</p>" if details else "")
        + (f"<p class=\"actions\">{''.join(actions)}</p>" if actions else "")
        + "</li>"
    )


def _link(href: str, text: str) -> str:
    return f"<a class=\"button\" href=\"{escape(href, quote=True)}\">{escape(text)}</a>"
