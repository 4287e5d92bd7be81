"""Which thread owns an object that is not thread-safe, for debug assertions.

The ballot box belongs to one thread at a time: the phone server's event loop while it
runs, the thread that built or restored it before and after. The owner hands it over by
calling `claim()` on the new thread; code that changes the object asserts `here()`, so a
change from the wrong thread fails loudly in tests instead of racing quietly in a room
(`python -O` drops the assertions).
"""

from __future__ import annotations

import threading


class OwnerThread:
    def __init__(self) -> None:
        self._ident = threading.get_ident()  # the creating thread owns it until handed over

    def claim(self) -> None:
        """The calling thread owns the object from now on."""
        self._ident = threading.get_ident()

    def here(self) -> bool:
        """True when called on the owning thread."""
        return threading.get_ident() == self._ident
