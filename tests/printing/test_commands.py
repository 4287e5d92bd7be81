"""`facilitator print` and `facilitator report` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitator.__main__ import main
from facilitator.services import assets
from facilitator.services.settings import LocalResource, Settings, save
from tests.printing.pdfs import flat, page_size_mm, page_texts, qr_codes, reader
from tests.printing.run_fixture import RUN


def test_print_writes_the_three_pdfs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code = main(["print", str(assets.slide_file()), "--out", str(out), "--paper", "a4",
                 "--region", "us", "--start", "09:00"])
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == ["cards.pdf", "guide.pdf", "handout.pdf"]
    for name in ("cards", "guide", "handout"):
        assert page_size_mm((out / f"{name}.pdf").read_bytes()) == (210.0, 297.0)
    guide = flat(" ".join(page_texts((out / "guide.pdf").read_bytes())))
    assert "09:00" in guide and "10:25" in guide
    assert "handout.pdf, cards.pdf, guide.pdf" in capsys.readouterr().out


def test_print_uses_local_resources_and_quiet_space_from_settings(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    save(Settings(paper="letter", region="ca", quiet_space="Library room B",
                  local_resources=[LocalResource(name="Wellness Office", phone="555 0123",
                                                 web="wellness.example.ca")]), config)
    out = tmp_path / "out"
    code = main(["--config", str(config), "print", str(assets.slide_file()), "--out", str(out),
                 "--what", "cards,guide"])
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == ["cards.pdf", "guide.pdf"]
    cards = (out / "cards.pdf").read_bytes()
    assert page_size_mm(cards) == (215.9, 279.4)
    assert "Wellness Office" in flat(page_texts(cards)[0])
    assert "https://wellness.example.ca" in {qr.text for qr in qr_codes(cards, 0, scale=2)}
    assert "Library room B" in flat(page_texts((out / "guide.pdf").read_bytes())[1]
                                    + page_texts((out / "guide.pdf").read_bytes())[0])


def test_poster_only_with_a_join_url(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["print", str(assets.slide_file()), "--out", str(out), "--what", "poster"]) == 2
    assert "needs the server's URL" in capsys.readouterr().err
    assert main(["print", str(assets.slide_file()), "--out", str(out), "--what", "poster",
                 "--join-url", "http://10.0.0.2:8765/", "--room-code", "AB12"]) == 0
    assert [qr.text for qr in qr_codes((out / "poster.pdf").read_bytes(), 0, scale=1)] == [
        "http://10.0.0.2:8765/"]


def test_bad_input_is_a_message_not_a_traceback(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["print", str(tmp_path / "missing.md"), "--out", str(tmp_path)]) == 1
    assert "missing.md" in capsys.readouterr().err
    assert main(["print", str(assets.slide_file()), "--out", str(tmp_path),
                 "--what", "flyer"]) == 2
    assert "unknown document(s) flyer" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["print", str(assets.slide_file()), "--out", str(tmp_path), "--start", "9am"])
    assert exit_info.value.code == 2
    assert "expected HH:MM" in capsys.readouterr().err
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["print", str(assets.slide_file()), "--out", str(blocker / "sub")]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_report_from_a_saved_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = tmp_path / "run.json"
    run.write_text(RUN.to_json(), encoding="utf-8")
    out = tmp_path / "report.pdf"
    assert main(["report", str(run), "--out", str(out), "--paper", "letter"]) == 0
    pdf = out.read_bytes()
    assert page_size_mm(pdf) == (215.9, 279.4)
    assert "fewer than 5" in flat(page_texts(pdf)[0])
    broken = tmp_path / "broken.json"
    broken.write_text("{}", encoding="utf-8")
    assert main(["report", str(broken), "--out", str(out)]) == 2
    assert "not a saved run" in capsys.readouterr().err
    assert main(["report", str(tmp_path / "nope.json"), "--out", str(out)]) == 2


def test_every_document_uses_only_the_embedded_font(tmp_path: Path) -> None:
    """Helvetica has no "•" or "→": no page may fall back to it."""
    out = tmp_path / "out"
    assert main(["print", str(assets.slide_file()), "--out", str(out), "--join-url",
                 "http://10.0.0.2:8765/"]) == 0
    run = tmp_path / "run.json"
    run.write_text(RUN.to_json(), encoding="utf-8")
    assert main(["report", str(run), "--out", str(out / "report.pdf")]) == 0
    for pdf in sorted(out.iterdir()):
        fonts = set()
        for page in reader(pdf.read_bytes()).pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                fonts.add(str(font["/BaseFont"]).split("+")[-1])
                # Embedded (a subset of the TTF inside the file), not merely referenced.
                assert "/FontFile2" in font["/FontDescriptor"].get_object(), pdf.name
        assert fonts <= {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"}, pdf.name


def test_bad_settings_are_reported_not_raised(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "settings.toml"
    save(Settings(region="fr"), config)
    assert main(["--config", str(config), "print", str(assets.slide_file()),
                 "--out", str(tmp_path / "out")]) == 2
    assert "unknown region 'fr'" in capsys.readouterr().err
    save(Settings(local_resources=[LocalResource(name="Clinic", text="whenever")]), config)
    assert main(["--config", str(config), "print", str(assets.slide_file()),
                 "--out", str(tmp_path / "out")]) == 2
    assert "cannot read the text code 'whenever'" in capsys.readouterr().err


def test_report_takes_the_presenters_timing_report(tmp_path: Path) -> None:
    timing = tmp_path / "timing.json"
    timing.write_text(json.dumps({
        "session": "Numb in Medicine", "source": "x.md", "started": "2026-11-29T13:30:00",
        "finished": True, "planned_minutes": 11, "actual_minutes": 12.5,
        "sections": [
            {"title": "Welcome and content note", "planned_minutes": 5, "actual_minutes": 7.25,
             "visited": True},
            {"title": "The story we were sold", "planned_minutes": 6, "actual_minutes": 5.25,
             "visited": True},
            {"title": "Three kinds of numb", "planned_minutes": 10, "actual_minutes": 0,
             "visited": False},
        ],
    }), encoding="utf-8")
    run = tmp_path / "run.json"
    run.write_text(RUN.to_json(), encoding="utf-8")
    out = tmp_path / "report.pdf"
    assert main(["report", str(run), "--timing", str(timing), "--out", str(out)]) == 0
    text = flat(" ".join(page_texts(out.read_bytes(), layout=True)))
    assert "Welcome and content note 5 min 7.2 min +2.2 min" in text
    assert "Three kinds of numb" not in text  # never reached: not reported as 0 minutes
    assert "fewer than 5" in text  # the polls still come from the run
    # The timing report on its own gives a timing-only report.
    assert main(["report", str(timing), "--out", str(out)]) == 0
    assert "The story we were sold 6 min 5.2 min -0.8 min" in flat(
        " ".join(page_texts(out.read_bytes(), layout=True)))


def test_print_refuses_a_loopback_poster_unless_allowed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    args = ["print", str(assets.slide_file()), "--out", str(out), "--what", "poster",
            "--join-url", "http://127.0.0.1:8765/join"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "127.0.0.1 (this computer only)" in err and "--allow-local" in err
    assert "Traceback" not in err and not out.exists()
    assert main([*args, "--allow-local"]) == 0
    assert (out / "poster.pdf").is_file()


def test_print_with_a_malformed_join_url_is_a_message(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["print", str(assets.slide_file()), "--out", str(out), "--what", "poster",
                 "--join-url", "http://[::1/join", "--allow-local"]) == 2
    err = capsys.readouterr().err
    assert "is not a valid address" in err and "Traceback" not in err and not out.exists()


@pytest.mark.parametrize("session", ["missing.md", "folder", "notes.md"])
def test_report_with_a_session_that_does_not_load_says_so(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], session: str) -> None:
    """--session was asked for: a file that does not load is an error, not a report
    printed without the scale labels and exit 0."""
    (tmp_path / "folder").mkdir()
    (tmp_path / "notes.md").write_text("just notes, no front matter\n", encoding="utf-8")
    run = tmp_path / "run.json"
    run.write_text(RUN.to_json(), encoding="utf-8")
    out = tmp_path / "report.pdf"
    assert main(["report", str(run), "--out", str(out), "--session",
                 str(tmp_path / session)]) == 2
    err = capsys.readouterr().err
    assert f"--session {tmp_path / session}: cannot load it" in err
    assert "Traceback" not in err and not out.exists()
    assert main(["report", str(run), "--out", str(out), "--session",
                 str(assets.slide_file())]) == 0


@pytest.mark.parametrize(("content", "message"), [
    (b'{"run_id": "r1", "polls": [], "source": "x.md"}', "a damaged run export"),
    (b'{"run_id": "r1", "polls": {"room-check": 3}}', "a damaged run export"),
    (b"\xff\xfe{}", "not a text file"),
])
def test_report_of_a_damaged_file_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           content: bytes, message: str) -> None:
    damaged = tmp_path / "run.json"
    damaged.write_bytes(content)
    assert main(["report", str(damaged), "--out", str(tmp_path / "r.pdf"), "--session",
                 str(assets.slide_file())]) == 2
    err = capsys.readouterr().err
    assert f"{damaged}: {message}" in err and "Traceback" not in err
