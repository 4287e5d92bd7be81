"""Measured text contrast of a window as drawn: every visible label's and button's text
against the background it is painted on, read from a grab of the whole window (a widget
grabbed alone would be drawn on its own palette, not on what its parents paint)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QLabel,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from facilitator.qt.style import contrast_ratio

AA = 4.5  # WCAG AA for body text: the console's and its dialogs' floor


def _hex(image: QImage, x: int, y: int) -> str:
    return image.pixelColor(x, y).name()


def text_contrast(image: QImage, rect: QRect) -> float:
    """Contrast of the strongest pixel in `rect` against the area's commonest colour (the
    background): the cores of the glyphs carry the text colour itself."""
    rect = rect.intersected(image.rect())
    counts: Counter[str] = Counter(
        _hex(image, x, y) for y in range(rect.top(), rect.bottom() + 1)
        for x in range(rect.left(), rect.right() + 1))
    if not counts:
        return 21.0
    background = counts.most_common(1)[0][0]
    return max(contrast_ratio(colour, background) for colour in counts)


def _text_rect(widget: QWidget) -> QRect:
    """Where the widget draws its text, inside its borders and beside any check mark."""
    if isinstance(widget, (QCheckBox, QRadioButton)):
        option = QStyleOptionButton()
        widget.initStyleOption(option)  # type: ignore[arg-type]
        element = (QStyle.SubElement.SE_CheckBoxContents if isinstance(widget, QCheckBox)
                   else QStyle.SubElement.SE_RadioButtonContents)
        return widget.style().subElementRect(element, option, widget)
    if isinstance(widget, QAbstractButton):
        return widget.rect().adjusted(4, 4, -4, -4)  # inside the border and its rounding
    return widget.rect()


def unreadable_texts(window: QWidget) -> list[str]:
    """'text: ratio' for every visible label or button in `window` under 4.5:1, and the
    number of texts looked at (so a test can tell that something was measured)."""
    image = window.grab().toImage()
    problems = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, (QLabel, QAbstractButton)) or not widget.isVisibleTo(window):
            continue
        text = widget.text()
        if not text.strip() or widget.window() is not window:
            continue
        rect = _text_rect(widget).translated(widget.mapTo(window, widget.rect().topLeft()))
        ratio = text_contrast(image, rect)
        if ratio < AA:
            problems.append(f"{type(widget).__name__} {text[:40]!r}: {ratio:.2f}:1")
    return problems


def texts_measured(window: QWidget) -> int:
    return sum(1 for widget in window.findChildren(QWidget)
               if isinstance(widget, (QLabel, QAbstractButton)) and widget.isVisibleTo(window)
               and widget.text().strip() and widget.window() is window)
