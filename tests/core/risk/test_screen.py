"""The one risk screen: every wording caught with the right category, idiom let through."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.core.risk.normalise import variants
from facilitator.core.risk.phrases import ALL, LANGUAGES, Category
from facilitator.core.risk.screen import category_of, mentions_risk, screen
from facilitator.core.session import safety
from tests.core.risk.wordings import CHAT, FALSE_ALARMS, RISKY, WORD_ANSWERS

RISKY_CASES = [(lang, text, cat) for lang, cases in RISKY.items() for text, cat in cases]
ALARM_CASES = [(lang, text) for lang, texts in FALSE_ALARMS.items() for text in texts]


@pytest.mark.parametrize(("lang", "text", "category"), RISKY_CASES)
def test_risky_wording_is_caught_with_its_category(lang: str, text: str,
                                                   category: Category) -> None:
    match = screen(text)
    assert match is not None, f"{lang}: {text!r} passed the screen"
    assert match.category is category, (text, match)


@pytest.mark.parametrize("text", CHAT)
def test_chat_and_obfuscated_spellings_are_caught(text: str) -> None:
    assert mentions_risk(text), text


@pytest.mark.parametrize("text", WORD_ANSWERS)
def test_one_word_answers_are_caught_alone_but_not_inside_a_sentence(text: str) -> None:
    assert mentions_risk(text)
    assert not mentions_risk(f"the word {text} in a sentence about tools")


@pytest.mark.parametrize(("lang", "text"), ALARM_CASES)
def test_false_alarms_pass(lang: str, text: str) -> None:
    assert screen(text) is None, (lang, text, screen(text))


def test_every_session_language_has_all_three_categories() -> None:
    for language in LANGUAGES:
        found = {phrases.category for phrases in ALL if phrases.language == language}
        assert found == set(Category), language
        assert len(RISKY[language]) >= 10, language


def test_the_loader_uses_the_same_screen() -> None:
    for _, text, _ in RISKY_CASES:
        assert safety.mentions_risk(text)
    for text in CHAT:
        assert safety.mentions_risk(text)


def test_readings_undo_the_usual_disguises() -> None:
    assert "suicide" in variants("S U 1 C I D E")
    assert "kill myself" in variants("k!ll mys3lf")
    assert variants("24/7 help") == ("24 7 help",)  # numbers alone stay numbers
    assert category_of("Ich möchte sterben") is Category.WANTING_TO_DIE
    assert category_of("") is None and category_of("   ") is None


@given(st.text(max_size=300))
def test_any_text_is_screened_without_error(text: str) -> None:
    found = screen(text)
    assert found is None or found.category in set(Category)


@given(st.sampled_from([text for cases in RISKY.values() for text, _ in cases]),
       st.sampled_from(["", "  ", "!!", "lol", "...", "\n"]))
def test_punctuation_and_padding_do_not_hide_a_wording(text: str, pad: str) -> None:
    assert mentions_risk(f"{pad} {text.upper()} {pad}")
