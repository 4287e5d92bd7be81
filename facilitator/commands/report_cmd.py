"""`facilitator report RUN.json --out FILE`: the results report of a saved run."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from facilitator import materials, settings
from facilitator.core.results import ResultsError, RunResults, with_timing
from facilitator.core.support import REGION_CODES, SupportError
from facilitator.printing import PrintError


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "report",
        help="write the results report of a saved run as a PDF",
        description="Write the aggregate results report (threshold applied, approved text "
        "only, timing) from a saved run file.",
    )
    parser.add_argument("run_file", metavar="RUN",
                        help="saved run (JSON), or the presenter's timing report")
    parser.add_argument("--out", required=True, metavar="FILE", help="PDF to write")
    parser.add_argument("--paper", choices=("a4", "letter"), help="default: from settings")
    parser.add_argument("--region", choices=REGION_CODES, help="support contacts in the footer")
    parser.add_argument("--timing", metavar="FILE",
                        help="take the timing from this timing report (saved by the presenter)")
    parser.set_defaults(handler=run)


def _read(path: Path) -> RunResults:
    return RunResults.from_json(path.read_text(encoding="utf-8"), str(path))


def run(args: argparse.Namespace) -> int:
    try:
        results = _read(Path(args.run_file))
        if args.timing:
            results = with_timing(results, _read(Path(args.timing)))
    except OSError as error:
        print(f"facilitator report: cannot read {error.filename}: {error.strerror}",
              file=sys.stderr)
        return 2
    except (UnicodeDecodeError, ResultsError) as error:
        print(f"facilitator report: {error}", file=sys.stderr)
        return 2
    user, problem = settings.load(Path(args.config) if getattr(args, "config", None) else None)
    if problem:
        print(problem, file=sys.stderr)
    try:
        pdf = materials.report(results, user, paper=args.paper or "", region=args.region or "")
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(pdf)
    except (PrintError, SupportError) as error:
        print(f"facilitator report: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"facilitator report: cannot write {args.out}: {error.strerror}", file=sys.stderr)
        return 2
    print(f"{out}: results of {results.session_title!r}, {len(results.polls)} polls")
    return 0
