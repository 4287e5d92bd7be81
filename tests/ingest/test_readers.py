"""Web pages, Word files and PDFs read into Markdown the importer parses, from real files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from facilitator.core.importer.article import ArticleError
from facilitator.core.importer.draft import import_file
from facilitator.core.session.loader import parse_session
from facilitator.ingest.article_file import read_article

PAGE = """<!doctype html><html><head><title>Saying No | Some Blog</title>
<style>.ad { color: red; } body { margin: 0; }</style>
<script>var tracker = function() { return 1; };</script></head>
<body><nav><ul><li>Home</li><li>About</li><li>Subscribe</li></ul></nav>
<header class="masthead">Some Blog: all the news</header>
<div class="sidebar ads">Buy our course today! Limited offer for readers.</div>
<article>
<h1>Saying No</h1>
<p>Every maintainer learns that saying yes to everything is how projects burn people out,
slowly and then all at once, long before anyone notices the queue.</p>
<h2>Why it is hard</h2>
<p>{{< figure src="x.png" >}}People ask nicely, and each request looks small on its own.</p>
<ul><li>Requests arrive one at a time</li><li>Refusing feels rude</li></ul>
<aside class="pquote"><blockquote>My software is gratis, but my time and attention is not,
and I finally said so in the README.</blockquote><p class="credit">A maintainer</p></aside>
<aside class="promo">Sign up for our newsletter</aside>
<h2>How people do it</h2>
<table><caption>How maintainers said they handle requests</caption>
<tr><th>Approach</th><th>Percent</th></tr>
<tr><td>A written policy</td><td>40</td></tr><tr><td>Case by case</td><td>60</td></tr></table>
<p>Can you keep up your pace for 10 weeks? 10 months? 10 years?</p>
</article>
<footer>© 2024 Some Blog. All rights reserved.</footer></body></html>
"""


def test_a_web_page_keeps_its_article_and_drops_the_page(tmp_path: Path) -> None:
    page = tmp_path / "saying-no.html"
    page.write_text(PAGE, encoding="utf-8")
    text, name = read_article(page)
    assert name == "saying-no.md"
    assert text.startswith("# Saying No\n")
    assert "## Why it is hard" in text and "## How people do it" in text
    assert "- Requests arrive one at a time\n- Refusing feels rude" in text
    assert "| A written policy | 40 |" in text
    assert "“My software is gratis, but my time and attention is not, and I finally said so" in text
    for junk in ("Home", "Buy our course", "newsletter", "color: red", "tracker", "rights reserved",
                 "{{<", "Some Blog", "A maintainer"):
        assert junk not in text, junk
    # and in article order
    assert text.index("Why it is hard") < text.index("Requests arrive") < text.index("gratis")


def test_a_word_file_keeps_headings_lists_and_quotes(tmp_path: Path) -> None:
    document = Document()
    document.add_heading("Tu código de conducta", level=1)
    document.add_paragraph("Un código de conducta establece expectativas para todo el proyecto.")
    document.add_heading("Por qué hace falta", level=2)
    document.add_paragraph("Protege a quienes participan y también a quien mantiene.")
    document.add_paragraph("Antes de que ocurra algo", style="List Bullet")
    document.add_paragraph("Con un canal privado", style="List Bullet")
    document.add_paragraph("Un código que no se aplica es peor que no tener ninguno.", style="Quote")
    path = tmp_path / "codigo.docx"
    document.save(str(path))
    text, _ = read_article(path)
    assert text.startswith("# Tu código de conducta\n")
    assert "## Por qué hace falta" in text
    assert "- Antes de que ocurra algo\n- Con un canal privado" in text
    assert "“Un código que no se aplica es peor que no tener ninguno.”" in text


def write_pdf(path: Path, pages: list[list[tuple[int, str]]]) -> None:
    """Pages of (font size, line); every page gets a running header and a page number."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for number, lines in enumerate(pages, start=1):
        pdf.setFont("Helvetica", 8)
        pdf.drawString(72, A4[1] - 40, "Journal of Examples, vol. 3")
        pdf.drawRightString(A4[0] - 72, 30, str(number))
        y = A4[1] - 90
        for size, line in lines:
            pdf.setFont("Helvetica-Bold" if size > 11 else "Times-Roman", size)
            y -= size * 1.4 + (10 if size > 11 else 0)
            pdf.drawString(72, y, line)
        pdf.showPage()
    pdf.save()


