"""Slides to files with the projector's own renderer: one PNG per slide, optionally a PDF.

Works without a display: the caller provides a QGuiApplication (offscreen is fine).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from facilitator.core.session.model import Session
from facilitator.qt.fonts import register_fonts
from facilitator.qt.slides.render import SlideContext, paint_slide, render_image
from facilitator.qt.style import Theme
from facilitator.services.support_source import SupportSource

PNG_NAME = re.compile(r"^slide-\d{3,}\.png$")


def gui_application() -> QCoreApplication:
    """The running Qt application, or a new GUI one: painting text needs one, a window
    does not (offscreen is fine)."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    register_fonts()  # the bundled family, so the fit never depends on system fonts
    return app


@dataclass(frozen=True)
class SlideProblem:
    number: int  # 1-based, as people count
    title: str
    problems: tuple[str, ...]

    def __str__(self) -> str:
        return f"slide {self.number} ({self.title!r}) does not fit: {'; '.join(self.problems)}"


@dataclass(frozen=True)
class Export:
    files: tuple[Path, ...]
    problems: tuple[SlideProblem, ...]
    smallest_scale: float


def fit_problems(session: Session, width: int, height: int, theme: Theme,
                 support: SupportSource | None) -> list[SlideProblem]:
    """Slides that do not fit at this size, without writing files (for `check`)."""
    ctx = SlideContext(session, theme, support)
    problems = []
    # Layout is what decides fitting, not pixels: paint into a one-pixel image of the same
    # resolution (96 dpi, like the full-size one) so nothing is rasterised. Same code path,
    # about half the time, which keeps `check` under 2 s.
    canvas = QImage(1, 1, QImage.Format.Format_RGB32)
    for number, slide in enumerate(session.slides, start=1):
        painter = QPainter(canvas)
        try:
            rendered = paint_slide(painter, width, height, slide, ctx)
        finally:
            painter.end()
        if not rendered.fits:
            problems.append(SlideProblem(number, slide.title, tuple(rendered.problems)))
    return problems


def png_name(number: int) -> str:
    return f"slide-{number:03d}.png"


def export_pngs(session: Session, out: Path, width: int, height: int, theme: Theme,
                support: SupportSource | None) -> Export:
    """Write slide-001.png... into `out`; stale slide PNGs from an earlier run are removed
    first so the folder always holds exactly this session's slides."""
    out.mkdir(parents=True, exist_ok=True)
    for old in out.iterdir():
        if PNG_NAME.match(old.name):
            old.unlink()
    ctx = SlideContext(session, theme, support)
    files, problems, smallest = [], [], 1.0
    for number, slide in enumerate(session.slides, start=1):
        image, rendered = render_image(slide, ctx, width, height)
        path = out / png_name(number)
        if not image.save(str(path)):  # the format follows the .png suffix
            raise OSError(f"could not write {path}")
        files.append(path)
        smallest = min(smallest, rendered.scale)
        if not rendered.fits:
            problems.append(SlideProblem(number, slide.title, tuple(rendered.problems)))
    return Export(tuple(files), tuple(problems), smallest)


def export_pdf(session: Session, path: Path, width: int, height: int, theme: Theme,
               support: SupportSource | None) -> Path:
    """All slides as one vector PDF, a page per slide with the slide's aspect ratio."""
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(96)
    writer.setTitle(session.title)
    from facilitator.core.release import creator  # importlib.metadata: PDFs only, not `check`

    writer.setCreator(creator())
    page = QPageSize(QSizeF(width * 72 / 96, height * 72 / 96), QPageSize.Unit.Point,
                     session.title or "slide")
    writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    ctx = SlideContext(session, theme, support)
    painter = QPainter(writer)
    try:
        for number, slide in enumerate(session.slides):
            if number:
                writer.newPage()
            paint_slide(painter, width, height, slide, ctx)
    finally:
        painter.end()
    return path
