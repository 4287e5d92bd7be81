""""New session from article...": pick an article, a length and a file name; see the check.

The dialog holds layout; `ImportController` beside it does the work (core importer, then
the same checks as `facilitator check`) so it can be tested without clicking file pickers.
Everything runs on the Qt main thread: an import takes tens of milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.importer.draft import (
    DEFAULT_MINUTES,
    ArticleError,
    OutputExistsError,
    import_to_file,
)
from facilitator.core.session.blocks import REGIONS
from facilitator.core.session.loader import load_session
from facilitator.core.support.refs import check_resource_refs
from facilitator.ingest.article_file import SUFFIXES, read_article
from facilitator.services.assets import support_region

ARTICLE_FILTER = (
    "Articles (*.txt *.md *.markdown *.html *.htm *.docx *.pdf);;All files (*)"
)
SESSION_FILTER = "Session files (*.md)"


@dataclass(frozen=True)
class ImportOutcome:
    ok: bool
    report: str  # what the dialog shows: the summary, then every problem as FILE:LINE:COL
    session_path: Path | None = None


class ImportController:
    """Import an article to a session file and check it; no widgets involved."""

    def run(
        self, article: Path, out: Path, minutes: int, region: str, replace_existing: bool
    ) -> ImportOutcome:
        try:
            result = import_to_file(
                article, out, minutes, region, replace_existing, None, read_article
            )
        except OutputExistsError as error:
            return ImportOutcome(False, f"{error}. Tick “Replace if it exists” or pick a new name.")
        except ArticleError as error:
            return ImportOutcome(False, str(error))
        checked = load_session(out)
        if checked.session is not None:
            checked.errors.extend(check_resource_refs(checked.session, str(out), support_region))
        session = checked.session
        problems = [str(problem) for problem in (*checked.errors, *checked.warnings)]
        if session is None or checked.errors:
            return ImportOutcome(False, "\n".join(["The draft did not pass the check:", *problems]))
        summary = (
            f"Wrote {out.name}: {len(session.sections)} sections, {len(session.slides)} slides, "
            f"{len(session.prompts)} prompts, {len(session.polls)} polls, "
            f"{session.minutes:g} minutes (the material alone suggests about "
            f"{round(result.natural_minutes)})."
        )
        verdict = "Check: no problems." if not problems else "Check warnings:"
        return ImportOutcome(True, "\n".join([summary, verdict, *problems]), out)


class ImportDialog(QDialog):
    """Layout of the import dialog. `session_created` fires (main thread) with the new
    file's path when the facilitator presses "Open session" after a clean import."""

    session_created = Signal(Path)

    def __init__(
        self, parent: QWidget | None = None, region: str = "us",
        controller: ImportController | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New session from article")
        self._controller = controller or ImportController()
        self._created: Path | None = None

        self.article_edit = QLineEdit()
        self.article_edit.setPlaceholderText(
            "A .txt, .md, .html, .docx or .pdf article (or drop the file here)"
        )
        self.setAcceptDrops(True)
        self.article_button = QPushButton("Browse…")
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(10, 480)
        self.minutes_spin.setSingleStep(5)
        self.minutes_spin.setValue(DEFAULT_MINUTES)
        self.minutes_spin.setSuffix(" min")
        self.region_combo = QComboBox()
        self.region_combo.addItems(list(REGIONS))
        self.region_combo.setCurrentText(region if region in REGIONS else "us")
        self.out_edit = QLineEdit()
        self.out_edit.setPlaceholderText("Where to save the session file")
        self.out_button = QPushButton("Browse…")
        self.replace_check = QCheckBox("Replace if it exists")
        self.result_view = QPlainTextEdit()
        self.result_view.setReadOnly(True)
        self.result_view.setPlaceholderText("The check result appears here.")
        self.import_button = QPushButton("Import")
        self.import_button.setDefault(True)
        self.open_button = QPushButton("Open session")
        self.open_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)

        form = QFormLayout()
        form.addRow("Article", _row(self.article_edit, self.article_button))
        form.addRow("Length", self.minutes_spin)
        form.addRow("Support region", self.region_combo)
        form.addRow("Save as", _row(self.out_edit, self.out_button))
        form.addRow("", self.replace_check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result_view, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

        self.article_button.clicked.connect(self._on_browse_article)
        self.out_button.clicked.connect(self._on_browse_out)
        self.article_edit.editingFinished.connect(self._on_article_chosen)
        self.import_button.clicked.connect(self._on_import)
        self.open_button.clicked.connect(self._on_open)
        buttons.rejected.connect(self.reject)

    def set_article(self, path: Path) -> None:
        self.article_edit.setText(str(path))
        self._on_article_chosen()

    # -- drag and drop: an article file dropped anywhere on the dialog is the article -------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_article(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_article(event.mimeData())
        if path is not None:
            self.set_article(path)
            event.acceptProposedAction()

    # -- handlers --------------------------------------------------------------------------
    def _on_browse_article(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Choose an article", "", ARTICLE_FILTER)
        if name:
            self.set_article(Path(name))

    def _on_browse_out(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Save the session as", self.out_edit.text(), SESSION_FILTER
        )
        if name:
            self.out_edit.setText(name)

    def _on_article_chosen(self) -> None:
        """Suggest "ARTICLE-session.md" beside the article until the user picks a name."""
        text = self.article_edit.text().strip()
        if text and not self.out_edit.text().strip():
            article = Path(text)
            self.out_edit.setText(str(article.with_name(f"{article.stem}-session.md")))

    def _on_import(self) -> None:
        article, out = self.article_edit.text().strip(), self.out_edit.text().strip()
        if not article or not out:
            self.result_view.setPlainText("Choose an article and where to save the session.")
            return
        outcome = self._controller.run(
            Path(article), Path(out), self.minutes_spin.value(),
            self.region_combo.currentText(), self.replace_check.isChecked(),
        )
        # Plain text only: file names and messages are never interpreted as markup.
        self.result_view.setPlainText(outcome.report)
        self._created = outcome.session_path
        self.open_button.setEnabled(outcome.ok)

    def _on_open(self) -> None:
        if self._created is not None:
            self.session_created.emit(self._created)
            self.accept()


def dropped_article(mime: QMimeData) -> Path | None:
    """The first local file in a drop that the importer reads, or None."""
    for url in mime.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in SUFFIXES:
                return path
    return None


def _row(edit: QLineEdit, button: QPushButton) -> QWidget:
    widget = QWidget()
    layout = QHBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    layout.addWidget(button)
    return widget

