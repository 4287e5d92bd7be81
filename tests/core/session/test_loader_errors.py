"""Every mistake a facilitator can make gets one FILE:LINE:COL message, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.core.session.loader import load_session, parse_session

HEAD = "---\ntitle: T\nminutes: 10\n---\n\n# Part (10 min)\n\n"  # the body starts on line 8


def error_lines(body: str, words: str, head: str = HEAD) -> list[int]:
    """Lines of the errors whose message contains `words`."""
    result = parse_session(head + body, "s.md")
    assert result.session is None, "expected the file to be refused"
    assert result.errors, "a refused file must say why"
    for error in result.errors:
        assert str(error).startswith(f"s.md:{error.line}:{error.col}: ")
    return [error.line for error in result.errors if words in error.message]


CASES: list[tuple[str, str, int, str]] = [
    # (id, body after HEAD, expected line, expected words in the message)
    (
        "unknown block",
        "## S\n\n```pol\nid: a\n```\n",
        10,
        'unknown block "pol" (did you mean "poll"?)',
    ),
    (
        "unknown poll key",
        "## S\n\n```poll\nid: a\nquestion: Q\ntype: single\noptoins:\n- x\n```\n",
        14,
        'unknown key "optoins" in poll block (did you mean "options"?)',
    ),
    (
        "bad duration",
        "## S\n\n```prompt\ntext: Talk\nduration: 4 parsecs\n```\n",
        12,
        'bad duration "4 parsecs"',
    ),
    (
        "zero duration",
        "## S\n\n```prompt\ntext: Talk\nduration: 0m\n```\n",
        12,
        "must be more than zero",
    ),
    (
        "prompt without duration",
        "## S\n\n```prompt\ntext: Talk\n```\n",
        10,
        'prompt needs "duration: ..."',
    ),
    (
        "prompt without text",
        "## S\n\n```prompt\nduration: 2m\n```\n",
        10,
        'prompt needs "text: ..."',
    ),
    (
        "unknown group format",
        "## S\n\n```prompt\ntext: T\nduration: 2m\nformat: trios\n```\n",
        13,
        'unknown format "trios"',
    ),
    (
        "bad phase",
        "## S\n\n```prompt\ntext: T\nphases:\n- 1m solo\n- 2x pairs\n```\n",
        14,
        'bad duration "2x"',
    ),
    (
        "poll without options",
        "## S\n\n```poll\nid: a\nquestion: Q\ntype: single\n```\n",
        10,
        "needs at least two options",
    ),
    (
        "reference figures do not match",
        "## S\n\n```poll\nid: a\nquestion: Q\ntype: single\noptions:\n- x\n- y\nreference: 1, 2, 3\n```\n",
        17,
        "3 reference figures for 2 options",
    ),
    (
        "reference not numbers",
        "## S\n\n```poll\nid: a\nquestion: Q\ntype: single\noptions:\n- x\n- y\nreference: lots, few\n```\n",
        17,
        "reference figures must be numbers",
    ),
    (
        "unknown poll type",
        "## S\n\n```poll\nid: a\nquestion: Q\ntype: singel\n```\n",
        13,
        'unknown poll type "singel" (did you mean "single"?)',
    ),
    (
        "poll without id",
        "## S\n\n```poll\nquestion: Q\ntype: word\n```\n",
        10,
        'poll needs "id: ..."',
    ),
    (
        "bad poll id",
        "## S\n\n```poll\nid: my poll\nquestion: Q\ntype: word\n```\n",
        11,
        "may only use letters, digits",
    ),
    (
        "duplicate poll id",
        "## A\n\n```poll\nid: a\nquestion: Q\ntype: word\n```\n\n## B\n\n```poll\nid: a\nquestion: R\ntype: word\n```\n",
        18,
        'poll id "a" is used twice (first on line 10)',
    ),
    (
        "bad reveal",
        "## S\n\n```poll\nid: a\nquestion: Q\ntype: word\nreveal: at the end\n```\n",
        14,
        'reveal must be "live" or "on-close", not "at the end"',
    ),
    (
        "threshold too low",
        "## S\n\n```poll\nid: a\nquestion: Q\ntype: word\nmin-responses: 1\n```\n",
        14,
        "min-responses must be at least 3",
    ),
    (
        "max out of range",
        "## S\n\n```poll\nid: a\nquestion: Q\ntype: multiple\nmax: 5\noptions:\n- x\n- y\n```\n",
        14,
        "max must be between 1 and 2",
    ),
    (
        "bad scale",
        "## S\n\n```poll\nid: a\nquestion: Q\ntype: scale\nscale: 5-1\n```\n",
        14,
        'bad scale "5-1"',
    ),
    (
        "matrix without rows",
        "## S\n\n```poll\nid: a\nquestion: Q\ntype: matrix\n```\n",
        10,
        'needs a "rows:" list',
    ),
    (
        "suicide poll",
        "## S\n\n```poll\nid: a\nquestion: Have you had suicidal thoughts this year?\ntype: yes-no\n```\n",
        10,
        "asks about suicide, self-harm or wanting to die",
    ),
    (
        "empty slide",
        "## Nothing here\n\n```notes\nOnly notes.\n```\n",
        8,
        'slide "Nothing here" is empty',
    ),
    (
        "tab indentation",
        "## S\n\n```poll\nid: a\n\tquestion: Q\ntype: word\n```\n",
        12,
        "tab used for indentation",
    ),
    ("indented code", "## S\n\n    indented by mistake\n", 10, "indented text is read as code"),
    ("heading level 3", "## S\n\nText\n\n### Deeper\n", 12, 'heading level 3 ("###") is not used'),
    ("text outside slide", "Loose words before a slide.\n", 8, "text outside a slide"),
    (
        "chart item",
        "## S\n\n```chart\nitems:\n- Stressed: lots\n```\n",
        12,
        'chart item "Stressed: lots" must be',
    ),
    (
        "unknown chart type",
        "## S\n\n```chart\ntype: pie\nitems:\n- A: 1\n```\n",
        11,
        'unknown chart type "pie"',
    ),
    ("flow with one step", "## S\n\n```flow\n- Only\n```\n", 10, "flow needs at least two steps"),
    ("unknown region", "## S\n\n```resources\nregion: mars\n```\n", 11, 'unknown region "mars"'),
    (
        "poll and prompt",
        "## S\n\n```poll\nid: a\nquestion: Q\ntype: word\n```\n\n```prompt\ntext: T\nduration: 1m\n```\n",
        8,
        "give each its own slide",
    ),
    (
        "second poll block",
        "## S\n\n```poll\nid: a\nquestion: Q\ntype: word\n```\n\n```poll\nid: b\nquestion: Q\ntype: word\n```\n",
        16,
        "a second poll block on one slide (first on line 10)",
    ),
    (
        "unknown slide mark",
        "## S {.titel}\n\nText\n",
        8,
        'unknown slide mark "{.titel}" (did you mean "title"?)',
    ),
    (
        "list under valued key",
        "## S\n\n```poll\nid: a\nquestion: Q\ntype: single\noptions: x\n- y\n```\n",
        15,
        "list item after",
    ),
    (
        "duplicate key",
        "## S\n\n```prompt\ntext: A\ntext: B\nduration: 1m\n```\n",
        12,
        '"text" given twice (first on line 11)',
    ),
    (
        "yes/no flag",
        "## S\n\n```poll\nid: a\nquestion: Q\ntype: word\nsensitive: maybe\n```\n",
        14,
        '"sensitive" must be yes or no',
    ),
]


@pytest.mark.parametrize(
    ("body", "line", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_mistake_gets_line_and_message(body: str, line: int, words: str) -> None:
    assert error_lines(body, words) == [line]


def test_section_without_minutes() -> None:
    result = parse_session("---\ntitle: T\n---\n\n# Part\n\n## S\n\nText\n", "s.md")
    assert [str(e) for e in result.errors] == [
        's.md:5:1: section "Part" needs planned minutes, like "# Part (10 min)"'
    ]


def test_section_with_bad_minutes_points_at_the_duration() -> None:
    result = parse_session("---\ntitle: T\n---\n\n# Part (ten min)\n\n## S\n\nText\n", "s.md")
    assert str(result.errors[0]).startswith("s.md:5:9: section minutes: bad duration")


def test_front_matter_unknown_key_and_missing_title() -> None:
    result = parse_session("---\ntitel: T\n---\n\n# P (1m)\n\n## S\n\nText\n", "s.md")
    messages = [str(e) for e in result.errors]
    assert 's.md:2:1: unknown key "titel" (did you mean "title"?)' in messages
    assert 's.md:1:1: the --- block needs "title: ..."' in messages


def test_front_matter_never_closed() -> None:
    result = parse_session("---\ntitle: T\n# P (1m)\n", "s.md")
    assert "never closed" in result.errors[0].message


def test_no_front_matter() -> None:
    result = parse_session("# P (1m)\n\n## S\n\nText\n", "s.md")
    assert result.errors[0].line == 1
    assert 'must start with a "---" block' in result.errors[0].message


def test_no_sections() -> None:
    result = parse_session("---\ntitle: T\n---\n", "s.md")
    assert "no sections" in result.errors[0].message


def test_section_without_slides() -> None:
    result = parse_session(HEAD + "# Empty (1m)\n", "s.md")
    assert str(result.errors[0]).startswith('s.md:6:1: section "Part" has no slides')


def test_missing_file(tmp_path: Path) -> None:
    result = load_session(tmp_path / "nope.md")
    assert [str(e) for e in result.errors] == [f"{tmp_path / 'nope.md'}:1:1: no such file"]


def test_folder_instead_of_file(tmp_path: Path) -> None:
    assert "is a folder" in load_session(tmp_path).errors[0].message


def test_wrong_encoding_points_at_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.md"
    path.write_bytes((HEAD + "## Caf\u00e9\n\nText\n").encode("latin-1"))
    error = load_session(path).errors[0]
    assert (error.line, error.col) == (8, 7)
    assert "not UTF-8 text (byte 0xE9)" in error.message


def test_utf16_file_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "utf16.md"
    path.write_bytes((HEAD + "## S\n\nText\n").encode("utf-16"))
    assert "UTF-16 text; save the file as UTF-8" in load_session(path).errors[0].message


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert "binary file" in load_session(path).errors[0].message


def test_empty_file() -> None:
    assert parse_session("\n \n", "s.md").errors[0].message == "file is empty"


def test_every_error_is_reported_not_only_the_first() -> None:
    body = "## A\n\n```pol\n```\n\n## B\n\n```prompt\ntext: T\nduration: soon\n```\n"
    result = parse_session(HEAD + body, "s.md")
    assert [e.line for e in result.errors] == [10, 17]


@pytest.mark.parametrize(
    "text",
    [
        "---",
        "---\n---",
        "---\ntitle: x\n---\n#",
        "```",
        "|a|\n|-|",
        "---\ntitle: T\n---\n# A (1m)\n## B\n```poll\n",
    ],
)
def test_fragments_never_raise(text: str) -> None:
    result = parse_session(text, "s.md")
    assert result.errors


def test_an_error_found_after_the_walk_does_not_hide_the_last_slides_own() -> None:
    # "Empty" has no slides (found once the whole file is read); the last slide is empty
    # too. Both are said, so one round of fixes is enough: the assembly's error used to
    # mark the last slide walked as already reported.
    result = parse_session("---\ntitle: T\nminutes: 10\n---\n\n# Empty (5 min)\n\n"
                           "# Part (5 min)\n\n## Nothing here\n", "s.md")
    messages = [str(error) for error in result.errors]
    assert any('section "Empty" has no slides' in m for m in messages), messages
    assert any('s.md:10:1: slide "Nothing here" is empty' in m for m in messages), messages
