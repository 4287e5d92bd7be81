"""Draw packaging/icons/facilitator.svg as the PNG, ICO and ICNS files the bundles need.

Run once after changing the SVG: `python scripts/make_icons.py` (needs PySide6 and Pillow).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "packaging" / "icons"


def main() -> None:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "facilitator.svg"))
    image = QImage(512, 512, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    png = ICONS / "facilitator.png"
    image.save(str(png))
    with Image.open(png) as picture:
        picture.save(ICONS / "facilitator.ico", sizes=[(16, 16), (32, 32), (48, 48), (256, 256)])
        picture.save(ICONS / "facilitator.icns")
    print(f"Wrote {png.name}, facilitator.ico, facilitator.icns in {ICONS}")


if __name__ == "__main__":
    main()
