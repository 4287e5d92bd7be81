"""Read any article file the importer accepts as text it can parse: plain text and Markdown
as they are; web pages, Word and PDF converted to Markdown here."""

from __future__ import annotations

from pathlib import Path

from facilitator.core.importer.article import ArticleError, read_article_text
from facilitator.core.importer.draft import title_from_filename
from facilitator.ingest.docx_reader import docx_to_markdown
from facilitator.ingest.html_reader import html_to_markdown
from facilitator.ingest.pdf_reader import pdf_to_markdown

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SUFFIXES = (*TEXT_SUFFIXES, *HTML_SUFFIXES, ".docx", ".pdf")
MAX_FILE_BYTES = 20_000_000


def read_article(path: Path) -> tuple[str, str]:
    """(text, name to parse it by): Markdown named "*.md" for converted formats."""
    suffix = path.suffix.lower()
    fallback = title_from_filename(path.name)
    if suffix not in (*HTML_SUFFIXES, ".docx", ".pdf"):
        return read_article_text(path), path.name
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ArticleError(f"cannot read: {error.strerror or error}") from None
    if path.is_dir():  # the readers below would each fail their own way (a traceback for PDF)
        raise ArticleError("is a folder, not an article file")
    if size > MAX_FILE_BYTES:
        raise ArticleError(f"the file is {size // 1_000_000} MB; articles up to 20 MB are read")
    if suffix == ".docx":
        text, kind = docx_to_markdown(path, fallback), "Word file"
    elif suffix == ".pdf":
        text, kind = pdf_to_markdown(path, fallback), "PDF"
    else:
        text, kind = html_to_markdown(_decoded(path), fallback), "web page"
    # Only a title came out (a page with no body, only scripts, an empty document): saying
    # so beats the Markdown parser's advice to add '## headings' to a file that is not one.
    if not any(line.strip() and not line.startswith("#") for line in text.splitlines()):
        raise ArticleError(f"no article text found in this {kind}: save the article itself "
                           "(not a page around it) as .html, .docx, .pdf or .txt, then import "
                           "again")
    return text, path.with_suffix(".md").name


def _decoded(path: Path) -> str:
    """A web page's text: UTF-8 (most pages), else Windows-1252 (old pages saved locally)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ArticleError(f"cannot read: {error.strerror or error}") from None
    if b"\x00" in data:
        raise ArticleError("binary file, not a web page")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
