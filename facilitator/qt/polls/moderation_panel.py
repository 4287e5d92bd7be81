"""The console's moderation queue: read each open-text answer, approve or reject it.

Participant text is shown with Qt.PlainText: a QLabel would otherwise render "<b>" or an
<img> tag as markup. Until the poll reaches its threshold the queue shows only a count,
like every other view of the poll.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.polls.ballot import PollResults
from facilitator.core.polls.moderation import TextItem
from facilitator.core.polls.tally import TextTally


def plain_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    return label


class ModerationPanel(QWidget):
    """Emits `decided(poll_id, item_id, approve)`; the bridge carries it to the ballot box."""

    decided = Signal(str, str, bool)

    def __init__(self, results: PollResults | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._results: PollResults | None = None
        self._shown: tuple[TextItem, ...] = ()
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
            self.summary.setText("No open-text poll")
            self._fill(())
            return
        tally = results.tally
        if not isinstance(tally, TextTally):
            self.summary.setText(
                f"{results.responses} answers; the queue opens at {results.threshold} "
                "so no answer can be traced to who just typed it."
            )
            self._fill(())
            return
        self.summary.setText(
            f"{len(results.pending)} to read · {len(tally.approved)} on screen · "
            f"{results.responses} answers"
        )
        self._fill(results.pending)

    def item_rows(self) -> list[QWidget]:
        return [row for row in self._items.findChildren(QFrame, "moderation-item")]

    def _fill(self, items: tuple[TextItem, ...]) -> None:
        if items == self._shown:
            return
        self._shown = items
        while self._items_layout.count() > 1:
            taken = self._items_layout.takeAt(0)
            child = taken.widget() if taken is not None else None
            if child is not None:
                child.setParent(None)  # gone from the panel now, freed later
                child.deleteLater()
        for index, item in enumerate(items):
            self._items_layout.insertWidget(index, self._row(item))

    def _row(self, item: TextItem) -> QFrame:
        row = QFrame()
        row.setObjectName("moderation-item")
        row.setFrameShape(QFrame.Shape.StyledPanel)
        text = plain_label(item.text, row)
        text.setObjectName("moderation-text")
        approve = QPushButton("Show", row)
        approve.setToolTip("Approve: show this answer on the projector")
        reject = QPushButton("Hold back", row)
        reject.setToolTip("Reject: never show this answer")
        for button in (approve, reject):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space stays "next slide"
        poll_id = self._results.poll.id if self._results else ""
        approve.clicked.connect(lambda: self.decided.emit(poll_id, item.id, True))
        reject.clicked.connect(lambda: self.decided.emit(poll_id, item.id, False))
        layout = QHBoxLayout(row)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(text, 1)
        layout.addWidget(approve)
        layout.addWidget(reject)
        return row
