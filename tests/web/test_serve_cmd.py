"""`facilitator serve`: first line `Join: URL`, a browser-usable URL, clean stop, clear errors."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import urllib.request

from facilitator.services.assets import slide_file


def start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "facilitator", "serve", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy(),
    )


def test_serve_prints_join_url_first_and_stops_on_sigint() -> None:
    process = start(str(slide_file()), "--host", "127.0.0.1", "--port", "0", "--poll",
                    "room-check")
    try:
        assert process.stdout is not None
        first = process.stdout.readline().strip()
        assert first.startswith("Join: http://127.0.0.1:")
        url = first.removeprefix("Join: ")
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        with opener.open(url, timeout=5) as page:  # follows the redirect with the cookie
            assert page.url.endswith("/")
            assert "Anonymous: no names" in page.read().decode()
        state_url = url.split("/j/")[0] + "/api/state"
        with opener.open(state_url, timeout=5) as state:
            assert b'"id": "room-check"' in state.read()
        with opener.open(url.split("/j/")[0] + "/support", timeout=5) as support:
            text = support.read().decode()
        assert "988" in text and 'href="tel:988"' in text
    finally:
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=10)
    assert process.returncode == 0, err
    assert "Traceback" not in err


def test_serve_unknown_poll_and_bad_file_are_clear() -> None:
    process = start(str(slide_file()), "--host", "127.0.0.1", "--poll", "nope")
    _out, err = process.communicate(timeout=30)
    assert process.returncode == 1
    assert "no poll with id 'nope'" in err and "room-check" in err
    missing = start("/no/such/file.md", "--host", "127.0.0.1")
    _out, err = missing.communicate(timeout=30)
    assert missing.returncode == 1
    assert "Traceback" not in err and err.strip()


def test_serve_bad_host_is_a_message_not_a_traceback() -> None:
    process = start(str(slide_file()), "--host", "203.0.113.9", "--port", "0")
    _out, err = process.communicate(timeout=30)
    assert process.returncode == 1
    assert "cannot listen on 203.0.113.9" in err
    assert "Traceback" not in err


def test_serve_without_port_uses_the_settings_port() -> None:
    import socket
    from pathlib import Path

    with socket.socket() as probe:  # a port nobody holds, to write in the settings
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = Path(os.environ["FACILITATOR_CONFIG"])
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(f"port = {port}\n", encoding="utf-8")
    process = start(str(slide_file()), "--host", "127.0.0.1")
    try:
        assert process.stdout is not None
        first = process.stdout.readline().strip()
    finally:
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=10)
    assert first.startswith(f"Join: http://127.0.0.1:{port}/j/"), (first, err)
