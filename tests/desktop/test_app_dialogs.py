"""Ctrl+P and Ctrl+N in the running app open the print and import dialogs, for real."""

from __future__ import annotations

import io

import pypdfium2
import zxingcpp
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from facilitator.core.polls.snapshot import PollStatus
from facilitator.core.runs.journal import Journal
from facilitator.core.runs.resume import Run
from facilitator.core.session.loader import load_session
from facilitator.core.session.model import Session
from facilitator.desktop.desktop_app import DesktopApp
from facilitator.desktop.launch import open_session_run
from facilitator.qt.dialogs.import_dialog import ImportDialog
from facilitator.qt.dialogs.print_dialog import PrintMaterialsDialog
from facilitator.qt.presenter.keys import Action
from facilitator.services.assets import slide_file
from tests.desktop.test_app_polls import make_app
from tests.desktop.test_app_resume import make_app as make_run_app
from tests.desktop.test_desktop_app import start_session
from tests.printing.pdfs import flat, page_texts
from tests.qt.polls.test_bridge import vote


def test_ctrl_p_prints_a_poster_that_joins_the_running_server(qtbot: QtBot, bundled: Session) -> None:
    app = make_app(qtbot, bundled)
    app.show()
    server = app.polling.service.server
    assert server is not None, "the loopback test interface should have a server running"
    assert app.presenter.keys.handle(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    (dialog,) = app.dialogs
    assert isinstance(dialog, PrintMaterialsDialog)
    qtbot.addWidget(dialog)
    dialog.checks["poster"].setChecked(True)
    dialog.preview_button.click()
    pdfs = dialog.pdfs
    assert set(pdfs) == {"handout", "cards", "guide", "poster"}
    assert "Numb in Medicine" in PdfReader(io.BytesIO(pdfs["handout"])).pages[0].extract_text()
    page = pypdfium2.PdfDocument(pdfs["poster"])[0]
    image = page.render(scale=2).to_pil()
    decoded = {result.text for result in zxingcpp.read_barcodes(image)}
    assert server.join_url in decoded
    assert app.polling.service.room.code in PdfReader(io.BytesIO(pdfs["poster"])).pages[0].extract_text()
    # The bundled session has an evaluation: its paper form is offered, unticked.
    assert not dialog.checks["evaluation"].isChecked()
    dialog.checks["evaluation"].setChecked(True)
    dialog.preview_button.click()
    form = flat(" ".join(page_texts(dialog.pdfs["evaluation"])))
    assert "At the start" in form and "Would you recommend this session" in form
    dialog.reject()
    assert app.dialogs == []
    app.presenter.end()


def test_ctrl_n_opens_the_importer(qtbot: QtBot, bundled: Session) -> None:
    app = make_app(qtbot, bundled)
    app.show()
    assert app.presenter.keys.handle(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    (dialog,) = app.dialogs
    assert isinstance(dialog, ImportDialog)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    dialog.reject()
    app.presenter.end()


def test_console_has_buttons_for_both(qtbot: QtBot, bundled: Session) -> None:
    app = make_app(qtbot, bundled)
    buttons = app.presenter.console.buttons
    assert "Ctrl+P" in buttons[Action.PRINT].toolTip()
    assert "Ctrl+N" in buttons[Action.IMPORT].toolTip()
    app.presenter.end()


def open_recorded_run_on_room_check(qtbot: QtBot) -> tuple[Session, Run, DesktopApp]:
    """The bundled session's app recording a new run, on the room-check poll, opened
    (still in rehearsal: the caller starts the session when it needs to)."""
    session = load_session(slide_file()).session
    assert session is not None
    run, problem = open_session_run(session, slide_file(), False, lambda _info: False)
    assert run is not None and problem == ""
    app = make_run_app(qtbot, run)
    app.show()
    index = session.poll_slide_index("room-check")
    assert index is not None
    app.state.go_to_number(index + 1)
    box = app.polling.service.box
    qtbot.waitUntil(lambda: box.state("room-check").status is PollStatus.OPEN, timeout=5000)
    return session, run, app


def test_results_report_of_a_finished_run_from_the_runs_dialog(qtbot: QtBot) -> None:
    _session, run, app = open_recorded_run_on_room_check(qtbot)
    server, box = app.polling.service.server, app.polling.service.box
    assert server is not None
    # A test phone in rehearsal: its answers are wiped when the session starts.
    for option in ["actively-burnt-out"] * 7:
        assert vote(server, "room-check", option) == 200
    qtbot.waitUntil(lambda: box.results("room-check").responses == 7, timeout=5000)
    start_session(app)
    qtbot.waitUntil(lambda: box.results("room-check").responses == 0, timeout=5000)
    for option in ["stressed-but-engaged"] * 5 + ["occasionally-numb"] * 6:
        assert vote(server, "room-check", option) == 200
    app.presenter.end()  # the run finishes, with the timing report noted in it
    with Journal.open(run.journal.path) as journal:
        answers = journal.export()["polls"]["room-check"]["answers"]
    assert sorted(answers) == (  # not one rehearsal answer
        ["occasionally-numb"] * 6 + ["stressed-but-engaged"] * 5)

    later = make_run_app(qtbot, None)
    runs = later.open_runs_dialog()
    qtbot.addWidget(runs)
    runs.select(run.journal.path)
    assert runs.report_button.isEnabled()
    runs.report_button.click()
    report = later.dialogs[-1]
    assert isinstance(report, PrintMaterialsDialog)
    qtbot.addWidget(report)
    text = flat(" ".join(page_texts(report.pdfs["report"])))
    assert "Which of these sounds most like you this term?" in text
    assert "Stressed but engaged" in text and "Timing: planned and actual" in text
    later.presenter.end()


def test_a_rehearsal_ended_without_starting_leaves_no_answers_in_the_run(qtbot: QtBot) -> None:
    """Rehearsing the night before, a test phone answering, then End session: the run is
    finished, and its export (what reports and Past runs read) holds no rehearsal answer."""
    _session, run, app = open_recorded_run_on_room_check(qtbot)
    server, box = app.polling.service.server, app.polling.service.box
    assert server is not None
    for option in ["actively-burnt-out"] * 7:
        assert vote(server, "room-check", option) == 200
    qtbot.waitUntil(lambda: box.results("room-check").responses == 7, timeout=5000)
    assert app.state.rehearsing
    app.presenter.end()
    with Journal.open(run.journal.path) as journal:
        exported = journal.export()
    assert exported["polls"]["room-check"]["answers"] == []


def test_close_resume_later_is_offered_again_with_its_answers(qtbot: QtBot) -> None:
    """"Close, resume later" from the end question, then the same file opened again: the
    run is offered, comes back live on the same slide with its answers."""
    from facilitator.qt.presenter.confirm import EndChoice

    session, run, app = open_recorded_run_on_room_check(qtbot)
    index = session.poll_slide_index("room-check")
    start_session(app)
    server, box = app.polling.service.server, app.polling.service.box
    assert server is not None
    for option in ["occasionally-numb"] * 3:
        assert vote(server, "room-check", option) == 200
    qtbot.waitUntil(lambda: box.results("room-check").responses == 3, timeout=5000)
    app.presenter.ask_end = lambda _parent, _rehearsing: EndChoice.KEEP_OPEN
    app.presenter.request_end()
    assert not app.presenter.console.isVisible()

    offered: list[object] = []
    again, problem = open_session_run(session, slide_file(), False,
                                      lambda info: offered.append(info) or True)
    assert problem == "" and again is not None and len(offered) == 1
    assert again.resumed and again.journal.path == run.journal.path
    later = make_run_app(qtbot, again)
    later.show()
    assert not later.state.rehearsing and later.state.index == index
    qtbot.waitUntil(lambda: later.polling.service.box.results("room-check").responses == 3,
                    timeout=5000)
    later.presenter.end()
