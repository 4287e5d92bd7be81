"""Network: the interface and address phones will use, whether the port is free, whether the
server answers on that LAN address (not only on loopback), and the join URL as a QR code."""

from __future__ import annotations

import errno
import io
import socket
import sys
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

import qrcode

from facilitator.core.network import Interface, url_host
from facilitator.core.session.model import Session
from facilitator.services.interfaces import (
    InterfaceSource,
    RouteSource,
    default_route_address,
    system_interfaces,
    usable_interfaces,
)
from facilitator.services.poll_service import PollService
from facilitator.services.preflight import advice
from facilitator.services.preflight.verdict import Level, Line
from facilitator.services.settings import Settings

AREA = "network"
# How many ports after a busy one the server tries (web.server moves on the same way).
_NEXT_PORTS = 20


@dataclass(frozen=True)
class NetworkProbe:
    """Where interfaces come from (injectable: a test hands in a loopback-only machine), and
    `hold(url)`, called while the test server runs so a facilitator can scan the QR."""

    interfaces: InterfaceSource = system_interfaces
    route: RouteSource = default_route_address
    hold: Callable[[str], None] | None = None


def port_free(port: int) -> bool:
    """Whether nobody listens on `port` on any of this machine's addresses."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        if sys.platform != "win32":  # a closing connection (TIME_WAIT) does not count
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("0.0.0.0", port))
        except OSError as error:
            if error.errno in (errno.EADDRINUSE, errno.EACCES, getattr(errno, "WSAEADDRINUSE", -1)):
                return False
            raise
    return True


def terminal_qr(url: str) -> str:
    """The URL as a QR code in text, for a terminal (dark on light, as phones expect)."""
    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_L)
    code.add_data(url)
    out = io.StringIO()
    code.print_ascii(out=out, invert=True)
    return out.getvalue()


def check_interface(probe: NetworkProbe, host: str | None) -> tuple[Interface | None, Line]:
    if host is not None:  # the facilitator named the address (e.g. a hotspot's)
        return Interface("--host", "the address given", (host,)), Line(
            AREA, Level.OK, f"phones will use {host} (given with --host)")
    found = usable_interfaces(probe.interfaces, probe.route)
    if not found:
        return None, Line(AREA, Level.PROBLEM, "no network phones can reach (loopback only)",
                          f"Connect the laptop to the room's Wi-Fi. {advice.HOTSPOT}.")
    chosen = found[0]
    others = f"; also {', '.join(i.label for i in found[1:])}" if found[1:] else ""
    return chosen, Line(AREA, Level.OK, f"phones will use {chosen.label} at {chosen.address}"
                        f"{others}")


def check_port(port: int) -> tuple[int, Line]:
    """The port the server would end up on, and the verdict on the one asked for."""
    if port == 0:
        return 0, Line(AREA, Level.OK, "port: any free port (0)",
                       "A fixed port is easier to allow through a firewall.")
    if port_free(port):
        return port, Line(AREA, Level.OK, f"port {port} is free")
    for other in range(port + 1, min(port + _NEXT_PORTS, 65535) + 1):
        if port_free(other):
            return other, Line(
                AREA, Level.WARNING, f"port {port} is in use by another program",
                f"Phones would join on port {other} instead; close the other program, or "
                f"allow {other} through the firewall too.")
    return port, Line(AREA, Level.PROBLEM, f"ports {port}-{port + _NEXT_PORTS} are all in use",
                      "Pick another port with --port (or `port` in the settings file).")


def _answers(url: str) -> str:
    """"" when the server gives a page at `url`, else why not."""
    try:
        with urllib.request.urlopen(url, timeout=3) as response:
            return "" if response.status == 200 else f"HTTP {response.status}"
    except OSError as error:  # URLError, timeouts and refusals are all OSErrors
        return str(getattr(error, "reason", error))


def check_serving(host: str, port: int, probe: NetworkProbe) -> list[Line]:
    """A server already running (the console's own): does it answer on its LAN address?"""
    url = f"http://{url_host(host)}:{port}/support"
    failure = _answers(url)
    if failure:
        return [Line(AREA, Level.PROBLEM, f"the phone server does not answer at {url} "
                     f"({failure})", advice.when_phones_cannot_join(port))]
    return [Line(AREA, Level.OK, f"phones join at {url_host(host)}:{port}, and the server "
                 "answers there",
                 "Open that address on your own phone to be sure the Wi-Fi lets phones in.")]


def check_lan(session: Session, settings: Settings, host: str, port: int,
              probe: NetworkProbe) -> list[Line]:
    """Start the real phone server on the LAN address, fetch a page from that address, and
    show the join URL as a QR code (kept open while `probe.hold` runs)."""
    service = PollService(session, settings)
    try:
        server = service.start(host, port)
    except OSError as error:
        return [Line(AREA, Level.PROBLEM, f"the phone server cannot start on {host}:{port} "
                     f"({error.strerror or error})", advice.when_phones_cannot_join(port))]
    try:
        url = f"{server.base_url}/support"
        failure = _answers(url)
        if failure:
            return [Line(AREA, Level.PROBLEM, f"the server does not answer on its LAN address "
                         f"{url_host(host)}:{server.port} ({failure})",
                         advice.when_phones_cannot_join(server.port))]
        detail = (f"{terminal_qr(server.join_url)}{server.join_url}\n"
                  f"{advice.when_phones_cannot_join(server.port)}")
        lines = [Line(AREA, Level.OK, f"the phone server answers on {url_host(host)}:"
                      f"{server.port}, not only on loopback",
                      "Scan the join QR with your own phone to be sure the Wi-Fi lets phones "
                      "in.", detail)]
        if probe.hold is not None:
            probe.hold(server.join_url)
            joined: int = server.call(lambda: server.room.device_count).result(timeout=5)
            lines.append(Line(AREA, Level.OK, f"{joined} phone(s) joined while you looked")
                         if joined else
                         Line(AREA, Level.WARNING, "no phone joined while you looked",
                              advice.when_phones_cannot_join(server.port)))
        return lines
    finally:
        service.stop()


def run(session: Session, settings: Settings, port: int | None, probe: NetworkProbe,
        serving: tuple[str, int] | None = None, host: str | None = None) -> list[Line]:
    """Every network line. `serving`: the address and port of a server already running (the
    console asks about its own); then nothing new is started."""
    if serving is not None:  # the app already chose its network: ask that server
        return check_serving(*serving, probe)
    wanted = settings.port if port is None else port
    chosen, line = check_interface(probe, host)
    lines = [line]
    actual, port_line = check_port(wanted)
    lines.append(port_line)
    if chosen is None or port_line.level is Level.PROBLEM:
        return lines
    return [*lines, *check_lan(session, settings, chosen.address, actual, probe)]
