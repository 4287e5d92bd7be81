"""The `key: value` / `- item` grammar inside fenced blocks (prompt, poll, chart, ...).

Kept apart from the loader so every block type shares one set of error messages, and so
each field remembers its line for messages about its value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from facilitator.core.session.diagnostics import Diagnostic, did_you_mean

_KEY_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9_-]*)\s*:(?P<value>.*)$")


@dataclass
class Item:
    text: str
    line: int
    col: int


@dataclass
class Field:
    key: str
    value: str
    line: int
    col: int  # column of the value, for messages about it
    items: list[Item] = field(default_factory=list)


@dataclass
class Fields:
    """The parsed body of one block; `bare` holds list items that come before any key."""

    by_key: dict[str, Field] = field(default_factory=dict)
    bare: list[Item] = field(default_factory=list)

    def get(self, key: str) -> Field | None:
        return self.by_key.get(key)

    def text(self, key: str, default: str = "") -> str:
        found = self.by_key.get(key)
        return found.value if found else default


def parse_fields(
    body: str, first_line: int, path: str, allowed: tuple[str, ...], block: str
) -> tuple[Fields, list[Diagnostic]]:
    """Parse a block body whose first line is `first_line` (1-based) in `path`."""
    fields = Fields()
    errors: list[Diagnostic] = []
    current: Field | None = None
    for offset, raw in enumerate(body.splitlines()):
        line = first_line + offset
        if not raw.strip():
            continue
        if raw.startswith("\t") or raw.lstrip(" ").startswith("\t"):
            errors.append(Diagnostic(path, line, 1, "tab used for indentation; use spaces"))
            continue
        stripped = raw.strip()
        if stripped.startswith("- ") or stripped == "-":
            text = stripped[1:].strip()
            col = raw.index("-") + 3
            if not text:
                errors.append(Diagnostic(path, line, col - 2, "empty list item"))
                continue
            item = Item(text, line, col)
            if current is None:
                fields.bare.append(item)
            elif current.value:
                errors.append(
                    Diagnostic(
                        path,
                        line,
                        col - 2,
                        f'list item after "{current.key}: {current.value}"; '
                        f"a list goes under a key with nothing after the colon",
                    )
                )
            else:
                current.items.append(item)
            continue
        if raw.startswith(" "):
            errors.append(
                Diagnostic(path, line, 1, "unexpected indentation; keys start at the first column")
            )
            continue
        match = _KEY_LINE.match(raw)
        if not match:
            errors.append(
                Diagnostic(path, line, 1, f'expected "key: value" or "- item" in {block} block')
            )
            continue
        key = match.group("key").lower()
        value = match.group("value").strip()
        value_col = (
            match.start("value")
            + 1
            + (len(match.group("value")) - len(match.group("value").lstrip()))
        )
        if key not in allowed:
            errors.append(
                Diagnostic(
                    path,
                    line,
                    1,
                    f'unknown key "{key}" in {block} block{did_you_mean(key, allowed)}',
                )
            )
            current = None
            continue
        if key in fields.by_key:
            first = fields.by_key[key].line
            errors.append(Diagnostic(path, line, 1, f'"{key}" given twice (first on line {first})'))
            continue
        current = Field(key, value, line, value_col)
        fields.by_key[key] = current
    return fields, errors


def split_list(value: str) -> list[str]:
    """`a, b, c` -> ['a', 'b', 'c'], dropping empty parts."""
    return [part.strip() for part in value.split(",") if part.strip()]


def parse_yes_no(value: str) -> bool | None:
    lowered = value.strip().lower()
    if lowered in {"yes", "true", "on", "y"}:
        return True
    if lowered in {"no", "false", "off", "n"}:
        return False
    return None
