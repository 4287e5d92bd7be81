"""markdown-it tokens -> model values: inline spans, tables, and block boundaries."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from markdown_it.token import Token

from facilitator.core.session.model import Inline, Span, Table

T = TypeVar("T")


def inline_spans(token: Token) -> Inline:
    """Spans of an `inline` token; links keep their text, code keeps its characters."""
    spans: list[Span] = []
    bold = italic = False
    for child in token.children or []:
        match child.type:
            case "strong_open":
                bold = True
            case "strong_close":
                bold = False
            case "em_open":
                italic = True
            case "em_close":
                italic = False
            case "text" | "code_inline":
                _append(spans, Span(child.content, bold, italic))
            case "softbreak":
                _append(spans, Span(" ", bold, italic))
            case "hardbreak":
                _append(spans, Span("\n", bold, italic))
    return tuple(spans)


def _append(spans: list[Span], span: Span) -> None:
    """Merge neighbours with the same emphasis so views get few, long runs."""
    if spans and (spans[-1].bold, spans[-1].italic) == (span.bold, span.italic):
        spans[-1] = Span(spans[-1].text + span.text, span.bold, span.italic)
    else:
        spans.append(span)


def find_close(tokens: list[Token], index: int) -> int:
    """Index of the token closing the block opened at `index` (itself if it is not open)."""
    if tokens[index].nesting != 1:
        return index
    depth = 0
    for position in range(index, len(tokens)):
        depth += tokens[position].nesting
        if depth == 0:
            return position
    return len(tokens) - 1


def table_cells(tokens: list[Token], start: int, cell: Callable[[Token], T]) -> tuple[
    list[T], list[list[T]], int
]:
    """Header cells, body rows and the index just past `table_close`, for the table that
    opens at `start`; `cell` turns each cell's inline token into a value."""
    header: list[T] = []
    rows: list[list[T]] = []
    in_head = False
    index = start
    while index < len(tokens) and tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open" and not in_head:
            rows.append([])
        elif token.type == "inline":
            (header if in_head else rows[-1]).append(cell(token))
        index += 1
    return header, rows, index + 1


def table(tokens: list[Token], line: int) -> Table:
    header, rows, _ = table_cells(tokens, 0, inline_spans)
    return Table(tuple(header), tuple(tuple(row) for row in rows), line)


def markup(inline: Inline, escape: Callable[[str], str]) -> str:
    """Spans as <b>/<i> markup, which both Qt rich text and reportlab paragraphs read;
    `escape` makes the text safe for the target (and may also prettify it)."""
    parts = []
    for span in inline:
        text = escape(span.text)
        if span.bold:
            text = f"<b>{text}</b>"
        if span.italic:
            text = f"<i>{text}</i>"
        parts.append(text)
    return "".join(parts)


def fence_closed(token: Token, lines: list[str]) -> bool:
    """Whether a fence token ends with its closing marker (markdown-it runs an unclosed
    fence to the end of the file instead)."""
    if token.map is None:
        return True
    start, end = token.map
    last = lines[end - 1].strip() if end - 1 < len(lines) else ""
    return end - 1 > start and last.startswith(token.markup) and not last.strip("`~")
