"""A clock the tests move by hand: timers, agenda and pace never wait on real time."""

from __future__ import annotations


class Clock:
    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
