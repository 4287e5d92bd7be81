"""Every theme's text reaches 7:1; chart marks reach 3:1 on the chart panel; real fonts."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontInfo
from pytestqt.qtbot import QtBot

from facilitator.cli.run_cmd import THEME_NAMES
from facilitator.qt.style import (
    OKABE_ITO,
    THEMES,
    Theme,
    contrast_ratio,
    slide_font,
    theme_named,
)


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda theme: theme.name)
def test_text_contrast_is_at_least_7_to_1(theme: Theme) -> None:
    ratios = {name: contrast_ratio(fg, bg) for name, (fg, bg) in theme.text_pairs().items()}
    low = {name: round(ratio, 2) for name, ratio in ratios.items() if ratio < 7.0}
    assert not low, f"{theme.name}: below 7:1: {low}"


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda theme: theme.name)
def test_chart_marks_reach_3_to_1_on_the_chart_panel(theme: Theme) -> None:
    for colour in OKABE_ITO:
        assert contrast_ratio(colour, theme.chart_background) >= 3.0, colour


def test_contrast_formula_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)


def test_cli_theme_names_match_the_themes() -> None:
    assert set(THEME_NAMES) == set(THEMES)
    assert theme_named("no-such-theme").name == "dark"


def test_slides_use_the_bundled_font(qtbot: QtBot) -> None:
    assert QFontInfo(slide_font(36)).family() == "DejaVu Sans"
    assert QFontInfo(slide_font(36, bold=True)).bold()
