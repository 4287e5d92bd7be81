"""The server shrugs off idle, half-sent, excess and malformed clients (raw sockets).

A real PollServer on 127.0.0.1 with short timeouts and a small cap, so the rules can be
seen within a test; benchmarks/hostile_clients.py measures them at 1,000 sockets.
"""

from __future__ import annotations

import base64
import http.client
import json
import logging
import os
import socket
import struct
import time
from collections.abc import Iterator

import pytest

from facilitator.core.polls.ballot import BallotBox
from facilitator.core.polls.room import Room
from facilitator.services.assets import resource_path
from facilitator.web.app import COOKIE
from facilitator.web.guard import Limits
from facilitator.web.security import HEADERS
from facilitator.web.server import PollServer
from tests import polls


@pytest.fixture
def server() -> Iterator[PollServer]:
    box = BallotBox(polls.ALL)
    box.open("mood")
    served = PollServer(box, Room(), resource_path("web"), host="127.0.0.1", port=0,
                        limits=Limits(header_timeout=0.5, idle_timeout=2.0, max_connections=40))
    served.start()
    yield served
    served.stop()


def connect(server: PollServer) -> socket.socket:
    return socket.create_connection(("127.0.0.1", server.port), timeout=5)


def read_all(sock: socket.socket) -> bytes:
    chunks = []
    while True:
        try:
            chunk = sock.recv(65536)
        except (ConnectionResetError, TimeoutError):
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def head_and_body(raw: bytes) -> tuple[int, dict[str, str], bytes]:
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return status, headers, body


def join(server: PollServer) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    connection.request("GET", server.join_url.removeprefix(server.base_url))
    response = connection.getresponse()
    response.read()
    connection.close()
    assert response.status == 303
    return response.headers["Set-Cookie"].split(";")[0].split("=", 1)[1]


def test_a_silent_or_half_sent_connection_is_closed(server: PollServer) -> None:
    silent, partial = connect(server), connect(server)
    partial.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and never the blank line
    started = time.monotonic()
    assert read_all(silent) == b""  # closed by the server, nothing sent
    assert read_all(partial) == b""
    assert time.monotonic() - started < 4.5  # the header timeout, not the socket's 5 s
    silent.close()
    partial.close()


def test_beyond_the_cap_a_clear_503_page(server: PollServer) -> None:
    held = [connect(server) for _ in range(40)]
    try:
        time.sleep(0.1)
        extra = connect(server)
        status, headers, body = head_and_body(read_all(extra))
        extra.close()
        assert status == 503
        assert headers["content-type"].startswith("text/html")
        assert b"Too many connections" in body
        for name, value in HEADERS.items():
            assert headers[name.lower()] == value
    finally:
        for sock in held:
            sock.close()


