"""Slide text as QTextDocument: Markdown blocks to HTML, and shrink-to-fit with a floor.

Sizes are fractions of the projector height so a slide reads the same from the back row
at any resolution: body text 1/20 of the height, headings larger. Text that does not fit
first wraps (layout), then shrinks step by step down to `FLOOR_SCALE`; below that the
slide is reported as not fitting rather than clipped silently.
"""

from __future__ import annotations

import functools
import html
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QPainter,
    QPalette,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

from facilitator.core.session.model import Block, BulletList, Inline, Paragraph, Table
from facilitator.core.session.tokens import markup
from facilitator.qt.style import FONT_FAMILIES, Theme, slide_font

BODY = 1 / 20  # body text height as a fraction of the slide height
HEADING = 1 / 12
TITLE = 1 / 8.5
FLOOR_SCALE = 0.77  # shrink no further than about 1/26 of the height for body text
SCALE_STEP = 0.04
LINE_HEIGHT = 112  # percent of the font's line spacing
# Laid-out documents kept for repaints: the bundled session at one size with long local
# services lays out about 250 (the fits' trial sizes included). About 40 KB each: 256 of
# them held 10 MB more while paging through every slide at four sizes.
DOCUMENTS_KEPT = 256


def inline_html(inline: Inline) -> str:
    """Spans as escaped HTML: participant-facing text is never interpreted as markup."""
    return markup(inline, html.escape)


def _table_html(table: Table, theme: Theme, px: float) -> str:
    comparison = len(table.header) >= 3
    pad = round(px * 0.2)
    head_cells = "".join(
        f'<th align="left" style="background-color:{theme.panel}; color:{theme.heading};">'
        f"{inline_html(cell)}</th>"
        for cell in table.header
    )
    rows = []
    for row in table.rows:
        cells = []
        for column, cell in enumerate(row):
            content = inline_html(cell)
            if comparison and column == 0:
                content = f"<b>{content}</b>"
            cells.append(f"<td>{content}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f'<table width="100%" cellspacing="0" cellpadding="{pad}" border="1" '
        f'style="border-collapse: collapse; border-color: {theme.muted}; '
        f'margin-top:{round(px * 0.3)}px;">'
        f"<thead><tr>{head_cells}</tr></thead>{''.join(rows)}</table>"
    )


def blocks_html(blocks: Sequence[Block], theme: Theme, px: float) -> str:
    """The body of a content slide at body size `px`."""
    gap = round(px * 0.45)
    parts = []
    for block in blocks:
        match block:
            case Paragraph(text=text):
                parts.append(f'<p style="margin-bottom:{gap}px;">{inline_html(text)}</p>')
            case BulletList(items=items, ordered=ordered):
                tag = "ol" if ordered else "ul"
                items_html = "".join(
                    f'<li style="margin-bottom:{round(px * 0.3)}px;">{inline_html(item)}</li>'
                    for item in items
                )
                parts.append(
                    f'<{tag} style="margin-left:0px; -qt-list-indent:1; margin-bottom:{gap}px;">'
                    f"{items_html}</{tag}>"
                )
            case Table():
                parts.append(_table_html(block, theme, px))
    return "".join(parts)


def document(html_body: str, width: float, px: float, colour: str, bold: bool = False,
             align: str = "left") -> QTextDocument:
    """A laid-out document `width` pixels wide whose default text is `px` pixels high.

    The same arguments give the same document, kept for the next paint: every repaint of
    a slide (a resize, both views after a slide change) used to parse and lay out its text
    again, and the content slide with a support panel and long local services took 40 ms a
    paint at 1920x1080. The documents are drawn and measured, never changed. Only the main
    (GUI) thread keeps them: a QTextDocument is not thread-safe, and slides are painted
    there; another thread gets a new document each time.
    """
    if threading.current_thread() is not threading.main_thread():
        return _new_document(html_body, width, px, colour, bold, align)
    return _documents(html_body, width, px, colour, bold, align)


