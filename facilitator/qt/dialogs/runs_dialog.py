"""Past runs: resume an interrupted run, export a run as JSON, archive or delete it.

The app opens this from the console ("Past runs...") and at start when the newest run of
the same session file did not finish ("resume after crash"). It reads the folder of run
journals only through `core.runs.catalogue`, `core.runs.journal` and `core.runs.journal_reads`;
which run to resume is handed back through `resume_path` after `exec()` returns `Accepted`.
Runs on the Qt main thread.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.runs.catalogue import delete_run, export_run, list_runs
from facilitator.core.runs.journal import Journal, JournalError
from facilitator.core.runs.journal_reads import RunInfo

# Asked when the facilitator exports: the suggested file name in, the chosen path out.
SavePathPrompt = Callable[[QWidget, str], Path | None]
# Asked before anything is destroyed: the question in, yes/no out.
ConfirmPrompt = Callable[[QWidget, str], bool]

# The file beside the title: an imported draft keeps its article's title, so two runs
# can share a title and differ only in the file they were shown from.
_COLUMNS = ("Started", "Session", "File", "Status", "Answers")
_ANSWERS = 4


def _ask_save_path(parent: QWidget, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, "Export run", suggested, "JSON (*.json)")
    return Path(name) if name else None


def _confirm(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(parent, "Past runs", question)
    return answer == QMessageBox.StandardButton.Yes


class RunsDialog(QDialog):
    """A table of the runs in `folder`, newest first, with what can be done to each."""

    def __init__(
        self,
        folder: Path,
        parent: QWidget | None = None,
        *,
        session_hash: str | None = None,
        ask_save_path: SavePathPrompt = _ask_save_path,
        confirm: ConfirmPrompt = _confirm,
        allow_resume: bool = True,
        active: Path | None = None,
        show_report: Callable[[Path], object] | None = None,
    ) -> None:
        """`allow_resume=False` inside a running session (a run is resumed at start);
        `active`: the run being recorded now, which cannot be archived or deleted;
        `show_report(path)`: opens the run's results report (the app supplies it, since
        qt/ cannot build PDFs)."""
        super().__init__(parent)
        self.setWindowTitle("Past runs")
        self.resize(720, 380)
        self._folder = folder
        self._session_hash = session_hash
        self._ask_save_path = ask_save_path
        self._confirm = confirm
        self._runs: list[RunInfo] = []
        self.resume_path: Path | None = None
        self._active = active
        self._show_report = show_report

        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setHorizontalHeaderLabels(_COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.table.itemDoubleClicked.connect(self._on_resume)

        self.note = QLabel(
            "Answers are kept on this computer only, without names or IP addresses. "
            "Archiving a run forgets which answers came from the same phone."
        )
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.empty = QLabel("No runs yet: a run is recorded when a session is presented.")
        self.empty.setTextFormat(Qt.TextFormat.PlainText)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.resume_button = QPushButton("Resume")
        self.export_button = QPushButton("Export JSON...")
        self.archive_button = QPushButton("Archive")
        self.delete_button = QPushButton("Delete")
        self.report_button = QPushButton("Results report...")
        self.report_button.setVisible(show_report is not None)
        self.report_button.clicked.connect(self._on_report)
        for button in (self.delete_button, self.archive_button, self.export_button,
                       self.report_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.resume_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.resume_button.clicked.connect(self._on_resume)
        self.export_button.clicked.connect(self._on_export)
        self.archive_button.clicked.connect(self._on_archive)
        self.delete_button.clicked.connect(self._on_delete)
        buttons.rejected.connect(self.reject)
        self.resume_button.setVisible(allow_resume)

        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.refresh()

    # -- what the table shows ---------------------------------------------------------

    def refresh(self) -> None:
        self._runs = list_runs(self._folder)
        self.table.setRowCount(len(self._runs))
        for row, run in enumerate(self._runs):
            started = time.strftime("%Y-%m-%d %H:%M", time.localtime(run.started))
            status = "recording now" if run.path == self._active else run.status
            cells = (started, run.title, Path(run.source).name if run.source else "",
                     status, str(run.answers))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setToolTip(run.source)  # the whole path, for two files of one name
                if column == _ANSWERS:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.empty.setVisible(not self._runs)
        self.table.setVisible(bool(self._runs))
        if self._runs:
            self.table.selectRow(0)
        self._on_selection_changed()

    def select(self, run: Path) -> None:
        for row, info in enumerate(self._runs):
            if info.path == run:
                self.table.selectRow(row)

    @property
    def selected(self) -> RunInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self._runs[rows[0].row()] if rows else None

    # -- handlers ---------------------------------------------------------------------

    def _on_selection_changed(self) -> None:
        run = self.selected
        resumable = (
            run is not None
            and run.status == "interrupted"
            and self._session_hash in (None, run.session_hash)
        )
        self.resume_button.setEnabled(resumable)
        self.export_button.setEnabled(run is not None)
        self.report_button.setEnabled(run is not None and run.answers > 0)
        changeable = run is not None and run.path != self._active
        self.archive_button.setEnabled(changeable and run is not None and not run.archived)
        self.delete_button.setEnabled(changeable)

    def _on_resume(self) -> None:
        if self.resume_button.isEnabled() and self.selected is not None:
            self.resume_path = self.selected.path
            self.accept()

    def _on_export(self) -> None:
        run = self.selected
        if run is None:
            return
        target = self._ask_save_path(self, f"{run.run_id}.json")
        if target is None:
            return
        try:
            target.write_text(export_run(run.path), encoding="utf-8")
        except (OSError, JournalError) as error:
            QMessageBox.warning(self, "Export failed", str(error))

    def _on_report(self) -> None:
        if self._show_report is not None and self.selected is not None:
            self._show_report(self.selected.path)

    def _on_archive(self) -> None:
        run = self.selected
        question = "Archive this run? It cannot be resumed afterwards; its answers stay."
        if run is None or not self._confirm(self, question):
            return
        try:
            with Journal.open(run.path) as journal:
                journal.archive()
        except (JournalError, sqlite3.Error, OSError) as error:  # e.g. in use by another window
            QMessageBox.warning(self, "Archive failed", f"{run.path.name}: {error}")
        self.refresh()
        self.select(run.path)

    def _on_delete(self) -> None:
        run = self.selected
        question = f"Delete the run of “{run.title}” and all its answers?" if run else ""
        if run is None or not self._confirm(self, question):
            return
        try:
            delete_run(run.path)
        except OSError as error:
            QMessageBox.warning(self, "Delete failed", f"{run.path.name}: {error}")
        self.refresh()


def ask_to_resume(run: RunInfo, parent: QWidget | None = None) -> bool:
    """At start: "this file's last run was interrupted; resume it?" Yes resumes."""
    started = time.strftime("%H:%M on %d %b", time.localtime(run.started))
    box = QMessageBox(parent)
    box.setWindowTitle("Resume the interrupted run?")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        f"The run of “{run.title}” started at {started} did not finish ({run.answers} "
        "answers saved). Resume it: same slide, same room code, every answer kept?"
    )
    resume = box.addButton("Resume", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Start a new run", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is resume


def runs_panel(button: QPushButton) -> QWidget:
    """The console's Runs tab, one row: the button that lists past runs, and what is kept."""
    panel = QWidget()
    layout = QHBoxLayout(panel)
    layout.setContentsMargins(6, 6, 6, 6)
    note = QLabel("Saved as you go.")
    note.setToolTip("Every answer is saved as it arrives: a crash loses none.")
    note.setTextFormat(Qt.TextFormat.PlainText)
    layout.addWidget(button)
    layout.addWidget(note, 1)
    return panel
