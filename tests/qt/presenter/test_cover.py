"""The cover: the session's title on screen at once, from the front matter alone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from facilitator.qt.presenter.cover import Cover, close_cover, front_matter_text, open_cover
from facilitator.qt.style import DARK, LIGHT, Theme
from facilitator.services import assets

LONG_TITLE = " ".join(["Emotional numbness in long medical training programmes"] * 6)


def painted(cover: Cover, width: int = 1280, height: int = 720) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#FF00FF"))  # any pixel left this colour was not painted
    painter = QPainter(image)
    from facilitator.qt.presenter.cover import paint_cover

    paint_cover(painter, width, height, cover)
    painter.end()
    return image


def rows_with(image: QImage, colour: str) -> list[int]:
    """The pixel rows where `colour` appears (text drawn in it, anti-aliasing aside)."""
    wanted = QColor(colour).rgb()
    return [y for y in range(image.height())
            if any(image.pixel(x, y) == wanted for x in range(0, image.width(), 2))]


def test_the_title_subtitle_and_credit_come_from_the_front_matter() -> None:
    title, subtitle, credit = front_matter_text(assets.slide_file())
    assert title == "Numb in Medicine"
    assert subtitle.startswith("When feeling less is a phase")
    assert credit.startswith("A small-group session adapted")


def test_a_file_without_a_title_shows_no_cover(qtbot: QtBot, tmp_path: Path) -> None:
    # Broken or missing files go straight to their error message, with line numbers.
    no_front = tmp_path / "no-front.md"
    no_front.write_text("# A section (5m)\n\n## A slide\n", encoding="utf-8")
    assert front_matter_text(no_front) == ("", "", "")
    assert open_cover(no_front, DARK) is None
    assert open_cover(tmp_path / "missing.md", DARK) is None
    binary = tmp_path / "binary.md"
    binary.write_bytes(b"\xff\xfe\x00---\x00title")
    assert open_cover(binary, DARK) is None


def test_open_cover_shows_the_title_and_has_painted_before_it_returns(
        qtbot: QtBot, tmp_path: Path) -> None:
    session = tmp_path / "s.md"
    session.write_text("\ufeff---\ntitle: Grief at work\nsubtitle: A short one\n---\n",
                       encoding="utf-8")
    cover = open_cover(session, LIGHT)
    assert cover is not None
    qtbot.addWidget(cover)
    assert cover.isVisible()
    assert cover.painted_at > 0  # the slow part starts only after this
    assert cover.title == "Grief at work" and cover.subtitle == "A short one"
    assert "Grief at work" in cover.windowTitle()
    close_cover(cover)
    assert not cover.isVisible()
    close_cover(cover)  # twice is harmless (the error paths close it again)


def test_the_cover_uses_the_theme_colours_everywhere(qtbot: QtBot) -> None:
    for theme in (DARK, LIGHT):
        cover = Cover("Numb in Medicine", "Subtitle", "Credit", theme)
        qtbot.addWidget(cover)
        image = painted(cover)
        background = QColor(theme.background).rgb()
        for x, y in ((0, 0), (1279, 0), (0, 719), (1279, 719), (1200, 360)):
            assert image.pixel(x, y) == background
        assert rows_with(image, theme.heading)  # the title, in the heading colour
        assert rows_with(image, theme.accent)  # the bar above it


def test_a_very_long_title_shrinks_to_stay_clear_of_the_opening_line(qtbot: QtBot) -> None:
    theme = Theme(**{**DARK.__dict__, "heading": "#FF0000", "muted": "#00FF00"})
    cover = Cover(LONG_TITLE, "", "", theme)
    qtbot.addWidget(cover)
    image = painted(cover)
    title_rows = rows_with(image, theme.heading)
    opening_rows = rows_with(image, theme.muted)
    assert title_rows and opening_rows
    assert max(title_rows) < min(opening_rows)  # no overlap with "Opening the session…"
    assert min(title_rows) > 0  # and nothing cut off at the top
