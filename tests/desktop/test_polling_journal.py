"""The desktop app with a real run journal: what the box decides, and what cannot be saved.

Real pieces throughout: the bundled session, a run journal on a SQLite file in the test's
data folder, the phone server on 127.0.0.1, the Qt windows offscreen.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from facilitator.core.polls.snapshot import PollStatus
from facilitator.core.runs.journal_reads import RunInfo
from facilitator.core.runs.resume import Run
from facilitator.core.session.loader import load_session
from facilitator.core.session.model import Session
from facilitator.desktop.desktop_app import DesktopApp
from facilitator.desktop.launch import open_session_run
from facilitator.services.assets import slide_file
from facilitator.web.server import PollServer
from tests.desktop.test_app_resume import POLL, make_app
from tests.disk_full import disk_full

NEVER_OPENED = "thick-skin"


def bundled() -> Session:
    session = load_session(slide_file()).session
    assert session is not None
    return session


def new_run(session: Session) -> Run:
    never: list[RunInfo] = []
    run, problem = open_session_run(session, slide_file(), False, never.append)
    assert run is not None and problem == ""
    return run


def drain(app: DesktopApp) -> PollServer:
    """Wait until every command posted so far has run: the server's loop runs them in order."""
    server = app.polling.service.server
    assert server is not None
    server.call(lambda: None).result(5)
    return server


def go_to_poll(app: DesktopApp, poll_id: str) -> None:
    index = app.session.poll_slide_index(poll_id)
    assert index is not None
    app.state.go_to_number(index + 1)


def test_a_poll_closed_before_a_crash_stays_closed_when_resumed_on_its_slide(
        qtbot: QtBot) -> None:
    session = bundled()
    first = new_run(session)
    app = make_app(qtbot, first)
    app.show()
    box = app.polling.service.box
    go_to_poll(app, POLL)
    qtbot.waitUntil(lambda: box.state(POLL).status is PollStatus.OPEN, timeout=5000)
    app.polling.bridge.close_poll(POLL)
    drain(app)
    assert box.state(POLL).status is PollStatus.CLOSED
    # The crash, on the poll's slide.
    app.polling.service.stop()
    first.journal.close()
    app.polling.run = None

    again, problem = open_session_run(session, slide_file(), False, lambda _run: True)
    assert again is not None and problem == ""
    assert again.box.state(POLL).status is PollStatus.CLOSED
    resumed = make_app(qtbot, again)
    resumed.show()  # arrives on the closed poll's slide before any snapshot has come back
    try:
        box = resumed.polling.service.box
        drain(resumed)
        assert box.state(POLL).status is PollStatus.CLOSED
        assert box.current == POLL
        assert again.journal.state().polls[POLL].status is PollStatus.CLOSED
        qtbot.waitUntil(lambda: resumed.polling.console.open_button.text() == "Open poll",
                        timeout=5000)
        # A poll nobody opened yet still opens when its slide comes up.
        go_to_poll(resumed, NEVER_OPENED)
        drain(resumed)
        assert box.state(NEVER_OPENED).status is PollStatus.OPEN
        assert box.current == NEVER_OPENED
        # And coming back leaves the closed one closed.
        go_to_poll(resumed, POLL)
        drain(resumed)
        assert box.state(POLL).status is PollStatus.CLOSED and box.current == POLL
    finally:
        resumed.presenter.end()


def test_a_poll_command_the_journal_cannot_save_is_reported_in_the_console(
        qtbot: QtBot) -> None:
    run = new_run(bundled())
    app = make_app(qtbot, run)
    app.show()
    try:
        box = app.polling.service.box
        go_to_poll(app, POLL)
        console = app.polling.console
        qtbot.waitUntil(lambda: console.open_button.text() == "Close poll", timeout=5000)
        status = app.presenter.console.status
        with disk_full(run.journal):
            console.open_button.click()  # "Close poll": the journal cannot note it
            qtbot.waitUntil(lambda: "Could not save" in status.text(), timeout=5000)
        assert "the poll was not changed" in status.text()
        assert "disk I/O error" in status.text() or "disk is full" in status.text()
        assert box.state(POLL).status is PollStatus.OPEN
        assert run.journal.state().polls[POLL].status is PollStatus.OPEN
        # Room on the disk again: the same click works.
        console.open_button.click()
        drain(app)
        assert box.state(POLL).status is PollStatus.CLOSED
    finally:
        app.presenter.end()
