"""The one door between the phone server's thread and the Qt main thread.

The server calls `publish(snapshot, status)` on its own thread (at most ~10 times a second:
the server coalesces). The bridge keeps the latest pair and emits `changed` through a
queued connection, so every slot runs on the Qt main thread with an immutable snapshot.
The facilitator's commands go the other way through `post`, which runs a function on the
server's loop (the ballot box's single owner) and hands back a Future; toggles (open or
close, hide or reveal, lock or unlock) are decided there too, from the box's own state. A
command that fails there (the run journal could not save it) changed nothing; `failed(text)`
tells the main thread, so the console can say so instead of the button silently doing
nothing.

The bridge also owns, on the main thread, which poll is current (`current_poll_id`, set by
`show_poll` when a slide comes up): the console's controls read it here, the phones hear
it through the box. A debug assertion checks each method runs on the thread it says.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from facilitator.core.polls.ballot import BallotBox
from facilitator.core.polls.headcount import set_headcount
from facilitator.core.polls.moderation import Decision
from facilitator.core.polls.room import Room, RoomStatus
from facilitator.core.polls.snapshot import BallotSnapshot, PollResults

Post = Callable[[Callable[[], object]], "Future[object]"]


def on_main_thread() -> bool:
    """True on the Qt application's thread (or when no application exists yet)."""
    app = QCoreApplication.instance()
    return app is None or QThread.currentThread() is app.thread()


def off_main_thread() -> bool:
    """True anywhere but the Qt application's thread (and once the application is gone)."""
    return QCoreApplication.instance() is None or not on_main_thread()


class PollBridge(QObject):
    """`changed(snapshot, status)` fires on the main thread with the newest state;
    `current_changed(poll_id or None)` when another poll's slide comes up."""

    changed = Signal(object, object)
    current_changed = Signal(object)
    failed = Signal(str)  # main thread: a command could not be carried out, and why
    _arrived = Signal()
    _failed_there = Signal(str)

    def __init__(self, post: Post, poke: Callable[[], None], box: BallotBox, room: Room,
                 parent: QObject | None = None) -> None:
        """`post(fn)` runs fn on the server loop; `poke()` asks the server to publish."""
        super().__init__(parent)
        self._post = post
        self._poke = poke
        self._box = box
        self._room = room
        self._lock = threading.Lock()
        self._latest: tuple[BallotSnapshot, RoomStatus] | None = None
        self._waiting = False
        self.snapshot: BallotSnapshot | None = None  # main thread only
        self.status: RoomStatus | None = None
        self.current_poll_id: str | None = None  # main thread: the poll on the current slide
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._failed_there.connect(self.failed, Qt.ConnectionType.QueuedConnection)

    # -- server thread -------------------------------------------------------------------

    def publish(self, snapshot: BallotSnapshot, status: RoomStatus) -> None:
        """Called on the server thread. Only one delivery is ever queued: the newest wins."""
        assert off_main_thread(), "PollBridge.publish runs on the server's thread"
        with self._lock:
            self._latest = (snapshot, status)
            if self._waiting:
                return
            self._waiting = True
        self._arrived.emit()

    # -- main thread ---------------------------------------------------------------------

    @Slot()
    def _deliver(self) -> None:
        assert on_main_thread()
        with self._lock:
            latest, self._latest, self._waiting = self._latest, None, False
        if latest is None:
            return
        self.snapshot, self.status = latest
        self.changed.emit(*latest)

    def results(self, poll_id: str | None) -> PollResults | None:
        """The newest results of `poll_id` this thread has seen (main thread)."""
        return self.snapshot.polls.get(poll_id) if self.snapshot and poll_id else None

    def current_results(self) -> PollResults | None:
        return self.results(self.current_poll_id)

    # The facilitator's commands, main thread: queued onto the server loop, never run here.

    def run(self, fn: Callable[[], object], unchanged: str = "the poll was not changed") -> None:
        """Run `fn` on the server loop; if it fails, `failed` says so, ending in `unchanged`."""
        assert on_main_thread(), "the facilitator's commands are sent from the main thread"

        def check(future: Future[object]) -> None:  # on whichever thread completes it
            error = future.exception()
            if error is not None:
                self._failed_there.emit(f"Could not save: {error}; {unchanged}.")

        self._post(fn).add_done_callback(check)

    def open_poll(self, poll_id: str) -> None:
        self.run(lambda: self._box.open(poll_id))

    def close_poll(self, poll_id: str) -> None:
        self.run(lambda: self._box.close(poll_id))

    def toggle_open(self, poll_id: str) -> None:
        self.run(lambda: self._box.toggle_open(poll_id))

    def toggle_hidden(self, poll_id: str) -> None:
        self.run(lambda: self._box.toggle_hidden(poll_id))

    def toggle_locked(self, poll_id: str) -> None:
        self.run(lambda: self._box.toggle_locked(poll_id))

    def reset_poll(self, poll_id: str) -> None:
        self.run(lambda: self._box.reset(poll_id))

    def show_poll(self, poll_id: str | None) -> None:
        """A slide came up with this poll (None: no poll). It becomes the current poll here,
        and on the phones: opened the first time, else shown as it is. The box decides on
        its own thread (`BallotBox.show`): the snapshot here may be older than the box, e.g.
        right after start, before the first publish has arrived."""
        changed = poll_id != self.current_poll_id
        self.current_poll_id = poll_id
        if poll_id is None:
            self.run(lambda: self._box.set_current(None))
        else:
            self.run(lambda: self._box.show(poll_id))
        if changed:
            self.current_changed.emit(poll_id)

    def show_takehome(self, on: bool) -> None:
        """Phones show the take-home page (the session's end is on screen) or not."""
        self.run(lambda: self._box.set_takehome(on))

    def moderate(self, poll_id: str, item_id: str, approve: bool) -> None:
        decision = Decision.APPROVED if approve else Decision.REJECTED
        self.run(lambda: self._box.moderate(poll_id, item_id, decision))

    def moderate_word(self, poll_id: str, word: str, approve: bool) -> None:
        """Show, hold back or withdraw a word of a word poll."""
        decision = Decision.APPROVED if approve else Decision.REJECTED
        self.run(lambda: self._box.moderate_word(poll_id, word, decision))

    def make_groups(self, size: int) -> None:
        """Split every joined phone into balanced random groups of about `size`."""
        self.run(lambda: self._room.make_groups(size), "the groups were not changed")
        self._poke()

    def set_headcount(self, headcount: int) -> None:
        """The people the facilitator counted (0: not counted); thresholds follow it."""
        self.run(lambda: set_headcount(self._room, self._box, headcount),
                 "the headcount was not changed")
        self._poke()

    def clear_groups(self) -> None:
        self.run(self._room.clear_groups, "the groups were not changed")
        self._poke()
