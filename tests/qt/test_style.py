"""One module owns the colours: no other file under qt/ spells one; the console reads well.

Colours spelt elsewhere drift apart (two near-identical greys for one role) and dodge the
contrast checks, which only see the palettes in style.py.
"""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest

import facilitator.qt
from facilitator.qt.style import BLANK, CHART, CONSOLE, contrast_ratio

QT_DIR = Path(facilitator.qt.__file__).parent
STYLE = QT_DIR / "style.py"

# "#RRGGBB", "#RGB" or "#AARRGGBB" inside a string (style sheets and QColor names alike).
HEX_IN_STRING = re.compile(r"#(?:[0-9A-Fa-f]{8}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})\b")
# QColor built from a literal: QColor("#fff"), QColor("white"), QColor(17, 20, 24),
# QColor.fromRgb(0, 0, 0). QColor(theme.panel) or QColor(colour) names a palette entry.
QCOLOR_LITERAL = re.compile(r"""\bQColor(?:\.from\w+)?\(\s*(?:[rRbBuUfF]{0,2}["']|[-+]?\d|\.\d)""")


def colour_literals(source: str) -> list[str]:
    """Each colour literal in `source`, as 'line N: text'."""
    found: list[str] = []
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    for token in tokens:
        # Python 3.12 splits f-strings into parts; FSTRING_MIDDLE holds their text.
        if token.type == tokenize.STRING or tokenize.tok_name[token.type] == "FSTRING_MIDDLE":
            found += [f"line {token.start[0]}: {m.group()}"
                      for m in HEX_IN_STRING.finditer(token.string)]
    for number, line in enumerate(source.splitlines(), start=1):
        found += [f"line {number}: {m.group()}..." for m in QCOLOR_LITERAL.finditer(line)]
    return found


def qt_sources() -> list[Path]:
    return sorted(path for path in QT_DIR.rglob("*.py") if path != STYLE)


def test_the_checks_recognise_colour_literals() -> None:
    bad = '''
sheet = "QLabel { color: #f1f3f5; }"
fill = QColor(17, 20, 24, 245)
brush = QColor("white")
pen = QColor( '#333' )
fine = QColor(theme.panel), QColor(colour), "#1 item", "issue #12345678x"
'''
    flagged = {hit.split(":")[0] for hit in colour_literals(bad)}
    assert flagged == {"line 2", "line 3", "line 4", "line 5"}, colour_literals(bad)


def test_no_colour_literal_outside_style() -> None:
    sources = qt_sources()
    assert len(sources) > 20  # the walk found the package
    offenders = {
        str(path.relative_to(QT_DIR)): hits
        for path in sources
        if (hits := colour_literals(path.read_text(encoding="utf-8")))
    }
    assert not offenders, f"colours belong in qt/style.py: {offenders}"


@pytest.mark.parametrize("name, pair", CONSOLE.text_pairs().items(),
                         ids=list(CONSOLE.text_pairs()))
def test_console_text_reaches_4_5_to_1(name: str, pair: tuple[str, str]) -> None:
    foreground, background = pair
    assert contrast_ratio(foreground, background) >= 4.5, name


def test_console_pairs_cover_every_text_colour() -> None:
    foregrounds = {foreground for foreground, _ in CONSOLE.text_pairs().values()}
    # Disabled text too: WCAG sets no minimum for inactive controls, but a greyed-out
    # button the facilitator cannot read is no help either.
    assert foregrounds == {CONSOLE.text, CONSOLE.bright_text, CONSOLE.caption,
                           CONSOLE.on_accent, CONSOLE.disabled, CONSOLE.notice_edge}


@pytest.mark.parametrize("name, pair", {**CHART.text_pairs(), **BLANK.text_pairs()}.items(),
                         ids=list({**CHART.text_pairs(), **BLANK.text_pairs()}))
def test_projector_panel_text_reaches_7_to_1(name: str, pair: tuple[str, str]) -> None:
    foreground, background = pair
    assert contrast_ratio(foreground, background) >= 7.0, name


@pytest.mark.parametrize("colour", CHART.words)
def test_word_cloud_colours_reach_4_5_to_1_on_the_chart(colour: str) -> None:
    assert contrast_ratio(colour, CHART.background) >= 4.5
