"""The console's moderation queue: read each answer, show it, hold it back, or withdraw it.

Open-text answers always wait here; word polls' words do when the poll says `moderate`.
Three lists: to read (show / hold back), on screen (withdraw), and held back (the words
the risk screen stopped: for the facilitator's eyes only, with no button to show them).
An answer that names a risk is flagged and its Show button asks first: it is never
projected with one click.

Participant text is shown with Qt.PlainText: a QLabel would otherwise render "<b>" or an
<img> tag as markup. Until the poll reaches its threshold the queue shows only a count,
like every other view of the poll.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.polls.snapshot import PollResults
from facilitator.core.polls.tally import TextTally, WordTally

READ, SCREEN, HELD = "read", "screen", "held"


def plain_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    return label


def ask_before_showing(parent: QWidget, text: str, category: str) -> bool:
    """The confirm step for a risky answer; No is the default button."""
    answer = QMessageBox.question(
        parent, "Show this answer?",
        f"This answer mentions {category}. Safe messaging says not to project it; the "
        f"guide's safety protocol says what to do instead.\n\n“{text}”\n\nShow it anyway?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


@dataclass(frozen=True)
class _Row:
    section: str  # READ, SCREEN or HELD
    key: str  # a text item's id, or the word itself
    text: str
    risk: str = ""


class ModerationPanel(QWidget):
    """Emits `decided(poll_id, item_id, approve)` for text answers and
    `word_decided(poll_id, word, approve)` for words; the bridge carries both to the box."""

    decided = Signal(str, str, bool)
    word_decided = Signal(str, str, bool)

    def __init__(self, results: PollResults | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._results: PollResults | None = None
        self._shown: tuple[_Row, ...] = ()
        # Tests answer the confirm step themselves; the app asks the facilitator.
        self.confirm: Callable[[str, str], bool] = lambda text, risk: ask_before_showing(
            self, text, risk)
        self.summary = plain_label("")
        self._items = QWidget()
        self._items_layout = QVBoxLayout(self._items)
        self._items_layout.setContentsMargins(0, 0, 0, 0)
        self._items_layout.setSpacing(4)
        self._items_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._items)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        self.set_results(results)

    def set_results(self, results: PollResults | None) -> None:
        self._results = results
        if results is None:
            self.summary.setText("No open-text or word poll")
            self._fill(())
            return
        # The console reads the exact tally (`live`); the room sees a coarser publication.
        tally = results.live or results.tally
        if isinstance(tally, TextTally):
            rows = [_Row(READ, i.id, i.text, i.risk) for i in results.pending]
            rows += [_Row(SCREEN, i.id, i.text) for i in results.approved]
            self.summary.setText(f"{len(results.pending)} to read · {len(tally.approved)} on "
                                 f"screen · {results.responses} answers")
        elif isinstance(tally, WordTally):
            rows = [_Row(READ, w, f"{w} ({n})") for w, n in (*tally.waiting, *tally.withdrawn)]
            rows += [_Row(SCREEN, w, f"{w} ({n})") for w, n in tally.words]
            rows += [_Row(HELD, w, f"{w} ({n})", risk) for w, n, risk in tally.risky]
            self.summary.setText(f"{len(tally.waiting)} words to read · {len(tally.words)} on "
                                 f"screen · {len(tally.risky)} held back · "
                                 f"{results.responses} answers")
        else:
            self.summary.setText(
                f"{results.responses} answers; the queue opens at {results.threshold} "
                "so no answer can be traced to who just typed it."
            )
            rows = []
        self._fill(tuple(rows))

    def item_rows(self) -> list[QFrame]:
        """The answers waiting to be read."""
        return self._rows(READ)

    def screen_rows(self) -> list[QFrame]:
        """What is on the projector now, each with a Withdraw button."""
        return self._rows(SCREEN)

    def held_rows(self) -> list[QFrame]:
        """Words the risk screen held back: listed here, never projected."""
        return self._rows(HELD)

    def _rows(self, section: str) -> list[QFrame]:
        return [row for row in self._items.findChildren(QFrame, "moderation-item")
                if row.property("section") == section]

    def _fill(self, rows: tuple[_Row, ...]) -> None:
        if rows == self._shown:
            return
        self._shown = rows
        while self._items_layout.count() > 1:
            taken = self._items_layout.takeAt(0)
            child = taken.widget() if taken is not None else None
            if child is not None:
                child.setParent(None)  # gone from the panel now, freed later
                child.deleteLater()
        for index, row in enumerate(rows):
            self._items_layout.insertWidget(index, self._row(row))

    def _buttons(self, row: _Row) -> list[tuple[str, str, Callable[[], None]]]:
        if row.section == HELD:
            return []
        if row.section == SCREEN:
            return [("Withdraw", "Take this off the projector now",
                     lambda: self._decide(row, approve=False))]
        show = "Show…" if row.risk else "Show"
        return [(show, "Approve: show this on the projector", lambda: self._show(row)),
                ("Hold back", "Reject: never show this", lambda: self._decide(row, False))]

    def _show(self, row: _Row) -> None:
        if row.risk and not self.confirm(row.text, row.risk):
            return
        self._decide(row, approve=True)

    def _decide(self, row: _Row, approve: bool) -> None:
        if self._results is None:
            return
        poll_id = self._results.poll.id
        if isinstance(self._results.live or self._results.tally, WordTally):
            self.word_decided.emit(poll_id, row.key, approve)
        else:
            self.decided.emit(poll_id, row.key, approve)

    def _row(self, row: _Row) -> QFrame:
        frame = QFrame()
        frame.setObjectName("moderation-item")
        frame.setProperty("section", row.section)
        frame.setProperty("risk", "true" if row.risk else "false")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        text = plain_label(row.text, frame)
        text.setObjectName("moderation-text")
        column = QVBoxLayout()
        if row.risk or row.section != READ:
            where = {READ: "to read", SCREEN: "on screen", HELD: "held back, never shown"}
            flag = plain_label(f"Mentions {row.risk}: {where[row.section]}" if row.risk
                               else where[row.section], frame)
            flag.setObjectName("risk-flag" if row.risk else "moderation-where")
            column.addWidget(flag)
        column.addWidget(text)
        layout = QHBoxLayout(frame)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addLayout(column, 1)
        for label, tip, action in self._buttons(row):
            button = QPushButton(label, frame)
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space stays "next slide"
            button.clicked.connect(action)
            layout.addWidget(button)
        return frame
