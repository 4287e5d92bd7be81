"""Long slide titles are cut to fit the wall without leaving a bracket open."""

from __future__ import annotations

from facilitator.core.importer.slide_fit import MAX_TITLE_CHARS, short_title

ASIDE = "Functional Detachment (The “I Can Still Turn It Back On” Kind)"


def test_a_bracketed_aside_is_dropped_rather_than_cut_open() -> None:
    assert len(ASIDE) > MAX_TITLE_CHARS
    assert short_title(ASIDE) == "Functional Detachment"


def test_the_page_mark_stays_after_the_aside_goes() -> None:
    assert short_title(ASIDE + " (2/3)") == "Functional Detachment (2/3)"


def test_a_title_that_fits_keeps_its_aside() -> None:
    title = "Warning-Sign Numbness (The “I Feel Flat” Kind)"
    assert short_title(title) == title


def test_a_long_title_without_brackets_is_cut_at_a_word() -> None:
    title = "What You Can Actually Do About This That Isn’t Cringe or Useless Advice"
    cut = short_title(title)
    assert cut.endswith("…") and len(cut) <= MAX_TITLE_CHARS
    assert title.startswith(cut[:-1])
