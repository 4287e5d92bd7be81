"""The console always shows the facilitator the live figures (once the threshold is
reached), whether or not the wall shows them; closed and locked polls say so."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from facilitator.core.polls.snapshot import PollStatus
from facilitator.core.session.model import Session
from tests.desktop.test_app_polls import POLL_SLIDE, make_app
from tests.qt.polls.test_bridge import vote


def test_hidden_results_stay_on_the_console_only(qtbot: QtBot, sample: Session) -> None:
    app = make_app(qtbot, sample)
    app.show()
    polling = app.polling
    try:
        app.state.go_to_number(POLL_SLIDE)
        box = polling.service.box
        qtbot.waitUntil(lambda: box.state("room-check").status is PollStatus.OPEN, timeout=5000)
        server = polling.service.server
        assert server is not None
        wall, console = polling._pairs[0][0], polling._pairs[1][0]
        for view in (app.presenter.projector.view, app.presenter.console.preview):
            view.resize(1280, 720)
            view.grab()  # paint: the view tells its chart which poll it shows
        for _ in range(5):
            assert vote(server, "room-check", "o1") == 200
        qtbot.waitUntil(lambda: box.results("room-check").responses == 5, timeout=5000)
        # room-check is sensitive: it opened hidden, nothing to press.
        qtbot.waitUntil(lambda: wall.results is not None and wall.results.state.hidden
                        and wall.results.tally is not None, timeout=5000)
        wall.grab()
        console.grab()
        assert "Results hidden" in wall.drawn_text
        assert not any("This room" in text for text in wall.drawn_text)
        assert "This room (5)" in console.drawn_text
        assert "Hidden from the wall: H reveals" in console.drawn_text

        polling.console.open_button.click()  # close the poll
        qtbot.waitUntil(lambda: wall.results is not None
                        and wall.results.state.status is PollStatus.CLOSED, timeout=5000)
        qtbot.waitUntil(polling.console.hide_button.isEnabled, timeout=5000)
        polling.console.hide_button.click()  # reveal
        qtbot.waitUntil(lambda: wall.results is not None and not wall.results.state.hidden,
                        timeout=5000)
        wall.grab()
        console.grab()
        assert "Poll closed · 5 answers" in wall.drawn_text
        assert "Poll closed · 5 answers" in console.drawn_text
    finally:
        app.presenter.end()
