"""About: which version this is, what it runs on, where its data lives, and how to update.

Updating means downloading the newer bundle (or `pipx upgrade`); settings and recorded runs
live in the user folders, not in the app's, so they carry over.
"""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from facilitator.core.release import app_version


def about_text(settings_file: Path, data_folder: Path) -> str:
    return "\n".join([
        f"facilitator {app_version()}",
        "Run a small-group workshop from one laptop.",
        "",
        f"Python {platform.python_version()}, Qt {qVersion()} (PySide6 {pyside_version}), "
        f"{platform.system()} {platform.release()}",
        f"Settings: {settings_file}",
        f"Runs and timing reports: {data_folder}",
        "",
        "To update, download the newest version and open it (or run `pipx upgrade "
        "facilitator`). Settings and recorded runs are kept; a run recorded by an older "
        "version resumes, or the app says which version can.",
        "Licence: MIT. Fonts: DejaVu (see resources/fonts).",
    ])


class AboutDialog(QDialog):
    def __init__(self, settings_file: Path, data_folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About facilitator")
        self.text = QLabel(about_text(settings_file, data_folder))
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(560, 260)
