"""Whole percentages that add up to exactly 100, by the largest remainder method.

Rounding each share on its own can show 33% + 33% + 33% = 99% (or 101%), and a room
that sees its own answers add up wrong stops trusting the chart. The largest remainder
(Hamilton) method floors every share, then hands the missing points one each to the
shares that lost the most in flooring.
"""

from __future__ import annotations

from collections.abc import Sequence


def whole_percents(counts: Sequence[int], total: int = 100) -> tuple[int, ...]:
    """`counts` as whole percentages summing to `total` (all zeros when nobody answered).
    Ties in the remainder go to the larger count, then to the earlier option, so the same
    answers always give the same figures."""
    people = sum(counts)
    if people <= 0:
        return tuple(0 for _ in counts)
    exact = [count * total / people for count in counts]
    floors = [int(value) for value in exact]
    missing = total - sum(floors)
    order = sorted(range(len(counts)),
                   key=lambda i: (-(exact[i] - floors[i]), -counts[i], i))
    for index in order[:missing]:
        floors[index] += 1
    return tuple(floors)
