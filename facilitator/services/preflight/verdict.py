"""A check's answer: one line, its level, and what to do about it."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from enum import StrEnum


class Level(StrEnum):
    OK = "ok"
    WARNING = "warning"
    PROBLEM = "problem"


@dataclass(frozen=True)
class Line:
    area: str  # network, screens, sound, printing, session
    level: Level
    text: str  # what was found
    advice: str = ""  # one sentence: what to do (empty when there is nothing to do)
    detail: str = ""  # extra lines for a terminal (the join QR), not in the dialog's list

    def as_dict(self) -> dict[str, str]:
        found = asdict(self)
        found["level"] = self.level.value
        del found["detail"]
        return found


_MARK = {Level.OK: "OK     ", Level.WARNING: "WARNING", Level.PROBLEM: "PROBLEM"}


def format_line(line: Line) -> str:
    advice = f" {line.advice}" if line.advice else ""
    return f"{_MARK[line.level]} {line.area}: {line.text}.{advice}"


def exit_code(lines: list[Line]) -> int:
    """1 when anything would stop the session working; warnings alone still exit 0."""
    return 1 if any(line.level is Level.PROBLEM for line in lines) else 0


def to_json(lines: list[Line]) -> str:
    problems = sum(line.level is Level.PROBLEM for line in lines)
    warnings = sum(line.level is Level.WARNING for line in lines)
    return json.dumps({"problems": problems, "warnings": warnings,
                       "checks": [line.as_dict() for line in lines]}, indent=2)
