"""The console's question queue: read each anonymous question, approve or reject it, and
choose which one is being answered.

Pending questions come first, oldest first, marked when they use risk language (the same
screen as open-text answers), so the facilitator can follow up with the room's support
resources rather than read the question out. Question text is shown as plain text only.
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

from facilitator.core.questions.box import QuestionState, QuestionView

_STATE_TEXT = {QuestionState.PENDING: "to read", QuestionState.APPROVED: "on phones",
               QuestionState.ANSWERING: "answering now", QuestionState.ANSWERED: "answered",
               QuestionState.REJECTED: "held back"}
# The buttons each state offers: (label, tooltip, the state it leads to).
_ACTIONS = {
    QuestionState.PENDING: (("Approve", "Show it on the phones for votes", QuestionState.APPROVED),
                            ("Hold back", "Never show it", QuestionState.REJECTED)),
    QuestionState.APPROVED: (("Answer now", "Show it large on the projector",
                              QuestionState.ANSWERING),
                             ("Answered", "Mark it answered", QuestionState.ANSWERED)),
    QuestionState.ANSWERING: (("Answered", "Mark it answered", QuestionState.ANSWERED),
                              ("Not now", "Take it off the projector", QuestionState.APPROVED)),
    QuestionState.ANSWERED: (),
    QuestionState.REJECTED: (),
}


def _plain(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # "<b>" from a phone stays "<b>"
    label.setText(text)
    label.setWordWrap(True)
    return label


class QuestionQueue(QWidget):
    """Emits `decided(question_id, state)`; the desktop carries it to the question box.
    `updated` lets another thread hand over a new snapshot (queued to the GUI thread)."""

    decided = Signal(str, str)
    updated = Signal(object)
    toggle_requested = Signal()  # answer the top-voted question, or stop answering

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown: tuple[QuestionView, ...] | None = None
        self.summary = _plain("")
        self._items = QWidget()
        self._rows = QVBoxLayout(self._items)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(4)
        self._rows.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._items)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.toggle_button = QPushButton("Answer the top question")
        self.toggle_button.setToolTip("Put the most-voted approved question on the projector, "
                                      "or take the one being answered off it")
        self.toggle_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.toggle_button.clicked.connect(self.toggle_requested.emit)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.toggle_button)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self.updated.connect(self.set_questions)
        self.set_questions(())

    def set_questions(self, questions: tuple[QuestionView, ...]) -> None:
        if questions == self._shown:
            return
        self._shown = questions
        answering = any(q.state is QuestionState.ANSWERING for q in questions)
        self.toggle_button.setText("Stop answering" if answering else "Answer the top question")
        self.toggle_button.setEnabled(answering or any(
            q.state is QuestionState.APPROVED for q in questions))
        pending = sum(q.state is QuestionState.PENDING for q in questions)
        flagged = sum(q.flagged and q.state is QuestionState.PENDING for q in questions)
        self.summary.setText(
            f"{pending} to read" + (f" ({flagged} mention risk)" if flagged else "")
            + f" · {len(questions)} asked" if questions else "No questions yet")
        while self._rows.count() > 1:
            taken = self._rows.takeAt(0)
            child = taken.widget() if taken is not None else None
            if child is not None:
                child.setParent(None)
                child.deleteLater()
        for index, question in enumerate(questions):
            self._rows.insertWidget(index, self._row(question))

    def rows(self) -> list[QFrame]:
        return self._items.findChildren(QFrame, "question-item")

    def _row(self, question: QuestionView) -> QFrame:
        row = QFrame()
        row.setObjectName("question-item")
        row.setFrameShape(QFrame.Shape.StyledPanel)
        status = f"{_STATE_TEXT[question.state]} · {question.votes} votes"
        if question.flagged:
            status = "mentions risk: consider the support resources · " + status
        text = _plain(question.text, row)
        text.setObjectName("question-text")
        meta = _plain(status, row)
        meta.setObjectName("question-state")
        words = QVBoxLayout()
        words.addWidget(text)
        words.addWidget(meta)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addLayout(words, 1)
        for label, tip, state in _ACTIONS[question.state]:
            button = QPushButton(label, row)
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space stays "next slide"
            button.clicked.connect(
                lambda _=False, s=state: self.decided.emit(question.id, str(s)))
            layout.addWidget(button)
        return row
