"""Make a real run journal's disk "full" for a moment: its next write fails for real.

RLIMIT_FSIZE caps the size any file of this process may grow to; set at the size the
journal's write-ahead log has now, SQLite's next append fails with EFBIG inside SQLite
itself, exactly as on a full USB stick. SIGXFSZ is ignored meanwhile (it would kill the
process); both are put back on leaving, so the journal works again afterwards.
"""

from __future__ import annotations

import resource
import signal
from collections.abc import Iterator
from contextlib import contextmanager

from facilitator.core.runs.journal import Journal


@contextmanager
def disk_full(journal: Journal) -> Iterator[None]:
    wal = journal.path.with_name(journal.path.name + "-wal")
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (wal.stat().st_size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
