"""`facilitator report RUN.json --out FILE`: the results report of a saved run."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from facilitator.cli.check_cmd import load_checked
from facilitator.core.runs.from_journal import results_from_export
from facilitator.core.runs.journal import SUFFIX as JOURNAL_SUFFIX
from facilitator.core.runs.journal import Journal, JournalError
from facilitator.core.runs.results import ResultsError, RunResults, with_timing
from facilitator.core.session.model import Session
from facilitator.core.support.regions import REGION_CODES, SupportError
from facilitator.printing import PrintError
from facilitator.services import materials
from facilitator.services.run_journal import runs_folder
from facilitator.services.user_settings import load_user_settings


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "report",
        help="write the results report of a saved run as a PDF",
        description="Write the aggregate results report (threshold applied, approved text "
        "only, timing) from a saved run file.",
    )
    parser.add_argument("run_file", metavar="RUN",
                        help="a recorded run (its journal file, its id, or its JSON export), "
                        "a saved results file, or the presenter's timing report")
    parser.add_argument("--session", metavar="FILE",
                        help="session file of a recorded run (default: the file it was run from)")
    parser.add_argument("--out", required=True, metavar="FILE", help="PDF to write")
    parser.add_argument("--paper", choices=("a4", "letter"), help="default: from settings")
    parser.add_argument("--region", choices=REGION_CODES, help="support contacts in the footer")
    parser.add_argument("--timing", metavar="FILE",
                        help="take the timing from this timing report (saved by the presenter)")
    parser.set_defaults(handler=run)


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ResultsError(f"{path}: not a text file (a saved run is UTF-8 JSON)") from None


def _read(path: Path) -> RunResults:
    return RunResults.from_json(_text(path), str(path))


def _recorded(run: str, session_file: str | None) -> tuple[RunResults, Session] | None:
    """Results of a recorded run (journal, run id or JSON export) and its session; None if
    RUN is not one."""
    path = Path(run)
    by_id = runs_folder() / f"{run}{JOURNAL_SUFFIX}"
    if not path.is_file() and by_id.is_file():
        path = by_id
    if not path.is_file():
        return None  # _read says "cannot read" with the path
    if path.suffix == ".json":
        export = json.loads(_text(path))
        if not (isinstance(export, dict) and "run_id" in export and "polls" in export):
            return None
        polls = export["polls"]
        if not (isinstance(polls, dict) and all(isinstance(p, dict) for p in polls.values())):
            raise ResultsError(f"{path}: a damaged run export (\"polls\" is not a table of "
                               "polls)")
    else:
        try:
            with Journal.open(path) as journal:
                export = journal.export()
        except JournalError as error:
            raise ResultsError(str(error)) from None
    source = session_file or str(export.get("source") or "")
    loaded = load_checked(source) if source else None
    if loaded is None or loaded.session is None:
        why = "; ".join(str(e) for e in loaded.errors) if loaded else "no session file recorded"
        raise ResultsError(f"{run}: cannot load the run's session ({why}); give it with --session")
    return results_from_export(export, loaded.session), loaded.session


def _session_file(path: str) -> Session:
    """The session named by --session; asked for, so a file that does not load is an
    error, not a report quietly printed without it."""
    loaded = load_checked(path)
    if loaded.session is None or loaded.errors:
        why = "; ".join(str(error) for error in loaded.errors) or "not a session"
        raise ResultsError(f"--session {path}: cannot load it ({why})")
    return loaded.session


def run(args: argparse.Namespace) -> int:
    try:
        recorded = _recorded(args.run_file, args.session)
        results, session = recorded or (_read(Path(args.run_file)), None)
        if session is None and args.session:  # a saved results file: its scales' labels
            session = _session_file(args.session)
        if args.timing:
            results = with_timing(results, _read(Path(args.timing)))
    except OSError as error:
        print(f"facilitator report: cannot read {error.filename}: {error.strerror}",
              file=sys.stderr)
        return 2
    except json.JSONDecodeError as error:
        print(f"facilitator report: {args.run_file}: not valid JSON ({error})", file=sys.stderr)
        return 2
    except (UnicodeDecodeError, ValueError) as error:  # ResultsError says which file
        print(f"facilitator report: {error}", file=sys.stderr)
        return 2
    user = load_user_settings(args)
    try:
        # The footer's support contacts: as asked, else the settings', else the session's.
        region = args.region or user.region or (session.region if session else "")
        pdf = materials.report(results, user, paper=args.paper or "", region=region,
                               session=session)
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
