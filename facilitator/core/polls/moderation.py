"""The queue of open-text answers the facilitator screens before any is projected.

Safe messaging asks that free text be read before a room sees it, so every text answer
starts `PENDING` and only `APPROVED` ones reach a chart. Items carry an opaque id
("t1", "t2", ...) so the console can approve one without ever seeing a device key.
A participant who changes their answer replaces their item, and the new text waits again.

Every item is read by the one risk screen as it arrives: an answer that names suicide,
self-harm or wanting to die carries its category (`risk`), so the console can flag it and
tell the facilitator, and never show it with one click. An approved item can be withdrawn
(decided `REJECTED` after all). Word polls keep one decision per word (`WordDecisions`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from itertools import count

from facilitator.core.risk.screen import category_of


class Decision(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


@dataclass(frozen=True)
class TextItem:
    id: str
    text: str
    decision: Decision = Decision.PENDING
    risk: str = ""  # "suicide", "self-harm", "wanting to die" when the risk screen matched


class ModerationQueue:
    """One text poll's items, keyed by device. Not thread-safe: its ballot box's owner uses it."""

    def __init__(self) -> None:
        self._by_device: dict[str, TextItem] = {}
        self._order: dict[str, int] = {}  # item id -> when it was decided, for stable display
        self._ids = count(1)
        self._decided = count(1)

    def put(self, device_key: str, text: str) -> TextItem:
        """A new or changed answer: a fresh pending item replaces the device's old one."""
        risk = category_of(text)
        item = TextItem(f"t{next(self._ids)}", text, risk=risk.value if risk else "")
        self._by_device[device_key] = item
        return item

    def remove(self, device_key: str) -> None:
        self._by_device.pop(device_key, None)

    def device_of(self, item_id: str) -> str | None:
        return next((key for key, item in self._by_device.items() if item.id == item_id), None)

    def decide(self, item_id: str, decision: Decision) -> str | None:
        """Set an item's decision; returns its device key, or None when no such item is left."""
        device_key = self.device_of(item_id)
        if device_key is not None:
            item = self._by_device[device_key]
            self._by_device[device_key] = TextItem(item.id, item.text, decision, item.risk)
            self._order[item.id] = next(self._decided)
        return device_key

    def decide_for(self, device_key: str, decision: Decision) -> None:
        """Replay a journaled decision for a device's current item."""
        item = self._by_device.get(device_key)
        if item is not None:
            self.decide(item.id, decision)

    def clear(self) -> None:
        self._by_device.clear()
        self._order.clear()

    def pending(self) -> tuple[TextItem, ...]:
        items = [i for i in self._by_device.values() if i.decision == Decision.PENDING]
        return tuple(sorted(items, key=lambda item: int(item.id[1:])))

    def approved_items(self) -> tuple[TextItem, ...]:
        """On screen, in the order they were approved (the console offers to withdraw them)."""
        items = [i for i in self._by_device.values() if i.decision == Decision.APPROVED]
        return tuple(sorted(items, key=lambda i: self._order[i.id]))

    def approved(self) -> tuple[str, ...]:
        return tuple(item.text for item in self.approved_items())


class WordDecisions:
    """A word poll's decisions, one per word (answers are already case-folded): approved
    words may show, rejected ones never do (a shown word withdrawn, a name held back).
    Not thread-safe: its ballot box's owner uses it."""

    def __init__(self) -> None:
        self._decisions: dict[str, Decision] = {}

    def decide(self, word: str, decision: Decision) -> None:
        self._decisions[word] = decision

    def of(self, word: str) -> Decision:
        return self._decisions.get(word, Decision.PENDING)

    def clear(self) -> None:
        self._decisions.clear()
