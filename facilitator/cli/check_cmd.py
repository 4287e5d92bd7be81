"""`facilitator check FILE...`: validate session files and summarise them."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from facilitator.core.session.loader import LoadResult, load_session
from facilitator.core.session.model import Session
from facilitator.core.support.refs import check_resource_refs
from facilitator.services.assets import support_region


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check session files and summarise them",
        description="Check session files. Exit 0 when all load (warnings allowed), 1 otherwise.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--json", action="store_true", help="print one JSON object per file")
    parser.set_defaults(handler=run)


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


def run(args: argparse.Namespace) -> int:
    status = 0
    for path in args.files:
        result = load_checked(path)
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
            f"{path}: ok: {counts['slides']} slides, {counts['sections']} sections, "
            f"{counts['prompts']} prompts, {counts['polls']} polls, {counts['minutes']} minutes"
            + (f", {len(result.warnings)} warnings" if result.warnings else "")
        )
    return status
