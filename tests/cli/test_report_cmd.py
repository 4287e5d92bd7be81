"""`facilitator report RUN` from a recorded run: the journal the app and `serve` write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitator.__main__ import main
from facilitator.core.polls.moderation import Decision
from facilitator.core.runs.from_journal import TIMING_EVENT, results_from_export
from facilitator.core.runs.journal import Journal
from facilitator.core.runs.resume import start_run
from facilitator.core.session.loader import load_session
from facilitator.services.assets import slide_file
from tests.printing.pdfs import flat, page_texts


def record_run(folder: Path) -> Path:
    """A real run of the bundled session: 7 phones answer room-check, 2 answer barriers,
    1 open text is approved and 1 held back, and the timing report is noted at the end."""
    session = load_session(slide_file()).session
    assert session is not None
    run = start_run(folder, session.polls, session_hash="h", title=session.title,
                    source=str(slide_file()))
    box = run.box
    box.open("room-check")
    picks = ["stressed-but-engaged"] * 3 + ["occasionally-numb"] * 3 + ["prefer-not-to-say"]
    for index, pick in enumerate(picks):
        box.submit("room-check", f"phone-{index}", pick)
    box.open("barriers")
    box.submit("barriers", "phone-0", ["no-time", "cost"])
    box.submit("barriers", "phone-1", ["no-time"])
    box.open("takeaway")
    box.submit("takeaway", "phone-0", "Say it out loud to one person")
    box.submit("takeaway", "phone-1", "Something that names a person")
    for index in range(2, 5):  # the console sees the queue once the threshold is met
        box.submit("takeaway", f"phone-{index}", f"Left pending {index}")
    queue = {item.text: item.id for item in box.results("takeaway").pending}
    assert box.moderate("takeaway", queue["Say it out loud to one person"], Decision.APPROVED)
    assert box.moderate("takeaway", queue["Something that names a person"], Decision.REJECTED)
    timing = {"session": session.title, "started": "2026-11-29T09:00:00", "sections": [
        {"title": "Welcome and content note", "planned_minutes": 5, "actual_minutes": 6.5,
         "visited": True}]}
    run.journal.record_timing(TIMING_EVENT, json.dumps(timing))
    run.journal.finish()
    run.journal.close()
    return run.journal.path


def test_results_from_a_recorded_run(tmp_path: Path) -> None:
    path = record_run(tmp_path)
    with Journal.open(path) as journal:
        export = journal.export()
    session = load_session(slide_file()).session
    assert session is not None
    results = results_from_export(export, session)
    assert [poll.poll_id for poll in results.polls] == ["room-check", "barriers", "takeaway"]
    room = results.polls[0]
    assert room.responses == 7
    assert [(c.label, c.count) for c in room.options] == [
        ("Stressed but engaged", 3), ("Occasionally numb", 3), ("Persistently numb", 0),
        ("Actively burnt out", 0), ("Prefer not to say", 1),
    ]
    assert [t.text for t in results.approved_texts] == ["Say it out loud to one person"]
    assert [(t.section, t.actual_minutes) for t in results.timing] == [
        ("Welcome and content note", 6.5)
    ]


def test_report_command_reads_the_journal(tmp_path: Path) -> None:
    path = record_run(tmp_path)
    out = tmp_path / "results.pdf"
    assert main(["report", str(path), "--out", str(out)]) == 0
    text = flat(" ".join(page_texts(out.read_bytes())))
    assert "Which of these sounds most like you this term?" in text
    assert "fewer than 5" in text, "cells below the threshold are hidden"
    assert "Say it out loud to one person" in text
    assert "names a person" not in text, "held-back text never reaches the report"
    assert "Left pending" not in text, "text nobody approved never reaches the report"
    assert "Welcome and content note" in text
    assert "988" in text, "the footer carries the session's (US) support contacts"


def test_report_command_says_what_is_wrong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "bogus.run.sqlite"
    bogus.write_bytes(b"not a database at all")
    assert main(["report", str(bogus), "--out", str(tmp_path / "x.pdf")]) == 2
    error = capsys.readouterr().err
    assert "not a run journal" in error and "Traceback" not in error


def test_report_names_a_file_that_is_not_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["report", str(bad), "--out", str(tmp_path / "x.pdf")]) == 2
    assert f"{bad}: not valid JSON" in capsys.readouterr().err


def test_render_refuses_a_file_as_the_output_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "taken.txt"
    target.write_text("keep me", encoding="utf-8")
    assert main(["render", str(slide_file()), "--out", str(target)]) == 1
    assert "is a file; give a folder" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep me"


def test_report_of_a_recorded_scale_poll_names_each_end_once(tmp_path: Path) -> None:
    session = load_session(slide_file()).session
    assert session is not None
    run = start_run(tmp_path, session.polls, session_hash="h", title=session.title,
                    source=str(slide_file()))
    run.box.open("open-talk")
    for index, point in enumerate([1, 1, 1, 1, 1, 2, 5, 5, 5, 5, 5, 3]):
        run.box.submit("open-talk", f"phone-{index}", point)
    run.journal.finish()
    run.journal.close()
    out = tmp_path / "results.pdf"
    assert main(["report", str(run.journal.path), "--out", str(out)]) == 0
    text = flat(" ".join(page_texts(out.read_bytes())))
    assert "1 Never" in text and "5 All the time" in text
    assert "Never · Never" not in text and "All the time · All the time" not in text
