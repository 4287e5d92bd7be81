"""Markdown articles: headings, paragraphs, lists and pipe tables, read with markdown-it-py.

Inline Markdown (emphasis, links) is kept as source text: the session file is Markdown
too, so `**bold**` in the article stays bold on the slide. Code blocks and HTML are
dropped; they have no place on a projected slide.
"""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from facilitator.core.importer.article import (
    Article,
    ArticleBlock,
    ArticleError,
    Bullets,
    Para,
    Part,
    PipeTable,
    block_words,
)
from facilitator.core.session.tokens import table_cells

_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}\s+\S", re.MULTILINE)
_BOLD_LINE = re.compile(r"^(?:\*\*|__)([^*_]+?)(?:\*\*|__)$")
BOLD_LEVEL = 7  # below h6
_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)


# A bold line that ends a sentence ("** Press j to move down. **") is an instruction, not a
# heading.
_BOLD_HEADING_LINE = re.compile(r"^(\*\*|__)[^*_\n]*[^*_\n.;,: ](\*\*|__)\s*$", re.MULTILINE)


def has_markdown_headings(text: str) -> bool:
    return bool(_ATX_HEADING.search(text) or _BOLD_HEADING_LINE.search(text))


# Hugo and Jekyll shortcodes ({{< figure >}}, {% include %}) and inline HTML tags are site
# machinery, never slide text.
_SHORTCODE = re.compile(r"\{\{[<%].*?[%>]\}\}|\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_CREDIT = re.compile(r"<p[^>]*pquote-credit.*", re.DOTALL | re.IGNORECASE)


def clean_inline(text: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", _SHORTCODE.sub(" ", text))).split())


def _inline(token: Token) -> str:
    # Soft line breaks inside a paragraph are only wrapping.
    return clean_inline(token.content)


def html_quote(html: str) -> str | None:
    """The quotation in a raw HTML aside or blockquote (a blog's pull quote), without the
    credit line; None for any other HTML block, which is dropped."""
    if not re.match(r"\s*<(aside|blockquote)\b", html, re.IGNORECASE):
        return None
    text = clean_inline(_CREDIT.sub("", html))
    return text or None


_MARKS = "“”\"« »"


def _quoted(text: str) -> str:
    return "“" + text.strip(_MARKS) + "”"


def _list_items(tokens: list[Token], start: int) -> tuple[list[str], int]:
    """Items of the list opening at `start` (nested lists flattened), and the index after it."""
    items: list[str] = []
    depth = 0
    index = start
    while index < len(tokens):
        token = tokens[index]
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
            if depth == 0:
                return items, index + 1
        elif token.type == "list_item_open":
            items.append("")
        elif token.type == "inline" and items:
            items[-1] = f"{items[-1]} {_inline(token)}".strip()
        index += 1
    return items, index


def _blockquote(tokens: list[Token], start: int) -> tuple[str, int]:
    """The text of a blockquote (all its paragraphs), and the index after it."""
    depth, index = 0, start
    texts: list[str] = []
    while index < len(tokens):
        token = tokens[index]
        if token.type == "blockquote_open":
            depth += 1
        elif token.type == "blockquote_close":
            depth -= 1
            if depth == 0:
                return " ".join(texts), index + 1
        elif token.type == "inline":
            texts.append(_inline(token))
        index += 1
    return " ".join(texts), index


def _quote_at(tokens: list[Token], index: int) -> tuple[str | None, int]:
    """A blockquote's or a raw HTML aside's quotation (other raw HTML is dropped), and the
    index after it."""
    if tokens[index].type == "html_block":
        return html_quote(tokens[index].content), index + 1
    return _blockquote(tokens, index)


def _table(tokens: list[Token], start: int) -> tuple[PipeTable, int]:
    header, rows, after = table_cells(tokens, start, _inline)
    line = (tokens[start].map or [0])[0] + 1
    return PipeTable(tuple(header), tuple(tuple(row) for row in rows), line=line), after


def _front_matter(text: str, title: str) -> tuple[str, str, bool]:
    """(text with its front matter blanked, the title it gives, whether it had any)."""
    front = _FRONT_MATTER.match(text)
    if not front:
        return text, title, False
    for entry in front.group(1).splitlines():
        key, _, value = entry.partition(":")
        if key.strip().lower() == "title" and value.strip():
            title = html.unescape(value.strip().strip("\"'"))
    # Keep line numbers true to the file by blanking the front matter, not cutting it.
    return "\n" * front.group(0).count("\n") + text[front.end():], title, True


MIN_UNHEADED_WORDS = 150
CHUNK_WORDS = 300


def _chunks(title: str, blocks: list[ArticleBlock]) -> tuple[Part, ...]:
    """Sections for an article with no headings (a web page whose only heading was its
    title): its blocks in order, about 300 words a section, named "Title (1/3)"."""
    groups: list[list[ArticleBlock]] = [[]]
    for block in blocks:
        if groups[-1] and sum(block_words(b) for b in groups[-1]) >= CHUNK_WORDS:
            groups.append([])
        groups[-1].append(block)
    if len(groups) > 1 and sum(block_words(b) for b in groups[-1]) < CHUNK_WORDS // 3:
        groups[-2].extend(groups.pop())  # no stub section at the end
    total = len(groups)
    return tuple(
        Part(f"{title} ({number}/{total})" if total > 1 else title, 1, tuple(group),
             getattr(group[0], "line", 0))
        for number, group in enumerate(groups, start=1)
    )


def parse_markdown(text: str, fallback_title: str) -> Article:
    """The article structure of a Markdown article; ArticleError if it has no headings."""
    text, title, front = _front_matter(text, fallback_title)
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    headings: list[tuple[int, str, int]] = []  # (level, title, line) per heading, in order
    blocks_by_heading: list[list[ArticleBlock]] = [[]]  # blocks before any heading first
    index = 0
    while index < len(tokens):
        token = tokens[index]
        line = (token.map or [0])[0] + 1
        if token.type == "heading_open":
            heading = _inline(tokens[index + 1]).strip()
            if heading:  # an empty "## " is a stray marker, not a section
                headings.append((int(token.tag[1:]), heading, line))
                blocks_by_heading.append([])
            index += 3
        elif token.type == "paragraph_open":
            text = _inline(tokens[index + 1])
            bold = _BOLD_LINE.match(text)
            if bold and len(bold.group(1).split()) <= 12:
                # A paragraph that is one short bold line is a heading in disguise (common
                # in exported blog posts); it ranks below every real heading.
                headings.append((BOLD_LEVEL, bold.group(1).strip(), line))
                blocks_by_heading.append([])
            elif text:  # empty when it was only a shortcode or a tag
                blocks_by_heading[-1].append(Para(text, line=line))
            index += 3
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            items, index = _list_items(tokens, index)
            ordered = token.type == "ordered_list_open"
            blocks_by_heading[-1].append(Bullets(tuple(items), ordered=ordered, line=line))
        elif token.type == "table_open":
            table, index = _table(tokens, index)
            blocks_by_heading[-1].append(table)
        elif token.type in ("html_block", "blockquote_open"):
            quote, index = _quote_at(tokens, index)
            if quote:
                blocks_by_heading[-1].append(Para(_quoted(quote), line=line))
        else:
            index += 1  # blockquote markers, code, html, rules: their paragraphs still count
    intro = blocks_by_heading[0]
    # A first-level heading at the very top is the article's title, not a section.
    if headings and headings[0][0] == 1 and not intro and not front:
        title = headings[0][1]
        intro = blocks_by_heading[1]
        headings, blocks_by_heading = headings[1:], [[], *blocks_by_heading[2:]]
    if not headings and sum(block_words(b) for b in intro) >= MIN_UNHEADED_WORDS:
        return Article(title=title, intro=(), parts=_chunks(title, intro))
    if not headings:
        raise ArticleError(
            "no section headings found: add Markdown headings such as '## Section' "
            "under the title, then import again"
        )
    top = min(level for level, _, _ in headings)
    parts = tuple(
        Part(heading, 1 if level == top else 2, tuple(blocks), line)
        for (level, heading, line), blocks in zip(headings, blocks_by_heading[1:], strict=True)
    )
    return Article(title=title, intro=tuple(intro), parts=parts)
