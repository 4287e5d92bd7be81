"""The console's Room tab: "Check the room" runs doctor's checks against the app's own
running server; "About" names the version."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from facilitator.core.release import app_version
from facilitator.core.session.model import Session
from facilitator.services.preflight.verdict import Level
from tests.desktop.test_app_polls import make_app


def test_check_the_room_asks_the_running_server_and_about_shows_the_version(
        qtbot: QtBot, sample: Session) -> None:
    app = make_app(qtbot, sample)
    app.show()
    try:
        server = app.polling.service.server
        assert server is not None and server.running
        tabs = app.polling.console.tabs
        assert "Room" in [tabs.tabText(i) for i in range(tabs.count())]
        dialog = app.open_room_check()
        qtbot.addWidget(dialog)
        network = [line for line in dialog.lines if line.area == "network"]
        assert [(line.level, line.text) for line in network] == [
            (Level.OK, f"phones join at 127.0.0.1:{server.port}, and the server answers there")]
        areas = {line.area for line in dialog.lines}
        assert areas == {"session", "network", "screens", "sound", "printing"}
        assert dialog.table.rowCount() == len(dialog.lines)
        about = app.open_about()
        qtbot.addWidget(about)
        assert about.text.text().startswith(f"facilitator {app_version()}\n")
    finally:
        app.polling.stop()
