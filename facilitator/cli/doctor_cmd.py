"""`facilitator doctor [SESSION]`: is this room ready? Network, screens, sound, printing and
the session, one line each: OK / WARNING / PROBLEM and what to do. Exit 1 on any problem.

The checks live in `services.preflight` (the console's "Check the room" runs the same ones).
Qt is imported only for the screens and sound checks, and not at all with `--no-qt`.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path

from facilitator.cli.render_cmd import parse_size
from facilitator.services import settings as settings_module
from facilitator.services.preflight.checks import Probes, Request, run_all
from facilitator.services.preflight.net_check import NetworkProbe
from facilitator.services.preflight.verdict import exit_code, format_line, to_json
from facilitator.services.settings import Settings
from facilitator.services.user_settings import load_user_settings


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "doctor",
        help="check the room before a session: network, screens, sound, printing",
        description="Check this laptop and room before a session. Each line is OK, WARNING "
        "or PROBLEM with what to do. Exit 1 when there is a problem.",
    )
    parser.add_argument("file", nargs="?", metavar="SESSION",
                        help="session file (default: the bundled session)")
    parser.add_argument("--screen", metavar="WxH",
                        help="the projector's size, to test every slide at (e.g. 1024x768)")
    parser.add_argument("--host", help="address phones will use (default: this machine's LAN "
                        "address on the default-route interface)")
    parser.add_argument("--port", type=int, help="port to check (default: the settings' port)")
    parser.add_argument("--json", action="store_true", help="print the lines as JSON")
    parser.add_argument("--wait", action="store_true",
                        help="keep the test server up until Enter, so you can scan the join "
                        "QR with your phone; then say whether it joined")
    parser.add_argument("--no-qt", action="store_true", help=argparse.SUPPRESS)
    parser.set_defaults(handler=run)


def _hold(url: str) -> None:
    print(f"\nScan the QR above (or open {url}) with your phone, then press Enter here.",
          flush=True)
    try:
        input()
    except EOFError:
        pass


def _qt_probes(settings: Settings) -> Probes:
    """Screens, slide fit and the chime need Qt: imported only now."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") \
            and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display: still measure
    from facilitator.qt.dialogs import room_probes
    from facilitator.qt.slides.export import gui_application

    gui_application()
    return Probes(screens=room_probes.screen_probe(settings), sound=room_probes.play_chime,
                  printers=room_probes.printers)


def run(args: argparse.Namespace) -> int:
    screen = None
    if args.screen:
        screen = parse_size(args.screen)
        if screen is None:
            print(f"doctor: --screen {args.screen!r} should look like 1280x720",
                  file=sys.stderr)
            return 2
    if args.port is not None and not 0 <= args.port <= 65535:
        print(f"doctor: --port {args.port}: must be 0..65535", file=sys.stderr)
        return 2
    if args.file and not Path(args.file).is_file():
        print(f"doctor: {args.file}: no such file", file=sys.stderr)
        return 2
    settings = load_user_settings(args)
    probes = Probes() if args.no_qt else _qt_probes(settings)
    wait = args.wait and not args.json
    probes = dataclasses.replace(probes, network=NetworkProbe(hold=_hold if wait else None))
    request = Request(Path(args.file) if args.file else None, args.port, args.host, screen,
                      settings_file=str(args.config or settings_module.default_path()))
    lines = run_all(request, settings, probes)
    if args.json:
        print(to_json(lines))
    else:
        for line in lines:
            print(format_line(line), flush=True)
            if line.detail:
                print(line.detail, flush=True)
    return exit_code(lines)
