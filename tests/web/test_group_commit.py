"""Group commit (`core.polls.answer_batch`) over HTTP: answers reaching the server in one
turn of its loop are journaled in one transaction, each acknowledged only after it.

A real `PollServer` on its thread with a real run journal, and phones on raw keep-alive
sockets. To make several answers arrive in the same turn, the server's loop is held on a
`threading.Event` while every phone sends; released, it finds them all waiting at once.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator.core.runs.resume import Run, start_run
from facilitator.services.assets import resource_path
from facilitator.web.app import COOKIE
from facilitator.web.server import PollServer
from tests import polls
from tests.disk_full import disk_full

PHONES = 6


class RawPhone:
    """One phone on one keep-alive HTTP/1.1 connection, speaking bytes."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.file = self.sock.makefile("rb")
        self.cookie = ""

    def send(self, method: str, path: str, body: bytes = b"", **headers: str) -> None:
        lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{self.port}",
                 f"Content-Length: {len(body)}"]
        if self.cookie:
            lines.append(f"Cookie: {COOKIE}={self.cookie}")
        lines += [f"{name.replace('_', '-')}: {value}" for name, value in headers.items()]
        self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body)

    def receive(self) -> tuple[int, dict[str, str], bytes]:
        status = int(self.file.readline().split()[1])
        headers: dict[str, str] = {}
        while (line := self.file.readline().decode().strip()):
            name, _, value = line.partition(":")
            headers[name.lower()] = headers.get(name.lower(), "") + value.strip()
        return status, headers, self.file.read(int(headers.get("content-length", "0")))

    def join(self, path: str) -> None:
        self.send("GET", path)
        status, headers, _ = self.receive()
        assert status == 303
        self.cookie = headers["set-cookie"].split(";")[0].split("=", 1)[1]

    def send_answer(self, poll: str, value: str) -> None:
        body = json.dumps({"poll": poll, "answer": value}).encode()
        self.send("POST", "/api/answer", body, Origin=f"http://127.0.0.1:{self.port}",
                  Content_Type="application/json")

    def close(self) -> None:
        self.file.close()
        self.sock.close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[PollServer, Run]]:
    run = start_run(tmp_path, polls.ALL, session_hash="h", title="t")
    run.room.devices_per_address = PHONES  # every phone here shares 127.0.0.1
    server = PollServer(run.box, run.room, resource_path("web"), host="127.0.0.1", port=0)
    server.start()
    server.call(run.box.open, "mood").result(5)
    yield server, run
    server.stop()
    run.journal.close()


def joined_phones(server: PollServer) -> list[RawPhone]:
    phones = [RawPhone(server.port) for _ in range(PHONES)]
    for phone in phones:
        phone.join(server.join_url.removeprefix(server.base_url))
    return phones


def all_at_once(server: PollServer, phones: list[RawPhone], values: list[str]
                ) -> list[tuple[int, dict[str, object]]]:
    """Every phone sends its answer while the server's loop is held, then it is let go."""
    gate, holding = threading.Event(), threading.Event()

    def hold() -> None:
        holding.set()
        gate.wait(10)

    server.call(hold)
    assert holding.wait(5)
    for phone, value in zip(phones, values, strict=True):
        phone.send_answer("mood", value)
    gate.set()
    replies = []
    for phone in phones:
        status, _, body = phone.receive()
        replies.append((status, json.loads(body)))
    return replies


def count_transactions(server: PollServer, run: Run) -> list[str]:
    """The journal's own connection, traced (on the server's loop, its owner)."""
    begun: list[str] = []

    def trace(statement: str) -> None:
        if statement.startswith("BEGIN"):
            begun.append(statement)

    # The journal's connection is private; tracing it is the only way to see commits.
    server.call(run.journal._db.set_trace_callback, trace).result(5)
    return begun


def test_answers_of_one_turn_are_one_transaction_and_all_acknowledged(
        served: tuple[PollServer, Run]) -> None:
    server, run = served
    phones = joined_phones(server)
    try:
        begun = count_transactions(server, run)
        values = ["o1", "o2", "o3", "o4", "o1", "o2"]
        replies = all_at_once(server, phones, values)
    finally:
        for phone in phones:
            phone.close()
    assert [status for status, _ in replies] == [200] * PHONES
    assert [body["answer"] for _, body in replies] == values
    assert len(begun) == 1  # six answers, one commit
    stored = server.call(run.journal.state).result(5).answers["mood"]
    assert sorted(stored.values()) == sorted(values)
    assert server.call(lambda: run.box.results("mood").responses).result(5) == PHONES


def test_a_failed_commit_answers_every_phone_503_and_keeps_none(
        served: tuple[PollServer, Run]) -> None:
    server, run = served

    def held() -> list[object]:
        return [run.box.answer_of("mood", key) for key in run.room.devices()]

    phones = joined_phones(server)
    try:
        first = all_at_once(server, phones[:2], ["o1", "o1"])  # two answers already held
        assert [status for status, _ in first] == [200, 200]
        begun = count_transactions(server, run)
        with disk_full(run.journal, frames=True):
            replies = all_at_once(server, phones, ["o2"] * PHONES)
        assert len(begun) == 1  # one transaction tried, for all six
        assert [status for status, _ in replies] == [503] * PHONES
        assert {body["error"] for _, body in replies} == {"not-saved"}
        # The box kept none of the batch: the two earlier answers are unchanged.
        assert sorted(map(str, server.call(held).result(5))) == ["None"] * 4 + ["o1", "o1"]
        assert sorted(server.call(run.journal.state).result(5).answers["mood"].values()) \
            == ["o1", "o1"]
        # The disk has room again: the same answers, resent, are saved.
        retried = all_at_once(server, phones, ["o2"] * PHONES)
        assert [status for status, _ in retried] == [200] * PHONES
    finally:
        for phone in phones:
            phone.close()
    assert sorted(map(str, server.call(held).result(5))) == ["o2"] * PHONES


def test_errors_in_a_batch_stay_with_their_own_answer(served: tuple[PollServer, Run]) -> None:
    server, run = served
    phones = joined_phones(server)
    try:
        replies = all_at_once(server, phones[:3], ["o1", "no-such-option", "o3"])
    finally:
        for phone in phones:
            phone.close()
    assert [status for status, _ in replies] == [200, 400, 200]
    stored = server.call(run.journal.state).result(5).answers["mood"]
    assert sorted(stored.values()) == ["o1", "o3"]


def test_an_unexpected_error_answers_500_and_never_leaves_a_phone_waiting(
        served: tuple[PollServer, Run], monkeypatch: pytest.MonkeyPatch) -> None:
    server, run = served

    def broken(_items: object) -> list[object]:
        raise RuntimeError("a bug in the box")

    monkeypatch.setattr(run.box, "submit_many", broken)
    phones = joined_phones(server)
    try:
        replies = all_at_once(server, phones[:2], ["o1", "o2"])  # sockets time out after 10 s
    finally:
        for phone in phones:
            phone.close()
    assert [(status, body["error"]) for status, body in replies] == [(500, "internal")] * 2
