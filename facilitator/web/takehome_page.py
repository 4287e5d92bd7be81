"""The take-home page: key points, the reflection prompt, support with tap-to-call and
tap-to-text links, the citation, and how to save it as a PDF.

Plain semantic HTML with no script (landmarks, headings in order, lists), so it is also
the accessible version of the handout, and it works with JavaScript off. The phone server
serves it at /takehome (no cookie needed, like /support); `facilitator print --what
takehome` writes the same page as one self-contained file (the stylesheet inlined).
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from facilitator.core.takehome.content import TakeHome
from facilitator.web.support_page import SupportInfo, entries_html

_ENGLISH = {
    "lang": "en", "takehome.title": "Take home", "takehome.points": "Key points",
    "takehome.intro": "Keep this page open or save it: it stays yours after the session.",
    "takehome.reflection": "A question for later", "takehome.support": "Support, today",
    "takehome.source": "Based on", "support.back": "Back to the poll",
    "takehome.save": "Save as PDF: use your browser's Share or Print menu and choose "
                     "\u201cSave as PDF\u201d.",
}


def render_takehome(content: TakeHome, support: SupportInfo,
                    strings: Mapping[str, str] | None = None, inline_css: str = "") -> str:
    """The page; with `inline_css` a standalone file (no link back, the style inlined)."""
    words = {**_ENGLISH, **(strings or {})}

    def say(key: str) -> str:
        return escape(words[key])

    style = (f"<style>\n{inline_css}\n</style>" if inline_css
             else '<link rel="stylesheet" href="/static/app.css">')
    back = "" if inline_css else (
        f'<nav aria-label="{say("support.back")}"><p><a class="back" href="/">&larr; '
        f'{say("support.back")}</a></p></nav>')
    sections = []
    if content.key_points:
        points = "".join(f"<li>{escape(point)}</li>" for point in content.key_points)
        sections.append(_section("points", say("takehome.points"), f"<ul>{points}</ul>"))
    if content.reflection:
        sections.append(_section("reflection", say("takehome.reflection"),
                                 f"<blockquote><p>{escape(content.reflection)}</p></blockquote>"))
    emergency = (f'<p class="emergency">{escape(support.emergency_line)}</p>'
                 if support.emergency_line else "")
    sections.append(_section("support", say("takehome.support"), emergency
                             + f'<ul class="entries">{entries_html(support, words, 3)}</ul>',
                             "support"))
    if content.citation:
        sections.append(_section("source", say("takehome.source"),
                                 f"<p>{escape(content.citation)}</p>"))
    subtitle = f'<p class="subtitle">{escape(content.subtitle)}</p>' if content.subtitle else ""
    title = escape(content.title)
    return f"""<!doctype html>
<html lang="{escape(content.language or words["lang"], quote=True)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{title}: {say("takehome.title")}</title>
{style}
</head>
<body>
<header class="page takehome-head">
{back}
<h1>{title}</h1>
{subtitle}
<p>{say("takehome.intro")}</p>
</header>
<main class="page takehome">
{"".join(sections)}
<p class="save">{say("takehome.save")}</p>
</main>
</body>
</html>
"""


def _section(name: str, heading: str, body: str, css: str = "") -> str:
    extra = f' class="{css}"' if css else ""
    return (f'<section{extra} aria-labelledby="th-{name}"><h2 id="th-{name}">{heading}</h2>'
            f"{body}</section>")
