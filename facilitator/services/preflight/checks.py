"""All the checks, in the order a facilitator would walk the room: session, network,
screens, sound, printing. `doctor` and the console's dialog both call `run_all`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from facilitator.core.session.model import Session
from facilitator.services import assets
from facilitator.services.preflight import (
    net_check,
    printer_check,
    screen_check,
    session_check,
    sound_check,
)
from facilitator.services.preflight.net_check import NetworkProbe
from facilitator.services.preflight.printer_check import PrinterSource, lpstat_printers
from facilitator.services.preflight.screen_check import ScreenProbe
from facilitator.services.preflight.sound_check import SoundProbe
from facilitator.services.preflight.verdict import Line
from facilitator.services.settings import Settings


@dataclass(frozen=True)
class Probes:
    """What the checks read from the machine. Screens and sound need Qt: the caller (cli or
    the console) fills them in, or leaves them None and those lines say "not checked"."""

    network: NetworkProbe = field(default_factory=NetworkProbe)
    screens: ScreenProbe | None = None
    sound: SoundProbe | None = None
    printers: PrinterSource = lpstat_printers


@dataclass(frozen=True)
class Request:
    session_file: Path | None = None  # None: the bundled session
    port: int | None = None  # None: the settings' port
    host: str | None = None  # the address to serve on; None: the default-route interface's
    screen: tuple[int, int] | None = None  # the projector size to test, instead of asking Qt
    serving: tuple[str, int] | None = None  # a server already running (the console's own)
    settings_file: str = "the settings file"
    session: Session | None = None  # already loaded (the console's): not read again


def _session_lines(request: Request) -> tuple[Session | None, list[Line]]:
    if request.session is not None:
        return request.session, [session_check.summary(request.session, "this session")]
    return session_check.load(request.session_file or assets.slide_file())


def run_all(request: Request, settings: Settings, probes: Probes) -> list[Line]:
    session, lines = _session_lines(request)
    if session is not None:
        lines += session_check.check_support(session, settings, request.settings_file)
        # The network check serves a real session; a broken file falls back to the bundled
        # one so the room's network is still checked.
    serve_with = session if session is not None and session.polls else None
    if serve_with is None:
        serve_with, _ = session_check.load(assets.slide_file())
    if serve_with is not None:
        lines += net_check.run(serve_with, settings, request.port, probes.network,
                               request.serving, request.host)
    lines += screen_check.run(session, probes.screens, request.screen)
    lines += sound_check.run(settings, probes.sound)
    region = settings.region or (session.region if session else "") or "us"
    lines += printer_check.run(settings, region, probes.printers)
    return lines
