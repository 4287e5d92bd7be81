"""The composition root: settings pick the theme and local help; ending saves the report."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from facilitator.core.network import Interface
from facilitator.core.session.model import Session
from facilitator.desktop.desktop_app import DesktopApp
from facilitator.desktop.polling import DesktopPolling
from facilitator.qt.presenter.confirm import StartChoice
from facilitator.services import settings as settings_module
from facilitator.services.settings import LocalResource, Settings
from tests.qt.conftest import Clock, Screens

LOOPBACK = Interface("lo-test", "Test network", ("127.0.0.1",))


def on_loopback(session: Session, settings: Settings) -> DesktopPolling:
    """Phones on 127.0.0.1 only: a test never listens on the machine's real network."""
    return DesktopPolling(session, settings, interfaces=lambda: [LOOPBACK])


def loopback_app(qtbot: QtBot, session: Session) -> DesktopApp:
    """The app on one screen, phones on loopback (any free port), windows closed after."""
    settings = Settings(port=0)
    app = DesktopApp(session, settings, screens=Screens(1),
                     polling=on_loopback(session, settings))
    qtbot.addWidget(app.presenter.console)
    qtbot.addWidget(app.presenter.projector)
    return app


def start_session(app: DesktopApp, choice: StartChoice = StartChoice.FROM_HERE) -> None:
    """Ctrl+Enter, answering the start question with `choice`."""
    app.presenter.ask_start = lambda _parent, _away: choice
    assert app.presenter.keys.handle(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_rehearsal_alone_saves_no_timing_report(qtbot: QtBot, bundled: Session,
                                                clock: Clock) -> None:
    settings = Settings(port=0)
    app = DesktopApp(bundled, settings, clock=clock, screens=Screens(1),
                     polling=on_loopback(bundled, settings))
    qtbot.addWidget(app.presenter.console)
    app.show()
    app.state.go_to_number(7)
    clock.advance(600)
    assert app.state.agenda.elapsed() == 0 and app.state.agenda.actual(0) == 0
    app.presenter.end()
    assert app.timing_report is None


def test_closing_the_console_ends_the_run_and_saves_the_timing_report(
        qtbot: QtBot, bundled: Session, clock: Clock) -> None:
    settings = Settings(theme="light", port=0)
    app = DesktopApp(bundled, settings, clock=clock, screens=Screens(2),
                     polling=on_loopback(bundled, settings))
    qtbot.addWidget(app.presenter.console)
    qtbot.addWidget(app.presenter.projector)
    app.show()
    assert app.state.theme.name == "light"
    # The reminder to add local services goes to the facilitator, not onto a slide.
    assert any(problem.startswith("Add your local services") for problem in app.problems)
    assert app.presenter.projector.isVisible()
    # Setting up early and rehearsing: an hour that must not count as the session's.
    assert app.state.rehearsing
    app.state.go_to_number(12)
    clock.advance(3600)
    start_session(app, StartChoice.FROM_FIRST)
    assert app.state.index == 0 and not app.state.rehearsing
    clock.advance(240)
    app.state.go_to_number(6)  # the first slide of section 2
    clock.advance(60)
    with qtbot.waitSignal(app.presenter.ended, timeout=1000):
        app.presenter.console.close()
    assert app.timing_report is not None
    assert app.timing_report.parent == settings_module.data_dir() / "timing"
    report = json.loads(Path(app.timing_report).read_text(encoding="utf-8"))
    assert report["actual_minutes"] == 5.0
    assert report["sections"][0]["actual_minutes"] == 4.0
    assert not app.presenter.projector.isVisible()


def test_local_resources_from_settings_come_first_and_bad_ones_are_reported(
        qtbot: QtBot, bundled: Session) -> None:
    settings = Settings(local_resources=[
        LocalResource("Student Counselling", phone="555-0100", hours="9-5 weekdays"),
        LocalResource("Broken", text="not a text code at all !!"),
    ], port=0)
    app = DesktopApp(bundled, settings, screens=Screens(1),
                     polling=on_loopback(bundled, settings))
    qtbot.addWidget(app.presenter.console)
    qtbot.addWidget(app.presenter.projector)
    assert app.state.support is not None
    entries = app.state.support.block(None).entries
    assert entries[0].name == "Student Counselling"
    assert entries[1].id == "988"
    assert any("Broken" in problem for problem in app.problems)
    assert not any(problem.startswith("Add your local") for problem in app.problems)
    app.show()
    assert "Broken" in app.presenter.console.status.text()
    app.presenter.end()


def test_the_app_says_when_a_slide_will_not_fit_the_projector(qtbot: QtBot) -> None:
    from facilitator.core.session.loader import parse_session

    words = " ".join(["A line far too long to ever fit on one projected slide."] * 40)
    loaded = parse_session("---\ntitle: T\n---\n\n# A (3m)\n\n## Intro\n\n```content-note\n"
                           "Step out any time.\n```\n\n## Wall of text\n\n" + words + "\n")
    assert loaded.session is not None
    app = loopback_app(qtbot, loaded.session)
    app.show()  # the fit test runs once the windows are up (after the first paint)
    assert any(problem.startswith("slide 2 ('Wall of text') does not fit")
               for problem in app.problems)
    assert "does not fit" in app.presenter.console.status.text()
    app.presenter.end()


def test_show_support_on_the_risk_notice_puts_the_resources_on_the_projector(
        qtbot: QtBot, bundled: Session) -> None:
    app = DesktopApp(bundled, Settings(), screens=Screens(1))
    qtbot.addWidget(app.presenter.console)
    qtbot.addWidget(app.presenter.projector)
    notice = app.polling.console.risk_notice
    notice.raise_for(["self-harm"])
    assert notice.message.text() == ("An answer mentions self-harm: see the guide’s safety "
                                     "protocol")
    assert not app.state.resources_overlay
    notice.support_button.click()
    assert app.state.resources_overlay
    notice.support_button.click()  # pressed twice: stays up, never toggles it away
    assert app.state.resources_overlay
    assert notice.showing  # the notice stays until dismissed
    app.presenter.end()


def test_a_session_ended_before_its_first_paint_starts_no_phone_server(
        qtbot: QtBot, bundled: Session) -> None:
    # The app starts the phone server after the first paint (or a fallback delay); a session
    # already ended by then must not start one that nobody will stop.
    app = loopback_app(qtbot, bundled)
    app.show_windows()
    app.presenter.end()
    app.finish_start()
    assert app.polling.service.server is None
    assert not app.polling.service.listening


def test_commands_before_the_phone_server_starts_wait_for_it_in_order(
        qtbot: QtBot, bundled: Session) -> None:
    # A key can come between the first paint and the server's start (after that paint):
    # its command waits and runs on the server's loop once it is there, not fails.
    app = loopback_app(qtbot, bundled)
    app.show_windows()
    seen: list[tuple[str, str]] = []

    def note(what: str) -> None:
        seen.append((what, threading.current_thread().name))

    app.polling.bridge.run(lambda: note("first"), "not saved")
    app.polling.bridge.run(lambda: note("second"), "not saved")
    assert app.polling.service.server is None and seen == []
    app.finish_start()
    server = app.polling.service.server
    assert server is not None
    server.call(lambda: None).result(5)  # everything sent before has run
    assert seen == [("first", "facilitator-web"), ("second", "facilitator-web")]
    app.presenter.end()


def test_commands_of_a_session_ended_before_the_server_started_still_run(
        qtbot: QtBot, bundled: Session) -> None:
    app = loopback_app(qtbot, bundled)
    app.show_windows()
    seen: list[str] = []
    app.polling.bridge.run(lambda: seen.append("reset"), "not saved")
    app.presenter.end()  # before the first paint: no server ever ran
    assert seen == ["reset"]  # run here, by the main thread that owns the box
    assert app.polling.service.server is None
