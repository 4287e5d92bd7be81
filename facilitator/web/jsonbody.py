"""A cheap depth check before `json.loads`: a 4 KB body of brackets must give 400, not 500.

Python's parser recurses once per level; about a thousand levels raise RecursionError deep
in the handler. No answer needs more than three levels (a matrix: object of row -> point),
so anything deeper than `MAX_DEPTH` is refused unparsed.
"""

from __future__ import annotations

MAX_DEPTH = 8


def too_deep(text: str, limit: int = MAX_DEPTH) -> bool:
    """Whether `text` nests arrays/objects deeper than `limit` (strings are skipped)."""
    if text.count("[") + text.count("{") <= limit:
        return False  # cannot nest deeper than it opens (every answer; counted in C)
    depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return True
        elif char in "]}":
            depth -= 1
    return False
