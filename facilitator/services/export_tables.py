"""`facilitator report RUN --format csv|xlsx|json`: the run's tables (`core.runs.result_tables`)
written for a spreadsheet. CSV: the tables one under another, each under its title, a blank
line between; xlsx (openpyxl): one sheet per table; JSON: a list of tables."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from facilitator.core.runs.result_tables import Table, tables
from facilitator.core.runs.results import RunResults

FORMATS = ("pdf", "csv", "xlsx", "json")


def write_tables(results: RunResults, out: Path, fmt: str) -> int:
    """Write `results` as `fmt` to `out`; returns the number of tables."""
    found = tables(results)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for index, table in enumerate(found):
            if index:
                writer.writerow([])
            writer.writerow([table.title])
            writer.writerow(table.columns)
            writer.writerows(table.rows)
        # utf-8-sig: spreadsheet programs then read accents and dashes correctly.
        out.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")
    elif fmt == "json":
        out.write_text(json.dumps({"session": results.session_title, "date": results.date,
                                   "threshold": results.threshold,
                                   "tables": [_as_json(t) for t in found]},
                                  ensure_ascii=False, indent=2), encoding="utf-8")
    elif fmt == "xlsx":
        _xlsx(found, out)
    else:
        raise ValueError(f"unknown format {fmt!r}: choose from {', '.join(FORMATS)}")
    return len(found)


def _as_json(table: Table) -> dict[str, object]:
    return {"name": table.name, "title": table.title, "columns": list(table.columns),
            "rows": [list(row) for row in table.rows]}


def _xlsx(found: list[Table], out: Path) -> None:
    from openpyxl import Workbook  # only this format needs it

    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for table in found:
        name = table.name
        for bad in "[]:*?/\\":
            name = name.replace(bad, "-")
        while name in used:
            name = name[:28] + f"-{len(used)}"
        used.add(name)
        sheet = book.create_sheet(name)
        sheet.append([table.title])
        sheet.append(list(table.columns))
        for row in table.rows:
            # A cell starting with = + - @ would run as a formula in a spreadsheet.
            sheet.append([f"'{cell}" if cell[:1] in "=+-@" else cell for cell in row])
    book.save(out)
