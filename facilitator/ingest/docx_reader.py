"""A Word (.docx) article -> Markdown, through mammoth's HTML (it maps Word's heading styles
to h1-h6 and keeps lists, tables and quotes) and the same walk as web pages."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.parsers.expat import ExpatError

import mammoth

from facilitator.core.importer.article import ArticleError
from facilitator.ingest.html_reader import html_to_markdown

# Word's own style names for quotes, which mammoth does not map by default.
_STYLE_MAP = """
p[style-name='Quote'] => blockquote:fresh
p[style-name='Intense Quote'] => blockquote:fresh
p[style-name='Title'] => h1:fresh
"""


def docx_to_markdown(path: Path, fallback_title: str) -> str:
    try:
        with path.open("rb") as file:
            result = mammoth.convert_to_html(file, style_map=_STYLE_MAP)
    # A zip that is not a Word file (an .odt or .xlsx renamed) makes mammoth raise OSError;
    # a damaged document.xml, ExpatError: both are the user's file, not our bug.
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, ExpatError) as error:
        raise ArticleError(f"not a readable Word file ({error}): open it in Word and save "
                           "it again as .docx") from None
    return html_to_markdown(result.value, fallback_title, whole=True)
