"""A slide's text is parsed and laid out once, not at every repaint: the same arguments
give the same document in the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtGui import QImage, QPainter
from pytestqt.qtbot import QtBot

from facilitator.core.session.model import Session
from facilitator.qt.slides import text as st
from facilitator.qt.slides.render import SlideContext, paint_slide
from facilitator.qt.style import DARK
from facilitator.services.support_source import SupportSource
from tests.qt.slides.test_support_visible import long_local


def test_the_same_text_gives_the_same_document_in_one_thread(qtbot: QtBot) -> None:
    first = st.document("<p>Hello</p>", 400, 20, "#ffffff")
    assert st.document("<p>Hello</p>", 400, 20, "#ffffff") is first
    assert st.document("<p>Hello</p>", 400, 21, "#ffffff") is not first
    assert st.document("<p>Hello</p>", 400, 20, "#000000") is not first
    # A QTextDocument is not thread-safe: another thread gets a new one every time.
    other: list[object] = []
    worker = threading.Thread(target=lambda: other.extend(
        st.document("<p>Hello</p>", 400, 20, "#ffffff") for _ in range(2)))
    worker.start()
    worker.join()
    assert other[0] is not first and other[1] is not other[0]


def test_a_repaint_lays_out_no_text_again(qtbot: QtBot, bundled: Session) -> None:
    # The slide that cost most to repaint: a content slide with its support panel, with
    # six long local services (40 ms a paint at 1920x1080 before the documents were kept).
    ctx = SlideContext(bundled, DARK, SupportSource("uk", long_local(6)))
    slide = next(s for s in bundled.slides if s.title == "Signs it is time for support")
    image = QImage(1920, 1080, QImage.Format.Format_RGB32)

    def paint() -> None:
        painter = QPainter(image)
        try:
            paint_slide(painter, 1920, 1080, slide, ctx)
        finally:
            painter.end()

    paint()
    built = st._documents.cache_info().misses
    paint()
    assert st._documents.cache_info().misses == built
