"""`facilitator print --what evaluation`: the paper form, run as a user would and read
back: the before item alone on page 1 (so paper answers are never joined either), the rest
on page 2, nothing under the body type floor, nothing printed over other text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from facilitator.core.session.loader import parse_session
from facilitator.printing import PrintContext, PrintError, build_evaluation_form, theme
from facilitator.services import assets
from facilitator.services.assets import slide_file
from tests.printing.pdfs import flat, page_texts
from tests.printing.runs import overlapping, page_count, text_runs

QUESTION = "How able do you feel to notice numbness in yourself?"


def _print(tmp_path: Path, paper: str) -> bytes:
    done = subprocess.run([sys.executable, "-m", "facilitator", "print", str(slide_file()),
                           "--what", "evaluation", "--paper", paper, "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "evaluation.pdf" in done.stdout
    return (tmp_path / "evaluation.pdf").read_bytes()


def test_paper_form_has_the_same_items_split_before_and_after(tmp_path: Path) -> None:
    for paper in ("a4", "letter"):
        pdf = _print(tmp_path / paper, paper)
        first, second = (flat(text) for text in page_texts(pdf))
        assert "At the start" in first and QUESTION in first
        assert "Not at all" in first and "Very able" in first
        assert "do not write your name" in first
        assert "How useful" not in first
        for words in ("At the end", "How useful was this session for you?",
                      "What is one thing this session should keep?",
                      "What is one thing this session should change?",
                      "Would you recommend this session to a colleague?", "Unsure", QUESTION):
            assert words in second, words
        for index in range(page_count(pdf)):
            runs = text_runs(pdf, index)
            assert not [run for run in runs if run.size < theme.BODY_PT - 0.01], index
            assert not overlapping(runs), index


def test_a_session_without_an_evaluation_is_a_clear_message() -> None:
    session = parse_session("---\ntitle: T\n---\n\n# P (1m)\n\n## S\n\nText\n", "s.md").session
    assert session is not None
    ctx = PrintContext(region=assets.support_region("us"),
                       font_dir=assets.font_path("DejaVuSans.ttf").parent)
    try:
        build_evaluation_form(session, ctx)
    except PrintError as error:
        assert "no evaluation" in str(error)
    else:
        raise AssertionError("expected a PrintError")