def test_malformed_request_is_400_with_headers_no_echo_and_no_address(
        server: PollServer, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    marker = b"ZZMARKERZZ"
    for request in (b"GET /" + marker + b" HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
                    marker + b" / HTTP/1.1\r\n\r\n",
                    b"GET / HTTP/1.1\r\nHost: " + b"a" * 9000 + b"\r\n\r\n"):
        sock = connect(server)
        sock.sendall(request)
        status, headers, body = head_and_body(read_all(sock))
        sock.close()
        assert 400 <= status < 500
        assert marker not in body and b"aaaa" not in body
        for name, value in HEADERS.items():
            assert headers[name.lower()] == value, name
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "127.0.0.1" not in logged
    assert "Traceback" not in caplog.text
    # One line per kind of error per minute at most: three kinds, sent twice, three lines.
    for request in (b"GET /x HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", marker + b" / HTTP/1.1\r\n\r\n"):
        sock = connect(server)
        sock.sendall(request)
        assert head_and_body(read_all(sock))[0] == 400
        sock.close()
    lines = [r.getMessage() for r in caplog.records if r.name == "facilitator.web.requests"]
    assert len(lines) == len(set(lines)) <= 3, lines


def test_deep_json_is_400_not_500(server: PollServer) -> None:
    cookie = join(server)
    for body in (b"[" * 1800 + b"]" * 1800,
                 json.dumps({"poll": "mood", "answer": [[[[[[[[[["o1"]]]]]]]]]]}).encode()):
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
        connection.request("POST", "/api/answer", body=body, headers={
            "Content-Type": "application/json", "Origin": server.base_url,
            "Cookie": f"{COOKIE}={cookie}"})
        response = connection.getresponse()
        assert response.status == 400
        assert json.loads(response.read())["error"] == "bad-json"
        connection.close()


def test_405_says_allow(server: PollServer) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    connection.request("DELETE", "/api/answer", headers={"Origin": server.base_url})
    response = connection.getresponse()
    response.read()
    connection.close()
    assert response.status == 405
    assert "POST" in response.headers["Allow"]


def test_people_get_pages_and_the_api_gets_json(server: PollServer) -> None:
    # A visit by another name (localhost): a page that says where to go, not raw JSON.
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    connection.request("GET", "/", headers={"Host": f"localhost:{server.port}"})
    response = connection.getresponse()
    page = response.read().decode()
    assert response.status == 403 and "text/html" in response.headers["Content-Type"]
    assert "address shown under the QR code" in page
    connection.request("GET", "/api/state", headers={"Host": f"localhost:{server.port}"})
    response = connection.getresponse()
    assert response.status == 403 and json.loads(response.read())["error"] == "forbidden"
    connection.close()


def test_static_files_are_gzipped_and_cached(server: PollServer) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    cookie = join(server)
    connection.request("GET", "/", headers={"Cookie": f"{COOKIE}={cookie}"})
    page = connection.getresponse().read().decode()
    src = page.split('<script type="module" src="', 1)[1].split('"', 1)[0]
    assert src.startswith("/static/app.js?v=")
    connection.request("GET", src, headers={"Accept-Encoding": "gzip"})
    response = connection.getresponse()
    zipped = response.read()
    assert response.headers["Content-Encoding"] == "gzip"
    assert "immutable" in response.headers["Cache-Control"]
    connection.request("GET", "/static/app.js")
    plain = connection.getresponse()
    body = plain.read()
    assert len(zipped) < len(body) / 2
    assert plain.headers["Cache-Control"] == "no-cache"
    connection.request("GET", "/static/app.js", headers={"If-None-Match": plain.headers["ETag"]})
    again = connection.getresponse()
    again.read()
    connection.close()
    assert again.status == 304


def _upgrade(server: PollServer, cookie: str) -> socket.socket:
    sock = connect(server)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nUpgrade: websocket\r\n"
                  f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                  f"Sec-WebSocket-Version: 13\r\nOrigin: {server.base_url}\r\n"
                  f"Cookie: {COOKIE}={cookie}\r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        head += sock.recv(1)
    assert head.startswith(b"HTTP/1.1 101")
    return sock


def _frames_until_close(sock: socket.socket) -> int | None:
    """Read frames; the close code the server sent, or None if the socket just ended."""
    data = read_all(sock)
    while len(data) >= 2:
        opcode, length = data[0] & 0x0F, data[1] & 0x7F
        offset = 2
        if length == 126:
            length, offset = struct.unpack("!H", data[2:4])[0], 4
        elif length == 127:
            length, offset = struct.unpack("!Q", data[2:10])[0], 10
        payload = data[offset:offset + length]
        if opcode == 0x8:
            return int(struct.unpack("!H", payload[:2])[0]) if len(payload) >= 2 else 1005
        data = data[offset + length:]
    return None


def _masked(payload: bytes) -> bytes:
    mask = os.urandom(4)
    return bytes([0x81, 0x80 | len(payload)]) + mask + bytes(
        b ^ mask[i % 4] for i, b in enumerate(payload))


def test_unmasked_client_frames_are_refused(server: PollServer) -> None:
    """RFC 6455 5.1: a server must close the connection on an unmasked client frame."""
    cookie = join(server)
    sock = _upgrade(server, cookie)
    sock.sendall(_masked(b"hi") * 3 + b"\x81\x05hello")  # masked frames pass, then no mask
    code = _frames_until_close(sock)
    sock.close()
    assert code == 1002  # protocol error
    # A masked frame on its own is fine: the socket stays open and gets state.
    good = _upgrade(server, cookie)
    good.sendall(_masked(b"hello"))
    good.settimeout(1.0)
    assert good.recv(2)[0] == 0x81  # the server's first state message
    good.close()
