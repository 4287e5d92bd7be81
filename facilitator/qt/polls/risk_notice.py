"""The console's risk notice: an answer named suicide, self-harm or wanting to die.

Risk reaches the facilitator, never the wall. The notice is calm (no alarm colours, no
sound), stays until the facilitator dismisses it, and opens the guide's safety protocol
in one click. `RiskWatch` decides when to raise it: once per answer or word, the first
time a snapshot carries it, whichever poll it belongs to. Main thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from facilitator.core.polls.snapshot import BallotSnapshot
from facilitator.core.polls.tally import WordTally
from facilitator.core.risk.protocol import notice_text
from facilitator.qt.stylesheets import RISK_NOTICE_STYLE


class RiskWatch:
    """Which risky answers the facilitator has already been told about."""

    def __init__(self) -> None:
        self._seen: set[tuple[str, str]] = set()

    def new_categories(self, snapshot: BallotSnapshot) -> list[str]:
        """Categories of risky answers in `snapshot` not seen before, oldest first."""
        found: list[str] = []
        for poll_id, results in snapshot.polls.items():
            signals = [(item.id, item.risk) for item in results.pending if item.risk]
            exact = results.live or results.tally  # the console's view, not the room's
            if isinstance(exact, WordTally):
                signals += [(word, category) for word, _, category in exact.risky]
            for key, category in signals:
                if (poll_id, key) not in self._seen:
                    self._seen.add((poll_id, key))
                    found.append(category)
        return found


class RiskNotice(QFrame):
    """Hidden until `raise_for(category)`; `protocol_requested` and `support_requested`
    when their buttons are clicked (the app puts the support resources on the projector,
    the protocol's first step for a worrying anonymous answer)."""

    protocol_requested = Signal()
    support_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("risk-notice")
        self.setStyleSheet(RISK_NOTICE_STYLE)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.protocol_button = QPushButton("Safety protocol…")
        self.support_button = QPushButton("Show support")
        self.support_button.setToolTip("Put the support resources on the projector (R)")
        self.dismiss_button = QPushButton("Dismiss")
        for button in (self.protocol_button, self.support_button, self.dismiss_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space stays "next slide"
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.protocol_button)
        layout.addWidget(self.support_button)
        layout.addWidget(self.dismiss_button)
        self.protocol_button.clicked.connect(self.protocol_requested)
        self.support_button.clicked.connect(self.support_requested)
        self.dismiss_button.clicked.connect(self.hide)
        self._named: list[str] = []
        self.hide()

    def raise_for(self, categories: list[str]) -> None:
        """Show the notice, or add to it: several answers name each category once."""
        if not categories:
            return
        current = self._named if not self.isHidden() else []
        self._named = list(dict.fromkeys([*current, *categories]))
        self.message.setText(notice_text(" and ".join(self._named)))
        self.show()

    @property
    def showing(self) -> bool:
        """Raised and not yet dismissed (whether or not the window is on screen)."""
        return not self.isHidden()
