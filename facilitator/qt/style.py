"""Every colour, font and style sheet the Qt widgets use, as data.

The projector themes (dark, the default; light; high-contrast), the console's palette, the
poll charts' panel and the black/white screens. Colours are plain hex strings so the
contrast tests need no Qt; style sheets are built here from those palettes, so each hex
value is written once and no other module under qt/ spells a colour
(tests/qt/test_style.py checks). Every projector text colour must reach 7:1 against its
background because projectors wash colours out (FACTS: aim 7:1).
Charts always sit on a dark panel: on white, half the Okabe-Ito palette is under 3:1.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

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

_C = CONSOLE
CONSOLE_STYLE = f"""
QWidget#console {{ background: {_C.background}; }}
QScrollArea#console-tools-area, QWidget#console-tools {{ background: {_C.background};
    border: none; }}
QWidget#console QLabel {{ color: {_C.text}; font-size: 15px; }}
QLabel[role="caption"] {{ color: {_C.caption}; font-size: 13px; font-weight: bold; }}
QPlainTextEdit {{ background: {_C.panel}; color: {_C.bright_text}; border: none; font-size: 17px; }}
QToolButton {{ background: {_C.raised}; color: {_C.bright_text}; border: 1px solid {_C.border};
              border-radius: 4px; padding: 6px 10px; font-size: 14px; }}
QToolButton:checked {{ background: {_C.accent}; color: {_C.on_accent}; }}
QToolButton:hover {{ border-color: {_C.accent}; }}
QToolButton[role="start"] {{ background: {_C.accent}; color: {_C.on_accent}; font-weight: bold; }}
QScrollBar:vertical {{ background: {_C.background}; width: 10px; margin: 0; }}
QScrollBar::handle:vertical {{ background: {_C.border}; border-radius: 4px; min-height: 24px; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
"""

# Dialogs and message boxes opened from the console. A style sheet cascades to every
# widget parented under the one that carries it, dialogs included, so the console's light
# label colour used to land on the platform's light dialog background (1.0:1). A dialog's
# own sheet beats any inherited one whatever the selectors' specificity, so each dialog
# gets this complete sheet (the console gives it to every dialog it parents, see
# console.py): the same dark palette, for every widget type a dialog may hold, file and
# print dialogs included. One palette for the whole app: no light window in a dim room.
DIALOG_STYLE = f"""
QWidget {{ background-color: {_C.background}; color: {_C.text}; font-size: 14px; }}
QLabel, QCheckBox, QRadioButton {{ background: transparent; color: {_C.text}; }}
QLabel:disabled, QCheckBox:disabled, QRadioButton:disabled {{ color: {_C.disabled}; }}
QPushButton, QToolButton {{ background: {_C.raised}; color: {_C.bright_text};
    border: 1px solid {_C.border}; border-radius: 4px; padding: 5px 12px; }}
QToolButton {{ padding: 2px; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: 14px; height: 14px;
    border: 1px solid {_C.caption}; background: {_C.panel}; }}
QRadioButton::indicator {{ border-radius: 7px; }}
QCheckBox::indicator:checked, QRadioButton::indicator:checked {{ background: {_C.accent};
    border-color: {_C.accent}; }}
QPushButton:hover, QToolButton:hover, QPushButton:default {{ border-color: {_C.accent}; }}
QPushButton:checked, QToolButton:checked {{ background: {_C.accent}; color: {_C.on_accent}; }}
QPushButton:disabled, QToolButton:disabled {{ color: {_C.disabled}; }}
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox, QDoubleSpinBox, QTimeEdit,
QDateTimeEdit, QAbstractItemView {{ background-color: {_C.panel}; color: {_C.bright_text};
    border: 1px solid {_C.border}; selection-background-color: {_C.accent};
    selection-color: {_C.on_accent}; }}
QLineEdit:disabled, QComboBox:disabled, QSpinBox:disabled, QTimeEdit:disabled,
QAbstractItemView:disabled {{ color: {_C.disabled}; }}
QComboBox QAbstractItemView {{ background-color: {_C.panel}; color: {_C.bright_text}; }}
QHeaderView, QHeaderView::section {{ background-color: {_C.raised}; color: {_C.text};
    border: 1px solid {_C.border}; }}
QTableCornerButton::section {{ background-color: {_C.raised}; border: 1px solid {_C.border}; }}
QGroupBox {{ border: 1px solid {_C.border}; border-radius: 4px; margin-top: 1.4em;
    padding-top: 4px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 8px; color: {_C.caption}; }}
QTabWidget::pane {{ border: 1px solid {_C.border}; }}
QTabBar::tab {{ background: {_C.raised}; color: {_C.text}; padding: 5px 10px;
    border: 1px solid {_C.border}; }}
QTabBar::tab:selected {{ background: {_C.accent}; color: {_C.on_accent}; }}
QMenu {{ background-color: {_C.panel}; color: {_C.bright_text}; border: 1px solid {_C.border}; }}
QMenu::item:selected {{ background-color: {_C.accent}; color: {_C.on_accent}; }}
QToolTip {{ background-color: {_C.panel}; color: {_C.bright_text}; border: 1px solid {_C.border}; }}
QScrollBar {{ background: {_C.panel}; width: 12px; height: 12px; margin: 0; }}
QScrollBar::handle {{ background: {_C.border}; min-height: 24px; min-width: 24px;
    border-radius: 4px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
"""


# The poll controls under the agenda. The console's sheet styles only its own widget
# types, so the panel repeats its look for tabs, push buttons, inputs and scroll areas.
POLL_PANEL_STYLE = f"""
QTabWidget::pane {{ border: 1px solid {_C.border}; background: {_C.background}; }}
QTabBar::tab {{ background: {_C.raised}; color: {_C.text}; padding: 5px 10px;
               border: 1px solid {_C.border}; }}
QTabBar::tab:selected {{ background: {_C.accent}; color: {_C.on_accent}; }}
QTabBar::tab:disabled {{ color: {_C.disabled}; }}
QPushButton {{ background: {_C.raised}; color: {_C.bright_text}; border: 1px solid {_C.border};
              border-radius: 4px; padding: 6px 10px; font-size: 14px; }}
QPushButton:hover {{ border-color: {_C.accent}; }}
QPushButton:disabled {{ color: {_C.disabled}; }}
QScrollArea, QScrollArea > QWidget > QWidget {{ background: {_C.background}; border: none; }}
QScrollBar:vertical {{ background: {_C.panel}; width: 12px; margin: 0; }}
QScrollBar::handle:vertical {{ background: {_C.border}; min-height: 24px; border-radius: 4px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; }}
QFrame#moderation-item {{ background: {_C.panel}; border: 1px solid {_C.border};
                         border-radius: 4px; }}
QFrame#moderation-item[risk="true"] {{ border: 2px solid {_C.notice_edge}; }}
QLabel#risk-flag {{ color: {_C.notice_edge}; font-weight: bold; }}
QLabel {{ color: {_C.text}; font-size: 15px; }}
QComboBox, QSpinBox {{ background: {_C.panel}; color: {_C.bright_text};
                      border: 1px solid {_C.border}; padding: 4px; font-size: 14px; }}
"""


# The console's risk notice: stays until dismissed, calm colours (no red, no flashing).
RISK_NOTICE_STYLE = f"""
QFrame#risk-notice {{ background: {_C.notice}; border-left: 6px solid {_C.notice_edge};
                     border-radius: 4px; }}
