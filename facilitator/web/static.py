"""The phone page's CSS and JS: read once, gzipped once, served with long-lived caching.

The files are small and few, so they are held in memory. Each URL carries the file's
content hash (`/static/app.js?v=1a2b...`, rewritten into the HTML pages and into the
modules' imports), so a phone may keep a copy for a day and still never runs an old script
after the app is updated; a phone that asks without the hash gets `no-cache` and an ETag.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
import re
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web

CACHE_VERSIONED = "public, max-age=86400, immutable"
CACHE_PLAIN = "no-cache"
_TYPES = {".js": "text/javascript", ".css": "text/css"}
_IMPORT = re.compile(r'(from\s+"\./)([\w.-]+\.js)(")')


@dataclass(frozen=True)
class StaticFile:
    body: bytes
    gzipped: bytes
    content_type: str
    version: str


def load(folder: Path) -> dict[str, StaticFile]:
    """Every .js and .css file in `folder`, imports pinned to their versions."""
    raw = {p.name: p.read_bytes() for p in sorted(folder.iterdir())
           if p.suffix in _TYPES and p.is_file()}
    versions = {name: hashlib.sha256(body).hexdigest()[:12] for name, body in raw.items()}

    def pin(match: re.Match[str]) -> str:
        name = match.group(2)
        version = versions.get(name)
        return match.group(0) if version is None else \
            f"{match.group(1)}{name}?v={version}{match.group(3)}"

    files = {}
    for name, body in raw.items():
        if name.endswith(".js"):
            body = _IMPORT.sub(pin, body.decode("utf-8")).encode("utf-8")
        kind = _TYPES.get(Path(name).suffix) or mimetypes.guess_type(name)[0] or "text/plain"
        files[name] = StaticFile(body, gzip.compress(body, 9, mtime=0), kind,
                                 hashlib.sha256(body).hexdigest()[:12])
    return files


def pin_page(html: str, files: dict[str, StaticFile]) -> str:
    """`/static/NAME` in a page becomes `/static/NAME?v=VERSION`."""
    for name, item in files.items():
        html = html.replace(f'/static/{name}"', f'/static/{name}?v={item.version}"')
    return html


def respond(request: web.Request, item: StaticFile) -> web.Response:
    etag = f'"{item.version}"'
    versioned = request.query.get("v") == item.version
    headers = {"Cache-Control": CACHE_VERSIONED if versioned else CACHE_PLAIN, "ETag": etag,
               "Vary": "Accept-Encoding"}
    if request.headers.get("If-None-Match") == etag:
        return web.Response(status=304, headers=headers)
    body = item.body
    if "gzip" in request.headers.get("Accept-Encoding", ""):
        body = item.gzipped
        headers["Content-Encoding"] = "gzip"
    return web.Response(body=body, headers=headers, content_type=item.content_type,
                        charset="utf-8")
