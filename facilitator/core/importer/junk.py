"""What an article carries that is not for the room: references, footnotes, licence and
copyright lines, "Contributors", "Additional resources", navigation and ad remnants.

Dropped after parsing, before slides are made, so a trailing `## References` never swallows
a section and a licence line never becomes a title. Headings are matched in the five
languages the importer writes (English, French, Spanish, German, Romanian).
"""

from __future__ import annotations

import re
from dataclasses import replace

from facilitator.core.importer.article import Article, ArticleBlock, Bullets, Para, Part

_BACK_MATTER = re.compile(
    r"^(\d+[.)]?\s*)?("
    r"references?|bibliography|sources?|works cited|citations?|footnotes?|end ?notes?|notes|"
    r"further reading|additional (resources|reading)|(more |other |related )?resources|"
    r"related( (articles|posts|reading))?|read more|see also|contributors?|credits?|"
    r"acknowledge?ments?|about the authors?|author|licen[cs]e|copyright|share( this)?|"
    r"comments?|subscribe|newsletter|advertisement|sponsored|table of contents|contents|"
    r"références|bibliographie|notes de bas de page|ressources( complémentaires)?|"
    r"pour aller plus loin|lectures complémentaires|contributeurs|remerciements|"
    r"à propos de l'auteur|voir aussi|licence|"
    r"referencias|bibliografía|notas|recursos( adicionales)?|lecturas adicionales|"
    r"colaboradores|agradecimientos|sobre el autor|véase también|licencia|"
    r"literatur|quellen|fußnoten|anmerkungen|weitere (ressourcen|informationen)|"
    r"weiterführende literatur|mitwirkende|danksagung|über den autor|siehe auch|lizenz|"
    r"referințe|bibliografie|note|resurse( suplimentare)?|contribuitori|mulțumiri|"
    r"despre autor|vezi și|licență"
    r")\s*:?$",
    re.IGNORECASE,
)
# Lines that are page furniture wherever they sit.
_JUNK_LINE = re.compile(
    r"^\s*(©|\(c\)\s*\d{4}|copyright\b|all rights reserved|licensed under\b|this (work|article|"
    r"page) is licensed|creative commons|cc[- ]by\b|share (this|on)\b|advertisement\b|"
    r"sponsored\b|subscribe\b|sign up\b|cookie|skip to (main )?content|back to top|"
    r"click here|read more\b|tous droits réservés|publicité|todos los derechos|publicidad|"
    r"alle rechte vorbehalten|anzeige\b|werbung\b|toate drepturile)",
    re.IGNORECASE,
)
_FOOTNOTE_MARK = re.compile(r"(?<=[\w.,;:!?”\"')])\[\d{1,3}\]|\^\d{1,3}\^|(?<=[a-z.,])\s?\[\^\w+\]")
_FOOTNOTE_LINE = re.compile(r"^\s*(\[\^?\w+\]:|\^?\d{1,3}[.)]?\s+(see|ibid|cf\.|https?://))",
                            re.IGNORECASE)
_CSS_OR_CODE = re.compile(r"[{};]\s*[a-z-]+\s*:\s*[^;]+;|function\s*\(|var\s+\w+\s*=|<\w+")


def is_back_matter(title: str) -> bool:
    return bool(_BACK_MATTER.match(title.strip().strip("*_#").strip()))


def is_junk_text(text: str) -> bool:
    """A licence line, ad or navigation remnant, a footnote body, or style/script source."""
    return bool(
        _JUNK_LINE.match(text) or _FOOTNOTE_LINE.match(text)
        or (len(_CSS_OR_CODE.findall(text)) >= 2)
    )


def _clean_block(block: ArticleBlock) -> ArticleBlock | None:
    if isinstance(block, Para):
        if is_junk_text(block.text):
            return None
        text = _FOOTNOTE_MARK.sub("", block.text).strip()
        return replace(block, text=text) if text else None
    if isinstance(block, Bullets):
        items = tuple(item for item in block.items if not is_junk_text(item))
        return replace(block, items=items) if items else None
    return block


def _clean_blocks(blocks: tuple[ArticleBlock, ...]) -> tuple[ArticleBlock, ...]:
    return tuple(kept for block in blocks if (kept := _clean_block(block)) is not None)


_RULE_CHARS = re.compile(r"[=*_~#|+-]{3,}")


def tidy_title(title: str, fallback: str) -> str:
    """A title without ASCII-art rules; the file's name when what is left is not words
    ("= W i l l k o m m e n im V I M T u t o r =")."""
    text = " ".join(_RULE_CHARS.sub(" ", title).strip(" =*_~#|+-").split())
    words = text.split()
    letters = sum(1 for word in words if len(word) == 1 and word.isalpha())
    if not words or letters > len(words) / 3 or is_junk_text(text):
        return fallback
    return text


def without_junk(article: Article, fallback_title: str = "") -> Article:
    """The article without back matter sections and junk lines; its order untouched."""
    parts: list[Part] = []
    intro = article.intro
    dropping_level: int | None = None
    for part in article.parts:
        if dropping_level is not None and part.level > dropping_level:
            continue  # a subsection of dropped back matter
        dropping_level = None
        if is_back_matter(part.title):
            dropping_level = part.level
            continue
        blocks = _clean_blocks(part.blocks)
        if not tidy_title(part.title, ""):
            # An ASCII-art banner read as a heading: its text belongs to what came before.
            if parts:
                parts[-1] = replace(parts[-1], blocks=(*parts[-1].blocks, *blocks))
            else:
                intro = (*intro, *blocks)
            continue
        parts.append(replace(part, blocks=blocks))
    if not parts:
        return replace(article, intro=_clean_blocks(article.intro))
    title = tidy_title(article.title, fallback_title or parts[0].title)
    return Article(title=title, intro=_clean_blocks(intro), parts=tuple(parts))
