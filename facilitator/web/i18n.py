"""The phone page's words in the session's language: one JSON catalogue per language.

`resources/web/i18n/<lang>.json` maps a key to a string; `{name}` marks a value filled in
later. English is complete by definition, and every other catalogue is read on top of it,
so a string a translator has not reached yet shows in English rather than as a key.

The server puts the words into its own HTML pages (`{{key}}` placeholders, escaped) and
hands the phone's scripts the whole table as inert JSON (`<script type="application/json">`
is data, not code, so the strict CSP with no inline script still holds).
"""

from __future__ import annotations

from aiohttp import web

from facilitator.web.message_catalogue import (
    FALLBACK,
    LANGUAGES,
    base_language,
    fill,
    load_catalogue,
    localize,
)

__all__ = ["FALLBACK", "LANGUAGES", "STRINGS", "base_language", "fill", "load_catalogue",
           "localize", "text"]

STRINGS: web.AppKey[dict[str, str]] = web.AppKey("strings", dict)


def text(request: web.Request, key: str, default: str) -> str:
    """A request's app's string for `key`, or `default` (apps built without a catalogue)."""
    strings = request.app.get(STRINGS)
    return strings.get(key, default) if strings else default
