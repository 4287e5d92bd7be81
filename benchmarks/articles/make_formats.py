"""Rebuild the corpus files that are conversions (Word, PDF) or copies (web pages) from their
sources, so every file's origin is reproducible. See SOURCES.md for what each one is.

Run: python benchmarks/articles/make_formats.py   (needs python-docx and reportlab)
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

from docx import Document
from markdown_it import MarkdownIt
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

HERE = Path(__file__).resolve().parent
RUST = Path("/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html")
COPIES = {
    "rust-to-panic-or-not.en.html": RUST / "book/ch09-03-to-panic-or-not-to-panic.html",
    "rust-fearless-concurrency.en.html": RUST / "book/ch16-00-concurrency.html",
    "what-is-rustdoc.en.html": RUST / "rustdoc/what-is-rustdoc.html",
    "vim-tutor.de.txt": Path("/usr/share/vim/vim90/tutor/tutor.de.utf-8"),
    "gpl-3.en.txt": Path("/usr/share/common-licenses/GPL-3"),
}


def blocks(markdown: str) -> list[tuple[str, str]]:
    """(kind, text) per block: h1-h6, p, li, quote; raw HTML asides become quotes."""
    markdown = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.DOTALL)
    markdown = re.sub(
        r"<aside[^>]*>(.*?)</aside>",
        lambda m: "\n> " + " ".join(re.sub(r"<p.*", "", m.group(1), flags=re.DOTALL).split())
        + "\n",
        markdown, flags=re.DOTALL,
    )
    out: list[tuple[str, str]] = []
    tokens = MarkdownIt("commonmark").parse(markdown)
    context: list[str] = []
    for token in tokens:
        if token.type.endswith("_open"):
            context.append(token.tag)
        elif token.type.endswith("_close"):
            context.pop()
        elif token.type == "inline":
            text = html.unescape(re.sub(r"<[^>]+>", "", token.content))
            text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
            text = " ".join(text.replace("**", "").replace("_", "").split())
            kind = context[-1]
            if "blockquote" in context:
                kind = "quote"
            elif "li" in context:
                kind = "li"
            out.append((kind, text))
    return out


def to_docx(source: Path, target: Path, title: str) -> None:
    document = Document()
    document.add_heading(title, level=0)  # Word's "Title" style
    for kind, text in blocks(source.read_text(encoding="utf-8")):
        if kind.startswith("h"):
            document.add_heading(text, level=int(kind[1]))
        elif kind == "li":
            document.add_paragraph(text, style="List Bullet")
        elif kind == "quote":
            document.add_paragraph(text, style="Quote")
        else:
            document.add_paragraph(text)
    document.save(str(target))


def to_pdf(items: list[tuple[str, str]], title: str, target: Path) -> None:
    sizes = {"h1": 22, "h2": 17, "h3": 14, "h4": 12}
    body = ParagraphStyle("body", fontName="Times-Roman", fontSize=11, leading=14)
    story = [Paragraph(title, ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=24,
                                             leading=30)), Spacer(1, 12)]
    for kind, text in items:
        safe = html.escape(text)
        if kind in sizes:
            story.append(Paragraph(safe, ParagraphStyle(
                kind, fontName="Helvetica-Bold", fontSize=sizes[kind], leading=sizes[kind] + 4,
                spaceBefore=10, spaceAfter=4)))
        elif kind == "li":
            story.append(Paragraph("• " + safe, body))
        elif kind == "quote":
            story.append(Paragraph(f"“{safe}”", ParagraphStyle("q", parent=body, leftIndent=24,
                                                               fontName="Times-Italic")))
        else:
            story.append(Paragraph(safe, ParagraphStyle("p", parent=body, spaceAfter=6)))

    def furniture(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        # A running header and a page number on every page: the reader must drop both.
        canvas.setFont("Helvetica", 8)
        canvas.drawString(72, A4[1] - 40, title)
        canvas.drawRightString(A4[0] - 72, 30, str(doc.page))

    SimpleDocTemplate(str(target), pagesize=A4, title=title).build(
        story, onFirstPage=furniture, onLaterPages=furniture)


def main() -> None:
    for name, source in COPIES.items():
        shutil.copyfile(source, HERE / name)
    to_docx(HERE / "sources/codigo-de-conducta.es.md", HERE / "codigo-de-conducta.es.docx",
            "Tu código de conducta")
    french = (HERE / "equilibre-mainteneurs.fr.md").read_text(encoding="utf-8")
    to_pdf(blocks(french), "Maintenir l'équilibre quand on maintient un logiciel libre",
           HERE / "equilibre-mainteneurs.fr.pdf")
    from facilitator.ingest.html_reader import html_to_markdown

    intro = html_to_markdown((RUST / "book/ch00-00-introduction.html").read_text(), "Intro")
    to_pdf(blocks(intro)[1:], "The Rust Programming Language: Introduction",
           HERE / "rust-introduction.en.pdf")
    shutil.copyfile(HERE.parent.parent / "slides/../tests/core/importer/articles/"
                    "numb-in-medicine.txt", HERE / "numb-in-medicine.en.txt")


if __name__ == "__main__":
    main()
