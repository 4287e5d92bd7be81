"""Per-device rate limit: a token bucket per key, with the clock injected for tests.

A phone that taps "send" a few times in a row is fine (the burst); a script that posts in
a loop is told to slow down (HTTP 429) long before it could load the laptop.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class RateLimiter:
    def __init__(self, rate: float = 2.0, burst: int = 10,
                 clock: Callable[[], float] = time.monotonic, max_keys: int = 10_000) -> None:
        self._rate = rate
        self._burst = float(burst)
        self._clock = clock
        self._max_keys = max_keys
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, last time)

    def allow(self, key: str, spend: bool = True) -> bool:
        """Whether `key` may act now; `spend=False` only looks (nothing is used up)."""
        now = self._clock()
        tokens, last = self._buckets.get(key, (self._burst, now))
        tokens = min(self._burst, tokens + (now - last) * self._rate)
        allowed = tokens >= 1.0
        self._buckets[key] = (tokens - 1.0 if allowed and spend else tokens, now)
        if len(self._buckets) > self._max_keys:
            self._forget_full(now)
        return allowed

    def _forget_full(self, now: float) -> None:
        # A bucket that has refilled completely carries no information; drop those first.
        refill = self._burst / self._rate
        self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < refill}
        if len(self._buckets) > self._max_keys:
            # Still too many live keys: keep the most recent; memory stays bounded.
            newest = sorted(self._buckets.items(), key=lambda item: item[1][1])
            self._buckets = dict(newest[-self._max_keys:])
