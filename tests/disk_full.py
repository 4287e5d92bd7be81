"""Make a real run journal's disk "full" for a moment: its next write fails for real.

RLIMIT_FSIZE caps the size any file of this process may grow to; set at the size the
journal's write-ahead log has now, SQLite's next append fails with EFBIG inside SQLite
itself, exactly as on a full USB stick. SIGXFSZ is ignored meanwhile (it would kill the
process); both are put back on leaving, so the journal works again afterwards.

The limit is on the offset a write reaches, not on growth: once a checkpoint has emptied
the log, SQLite writes it again from the start, below that size. `frames=True` sets the
limit at the log's 32-byte header instead, so no commit can write a frame whatever the
checkpointer did meanwhile (for tests where it may have run).
"""

from __future__ import annotations

import resource
import signal
from collections.abc import Iterator
from contextlib import contextmanager

from facilitator.core.runs.journal import Journal

WAL_HEADER = 32  # bytes before a write-ahead log's first frame


@contextmanager
def disk_full(journal: Journal, *, frames: bool = False) -> Iterator[None]:
    wal = journal.path.with_name(journal.path.name + "-wal")
    limit = WAL_HEADER if frames else wal.stat().st_size
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
