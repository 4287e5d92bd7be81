"""`facilitator run [FILE]` (and `facilitator` alone): open the presenter on a session.

FILE defaults to the bundled session, so a new user sees a real session first.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.services import assets
from facilitator.services.user_settings import load_user_settings_and_problems

if TYPE_CHECKING:  # imported when used: the cover must be on screen before the slow part
    from facilitator.core.session.model import Session
    from facilitator.qt.presenter.cover import Cover

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


def windows_can_show() -> bool:
    """Whether a facilitator could see a window here: a display, and not Qt's offscreen
    platform (nobody looks at an offscreen window, and a modal one would wait forever)."""
    return not no_display_message() and os.environ.get("QT_QPA_PLATFORM") != "offscreen"


def checked_session(path: Path, cover: Cover | None = None) -> tuple[Session | None, Path]:
    """The session to present and its file. A file with mistakes prints them on stderr
    and, when windows can show, lists them in a window that offers another file (a
    facilitator who started the app from a launcher has no terminal to read); the
    `cover` showing the file's title goes before that window opens."""
    from facilitator.cli.check_cmd import load_checked  # the Markdown parser and the checks

    while True:
        result = load_checked(path)
        problems = [str(error) for error in result.errors]
        if result.session is not None and not result.session.slides:
            problems.append(f"{path}: the session has no slides to present")
        for problem in problems:
            print(problem, file=sys.stderr)
        if not problems and result.session is not None:
            for warning in result.warnings:
                print(warning, file=sys.stderr)
            return result.session, path
        if not windows_can_show():
            return None, path
        from facilitator.qt.dialogs.session_errors import ask_for_another_file
        from facilitator.qt.presenter.cover import close_cover

        close_cover(cover)
        cover = None
        chosen = ask_for_another_file(path, problems)
        if chosen is None:
            return None, path
        path = chosen


def run(args: argparse.Namespace) -> int:
    port: int | None = args.port
    if port is not None and not 0 <= port <= 65535:
        print(f"--port {port}: must be 0..65535", file=sys.stderr)
        return 2
    display_problem = no_display_message()
    if display_problem:  # the file's mistakes first, then why no window can open
        session, path = checked_session(session_path(args))
        if session is not None:
            load_user_settings_and_problems(args)
            print(display_problem, file=sys.stderr)
        return 1
    user_settings, notices = load_user_settings_and_problems(args)
    from facilitator.qt.presenter.cover import close_cover, open_cover
    from facilitator.qt.style import theme_named

    # The title on screen at once; parsing the session and building the windows follow.
    cover = open_cover(session_path(args), theme_named(args.theme or user_settings.theme))
    if cover is not None:
        from facilitator.desktop.first_paint import stamp_cover  # benchmarks/startup.py's

        stamp_cover(cover.painted_at)
    try:
        session, path = checked_session(session_path(args), cover)
        if session is None:
            return 1
        from facilitator.desktop import launch as app

        return app.run(session, user_settings, theme=args.theme or "",
                       file=path, resume=args.resume,
                       host=args.host or None, port=port,
                       settings_path=Path(args.config) if args.config else None,
                       notices=notices, cover=cover)
    finally:
        close_cover(cover)  # whatever happened: no title card left over the desktop
