"""`facilitator report RUN --format csv|xlsx|json`, run as a user would, and read back: one
table per poll and one for the questions, thresholds applied, no device column."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from facilitator.core.runs.results import QuestionCount
from tests.printing.run_fixture import RUN

RESULTS = replace(RUN, questions=(QuestionCount("How do I notice it early?", 9),
                                  QuestionCount("=HYPERLINK(\"x\")", 1)))


def _report(tmp_path: Path, fmt: str) -> Path:
    source = tmp_path / "run.json"
    source.write_text(RESULTS.to_json(), encoding="utf-8")
    out = tmp_path / f"results.{fmt}"
    done = subprocess.run([sys.executable, "-m", "facilitator", "report", str(source),
                           "--format", fmt, "--out", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"{len(RUN.polls) + 1} tables" in done.stdout
    return out


def _check_cells(cells: list[str]) -> None:
    flat = " ".join(cells).lower()
    assert "device" not in flat and "pseudonym" not in flat
    assert "my sister ana" not in flat  # a word given by one person
    assert "fewer than 5" in flat


def test_csv_reads_back_with_every_table(tmp_path: Path) -> None:
    out = _report(tmp_path, "csv")
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    titles = [rows[0][0]] + [rows[i + 1][0] for i, row in enumerate(rows[:-1]) if row == []]
    assert titles == [p.question for p in RUN.polls] + ["Questions from the room (approved)"]
    assert ["Persistently numb", "fewer than 5"] in rows
    assert ["Stressed but engaged", "6"] in rows
    assert ["responses"] in rows and ["fewer than 5"] in rows  # thick-skin: 3 answers
    assert ["How do I notice it early?", "9"] in rows
    _check_cells([cell for row in rows for cell in row])


def test_xlsx_has_one_sheet_per_table_and_no_formulas(tmp_path: Path) -> None:
    book = load_workbook(_report(tmp_path, "xlsx"))
    assert book.sheetnames == [p.poll_id for p in RUN.polls] + ["questions"]
    matrix = [list(r) for r in book["gut-check"].iter_rows(values_only=True)]
    assert matrix[1][0] == "row" and matrix[2][0] == "Scope"
    assert matrix[3] == ["Energy", "fewer than 5", "fewer than 5", "fewer than 5", "5", "6"]
    questions = [list(r) for r in book["questions"].iter_rows(values_only=True)]
    assert questions[3] == ["'=HYPERLINK(\"x\")", "fewer than 5"]  # text, never a formula
    cells = [str(c) for sheet in book for row in sheet.iter_rows(values_only=True)
             for c in row if c is not None]
    _check_cells(cells)


@pytest.mark.parametrize("fmt", ["json"])
def test_json_lists_the_same_tables(tmp_path: Path, fmt: str) -> None:
    data = json.loads(_report(tmp_path, fmt).read_text(encoding="utf-8"))
    assert [t["name"] for t in data["tables"]] == [p.poll_id for p in RUN.polls] + ["questions"]
    assert data["threshold"] == 5
    _check_cells([str(c) for t in data["tables"] for row in t["rows"] for c in row])
