"""Headers, errors, Host/Origin checks: what every response and request goes through.

- Every response carries the same strict headers (CSP with no inline script, nosniff,
  no-referrer, no-store), set in `on_response_prepare` so static files and the WebSocket
  handshake get them too.
- Every error leaves with a 4xx status: as JSON `{"error": code, "message": text}` on the
  API and the live channel, as a short page anywhere a person may be (`web.error_pages`); an
  unexpected exception is reported as a plain 500 without details, never a traceback, and
  no error repeats what the request sent.
- A request whose Host is not the address the server bound to is refused (403): that
  stops DNS-rebinding pages from talking to the server through a victim's browser. On port
  80 browsers send the Host without ":80"; both forms are allowed.
- State changes need a matching Origin header (checked in the handlers that change state).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from aiohttp import web
from multidict import CIMultiDict, istr

from facilitator.web.error_pages import error_response

HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
# The same, built once with pre-folded names: every response gets them (measured with
# benchmarks/capacity.py, building them per response was a visible share of an answer).
_HEADERS = CIMultiDict({istr(name): value for name, value in HEADERS.items()})
_CACHE_CONTROL = istr("Cache-Control")
ALLOWED_HOSTS: web.AppKey[set[str]] = web.AppKey("allowed_hosts", set)

_log = logging.getLogger(__name__)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


async def add_headers(_request: web.Request, response: web.StreamResponse) -> None:
    cache = response.headers.get(_CACHE_CONTROL)
    response.headers.update(_HEADERS)
    if cache and cache != HEADERS["Cache-Control"]:  # static files set their own caching
        response.headers[_CACHE_CONTROL] = cache


def allowed_hosts(host: str, port: int) -> set[str]:
    """Host header values that name this server (browsers drop a default port)."""
    hosts = {f"{host}:{port}"}
    if port == 80:
        hosts.add(host)
    return hosts


def json_error(status: int, code: str, message: str) -> web.Response:
    return web.json_response({"error": code, "message": message}, status=status)


_CODES = {400: "bad-request", 403: "forbidden", 404: "not-found", 405: "method-not-allowed",
          409: "conflict", 413: "too-large", 415: "unsupported-media-type",
          429: "too-many-requests"}


@web.middleware
async def guard_requests(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every request: tell the connection's guard a whole request arrived (`web.guard`: the
    header timeout no longer applies), refuse a foreign Host, and turn errors into 4xx
    answers. One middleware, not three: each layer is a coroutine per request, and the
    answer path is measured against bare aiohttp (benchmarks/capacity.py)."""
    mark = getattr(request.protocol, "mark_request", None)
    if mark is not None:
        mark()
    hosts = request.app[ALLOWED_HOSTS]
    if hosts and request.host not in hosts:
        return error_response(request, 403, "forbidden", "Open the address shown under the "
                              "QR code on the screen (or scan the code) to reach the poll.")
    try:
        return await handler(request)
    except web.HTTPException as error:
        if error.status < 400 or error.content_type == "application/json":
            raise
        code = _CODES.get(error.status, "error")
        message = error.reason if error.status != 413 else "Request body too large."
        allow = error.headers.get("Allow")  # a 405 says which methods would work
        return error_response(request, error.status, code, message,
                              {"Allow": allow} if allow else None)
    except Exception as error:
        # Logged without the request or the traceback's locals: nothing about the
        # participant goes to a log (and `web.logs` keeps it to one line a minute).
        _log.error("unexpected error: %s", type(error).__name__)
        return error_response(request, 500, "internal",
                              "Something went wrong on the facilitator's laptop.")


def origin_ok(request: web.Request) -> bool:
    """True when the request comes from a page this server served (same scheme and host).

    With `Referrer-Policy: no-referrer`, browsers send `Origin: null` on form posts (the
    typed room code); then the browser-set `Sec-Fetch-Site: same-origin`, which no page
    script can forge, vouches instead.
    """
    origin = request.headers.get("Origin")
    if origin == f"{request.scheme}://{request.host}":
        return True
    return origin == "null" and request.headers.get("Sec-Fetch-Site") == "same-origin"
