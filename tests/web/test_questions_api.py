"""The questions API on a real aiohttp server: the same Origin, cookie, JSON and size rules
as answers; pending text never reaches a phone; one withdrawable vote per device."""

from __future__ import annotations

from typing import Any

from aiohttp import ClientSession, CookieJar

from facilitator.core.polls.ballot import BallotBox
from facilitator.core.polls.ratelimit import RateLimiter
from facilitator.core.polls.room import Room
from facilitator.core.questions.box import Limits, QuestionBox, QuestionState
from facilitator.services.assets import resource_path
from facilitator.web.app import MAX_BODY, create_app
from facilitator.web.live import LiveHub
from tests import polls


async def _server(aiohttp_client: Any, enabled: bool = True) -> tuple[Any, QuestionBox, Room]:
    box, room = BallotBox(polls.ALL), Room(devices_per_address=100)
    questions = QuestionBox(enabled=enabled, limits=Limits(seconds_between=0, per_device=3))
    app = create_app(box, room, resource_path("web"), hub=LiveHub(box, room, 0.0),
                     limiter=RateLimiter(50, 50), questions=questions)
    return await aiohttp_client(app), questions, room


async def _phone(client: Any, room: Room) -> ClientSession:
    session = ClientSession(f"http://{client.host}:{client.port}",
                            cookie_jar=CookieJar(unsafe=True))
    response = await session.get(f"/j/{room.code}", params={"t": room.token},
                                 allow_redirects=False)
    assert response.status == 303
    return session


def _origin(client: Any) -> dict[str, str]:
    return {"Origin": f"http://{client.host}:{client.port}"}


async def test_ask_moderate_vote_withdraw(aiohttp_client: Any) -> None:
    client, questions, room = await _server(aiohttp_client)
    asker, voter = await _phone(client, room), await _phone(client, room)
    try:
        sent = await asker.post("/api/questions", json={"text": "Is numbness normal?"},
                                headers=_origin(client))
        assert sent.status == 200 and await sent.json() == {"ok": True}
        listed = await (await voter.get("/api/questions")).json()
        assert listed["enabled"] is True and listed["questions"] == []  # pending: unseen
        questions.decide("q1", QuestionState.APPROVED)
        listed = await (await voter.get("/api/questions")).json()
        assert listed["questions"] == [{"id": "q1", "text": "Is numbness normal?", "votes": 0,
                                        "state": "approved", "voted": False}]
        for _ in range(2):  # twice is once
            voted = await voter.post("/api/questions/q1/vote", json={"vote": True},
                                     headers=_origin(client))
            assert (await voted.json())["votes"] == 1
        mine = (await (await voter.get("/api/questions")).json())["questions"][0]
        theirs = (await (await asker.get("/api/questions")).json())["questions"][0]
        assert mine["voted"] is True and theirs["voted"] is False
        withdrawn = await voter.post("/api/questions/q1/vote", json={"vote": False},
                                     headers=_origin(client))
        assert (await withdrawn.json())["votes"] == 0
    finally:
        await asker.close()
        await voter.close()


async def test_the_same_rules_as_answers(aiohttp_client: Any) -> None:
    client, questions, room = await _server(aiohttp_client)
    phone = await _phone(client, room)
    try:
        no_origin = await phone.post("/api/questions", json={"text": "hi"})
        assert no_origin.status == 403 and (await no_origin.json())["error"] == "bad-origin"
        stranger = await client.post("/api/questions", json={"text": "hi"},
                                     headers=_origin(client))
        assert stranger.status == 403 and (await stranger.json())["error"] == "not-joined"
        assert (await client.get("/api/questions")).status == 403
        form = await phone.post("/api/questions", data="text=hi", headers=_origin(client))
        assert form.status == 415
        bad = await phone.post("/api/questions", data="{", headers={
            **_origin(client), "Content-Type": "application/json"})
        assert bad.status == 400 and (await bad.json())["error"] == "bad-json"
        huge = await phone.post("/api/questions", json={"text": "x" * MAX_BODY},
                                headers=_origin(client))
        assert huge.status == 413
        long = await phone.post("/api/questions", json={"text": "x" * 201},
                                headers=_origin(client))
        assert long.status == 400 and (await long.json())["error"] == "invalid"
        wrong = await phone.post("/api/questions", json={"question": "hi"},
                                 headers=_origin(client))
        assert wrong.status == 400
        not_bool = await phone.post("/api/questions/q1/vote", json={"vote": 1},
                                    headers=_origin(client))
        assert not_bool.status == 400
        for number in range(3):
            ok = await phone.post("/api/questions", json={"text": f"q {number}"},
                                  headers=_origin(client))
            assert ok.status == 200
        over = await phone.post("/api/questions", json={"text": "one more"},
                                headers=_origin(client))
        assert over.status == 429 and (await over.json())["error"] == "too-many-questions"
        hidden = await phone.post("/api/questions/q1/vote", json={"vote": True},
                                  headers=_origin(client))
        assert hidden.status == 404  # pending questions cannot even be voted on
        assert len(questions.all()) == 3
    finally:
        await phone.close()


async def test_a_session_without_questions_says_so(aiohttp_client: Any) -> None:
    client, _questions, room = await _server(aiohttp_client, enabled=False)
    phone = await _phone(client, room)
    try:
        assert (await (await phone.get("/api/questions")).json())["enabled"] is False
        refused = await phone.post("/api/questions", json={"text": "hi"},
                                   headers=_origin(client))
        assert refused.status == 409 and (await refused.json())["error"] == "questions-closed"
    finally:
        await phone.close()
