"""Log lines name no address and do not repeat; port 80 is reachable by its bare host."""

from __future__ import annotations

import logging

from facilitator.web.logs import OncePerPeriod
from facilitator.web.security import allowed_hosts


def record(msg: str, *args: object, exc: BaseException | None = None) -> logging.LogRecord:
    info = (type(exc), exc, None) if exc else None
    return logging.LogRecord("aiohttp.server", logging.ERROR, __file__, 1, msg, args, info)


def test_one_line_per_kind_per_minute_without_address_or_traceback() -> None:
    now = [0.0]
    quiet = OncePerPeriod(60.0, clock=lambda: now[0])
    first = record("Error handling request from %s", "192.168.1.23", exc=ValueError("x"))
    assert quiet.filter(first)
    text = first.getMessage()
    assert "192.168" not in text and "ValueError" in text and first.exc_info is None
    assert not quiet.filter(record("Error handling request from %s", "10.0.0.9"))
    other = record("socket.accept() out of system resource: %s", "fe80::1%eth0 [::1]:8765")
    assert quiet.filter(other)  # another kind of error gets its own line
    assert "::1" not in other.getMessage() and "8765" not in other.getMessage()
    now[0] = 61.0
    assert quiet.filter(record("Error handling request from %s", "10.0.0.9"))


def test_port_80_allows_the_host_without_a_port() -> None:
    assert allowed_hosts("192.168.1.5", 80) == {"192.168.1.5:80", "192.168.1.5"}
    assert allowed_hosts("192.168.1.5", 8765) == {"192.168.1.5:8765"}
