"""The "Print materials…" dialog with the real document producer the app injects."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from facilitator.core.session.loader import load_session
from facilitator.core.session.model import Session
from facilitator.qt.dialogs.print_dialog import PrintMaterialsDialog
from facilitator.services import assets, materials
from facilitator.services.settings import Settings


@pytest.fixture(scope="module")
def session() -> Session:
    result = load_session(assets.slide_file())
    assert result.session is not None
    return result.session


def producer(session: Session, join_url: str = ""):  # type: ignore[no-untyped-def]
    """Exactly what desktop_app.py wires in."""
    return materials.producer(session, Settings(), lambda: (join_url, "K7Q2" if join_url else ""))


def test_preview_shows_the_chosen_documents(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    dialog = PrintMaterialsDialog(producer(session), paper="letter", region="uk")
    qtbot.addWidget(dialog)
    assert dialog.chosen() == ("letter", "uk", ("handout", "cards", "guide"), None)
    assert list(dialog.pdfs) == ["handout", "cards", "guide"]
    assert dialog.document.status() == QPdfDocument.Status.Ready
    assert 2 <= dialog.document.pageCount() <= 6  # the handout (up to 6 pages) is shown first
    size = dialog.document.pagePointSize(0)
    assert (round(size.width()), round(size.height())) == (612, 792)  # US Letter
    dialog.showing.setCurrentIndex(1)
    assert dialog.document.pageCount() == 2  # cards: fronts and backs
    assert dialog.print_button.isEnabled()
    dialog.paper.setCurrentIndex(dialog.paper.findData("a4"))
    assert dialog.showing.currentData() == "cards"  # still showing what the user picked
    size = dialog.document.pagePointSize(0)
    assert (round(size.width()), round(size.height())) == (595, 842)  # A4


def test_changing_options_and_updating(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    dialog = PrintMaterialsDialog(producer(session))
    qtbot.addWidget(dialog)
    dialog.checks["handout"].setChecked(False)
    dialog.checks["guide"].setChecked(False)
    dialog.region.setCurrentIndex(dialog.region.findData("au"))
    # The preview follows the options without pressing anything.
    assert list(dialog.pdfs) == ["cards"]
    assert dialog.showing.currentData() == "cards"
    assert "Lifeline" in PdfReader_text(dialog.pdfs["cards"])


def test_poster_without_a_server_shows_a_message(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    dialog = PrintMaterialsDialog(producer(session), documents=("poster",))
    qtbot.addWidget(dialog)
    assert "needs the server's URL" in dialog.message.text()
    assert not dialog.print_button.isEnabled()
    assert dialog.document.pageCount() == 0


def test_print_and_save(qtbot, tmp_path: Path, session: Session) -> None:  # type: ignore[no-untyped-def]
    dialog = PrintMaterialsDialog(producer(session, "http://10.0.0.9:8765/"),
                                  documents=("poster", "cards"))
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer) == 2  # the cards, shown first: fronts and backs
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 2
    written = dialog.save_to(tmp_path)
    assert sorted(p.name for p in written) == ["cards.pdf", "poster.pdf"]
    assert "Saved 2 PDF(s)" in dialog.message.text()


def PdfReader_text(pdf: bytes) -> str:
    import io

    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_start_time_gives_the_guide_clock_times(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    dialog = PrintMaterialsDialog(producer(session), documents=("guide",), start=time(13, 30))
    qtbot.addWidget(dialog)
    assert "13:30" in PdfReader_text(dialog.pdfs["guide"])
    dialog.use_start.setChecked(False)
    assert not dialog.start.isEnabled()
    guide = PdfReader_text(dialog.pdfs["guide"])
    assert "13:30" not in guide and "+0:05" in guide


def test_results_report_in_the_same_dialog(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.printing.run_fixture import RUN

    dialog = PrintMaterialsDialog(materials.report_producer(RUN, Settings()),
                                  offered=("report",), documents=("report",),
                                  region="uk")  # A4: one page
    qtbot.addWidget(dialog)
    assert list(dialog.checks) == ["report"]
    assert dialog.document.pageCount() == 1
    assert "fewer than 5" in PdfReader_text(dialog.pdfs["report"])


def test_paper_follows_the_region(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    dialog = PrintMaterialsDialog(producer(session), paper="a4", region="us")
    qtbot.addWidget(dialog)
    assert dialog.paper.currentData() == "letter"  # a US session prints on Letter
    dialog.region.setCurrentIndex(dialog.region.findData("uk"))
    assert dialog.paper.currentData() == "a4"
    dialog.region.setCurrentIndex(dialog.region.findData("ca"))
    assert dialog.paper.currentData() == "letter"
    assert dialog.chosen()[0] == "letter"
