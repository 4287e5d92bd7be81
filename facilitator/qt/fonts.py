"""The app's own font, registered with Qt at start so every machine lays slides out alike.

The projector, the console, the charts and `facilitator render` all draw with DejaVu Sans
from resources/fonts/, the family the printouts embed: projector and paper look like one
family, and whether a slide fits never depends on which fonts the laptop has installed.
DejaVu Sans was drawn for screens (large x-height, open shapes, distinct I/l/1), reads well
from the back row, and its licence lets it ship inside the app.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from facilitator.services import assets

FAMILY = "DejaVu Sans"
FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")

_registered: list[str] = []  # the families Qt reported; empty until registered


def register_fonts() -> str:
    """Add the bundled TTFs to Qt's font database (once per process) and make the family
    the application's default font, so console widgets use it too. Returns the family.

    Needs a QGuiApplication. Called by every entry point that creates one (the desktop app,
    `render`, the tests' qapp) and, as a safety net, by style.slide_font.
    """
    if _registered:
        return FAMILY
    app = QGuiApplication.instance()
    if app is None:  # too early: QFontDatabase needs an application
        return FAMILY
    for name in FILES:
        font_id = QFontDatabase.addApplicationFont(str(assets.font_path(name)))
        if font_id < 0:
            raise RuntimeError(f"cannot load the bundled font {name}")  # a broken install
        _registered.extend(QFontDatabase.applicationFontFamilies(font_id))
    default = QFont(FAMILY)
    default.setPointSizeF(QGuiApplication.font().pointSizeF())
    QGuiApplication.setFont(default)
    return FAMILY
