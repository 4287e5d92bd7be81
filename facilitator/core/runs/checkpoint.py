"""Moving a journal's WAL into its database on a thread of its own.

SQLite normally checkpoints inside the commit that crosses 1,000 WAL pages, and a
checkpoint fsyncs: 10-50 ms on this machine, on the server's event loop, while phones wait
for their acknowledgement (it was most of the 1,000-phone benchmark's ack p99). The journal
turns that off (`wal_autocheckpoint=0`) and this thread checkpoints every `interval` seconds
on its own connection instead. PASSIVE never blocks the writer; sqlite3 lets go of the GIL
while it works, so the server's thread runs meanwhile.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path


class Checkpointer:
    def __init__(self, path: Path, interval: float = 1.0) -> None:
        self._path = path
        self._interval = interval
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="journal-checkpoint", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        connection = sqlite3.connect(self._path, isolation_level=None, timeout=1.0)
        try:
            while not self._stopped.wait(self._interval):
                try:
                    connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
                except sqlite3.Error:
                    continue  # busy or locked now: the next round catches up
        finally:
            connection.close()

    def stop(self) -> None:
        """Stop and wait for the thread (the journal's own close checkpoints what is left)."""
        self._stopped.set()
        self._thread.join(5)
