"""Hostile input against the real server: fuzzed requests, floods, oversized and nasty text.

The server runs as in the app (PollServer on its own thread, 127.0.0.1, a run journal);
requests come from http.client and raw sockets, so nothing is smoothed over by a client.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.core.polls.ratelimit import RateLimiter
from facilitator.core.runs.journal import file_hash
from facilitator.core.runs.resume import Run, start_run
from facilitator.core.session.loader import load_session
from facilitator.services.assets import resource_path, slide_file
from facilitator.web.app import COOKIE
from facilitator.web.security import HEADERS
from facilitator.web.server import PollServer

TEXT_POLL = "takeaway"
CHOICE_POLL = "room-check"
OPTION = "occasionally-numb"


@dataclass
class Served:
    server: PollServer
    run: Run
    cookie: str

    @property
    def origin(self) -> str:
        return self.server.base_url

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, bytes, http.client.HTTPMessage]:
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.read(), response.headers
        finally:
            connection.close()

    def post_answer(self, poll: str, answer: object, cookie: str | None = None) -> tuple[int, dict]:
        self.server.call(self.run.box.set_current, poll).result(5)  # its slide is up
        body = json.dumps({"poll": poll, "answer": answer}).encode()
        status, data, _ = self.request(
            "POST",
            "/api/answer",
            body,
            {
                "Content-Type": "application/json",
                "Origin": self.origin,
                "Cookie": f"{COOKIE}={cookie or self.cookie}",
            },
        )
        return status, json.loads(data)

    def stored(self, poll: str) -> list[object]:
        def answers() -> list[object]:
            return list(self.run.box.results(poll).pending) + [
                self.run.box.answer_of(poll, key) for key in self.run.room.devices()
            ]

        return self.server.call(answers).result(10)


def join(served: PollServer) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=10)
    path = served.join_url.removeprefix(served.base_url)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    assert response.status == 303
    cookie = response.headers["Set-Cookie"].split(";")[0].split("=", 1)[1]
    connection.close()
    return cookie


def make_server(tmp_path: Path, limiter: RateLimiter | None = None) -> Served:
    session = load_session(slide_file()).session
    assert session is not None
    run = start_run(
        tmp_path, session.polls, session_hash=file_hash(slide_file().read_bytes()), title="t"
    )
    run.box.open(CHOICE_POLL)
    run.box.open(TEXT_POLL)
    run.room.devices_per_address = 100  # every test client shares 127.0.0.1
    server = PollServer(
        run.box, run.room, resource_path("web"), host="127.0.0.1", port=0, limiter=limiter
    )
    server.start()
    return Served(server, run, join(server))


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    # A limit high enough that fuzzed answers reach validation instead of the limiter.
    result = make_server(tmp_path, RateLimiter(rate=1e6, burst=10**6))
    yield result
    result.server.stop()
    result.run.journal.close()


# -- fuzzing -------------------------------------------------------------------------------

PATHS = [
    "/",
    "/support",
    "/api/state",
    "/api/answer",
    "/ws",
    "/static/app.js",
    "/static/style.css",
    "/static/../../../etc/passwd",
    "/static/%2e%2e/%2e%2e/etc/passwd",
    "/j/ABCDE?t=x",
    "/j/",
    "/favicon.ico",
    "/api/answer?poll=x",
    "//",
    "/%00",
    "/api/%ff",
    "/" + "a" * 4000,
]
URL_CHARS = st.characters(min_codepoint=33, max_codepoint=126)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5)
    ),
    max_leaves=20,
)


@st.composite
def hostile_requests(
    draw: st.DrawFn, served: Served
) -> tuple[str, str, bytes | None, dict[str, str]]:
    method = draw(
        st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE"])
        | st.text(st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), min_size=1, max_size=12)
    )
    path = draw(st.sampled_from(PATHS) | st.text(URL_CHARS, max_size=60).map(lambda t: "/" + t))
    if draw(st.booleans()):
        path = path.replace("ABCDE", served.run.room.code)
    answer_body = st.fixed_dictionaries(
        {
            "poll": st.sampled_from([CHOICE_POLL, TEXT_POLL, "nope", ""]) | st.text(max_size=20),
            "answer": json_values,
        }
    ).map(lambda d: json.dumps(d).encode())
    body = draw(
        st.none()
        | st.binary(max_size=3000)
        | json_values.map(lambda v: json.dumps(v).encode())
        | answer_body
    )
    headers: dict[str, str] = {}
    content_type = draw(
        st.none()
        | st.sampled_from(
            [
                "application/json",
                "text/plain",
                "application/json; charset=latin-1",
                "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded",
                "*/*",
                ";;;",
            ]
        )
    )
    if content_type:
        headers["Content-Type"] = content_type
    origin = draw(st.sampled_from([served.origin, "http://evil.example", "null", "", None]))
    if origin is not None:
        headers["Origin"] = origin
    cookie = draw(st.sampled_from([served.cookie, "garbage", "x" * 300, None]))
    if cookie is not None:
        headers["Cookie"] = f"{COOKIE}={cookie}"
    if draw(st.booleans()):
        headers["Connection"] = "Upgrade"
        headers["Upgrade"] = draw(st.sampled_from(["websocket", "h2c", "garbage"]))
        if draw(st.booleans()):
            headers["Sec-WebSocket-Key"] = draw(st.sampled_from(["dGhlIHNhbXBsZSBub25jZQ==", "x"]))
            headers["Sec-WebSocket-Version"] = draw(st.sampled_from(["13", "8", "x"]))
    if draw(st.booleans()):
        headers["Host"] = draw(st.sampled_from(["evil.example", "127.0.0.1", "", "a" * 300]))
    return method, path, body, headers


def test_fuzzed_requests_never_get_a_5xx(served: Served) -> None:
    seen: set[int] = set()

    @settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(request=hostile_requests(served))
    def check(request: tuple[str, str, bytes | None, dict[str, str]]) -> None:
        method, path, body, headers = request
        if "Upgrade" in headers and headers["Upgrade"] == "websocket" and path == "/ws":
            headers["Connection"] = "close"  # an accepted socket would stay open forever
        status, _, _ = served.request(method, path, body, headers)
        seen.add(status)
        assert status < 500, (method, path, headers, body)

    check()
    assert {200, 400, 403, 404}.issubset(seen), seen
    status, data, _ = served.request(
        "GET", "/api/state", headers={"Cookie": f"{COOKIE}={served.cookie}"}
    )
    assert status == 200 and json.loads(data)["state"]["room"] == served.run.room.code


@pytest.fixture(scope="module")
def raw_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """One server for every raw-socket example (hypothesis runs them in one test call)."""
    served = make_server(tmp_path_factory.mktemp("raw"))
    yield served
    served.server.stop()
    served.run.journal.close()


@settings(max_examples=150, deadline=None)
@given(data=st.binary(min_size=1, max_size=2000))
def test_raw_garbage_on_the_socket_gets_a_4xx_or_nothing(data: bytes, raw_server: Served) -> None:
    with socket.create_connection(("127.0.0.1", raw_server.server.port), timeout=5) as raw:
        raw.sendall(data + b"\r\n\r\n")
        raw.shutdown(socket.SHUT_WR)
        reply = b""
        try:
            while chunk := raw.recv(65536):
                reply += chunk
        except (ConnectionResetError, TimeoutError):
            pass
    if reply:
        status = int(reply.split(b" ", 2)[1])
        assert status < 500, reply[:200]


def test_malformed_requests_get_a_4xx_and_the_server_still_answers(raw_server: Served) -> None:
    for garbage in MALFORMED:
        with socket.create_connection(("127.0.0.1", raw_server.server.port), timeout=5) as raw:
            raw.sendall(garbage)
            reply = raw.recv(65536)
        status = int(reply.split(b" ", 2)[1])
        assert 400 <= status < 500, (garbage[:80], reply[:100])
    status, _, _ = raw_server.request("GET", "/support")
    assert status == 200


MALFORMED = [
    b"GARBAGE\r\n\r\n",
    b"GET / HTTP/9.9\r\n\r\n",
    b"GET / HTTP/1.1\r\nno colon here\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nX: " + b"a" * 20_000 + b"\r\n\r\n",
    b"POST /api/answer HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
    b"POST /api/answer HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
]


# -- limits -----------------------------------------------------------------------------


def test_oversized_body_is_413_json(served: Served) -> None:
    body = json.dumps({"poll": TEXT_POLL, "answer": "x" * 10_000}).encode()
    status, data, headers = served.request(
        "POST",
        "/api/answer",
        body,
        {
            "Content-Type": "application/json",
            "Origin": served.origin,
            "Cookie": f"{COOKIE}={served.cookie}",
        },
    )
    assert status == 413
    assert headers["Content-Type"].startswith("application/json")
    assert json.loads(data)["error"] == "too-large"


def test_a_burst_from_one_phone_is_429(tmp_path: Path) -> None:
    served = make_server(tmp_path)  # the real per-device limit
    try:
        statuses = [served.post_answer(CHOICE_POLL, OPTION)[0] for _ in range(40)]
    finally:
        served.server.stop()
        served.run.journal.close()
    assert statuses[0] == 200
    assert statuses.count(429) >= 20, statuses
    assert set(statuses) <= {200, 429}


async def test_ten_thousand_fresh_devices_from_one_address_are_limited(tmp_path: Path) -> None:
    served = await asyncio.to_thread(make_server, tmp_path)
    join_path = served.server.join_url.removeprefix(served.server.base_url)
    outcome: dict[str, int] = {}
    jar = aiohttp.DummyCookieJar()  # every attempt is a fresh device: no cookie kept
    connector = aiohttp.TCPConnector(limit=50)
    try:
        async with aiohttp.ClientSession(
            served.server.base_url, cookie_jar=jar, connector=connector
        ) as client:

            async def fresh_device() -> None:
                async with client.get(join_path, allow_redirects=False) as joined:
                    cookie = joined.cookies.get(COOKIE)
                    outcome[f"join {joined.status}"] = outcome.get(f"join {joined.status}", 0) + 1
                headers = {"Origin": served.origin}
                if cookie is not None:
                    headers["Cookie"] = f"{COOKIE}={cookie.value}"
                async with client.post(
                    "/api/answer", json={"poll": CHOICE_POLL, "answer": OPTION}, headers=headers
                ) as answered:
                    key = f"answer {answered.status}"
                    outcome[key] = outcome.get(key, 0) + 1

            for _batch in range(20):
                await asyncio.gather(*(fresh_device() for _ in range(500)))
        counted = await asyncio.to_thread(
            lambda: served.server.call(
                lambda: served.run.box.results(CHOICE_POLL).responses
            ).result(10)
        )
    finally:
        await asyncio.to_thread(served.server.stop)
        served.run.journal.close()
    assert sum(v for k, v in outcome.items() if k.startswith("answer")) == 10_000
    # The burst plus what the refill allows during the run; far from 10,000.
    assert outcome.get("answer 200", 0) <= 60, outcome
    assert counted == outcome.get("answer 200", 0)
    assert outcome.get("join 429", 0) >= 9_900, outcome
    assert not any(k.endswith(tuple("5" + d for d in ("00", "01", "02", "03"))) for k in outcome)


# -- nasty text is stored and served as text ----------------------------------------------

NASTY = {
    "<script>alert(1)</script>": "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>': '"><img src=x onerror=alert(1)>',
    "abc\u202edcba": "abcdcba",  # RTL override: a format character, dropped
    "zero\u200bwidth\u200djoin\ufeff": "zerowidthjoin",
    "<b>bold</b> &amp; &lt;": "<b>bold</b> &amp; &lt;",
}


def test_nasty_open_text_is_stored_verbatim_as_text(served: Served) -> None:
    cookies = [join(served.server) for _ in NASTY]
    for cookie, text in zip(cookies, NASTY, strict=True):
        status, body = served.post_answer(TEXT_POLL, text, cookie)
        assert status == 200, body
        assert body["answer"] == NASTY[text]
    stored = served.stored(TEXT_POLL)
    assert set(NASTY.values()) <= set(stored)
    journal = served.run.journal.export()["polls"][TEXT_POLL]["answers"]
    assert set(NASTY.values()) <= set(journal)
    # Too long for a text answer but under the body limit: a clear 400, not a truncation.
    status, body = served.post_answer(TEXT_POLL, "y" * 2000, cookies[0])
    assert status == 400 and body["error"] == "invalid"
    # Served back as JSON, never as HTML, with the strict headers.
    status, data, headers = served.request(
        "GET", "/api/state", headers={"Cookie": f"{COOKIE}={cookies[0]}"}
    )
    assert headers["Content-Type"].startswith("application/json")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Security-Policy"] == HEADERS["Content-Security-Policy"]
    assert json.loads(data)["state"]["poll"]["id"] == TEXT_POLL
