"""QR codes drawn as vector squares, so they stay sharp at any size and print fast."""

from __future__ import annotations

from functools import cache

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

QUIET_MODULES = 4  # the quiet zone the QR spec asks for, in modules


@cache
def matrix(data: str, quiet: int = QUIET_MODULES) -> tuple[tuple[bool, ...], ...]:
    """The QR modules for `data` with its quiet zone; medium error correction survives
    a crease or a smudge on a card in a pocket."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=quiet)
    code.add_data(data)
    code.make(fit=True)
    return tuple(tuple(row) for row in code.get_matrix())


def draw_qr(canvas: Canvas, data: str, x: float, y: float, size: float,
            colour: colors.Color = colors.black, quiet: int = QUIET_MODULES) -> None:
    """A QR code for `data` whose outer square (quiet zone included) is at (x, y), `size` wide.

    Dark runs along each row become one rectangle, which keeps the PDF small. A smaller
    `quiet` zone is fine where the layout keeps white space around the code anyway.
    """
    rows = matrix(data, quiet)
    module = size / len(rows)
    canvas.saveState()
    canvas.setFillColor(colors.white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(colour)
    path = canvas.beginPath()
    for r, row in enumerate(rows):
        top = y + size - (r + 1) * module
        c = 0
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                path.rect(x + start * module, top, (c - start) * module, module)
            else:
                c += 1
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


class QRFlowable(Flowable):  # type: ignore[misc]
    """A QR code in a platypus story."""

    def __init__(self, data: str, size: float) -> None:
        super().__init__()
        self.data = data
        self.size = size
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_qr(self.canv, self.data, 0, 0, self.size)
