"""The phone-facing web app: join, the phone page, answers, the live channel, support.

There is deliberately no facilitator endpoint: opening, closing and revealing polls happen
in the desktop app (or the `serve` command), never over the network.

Paths (documented for people in docs/readme/polling.md):

    GET  /j/{code}?t=TOKEN   swap the join token for a device cookie, 303 to /
    POST /join               code=ROOM (a form, for phones that cannot scan), 303 to /
    GET  /                   the phone page (403 page without a device cookie)
    GET  /support            support resources, no cookie needed
    GET  /static/{name}      the page's CSS and JS (gzip, cached by content hash)
    GET  /api/state          this device's view of the room (JSON)
    POST /api/answer         {"poll": id, "answer": ...} -> {"ok": true, "answer": ...}
    GET  /ws                 WebSocket: the server pushes state messages
"""

from __future__ import annotations

import asyncio
import json
from functools import partial
from html import escape
from pathlib import Path

from aiohttp import hdrs, web

from facilitator.core.polls.answer_batch import AnswerBatch
from facilitator.core.polls.answers import Answer, answer_to_json
from facilitator.core.polls.ballot import BallotBox, BallotError, ErrorKind
from facilitator.core.polls.headcount import sync
from facilitator.core.polls.ratelimit import RateLimiter
from facilitator.core.polls.room import Room, TooManyDevices
from facilitator.core.questions.box import QuestionBox
from facilitator.core.takehome.content import TakeHome
from facilitator.web import questions as questions_api
from facilitator.web import static
from facilitator.web.error_pages import error_response
from facilitator.web.i18n import STRINGS, load_catalogue, localize, text
from facilitator.web.jsonbody import too_deep
from facilitator.web.live import LiveHub
from facilitator.web.security import (
    ALLOWED_HOSTS,
    add_headers,
    guard_requests,
    json_error,
    origin_ok,
)
from facilitator.web.support_page import SupportInfo, render_support
from facilitator.web.takehome_page import render_takehome

COOKIE = "facilitator_device"
MAX_PAGES_PER_DEVICE = 4  # live sockets one phone may hold (tabs); more is a script
MAX_BODY = 4096  # the longest answer (280 characters of text) fits many times over

BOX: web.AppKey[BallotBox] = web.AppKey("box", BallotBox)
ROOM: web.AppKey[Room] = web.AppKey("room", Room)
HUB: web.AppKey[LiveHub] = web.AppKey("hub", LiveHub)
LIMITER: web.AppKey[RateLimiter] = web.AppKey("limiter", RateLimiter)
JOIN_FAILURES: web.AppKey[RateLimiter] = web.AppKey("join_failures", RateLimiter)
NEW_DEVICES: web.AppKey[RateLimiter] = web.AppKey("new_devices", RateLimiter)
PAGES: web.AppKey[dict[str, str]] = web.AppKey("pages", dict)
STATIC: web.AppKey[dict[str, static.StaticFile]] = web.AppKey("static", dict)
ANSWERS: web.AppKey[AnswerBatch] = web.AppKey("answers", AnswerBatch)

_TOO_MANY_DEVICES = (
    "This network address has already joined the poll on two devices, so no new one is "
    "added: one device per person keeps the answers anonymous. If you have joined in "
    "another tab or browser, use that one; otherwise ask the facilitator.")
_STATUS = {ErrorKind.NOT_FOUND: 404, ErrorKind.INVALID: 400, ErrorKind.NOT_OPEN: 409}


