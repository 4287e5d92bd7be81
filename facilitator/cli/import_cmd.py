"""`facilitator import ARTICLE --out SESSION.md [--minutes N]`: draft a session from an article.

Without --minutes the session is as long as its material (rounded up to 5, at least 15):
a short article is not stretched to fill an hour.

The draft is checked with the same checks as `facilitator check` before the command says
it is done, so what it prints is what the facilitator will see when they open the file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from facilitator.cli.check_cmd import counted, load_checked, summary
from facilitator.core.importer.draft import (
    ArticleError,
    OutputExistsError,
    import_to_file,
)
from facilitator.core.importer.minutes import MAX_SESSION_MINUTES, MIN_SESSION_MINUTES
from facilitator.core.importer.phrases import LANGUAGES
from facilitator.core.session.blocks import REGIONS
from facilitator.ingest.article_file import read_article

MIN_MINUTES, MAX_MINUTES = MIN_SESSION_MINUTES, MAX_SESSION_MINUTES


def minutes_value(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{text}" is not a whole number of minutes') from None
    if not MIN_MINUTES <= value <= MAX_MINUTES:
        raise argparse.ArgumentTypeError(
            f"{value} minutes is outside {MIN_MINUTES}-{MAX_MINUTES}"
        )
    return value


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f'"{text}" is not a whole number of sections (1 or more)')
    return int(text)


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "import",
        help="draft a session file from an article (.txt, .md, .html, .docx, .pdf)",
        description=(
            "Read an article (plain text, Markdown, a saved web page, a Word file or a PDF "
            "with a text layer) and write a session file to edit: "
            "sections from its headings, notes from its key sentences, polls and charts "
            "from its tables, prompts from its questions, minutes planned to fit."
        ),
    )
    parser.add_argument(
        "article", metavar="ARTICLE", help="a .txt, .md, .html, .docx or .pdf article"
    )
    parser.add_argument("--out", required=True, metavar="SESSION.md", help="session file to write")
    parser.add_argument(
        "--minutes", type=minutes_value, default=None, metavar="N",
        help=f"planned length of the session, {MIN_MINUTES}-{MAX_MINUTES} (default: as long "
        "as the article's material takes, rounded up to 5 minutes, at least 15)",
    )
    parser.add_argument(
        "--region", choices=REGIONS, default="us",
        help="support resources to show (default us)",
    )
    parser.add_argument(
        "--language", choices=LANGUAGES, default=None,
        help="language of the generated wording (default: the article's, detected)",
    )
    parser.add_argument(
        "--max-sections", type=_positive, default=None, metavar="K",
        help="keep only the article's first K sections (for an article longer than a session)",
    )
    parser.add_argument("--force", action="store_true", help="replace SESSION.md if it exists")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    article, out = Path(args.article), Path(args.out)
    try:
        result = import_to_file(
            article, out, args.minutes, args.region, args.force, args.language, read_article,
            args.max_sections,
        )
    except OutputExistsError as error:
        print(f"{error}; use --force to replace it", file=sys.stderr)
        return 1
    except ArticleError as error:
        print(error, file=sys.stderr)
        return 1
    checked = load_checked(out)
    for problem in [*checked.errors, *checked.warnings]:
        print(problem, file=sys.stderr)
    if checked.session is None:
        return 1
    counts = summary(checked.session)
    length = (
        "the material's own length, rounded up; --minutes N plans another"
        if args.minutes is None
        else f"the material alone suggests about {round(result.natural_minutes)}"
    )
    print(
        f"{out}: wrote a draft from {article.name}: {counted(counts['sections'], 'section')}, "
        f"{counted(counts['slides'], 'slide')}, {counted(counts['prompts'], 'prompt')}, "
        f"{counted(counts['polls'], 'poll')}, "
        f"{counts['minutes']} minutes ({length})"
    )
    warnings = counted(len(checked.warnings), "warning")
    print(f"check: {warnings}. Edit the draft, then: facilitator check {out}")
    return 0
