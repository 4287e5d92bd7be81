"""Plain-text articles: find headings in text that has no markup for them.

A heading in plain text is a short line on its own that reads like a title: no closing
punctuation ("The Lie You Were Sold About Loving Medicine"), or a numbered title ("1. Find
One Thing"), or a line in Title Case even if it ends in "?" or ".". Lists marked with
"-", "*" or "•" and pipe tables are recognised as such.

Two layouts exist in the wild: one paragraph per line (copied from a web page) and
paragraphs hard-wrapped over several lines with blank lines between them. The second kind
is joined back into paragraphs first, so a wrapped line is never mistaken for a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from facilitator.core.importer.article import (
    Article,
    ArticleBlock,
    ArticleError,
    Bullets,
    Para,
    Part,
    is_table_line,
    parse_table,
)

_BULLET = re.compile(r"^\s*[-*•–]\s+(\S.*)$")
_NUMBERED = re.compile(r"^\s*(\d{1,2})[.)]\s+(\S.*)$")
_CLOSING_QUOTES = "\"'”’»)]*_ "
_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into of on or nor the to vs via with is it its".split()
)
MAX_HEADING_WORDS = 14


def strip_closing(text: str) -> str:
    """The text without trailing quotes, brackets and emphasis marks."""
    return text.rstrip(_CLOSING_QUOTES)


def title_case_ratio(text: str) -> float:
    """Share of the significant words that start with a capital letter (or a digit)."""
    words = [w.strip("\"'“”‘’«»()[]*_:,.!?…—-") for w in text.split()]
    words = [w for w in words if w and w.lower() not in _SMALL_WORDS]
    if not words:
        return 0.0
    capitalised = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return capitalised / len(words)


def looks_like_title(text: str) -> bool:
    """True for a short line that reads as a title rather than as a sentence."""
    text = text.strip()
    words = text.split()
    if not words or len(words) > MAX_HEADING_WORDS or len(text) > 110:
        return False
    first = text.lstrip("\"'“‘«(")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    end = strip_closing(text)[-1:]
    if end in ",;:":
        return False
    if end in ".!?…":
        # Sentences end like this; titles only do when they are written in Title Case.
        return len(words) >= 3 and title_case_ratio(text) >= 0.75
    return title_case_ratio(text) >= 0.5 or len(words) <= 8


@dataclass(frozen=True)
class _Unit:
    """One paragraph-sized piece of the text: a line, a joined paragraph, a list or a table."""

    kind: str  # "text", "bullets", "ordered", "table"
    lines: tuple[str, ...]
    line: int


def _is_prose(line: str) -> bool:
    return bool(line.strip()) and not is_table_line(line) and not _BULLET.match(line)


def _one_paragraph_per_line(lines: list[str]) -> bool:
    """Is each line a paragraph (text copied from a web page) rather than hard-wrapped?

    Look at prose lines followed straight away by more prose (title-like lines aside): in
    one-paragraph-per-line text nearly all of them end a sentence; wrapped lines, 10 to 15
    words of running text each, mostly stop mid-sentence.
    """
    followed = [
        line.strip() for line, after in pairwise(lines)
        if _is_prose(line) and _is_prose(after) and not looks_like_title(line)
    ]
    if not followed:
        return True
    ended = sum(1 for line in followed if strip_closing(line)[-1:] in ".!?:…")
    return ended / len(followed) >= 0.5


def _units(lines: list[str], first_line: int) -> list[_Unit]:
    per_line = _one_paragraph_per_line(lines)
    units: list[_Unit] = []
    index = 0
    while index < len(lines):
        raw = lines[index]
        number = first_line + index
        if not raw.strip():
            index += 1
            continue
        if is_table_line(raw):
            end = index
            while end < len(lines) and is_table_line(lines[end]):
                end += 1
            units.append(_Unit("table", tuple(lines[index:end]), number))
            index = end
            continue
        bullet = _BULLET.match(raw)
        if bullet:
            items = [bullet.group(1).strip()]
            index += 1
            # Indented lines after an item continue it (wrapped list items).
            while index < len(lines):
                nxt = lines[index]
                match = _BULLET.match(nxt)
                if match:
                    items.append(match.group(1).strip())
                elif nxt.strip() and nxt[:1].isspace() and not per_line:
                    items[-1] += " " + nxt.strip()
                else:
                    break
                index += 1
            units.append(_Unit("bullets", tuple(items), number))
            continue
        if per_line:
            units.append(_Unit("text", (raw.strip(),), number))
            index += 1
            continue
        end = index
        while (
            end < len(lines) and lines[end].strip()
            and not is_table_line(lines[end]) and not _BULLET.match(lines[end])
        ):
            end += 1
        units.append(_Unit("text", (" ".join(x.strip() for x in lines[index:end]),), number))
        index = end
    return units


def _heading_level(unit: _Unit, underlined: set[int]) -> int:
    """1 or 2 for a heading candidate (2 = numbered), -1 for a numbered list item, else 0."""
    if unit.kind != "text":
        return 0
    if unit.line in underlined:
        return 1
    text = unit.lines[0]
    numbered = _NUMBERED.match(text)
    if numbered:
        return 2 if looks_like_title(numbered.group(2)) else -1
    return 1 if looks_like_title(text) else 0


_UNDERLINE = re.compile(r"^\s*(={3,}|-{3,})\s*$")


_RULE = re.compile(r"^\s*[=~*_#+-]{5,}\s*$")


def _take_underlines(lines: list[str], first_line: int) -> set[int]:
    """Line numbers of titles underlined with === or ---; the underlines are blanked."""
    titles: set[int] = set()
    for index in range(1, len(lines)):
        above = lines[index - 1].strip()
        if _UNDERLINE.match(lines[index]) and above and not is_table_line(above):
            titles.add(first_line + index - 1)
            lines[index] = ""
    return titles


def parse_plain(text: str, fallback_title: str) -> Article:
    """The article structure of a plain-text article; ArticleError if it has no headings."""
    lines = text.split("\n")
    underlined = _take_underlines(lines, 1)
    # Any other rule ("~~~~", "****") separates what is above from what is below.
    lines = ["" if _RULE.match(line) else line for line in lines]
    start = next(i for i, line in enumerate(lines) if line.strip())
    first = lines[start].strip()
    title = fallback_title
    body_start = start
    if looks_like_title(first) and not is_table_line(first) and not _BULLET.match(first):
        title, body_start = first, start + 1
    units = _units(lines[body_start:], body_start + 1)
    found = [_heading_level(unit, underlined) for unit in units]
    levels = list(found)
    # Two heading candidates in a row are a list of short lines, not two headings; the one
    # exception is a section title followed straight away by its first numbered heading.
    for i in range(len(units) - 1):
        if found[i] > 0 and found[i + 1] > 0 and not (found[i] == 1 and found[i + 1] == 2):
            for j in (i, i + 1):
                levels[j] = -1 if found[j] == 2 else 0
    if not any(level > 0 for level in levels):
        raise ArticleError(
            "no headings found: put each section title on a line of its own "
            "(or use Markdown headings such as '# Section'), then import again"
        )
    seen_top = False
    intro: list[ArticleBlock] = []
    parts: list[tuple[str, int, int, list[ArticleBlock]]] = []
    for unit, level in zip(units, levels, strict=True):
        if level > 0:
            heading = unit.lines[0]
            if level == 2:
                heading = _NUMBERED.sub(r"\2", heading).strip()
            # A numbered heading with no section above it is a section of its own.
            effective = 2 if level == 2 and seen_top else 1
            seen_top = seen_top or effective == 1
            parts.append((heading, effective, unit.line, []))
            continue
        block = _block(unit, numbered_list=level == -1)
        target = parts[-1][3] if parts else intro
        previous = target[-1] if target else None
        if (
            isinstance(block, Bullets) and block.ordered
            and isinstance(previous, Bullets) and previous.ordered
        ):
            target[-1] = Bullets(previous.items + block.items, ordered=True, line=previous.line)
        else:
            target.append(block)
    return Article(
        title=title,
        intro=tuple(intro),
        parts=tuple(Part(t, lvl, tuple(blocks), line) for t, lvl, line, blocks in parts),
    )


def _block(unit: _Unit, *, numbered_list: bool) -> ArticleBlock:
    if unit.kind == "table":
        table = parse_table(list(unit.lines), unit.line)
        return table or Para(" ".join(unit.lines), line=unit.line)
    if unit.kind == "bullets":
        return Bullets(items=unit.lines, line=unit.line)
    text = unit.lines[0]
    if numbered_list:
        return Bullets(items=(_NUMBERED.sub(r"\2", text),), ordered=True, line=unit.line)
    return Para(text=text, line=unit.line)