def create_app(box: BallotBox, room: Room, static_dir: Path,
               support: SupportInfo | None = None, hub: LiveHub | None = None,
               limiter: RateLimiter | None = None,
               join_failures: RateLimiter | None = None,
               new_devices: RateLimiter | None = None,
               language: str = "en",
               questions: QuestionBox | None = None,
               takehome: TakeHome | None = None) -> web.Application:
    """The aiohttp application. Runs on (and must only be touched from) one event loop.
    `language`: the session's; the phone pages speak it (`web.i18n`)."""
    app = web.Application(client_max_size=MAX_BODY, middlewares=[guard_requests])
    app[BOX] = box
    app[ROOM] = room
    # The group commit of answers (core.polls.answer_batch), written at the end of the
    # server loop's turn; the loop is looked up when a batch starts (apps are built before).
    app[ANSWERS] = AnswerBatch(box, lambda flush: asyncio.get_running_loop().call_soon(flush))
    app[HUB] = hub or LiveHub(box, room)
    app[LIMITER] = limiter or RateLimiter()
    app[JOIN_FAILURES] = join_failures or RateLimiter(rate=0.5, burst=20)
    # New devices per network address. Phones in a room each have their own LAN address, and
    # a person rescanning keeps their cookie; only a script minting devices in a loop (to
    # stuff a poll past the per-device limit) meets this. The address lives in memory, in
    # the limiter's buckets, for seconds; it is never stored or logged.
    app[NEW_DEVICES] = new_devices or RateLimiter(rate=0.5, burst=20)
    app[ALLOWED_HOSTS] = set()
    app[STATIC] = files = static.load(static_dir)
    app[STRINGS] = strings = load_catalogue(static_dir / "i18n", language)

    def page(name: str) -> str:
        html = (static_dir / f"{name}.html").read_text(encoding="utf-8")
        return static.pin_page(localize(html, strings), files)

    app[PAGES] = {
        "index": page("index"),
        "join": page("join"),
        "support": static.pin_page(render_support(support or SupportInfo(), strings), files),
    }
    if takehome is not None:
        app[PAGES]["takehome"] = static.pin_page(
            render_takehome(takehome, support or SupportInfo(), strings), files)
    app.on_response_prepare.append(add_headers)
    app.on_shutdown.append(_close_hub)
    app.router.add_get("/j/{code}", join)
    app.router.add_post("/join", join_by_code)
    app.router.add_get("/", index)
    app.router.add_get("/support", support_page)
    app.router.add_get("/takehome", takehome_page)
    app.router.add_get("/api/state", state)
    app.router.add_post("/api/answer", answer)
    app.router.add_get("/ws", live)
    app.router.add_get("/favicon.ico", no_icon)
    app.router.add_get("/static/{name}", static_file)
    # Anonymous questions (web.questions); a session with `questions: off` still answers
    # the list (empty, disabled) so the phone page hides its button.
    questions_api.install(app, questions or QuestionBox(enabled=False), _device, app[LIMITER],
                          app[HUB])
    return app


async def static_file(request: web.Request) -> web.StreamResponse:
    item = request.app[STATIC].get(request.match_info["name"])
    if item is None:
        raise web.HTTPNotFound()
    return static.respond(request, item)


async def _close_hub(app: web.Application) -> None:
    await app[HUB].close()


def _html(text: str, status: int = 200) -> web.Response:
    return web.Response(text=text, status=status, content_type="text/html", charset="utf-8")


def _cookie(request: web.Request) -> str:
    """The device cookie's value ("" without one), read from the Cookie header directly.

    `request.cookies` parses every cookie of the header into morsels (about 4 us, measured
    under benchmarks/capacity.py), and every answer asks; one name is all that is needed,
    and `Room.device_for` accepts only a value it gave out. The last one wins, as there."""
    found = ""
    for part in request.headers.get(hdrs.COOKIE, "").split(";"):
        name, sep, value = part.partition("=")
        if sep and name.strip() == COOKIE:
            found = value.strip()
    return found


def _device(request: web.Request) -> str | None:
    cookie = _cookie(request)
    return request.app[ROOM].device_for(cookie) if cookie else None


def _join_page(request: web.Request, status: int, error: str = "") -> web.Response:
    page = request.app[PAGES]["join"]
    if error:
        page = page.replace("<!--error-->", f'<p class="error" role="alert">{escape(error)}</p>')
    return _html(page, status=status)


def _admit(request: web.Request) -> web.Response:
    """Give the phone its device cookie and send it to the clean page URL."""
    # A phone that joins again keeps its key, so its vote is still its own.
    room = request.app[ROOM]
    if _device(request):
        cookie = _cookie(request)
    elif request.app[NEW_DEVICES].allow(request.remote or ""):
        try:
            # The address is counted in memory only (see Room.devices_per_address).
            cookie = room.join(request.remote or "")
        except TooManyDevices:
            return error_response(request, 429, "too-many-devices", _TOO_MANY_DEVICES)
        except OSError:
            # The run journal could not note the new phone (disk full, unplugged stick): a
            # cookie it does not know would stop working after a restart, so none is given.
            return _join_page(request, 503, text(
                request, "join.not_saved", "The facilitator's laptop could not save your "
                "place just now. Try again in a moment."))
        sync(room, request.app[BOX])
    else:
        return error_response(request, 429, "too-many-requests", _TOO_MANY_DEVICES)
    # The token leaves the address bar (the history may still list the QR link; the token
    # in it stops working when the run ends).
    response = web.Response(status=303, headers={"Location": "/"})
    # No Max-Age: the cookie ends with the browser session; the key ends with ours.
    response.set_cookie(COOKIE, cookie, httponly=True, samesite="Strict", path="/")
    request.app[HUB].poke()
    return response


async def join(request: web.Request) -> web.StreamResponse:
    """The QR link: room code and secret token."""
    token = request.query.get("t", "")
    if not request.app[ROOM].token_matches(request.match_info["code"], token):
        return _join_page(request, 403)
    return _admit(request)


