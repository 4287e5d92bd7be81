"""`facilitator render` and `facilitator run` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from facilitator.__main__ import build_parser, main
from facilitator.cli import run_cmd
from facilitator.services import assets

BUNDLED = str(assets.slide_file())


def test_render_writes_one_png_per_checked_slide(
        qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--json", BUNDLED]) == 0
    slides = json.loads(capsys.readouterr().out)["slides"]
    stale = tmp_path / "slide-999.png"
    stale.write_bytes(b"old")
    assert main(["render", BUNDLED, "--out", str(tmp_path), "--size", "1280x720", "--pdf"]) == 0
    pngs = sorted(tmp_path.glob("slide-*.png"))
    assert [p.name for p in pngs] == [f"slide-{n:03d}.png" for n in range(1, slides + 1)]
    image = QImage(str(pngs[0]))
    assert (image.width(), image.height()) == (1280, 720)
    pages = PdfReader(tmp_path / "slides.pdf").pages
    assert len(pages) == slides
    box = pages[0].mediabox
    assert float(box.width) / float(box.height) == pytest.approx(16 / 9, abs=0.01)
    assert "Numb in Medicine" in " ".join(pages[0].extract_text().split())  # text, not pixels
    assert f"Wrote {slides} slides" in capsys.readouterr().out


SMALL = """---
title: Small
---

# Part (5 min)

## One

- A point

## Two

```flow
- First
- Second
```
"""


def test_render_other_size_and_theme(qtbot: QtBot, tmp_path: Path) -> None:
    session = tmp_path / "small.md"
    session.write_text(SMALL, encoding="utf-8")
    assert main(["render", str(session), "--out", str(tmp_path), "--size", "1920x1080",
                 "--theme", "light"]) == 0
    assert len(list(tmp_path.glob("slide-*.png"))) == 2
    image = QImage(str(tmp_path / "slide-001.png"))
    assert (image.width(), image.height()) == (1920, 1080)
    assert image.pixelColor(5, 5).name().upper() == "#FBFAF7"  # the light background


OVERFULL = """---
title: Overfull
---

# Part (5 min)

## Too much

""" + "\n".join(f"- Point number {i} that goes on for a while longer" for i in range(30)) + "\n"


def test_render_warns_per_slide_and_exits_2_when_a_slide_does_not_fit(
        qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    session = tmp_path / "overfull.md"
    session.write_text(OVERFULL, encoding="utf-8")
    assert main(["render", str(session), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "slide 1 ('Too much') does not fit" in err
    assert (tmp_path / "out" / "slide-001.png").exists()  # still written, for a look


@pytest.mark.parametrize("size", ["big", "1280", "10x10", "99999x720"])
def test_render_refuses_a_bad_size(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   size: str) -> None:
    assert main(["render", BUNDLED, "--out", str(tmp_path), "--size", size]) == 1
    assert "should look like 1280x720" in capsys.readouterr().err


def test_render_and_run_report_a_missing_file(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(tmp_path / "nope.md")
    assert main(["render", missing, "--out", str(tmp_path)]) == 1
    assert main(["run", missing]) == 1
    err = capsys.readouterr().err
    assert err.count("nope.md") == 2 and "Traceback" not in err


def test_no_command_means_run_on_the_bundled_session() -> None:
    args = build_parser().parse_args(["run"])
    assert args.handler is run_cmd.run
    assert run_cmd.session_path(args) == assets.slide_file()
    assert run_cmd.session_path(build_parser().parse_args(["run", "x.md"])) == Path("x.md")


def test_run_without_a_display_says_so_instead_of_aborting(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(run_cmd.sys, "platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    assert main(["run"]) == 1
    assert "no display found" in capsys.readouterr().err
    monkeypatch.setenv("DISPLAY", ":0")
    assert run_cmd.no_display_message() == ""


def test_run_takes_a_host_and_checks_the_port(capsys: pytest.CaptureFixture[str]) -> None:
    args = build_parser().parse_args(["run", "x.md", "--host", "192.168.4.2", "--port", "0"])
    assert (args.host, args.port) == ("192.168.4.2", 0)
    assert build_parser().parse_args(["run"]).port is None  # the settings' port then
    assert main(["run", "--port", "70000"]) == 2
    err = capsys.readouterr().err
    assert "--port 70000: must be 0..65535" in err and "Traceback" not in err
