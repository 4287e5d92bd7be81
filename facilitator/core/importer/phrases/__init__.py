"""The sentences the importer writes itself, one catalogue per language (`lang_*.py`).

English is the reference: every other catalogue has exactly its keys (a test checks), so a
draft is in one language from its content note to its notes.
"""

from __future__ import annotations

from facilitator.core.importer.phrases import lang_de, lang_en, lang_es, lang_fr, lang_ro

CATALOGUES: dict[str, dict[str, str]] = {
    "en": lang_en.PHRASES,
    "fr": lang_fr.PHRASES,
    "es": lang_es.PHRASES,
    "de": lang_de.PHRASES,
    "ro": lang_ro.PHRASES,
}
LANGUAGES = tuple(CATALOGUES)


class Phrases:
    """The catalogue of one language; unknown languages read as English."""

    def __init__(self, language: str = "en") -> None:
        self.language = language if language in CATALOGUES else "en"
        self._table = CATALOGUES[self.language]

    def __call__(self, key: str, **values: object) -> str:
        return self._table[key].format(**values)

    def join(self, items: list[str]) -> str:
        """"a, b and c" in this language."""
        if len(items) < 2:
            return "".join(items)
        return ", ".join(items[:-1]) + f" {self('and')} {items[-1]}"
