"""The phone page's catalogues: every language has every key (and the same `{names}`), a
missing string falls back to English, and the pages and scripts carry no English of their
own: every word a participant reads comes from a catalogue."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from facilitator.services.assets import resource_path
from facilitator.web.i18n import LANGUAGES, fill, load_catalogue, localize
from facilitator.web.support_page import SupportInfo, render_support

WEB = resource_path("web")
CATALOGUES = WEB / "i18n"
KEY_CALL = r'\bt\(\s*"([\w.-]+)"'


def _catalogue(language: str) -> dict[str, str]:
    data: dict[str, str] = json.loads((CATALOGUES / f"{language}.json").read_text("utf-8"))
    return data


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalogue_has_every_key_and_the_same_placeholders(language: str) -> None:
    english, other = _catalogue("en"), _catalogue(language)
    assert set(other) == set(english), set(other) ^ set(english)
    for key, text in english.items():
        assert re.findall(r"\{\w+\}", other[key]) == re.findall(r"\{\w+\}", text) or \
            sorted(re.findall(r"\{\w+\}", other[key])) == sorted(re.findall(r"\{\w+\}", text)), key
        assert other[key].strip(), f"{language}: {key} is empty"
    assert other["lang"] == language


def test_translations_are_translated() -> None:
    """A catalogue copied from English and never translated would pass the key check."""
    english = _catalogue("en")
    for language in LANGUAGES[1:]:
        same = [k for k, v in _catalogue(language).items() if v == english[k]]
        assert len(same) <= 3, (language, same)  # "Live", "Website" may be the same word


def test_a_missing_string_falls_back_to_english(tmp_path: Path) -> None:
    (tmp_path / "en.json").write_text(json.dumps({"lang": "en", "a": "Hello", "b": "Bye"}))
    (tmp_path / "fr.json").write_text(json.dumps({"lang": "fr", "a": "Bonjour"}))
    strings = load_catalogue(tmp_path, "fr-CA")
    assert strings == {"lang": "fr", "a": "Bonjour", "b": "Bye"}
    assert load_catalogue(tmp_path, "xx") == {"lang": "en", "a": "Hello", "b": "Bye"}
    assert load_catalogue(tmp_path, "../en") == {"lang": "en", "a": "Hello", "b": "Bye"}


def test_localize_escapes_and_embeds_the_table_as_inert_json() -> None:
    page = localize("<h1>{{x}}</h1><!--strings-->", {"x": "<b>&", "y": "</script>"})
    assert page.startswith("<h1>&lt;b&gt;&amp;</h1>")
    assert '<script type="application/json" id="strings">' in page
    assert page.count("</script>") == 1  # the value's "</script>" cannot end the block
    table = page.split('id="strings">')[1].removesuffix("</script>")
    assert json.loads(table)["y"] == "</script>"
    assert fill("{a} of {b} {c}", a=1, b=2) == "1 of 2 {c}"


class _Text(HTMLParser):
    """Visible text and the attributes a person may read (or hear)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.found.append(data.strip())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Any]]) -> None:
        self.found += [v for k, v in attrs if k in ("title", "alt", "aria-label",
                                                     "placeholder", "value") and v]


@pytest.mark.parametrize("name", ["index.html", "join.html"])
def test_page_templates_have_no_words_of_their_own(name: str) -> None:
    parser = _Text()
    parser.feed((WEB / name).read_text("utf-8"))
    english = _catalogue("en")
    for text in parser.found:
        left = re.sub(r"\{\{([\w.-]+)\}\}", "", text)
        assert not re.search(r"[A-Za-z]", left), f"{name}: hard-coded {text!r}"
        for key in re.findall(r"\{\{([\w.-]+)\}\}", text):
            assert key in english, f"{name}: {key} is not in the catalogue"


@pytest.mark.parametrize("name", ["app.js", "form.js", "questions.js", "takehome.js"])  # live.js shows nothing itself
def test_scripts_put_no_literal_words_on_the_page(name: str) -> None:
    """Words reach the page through textContent, Error messages (shown as errors) and aria
    labels: there, every string with letters in it must be a key passed to t(...)."""
    source = (WEB / name).read_text("utf-8")
    english = _catalogue("en")
    sinks = re.findall(r"(?:textContent\s*=|new Error\(|setAttribute\(\"aria-label\",)(.*)",
                       source)
    assert sinks
    for sink in sinks:
        keys = re.findall(KEY_CALL, sink)
        assert all(key in english for key in keys), (name, sink)
        rest = re.sub(r'\bt\(\s*"[\w.-]+"', "t(", sink)
        rest = re.sub(r"\$\{[^}]*\}", "", rest)  # ${...} in a template is data
        rest = re.sub(r'[!=]==\s*"[^"]*"', "", rest)  # so is a value compared with
        assert not re.search(r"""(["'`])[^"'`]*[A-Za-z]{2}[^"'`]*\1""", rest), (name, sink)
    for key in re.findall(KEY_CALL, source):
        assert key in english, f"{name}: {key} is not in the catalogue"


def test_support_page_speaks_the_catalogue_language() -> None:
    html = render_support(SupportInfo(region_name="France"), load_catalogue(CATALOGUES, "fr"))
    assert '<html lang="fr">' in html
    assert "Besoin de soutien maintenant ?" in html
    assert "(France)" in html
    assert "Need support" not in html
