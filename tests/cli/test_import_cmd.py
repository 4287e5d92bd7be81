"""`facilitator import` as a user runs it: a real subprocess, real files, real exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.core.session.loader import load_session
from tests.paths import ARTICLES


def run_import(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "facilitator", "import", *args],
        capture_output=True, text=True, timeout=60, check=False,
    )


def test_import_writes_a_draft_that_check_accepts(tmp_path: Path) -> None:
    out = tmp_path / "numb.md"
    done = run_import(str(ARTICLES / "numb-in-medicine.txt"), "--out", str(out), "--minutes", "75")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.startswith(f"{out}: wrote a draft from numb-in-medicine.txt: 10 sections, ")
    assert "75 minutes" in done.stdout
    result = load_session(out)
    assert result.errors == [] and result.warnings == []
    assert result.session is not None and result.session.minutes == 75
    check = subprocess.run(
        [sys.executable, "-m", "facilitator", "check", str(out)],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert check.returncode == 0 and check.stderr == ""


def test_existing_output_is_kept_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "mine.md"
    out.write_text("my edits\n", encoding="utf-8")
    article = str(ARTICLES / "running-on-empty.txt")
    done = run_import(article, "--out", str(out))
    assert done.returncode == 1
    assert done.stderr.strip() == f"{out}: already exists; use --force to replace it"
    assert out.read_text(encoding="utf-8") == "my edits\n"
    assert run_import(article, "--out", str(out), "--force").returncode == 0
    assert out.read_text(encoding="utf-8").startswith("---\ntitle: Running on Empty")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty: there is no text to import"),
        (b"%PDF-1.4\n\x00\x01binary", "binary file, not a text file: save the article as plain "
         "text (.txt) or Markdown (.md) first"),
        (b"caf\xe9 \xff\xfe", "not UTF-8 text (byte 0xE9); save the file as UTF-8"),
        (b"no structure here, only one long sentence that rambles on.\n", "no headings found"),
    ],
)
def test_bad_articles_exit_1_with_file_and_message(
    tmp_path: Path, content: bytes, message: str
) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(content)
    out = tmp_path / "out.md"
    done = run_import(str(article), "--out", str(out))
    assert done.returncode == 1
    assert done.stderr.startswith(f"{article}: {message}"), done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_missing_article_and_unwritable_output(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    done = run_import(str(missing), "--out", str(tmp_path / "o.md"))
    assert (done.returncode, done.stderr.strip()) == (1, f"{missing}: no such file")
    out = tmp_path / "no-such-folder" / "o.md"
    done = run_import(str(ARTICLES / "running-on-empty.txt"), "--out", str(out))
    assert done.returncode == 1 and done.stderr.startswith(f"{out}: cannot write")


def test_minutes_out_of_range_is_a_usage_error(tmp_path: Path) -> None:
    done = run_import(str(ARTICLES / "running-on-empty.txt"), "--out", str(tmp_path / "o.md"),
                      "--minutes", "3")
    assert done.returncode == 2 and "3 minutes is outside 10-480" in done.stderr


TINY = """\
# A Short Pause

## Why Pause

A short pause between patients helps many clinicians reset. It takes less than a minute.

## How to Pause

Breathe out slowly, feel your feet on the floor, and name one thing you did well today.
"""


def test_without_minutes_the_session_is_as_long_as_its_material(tmp_path: Path) -> None:
    article = tmp_path / "pause.md"
    article.write_text(TINY, encoding="utf-8")
    out = tmp_path / "pause-session.md"
    done = run_import(str(article), "--out", str(out))
    assert done.returncode == 0, done.stderr
    session = load_session(out).session
    assert session is not None
    assert session.minutes == 15  # a few minutes of material: the 15-minute least, not 60
    assert "15 minutes (the material's own length, rounded up" in done.stdout
    # --minutes still plans to the length asked for.
    done = run_import(str(article), "--out", str(out), "--force", "--minutes", "40")
    assert done.returncode == 0, done.stderr
    assert "40 minutes (the material alone suggests about " in done.stdout
    assert load_session(out).session.minutes == 40  # type: ignore[union-attr]


def test_a_scanned_pdf_fails_in_one_line(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    scan = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(scan))
    pdf.rect(72, 72, 300, 500, fill=1)
    pdf.save()
    done = run_import(str(scan), "--out", str(tmp_path / "s.md"))
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "no text layer" in done.stderr
    assert not (tmp_path / "s.md").exists()


def test_a_web_page_in_another_language_with_an_override(tmp_path: Path) -> None:
    page = tmp_path / "equilibre.html"
    page.write_text(
        "<html><head><title>Garder l'équilibre</title></head><body><nav>Accueil</nav><main>"
        "<h1>Garder l'équilibre</h1><p>Quand un projet grandit, il devient important de fixer "
        "des limites claires pour rester en forme sur la durée, et de le dire.</p>"
        "<h2>Les signes</h2><p>Pouvez-vous maintenir votre rythme pendant 10 semaines ? "
        "10 mois ? 10 ans ?</p><h2>Les limites</h2><p>Vous ne pouvez pas dire oui à toutes "
        "les demandes, et il est normal de ne pas donner d'énergie à tout.</p>"
        "</main></body></html>",
        encoding="utf-8",
    )
    out = tmp_path / "fr.md"
    assert run_import(str(page), "--out", str(out)).returncode == 0
    session = load_session(out).session
    assert session is not None and session.language == "fr"
    assert "Pouvez-vous maintenir votre rythme pendant 10 semaines ? 10 mois ? 10 ans ?" in [
        p.text for p in session.prompts
    ]
    done = run_import(str(page), "--out", str(out), "--force", "--language", "es")
    assert done.returncode == 0, done.stderr
    session = load_session(out).session
    assert session is not None and session.language == "es"
    assert any(slide.title == "Antes de empezar" for slide in session.slides)
