"""`facilitator check FILE...`: validate session files and summarise them."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from facilitator.core.session.diagnostics import Diagnostic
from facilitator.core.session.loader import LoadResult, load_session
from facilitator.core.session.model import Session
from facilitator.core.support.refs import check_resource_refs
from facilitator.services.assets import support_region
from facilitator.services.settings import Settings
from facilitator.services.user_settings import load_user_settings


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check session files and summarise them",
        description="Check session files. Exit 0 when all load (warnings allowed), 1 otherwise.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--json", action="store_true", help="print one JSON object per file")
    parser.add_argument("--no-fit", action="store_true",
                        help="skip the projector test (every slide drawn at 1280x720 with "
                             "your region and local services, as `render` does)")
    parser.set_defaults(handler=run)


def counted(number: object, noun: str) -> str:
    """"1 poll", "8 polls": the summaries read as sentences, whatever the count."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def summary(session: Session) -> dict[str, object]:
    return {
        "slides": len(session.slides),
        "sections": len(session.sections),
        "prompts": len(session.prompts),
        "polls": len(session.polls),
        "minutes": round(session.minutes, 1) if session.minutes % 1 else int(session.minutes),
    }


def load_checked(path: str | Path) -> LoadResult:
    """Load a session and check what the loader cannot see: its support entries exist."""
    result = load_session(path)
    if result.session is not None:
        result.errors.extend(check_resource_refs(result.session, str(path), support_region))
        if result.errors:
            result.session = None
    return result


FIT_SIZE = (1280, 720)


def fit_errors(path: str | Path, session: Session, user_settings: Settings) -> list[Diagnostic]:
    """Every slide that would not fit on a 1280x720 projector with this facilitator's
    region and local services, drawn offscreen by the projector's own renderer.

    Qt is imported here and only here, so `check --no-fit` stays pure Python and fast.
    """
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from facilitator.qt.slides.export import fit_problems, gui_application
    from facilitator.qt.style import theme_named
    from facilitator.services.support_source import support_from_settings

    _app = gui_application()
    support, _problems = support_from_settings(session, user_settings)  # render reports these
    where = f"region {support.default_region}, {len(support.local)} local services"
    width, height = FIT_SIZE
    out = []
    slides = session.slides
    for problem in fit_problems(session, width, height, theme_named(user_settings.theme), support):
        line = slides[problem.number - 1].line or 1
        out.append(Diagnostic(str(path), line, 1, f"{problem} at {width}x{height} ({where}); "
                              "shorten it or move some of it to another slide"))
    return out


def run(args: argparse.Namespace) -> int:
    status = 0
    user_settings = None if args.no_fit else load_user_settings(args)
    for path in args.files:
        result = load_checked(path)
        if result.session is not None and user_settings is not None:
            # Not fitting is an error: a clipped emergency line must stop the session here,
            # not surprise the facilitator on the wall.
            result.errors.extend(fit_errors(path, result.session, user_settings))
            if result.errors:
                result.session = None
        for problem in result.errors:
            print(problem, file=sys.stderr)
        if result.session is None:
            status = 1
            continue
        if args.json:
            data = summary(result.session) | {"warnings": [str(w) for w in result.warnings]}
            print(json.dumps(data))
            continue
        for warning in result.warnings:
            print(warning, file=sys.stderr)
        counts = summary(result.session)
        print(
            f"{path}: ok: {counted(counts['slides'], 'slide')}, "
            f"{counted(counts['sections'], 'section')}, {counted(counts['prompts'], 'prompt')}, "
            f"{counted(counts['polls'], 'poll')}, {counts['minutes']} minutes"
            + (f", {counted(len(result.warnings), 'warning')}" if result.warnings else "")
        )
    return status
