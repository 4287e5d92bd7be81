"""The phone poll service, assembled: ballot box, room, server, support page.

A composition helper (it sees settings, assets, core and web), shared by the
desktop app and `facilitator serve` so both start the same server the same way.
"""

from __future__ import annotations

import errno
from typing import TYPE_CHECKING

from facilitator.core.network import url_host
from facilitator.core.polls.ballot import BallotBox, Journal
from facilitator.core.polls.room import Room
from facilitator.core.questions.box import QuestionBox
from facilitator.core.session.model import Session
from facilitator.core.takehome.content import take_home
from facilitator.services import assets
from facilitator.services.settings import Settings
from facilitator.services.support_lines import support_info

if TYPE_CHECKING:  # the web stack (aiohttp) is imported by `start`, after the app's first
    # paint: importing it takes longer than everything else the first slide needs
    from facilitator.web.live import Subscriber
    from facilitator.web.server import PollServer


class PollService:
    """Everything the phones talk to, for one session. Start it, and stop it at quit.
    Its methods are called on the main thread; the box and room it holds belong to the
    running server's loop (see `web.server`)."""

    def __init__(self, session: Session, settings: Settings, journal: Journal | None = None,
                 room: Room | None = None, interval: float = 0.1,
                 box: BallotBox | None = None,
                 questions: QuestionBox | None = None) -> None:
        """`box` and `room`: a run's, already journaled and restored (`core.runs.resume`)."""
        self.session = session
        self.settings = settings
        self.box = box or BallotBox(session.polls, journal=journal)
        self.room = room or Room()
        # Kept across server restarts, like the box; a run's is journaled (`Run.questions`).
        self.questions = questions or QuestionBox()
        self.questions.enabled = session.questions
        self.support, self.problems = support_info(session, settings)
        self._interval = interval
        self.server: PollServer | None = None
        # A server whose loop did not stop in time still holds the box (and the journal):
        # kept here so no second server starts beside it until it has really ended.
        self._stuck: PollServer | None = None
        self._subscribers: list[Subscriber] = []

    def subscribe(self, subscriber: Subscriber) -> None:
        """`subscriber(snapshot, status)` hears every server this service starts, from its
        first publish on (it is subscribed before the server starts). Main thread; the
        subscriber is called on the server's thread."""
        self._subscribers.append(subscriber)
        if self.server is not None:
            self.server.subscribe(subscriber)

    def start(self, host: str | None, port: int | None = None) -> PollServer:
        """Serve on `host` (raises OSError with a readable message when it cannot); main
        thread. `host=None`: no socket, but the box still lives on the server's loop."""
        from facilitator.web.server import PollServer

        if not self.stop():
            raise OSError(errno.EBUSY, "the previous phone server has not stopped yet; "
                          "restart the app to let phones join again")
        server = PollServer(self.box, self.room, assets.resource_path("web"), host=host,
                            port=self.settings.port if port is None else port,
                            support=self.support, interval=self._interval,
                            language=self.session.language, questions=self.questions,
                            takehome=take_home(self.session))
        for subscriber in self._subscribers:
            server.subscribe(subscriber)
        server.start()
        self.server = server
        return server

    def stop(self, timeout: float = 5.0) -> bool:
        """Main thread. False while a server's loop has not stopped: the box is then still
        that loop's, so the caller must leave it (and its journal) alone. A server that once
        failed to stop is asked again without waiting (it may have finished meanwhile)."""
        if self._stuck is not None:
            if not self._stuck.stop(timeout=0):
                return False
            self._stuck = None
        if self.server is not None:
            server, self.server = self.server, None
            if not server.stop(timeout):
                self._stuck = server
                return False
        return True

    @property
    def join_url(self) -> str:
        return self.server.join_url if self.server else ""

    @property
    def listening(self) -> bool:
        """Whether phones can join now."""
        return self.server is not None and self.server.listening

    @property
    def caption(self) -> str:
        """Under the QR code: what to type if scanning fails, and the room code to check."""
        if self.server is None or self.server.host is None:
            return ""
        return f"{url_host(self.server.host)}:{self.server.port} · room {self.room.code}"
