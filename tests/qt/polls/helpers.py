"""Helpers for the polling widget tests: a filled ballot box and QImage -> PIL."""

from __future__ import annotations

from PIL import Image
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from facilitator.core.polls.ballot import BallotBox
from tests import polls


def open_box() -> BallotBox:
    box = BallotBox(polls.ALL)
    for poll in box.polls:
        box.open(poll.id)
    return box


def grab(widget: QWidget, width: int = 1280, height: int = 720) -> Image.Image:
    widget.resize(width, height)
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(image.constBits())  # type: ignore[arg-type]
    return Image.frombuffer("RGB", (image.width(), image.height()), data, "raw", "RGB",
                            image.bytesPerLine(), 1)


def count_colour(image: Image.Image, rgb: tuple[int, int, int], tolerance: int = 8) -> int:
    colours = image.getcolors(image.width * image.height) or []
    return sum(
        n for n, pixel in colours
        if all(abs(a - b) <= tolerance for a, b in zip(pixel, rgb, strict=True))
    )
