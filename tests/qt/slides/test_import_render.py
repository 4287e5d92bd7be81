"""Imported drafts are projectable: every slide renders and fits at 1280x720."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from facilitator.core.importer.draft import import_file
from facilitator.core.session.loader import parse_session
from facilitator.qt.slides.export import export_pngs
from facilitator.qt.style import theme_named
from facilitator.services.settings import Settings
from facilitator.services.support_source import support_from_settings
from tests.paths import ARTICLES



@pytest.mark.parametrize("article", ["numb-in-medicine.txt", "running-on-empty.txt"])
def test_every_imported_slide_fits(qtbot: QtBot, tmp_path: Path, article: str) -> None:
    session = parse_session(import_file(ARTICLES / article).text, article).session
    assert session is not None
    support, problems = support_from_settings(session, Settings())
    assert list(problems) == []
    exported = export_pngs(session, tmp_path, 1280, 720, theme_named("dark"), support)
    assert list(exported.problems) == []
    assert len(exported.files) == len(session.slides)
    assert all(path.stat().st_size > 5000 for path in exported.files)  # drawn, not blank
