"""`facilitator check` as a user runs it: a real subprocess, real exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from facilitator.services.assets import slide_file


def check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "facilitator", "check", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_bundled_session_summary() -> None:
    done = check(str(slide_file()))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.strip() == (
        f"{slide_file()}: ok: 38 slides, 9 sections, 8 prompts, 8 polls, 85 minutes"
    )


def test_json_summary_per_file() -> None:
    done = check("--json", str(slide_file()), str(slide_file()))
    assert done.returncode == 0
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert (
        lines
        == [{"slides": 38, "sections": 9, "prompts": 8, "polls": 8, "minutes": 85, "warnings": []}]
        * 2
    )


def test_errors_go_to_stderr_with_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: T\n---\n\n# A (2 weeks)\n\n## S\n\nText\n", encoding="utf-8")
    done = check(str(bad), str(slide_file()))
    assert done.returncode == 1
    assert done.stderr.startswith(f"{bad}:5:")
    assert "Traceback" not in done.stderr
    assert "ok: 38 slides" in done.stdout, "good files are still summarised"


def test_missing_file_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    done = check(str(tmp_path / "missing.md"))
    assert done.returncode == 1
    assert done.stderr.strip() == f"{tmp_path / 'missing.md'}:1:1: no such file"


def test_unknown_support_entry_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text(
        "---\ntitle: T\nregion: uk\n---\n\n# A (2m)\n\n## Help\n\n```resources\nshow: samaritens\n```\n",
        encoding="utf-8",
    )
    done = check(str(bad))
    assert done.returncode == 1
    assert done.stderr.startswith(
        f'{bad}:10:1: no support entry "samaritens" in region uk (did you mean "samaritans"?)'
    )



def test_a_summary_counts_in_words_one_section_one_slide(tmp_path: Path) -> None:
    one = tmp_path / "one.md"
    one.write_text("---\ntitle: T\n---\n\n# A (5 min)\n\n## S\n\nText\n", encoding="utf-8")
    done = check("--no-fit", str(one))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        f"{one}: ok: 1 slide, 1 section, 0 prompts, 0 polls, 5 minutes, 1 warning")
    assert done.stderr.count("\n") == 1  # the one warning, named on stderr
