"""The message collector every fenced-block builder writes to.

A module of its own so `blocks` and `poll_blocks` can both use it without importing each
other (blocks imports poll_blocks for `build_poll`).
"""

from __future__ import annotations

from facilitator.core.session.diagnostics import Diagnostic
from facilitator.core.session.fields import Field


class BlockErrors:
    """Collects messages for one block so builders read as straight-line code."""

    def __init__(self, path: str, line: int) -> None:
        self.path = path
        self.line = line  # the fence line, for problems with the block as a whole
        self.items: list[Diagnostic] = []

    def at(self, line: int, col: int, message: str) -> None:
        self.items.append(Diagnostic(self.path, line, col, message))

    def on(self, found: Field, message: str) -> None:
        self.at(found.line, found.col, message)

    def block(self, message: str) -> None:
        self.at(self.line, 1, message)
