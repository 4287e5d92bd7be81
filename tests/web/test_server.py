"""The server thread: binds, moves past a busy port, refuses unknown hosts, stops cleanly."""

from __future__ import annotations

import http.client
import socket
import threading
from collections.abc import Iterator

import pytest

from facilitator.core.polls.ballot import BallotBox
from facilitator.core.polls.room import Room, RoomStatus
from facilitator.core.polls.snapshot import BallotSnapshot
from facilitator.services.assets import resource_path
from facilitator.web.server import PollServer
from tests import polls


def make_server(port: int = 0) -> PollServer:
    return PollServer(BallotBox(polls.ALL), Room(), resource_path("web"), host="127.0.0.1",
                      port=port, interval=0.0)


@pytest.fixture
def server() -> Iterator[PollServer]:
    running = make_server()
    running.start()
    yield running
    running.stop()


def get(port: int, path: str, host: str | None = None) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    headers = {"Host": host} if host else {}
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def test_join_url_and_redirect(server: PollServer) -> None:
    assert server.port > 0
    url = server.join_url
    assert url.startswith(f"http://127.0.0.1:{server.port}/j/{server.room.code}?t=")
    response = get(server.port, url.split(str(server.port), 1)[1])
    assert response.status == 303
    assert "HttpOnly" in response.headers["Set-Cookie"]
    assert "SameSite=Strict" in response.headers["Set-Cookie"]


def test_unknown_host_header_is_refused(server: PollServer) -> None:
    # A DNS-rebinding page would arrive with its own host name.
    assert get(server.port, "/support", host=f"evil.example:{server.port}").status == 403
    assert get(server.port, "/support").status == 200


def test_busy_port_moves_to_the_next(server: PollServer) -> None:
    second = make_server(server.port)
    second.start()
    try:
        assert second.port > server.port
        assert get(second.port, "/support").status == 200
    finally:
        second.stop()


def test_stop_releases_the_port_and_the_thread() -> None:
    running = make_server()
    running.start()
    port = running.port
    running.stop()
    assert not running.running
    assert not any(t.name == "facilitator-web" and t.is_alive() for t in threading.enumerate())
    probe = socket.socket()
    probe.bind(("127.0.0.1", port))  # would raise if the port were still held
    probe.close()
    running.stop()  # twice is harmless


def test_bad_host_is_a_readable_error() -> None:
    broken = PollServer(BallotBox(polls.ALL), Room(), resource_path("web"), host="203.0.113.9",
                        port=0)
    with pytest.raises(OSError, match=r"cannot listen on 203\.0\.113\.9"):
        broken.start()


def test_call_runs_on_the_loop_and_subscribers_hear(server: PollServer) -> None:
    heard: list[tuple[BallotSnapshot, RoomStatus]] = []
    done = threading.Event()

    def on_change(snapshot: BallotSnapshot, status: RoomStatus) -> None:
        heard.append((snapshot, status))
        if snapshot.current == "word":
            done.set()

    server.subscribe(on_change)
    server.call(server.box.open, "word").result(5)
    assert done.wait(5)
    snapshot, status = heard[-1]
    assert snapshot.polls["word"].state.status == "open"
    assert status.code == server.room.code


def test_restarting_on_the_same_box_leaves_one_listener() -> None:
    box = BallotBox(polls.ALL)
    room = Room()
    for _ in range(3):
        server = PollServer(box, room, resource_path("web"), host="127.0.0.1", port=0)
        server.start()
        server.stop()
    assert box._listeners == []
    box.open("mood")  # no closed server is poked from this thread


def test_a_failing_subscriber_does_not_stop_the_others(server: PollServer) -> None:
    heard = threading.Event()

    def broken(_snapshot: BallotSnapshot, _status: RoomStatus) -> None:
        raise RuntimeError("window already closed")

    server.subscribe(broken)
    server.subscribe(lambda snapshot, _status: heard.set() if snapshot.current else None)
    server.call(server.box.open, "mood").result(5)
    assert heard.wait(5)


def test_the_box_belongs_to_the_loop_while_it_runs(server: PollServer) -> None:
    with pytest.raises(AssertionError, match="owner thread"):
        server.box.open("mood")  # from the test's thread: refused, not raced
    server.call(server.box.open, "mood").result(5)  # on the loop: fine
    server.stop()
    server.box.close("mood")  # the loop is gone: the stopping thread owns the box again


def test_a_stop_that_times_out_leaves_the_box_to_the_loop() -> None:
    server = make_server()
    server.start()
    release = threading.Event()
    server.call(release.wait, 10)  # a handler stuck on the loop (a full disk, say)
    try:
        assert server.stop(timeout=0.3) is False
        with pytest.raises(AssertionError, match="owner thread"):
            server.box.open("mood")
    finally:
        release.set()
    assert server.stop() is True  # once the loop is free it stops as usual
    server.box.open("mood")


def test_without_a_host_the_loop_runs_with_no_socket() -> None:
    server = PollServer(BallotBox(polls.ALL), Room(), resource_path("web"), host=None,
                        interval=0.0)
    heard: list[BallotSnapshot] = []
    server.subscribe(lambda snapshot, _status: heard.append(snapshot))
    server.start()
    try:
        assert server.running and not server.listening
        assert server.join_url == "" and server.port == 0
        server.call(server.box.open, "mood").result(5)
        deadline = threading.Event()
        for _ in range(50):
            if heard and heard[-1].current == "mood":
                break
            deadline.wait(0.05)
        assert heard and heard[-1].current == "mood"
    finally:
        assert server.stop() is True


def test_starting_a_running_server_again_is_refused(server: PollServer) -> None:
    with pytest.raises(RuntimeError, match="already running"):
        server.start()


def test_a_failed_start_hands_the_box_back() -> None:
    server = PollServer(BallotBox(polls.ALL), Room(), resource_path("web"),
                        host="203.0.113.9", port=0)  # not this machine's: refused at once
    with pytest.raises(OSError):
        server.start()
    server.box.open("mood")  # the caller owns the box again, not the dead bind thread
