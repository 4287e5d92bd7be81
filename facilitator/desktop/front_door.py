"""Bringing a live run's windows to the front from a second start on the same session.

The process recording a run listens on a local socket named after the run's journal
(`run_lock.front_door_name`); a second start that finds the run locked knocks, and the
first process raises its console and projector. Local sockets only: nothing leaves the
machine.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

KNOCK = b"front\n"
WAIT_MS = 1000


class FrontDoor(QObject):
    """Listens for knocks while this process records a run; `on_knock` raises the windows."""

    def __init__(self, name: str, on_knock: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_knock = on_knock
        self._server = QLocalServer(self)
        QLocalServer.removeServer(name)  # a socket file left by a crashed process
        self.listening = self._server.listen(name)
        self._server.newConnection.connect(self._answer)

    def _answer(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda socket=socket: self._read(socket))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(KNOCK.strip()):
            self._on_knock()

    def close(self) -> None:
        self._server.close()


def knock(name: str) -> bool:
    """Ask the process behind `name` to bring its windows forward; False if nobody answers."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(WAIT_MS):
        return False
    socket.write(KNOCK)
    sent = socket.waitForBytesWritten(WAIT_MS)
    socket.disconnectFromServer()
    return sent
