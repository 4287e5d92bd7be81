"""`facilitator serve FILE`: the phone server without the desktop app.

For a facilitator checking the room's Wi-Fi with their own phone before a session, and
for tests. The first line printed is `Join: URL`; answers arrive as counts only, exactly
what the console would show.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from facilitator.cli.check_cmd import load_checked
from facilitator.core.network import NO_NETWORK_MESSAGE
from facilitator.core.polls.room import DEVICES_PER_ADDRESS, RoomStatus
from facilitator.core.polls.snapshot import BallotSnapshot
from facilitator.core.runs.resume import Run
from facilitator.core.session.model import Session
from facilitator.services.interfaces import usable_interfaces
from facilitator.services.poll_service import PollService
from facilitator.services.run_journal import RunUnavailable, open_run
from facilitator.services.run_lock import RunLock
from facilitator.services.settings import Settings
from facilitator.services.user_settings import load_user_settings


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve a session's polls to phones, without the desktop app",
        description="Serve a session's polls to phones on this network. The first line printed "
        "is 'Join: URL'. Stop with Ctrl+C.",
    )
    parser.add_argument("file", metavar="FILE", help="session file")
    parser.add_argument("--host", help="address to listen on (default: this machine's LAN "
                        "address on the default-route interface)")
    parser.add_argument("--port", type=int, default=None,
                        help="port (default: the settings' port, 8765; a busy port moves to "
                        "the next; 0 = any)")
    parser.add_argument("--poll", metavar="ID", help="poll to open (default: the first)")
    parser.add_argument("--record", action="store_true",
                        help="keep a run journal (answers survive a crash; see --resume)")
    parser.add_argument("--resume", action="store_true",
                        help="continue the newest interrupted recorded run of this file: "
                        "same room code and link, same open poll, every answer kept")
    parser.add_argument("--devices-per-address", type=int, default=DEVICES_PER_ADDRESS,
                        metavar="N", help="new phones one network address may join "
                        f"(default {DEVICES_PER_ADDRESS}; raise it only for a room behind "
                        "one shared address, where it weakens the one-device-per-person rule)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    result = load_checked(args.file)
    for problem in result.errors:
        print(problem, file=sys.stderr)
    if result.session is None:
        return 1
    session = result.session
    if not session.polls:
        print(f"{args.file}: the session has no polls to serve", file=sys.stderr)
        return 1
    poll_id = args.poll or session.polls[0].id
    if session.poll(poll_id) is None:
        known = ", ".join(poll.id for poll in session.polls)
        print(f"{args.file}: no poll with id {poll_id!r}; polls are: {known}", file=sys.stderr)
        return 1
    if args.port is not None and not 0 <= args.port <= 65535:
        print(f"--port {args.port}: must be 0..65535", file=sys.stderr)
        return 2
    host = args.host or _lan_address()
    if host is None:
        print(NO_NETWORK_MESSAGE, file=sys.stderr)
        return 1

    settings = load_user_settings(args)  # its port is the default when --port is not given
    run, lock, refused = _open_locked_run(session, args)
    if refused:
        print(refused, file=sys.stderr)
        return 1
    try:
        return _serve(args, session, settings, run, host, poll_id)
    finally:
        if lock is not None:
            lock.release()


def _open_locked_run(session: Session, args: argparse.Namespace,
                     ) -> tuple[Run | None, RunLock | None, str]:
    """The run to record (with --record or --resume), locked to this process: a run that
    the desktop app or another `serve` is recording is never shared (run_lock)."""
    if not (args.record or args.resume):
        return None, None, ""
    try:
        run = open_run(session, Path(args.file), resume=args.resume)
    except RunUnavailable as error:
        return None, None, str(error)
    lock = RunLock(run.journal.path)
    if not lock.acquire():
        run.journal.close()
        return None, None, ("This session is already running in another window: stop it "
                            "there first, or use --record for a separate run")
    return run, lock, ""


def _serve(args: argparse.Namespace, session: Session, settings: Settings, run: Run | None,
           host: str, poll_id: str) -> int:
    service = PollService(session, settings, box=run.box if run else None,
                          room=run.room if run else None,
                          questions=run.questions if run else None)
    service.room.devices_per_address = max(1, args.devices_per_address)
    for message in service.problems:
        print(message, file=sys.stderr)
    if run is None or not args.resume:
        service.box.open(poll_id)
    poll_id = service.box.current or poll_id
    try:
        server = service.start(host, args.port)
    except OSError as error:
        print(f"facilitator serve: {error.strerror or error}", file=sys.stderr)
        return 1
    server.subscribe(_Counter(poll_id))
    print(f"Join: {server.join_url}", flush=True)
    print(f"Room code {server.room.code}; poll {poll_id!r} is open. Ctrl+C stops.", flush=True)
    if run is not None:
        verb = "Resumed" if args.resume else "Recording"
        print(f"{verb} run {run.journal.path.name}", flush=True)
    _wait_for_signal()
    if not service.stop():  # its loop still holds the journal: leave the run resumable
        print("facilitator serve: the server did not stop in time; the run can be resumed",
              file=sys.stderr)
        return 1
    if run is not None:
        run.journal.finish()  # a clean stop: only a crash leaves a run to resume
        run.journal.close()
    return 0


def _lan_address() -> str | None:
    interfaces = usable_interfaces()
    return interfaces[0].address if interfaces else None


class _Counter:
    """Prints the answer count when it changes: the console's view, never a tally."""

    def __init__(self, poll_id: str) -> None:
        self._poll_id = poll_id
        self._last: tuple[int, int] | None = None

    def __call__(self, snapshot: BallotSnapshot, status: RoomStatus) -> None:
        results = snapshot.polls[self._poll_id]
        now = (status.connected, results.responses)
        if now != self._last:
            self._last = now
            print(f"phones connected: {now[0]}; answers: {now[1]}", flush=True)


def _wait_for_signal() -> None:
    stop = threading.Event()

    def handle(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, handle)
    signal.signal(signal.SIGTERM, handle)
    while not stop.wait(0.5):
        pass
