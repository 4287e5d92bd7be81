"""The phone page's message catalogues, without the web server: one JSON file per language,
read over English (see `web.i18n`). Kept apart from aiohttp so `facilitator print` can
render the take-home page without importing the server."""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

FALLBACK = "en"
LANGUAGES = ("en", "fr", "es", "de")  # complete catalogues, checked by tests

_PLACEHOLDER = re.compile(r"\{\{([\w.-]+)\}\}")


def base_language(language: str) -> str:
    """"fr-CA" and "fr_CA" read the French catalogue."""
    return re.split(r"[-_]", (language or FALLBACK).strip().lower(), maxsplit=1)[0] or FALLBACK


def _read(folder: Path, language: str) -> dict[str, str]:
    path = folder / f"{language}.json"
    if not re.fullmatch(r"[a-z]{2,3}", language) or not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(key): str(value) for key, value in data.items() if isinstance(value, str)}


def load_catalogue(folder: Path, language: str) -> dict[str, str]:
    """English, overlaid with `language`'s strings where it has them."""
    strings = _read(folder, FALLBACK)
    strings.update(_read(folder, base_language(language)))
    return strings


def fill(text: str, **values: object) -> str:
    """`{name}` in a catalogue string replaced by `values[name]`; unknown names stay."""
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), m.group(0))), text)


def localize(page: str, strings: dict[str, str]) -> str:
    """`{{key}}` in a page becomes the escaped string; `<!--strings-->` becomes the table."""
    page = _PLACEHOLDER.sub(lambda m: escape(strings.get(m.group(1), m.group(1))), page)
    # "</" cannot end the data block early once escaped; JSON reads "<\/" as "</".
    table = json.dumps(strings, ensure_ascii=False).replace("</", "<\\/")
    return page.replace(
        "<!--strings-->", f'<script type="application/json" id="strings">{table}</script>')
