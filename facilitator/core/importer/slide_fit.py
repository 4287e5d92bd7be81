"""Will a drafted slide fit on a 1280x720 projector? A text-length estimate, in core.

The projector's renderer (qt/slides) has the last word and shrinks text down to a legible
floor; these limits sit safely inside what it can show at 1280x720 with the bundled font,
measured on the importer's corpus. A slide over them is split, or its excess goes to the
facilitator's notes, before the draft is written, so an imported draft never starts with
slides the renderer must refuse.
"""

from __future__ import annotations

import re
from dataclasses import replace

from facilitator.core.importer.summary import sentences
from facilitator.core.session.model import (
    Block,
    BulletList,
    Paragraph,
    Slide,
    SlideKind,
    Span,
    Table,
)

MAX_TITLE_CHARS = 58
MAX_BODY_WORDS = 85
MAX_ITEM_WORDS = 45
MAX_PROMPT_WORDS = 38


def _words(inline: tuple[Span, ...]) -> int:
    return sum(len(span.text.split()) for span in inline)


def _plain(inline: tuple[Span, ...]) -> str:
    return "".join(span.text for span in inline)


def short_title(title: str, limit: int = MAX_TITLE_CHARS) -> str:
    """The title cut at a word boundary with "…", keeping a "(2/3)" page mark."""
    mark = ""
    if title.endswith(")") and "(" in title and "/" in title.rsplit("(", 1)[1]:
        title, mark = title.rsplit(" (", 1)[0], " (" + title.rsplit(" (", 1)[1]
    room = limit - len(mark)
    if len(title) <= room:
        return title + mark
    # A heading with an aside in brackets ("Functional Detachment (The 'I Can Still Turn
    # It Back On' Kind)") loses the aside, not its end: a cut inside the brackets leaves
    # an unclosed "(" on the wall.
    bare = re.sub(r"\s*\([^()]*\)", "", title).strip()
    if bare and bare != title and len(bare) <= room:
        return bare + mark
    cut = title[: room - 1].rsplit(" ", 1)[0].rstrip(" ,;:-–—")
    return f"{cut}…{mark}"


def trim_text(text: str, limit: int) -> tuple[str, str]:
    """(what fits in `limit` words, by whole sentences when possible; the rest)."""
    if len(text.split()) <= limit:
        return text, ""
    kept: list[str] = []
    parts = sentences(text)
    for index, sentence in enumerate(parts):
        if kept and len(" ".join([*kept, sentence]).split()) > limit:
            return " ".join(kept), " ".join(parts[index:])
        kept.append(sentence)
    words = text.split()
    return " ".join(words[:limit]) + " …", " ".join(words[limit:])


def _trim_block(block: Block, overflow: list[str]) -> Block:
    if isinstance(block, Paragraph) and _words(block.text) > MAX_BODY_WORDS // 2:
        kept, rest = trim_text(_plain(block.text), MAX_BODY_WORDS // 2)
        overflow.append(rest)
        return replace(block, text=(Span(kept),))
    if isinstance(block, BulletList):
        items: list[tuple[Span, ...]] = []
        for item in block.items:
            if _words(item) > MAX_ITEM_WORDS:
                kept, rest = trim_text(_plain(item), MAX_ITEM_WORDS)
                overflow.append(rest)
                items.append((Span(kept),))
            else:
                items.append(item)
        return replace(block, items=tuple(items))
    return block


def _body_words(blocks: tuple[Block, ...]) -> int:
    total = 0
    for block in blocks:
        if isinstance(block, Paragraph):
            total += _words(block.text)
        elif isinstance(block, BulletList):
            total += sum(_words(item) for item in block.items)
        elif isinstance(block, Table):
            total += sum(_words(cell) for row in (block.header, *block.rows) for cell in row)
    return total


def _pages(slide: Slide) -> list[Slide]:
    """A content slide whose body is over the limit, as several slides in order."""
    pages: list[list[Block]] = [[]]
    for block in slide.blocks:
        if isinstance(block, BulletList):
            items: list[tuple[Span, ...]] = []
            for item in block.items:
                used = _body_words(tuple(pages[-1])) + sum(_words(i) for i in items)
                if (pages[-1] or items) and used + _words(item) > MAX_BODY_WORDS:
                    if items:
                        pages[-1].append(replace(block, items=tuple(items)))
                    pages.append([])
                    items = []
                items.append(item)
            if items:
                pages[-1].append(replace(block, items=tuple(items)))
            continue
        if pages[-1] and _body_words((*pages[-1], block)) > MAX_BODY_WORDS:
            pages.append([])
        pages[-1].append(block)
    if len(pages) == 1:
        return [slide]
    total = len(pages)
    return [
        replace(slide, title=f"{slide.title} ({number}/{total})", blocks=tuple(blocks),
                notes=slide.notes if number == 1 else "")
        for number, blocks in enumerate(pages, start=1)
    ]


def fit_slide(slide: Slide) -> list[Slide]:
    """The slide as one or more slides that fit; excess words go to the notes."""
    overflow: list[str] = []
    if slide.kind is SlideKind.CONTENT and slide.blocks:
        blocks = tuple(_trim_block(block, overflow) for block in slide.blocks)
        slide = replace(slide, blocks=blocks)
    if overflow:
        slide = replace(slide, notes="\n".join(filter(None, [slide.notes, *overflow])))
    pages = _pages(slide) if slide.kind is SlideKind.CONTENT else [slide]
    return [replace(page, title=short_title(page.title)) for page in pages]


def fit_slides(slides: tuple[Slide, ...]) -> tuple[Slide, ...]:
    return tuple(page for slide in slides for page in fit_slide(slide))
