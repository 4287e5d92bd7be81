"""The session's own evaluation, end to end: the bundled session's before item asked near
the start and its after item at the end, answered by real phones over a real server on
127.0.0.1 (journaled run), then the results report's evaluation page read back with pypdf
and the spreadsheet export run as a user would."""

from __future__ import annotations

import csv
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

from facilitator.core.polls.moderation import Decision
from facilitator.core.runs.from_journal import results_from_export
from facilitator.core.runs.journal import Journal
from facilitator.core.runs.resume import start_run
from facilitator.core.session.loader import load_session
from facilitator.core.session.model import Session
from facilitator.services import materials
from facilitator.services.assets import slide_file
from facilitator.services.poll_service import PollService
from facilitator.services.settings import Settings
from facilitator.web.server import PollServer
from tests.printing.pdfs import flat, page_texts
from tests.web.live_phone import LivePhone

# 12 phones; the room moves up one point. A point chosen by one or two people is held back.
BEFORE = [2] * 5 + [3] * 5 + [1, 4]
AFTER = [3] * 5 + [4] * 5 + [2, 2]
KEEP = ["The quiet writing time", "The pace", "The cards", "Pairs work", "The polls",
        "Nothing, my supervisor Dr Ann Lee is awful"]


def _session() -> Session:
    result = load_session(slide_file())
    assert result.ok, result.errors
    assert result.session is not None
    return result.session


async def _ask(server: PollServer, phones: list[LivePhone], poll_id: str,
               values: list[object]) -> None:
    server.call(server.box.open, poll_id).result(5)
    server.call(server.box.set_current, poll_id).result(5)
    for phone in phones:
        await phone.wait_until(lambda p: p.poll_id == poll_id, timeout=10)
    for phone, value in zip(phones, values, strict=False):
        status, body = await phone.answer(poll_id, value)
        assert status == 200, body
    server.call(server.box.close, poll_id).result(5)


async def test_before_and_after_from_phones_reach_the_report_and_the_export(
        tmp_path: Path) -> None:
    session = _session()
    ids = [poll.id for poll in session.evaluation_polls]
    assert ids == ["eval-before-1", "eval-useful", "eval-keep", "eval-change",
                   "eval-recommend", "eval-after-1"]
    run = start_run(tmp_path, session.polls, session_hash="h", title=session.title)
    # Seven phones share 127.0.0.1 here: lift the one-person-per-address limit.
    service = PollService(session, Settings(port=0), journal=run.journal, box=run.box,
                          room=run.room, questions=run.questions)
    service.room.devices_per_address = 1000
    server = service.start("127.0.0.1", 0)
    base = server.join_url.split("/j/")[0]
    rng = random.Random(17)
    phones = [LivePhone(base, rng) for _ in BEFORE]
    try:
        for phone in phones:
            await phone.join(server.join_url)
            phone.start()
        await _ask(server, phones, "eval-before-1", list(BEFORE))
        await _ask(server, phones, "eval-useful", [5] * 6 + [4] * 6)
        await _ask(server, phones, "eval-keep", list(KEEP))
        await _ask(server, phones, "eval-recommend", ["yes"] * 10 + ["unsure", "no"])
        await _ask(server, phones, "eval-after-1", list(AFTER))
        pending = server.call(server.box.results, "eval-keep").result(5).pending
        assert len(pending) == len(KEEP)
        for item in pending:  # the one naming a person is held back, as with any open text
            decision = Decision.REJECTED if "Ann Lee" in item.text else Decision.APPROVED
            server.call(server.box.moderate, "eval-keep", item.id, decision).result(5)
    finally:
        for phone in phones:
            await phone.close()
        assert service.stop()
    run.journal.finish()
    run.journal.close()
    with Journal.open(run.journal.path) as journal:
        export = journal.export(shareable=True)
    before = Counter(export["polls"]["eval-before-1"]["answers"])
    after = Counter(export["polls"]["eval-after-1"]["answers"])
    assert before == Counter(BEFORE) and after == Counter(AFTER)

    results = results_from_export(export, session)
    pdf = materials.report(results, Settings(), session=session)
    (tmp_path / "report.pdf").write_bytes(pdf)
    pages = [flat(page) for page in page_texts(pdf)]
    (page,) = [p for p in pages if "The session's evaluation" in p]
    assert "How able do you feel to notice numbness in yourself?" in page
    assert "Before (start of the session) 12 answered" in page
    assert "After (end of the session) 12 answered" in page
    charts = page.split("After (end of the session) 12 answered")[1]
    # Side by side: the before column's points, then the after column's, each thresholded.
    assert "1 Not at all fewer than 5 2 5 3 5 4 fewer than 5" in charts
    assert "1 Not at all fewer than 5 2 fewer than 5 3 5 4 5" in charts
    assert "How useful was this session for you?" in page and "Yes 10" in page
    assert "The quiet writing time" in page and "Ann Lee" not in page
    # The evaluation is on its own page, not among the session's polls.
    assert not any("How useful was this session" in p for p in pages[:pages.index(page)])

    source = tmp_path / "run.json"
    source.write_text(results.to_json(), encoding="utf-8")
    out = tmp_path / "results.csv"
    done = subprocess.run([sys.executable, "-m", "facilitator", "report", str(source),
                           "--format", "csv", "--out", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    titles = {row[0] for row in rows if row}
    assert "How able do you feel to notice numbness in yourself?" in titles
    assert "Would you recommend this session to a colleague?" in titles
