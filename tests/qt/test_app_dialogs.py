"""Ctrl+P and Ctrl+N in the running app open the print and import dialogs, for real."""

from __future__ import annotations

import io

import pypdfium2
import zxingcpp
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from facilitator.core.model import Session
from facilitator.qt.import_dialog import ImportDialog
from facilitator.qt.keys import Action
from facilitator.qt.print_dialog import PrintMaterialsDialog
from tests.qt.test_poll_app import make_app


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
