""""Print materials…": choose paper, region and documents, preview them, print or save.

qt/ may not import printing/ (layering), so the dialog is given a `produce` callable by
the composition root (desktop/desktop_app.py):
`produce(paper, region, documents, start) -> {name: pdf bytes}`, where `start` is the
session's start time for the guide's clock times, or None for "+0:05"-style offsets.
It may raise ValueError (unknown region, poster without a running server...): the
message is shown in the dialog, never a traceback.

All signals here fire on the GUI thread; producing all documents takes well under a
second, so it runs inline rather than on a worker.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import time
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt, QTime
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

Produce = Callable[[str, str, tuple[str, ...], time | None], dict[str, bytes]]

DOCUMENT_LABELS = {
    "handout": "Participant handout",
    "cards": "Resource cards (10 per sheet)",
    "guide": "Facilitator guide",
    "poster": "Join poster (needs the phone server running)",
    "evaluation": "Evaluation form (paper, for rooms without phones)",
    "report": "Results report",
}
SESSION_DOCUMENTS = ("handout", "cards", "guide", "poster")
REGION_LABELS = {
    "us": "United States", "uk": "United Kingdom", "ie": "Ireland", "ca": "Canada",
    "au": "Australia", "intl": "International",
}
# Where US Letter is the paper in the tray; everywhere else takes A4.
LETTER_REGIONS = frozenset({"us", "ca"})


def paper_for(region: str, configured: str = "a4") -> str:
    """The paper a session for `region` prints on: Letter in the US and Canada whatever the
    settings say (their default is A4), `configured` elsewhere."""
    return "letter" if region in LETTER_REGIONS else configured


class PrintMaterialsDialog(QDialog):
    def __init__(self, produce: Produce, *, paper: str = "a4", region: str = "us",
                 documents: Sequence[str] = ("handout", "cards", "guide"),
                 start: time | None = None, offered: Sequence[str] = SESSION_DOCUMENTS,
                 parent: QWidget | None = None) -> None:
        """`offered`: the documents to choose from; ("report",) for a run's results."""
        super().__init__(parent)
        self.setWindowTitle("Print materials")
        # Fits a 1366x768 laptop with its title bar and panel; the preview takes any more.
        self.resize(1000, 640)
        self._produce = produce
        self._pdfs: dict[str, bytes] = {}
        self._buffer: QBuffer | None = None
        self.document = QPdfDocument(self)

        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")
        self.paper.addItem("US Letter", "letter")
        self.paper.setCurrentIndex(max(0, self.paper.findData(paper_for(region, paper))))
        self.region = QComboBox()
        for code, label in REGION_LABELS.items():
            self.region.addItem(label, code)
        self.region.setCurrentIndex(max(0, self.region.findData(region)))
        self.checks: dict[str, QCheckBox] = {}
        checks = QVBoxLayout()
        for name in offered:
            box = QCheckBox(DOCUMENT_LABELS.get(name, name))
            box.setChecked(name in documents)
            self.checks[name] = box
            checks.addWidget(box)
        self.use_start = QCheckBox("Clock times from")
        self.use_start.setChecked(start is not None)
        self.start = QTimeEdit(QTime(start.hour, start.minute) if start else QTime(9, 0))
        self.start.setDisplayFormat("HH:mm")
        self.start.setEnabled(start is not None)
        start_row = QHBoxLayout()
        start_row.addWidget(self.use_start)
        start_row.addWidget(self.start, 1)
        form = QFormLayout()
        form.addRow("Paper", self.paper)
        form.addRow("Support resources", self.region)
        form.addRow("Documents", checks)
        form.addRow("Guide agenda", start_row)

        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # error text is not markup
        self.message.setWordWrap(True)
        self.showing = QComboBox()
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.preview_button = QPushButton("Refresh preview")
        self.save_button = QPushButton("Save PDFs…")
        self.print_button = QPushButton("Print…")
        self.print_button.setDefault(True)
        close = QPushButton("Close")
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)

        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.message)
        side.addStretch(1)
        main = QHBoxLayout()
        main.addLayout(side, 1)
        right = QVBoxLayout()
        right.addWidget(self.showing)
        right.addWidget(self.view, 1)
        main.addLayout(right, 3)
        outer = QVBoxLayout(self)
        outer.addLayout(main, 1)
        outer.addLayout(buttons)

        self.preview_button.clicked.connect(self._on_preview)
        # Regenerating everything takes a few tenths of a second: keep the preview live.
        self.paper.currentIndexChanged.connect(self._on_preview)
        self.region.currentIndexChanged.connect(self._on_region_changed)
        for box in self.checks.values():
            box.toggled.connect(self._on_preview)
        self.use_start.toggled.connect(self.start.setEnabled)
        self.use_start.toggled.connect(self._on_preview)
        self.start.editingFinished.connect(self._on_preview)
        self.showing.currentIndexChanged.connect(self._on_showing_changed)
        self.save_button.clicked.connect(self._on_save)
        self.print_button.clicked.connect(self._on_print)
        close.clicked.connect(self.reject)
        self._on_preview()

    # What the user chose -------------------------------------------------------------
    def chosen(self) -> tuple[str, str, tuple[str, ...], time | None]:
        documents = tuple(name for name, box in self.checks.items() if box.isChecked())
        picked = self.start.time()
        start = time(picked.hour(), picked.minute()) if self.use_start.isChecked() else None
        return self.paper.currentData(), self.region.currentData(), documents, start

    @property
    def pdfs(self) -> dict[str, bytes]:
        return dict(self._pdfs)

    # Handlers --------------------------------------------------------------------------
    def _on_preview(self) -> None:
        paper, region, documents, start = self.chosen()
        was_showing = self.showing.currentData()
        self._pdfs = {}
        self.showing.blockSignals(True)
        self.showing.clear()
        self.showing.blockSignals(False)
        if not documents:
            self._show_message("Choose at least one document.")
            self._load(b"")
            return
        try:
            self._pdfs = self._produce(paper, region, documents, start)
        except ValueError as error:
            self._show_message(str(error))
            self._load(b"")
            return
        self._show_message("")
        self.showing.blockSignals(True)
        for name in self._pdfs:
            self.showing.addItem(DOCUMENT_LABELS.get(name, name), name)
        self.showing.setCurrentIndex(max(0, self.showing.findData(was_showing)))
        self.showing.blockSignals(False)
        self._on_showing_changed()

    def _on_region_changed(self) -> None:
        paper = paper_for(self.region.currentData(), "a4")
        if paper != self.paper.currentData():
            self.paper.setCurrentIndex(self.paper.findData(paper))  # previews once, from there
        else:
            self._on_preview()

    def _on_showing_changed(self) -> None:
        name = self.showing.currentData()
        self._load(self._pdfs.get(name, b"") if name else b"")

    def _on_save(self) -> None:
        if not self._pdfs:
            return
        folder = QFileDialog.getExistingDirectory(self, "Save PDFs to folder")
        if folder:
            self.save_to(Path(folder))

    def _on_print(self) -> None:
        if not self._pdfs:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    # Actions, callable without the modal dialogs (tests, scripted use) -------------------
    def save_to(self, folder: Path) -> list[Path]:
        written = []
        try:
            for name, pdf in self._pdfs.items():
                path = folder / f"{name}.pdf"
                path.write_bytes(pdf)
                written.append(path)
        except OSError as error:
            self._show_message(f"Could not save to {folder}: {error.strerror}")
            return written
        self._show_message(f"Saved {len(written)} PDF(s) to {folder}")
        return written

    def print_to(self, printer: QPrinter) -> int:
        """Print the document shown in the preview; returns the number of pages sent."""
        pages = self.document.pageCount()
        if pages <= 0:
            return 0
        painter = QPainter()
        if not painter.begin(printer):
            self._show_message("The printer could not be opened.")
            return 0
        try:
            dpi = printer.resolution()
            for index in range(pages):
                if index:
                    printer.newPage()
                points = self.document.pagePointSize(index)
                size = (points * dpi / 72).toSize()
                image = self.document.render(index, size)
                target = painter.viewport().size()
                scaled = image.scaled(target, Qt.AspectRatioMode.KeepAspectRatio,
                                      Qt.TransformationMode.SmoothTransformation)
                painter.drawImage(QPointF(0, 0), scaled)
        finally:
            painter.end()
        return pages

    # Helpers ---------------------------------------------------------------------------
    def _load(self, pdf: bytes) -> None:
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()  # a child of the dialog: it would hold the PDF otherwise
            self._buffer = None
        if not pdf:
            return
        # QPdfDocument reads lazily from the device: keep the buffer alive with the dialog.
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)

    def _show_message(self, message: str) -> None:
        self.message.setText(message)
        self.print_button.setEnabled(bool(self._pdfs))
        self.save_button.setEnabled(bool(self._pdfs))