def test_a_pdf_gets_headings_from_font_size_and_loses_headers_and_page_numbers(
    tmp_path: Path,
) -> None:
    body = "Nurses on nights described the slow leak of energy over months of short staffing."
    path = tmp_path / "night.pdf"
    write_pdf(path, [
        [(22, "Running on Empty"), (11, body), (11, "It builds up without anyone noticing."),
         (16, "What It Looks Like"), (11, body), (11, "Then one day the work feels empty.")],
        [(16, "What Helps"), (11, "Protected breaks help, and so does a team that checks in."),
         (11, "Take a moment to write down one thing that gave you energy this week.")],
    ])
    text, _ = read_article(path)
    assert text.startswith("# Running on Empty\n")
    assert "## What It Looks Like" in text and "## What Helps" in text
    assert "Journal of Examples" not in text
    assert "\n\n1\n" not in text and "\n\n2\n" not in text
    session = parse_session(import_file(path, None, read=read_article).text, "x.md").session
    assert session is not None
    assert [s.title for s in session.sections][1:] == ["What It Looks Like", "What Helps"]


def test_a_scanned_pdf_says_it_has_no_text(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.rect(72, 72, 300, 500, fill=1)  # a picture of a page, no text layer
    pdf.showPage()
    pdf.save()
    with pytest.raises(ArticleError, match="no text layer"):
        read_article(path)


@pytest.mark.parametrize("name, data, message", [
    ("broken.pdf", b"%PDF-1.4 nothing else", "not a readable PDF"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "not a readable Word file"),
])
def test_broken_files_fail_with_a_message(tmp_path: Path, name: str, data: bytes,
                                          message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ArticleError, match=message):
        read_article(path)


def _zip(path: Path, files: dict[str, str]) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)


_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
         'package/2006/relationships"><Relationship Id="r1" Type="http://schemas.'
         'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
         'Target="word/document.xml"/></Relationships>')


@pytest.mark.parametrize("files", [
    {"content.xml": "<office/>"},  # an .odt or any zip renamed .docx
    {"[Content_Types].xml": "<Types/>", "_rels/.rels": _RELS, "word/document.xml": "<<"},
])
def test_a_zip_that_is_no_word_file_fails_with_a_message(tmp_path: Path,
                                                          files: dict[str, str]) -> None:
    path = tmp_path / "renamed.docx"
    _zip(path, files)
    with pytest.raises(ArticleError, match="not a readable Word file"):
        read_article(path)


@pytest.mark.parametrize("name", ["folder.pdf", "folder.docx", "folder.html"])
def test_a_folder_with_an_article_suffix_fails_with_a_message(tmp_path: Path,
                                                              name: str) -> None:
    (tmp_path / name).mkdir()
    with pytest.raises(ArticleError, match="is a folder"):
        read_article(tmp_path / name)


@pytest.mark.parametrize("name, data", [
    ("nobody.html", b"<html><head><title>x</title></head></html>"),
    ("empty.html", b""),
    ("scripts.html", b"<html><body><script>let x = 1;</script><nav>Home</nav></body></html>"),
])
def test_a_page_with_no_article_text_says_so(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ArticleError, match="no article text found in this web page"):
        read_article(path)


def test_an_empty_word_file_says_so(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    Document().save(str(path))
    with pytest.raises(ArticleError, match="no article text found in this Word file"):
        read_article(path)
