"""`facilitator print FILE --out DIR`: handout, resource cards, facilitator guide (and poster)."""

from __future__ import annotations

import argparse
import sys
import time as clock
from datetime import datetime, time
from pathlib import Path

from facilitator.cli.check_cmd import load_checked
from facilitator.core.support.regions import REGION_CODES, SupportError
from facilitator.printing import PrintError
from facilitator.services import materials
from facilitator.services.user_settings import load_user_settings


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "print",
        help="write the handout, resource cards and facilitator guide as PDFs",
        description="Write handout.pdf, cards.pdf and guide.pdf (and poster.pdf with "
        "--join-url) for a session file.",
    )
    parser.add_argument("file", metavar="FILE", help="session file (Markdown)")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder to write into")
    parser.add_argument("--paper", choices=("a4", "letter"), help="default: from settings")
    parser.add_argument("--region", choices=REGION_CODES,
                        help="support resources; default: settings, then the session's own")
    parser.add_argument("--what", default="", metavar="LIST",
                        help="comma-separated: handout,cards,guide,poster "
                        "(default: handout,cards,guide, plus poster with --join-url)")
    parser.add_argument("--start", type=_clock_time, metavar="HH:MM",
                        help="session start, for clock times in the guide's agenda")
    parser.add_argument("--card-back", choices=("prompt", "check"), default="prompt",
                        help="card backs: the reflection prompt (default) or a short self-check")
    parser.add_argument("--join-url", default="", metavar="URL",
                        help="the phone server's join URL, for the poster")
    parser.add_argument("--room-code", default="", metavar="CODE", help="room code on the poster")
    parser.add_argument("--allow-local", action="store_true",
                        help="accept a loopback or link-local join URL (for tests: phones "
                        "cannot open it)")
    parser.set_defaults(handler=run)


def _clock_time(value: str) -> time:
    try:
        return datetime.strptime(value, "%H:%M").time()
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected HH:MM, got {value!r}") from None


def run(args: argparse.Namespace) -> int:
    result = load_checked(args.file)
    for error in [*result.errors, *result.warnings]:
        print(error, file=sys.stderr)
    if result.session is None or result.errors:
        return 1
    user = load_user_settings(args)
    _local, local_problems = user.local_entries()
    if local_problems:  # printed cards last: fix the entry rather than print without it
        for message in local_problems:
            print(f"facilitator print: {message}", file=sys.stderr)
        return 2
    documents = [name.strip() for name in args.what.split(",") if name.strip()]
    if not documents:
        documents = [*materials.DEFAULT_DOCUMENTS] + (["poster"] if args.join_url else [])
    started = clock.perf_counter()
    try:
        ctx = materials.context(result.session, user, paper=args.paper or "",
                                region=args.region or "", start=args.start,
                                card_back=args.card_back)
        pdfs = materials.render(result.session, ctx, documents, args.join_url, args.room_code,
                                args.allow_local)
    except (PrintError, SupportError) as error:
        print(f"facilitator print: {error}", file=sys.stderr)
        return 2
    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, pdf in pdfs.items():
            (out / f"{name}.pdf").write_bytes(pdf)
    except OSError as error:
        print(f"facilitator print: cannot write to {out}: {error.strerror}", file=sys.stderr)
        return 2
    elapsed = clock.perf_counter() - started
    names = ", ".join(f"{name}.pdf" for name in pdfs)
    print(f"{out}: {names} ({ctx.paper}, {ctx.region.name}, {elapsed:.2f} s)")
    return 0
