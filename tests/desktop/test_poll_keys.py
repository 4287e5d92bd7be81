"""Every console button has a key: O, H and L drive the poll controls like a click."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from facilitator.core.polls.snapshot import PollStatus
from facilitator.core.session.model import Session
from facilitator.qt.presenter.keys import Action
from tests.desktop.test_app_polls import make_app

NONE = Qt.KeyboardModifier.NoModifier


def test_poll_keys_open_close_hide_and_lock(qtbot: QtBot, bundled: Session) -> None:
    app = make_app(qtbot, bundled)
    app.show()
    box = app.polling.service.box
    index = bundled.poll_slide_index("room-check")
    assert index is not None
    app.state.go_to_number(index + 1)
    qtbot.waitUntil(lambda: box.state("room-check").status is PollStatus.OPEN, timeout=5000)
    qtbot.waitUntil(lambda: app.polling.console.open_button.isEnabled(), timeout=5000)
    keys = app.presenter.keys
    assert keys.handle(Qt.Key.Key_O, NONE)
    qtbot.waitUntil(lambda: box.state("room-check").status is PollStatus.CLOSED, timeout=5000)
    # The console acts on the snapshot it was last sent; wait until it shows the change.
    qtbot.waitUntil(lambda: app.polling.console.open_button.text() == "Open poll", timeout=5000)
    assert keys.handle(Qt.Key.Key_O, NONE)
    qtbot.waitUntil(lambda: box.state("room-check").status is PollStatus.OPEN, timeout=5000)
    # H toggles: a sensitive poll (room-check is one) opens hidden and waits for Reveal.
    hidden_at_open = box.state("room-check").hidden
    poll = bundled.poll("room-check")
    assert poll is not None and hidden_at_open == poll.sensitive
    assert keys.handle(Qt.Key.Key_H, NONE)
    qtbot.waitUntil(lambda: box.state("room-check").hidden is not hidden_at_open, timeout=5000)
    assert keys.handle(Qt.Key.Key_H, NONE)
    qtbot.waitUntil(lambda: box.state("room-check").hidden is hidden_at_open, timeout=5000)
    assert keys.handle(Qt.Key.Key_L, NONE)
    qtbot.waitUntil(lambda: box.state("room-check").locked, timeout=5000)
    for action, button in app.polling.console.buttons.items():
        assert button.toolTip().endswith(f"({'Ctrl+R' if action is Action.POLL_RESET else action.value[5].upper()})")
    app.presenter.end()


def test_poll_key_on_a_slide_without_a_poll_says_so(qtbot: QtBot, bundled: Session) -> None:
    app = make_app(qtbot, bundled)
    app.show()
    assert app.presenter.keys.handle(Qt.Key.Key_O, NONE)
    assert "No poll control" in app.presenter.console.status.text()
    app.presenter.end()
