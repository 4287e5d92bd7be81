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


# -- when figures make a poll -----------------------------------------------------------
# A poll asks people to place themselves in a row; that only means something when the rows
# are groups a person belongs to and the numbers say how people are spread over them (a
# distribution, summing to about 100) or what share of each group has some property. The
# poll's question must then say what the numbers measure.
_GENERIC_VALUE = re.compile(
    r"^(value|values|number|numbers|n|count|%|percent|percentage|per ?cent|share|data|figure|"
    r"score|total|valeur|nombre|pourcentage|valor|número|porcentaje|wert|anzahl|prozent|"
    r"valoare|număr|procent)s?\s*(\(%\))?$",
    re.IGNORECASE,
)
_MEASURE_CUE = re.compile(
    r"%|\b(percent|per cent|share|proportion|rate|prevalence|of (respondents|people|staff|"
    r"those|participants)|surveyed|survey|reported|said|pour ?cent|part des|taux|enquête|"
    r"por ?ciento|porcentaje|proporción|tasa|encuesta|prozent|anteil|quote|umfrage|"
    r"procent|proporția|rata|sondaj)\b",
    re.IGNORECASE,
)
_GROUP_HEADER = re.compile(
    r"\b(group|groups|role|job|profession|occupation|specialty|speciality|department|unit|"
    r"ward|team|staff|age|year|years|cohort|level|grade|position|who|where|population|"
    r"groupe|métier|profession|âge|service|poste|grupo|profesión|edad|puesto|servicio|"
    r"gruppe|beruf|alter|abteilung|station|grupă|profesie|vârstă|secție)\b",
    re.IGNORECASE,
)
MAX_MEASURE_WORDS = 18
MAX_QUOTED_MEASURE_CHARS = 60


def is_distribution(figures: Figures) -> bool:
    return figures.percent and abs(sum(figures.values) - 100) <= 2 and all(
        value >= 0 for value in figures.values
    )


def measure_of(figures: Figures, before: str) -> str | None:
    """What the numbers measure, in the article's words: the value column's header when it
    says more than "Value", else the sentence before the table when it names a measure."""
    header = figures.value_header.strip()
    if header and not _GENERIC_VALUE.match(header):
        return header[0].lower() + header[1:]
    sentence = before.strip().rstrip(":").strip()
    if sentence and _MEASURE_CUE.search(sentence) and len(sentence.split()) <= MAX_MEASURE_WORDS:
        if len(sentence) > MAX_QUOTED_MEASURE_CHARS:  # a poll's question must fit its slide
            sentence = sentence[: MAX_QUOTED_MEASURE_CHARS - 1].rsplit(" ", 1)[0] + "…"
        return f"“{sentence}”"
    return None


def poll_reading(figures: Figures, measure: str | None) -> str | None:
    """"distribution", "share" (a per-group share, no reference bars), or None: no poll."""
    if measure is None or len(figures.labels) > 8:
        return None
    if any(len(label.split()) > 8 for label in figures.labels):
        return None
    if is_distribution(figures):
        return "distribution"
    if figures.percent and _GROUP_HEADER.search(figures.label_header):
        return "share"
    return None
