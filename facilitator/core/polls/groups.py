"""Balanced random breakout groups for the phones in the room.

The facilitator picks a group size; the room is split into n / size groups, rounded (at
least one) whose sizes differ by at most one, so nobody ends up alone in a group of one
when the numbers do not divide evenly.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class GroupPlan:
    size: int  # what the facilitator asked for
    count: int  # how many groups there are
    members: Mapping[str, int]  # device key -> group number, 1-based

    def group_of(self, device_key: str) -> int | None:
        return self.members.get(device_key)


def group_count(people: int, size: int) -> int:
    if size < 1:
        raise ValueError("group size must be at least 1")
    # Half rounds up (not Python's round-half-even): 10 people in fours make 3 groups of
    # 3-4 rather than 2 of 5; smaller groups talk more.
    return max(1, math.floor(people / size + 0.5)) if people else 0


def assign_groups(device_keys: Sequence[str], size: int, rng: random.Random) -> GroupPlan:
    """Shuffle the devices and deal them round-robin into `group_count` groups."""
    count = group_count(len(device_keys), size)
    shuffled = list(device_keys)
    rng.shuffle(shuffled)
    members = {key: index % count + 1 for index, key in enumerate(shuffled)} if count else {}
    return GroupPlan(size, count, MappingProxyType(members))
