"""Text runs read back from a PDF page with pdfium: every character's font size and box.

A run is a stretch of characters on one line in one size; the layout tests check the type
floors on runs and look for overlapping runs (text printed over other text).
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as raw

MM = 72 / 25.4


@dataclass(frozen=True)
class Run:
    text: str
    size: float  # font size in points, as printed (the text matrix applied)
    left: float
    bottom: float
    right: float
    top: float

    def overlaps(self, other: Run, tolerance: float = 0.6) -> bool:
        """True when the two boxes share area beyond `tolerance` points each way."""
        return (min(self.right, other.right) - max(self.left, other.left) > tolerance
                and min(self.top, other.top) - max(self.bottom, other.bottom) > tolerance)


def page_count(pdf: bytes) -> int:
    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def text_runs(pdf: bytes, index: int) -> list[Run]:
    """The runs of page `index`, in content-stream order."""
    document = pdfium.PdfDocument(pdf)
    try:
        textpage = document[index].get_textpage()
        return _runs(textpage.raw, raw.FPDFText_CountChars(textpage.raw))
    finally:
        document.close()


def _runs(handle: object, count: int) -> list[Run]:
    runs: list[Run] = []
    chars: list[str] = []
    box: list[float] = []
    size = 0.0
    left, bottom, right, top = (ctypes.c_double() for _ in range(4))
    for i in range(count):
        code = raw.FPDFText_GetUnicode(handle, i)
        char = chr(code) if code else ""
        if raw.FPDFText_IsGenerated(handle, i) or char in "\r\n" or not char.strip():
            _close(runs, chars, box, size)
            chars, box = [], []
            continue
        raw.FPDFText_GetCharBox(handle, i, left, right, bottom, top)
        char_size = round(raw.FPDFText_GetFontSize(handle, i), 2)
        same_line = box and abs(bottom.value - box[1]) < char_size * 0.5
        if chars and (char_size != size or not same_line or left.value - box[2] > size * 0.6):
            _close(runs, chars, box, size)
            chars, box = [], []
        if not chars:
            box = [left.value, bottom.value, right.value, top.value]
            size = char_size
        else:
            box = [min(box[0], left.value), min(box[1], bottom.value),
                   max(box[2], right.value), max(box[3], top.value)]
        chars.append(char)
    _close(runs, chars, box, size)
    return runs


def _close(runs: list[Run], chars: list[str], box: list[float], size: float) -> None:
    if chars:
        runs.append(Run("".join(chars), size, *box))


def overlapping(runs: list[Run]) -> list[tuple[Run, Run]]:
    """Pairs of runs whose boxes overlap (each pair once)."""
    found = []
    ordered = sorted(runs, key=lambda run: run.left)
    for i, run in enumerate(ordered):
        for other in ordered[i + 1:]:
            if other.left >= run.right:
                break
            if run.overlaps(other):
                found.append((run, other))
    return found


def horizontal_rules(pdf: bytes, index: int, min_width: float) -> list[float]:
    """Heights (points from the bottom) of the horizontal lines at least `min_width` long."""
    document = pdfium.PdfDocument(pdf)
    try:
        found = []
        for obj in document[index].get_objects(filter=(raw.FPDF_PAGEOBJ_PATH,)):
            left, bottom, right, top = obj.get_bounds()
            if top - bottom < 1.5 and right - left >= min_width:
                found.append((top + bottom) / 2)
        return found
    finally:
        document.close()
