"""The `---` block of `key: value` lines at the top of a session file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from facilitator.core.session.diagnostics import Diagnostic, did_you_mean

FRONT_KEYS = ("title", "subtitle", "credit", "minutes", "region", "language",
              # The workshop pack: printed on the handout and the guide where given.
              "date", "venue", "facilitators", "objectives", "source")
_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9_-]*)\s*:(?P<value>.*)$")


@dataclass
class FrontMatter:
    values: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    end_line: int = 0  # number of lines the block takes, 0 when there is none


def read_front_matter(lines: list[str], path: str) -> tuple[FrontMatter, list[Diagnostic]]:
    front = FrontMatter()
    errors: list[Diagnostic] = []
    if not lines or lines[0].strip() != "---":
        errors.append(
            Diagnostic(
                path, 1, 1, 'session must start with a "---" block holding at least "title: ..."'
            )
        )
        return front, errors
    for index in range(1, len(lines)):
        line_no = index + 1
        raw = lines[index]
        if raw.strip() == "---":
            front.end_line = line_no
            break
        if not raw.strip():
            continue
        if raw[0] in " \t":
            errors.append(Diagnostic(path, line_no, 1, "unexpected indentation in the --- block"))
            continue
        match = _LINE.match(raw)
        if not match:
            errors.append(Diagnostic(path, line_no, 1, 'expected "key: value" in the --- block'))
            continue
        key = match.group("key").lower()
        if key not in FRONT_KEYS:
            errors.append(
                Diagnostic(path, line_no, 1, f'unknown key "{key}"{did_you_mean(key, FRONT_KEYS)}')
            )
            continue
        if key in front.values:
            errors.append(
                Diagnostic(
                    path, line_no, 1, f'"{key}" given twice (first on line {front.lines[key]})'
                )
            )
            continue
        front.values[key] = match.group("value").strip()
        front.lines[key] = line_no
    else:
        errors.append(Diagnostic(path, 1, 1, 'the --- block at the top is never closed with "---"'))
        return front, errors
    if not front.values.get("title"):
        errors.append(Diagnostic(path, 1, 1, 'the --- block needs "title: ..."'))
    return front, errors
