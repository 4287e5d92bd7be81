"""Every colour and font the Qt widgets use, as data.

The projector themes (dark, the default; light; high-contrast), the console's palette, the
poll charts' panel and the black/white screens. Colours are plain hex strings so the
contrast tests need no Qt; the widgets' style sheets are built from these palettes in
qt/stylesheets.py, so each hex value is written once and no other module under qt/ spells a
colour (tests/qt/test_style.py checks). Every projector text colour must reach 7:1 against
its background because projectors wash colours out (FACTS: aim 7:1).
Charts always sit on a dark panel: on white, half the Okabe-Ito palette is under 3:1.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont

from facilitator.qt import fonts

# Okabe-Ito, the colour-blind-safe palette, by name so charts can pick roles from it.
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
# Order chosen so neighbours differ in lightness.
OKABE_ITO = (ORANGE, SKY_BLUE, BLUISH_GREEN, YELLOW, BLUE, VERMILLION, REDDISH_PURPLE)
OKABE_GREY = "#999999"

# Only the font the app ships (qt/fonts.py): a slide fits the same on every machine, and
# nothing falls back to whatever the laptop happens to have installed.
FONT_FAMILIES = [fonts.FAMILY]


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


# -- the facilitator's console ----------------------------------------------------------
# The console is always dark, whatever theme the projector uses: the facilitator sits in a
# dimmed room beside the projector, and a bright laptop screen would dazzle them and light
# up the front row. It is the laptop's own screen, read from arm's length, so 4.5:1 (WCAG
# AA) is the floor for its text rather than the projector's 7:1.


@dataclass(frozen=True)
class ConsolePalette:
    background: str  # the window, and the poll panel's pages
    panel: str  # the notes box, inputs, moderation items
    raised: str  # buttons and tabs
    border: str  # their outlines, and scroll bar handles
    text: str  # labels
    bright_text: str  # the notes, and text on buttons and inputs
    caption: str  # the small bold heading over each area
    disabled: str  # disabled buttons and tabs: WCAG sets no minimum, we keep 4.5:1 anyway
    accent: str  # a checked button, the selected tab, the hovered outline
    on_accent: str  # text on the accent
    notice: str  # the risk notice's background: calm, visible, not an alarm
    notice_edge: str  # its edge, and the flag on a risky answer

    def text_pairs(self) -> dict[str, tuple[str, str]]:
        """Every (foreground, background) pair that carries text on an active control."""
        return {
            "label": (self.text, self.background),
            "label in a moderation item": (self.text, self.panel),
            "tab": (self.text, self.raised),
            "caption": (self.caption, self.background),
            "notes and inputs": (self.bright_text, self.panel),
            "button": (self.bright_text, self.raised),
            "checked button, selected tab": (self.on_accent, self.accent),
            "risk notice": (self.bright_text, self.notice),
            "risk flag on an answer": (self.notice_edge, self.panel),
            "disabled button": (self.disabled, self.raised),
            "disabled label": (self.disabled, self.background),
        }


CONSOLE = ConsolePalette(
    background="#15191E",
    panel="#1E242B",
    raised="#26303A",
    border="#3A4653",
    text="#E8EAED",
    bright_text="#F1F1F1",
    caption="#AEB4BC",
    disabled="#959DA8",  # 4.9:1 on a button: greyed out, yet still legible
    accent=SKY_BLUE,
    on_accent="#111418",
    notice="#3B3320",
    notice_edge=ORANGE,
)


# -- what the polls put on the projector -------------------------------------------------
# Results, the join code's caption, the groups banner and the Q overlay sit on their own
# dark panel over any slide theme: half of the Okabe-Ito palette is under 3:1 on white,
# and one look for every theme means a chart reads the same whichever theme is on.


@dataclass(frozen=True)
class ChartPalette:
    background: str
    text: str  # labels and figures
    muted: str  # legend, footnotes, scale ends
    grid: str  # the axis line
    room: str  # this room's answers
    reference: str  # the article's figures
    low_side: tuple[str, ...]  # diverging bars below the middle, nearest the middle first
    high_side: tuple[str, ...]  # and above it
    middle: str  # the neutral middle answer
    words: tuple[str, ...]  # word cloud, in turn
    scrim: str  # the Q overlay's fill over the slide...
    scrim_alpha: int  # ...nearly opaque, so the slide only just shows through
    qr_light: str  # a QR code's quiet zone and light modules
    qr_dark: str  # its dark modules: scanners want the most contrast there is

    def text_pairs(self) -> dict[str, tuple[str, str]]:
        return {
            "chart text": (self.text, self.background),
            "chart muted": (self.muted, self.background),
            "overlay text": (self.text, self.scrim),
        }


CHART = ChartPalette(
    background="#15191e",  # the console's background too, spelt as the charts always had it
    text="#f1f3f5",
    muted="#c3c8cf",
    grid="#3a424c",
    room=ORANGE,
    reference=SKY_BLUE,
    low_side=(SKY_BLUE, BLUE),
    high_side=(ORANGE, VERMILLION),
    middle=OKABE_GREY,
    # Words are text, some of it small: the Okabe-Ito colours that reach 4.5:1 on this
    # panel, which is all but BLUE (3.4:1). The order is the one the cloud always used.
    words=(ORANGE, SKY_BLUE, BLUISH_GREEN, YELLOW, REDDISH_PURPLE, VERMILLION),
    scrim="#111418",
    scrim_alpha=245,
    qr_light="#FFFFFF",
    qr_dark="#000000",
)



# -- black and white screens --------------------------------------------------------------
# B and W are the same in every theme: black must send as little light as a projector can,
# white lights the room. The labels appear only in the console's preview of them.


@dataclass(frozen=True)
class BlankScreens:
    black: str
    white: str
    label_on_black: str
    label_on_white: str

    def text_pairs(self) -> dict[str, tuple[str, str]]:
        return {
            "black screen label": (self.label_on_black, self.black),
            "white screen label": (self.label_on_white, self.white),
        }


BLANK = BlankScreens(
    black="#000000", white="#FFFFFF", label_on_black="#C5CAD1", label_on_white="#333333"
)


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
    fonts.register_fonts()  # once; a no-op when the entry point already registered them
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    _same_everywhere(font)
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    return font


def chart_font(pixels: float, bold: bool = False) -> QFont:
    """Chart text: the slide faces, never under 9 px (a chart in a small preview)."""
    fonts.register_fonts()
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    _same_everywhere(font)
    font.setPixelSize(max(9, round(pixels)))
    font.setBold(bold)
    return font


def _same_everywhere(font: QFont) -> None:
    """Hinting and antialiasing chosen here, not by the machine's fontconfig settings, so a
    slide is drawn pixel for pixel alike on every laptop (slight, vertical-only hinting keeps
    glyph widths as designed, so the fit does not change with the machine either)."""
    font.setHintingPreference(QFont.HintingPreference.PreferVerticalHinting)
    font.setStyleStrategy(QFont.StyleStrategy.NoSubpixelAntialias)
