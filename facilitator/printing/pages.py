""""Page X of N" without building a document twice: the canvas holds each finished page
until the document is saved, then stamps the page count at the end of every page's
content stream (after the body, so a screen reader still reads the body first)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfgen.canvas import Canvas

Stamp = Callable[[Canvas, int, int], None]  # (canvas, page number, page count)


def numbered_canvas(stamp: Stamp) -> type[Canvas]:
    """A Canvas class for `doc.build(story, canvasmaker=...)` that calls `stamp` on every
    page once the page count is known."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                stamp(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas
