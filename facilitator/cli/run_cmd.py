"""`facilitator run [FILE]` (and `facilitator` alone): open the presenter on a session.

FILE defaults to the bundled session, so a new user sees a real session first.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from facilitator.cli.check_cmd import load_checked
from facilitator.services import assets
from facilitator.services.user_settings import load_user_settings

THEME_NAMES = ("dark", "light", "high-contrast")  # facilitator.qt.style.THEMES; tested equal


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "run",
        help="open the presenter (the default when no command is given)",
        description="Open the projector and the facilitator console on a session file.",
    )
    parser.add_argument("file", nargs="?", metavar="FILE",
                        help="session file (default: the bundled session)")
    parser.add_argument("--theme", choices=THEME_NAMES, help="projector theme for this run")
    parser.add_argument("--resume", action="store_true",
                        help="continue this file's run that a crash interrupted: same slide, "
                        "same room code, every answer kept")
    parser.add_argument("--host", metavar="ADDRESS",
                        help="address phones join on (default: this machine's LAN address, "
                        "picked automatically; use this when it picks the wrong network)")
    parser.add_argument("--port", type=int, metavar="P",
                        help="port for phones (default: the settings' port, 8765; a busy port "
                        "moves to the next; 0 = any free port)")
    parser.set_defaults(handler=run)


def session_path(args: argparse.Namespace) -> Path:
    return Path(args.file) if args.file else assets.slide_file()


def no_display_message() -> str:
    """Why the app cannot open here ("" when it can): on Linux without X11 or Wayland, Qt
    would abort with a platform-plugin error instead of a sentence."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return ""
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return ""
    return ("facilitator: no display found, so the presenter windows cannot open. Run it in "
            "a desktop session; to export slides without one use `facilitator render FILE "
            "--out DIR`.")


def run(args: argparse.Namespace) -> int:
    port: int | None = args.port
    if port is not None and not 0 <= port <= 65535:
        print(f"--port {port}: must be 0..65535", file=sys.stderr)
        return 2
    result = load_checked(session_path(args))
    for problem in result.errors:
        print(problem, file=sys.stderr)
    if result.session is None:
        return 1
    if not result.session.slides:
        print(f"{session_path(args)}: the session has no slides to present", file=sys.stderr)
        return 1
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    user_settings = load_user_settings(args)
    display_problem = no_display_message()
    if display_problem:
        print(display_problem, file=sys.stderr)
        return 1
    from facilitator.desktop import (
        desktop_app as app,  # Qt loads only when a window is really wanted
    )

    return app.run(result.session, user_settings, theme=args.theme or "",
                   file=session_path(args), resume=args.resume,
                   host=args.host or None, port=port,
                   settings_path=Path(args.config) if args.config else None)
