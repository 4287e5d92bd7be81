"""`facilitator doctor`'s verdicts on real things: a free port, a port this test holds, a
machine with loopback only (the interface table handed in), slides too long for 1024x768,
and the real phone server answering on the address it listens on."""

from __future__ import annotations

import json
import socket
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from facilitator.__main__ import main
from facilitator.core.network import Interface
from facilitator.qt.dialogs import room_probes
from facilitator.qt.dialogs.room_check import RoomCheckDialog
from facilitator.services import assets
from facilitator.services.preflight import advice, net_check
from facilitator.services.preflight.checks import Probes, Request, run_all
from facilitator.services.preflight.net_check import NetworkProbe, check_port
from facilitator.services.preflight.session_check import load
from facilitator.services.preflight.verdict import Level, Line, exit_code, to_json
from facilitator.services.settings import Settings

LOOPBACK_ONLY = NetworkProbe(
    interfaces=lambda: [Interface("lo", "lo", ("127.0.0.1", "::1"), loopback=True)],
    route=lambda: None,
)

OVERLONG = """---
title: Overlong
---

# Part (5 min)

## Too much

""" + "\n".join(f"- Point number {i} that goes on for a while longer" for i in range(30)) + "\n"

SHORT = """---
title: Short
---

# Part (5 min)

## One

- A point
"""