QFrame#risk-notice QLabel {{ color: {_C.bright_text}; font-size: 15px; background: transparent; }}
"""
SAFETY_DIALOG_STYLE = f"""
QDialog {{ background: {_C.background}; }}
QLabel {{ color: {_C.text}; font-size: 15px; }}
QLabel[role="step"] {{ color: {_C.bright_text}; font-weight: bold; }}
QPushButton {{ background: {_C.raised}; color: {_C.bright_text}; border: 1px solid {_C.border};
              border-radius: 4px; padding: 6px 14px; font-size: 14px; }}
"""


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

GROUPS_BANNER_STYLE = f"background: {CHART.background}; color: {CHART.text}; font-weight: bold;"
QR_OVERLAY_LABEL_STYLE = f"color: {CHART.text};"
# The anonymous question being answered, large over the slide (qt.questions).
QUESTION_BANNER_STYLE = (f"background: {CHART.background}; color: {CHART.text}; "
                         f"border-bottom: 4px solid {CHART.text}; padding: 0 4%;")


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


def restyle(widget: QWidget, css: str) -> None:
    """Set a widget's style sheet only when it changes: the console refreshes five times a
    second, and re-applying an identical sheet still makes Qt re-polish the widget, which
    adds up over two dozen labels on a slow laptop."""
    if widget.styleSheet() != css:
        widget.setStyleSheet(css)
