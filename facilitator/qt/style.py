"""Projector themes: dark (default), light and high-contrast.

Colours are plain hex strings so the contrast test needs no Qt; every text colour must
reach 7:1 against its background because projectors wash colours out (FACTS: aim 7:1).
Charts always sit on a dark panel: on white, half the Okabe-Ito palette is under 3:1.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

# Okabe-Ito, the colour-blind-safe palette; order chosen so neighbours differ in lightness.
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")
OKABE_GREY = "#999999"

# Narrow, widely installed sans faces first: more words per line at the same size.
FONT_FAMILIES = ["Liberation Sans", "Arial", "Helvetica Neue", "Helvetica", "DejaVu Sans"]


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    text: str
    muted: str  # secondary text: captions, labels, credit
    heading: str
    accent: str  # rules, bullets, box outlines, the current phase
    panel: str  # boxes, table header, poll placeholder areas
    chart_background: str  # always dark enough for the Okabe-Ito marks
    chart_text: str
    timer_running: str
    timer_last_minute: str
    timer_overtime: str
    timer_paused: str

    def color(self, name: str) -> QColor:
        return QColor(getattr(self, name))

    def text_pairs(self) -> dict[str, tuple[str, str]]:
        """Every (foreground, background) pair that carries text, for the contrast check."""
        pairs = {
            "text": (self.text, self.background),
            "muted": (self.muted, self.background),
            "heading": (self.heading, self.background),
            "text on panel": (self.text, self.panel),
            "muted on panel": (self.muted, self.panel),
            "chart text": (self.chart_text, self.chart_background),
            "timer running": (self.timer_running, self.background),
            "timer last minute": (self.timer_last_minute, self.background),
            "timer overtime": (self.timer_overtime, self.background),
            "timer paused": (self.timer_paused, self.background),
            "active phase chip": (self.background, self.accent),
            "poll option letters": (self.accent, self.background),
        }
        return pairs


DARK = Theme(
    name="dark",
    background="#111418",
    text="#F4F4F2",
    muted="#C5CAD1",
    heading="#FFFFFF",
    accent="#56B4E9",
    panel="#1F252D",
    chart_background="#111418",
    chart_text="#F4F4F2",
    timer_running="#F4F4F2",
    timer_last_minute="#F5C24B",
    timer_overtime="#FF9E8A",
    timer_paused="#C5CAD1",
)

LIGHT = Theme(
    name="light",
    background="#FBFAF7",
    text="#15181C",
    muted="#3B4149",
    heading="#0B3D6B",
    accent="#0B4F8A",  # dark enough that the active phase chip's text reaches 7:1
    panel="#E9EDF1",
    chart_background="#1A1E24",
    chart_text="#F4F4F2",
    timer_running="#15181C",
    timer_last_minute="#7A4300",
    timer_overtime="#9E1B0F",
    timer_paused="#3B4149",
)

HIGH_CONTRAST = Theme(
    name="high-contrast",
    background="#000000",
    text="#FFFFFF",
    muted="#FFFFFF",
    heading="#FFFF00",
    accent="#FFFF00",
    panel="#000000",
    chart_background="#000000",
    chart_text="#FFFFFF",
    timer_running="#FFFFFF",
    timer_last_minute="#FFFF00",
    timer_overtime="#FF9E9E",
    timer_paused="#FFFFFF",
)

THEMES: dict[str, Theme] = {theme.name: theme for theme in (DARK, LIGHT, HIGH_CONTRAST)}


def theme_named(name: str) -> Theme:
    """The theme called `name`, or dark when unknown (a typo must not stop a session)."""
    return THEMES.get(name, DARK)


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance of an `#RRGGBB` colour."""
    value = hex_colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255.0 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio, from 1 (same colour) to 21 (black on white)."""
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def slide_font(pixel_size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    return font


def restyle(widget: QWidget, css: str) -> None:
    """Set a widget's style sheet only when it changes: the console refreshes five times a
    second, and re-applying an identical sheet still makes Qt re-polish the widget, which
    adds up over two dozen labels on a slow laptop."""
    if widget.styleSheet() != css:
        widget.setStyleSheet(css)
