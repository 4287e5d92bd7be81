"""RunResults: JSON round trip, clear errors, and threshold masking."""

from __future__ import annotations

import json

import pytest

from facilitator.core.runs.results import ResultsError, RunResults, shown_counts
from tests.printing.run_fixture import RUN


def test_json_round_trip_keeps_everything() -> None:
    assert RunResults.from_json(RUN.to_json()) == RUN


def test_saved_json_has_no_per_person_fields() -> None:
    raw = json.loads(RUN.to_json())
    assert set(raw) == {"format", "session_title", "date", "threshold", "polls",
                        "approved_texts", "timing", "questions"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON"),
        ("[]", "expected format"),
        ('{"format": "facilitator-run/1"}', "missing 'threshold'"),
        ('{"format": "facilitator-run/1", "threshold": 0, "session_title": "x"}',
         "at least 1"),
        ('{"format": "facilitator-run/1", "threshold": 5, "session_title": "x", "polls": '
         '[{"id": "a", "question": "q", "type": "single", "responses": -1}]}', "whole number"),
    ],
)
def test_broken_run_files_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ResultsError, match=message) as caught:
        RunResults.from_json(text, "run.json")
    assert str(caught.value).startswith("run.json: ")


def test_small_cells_are_shown_as_fewer_than_n() -> None:
    assert shown_counts((6, 5, 2, 0), 5, sums_to_total=False) == (
        "6", "5", "fewer than 5", "fewer than 5")


def test_a_lone_hidden_cell_is_not_left_recoverable_from_the_total() -> None:
    # 9 + 7 + 2 = 18 responses: hiding only the 2 would leave it as 18 - 9 - 7.
    assert shown_counts((9, 7, 2), 5, sums_to_total=True) == (
        "9", "fewer than 5", "fewer than 5")
    # Without a fixed total (multiple choice) one hidden cell reveals nothing.
    assert shown_counts((9, 7, 2), 5, sums_to_total=False) == ("9", "7", "fewer than 5")
    assert shown_counts((9, 7), 5, sums_to_total=True) == ("9", "7")
