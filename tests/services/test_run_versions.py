"""The run journal records the app's version; a run another version recorded in a format
this one cannot read is named, with both versions, instead of "nothing to resume"."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader

from facilitator.core.release import app_version, creator
from facilitator.core.runs.journal import IncompatibleRun, Journal
from facilitator.core.session.loader import load_session
from facilitator.services import materials
from facilitator.services.run_journal import RunUnavailable, open_run, runs_folder
from facilitator.services.settings import Settings

SESSION = """---
title: Versions
---

# Part (5 min)

## Ask

```poll
id: q
question: Ready?
type: yes-no
```
"""


def test_the_version_comes_from_the_installed_package() -> None:
    assert app_version() not in ("", "unknown")
    assert creator() == f"facilitator {app_version()}"


def test_every_new_run_records_the_app_version(tmp_path: Path) -> None:
    with Journal.create(tmp_path, session_hash="h", title="t") as journal:
        assert journal.meta("app_version") == app_version()


def age(path: Path, schema: str, version: str) -> None:
    """What a run recorded by an older app with an older run format looks like."""
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (schema,))
        db.execute("UPDATE meta SET value = ? WHERE key = 'app_version'", (version,))
    db.close()


def test_resuming_a_run_from_an_incompatible_version_says_which(tmp_path: Path) -> None:
    file = tmp_path / "versions.md"
    file.write_text(SESSION, encoding="utf-8")
    session = load_session(file).session
    assert session is not None
    run = open_run(session, file, resume=False)
    path = run.journal.path
    run.journal.close()  # not finished: an interrupted run
    age(path, "0", "0.0.9")
    with pytest.raises(IncompatibleRun):
        Journal.open(path)
    with pytest.raises(RunUnavailable) as raised:
        open_run(session, file, resume=True)
    message = str(raised.value)
    assert "this run was recorded by facilitator 0.0.9 (run format 0)" in message
    assert f"this is facilitator {app_version()}" in message
    assert "cannot resume it" in message and "answers are still in the file" in message
    assert path.parent == runs_folder()


def test_every_pdf_names_the_app_version(tmp_path: Path) -> None:
    file = tmp_path / "versions.md"
    file.write_text(SESSION, encoding="utf-8")
    session = load_session(file).session
    assert session is not None
    produce = materials.producer(session, Settings(),
                                 lambda: ("http://127.0.0.1:8765/j/ABCDE?t=x", "ABCDE"))
    for name, data in produce("a4", "us", ("handout", "cards", "guide", "poster"),
                              None).items():
        out = tmp_path / f"{name}.pdf"
        out.write_bytes(data)
        assert PdfReader(out).metadata.creator == f"facilitator {app_version()}", name


def test_the_slides_pdf_names_the_app_version(tmp_path: Path) -> None:
    from facilitator.__main__ import main

    file = tmp_path / "versions.md"
    file.write_text(SESSION, encoding="utf-8")
    assert main(["render", str(file), "--out", str(tmp_path / "out"), "--pdf"]) == 0
    reader = PdfReader(tmp_path / "out" / "slides.pdf")
    assert reader.metadata.creator == f"facilitator {app_version()}"