@pytest.fixture
def held_port() -> Iterator[int]:
    """A port another program is listening on (this test, on 127.0.0.1)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        yield other.getsockname()[1]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def network_lines(port: int) -> list[Line]:
    return [line for line in run_all(Request(port=port), Settings(), Probes(LOOPBACK_ONLY,
            printers=lambda: [])) if line.area == "network"]


def test_a_free_port_is_ok() -> None:
    # Other processes on this shared machine take ports all the time: a port free a moment
    # ago may be taken by the time it is checked, so a few fresh ones get a chance.
    verdicts = []
    for _ in range(5):
        port = free_port()
        actual, line = check_port(port)
        verdicts.append((actual, line.level, line.text))
        if verdicts[-1] == (port, Level.OK, f"port {port} is free"):
            return
    raise AssertionError(f"no free port was called free: {verdicts}")


def test_a_busy_port_warns_and_names_the_port_phones_would_use(held_port: int) -> None:
    actual, line = check_port(held_port)
    assert line.level is Level.WARNING
    assert line.text == f"port {held_port} is in use by another program"
    assert actual != held_port and f"port {actual} instead" in line.advice


def test_loopback_only_is_a_problem_with_the_hotspot_advice() -> None:
    lines = network_lines(free_port())
    first = lines[0]
    assert first.level is Level.PROBLEM
    assert first.text == "no network phones can reach (loopback only)"
    assert "hotspot" in first.advice
    assert exit_code(lines) == 1
    assert json.loads(to_json(lines))["checks"][0]["level"] == "problem"


def test_slides_that_do_not_fit_1024x768_are_a_problem(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings()
    probes = Probes(LOOPBACK_ONLY, screens=room_probes.screen_probe(settings),
                    printers=lambda: [])
    overlong = tmp_path / "overlong.md"
    overlong.write_text(OVERLONG, encoding="utf-8")
    lines = run_all(Request(overlong, port=free_port(), screen=(1024, 768)), settings, probes)
    screens = [line for line in lines if line.area == "screens"]
    assert [line.level for line in screens] == [Level.OK, Level.PROBLEM]
    assert screens[1].text == "1 of 1 slides do not fit at 1024x768: slide 1 ('Too much')"
    assert "--size 1024x768" in screens[1].advice

    short = tmp_path / "short.md"
    short.write_text(SHORT, encoding="utf-8")
    lines = run_all(Request(short, port=free_port(), screen=(1024, 768)), settings, probes)
    assert [line.text for line in lines if line.area == "screens"][1] == \
        "all 1 slides fit at 1024x768"


def test_the_real_server_answers_and_a_phone_that_joins_is_counted() -> None:
    session, _ = load(assets.slide_file())
    assert session is not None
    joined: list[str] = []

    def phone_scans(url: str) -> None:  # the facilitator's phone, over loopback
        phone = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        with phone.open(url, timeout=5) as response:
            joined.append(response.url)

    lines = net_check.check_lan(session, Settings(), "127.0.0.1", 0,
                                NetworkProbe(hold=phone_scans))
    assert [line.level for line in lines] == [Level.OK, Level.OK]
    assert lines[0].text.startswith("the phone server answers on 127.0.0.1:")
    assert "/j/" in lines[0].detail and "firewall" in lines[0].detail
    assert lines[1].text == "1 phone(s) joined while you looked"
    assert joined and joined[0].endswith("/")


def test_firewall_advice_is_in_words_for_each_os() -> None:
    assert "Windows Defender Firewall" in advice.firewall(8765, "Windows")
    assert "Allow incoming connections" in advice.firewall(8765, "Darwin")
    assert "ufw allow 8765/tcp" in advice.firewall(8765, "Linux")


def test_doctor_refuses_a_bad_screen_size(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["doctor", "--screen", "big"]) == 2
    assert "--screen 'big' should look like 1280x720" in capsys.readouterr().err


def test_the_console_dialog_shows_the_same_lines(qtbot: QtBot) -> None:
    lines = network_lines(free_port())
    dialog = RoomCheckDialog(lambda: lines)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(lines)
    assert dialog.table.item(0, 0).text() == "Problem"
    assert dialog.table.item(0, 2).text() == lines[0].text
    assert "1 problem(s)" in dialog.summary.text()


def test_the_terminal_qr_scans_as_the_join_url() -> None:
    """Each character is two modules stacked; a terminal draws the block characters in its
    (light) text colour on its (dark) background, which is what this picture redraws."""
    import zxingcpp
    from PIL import Image

    url = "http://192.168.1.23:8765/j/K7Q4M?t=dQsvIhwMSA0U5VwN9kH6-w"
    rows = net_check.terminal_qr(url).splitlines()
    halves = {"█": (1, 1), "▀": (1, 0), "▄": (0, 1), " ": (0, 0), "\xa0": (0, 0)}
    scale = 8
    image = Image.new("L", (len(rows[0]) * scale, len(rows) * 2 * scale), 0)
    for y, row in enumerate(rows):
        for x, char in enumerate(row):
            for half, lit in enumerate(halves[char]):
                if lit:
                    image.paste(255, (x * scale, (2 * y + half) * scale,
                                      (x + 1) * scale, (2 * y + half + 1) * scale))
    found = zxingcpp.read_barcodes(image)
    assert [code.text for code in found] == [url]


def doctor(*args: str) -> tuple[int, dict[str, object]]:
    """`facilitator doctor ... --json` in its own process, as a facilitator runs it."""
    import os
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "facilitator", "doctor", *args, "--json"],
                          capture_output=True, text=True, timeout=120, env=os.environ.copy())
    assert "Traceback" not in done.stderr, done.stderr
    report: dict[str, object] = json.loads(done.stdout)
    return done.returncode, report


def levels(report: dict[str, object], area: str) -> list[tuple[str, str]]:
    checks = report["checks"]
    assert isinstance(checks, list)
    return [(c["level"], c["text"]) for c in checks if c["area"] == area]


def test_doctor_command_exits_1_for_slides_too_long_and_0_when_they_fit(tmp_path: Path) -> None:
    overlong = tmp_path / "overlong.md"
    overlong.write_text(OVERLONG, encoding="utf-8")
    status, report = doctor(str(overlong), "--host", "127.0.0.1", "--port", "0",
                            "--screen", "1024x768")
    assert status == 1 and report["problems"] == 1
    assert levels(report, "screens")[1] == (
        "problem", "1 of 1 slides do not fit at 1024x768: slide 1 ('Too much')")
    network = levels(report, "network")
    assert [level for level, _ in network] == ["ok", "ok", "ok"]
    assert network[2][1].startswith("the phone server answers on 127.0.0.1:")

    short = tmp_path / "short.md"
    short.write_text(SHORT, encoding="utf-8")
    status, report = doctor(str(short), "--host", "127.0.0.1", "--port", "0",
                            "--screen", "1024x768")
    assert status == 0 and report["problems"] == 0
    assert levels(report, "screens")[1] == ("ok", "all 1 slides fit at 1024x768")


def test_doctor_command_on_a_busy_port_warns_and_serves_on_the_next(held_port: int) -> None:
    status, report = doctor("--host", "127.0.0.1", "--port", str(held_port), "--screen",
                            "1280x720")
    network = levels(report, "network")
    assert network[1] == ("warning", f"port {held_port} is in use by another program")
    assert network[2][0] == "ok" and f"127.0.0.1:{held_port}" not in network[2][1]
    assert status == 0  # warnings alone do not fail
