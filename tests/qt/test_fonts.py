"""The slides look the same on every machine: drawn only with the font the app ships."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QFontInfo, QGuiApplication
from pytestqt.qtbot import QtBot

from facilitator.qt import fonts
from facilitator.qt.style import chart_font, slide_font
from facilitator.services import assets
from tests.paths import ROOT, python_path

NO_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig></fontconfig>
"""


def test_the_bundled_family_is_registered_and_is_the_default(qtbot: QtBot) -> None:
    assert fonts.register_fonts() == "DejaVu Sans"
    assert "DejaVu Sans" in QFontDatabase.families()
    assert QGuiApplication.font().family() == "DejaVu Sans"  # console widgets use it too
    for font in (slide_font(40), slide_font(40, bold=True), chart_font(12)):
        assert QFontInfo(font).family() == "DejaVu Sans"


def render(out: Path, environment: dict[str, str]) -> bytes:
    session = ROOT / "slides" / assets.BUNDLED_SESSION
    done = subprocess.run(
        [sys.executable, "-m", "facilitator", "render", str(session), "--out", str(out),
         "--size", "1280x720"],
        env=environment, capture_output=True, text=True, timeout=240, check=False,
    )
    assert done.returncode == 0, done.stderr  # every slide fits, in both runs
    pngs = sorted(out.glob("slide-*.png"))
    assert len(pngs) > 30
    return b"".join(path.name.encode() + path.read_bytes() for path in pngs)


def test_render_is_identical_with_every_system_font_hidden(tmp_path: Path) -> None:
    config = tmp_path / "fonts.conf"
    config.write_text(NO_FONTS, encoding="utf-8")  # fontconfig with no font folder at all
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": python_path()}
    hidden = {**environment, "FONTCONFIG_FILE": str(config)}
    assert render(tmp_path / "hidden", hidden) == render(tmp_path / "normal", environment)
