"""Look of every printout: paper sizes, the app's colours, the embedded font, text styles.

reportlab's built-in Helvetica has no "•", "→" or curly quotes, so every document uses an
embedded DejaVu Sans (registered once per process; the caller passes the font folder so
this package never looks for files itself).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import TableStyle

from facilitator.core.session import tokens
from facilitator.core.session.model import Inline

_OPEN_DOUBLE = re.compile(r'(?:(?<=^)|(?<=[\s(\[{\u2014-]))"')
_OPEN_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[{\u2014\u201c-]))'")

PAPERS = {"a4": A4, "letter": LETTER}

# The app's palette: dark navy with a teal accent; all text colours >= 7:1 on white
# except ACCENT (5.3:1), which is only used at 10 pt bold or larger and for rules.
NAVY = colors.HexColor("#13294B")
INK = colors.HexColor("#1F2937")
MUTED = colors.HexColor("#4B5563")
ACCENT = colors.HexColor("#00796B")
ACCENT_DARK = colors.HexColor("#005A50")
TINT = colors.HexColor("#E6F2F0")
NAVY_TINT = colors.HexColor("#EEF1F6")
RULE = colors.HexColor("#C9D3DF")
WHITE = colors.white

FONT = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
_FILES = {FONT: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", ITALIC: "DejaVuSans-Oblique.ttf"}


class PrintError(ValueError):
    """Options a document cannot be made from; the message says which and why."""


@dataclass(frozen=True)
class DocInfo:
    """PDF metadata: title, author, language (BCP 47) go into the document info/catalog."""

    title: str
    author: str = ""
    language: str = "en"
    subject: str = ""


def page_size(paper: str) -> tuple[float, float]:
    try:
        width, height = PAPERS[paper.lower()]
        return float(width), float(height)
    except KeyError:
        raise PrintError(f"unknown paper {paper!r}: choose a4 or letter") from None


def register_fonts(font_dir: Path) -> None:
    """Register the embedded fonts (idempotent); raises PrintError if a file is missing."""
    _register(str(font_dir))


@cache
def _register(font_dir: str) -> None:
    from reportlab.lib.fonts import addMapping

    for name, filename in _FILES.items():
        path = Path(font_dir) / filename
        if not path.is_file():
            raise PrintError(f"font file missing: {path}")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    # <b> and <i> in paragraphs map to the embedded faces.
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, BOLD)
    addMapping(FONT, 0, 1, ITALIC)
    addMapping(FONT, 1, 1, BOLD)


def typographic(value: str) -> str:
    """Straight quotes to curly ones: opening after a space or bracket, closing otherwise."""
    value = _OPEN_DOUBLE.sub("\u201c", value).replace('"', "\u201d")
    return _OPEN_SINGLE.sub("\u2018", value).replace("'", "\u2019")


def markup(inline: Inline) -> str:
    """Inline spans as reportlab paragraph markup, with the text escaped."""
    return tokens.markup(inline, lambda text: escape(typographic(text)))


def text(value: str) -> str:
    """Plain text escaped for a paragraph, with curly quotes."""
    return escape(typographic(value))


# The type scale's floors (points): what a designer signs off for a handout read at arm's
# length and a card read in a pocket. Layouts grow a page or a column rather than go below.
BODY_PT = 10.0
TABLE_PT = 9.0  # tables, captions, the footer
CARD_NAME_PT = 8.0  # card service names and numbers
CARD_NOTE_PT = 7.0  # card hours and notes


@cache
def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles: one scale for every document, nothing below the floors above."""
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=BODY_PT, leading=13.6, textColor=INK,
    )
    heading = {"keepWithNext": 1}  # a heading never ends a page
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=TABLE_PT, leading=11.6,
                                textColor=MUTED),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=11, bulletIndent=1,
                                 spaceAfter=1.5),
        "title": ParagraphStyle("title", fontName=BOLD, fontSize=26, leading=30,
                                textColor=WHITE),
        "subtitle": ParagraphStyle("subtitle", fontName=FONT, fontSize=12.5, leading=16,
                                   textColor=WHITE),
        "kicker": ParagraphStyle("kicker", fontName=BOLD, fontSize=TABLE_PT, leading=11,
                                 textColor=colors.HexColor("#9FD8CF")),
        "h1": ParagraphStyle("h1", fontName=BOLD, fontSize=15, leading=19, textColor=NAVY,
                             spaceBefore=10, spaceAfter=5, **heading),
        "h2": ParagraphStyle("h2", fontName=BOLD, fontSize=12, leading=15.5,
                             textColor=ACCENT_DARK, spaceBefore=9, spaceAfter=3, **heading),
        "h3": ParagraphStyle("h3", fontName=BOLD, fontSize=10.5, leading=13.5,
                             textColor=NAVY, spaceBefore=5, spaceAfter=2, **heading),
        "cell": ParagraphStyle("cell", parent=body, fontSize=TABLE_PT, leading=11.6),
        "cell_head": ParagraphStyle("cell_head", parent=body, fontName=BOLD,
                                    fontSize=TABLE_PT, leading=11.6, textColor=WHITE),
        "box": ParagraphStyle("box", parent=body, textColor=NAVY),
        "quote": ParagraphStyle("quote", fontName=BOLD, fontSize=13, leading=18,
                                textColor=NAVY),
    }


MARGIN = 16 * mm


def table_style(commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    """A table style whose cells default to the embedded font: reportlab's own default is
    Helvetica, which would otherwise be referenced by every table even around Paragraphs."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), *commands])
