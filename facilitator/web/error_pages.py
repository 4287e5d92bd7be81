"""Errors a person can meet, as a readable page; the JSON API keeps answering JSON.

A phone that follows the QR link, types `localhost`, or hits a limit gets a short page in
plain words with the way back; a script calling `/api/...` or `/ws` gets
`{"error": code, "message": text}`. Neither ever repeats what the request sent.
"""

from __future__ import annotations

from html import escape

from aiohttp import web

# Shown as the page's heading; the message underneath says what to do.
TITLES = {
    400: "That request did not make sense",
    403: "This page is not open to you",
    404: "Nothing here",
    405: "That does not work here",
    413: "That was too long",
    415: "That did not make sense",
    429: "Please wait a moment",
    500: "Something went wrong",
    503: "The poll is busy",
}

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{title}</title>
<link rel="stylesheet" href="/static/app.css">
</head>
<body>
<main class="page">
<h1>{title}</h1>
<p>{message}</p>
<p><a href="/">Back to the poll</a></p>
</main>
<footer class="support-bar"><a class="support-link" href="/support">Need support now?</a></footer>
</body>
</html>
"""


def html_page(status: int, message: str, title: str = "") -> str:
    return _PAGE.format(title=escape(title or TITLES.get(status, "Something went wrong")),
                        message=escape(message))


def wants_json(request: web.BaseRequest) -> bool:
    """The API and the live channel speak JSON; everything a browser opens gets a page."""
    return request.path.startswith("/api/") or request.path == "/ws"


def error_response(request: web.BaseRequest, status: int, code: str, message: str,
                   headers: dict[str, str] | None = None) -> web.Response:
    if wants_json(request):
        return web.json_response({"error": code, "message": message}, status=status,
                                 headers=headers)
    return web.Response(text=html_page(status, message), status=status,
                        content_type="text/html", charset="utf-8", headers=headers)
