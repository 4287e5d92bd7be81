"""An article as the importer sees it: a title, an introduction and headed parts of blocks.

Both readers (plain text and Markdown) produce this structure, so everything after parsing
(tables, prompts, summaries, minutes) works the same for either kind of input. Reading the
file lives here too (through the shared `core.session.textfile` reader): it is where most bad input
is caught.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from facilitator.core.session.textfile import TextFileError, read_text_file


class ArticleError(ValueError):
    """The article cannot be imported; the message says why in words a facilitator can act on."""


@dataclass(frozen=True)
class Para:
    text: str
    line: int = 0


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    ordered: bool = False
    line: int = 0


@dataclass(frozen=True)
class PipeTable:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    line: int = 0


ArticleBlock = Para | Bullets | PipeTable


@dataclass(frozen=True)
class Part:
    """A heading and the blocks under it. Level 1 parts become agenda sections; level 2 parts
    (numbered or deeper headings) become slides inside the section before them."""

    title: str
    level: int
    blocks: tuple[ArticleBlock, ...]
    line: int = 0


@dataclass(frozen=True)
class Article:
    title: str
    intro: tuple[ArticleBlock, ...]
    parts: tuple[Part, ...]

    @property
    def word_count(self) -> int:
        blocks = [*self.intro, *(block for part in self.parts for block in part.blocks)]
        return sum(block_words(block) for block in blocks)


def block_text(block: ArticleBlock) -> str:
    match block:
        case Para(text=text):
            return text
        case Bullets(items=items):
            return "\n".join(items)
        case PipeTable(header=header, rows=rows):
            return "\n".join(" ".join(row) for row in (header, *rows))


def block_words(block: ArticleBlock) -> int:
    return len(block_text(block).split())


# Pipe-table helpers shared by both readers: a row is "| a | b |", the rule is "|---|:--:|".
_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")


def is_table_line(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith("|") and stripped.count("|") >= 2


def split_row(line: str) -> tuple[str, ...]:
    stripped = line.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|"):
        stripped = stripped[:-1]
    cells = re.split(r"(?<!\\)\|", stripped)
    return tuple(cell.strip().replace("\\|", "|") for cell in cells)


def parse_table(lines: list[str], line: int) -> PipeTable | None:
    """Rows of a pipe table (the rule line under the header is optional in loose articles);
    None when there is nothing but rules."""
    rows = [split_row(text) for text in lines if not _TABLE_RULE.match(text.strip())]
    if not rows:
        return None
    header, body = rows[0], rows[1:]
    width = len(header)
    # Ragged rows are common in hand-made tables: pad or trim to the header's width.
    body = [tuple((list(row) + [""] * width)[:width]) for row in body]
    return PipeTable(header=header, rows=tuple(body), line=line)


# Control characters other than tab, newline, carriage return and form feed mean binary data
# that happens to have no NUL byte (the shared reader catches those).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
MAX_ARTICLE_BYTES = 2_000_000


def check_article_text(text: str) -> str:
    """The text with line endings normalised, or ArticleError if it is not an article."""
    if text.startswith("%PDF") or text.startswith("PK\x03\x04"):
        raise ArticleError(
            "this is a PDF or Word file with a text file's name: name it .pdf or .docx "
            "and import it again"
        )
    if len(_CONTROL.findall(text)) > max(2, len(text) // 200):
        raise ArticleError(
            "binary file, not an article: save the article as plain text (.txt) or "
            "Markdown (.md) first"
        )
    text = _CONTROL.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError("the file is empty: there is no text to import")
    return text


def read_article_text(path: Path) -> str:
    """The text of an article file; every failure is an ArticleError with a plain message."""
    try:
        text = read_text_file(path, MAX_ARTICLE_BYTES, kind="text")
    except TextFileError as error:
        message = error.diagnostic.message
        if "binary" in message:
            message += ": save the article as plain text (.txt) or Markdown (.md) first"
        raise ArticleError(message) from None
    return check_article_text(text)
