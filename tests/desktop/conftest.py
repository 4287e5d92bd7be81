"""The desktop app's tests use the Qt tests' fixtures: sessions, a hand-stepped clock."""

from __future__ import annotations

from tests.qt.conftest import bundled, clock, make_presenter, sample

__all__ = ["bundled", "clock", "make_presenter", "sample"]
