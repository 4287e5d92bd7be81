"""A web page (or Word's HTML) -> Markdown: the article's headings, paragraphs, lists, tables
and quotes, in order; navigation, ads, styles, scripts, forms and code dropped.

The main text is the page's `<article>` or `<main>` when it has one (most blogs and news sites
do, and then nothing is guessed); otherwise readability-lxml picks it. The walk over the
tree is ours because the importer needs the structure kept exactly: readability's job is
only to find the right part of the page.
"""

from __future__ import annotations

import re

import lxml.html
from lxml.html import HtmlElement

# Elements whose content is never article text.
_JUNK_TAGS = frozenset(
    "script style noscript nav header footer form button iframe svg template select "
    "input textarea label canvas video audio object embed pre code figure img".split()
)
# Classes and ids of the page furniture sites wrap their articles in.
_JUNK_NAMES = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|sidebar|footer|masthead|advert\w*|ads?|adsbygoogle|promo\w*|"
    r"sponsor\w*|share|sharing|social|cookie\w*|banner|newsletter|related|comments?|"
    r"breadcrumbs?|subscribe|signup|popup|modal|toc|pagination|byline|meta|tags?)($|[\s_-])",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")
_SHORTCODE = re.compile(r"\{\{[<%].*?[%>]\}\}|\[/?[a-z_]+(?:\s[^\]]*)?\]", re.DOTALL)


def _text(element: HtmlElement) -> str:
    """The element's words on one line, with shortcodes removed and pipes escaped."""
    text = _SHORTCODE.sub(" ", element.text_content())
    return _SPACE.sub(" ", text).strip()


def _is_junk(element: HtmlElement) -> bool:
    if not isinstance(element.tag, str):
        return True  # comments and processing instructions
    if element.tag in _JUNK_TAGS:
        return True
    names = f"{element.get('class', '')} {element.get('id', '')} {element.get('role', '')}"
    return bool(_JUNK_NAMES.search(names)) and element.tag not in ("body", "article", "main")


def _table(element: HtmlElement) -> list[str]:
    rows = []
    for row in element.iter("tr"):
        cells = [_text(cell).replace("|", "\\|") for cell in row if cell.tag in ("td", "th")]
        if any(cells):
            rows.append(cells)
    if len(rows) < 2:
        return [" ".join(" ".join(row) for row in rows)] if rows else []
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
    lines.extend("| " + " | ".join(row) + " |" for row in rows[1:])
    caption = element.find("caption")
    if caption is not None and _text(caption):
        lines.insert(0, _text(caption) + ":\n")
    return lines


def _list(element: HtmlElement) -> list[str]:
    ordered = element.tag == "ol"
    items = []
    for number, item in enumerate((li for li in element if li.tag == "li"), start=1):
        text = _text(item)
        if text:
            items.append(f"{number}. {text}" if ordered else f"- {text}")
    return ["\n".join(items)] if items else []


def _quote(element: HtmlElement) -> list[str]:
    text = _text(element)
    if not text:
        return []
    text = text.strip("“”\"")
    return [f"“{text}”"]


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[str] = []

    def walk(self, element: HtmlElement) -> None:
        for child in element:
            self.visit(child)

    def visit(self, element: HtmlElement) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "aside":
            # A pull quote is the most discussable line of a post: keep aside quotes only.
            for quote in element.iter("blockquote"):
                self.blocks.extend(_quote(quote))
            return
        if _is_junk(element):
            return
        if re.fullmatch(r"h[1-6]", tag):
            text = _text(element)
            if text:
                self.blocks.append("#" * int(tag[1]) + " " + text)
        elif tag == "p":
            text = _text(element)
            if text:
                self.blocks.append(text)
        elif tag in ("ul", "ol"):
            self.blocks.extend(_list(element))
        elif tag == "table":
            self.blocks.extend(_table(element))
        elif tag in ("blockquote", "q"):
            self.blocks.extend(_quote(element))
        elif tag == "br":
            return
        elif len(element) == 0 or all(c.tag in ("a", "em", "strong", "b", "i", "span")
                                      for c in element if isinstance(c.tag, str)):
            text = _text(element)  # a div holding a bare paragraph of text
            if text and tag not in ("a", "span", "em", "strong", "b", "i"):
                self.blocks.append(text)
        else:
            if element.text and element.text.strip() and len(element.text.split()) > 3:
                self.blocks.append(_SPACE.sub(" ", element.text).strip())
            self.walk(element)


def _main_part(root: HtmlElement, html: str) -> HtmlElement:
    for tag in ("article", "main"):
        found = sorted(root.iter(tag), key=lambda e: len(e.text_content()), reverse=True)
        if found and len(found[0].text_content().split()) > 80:
            return found[0]
    body = root.find("body")
    if body is None:
        return root
    from readability import Document  # imported late: only pages without <article> need it

    summary = Document(html).summary(html_partial=True)
    picked = lxml.html.fromstring(summary)
    # readability sometimes keeps a teaser only: fall back to the whole body then.
    if len(picked.text_content().split()) < 0.4 * len(body.text_content().split()):
        return body
    return picked


def page_title(root: HtmlElement) -> str:
    # The page's own name for itself first: <h1> is often the site's banner.
    for xpath in ('//meta[@property="og:title"]/@content', "//title", "//h1"):
        found = root.xpath(xpath)
        if found:
            value = found[0] if isinstance(found[0], str) else _text(found[0])
            value = _SPACE.sub(" ", value).strip()
            if value:
                return re.split(r"\s+[|–—-]\s+", value)[0]  # "Post - Site name"
    return ""


def html_to_markdown(html: str, fallback_title: str, whole: bool = False) -> str:
    """Markdown for the article in `html`; `whole` for a fragment that is all article (Word)."""
    root = lxml.html.fromstring(html) if html.strip() else lxml.html.fromstring("<p></p>")
    title = page_title(root) or fallback_title
    main = root if whole else _main_part(root, html)
    walker = _Walker()
    walker.visit(main) if main.tag in ("p", "table", "ul", "ol") else walker.walk(main)
    blocks = walker.blocks
    if blocks and blocks[0].lstrip("#").strip() == title:
        blocks = blocks[1:]  # the page's own h1 is the title, not a section
    return "\n\n".join([f"# {title}", *blocks]) + "\n"