@functools.lru_cache(maxsize=DOCUMENTS_KEPT)
def _documents(html_body: str, width: float, px: float, colour: str, bold: bool,
               align: str) -> QTextDocument:
    return _new_document(html_body, width, px, colour, bold, align)


def _new_document(html_body: str, width: float, px: float, colour: str, bold: bool,
                  align: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(slide_font(px, bold))
    option = QTextOption()
    # Whole words only: a word wider than the box must be reported, not split mid-word.
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    doc.setDefaultTextOption(option)
    doc.setIndentWidth(px * 1.1)  # list indents scale with the text, not a fixed 40 px
    families = ", ".join(f"'{family}'" for family in FONT_FAMILIES)
    doc.setDefaultStyleSheet(f"body {{ color: {colour}; font-family: {families}; }}")
    doc.setHtml(f'<body><div align="{align}">{html_body}</div></body>')
    # Qt's HTML import applies CSS line-height unevenly across paragraphs and list items;
    # set one proportional line height on every block outside tables (cells stay tight so
    # comparison tables keep their room).
    spacing = QTextBlockFormat()
    spacing.setLineHeight(LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    block = doc.begin()
    while block.isValid():
        cursor = QTextCursor(block)
        if cursor.currentTable() is None:
            cursor.mergeBlockFormat(spacing)
        block = block.next()
    doc.setTextWidth(width)
    return doc


def fits(doc: QTextDocument, box: QSizeF) -> bool:
    too_wide = doc.idealWidth() > box.width() + 0.5
    return not too_wide and doc.size().height() <= box.height() + 0.5


@dataclass
class Fitted:
    doc: QTextDocument
    scale: float
    fits: bool


def scale_steps(floor: float = FLOOR_SCALE) -> list[float]:
    """1.0, then SCALE_STEP smaller each time, down to the last step at or above `floor`."""
    steps = [1.0]
    while steps[-1] - SCALE_STEP >= floor - 1e-9:
        steps.append(steps[-1] - SCALE_STEP)
    return steps


def fit(build: Callable[[float], QTextDocument], box: QSizeF, floor: float = FLOOR_SCALE) -> Fitted:
    """The largest step in [floor, 1] at which `build(scale)` fits `box`.

    After full size, the smallest step is tried before the ones between: text clearly too
    tall at the smallest legible size is too tall at every larger one (the type, its
    margins and its padding all grow with the scale, the box does not), so a layout that
    cannot fit costs two builds instead of seven. That matters where the support panel
    walks down its ladder of layouts with a facilitator's long local services: `check`
    built 691 documents for the bundled session, 486 of them for layouts that could not
    fit. Only a clear miss counts: a table's width and height wobble by a pixel or so from
    one size to the next (a 100%-wide table measured 912 px in a 911.4 px box at the
    smallest step, 911 px at the three above it), so a near miss walks every step as before.
    """
    steps = scale_steps(floor)
    doc = build(steps[0])
    if (fitted := fits(doc, box)) or len(steps) == 1:
        return Fitted(doc, steps[0], fitted)
    smallest = build(steps[-1])
    if clearly_too_tall(smallest, box):
        return Fitted(smallest, steps[-1], False)
    for scale in steps[1:]:
        doc = smallest if scale == steps[-1] else build(scale)
        if fits(doc, box):
            return Fitted(doc, scale, True)
    return Fitted(smallest, steps[-1], False)


CLEAR_MISS = 1.03  # taller than the box by more than 3% (and 2 px): no rounding wobble


def clearly_too_tall(doc: QTextDocument, box: QSizeF) -> bool:
    return doc.size().height() > box.height() * CLEAR_MISS + 2


def draw(painter: QPainter, doc: QTextDocument, top_left: QPointF, colour: str) -> None:
    painter.save()
    painter.translate(top_left)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette.setColor(QPalette.ColorRole.Text, QColor(colour))
    context.clip = QRectF(0, 0, doc.textWidth(), doc.size().height())
    doc.documentLayout().draw(painter, context)
    painter.restore()
