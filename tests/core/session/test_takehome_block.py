"""The ```takehome block: which slide switches the phones to the take-home page, its
`points:` override, and one FILE:LINE:COL message for each mistake."""

from __future__ import annotations

import pytest

from facilitator.core.session.loader import parse_session
from facilitator.core.session.writer import write_session
from facilitator.core.takehome.content import shows_takehome, take_home

HEAD = "---\ntitle: T\nminutes: 10\nobjectives: Objective one\n---\n\n# Part (10 min)\n\n"
MIDDLE = "## Middle\n\nText\n\n"


def test_an_empty_block_marks_its_slide_and_keeps_the_objectives() -> None:
    text = HEAD + "## Thanks\n\n```takehome\n```\n\n" + MIDDLE
    result = parse_session(text, "s.md")
    assert result.ok, result.errors
    session = result.session
    assert session is not None
    assert [shows_takehome(session, i) for i in range(2)] == [True, False]
    assert take_home(session).key_points == ("Objective one",)


def test_points_override_the_objectives_and_round_trip() -> None:
    text = HEAD + MIDDLE + "## Thanks\n\n```takehome\npoints:\n- First\n- Second\n```\n"
    result = parse_session(text, "s.md")
    assert result.ok, result.errors
    assert result.session is not None
    assert take_home(result.session).key_points == ("First", "Second")
    again = parse_session(write_session(result.session), "w.md")
    assert again.session is not None
    block = again.session.slides[-1].takehome
    assert block is not None and block.points == ("First", "Second")


def test_without_a_block_the_last_slide_is_the_takehome_one() -> None:
    result = parse_session(HEAD + MIDDLE + "## End\n\nBye\n", "s.md")
    assert result.session is not None
    assert [shows_takehome(result.session, i) for i in (-1, 0, 1, 2)] == [
        False, False, True, False]


@pytest.mark.parametrize(("block", "expected"), [
    ("points: one\n", 's.md:16:9: list the key points under "points:", one per "- " line'),
    ("points:\n", 's.md:16:8: list the key points under "points:", one per "- " line'),
    ("- loose\n", 's.md:16:1: a list item needs a key above it: "points:"'),
    ("point:\n- a\n", 's.md:16:1: unknown key "point" in takehome block (did you mean '
                      '"points"?)'),
    ("points:\n" + "- p\n" * 9, "s.md:25:3: at most 8 key points: the page is read on a phone"),
    ("points:\n- " + "x" * 201 + "\n",
     "s.md:17:3: a key point is at most 200 characters (this one has 201)"),
])
def test_bad_values_are_file_line_col_errors(block: str, expected: str) -> None:
    text = HEAD + MIDDLE + "## Thanks\n\n```takehome\n" + block + "```\n"
    result = parse_session(text, "s.md")
    assert [str(e) for e in result.errors] == [expected]


def test_a_second_block_is_refused() -> None:
    text = HEAD + "## A\n\nx\n\n```takehome\n```\n\n## B\n\ny\n\n```takehome\n```\n"
    result = parse_session(text, "s.md")
    assert [str(e) for e in result.errors] == [
        "s.md:20:1: a second takehome block (first on line 13)"]
