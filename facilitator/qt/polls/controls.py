"""The console's poll controls: open/close, hide/reveal, lock, reset, the count, moderation,
and the risk notice (an answer that names a risk, from any poll, tells the facilitator here).

The console sees counts only, never a tally below the threshold; results themselves are
on the projector. Every button goes through the `PollBridge`, which queues the command
onto the server loop: this widget never touches the ballot box, and a toggle (open or
close, hide or reveal, lock or unlock) is decided there from the box's own state, not from
the snapshot this widget last saw. Which poll the controls act on is the bridge's
`current_poll_id`. Main thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.polls.room import RoomStatus
from facilitator.core.polls.snapshot import BallotSnapshot, PollResults, PollStatus
from facilitator.core.polls.tally import WordTally
from facilitator.core.session.model import PollType
from facilitator.qt.dialogs.safety_protocol import SafetyProtocolDialog
from facilitator.qt.polls.bridge import PollBridge
from facilitator.qt.polls.groups_panel import GroupsPanel
from facilitator.qt.polls.headcount_panel import HeadcountPanel
from facilitator.qt.polls.moderation_panel import ModerationPanel
from facilitator.qt.polls.risk_notice import RiskNotice, RiskWatch
from facilitator.qt.presenter.keys import Action, tooltip
from facilitator.qt.stylesheets import POLL_PANEL_STYLE


def press(console: PollConsole, action: str) -> bool:
    """A poll key (O, H, L, Ctrl+R): the same as clicking its button, when it is enabled."""
    button = console.buttons.get(Action(action))
    if button is None or not button.isEnabled():
        return False
    button.click()
    return True


def count_text(results: PollResults) -> str:
    """The console's one-line count. It names a closed or locked poll (a closed poll's
    count is final, not live) and says how many answers the wall's figures hold: the
    room sees the last publication, which can be a batch behind the answers in."""
    answers = f"{results.responses} answer{'s' if results.responses != 1 else ''}"
    state = results.state
    parts = [answers]
    if state.status is PollStatus.CLOSED:
        parts.append("closed")
    elif state.locked:
        parts.append("locked")
    if results.waiting_for:
        parts.append(f"results show at {results.threshold}")
    elif state.hidden:
        parts.append("hidden")
    elif results.tally is None:
        parts.append("shown when closed")
    elif results.shown_responses == results.responses:
        parts.append("all on screen")
    else:
        parts.append(f"{results.shown_responses} on screen")
    return " · ".join(parts)


def _to_read(results: PollResults) -> int:
    tally = results.live or results.tally
    return len(tally.waiting) if isinstance(tally, WordTally) else len(results.pending)


class PollConsole(QWidget):
    def __init__(self, bridge: PollBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._choose_tab = False  # pick the tab once this slide's poll is known
        self.title = QLabel("No poll on this slide")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.count = QLabel("")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.open_button = QPushButton("Open poll")
        self.hide_button = QPushButton("Hide results")
        self.lock_button = QPushButton("Lock answers")
        self.reset_button = QPushButton("Reset…")
        self.buttons = {
            Action.POLL_OPEN: self.open_button, Action.POLL_HIDE: self.hide_button,
            Action.POLL_LOCK: self.lock_button, Action.POLL_RESET: self.reset_button,
        }
        for action, button in self.buttons.items():
            button.setToolTip(tooltip(action))
            # A focused button would take Space for itself instead of "next slide".
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.headcount = HeadcountPanel()
        self.moderation = ModerationPanel()
        self.risk_notice = RiskNotice()
        self._risk_watch = RiskWatch()
        self.groups = GroupsPanel()
        self.network = QWidget()  # the app puts the network picker here
        QVBoxLayout(self.network).setContentsMargins(0, 0, 0, 0)

        controls = QWidget()
        buttons = QGridLayout(controls)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.title, 0, 0, 1, 2)
        buttons.addWidget(self.count, 1, 0, 1, 2)
        for index, button in enumerate(
            (self.open_button, self.hide_button, self.lock_button, self.reset_button)
        ):
            # Like the console's own buttons: never take the keyboard (Space = next slide).
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(button, 2 + index // 2, index % 2)
        buttons.addWidget(self.headcount, 4, 0, 1, 2)
        buttons.setRowStretch(5, 1)
        # Tabs keep the panel short: the console also needs its notes, timer and agenda.
        self.tabs = QTabWidget()
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.addTab(controls, "Poll")
        self.tabs.addTab(self.moderation, "Answers to read")
        self.tabs.addTab(self.groups, "Groups")
        self.tabs.addTab(self.network, "Network")
        self.setStyleSheet(POLL_PANEL_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.risk_notice)  # above the tabs: seen whichever tab is open
        layout.addWidget(self.tabs)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.hide_button.clicked.connect(self._on_hide_clicked)
        self.lock_button.clicked.connect(self._on_lock_clicked)
        self.reset_button.clicked.connect(self._on_reset_clicked)
        self.moderation.decided.connect(bridge.moderate)
        self.moderation.word_decided.connect(bridge.moderate_word)
        self.risk_notice.protocol_requested.connect(self.show_protocol)
        self.groups.assign.connect(bridge.make_groups)
        self.groups.cleared.connect(bridge.clear_groups)
        self.headcount.headcount_set.connect(bridge.set_headcount)
        bridge.changed.connect(self._on_changed)
        bridge.current_changed.connect(self._on_current_changed)
        self._refresh()

    def add_network_widget(self, widget: QWidget) -> None:
        """Put `widget` (the network picker) on the Network tab."""
        layout = self.network.layout()
        if layout is not None:
            layout.addWidget(widget)

    def _on_current_changed(self, _poll_id: str | None) -> None:
        self._choose_tab = True
        self._refresh()

    def _on_changed(self, snapshot: BallotSnapshot, status: RoomStatus) -> None:
        self.groups.set_status(status)
        self.risk_notice.raise_for(self._risk_watch.new_categories(snapshot))
        self.headcount.set_status(status)
        self._refresh()

    def show_protocol(self) -> SafetyProtocolDialog:
        """The guide's safety protocol, non-modal: the session goes on behind it."""
        dialog = SafetyProtocolDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _refresh(self) -> None:
        results = self._bridge.current_results()
        for button in (self.open_button, self.hide_button, self.lock_button, self.reset_button):
            button.setEnabled(results is not None)
        is_text = results is not None and results.poll.type in (PollType.TEXT, PollType.WORD)
        self.tabs.setTabEnabled(1, is_text)
        pending = _to_read(results) if results is not None and is_text else 0
        self.tabs.setTabText(1, f"Answers to read ({pending})" if pending else "Answers to read")
        if results is None:
            self.title.setText("No poll on this slide")
            self.count.setText("")
            return
        self.title.setText(results.poll.question)
        self.count.setText(count_text(results))
        state = results.state
        self.open_button.setText("Close poll" if state.status is PollStatus.OPEN else "Open poll")
        self.hide_button.setText("Reveal results" if state.hidden else "Hide results")
        self.lock_button.setText("Unlock answers" if state.locked else "Lock answers")
        if is_text:
            self.moderation.set_results(results)
        if self._choose_tab:
            # Arriving on an open-text slide, reading answers is the facilitator's job.
            self._choose_tab = False
            self.tabs.setCurrentIndex(1 if is_text else 0)

    def _on_open_clicked(self) -> None:
        self._toggle(self._bridge.toggle_open)

    def _on_hide_clicked(self) -> None:
        self._toggle(self._bridge.toggle_hidden)

    def _on_lock_clicked(self) -> None:
        self._toggle(self._bridge.toggle_locked)

    def _toggle(self, toggle: Callable[[str], None]) -> None:
        if self._bridge.current_poll_id is not None:
            toggle(self._bridge.current_poll_id)

    def _on_reset_clicked(self) -> None:
        results = self._bridge.current_results()
        if results is None:
            return
        answer = QMessageBox.question(  # from the window: it styles the dialogs it parents
            self.window(), "Reset poll",
            f"Forget all {results.responses} answers to this poll? This cannot be undone.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._bridge.reset_poll(results.poll.id)
