"""The desktop app in a child process, driven to the middle of a timed group prompt, for
the kill -9 test: `python -m tests.desktop.crash_child SESSION_FILE`.

It joins six phones to its own server (real HTTP on 127.0.0.1), starts the session on the
prompt slide "Say it, then find one spark" (groups of 3), starts the countdown, assigns
groups, waits until the run journal holds all of it, then prints one READY line (JSON:
the slide, the countdown's remaining seconds and the wall time they were read, the group
of every device) and keeps running until it is killed.
"""

from __future__ import annotations

import http.client
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from facilitator.core.network import Interface
from facilitator.core.session.loader import load_session
from facilitator.desktop.desktop_app import DesktopApp
from facilitator.desktop.launch import open_session_run
from facilitator.desktop.polling import DesktopPolling
from facilitator.qt.presenter.confirm import StartChoice
from facilitator.qt.presenter.keys import Action
from facilitator.qt.presenter.screens import ScreenInfo
from facilitator.services.settings import Settings

PROMPT_TITLE = "Say it, then find one spark"


def join(port: int, path: str, phone: int) -> None:
    # Each phone from its own loopback address, as in a room (two devices per address).
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5,
                                            source_address=(f"127.0.5.{phone + 1}", 0))
    connection.request("GET", path)
    connection.getresponse().read()
    connection.close()


def wait(app: QApplication, until: object, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not until():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise SystemExit("child: timed out")
        app.processEvents()
        time.sleep(0.02)


def main(file: Path) -> None:
    app = QApplication([])
    session = load_session(file).session
    assert session is not None
    run, problem = open_session_run(session, file, False, lambda _info: False)
    assert run is not None, problem
    settings = Settings(port=0)
    polling = DesktopPolling(session, settings, run=run,
                             interfaces=lambda: [Interface("lo", "Loopback", ("127.0.0.1",))])
    desktop = DesktopApp(session, settings, polling=polling, run=run,
                         screens=lambda: [ScreenInfo("laptop", QRect(0, 0, 1366, 768), True)])
    desktop.show()
    server = polling.service.server
    assert server is not None
    path = server.join_url.split(str(server.port), 1)[1]
    for phone in range(6):
        join(server.port, path, phone)
    wait(app, lambda: desktop.polling.bridge.status is not None
         and desktop.polling.bridge.status.joined == 6)
    number = next(i for i, s in enumerate(session.slides, 1) if s.title == PROMPT_TITLE)
    desktop.state.go_to_number(number)
    desktop.presenter.ask_start = lambda _parent, _away: StartChoice.FROM_HERE
    desktop.presenter.perform(Action.START_SESSION)
    desktop.presenter.perform(Action.TIMER)
    groups = desktop.polling.console.groups
    assert groups.size_box.value() == 3  # the prompt's format
    groups.assign_button.click()
    journal = run.journal
    wait(app, lambda: journal.meta("groups") and journal.meta("presenter")
         and json.loads(journal.meta("presenter") or "{}").get("timer_running"))
    time.sleep(0.3)  # let the journal's thread finish its last write
    snapshot = desktop.state.timer_snapshot()
    assert snapshot is not None
    plan = polling.service.room.groups
    assert plan is not None
    print("READY " + json.dumps({
        "slide": desktop.state.index, "remaining": snapshot.remaining, "wall": time.time(),
        "groups": dict(plan.members), "journal": str(journal.path),
    }), flush=True)
    while True:
        app.processEvents()
        time.sleep(0.05)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
