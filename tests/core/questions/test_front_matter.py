"""`questions: on|off` in a session's front matter: on by default, off kept by the writer,
anything else a FILE:LINE:COL error."""

from __future__ import annotations

from facilitator.core.session.loader import parse_session
from facilitator.core.session.writer import write_session

BODY = "\n# Part (1m)\n\n## Slide\n\nText\n"


def test_questions_are_on_by_default_and_off_when_asked() -> None:
    assert parse_session("---\ntitle: T\n---\n" + BODY, "s.md").session.questions is True
    result = parse_session("---\ntitle: T\nquestions: off\n---\n" + BODY, "s.md")
    assert result.session is not None and result.session.questions is False
    again = parse_session(write_session(result.session), "again.md").session
    assert again is not None and again.questions is False


def test_a_wrong_value_is_a_located_error() -> None:
    result = parse_session("---\ntitle: T\nquestions: maybe\n---\n" + BODY, "s.md")
    assert 's.md:3:1: questions must be "on" or "off", not "maybe"' in [
        str(e) for e in result.errors]
