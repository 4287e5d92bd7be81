"""The phone side of anonymous questions: ask, list, vote. Same rules as answers.

    GET  /api/questions                 approved questions, most votes first, and this
                                        device's votes: {"enabled", "questions": [...]}
    POST /api/questions                 {"text": "..."} -> {"ok": true}
    POST /api/questions/{id}/vote       {"vote": true|false} -> {"ok": true, "votes": n}

Every state change needs the page's Origin, the device cookie, JSON under the app's body
limit, and passes the same per-device rate limiter as answers. Nothing here ever says who
asked what: a phone learns only that its question was received (it is not shown back to
it as "yours"), and pending or rejected questions are never sent to any phone.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

from aiohttp import web

from facilitator.core.polls.ratelimit import RateLimiter
from facilitator.core.questions.box import QuestionBox, QuestionError, QuestionErrorKind
from facilitator.web.jsonbody import too_deep
from facilitator.web.live import LiveHub
from facilitator.web.security import json_error, origin_ok

QUESTIONS: web.AppKey[QuestionBox] = web.AppKey("questions", QuestionBox)
PUSH_INTERVAL = 0.5  # seconds: 1,000 phones voting make two messages a second, not 1,000
DeviceOf = Callable[[web.Request], "str | None"]

_STATUS = {QuestionErrorKind.INVALID: 400, QuestionErrorKind.NOT_FOUND: 404,
           QuestionErrorKind.CLOSED: 409, QuestionErrorKind.TOO_SOON: 429,
           QuestionErrorKind.TOO_MANY: 429}


def install(app: web.Application, box: QuestionBox, device_of: DeviceOf,
            limiter: RateLimiter, hub: LiveHub) -> None:
    """Add the routes; `device_of` is the app's cookie check, `limiter` its answer limiter.
    Changes phones can see go out over the live channel, at most one message per
    PUSH_INTERVAL, holding the list without any device's votes (each phone knows its own)."""
    app[QUESTIONS] = box
    waiting: list[asyncio.TimerHandle] = []

    def push() -> None:
        waiting.clear()
        listed = public_json(box, "")
        hub.tell_phones(json.dumps({"type": "questions", "questions": [
            {k: v for k, v in q.items() if k != "voted"} for q in listed["questions"]]}))

    def changed() -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # changed off the loop (before the server started): no phones
            return
        if not waiting:
            waiting.append(loop.call_later(PUSH_INTERVAL, push))

    box.add_listener(changed)

    async def listing(request: web.Request) -> web.StreamResponse:
        key = device_of(request)
        if key is None:
            return json_error(403, "not-joined", "Scan the QR code on the screen to join.")
        return web.json_response(public_json(box, key))

    async def ask(request: web.Request) -> web.StreamResponse:
        checked = await _checked(request, device_of, limiter)
        if isinstance(checked, web.StreamResponse):
            return checked
        key, body = checked
        if not isinstance(body, dict) or not isinstance(body.get("text"), str):
            return json_error(400, "bad-request", 'Send {"text": "your question"}.')
        return _apply(lambda: box.ask(key, body["text"]), lambda _q: {"ok": True})

    async def vote(request: web.Request) -> web.StreamResponse:
        checked = await _checked(request, device_of, limiter)
        if isinstance(checked, web.StreamResponse):
            return checked
        key, body = checked
        if not isinstance(body, dict) or not isinstance(body.get("vote"), bool):
            return json_error(400, "bad-request", 'Send {"vote": true} or {"vote": false}.')
        question_id = request.match_info["id"]
        return _apply(lambda: box.vote(question_id, key, body["vote"]),
                      lambda q: {"ok": True, "votes": q.votes, "voted": body["vote"]})

    app.router.add_get("/api/questions", listing)
    app.router.add_post("/api/questions", ask)
    app.router.add_post("/api/questions/{id}/vote", vote)


def public_json(box: QuestionBox, device_key: str) -> dict[str, Any]:
    return {
        "enabled": box.enabled,
        "max_length": box.limits.max_length,
        "questions": [{"id": q.id, "text": q.text, "votes": q.votes, "state": str(q.state),
                       "voted": device_key in q.voters} for q in box.public()],
    }


async def _checked(request: web.Request, device_of: DeviceOf,
                   limiter: RateLimiter) -> tuple[str, Any] | web.StreamResponse:
    """(device key, parsed body), or the error response to return."""
    if not origin_ok(request):
        return json_error(403, "bad-origin", "Questions must come from the poll page.")
    key = device_of(request)
    if key is None:
        return json_error(403, "not-joined", "Scan the QR code on the screen to join.")
    if not limiter.allow(key):
        return json_error(429, "too-many-requests", "Too many requests; wait a moment.")
    if request.content_type != "application/json":
        return json_error(415, "unsupported-media-type", "Send JSON.")
    try:
        text = await request.text()
        if too_deep(text):
            return json_error(400, "bad-json", "The request is nested too deeply.")
        return key, json.loads(text)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return json_error(400, "bad-json", "The request is not valid JSON.")


def _apply(change: Callable[[], Any], reply: Callable[[Any], dict[str, Any]]) -> web.Response:
    try:
        question = change()
    except QuestionError as error:
        return json_error(_STATUS[error.kind], str(error.kind), error.message)
    except OSError:
        # The run journal could not save it: not kept, say so (as for answers).
        return json_error(503, "not-saved", "That could not be saved. Try again.")
    return web.json_response(reply(question))
