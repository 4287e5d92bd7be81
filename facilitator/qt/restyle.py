"""Set a widget's style sheet only when it changes.

The console refreshes five times a second; re-applying an identical style sheet still
makes Qt re-polish the widget, which adds up over two dozen labels on a slow laptop.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def restyle(widget: QWidget, css: str) -> None:
    if widget.styleSheet() != css:
        widget.setStyleSheet(css)
