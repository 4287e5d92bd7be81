"""The results report lists approved questions with their votes, read back with pypdf; a
count under the minimum reads "fewer than N"; the figures come from a real run journal."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from facilitator.core.questions.box import Limits, QuestionState
from facilitator.core.runs.from_journal import results_from_export
from facilitator.core.runs.journal import Journal
from facilitator.core.runs.results import RunResults
from facilitator.core.runs.resume import start_run
from facilitator.core.session.loader import parse_session
from facilitator.printing import PrintContext, build_report
from facilitator.services import assets
from tests import polls
from tests.printing.pdfs import flat, page_texts
from tests.printing.run_fixture import RUN

SESSION = "---\ntitle: T\n---\n\n# Part (1m)\n\n## Slide\n\nText\n"


def _text(run: RunResults) -> str:
    ctx = PrintContext(region=assets.support_region("us"),
                       font_dir=assets.font_path("DejaVuSans.ttf").parent)
    return flat(" ".join(page_texts(build_report(run, ctx), layout=True)))


def test_approved_questions_and_their_votes_from_a_real_run(tmp_path: Path) -> None:
    run = start_run(tmp_path, polls.ALL, session_hash="h", title="T")
    questions = run.questions
    questions.limits = Limits(seconds_between=0)
    for number, text in enumerate(("Popular question", "Quiet question", "Never shown")):
        questions.ask(f"asker-{number}", text)
    questions.decide("q1", QuestionState.APPROVED)
    questions.decide("q2", QuestionState.ANSWERED)
    questions.decide("q3", QuestionState.REJECTED)
    for voter in range(6):
        questions.vote("q1", f"voter-{voter}", True)
    questions.vote("q2", "voter-0", True)
    run.journal.finish()
    run.journal.close()
    with Journal.open(run.journal.path) as journal:
        export = journal.export(shareable=True)
    session = parse_session(SESSION, "s.md").session
    assert session is not None
    results = results_from_export(export, session)
    assert [(q.text, q.votes) for q in results.questions] == [
        ("Popular question", 6), ("Quiet question", 1)]
    assert RunResults.from_json(results.to_json()).questions == results.questions
    report = _text(replace(RUN, questions=results.questions))
    assert "Questions from the room" in report
    assert "Popular question 6" in report
    assert f"Quiet question fewer than {RUN.threshold}" in report
    assert "Never shown" not in report
