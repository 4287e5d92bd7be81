"""The app after a crash: asked to resume, it opens on the same slide with every answer."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from facilitator.core.network import Interface
from facilitator.core.polls.snapshot import PollStatus
from facilitator.core.runs.catalogue import list_runs
from facilitator.core.runs.journal import Journal
from facilitator.core.runs.journal_reads import RunInfo
from facilitator.core.runs.resume import Run
from facilitator.core.session.loader import load_session
from facilitator.desktop.desktop_app import DesktopApp
from facilitator.desktop.launch import open_session_run
from facilitator.desktop.polling import DesktopPolling
from facilitator.services.assets import slide_file
from facilitator.services.run_journal import runs_folder
from facilitator.services.settings import Settings
from tests.desktop.test_desktop_app import start_session
from tests.qt.conftest import Clock, Screens
from tests.qt.polls.test_bridge import vote

LOOPBACK = Interface("lo-test", "Test network", ("127.0.0.1",))
POLL = "room-check"


def make_app(qtbot: QtBot, run: Run | None) -> DesktopApp:
    session = load_session(slide_file()).session
    assert session is not None
    settings = Settings(port=0)
    polling = DesktopPolling(session, settings, interfaces=lambda: [LOOPBACK], run=run)
    app = DesktopApp(session, settings, clock=Clock(), screens=Screens(1), polling=polling,
                     run=run)
    qtbot.addWidget(app.presenter.console)
    qtbot.addWidget(app.presenter.projector)
    return app


def test_crashed_run_is_offered_and_resumed_on_the_same_slide(qtbot: QtBot) -> None:
    session = load_session(slide_file()).session
    assert session is not None
    index = session.poll_slide_index(POLL)
    assert index is not None
    never: list[RunInfo] = []
    first, problem = open_session_run(session, slide_file(), False, never.append)
    assert first is not None and problem == "" and never == []  # nothing to resume yet

    app = make_app(qtbot, first)
    app.show()
    server = app.polling.service.server
    assert server is not None
    app.state.go_to_number(index + 1)
    start_session(app)  # a live session crashes (a rehearsal's answers are not the run's)
    box = app.polling.service.box
    qtbot.waitUntil(lambda: box.state(POLL).status is PollStatus.OPEN, timeout=5000)
    options = [option.id for option in session.poll(POLL).options]  # type: ignore[union-attr]
    for option in options + options[:2]:
        assert vote(server, POLL, option) == 200
    join_url = server.join_url
    # The crash: the server goes, the journal is dropped without the run being finished.
    app.polling.service.stop()
    first.journal.close()
    app.polling.run = None  # this app is "dead": its window closing must not finish the run
    (crashed,) = list_runs(runs_folder())
    assert crashed.status == "interrupted" and crashed.answers == 6

    asked: list[RunInfo] = []

    def ask(run: RunInfo) -> bool:
        asked.append(run)
        return True

    again, problem = open_session_run(session, slide_file(), False, ask)
    assert again is not None and problem == ""
    assert [run.path for run in asked] == [crashed.path]
    resumed = make_app(qtbot, again)
    assert resumed.state.index == index
    resumed.show()
    try:
        assert resumed.polling.service.box.results(POLL).responses == 6
        assert resumed.polling.service.box.state(POLL).status is PollStatus.OPEN
        server = resumed.polling.service.server
        assert server is not None and server.join_url.split("/j/")[1] == join_url.split("/j/")[1]
        resumed.state.next()
        resumed.state.previous()
        assert resumed.state.index == index
        # The console's past runs: the run being recorded cannot be deleted under it.
        resumed.runs_button.click()
        dialog = resumed.open_runs_dialog()
        assert not dialog.resume_button.isVisible()
        dialog.select(again.journal.path)
        assert not dialog.delete_button.isEnabled() and dialog.export_button.isEnabled()
        dialog.close()
    finally:
        resumed.presenter.end()
    (finished,) = list_runs(runs_folder())
    assert finished.status == "finished" and finished.answers == 6
    assert finished.path == crashed.path
    with Journal.open(finished.path) as journal:
        assert journal.state().slide == index  # slide changes are journaled too


def test_asking_for_resume_with_nothing_to_resume_is_a_message(qtbot: QtBot) -> None:
    session = load_session(slide_file()).session
    assert session is not None
    run, problem = open_session_run(session, slide_file(), True, lambda _run: True)
    assert run is None
    assert "no interrupted run of this file to resume" in problem
    # The command stops: it must not claim a session is running without saving answers.
    assert "not being saved" not in problem and "without --resume" in problem


def test_a_crash_during_the_rehearsal_resumes_as_a_rehearsal(qtbot: QtBot) -> None:
    """Rehearsing, a test phone answers, the laptop dies before Start session: the run
    comes back still rehearsing, so Start clears the test answers and the run keeps none."""
    session = load_session(slide_file()).session
    assert session is not None
    index = session.poll_slide_index(POLL)
    assert index is not None
    first, _problem = open_session_run(session, slide_file(), False, lambda _run: False)
    assert first is not None
    app = make_app(qtbot, first)
    app.show()
    server = app.polling.service.server
    assert server is not None
    app.state.go_to_number(index + 1)
    box = app.polling.service.box
    qtbot.waitUntil(lambda: box.state(POLL).status is PollStatus.OPEN, timeout=5000)
    option = session.poll(POLL).options[0].id  # type: ignore[union-attr]
    for _ in range(4):
        assert vote(server, POLL, option) == 200
    qtbot.waitUntil(lambda: box.results(POLL).responses == 4, timeout=5000)
    qtbot.waitUntil(lambda: bool(first.journal.meta("presenter")), timeout=5000)
    app.polling.service.stop()  # the crash, as above
    first.journal.close()
    app.polling.run = None

    again, _problem = open_session_run(session, slide_file(), False, lambda _run: True)
    assert again is not None and again.resumed
    resumed = make_app(qtbot, again)
    resumed.show()
    try:
        assert resumed.state.rehearsing and not resumed.state.agenda.started
        box = resumed.polling.service.box
        start_session(resumed)
        qtbot.waitUntil(lambda: box.results(POLL).responses == 0, timeout=5000)
    finally:
        resumed.presenter.end()
    with Journal.open(again.journal.path) as journal:
        assert journal.export()["polls"][POLL]["answers"] == []
