"""Messages about a session file, each pointing at FILE:LINE:COL."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    path: str
    line: int  # 1-based
    col: int  # 1-based
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{self.path}:{self.line}:{self.col}: {prefix}{self.message}"


def did_you_mean(word: str, known: list[str] | tuple[str, ...]) -> str:
    """' (did you mean "x"?)' for the closest known word, or '' when nothing is close."""
    import difflib

    match = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f' (did you mean "{match[0]}"?)' if match else ""
