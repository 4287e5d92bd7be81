"""What a pipe table in an article is for: figures, steps, a comparison, or just a table.

- figures: two columns, labels and numbers ("Stressed but engaged | 35") -> chart + poll;
- steps: a "Step | Description" table, or a first column of step numbers -> flow;
- comparison: a label column and two or more columns of phrases -> comparison + matrix poll;
- anything else stays a plain table on a slide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from facilitator.core.importer.article import PipeTable

_NUMBER = re.compile(r"^\s*[~≈]?\s*(-?\d{1,3}(?:,\d{3})*(?:\.\d+)?|-?\d+(?:\.\d+)?)\s*(%?)\s*$")
_STEP_HEADER = re.compile(r"^(step|stage|phase|order|no\.?|#|number)s?$", re.IGNORECASE)
_STEP_CELL = re.compile(r"^(?:(?:step|stage|phase)\s*)?\d{1,2}[.):]?$", re.IGNORECASE)


def parse_number(cell: str) -> tuple[float, bool] | None:
    """(value, has a % sign) for a numeric cell such as "35", "35%", "1,200", "3.5"."""
    match = _NUMBER.match(cell.replace("\u2009", "").replace("\u00a0", ""))
    if not match:
        return None
    return float(match.group(1).replace(",", "")), bool(match.group(2))


@dataclass(frozen=True)
class Figures:
    labels: tuple[str, ...]
    values: tuple[float, ...]
    label_header: str
    value_header: str
    percent: bool  # the numbers are percentages (a % sign, or a header/sum that says so)


@dataclass(frozen=True)
class Steps:
    steps: tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    label_header: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    @property
    def row_labels(self) -> tuple[str, ...]:
        return tuple(row[0] for row in self.rows)


@dataclass(frozen=True)
class OtherTable:
    table: PipeTable


TableKind = Figures | Steps | Comparison | OtherTable


def _figures(table: PipeTable) -> Figures | None:
    if len(table.header) != 2 or len(table.rows) < 2:
        return None
    numbers = [parse_number(row[1]) for row in table.rows]
    if any(number is None for number in numbers) or any(not row[0] for row in table.rows):
        return None
    values = tuple(number[0] for number in numbers if number)
    signs = any(number[1] for number in numbers if number)
    says_percent = "%" in table.header[1] or "percent" in table.header[1].lower()
    adds_to_100 = abs(sum(values) - 100) <= 1.5 and all(value >= 0 for value in values)
    return Figures(
        labels=tuple(row[0] for row in table.rows),
        values=values,
        label_header=table.header[0],
        value_header=table.header[1],
        percent=signs or says_percent or adds_to_100,
    )


def _steps(table: PipeTable) -> Steps | None:
    if len(table.header) not in (1, 2) or len(table.rows) < 2:
        return None
    first_column = [row[0] for row in table.rows]
    if not (_STEP_HEADER.match(table.header[0].strip())
            or all(_STEP_CELL.match(cell.strip()) for cell in first_column)):
        return None
    if len(table.header) == 1:
        return Steps(tuple(first_column))
    # The description is the step; fall back to the first cell where it is blank.
    return Steps(tuple(row[1] or row[0] for row in table.rows))


def _comparison(table: PipeTable) -> Comparison | None:
    if len(table.header) < 3 or len(table.rows) < 2:
        return None
    for row in table.rows:
        if not row[0] or any(parse_number(cell) for cell in row[1:]):
            return None
    # Columns that contrast two states hold phrases ("Spills into everything"); a reference
    # table of attributes holds short values ("Free", "9-5") and is no poll material.
    cells = [cell for row in table.rows for cell in row[1:]]
    if sum(len(cell.split()) for cell in cells) / len(cells) < 2:
        return None
    return Comparison(table.header[0], tuple(table.header[1:]), table.rows)


def classify_table(table: PipeTable) -> TableKind:
    return _steps(table) or _figures(table) or _comparison(table) or OtherTable(table)
