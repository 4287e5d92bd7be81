"""The projector's "answering now" banner: the anonymous question the facilitator is
answering, large across the top of the slide, and nothing else.

It only ever shows a question in the ANSWERING state, which can be reached only from
APPROVED: unapproved text cannot get onto the projector through it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget

from facilitator.core.questions.box import QuestionState, QuestionView
from facilitator.qt.stylesheets import QUESTION_BANNER_STYLE


class AnsweringBanner(QLabel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet(QUESTION_BANNER_STYLE)
        self.setAccessibleName("Question being answered")
        parent.installEventFilter(self)
        self.hide()

    def set_questions(self, questions: tuple[QuestionView, ...]) -> None:
        current = next((q for q in questions if q.state is QuestionState.ANSWERING), None)
        self.setText(f"Question from the room: {current.text}" if current else "")
        self.setVisible(current is not None)
        self._fit()

    def _fit(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        height = max(48, parent.height() // 4)
        self.setGeometry(0, 0, parent.width(), height)
        font = self.font()
        # Large enough to read from the back of a room; 200 characters still fit.
        font.setPixelSize(max(14, int(height * 0.16)))
        self.setFont(font)
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._fit()
        return False
