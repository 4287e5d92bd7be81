"""`facilitator render FILE --out DIR`: every slide as the projector shows it, as PNGs
(slide-001.png...) and optionally one PDF. Exit 2 when any slide does not fit."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from facilitator.cli.check_cmd import load_checked
from facilitator.cli.run_cmd import THEME_NAMES
from facilitator.services.user_settings import load_user_settings

SIZE = re.compile(r"^(\d{2,5})x(\d{2,5})$")
DOES_NOT_FIT = 2


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "render",
        help="write every slide as a PNG (and a PDF) the way the projector shows it",
        description="Render every slide to DIR/slide-001.png... Exit 2 if a slide does not fit.",
    )
    parser.add_argument("file", metavar="FILE", help="session file")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the images")
    parser.add_argument("--size", default="1280x720", metavar="WxH",
                        help="image size in pixels (default 1280x720)")
    parser.add_argument("--theme", choices=THEME_NAMES, help="theme (default: your settings)")
    parser.add_argument("--pdf", action="store_true", help="also write DIR/slides.pdf")
    parser.set_defaults(handler=run)


def parse_size(text: str) -> tuple[int, int] | None:
    match = SIZE.match(text.strip().lower())
    if not match:
        return None
    width, height = int(match.group(1)), int(match.group(2))
    if not (160 <= width <= 7680 and 90 <= height <= 4320):
        return None
    return width, height


def run(args: argparse.Namespace) -> int:
    size = parse_size(args.size)
    if size is None:
        print(f"render: --size {args.size!r} should look like 1280x720 "
              "(160x90 to 7680x4320)", file=sys.stderr)
        return 1
    result = load_checked(args.file)
    for problem in result.errors:
        print(problem, file=sys.stderr)
    if result.session is None:
        return 1
    user_settings = load_user_settings(args)
    # Rendering needs no window: without a display, draw offscreen instead of failing.
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from facilitator.qt.slides.export import export_pdf, export_pngs, gui_application
    from facilitator.qt.style import theme_named
    from facilitator.services.support_source import support_from_settings

    _app = gui_application()
    session = result.session
    theme = theme_named(args.theme or user_settings.theme)
    support, problems = support_from_settings(session, user_settings)
    for text in problems:
        print(text, file=sys.stderr)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        print(f"render: --out {out} is a file; give a folder for the slide images",
              file=sys.stderr)
        return 1
    try:
        exported = export_pngs(session, out, *size, theme, support)
        if args.pdf:
            export_pdf(session, out / "slides.pdf", *size, theme, support)
    except OSError as error:
        print(f"render: cannot write to {error.filename or out}: {error.strerror or error}",
              file=sys.stderr)
        return 1
    for slide_problem in exported.problems:
        print(f"warning: {args.file}: {slide_problem}", file=sys.stderr)
    extra = " and slides.pdf" if args.pdf else ""
    print(f"Wrote {len(exported.files)} slides{extra} to {out} ({size[0]}x{size[1]}, {theme.name})")
    return DOES_NOT_FIT if exported.problems else 0
