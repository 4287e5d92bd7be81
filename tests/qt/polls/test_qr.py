"""The QR widget and the Q-key overlay: a decoder reads back exactly the join URL."""

from __future__ import annotations

import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from facilitator.qt.polls.qr_overlay import QrOverlay
from facilitator.qt.polls.qr_widget import QrWidget
from tests.qt.polls.helpers import grab

URL = "http://192.168.1.23:8765/j/K7Q4M?t=dQsvIhwMSA0U5VwN9kH6-w"


@pytest.mark.parametrize("size", [(200, 230), (420, 480), (900, 1000)])
def test_qr_decodes_to_the_join_url(qtbot: QtBot, size: tuple[int, int]) -> None:
    widget = QrWidget(URL, "Room K7Q4M")
    qtbot.addWidget(widget)
    image = grab(widget, *size)
    found = zxingcpp.read_barcodes(image)
    assert [code.text for code in found] == [URL]


def test_modules_are_whole_pixels(qtbot: QtBot) -> None:
    widget = QrWidget(URL)
    qtbot.addWidget(widget)
    widget.resize(333, 333)
    square = widget.code_rect()
    modules = len(widget._matrix)
    assert square.width() % modules == 0
    assert square.left() == int(square.left())


def test_overlay_toggles_with_q_and_covers_the_window(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    overlay = QrOverlay(window, URL, "192.168.1.23:8765 · room K7Q4M")
    window.show()
    assert not overlay.isVisible()
    overlay.toggle()
    assert overlay.isVisible() and overlay.showing
    assert overlay.geometry() == window.rect()
    found = zxingcpp.read_barcodes(grab(window, 1280, 720))
    assert [code.text for code in found] == [URL]
    qtbot.keyClick(overlay, Qt.Key.Key_Q)
    assert not overlay.isVisible()


@pytest.mark.parametrize("projector_height", [720, 768, 1080])
def test_join_address_is_at_least_body_size_and_the_code_still_reads(
        qtbot: QtBot, projector_height: int) -> None:
    slide = QWidget()
    qtbot.addWidget(slide)
    slide.resize(projector_height * 16 // 9, projector_height)
    widget = QrWidget(URL, "192.168.1.23:8765 · room K7Q4M", parent=slide)
    widget.setGeometry(0, 0, round(projector_height * 0.45), round(projector_height * 0.55))
    assert widget.caption_font().pixelSize() >= projector_height / 20  # the slides' body
    image = widget.grab().toImage()
    from PIL import Image
    from PySide6.QtGui import QImage

    from tests.qt.polls.helpers import grab as _grab  # noqa: F401  (same conversion below)

    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(rgb.constBits())  # type: ignore[arg-type]
    pil = Image.frombuffer("RGB", (rgb.width(), rgb.height()), data, "raw", "RGB",
                           rgb.bytesPerLine(), 1)
    assert [code.text for code in zxingcpp.read_barcodes(pil)] == [URL]
    # The caption's panel holds every wrapped line under the code.
    assert widget.code_rect().bottom() + widget.caption_font().pixelSize() * 2 <= widget.height()
