"""A PDF with a text layer -> Markdown, with pypdfium2 (PDFium).

PDFs have no headings or paragraphs, only positioned characters, so: lines are rebuilt from
the characters, the body size is the size most characters have, a short line clearly larger
than that is a heading (the larger, the higher its level), a vertical gap starts a new
paragraph, and lines that repeat at the top or bottom of most pages (running headers and
footers) and bare page numbers are dropped. A scan (images, no text layer) is refused with a
message that says so.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from facilitator.core.importer.article import ArticleError

_PAGE_NUMBER = re.compile(r"^\s*(page\s*)?\d{1,4}(\s*(/|of)\s*\d{1,4})?\s*$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[•·▪◦‣–-]\s+")
HEADING_RATIO = 1.15
MIN_TEXT_CHARS = 40


@dataclass
class _Line:
    page: int
    top: float  # distance from the top of the page, in points
    height: float
    size: float
    text: str


def _page_lines(page: pdfium.PdfPage, number: int) -> list[_Line]:
    textpage = page.get_textpage()
    page_height = page.get_height()
    lines: list[_Line] = []
    chars: list[str] = []
    sizes: list[float] = []
    tops: list[float] = []
    bottoms: list[float] = []

    def close() -> None:
        text = "".join(chars).strip()
        if text and sizes:
            top, bottom = max(tops), min(bottoms)
            size = Counter(round(s, 1) for s in sizes).most_common(1)[0][0]
            lines.append(_Line(number, page_height - top, top - bottom, size, text))
        chars.clear()
        sizes.clear()
        tops.clear()
        bottoms.clear()

    for index in range(textpage.count_chars()):
        char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, index))
        if char in "\r\n":
            close()
            continue
        chars.append(char)
        if char.strip():
            _, bottom, _, top = textpage.get_charbox(index)
            sizes.append(pdfium_c.FPDFText_GetFontSize(textpage.raw, index))
            tops.append(top)
            bottoms.append(bottom)
    close()
    textpage.close()
    return lines


def _running(lines: list[_Line], pages: int) -> set[str]:
    """Texts that recur at the top or bottom of at least half the pages (digits ignored)."""
    if pages < 2:
        return set()
    edges: Counter[str] = Counter()
    for page in range(pages):
        on_page = [line for line in lines if line.page == page]
        for line in on_page[:2] + on_page[-2:]:
            edges[re.sub(r"\d+", "#", line.text)] += 1
    return {text for text, count in edges.items() if count >= max(2, pages // 2)}


def _join(previous: str, text: str) -> str:
    if previous.endswith("-") and text[:1].islower():
        return previous[:-1] + text  # a word hyphenated across lines
    return f"{previous} {text}"


def _markdown(lines: list[_Line], fallback_title: str) -> str:
    body = Counter()  # type: Counter[float]
    for line in lines:
        body[line.size] += len(line.text)
    body_size = body.most_common(1)[0][0]
    heading_sizes = sorted(
        {line.size for line in lines
         if line.size >= body_size * HEADING_RATIO and len(line.text.split()) <= 16},
        reverse=True,
    )
    level = {size: min(index + 1, 4) for index, size in enumerate(heading_sizes)}
    blocks: list[str] = []
    title = ""
    previous: _Line | None = None
    for line in lines:
        if line.size in level and len(line.text.split()) <= 16:
            if not title and level[line.size] == 1 and not blocks:
                title = line.text
            elif title and not blocks and previous and previous.size == line.size:
                title += " " + line.text  # the title wrapped over two lines
            elif blocks and blocks[-1].startswith("#") and previous and previous.size == line.size:
                blocks[-1] += " " + line.text  # a heading wrapped over two lines
            else:
                blocks.append("#" * (level[line.size] + (1 if title else 0)) + " " + line.text)
        elif _BULLET.match(line.text):
            blocks.append("- " + _BULLET.sub("", line.text))
        else:
            gap = (line.top - previous.top - previous.height) if previous else 99.0
            new_page = previous is not None and previous.page != line.page
            starts_para = (
                not blocks or blocks[-1].startswith("#") or (gap > 0.6 * line.height
                                                            and not new_page)
                or (new_page and blocks[-1].rstrip()[-1:] in ".!?:”\"")
            )
            if starts_para:
                blocks.append(line.text)
            else:
                blocks[-1] = _join(blocks[-1], line.text)
        previous = line
    return "\n\n".join([f"# {title or fallback_title}", *blocks]) + "\n"


def pdf_to_markdown(path: Path, fallback_title: str) -> str:
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        raise ArticleError(f"not a readable PDF ({error})") from None
    try:
        lines = [line for number, page in enumerate(pdf) for line in _page_lines(page, number)]
        pages = len(pdf)
    finally:
        pdf.close()
    if sum(len(line.text) for line in lines) < MIN_TEXT_CHARS:
        raise ArticleError(
            "this PDF has no text layer (a scan or images of text): run OCR on it or save "
            "the article as text, then import again"
        )
    running = _running(lines, pages)
    kept = [
        line for line in lines
        if not _PAGE_NUMBER.match(line.text) and re.sub(r"\d+", "#", line.text) not in running
    ]
    return _markdown(kept, fallback_title)
