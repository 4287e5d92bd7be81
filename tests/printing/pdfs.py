"""Reading printouts back: text with pypdf, QR codes with pypdfium2 + zxing-cpp."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pypdfium2 as pdfium
import zxingcpp
from pypdf import PdfReader

MM = 72 / 25.4


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes, layout: bool = False) -> list[str]:
    mode = "layout" if layout else "plain"
    return [page.extract_text(extraction_mode=mode) for page in reader(pdf).pages]


def flat(value: str) -> str:
    """Whitespace collapsed, so wrapped lines compare as one."""
    return " ".join(value.split())


def page_size_mm(pdf: bytes, index: int = 0) -> tuple[float, float]:
    box = reader(pdf).pages[index].mediabox
    return round(float(box.width) / MM, 1), round(float(box.height) / MM, 1)


@dataclass(frozen=True)
class FoundQR:
    text: str
    x: float  # centre, PDF points from the left
    y: float  # centre, PDF points from the bottom


def qr_codes(pdf: bytes, index: int = 0, scale: float = 4.0) -> list[FoundQR]:
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[index]
        height = page.get_height()
        image = page.render(scale=scale).to_pil()
    finally:
        document.close()
    found = []
    for code in zxingcpp.read_barcodes(image):
        p = code.position
        xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
        ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
        found.append(FoundQR(code.text, sum(xs) / 4 / scale, height - sum(ys) / 4 / scale))
    return found


def raster(pdf: bytes, index: int, scale: float):  # type: ignore[no-untyped-def]
    document = pdfium.PdfDocument(pdf)
    try:
        return document[index].render(scale=scale).to_pil().convert("L")
    finally:
        document.close()