async def join_by_code(request: web.Request) -> web.StreamResponse:
    """The typed way in, for a phone whose camera will not scan: the room code from the screen.

    Failed codes are limited for the whole server (no per-IP state is kept), so guessing
    five characters out of 31 takes weeks while a room needs minutes.
    """
    if not origin_ok(request):
        return error_response(request, 403, "bad-origin", "Join from the join page.")
    form = await request.post()
    code = form.get("code")
    code = "".join(code.split()).upper() if isinstance(code, str) else ""
    # The code is compared first (in constant time): a correct code always gets in, however
    # many wrong guesses others are making; only wrong codes spend from the limiter.
    if request.app[ROOM].code_matches(code):
        return _admit(request)
    if not request.app[JOIN_FAILURES].allow("any"):
        return _join_page(request, 429, text(
            request, "join.too_many_codes",
            "Too many wrong codes just now. Wait a minute, or scan the QR code."))
    return _join_page(request, 403, text(
        request, "join.wrong_code", "That room code is not right. Check the screen."))


async def index(request: web.Request) -> web.StreamResponse:
    if _device(request) is None:
        return _join_page(request, 403)
    return _html(request.app[PAGES]["index"])


async def no_icon(_request: web.Request) -> web.StreamResponse:
    # Browsers ask for it unprompted; "no content" keeps their consoles free of 404s.
    return web.Response(status=204)


async def support_page(request: web.Request) -> web.StreamResponse:
    return _html(request.app[PAGES]["support"])


async def takehome_page(request: web.Request) -> web.StreamResponse:
    """The session's take-home page (`web.takehome_page`): no cookie, no script."""
    page = request.app[PAGES].get("takehome")
    if page is None:
        raise web.HTTPNotFound()
    return _html(page)


async def state(request: web.Request) -> web.StreamResponse:
    key = _device(request)
    if key is None:
        return json_error(403, "not-joined", "Scan the QR code on the screen to join.")
    return web.Response(text=request.app[HUB].message_for(key), content_type="application/json")


async def answer(request: web.Request) -> web.StreamResponse:
    app = request.app
    if not origin_ok(request):
        return json_error(403, "bad-origin", "Answers must come from the poll page.")
    key = _device(request)
    if key is None:
        return json_error(403, "not-joined", "Scan the QR code on the screen to join.")
    if not app[LIMITER].allow(key):
        return json_error(429, "too-many-requests", "Too many answers at once; wait a moment.")
    if request.content_type != "application/json":
        return json_error(415, "unsupported-media-type", "Send JSON.")
    try:
        text = await request.text()
        if too_deep(text):
            return json_error(400, "bad-json", "The request is nested too deeply.")
        body = json.loads(text)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return json_error(400, "bad-json", "The request is not valid JSON.")
    if not isinstance(body, dict) or not isinstance(body.get("poll"), str) or "answer" not in body:
        return json_error(400, "bad-request", 'Send {"poll": id, "answer": value}.')
    try:
        # Checked (is this poll on the screen? is the answer valid?), journaled with the
        # other answers of this turn of the loop and stored: acknowledged only once on disk.
        reply: asyncio.Future[Answer] = asyncio.get_running_loop().create_future()
        app[ANSWERS].submit(body["poll"], key, body["answer"], partial(_settle, reply))
        stored = await reply
    except BallotError as error:
        return json_error(_STATUS[error.kind], str(error.kind), error.message)
    except OSError:
        # The journal could not save it (disk full, unplugged stick, database locked: the
        # run journal raises JournalWriteError, an OSError): not counted, say so.
        return json_error(503, "not-saved", "Your answer could not be saved. Try again.")
    return web.json_response({"ok": True, "poll": body["poll"], "answer": answer_to_json(stored)})


def _settle(reply: asyncio.Future[Answer], result: Answer | Exception) -> None:
    if reply.done():  # the request was cancelled (the phone went away): nobody to tell
        return
    if isinstance(result, Exception):
        reply.set_exception(result)
    else:
        reply.set_result(result)


async def live(request: web.Request) -> web.StreamResponse:
    # Browsers do not apply same-origin rules to WebSockets; the Origin check is ours to do.
    if not origin_ok(request):
        return json_error(403, "bad-origin", "Connect from the poll page.")
    key = _device(request)
    if key is None:
        return json_error(403, "not-joined", "Scan the QR code on the screen to join.")
    if request.app[ROOM].open_pages(key) >= MAX_PAGES_PER_DEVICE:
        return json_error(429, "too-many-requests", "Close some tabs of this page.")
    return await request.app[HUB].serve(request, key)
