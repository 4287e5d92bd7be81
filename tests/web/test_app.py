"""The phone-facing HTTP interface: join, answers, every error code, headers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from aiohttp import ClientSession

from facilitator.core.runs.resume import start_run
from facilitator.core.session.model import PREFER_NOT_TO_SAY
from facilitator.services.assets import resource_path
from facilitator.web.app import COOKIE, create_app
from facilitator.web.security import HEADERS
from tests import polls
from tests.disk_full import disk_full
from tests.web.conftest import Factory


async def test_join_swaps_token_for_cookie_and_clean_url(phone_factory: Factory) -> None:
    phone = await phone_factory()
    response = await phone.client.get(
        f"/j/{phone.room.code.lower()}", params={"t": phone.room.token}, allow_redirects=False)
    assert response.status == 303
    assert response.headers["Location"] == "/"
    cookie = response.cookies[COOKIE]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Strict"
    assert len(cookie.value) >= 22  # 128 random bits, base64url
    assert phone.room.device_for(cookie.value) is not None
    page = await phone.client.get("/")
    assert page.status == 200
    assert "Anonymous: no names, no IP addresses stored" in await page.text()


async def test_wrong_token_or_no_cookie_gets_the_scan_page(phone_factory: Factory) -> None:
    phone = await phone_factory()
    bad = await phone.client.get(f"/j/{phone.room.code}", params={"t": "guess"},
                                 allow_redirects=False)
    assert bad.status == 403
    assert "Scan the QR code" in await bad.text()
    assert COOKIE not in bad.cookies
    assert (await phone.client.get("/")).status == 403
    state = await phone.client.get("/api/state")
    assert state.status == 403
    assert (await state.json())["error"] == "not-joined"


async def test_made_up_cookie_is_not_a_device(phone_factory: Factory) -> None:
    phone = await phone_factory()
    phone.client.session.cookie_jar.update_cookies({COOKIE: "A" * 22})
    response = await phone.answer("mood", "o1")
    assert response.status == 403


async def test_answer_and_change_and_state(phone_factory: Factory) -> None:
    phone = await phone_factory()
    await phone.join()
    response = await phone.answer("mood", "o2")
    assert response.status == 200
    assert await response.json() == {"ok": True, "poll": "mood", "answer": "o2"}
    await phone.answer("mood", "o3")
    state = await (await phone.client.get("/api/state")).json()
    assert state["type"] == "state"
    assert state["you"]["answer"] == "o3"
    assert state["state"]["poll"]["id"] == "mood"
    assert state["state"]["results"] == {"waiting_for": 2, "on_screen": False, "tally": None}
    assert phone.box.results("mood").responses == 1


async def test_rejoin_keeps_the_device(phone_factory: Factory) -> None:
    phone = await phone_factory()
    first = await phone.join()
    await phone.answer("mood", "o1")
    second = await phone.join()
    assert first == second
    assert phone.room.device_count == 1


async def test_every_type_accepted(phone_factory: Factory) -> None:
    phone = await phone_factory()
    await phone.join()
    answers = {"mood": "o1", "barriers": ["o1", "o3"], "energy": 4, "gut": {"o1": 2, "o2": 3},
               "talked": "unsure", "word": "worn out", "idea": "<img src=x onerror=alert(1)>",
               "plain": "o2"}
    for poll, value in answers.items():
        phone.box.set_current(poll)  # only the poll on the screen takes answers
        response = await phone.answer(poll, value)
        assert response.status == 200, (poll, await response.text())
        assert (await response.json())["answer"] == value
    phone.box.set_current("energy")
    assert (await (await phone.answer("energy", PREFER_NOT_TO_SAY)).json())["ok"]


async def test_bad_answers_are_400_with_a_message(phone_factory: Factory) -> None:
    phone = await phone_factory()
    await phone.join()
    for poll, value in [("mood", "o9"), ("mood", 1), ("barriers", ["o1", "o2", "o3"]),
                        ("energy", 9), ("energy", True), ("gut", {"o1": 1}),
                        ("word", "one two three four"), ("idea", "x" * 281),
                        ("plain", PREFER_NOT_TO_SAY), ("idea", "   ")]:
        phone.box.set_current(poll)
        response = await phone.answer(poll, value)
        assert response.status == 400, (poll, value)
        body = await response.json()
        assert body["error"] == "invalid" and body["message"]


async def test_malformed_bodies(phone_factory: Factory) -> None:
    phone = await phone_factory()
    await phone.join()
    headers = {"Origin": phone.origin, "Content-Type": "application/json"}
    for data in (b"{", b"[]", b'{"poll": 3, "answer": 1}', b'{"poll": "mood"}', b"\xff\xfe"):
        response = await phone.client.post("/api/answer", data=data, headers=headers)
        assert response.status == 400, data
        assert "error" in await response.json()
    form = await phone.client.post("/api/answer", data={"poll": "mood"},
                                   headers={"Origin": phone.origin})
    assert form.status == 415


async def test_unknown_poll_404_closed_409(phone_factory: Factory) -> None:
    phone = await phone_factory()
    await phone.join()
    assert (await phone.answer("nope", "o1")).status == 404
    phone.box.close("mood")
    closed = await phone.answer("mood", "o1")
    assert closed.status == 409
    assert (await closed.json())["error"] == "not-open"
    # Open, but its slide was left: closed for phones until the slide comes back.
    phone.box.set_current("energy")
    left = await phone.answer("mood", "o1")
    assert left.status == 409 and (await left.json())["error"] == "not-open"
    phone.box.open("mood")
    assert (await phone.answer("mood", "o1")).status == 200
    assert (await phone.client.get("/no/such/page")).status == 404


async def test_origin_is_required_and_must_match(phone_factory: Factory) -> None:
    phone = await phone_factory()
    await phone.join()
    missing = await phone.client.post("/api/answer", json={"poll": "mood", "answer": "o1"})
    assert missing.status == 403
    other = await phone.answer("mood", "o1", headers={"Origin": "http://evil.example"})
    assert other.status == 403
    assert (await other.json())["error"] == "bad-origin"
    assert phone.box.results("mood").responses == 0


async def test_body_limit_is_413_json(phone_factory: Factory) -> None:
    phone = await phone_factory()
    await phone.join()
    response = await phone.answer("idea", "x" * 10_000)
    assert response.status == 413
    assert (await response.json())["error"] == "too-large"


async def test_rate_limit_per_device_is_429(phone_factory: Factory) -> None:
    phone = await phone_factory(limiter_rate=1.0, burst=3)
    await phone.join()
    statuses = [(await phone.answer("mood", "o1")).status for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    phone.clock[0] += 1.0  # one token back after a second
    assert (await phone.answer("mood", "o2")).status == 200


async def test_security_headers_everywhere(phone_factory: Factory) -> None:
    phone = await phone_factory()
    await phone.join()
    for path in ("/", "/support", "/static/app.js", "/api/state", "/nope"):
        response = await phone.client.get(path)
        for name, value in HEADERS.items():
            if name == "Cache-Control" and path.startswith("/static/"):
                continue  # static files are cached by content hash (test_static_files)
            assert response.headers.get(name) == value, (path, name)
    for module in ("app.js", "form.js", "live.js"):  # module scripts need a JavaScript type
        js = await phone.client.get(f"/static/{module}")
        assert js.status == 200
        assert js.content_type in ("text/javascript", "application/javascript")


async def test_page_has_no_inline_script_or_remote_asset(phone_factory: Factory) -> None:
    phone = await phone_factory()
    await phone.join()
    html = await (await phone.client.get("/")).text()
    assert re.search(r'<script type="module" src="/static/app\.js\?v=[0-9a-f]{12}"', html)
    assert html.count("<script") == 1
    assert "http" not in html.replace("http-equiv", "")


async def test_support_page_needs_no_cookie(phone_factory: Factory) -> None:
    phone = await phone_factory()
    async with ClientSession() as fresh:
        response = await fresh.get(f"{phone.origin}/support")
        assert response.status == 200
        assert "Need support now?" in await response.text()


async def test_typed_room_code_joins_a_phone_that_cannot_scan(phone_factory: Factory) -> None:
    phone = await phone_factory()
    page = await phone.client.get("/")
    assert page.status == 403
    assert 'action="/join"' in await page.text()
    typed = " ".join(phone.room.code.lower())  # spaces and case do not matter
    response = await phone.client.post("/join", data={"code": typed},
                                       headers={"Origin": phone.origin}, allow_redirects=False)
    assert response.status == 303 and response.headers["Location"] == "/"
    assert phone.room.device_for(response.cookies[COOKIE].value) is not None
    assert (await phone.client.get("/")).status == 200


async def test_wrong_codes_are_refused_and_limited_for_everyone(phone_factory: Factory) -> None:
    phone = await phone_factory()
    headers = {"Origin": phone.origin}
    wrong = "ZZZZZZ"  # six characters: never a room code
    statuses = []
    for _ in range(21):
        response = await phone.client.post("/join", data={"code": wrong}, headers=headers)
        statuses.append(response.status)
    assert statuses == [403] * 20 + [429]
    # The right code still gets in: it is compared before the limiter is asked, and only
    # wrong codes spend from it (measured before: 6 of 6 right codes refused).
    right = await phone.client.post("/join", data={"code": phone.room.code}, headers=headers,
                                    allow_redirects=False)
    assert right.status == 303
    assert phone.room.device_count == 1
    again = await phone.client.post("/join", data={"code": wrong}, headers=headers)
    assert again.status == 429
    phone.clock[0] += 2.0  # the door reopens for one wrong try every two seconds
    assert (await phone.client.post("/join", data={"code": wrong},
                                    headers=headers)).status == 403
    missing_origin = await phone.client.post("/join", data={"code": phone.room.code})
    assert missing_origin.status == 403


async def test_wrong_code_page_escapes_nothing_it_was_sent(phone_factory: Factory) -> None:
    phone = await phone_factory()
    response = await phone.client.post("/join", data={"code": "<script>x</script>"},
                                       headers={"Origin": phone.origin})
    assert response.status == 403
    text = await response.text()
    assert "That room code is not right" in text
    assert "<script>x" not in text


async def test_null_origin_needs_a_same_origin_fetch_site(phone_factory: Factory) -> None:
    phone = await phone_factory()
    form = {"code": phone.room.code}
    cross = await phone.client.post("/join", data=form, allow_redirects=False,
                                    headers={"Origin": "null", "Sec-Fetch-Site": "cross-site"})
    assert cross.status == 403
    bare = await phone.client.post("/join", data=form, allow_redirects=False,
                                   headers={"Origin": "null"})
    assert bare.status == 403
    same = await phone.client.post("/join", data=form, allow_redirects=False,
                                   headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"})
    assert same.status == 303


async def test_answer_the_journal_cannot_save_is_503_and_not_counted(
        aiohttp_client: Any, tmp_path: Path) -> None:
    run = start_run(tmp_path, polls.ALL, session_hash="h", title="t")
    run.box.open("mood")
    client = await aiohttp_client(create_app(run.box, run.room, resource_path("web")))
    joined = await client.get(f"/j/{run.room.code}", params={"t": run.room.token},
                              allow_redirects=False)
    assert joined.status == 303
    origin = {"Origin": f"http://{client.host}:{client.port}"}
    with disk_full(run.journal):
        response = await client.post("/api/answer", json={"poll": "mood", "answer": "o1"},
                                     headers=origin)
        assert response.status == 503
        assert (await response.json())["error"] == "not-saved"
    assert run.box.results("mood").responses == 0
    assert run.journal.state().answers == {}
    # The disk has room again: the same phone's retry is saved and counted.
    retry = await client.post("/api/answer", json={"poll": "mood", "answer": "o1"},
                              headers=origin)
    assert retry.status == 200
    assert run.box.results("mood").responses == 1
    run.journal.close()


async def test_join_the_journal_cannot_save_is_503_page_without_cookie(
        aiohttp_client: Any, tmp_path: Path) -> None:
    run = start_run(tmp_path, polls.ALL, session_hash="h", title="t")
    client = await aiohttp_client(create_app(run.box, run.room, resource_path("web")))
    with disk_full(run.journal):
        response = await client.get(f"/j/{run.room.code}", params={"t": run.room.token},
                                    allow_redirects=False)
        assert response.status == 503
        assert "could not save your place" in await response.text()
        assert COOKIE not in response.cookies
        typed = await client.post("/join", data={"code": run.room.code}, allow_redirects=False,
                                  headers={"Origin": f"http://{client.host}:{client.port}"})
        assert typed.status == 503
    assert run.room.device_count == 0
    assert run.journal.state().devices == []
    run.journal.close()
