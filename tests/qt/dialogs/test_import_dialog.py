"""The "New session from article" dialog, with real widgets offscreen and real files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from facilitator.core.session.loader import load_session
from facilitator.qt.dialogs.import_dialog import ImportDialog
from tests.paths import ARTICLES

ARTICLE = ARTICLES / "running-on-empty.txt"


def make_dialog(qtbot: QtBot) -> ImportDialog:
    dialog = ImportDialog(region="uk")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_import_shows_the_check_and_opens_the_new_session(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot)
    article = tmp_path / "running-on-empty.txt"
    article.write_bytes(ARTICLE.read_bytes())
    dialog.set_article(article)
    out = tmp_path / "running-on-empty-session.md"
    assert dialog.out_edit.text() == str(out)  # suggested beside the article
    dialog.minutes_spin.setValue(45)
    assert not dialog.open_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    report = dialog.result_view.toPlainText()
    assert report.startswith("Wrote running-on-empty-session.md: 8 sections, ")
    assert "45 minutes" in report and "Check: no problems." in report
    session = load_session(out).session
    assert session is not None and session.region == "uk" and session.minutes == 45
    with qtbot.waitSignal(dialog.session_created, timeout=1000) as signal:
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert signal.args == [out]


def test_existing_file_needs_replace_ticked(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot)
    out = tmp_path / "mine.md"
    out.write_text("my edits\n", encoding="utf-8")
    dialog.article_edit.setText(str(ARTICLE))
    dialog.out_edit.setText(str(out))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.result_view.toPlainText() == (
        f"{out}: already exists. Tick “Replace if it exists” or pick a new name."
    )
    assert out.read_text(encoding="utf-8") == "my edits\n" and not dialog.open_button.isEnabled()
    dialog.replace_check.setChecked(True)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.open_button.isEnabled()
    assert out.read_text(encoding="utf-8").startswith("---\ntitle: Running on Empty")


def test_bad_article_shows_the_reason_not_a_traceback(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot)
    article = tmp_path / "scan.pdf"
    article.write_bytes(b"%PDF-1.4\n\x00\x00")
    dialog.set_article(article)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.result_view.toPlainText().startswith(f"{article}: not a readable PDF")
    assert not dialog.open_button.isEnabled()
    assert not (tmp_path / "scan-session.md").exists()


def test_empty_fields_ask_for_input(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.result_view.toPlainText() == "Choose an article and where to save the session."


def test_a_dropped_word_file_is_the_article(qtbot: QtBot, tmp_path: Path) -> None:
    from docx import Document
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDropEvent

    document = Document()
    document.add_heading("Saying No", level=1)
    document.add_paragraph("Every maintainer learns that saying yes to everything is how "
                           "projects burn people out, slowly and then all at once.")
    document.add_heading("What would you need to keep going for ten years?", level=2)
    document.add_paragraph("People ask nicely, and each request looks small on its own, "
                           "but together they take every evening you have.")
    article = tmp_path / "saying-no.docx"
    document.save(str(article))
    dialog = make_dialog(qtbot)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article))])
    drop = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    dialog.dropEvent(drop)
    assert dialog.article_edit.text() == str(article)
    assert dialog.out_edit.text() == str(tmp_path / "saying-no-session.md")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    report = dialog.result_view.toPlainText()
    assert report.startswith("Wrote saying-no-session.md: "), report
    assert "Check: no problems." in report and dialog.open_button.isEnabled()
