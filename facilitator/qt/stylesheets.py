"""The Qt style sheets the widgets set, built from the palettes in qt/style.py.

Only widget code needs these, so they live apart from the palettes: the slide renderer
(and through it `facilitator check` and `render`) reads style.py and needs QtGui, not
QtWidgets. Every colour here is a palette entry, never a hex value of its own
(tests/qt/test_style.py checks).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from facilitator.qt.style import CHART, CONSOLE

# -- the facilitator's console (style.CONSOLE) --------------------------------------------

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


# -- what the polls put on the projector (style.CHART) ------------------------------------

GROUPS_BANNER_STYLE = f"background: {CHART.background}; color: {CHART.text}; font-weight: bold;"
QR_OVERLAY_LABEL_STYLE = f"color: {CHART.text};"
# The anonymous question being answered, large over the slide (qt.questions).
QUESTION_BANNER_STYLE = (f"background: {CHART.background}; color: {CHART.text}; "
                         f"border-bottom: 4px solid {CHART.text}; padding: 0 4%;")


def restyle(widget: QWidget, css: str) -> None:
    """Set a widget's style sheet only when it changes: the console refreshes five times a
    second, and re-applying an identical sheet still makes Qt re-polish the widget, which
    adds up over two dozen labels on a slow laptop."""
    if widget.styleSheet() != css:
        widget.setStyleSheet(css)
