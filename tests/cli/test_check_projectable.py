"""`check` means projectable, and it refuses every risk poll the screen knows.

The fit step draws every slide at 1280x720 with the user's region and local services, the
way `render` does; a clipped emergency line is an error before the session, not on the wall.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot  # a QApplication first: check and render reuse it

from facilitator.__main__ import main
from facilitator.core.support.regions import REGION_CODES
from facilitator.services.assets import slide_file
from tests.core.risk.wordings import CHAT, FALSE_ALARMS, RISKY

BUNDLED = str(slide_file())
TWO_LONG_LOCAL = """
[[local_resources]]
name = "St Elsewhere Medical School Counselling and Wellbeing Service"
phone = "+44 20 7946 0958 extension 4410"
web = "https://wellbeing.st-elsewhere-medical-school.example.ac.uk/counselling"
hours = "Mon-Fri 8:30 am to 6 pm, term time only"

[[local_resources]]
name = "Occupational Health and Programme Wellness Lead (Dr A. Example)"
phone = "0300 555 0199 option 3"
text = "Text WELLBEING to 60777"
hours = "Weekdays 9 am-5 pm"
"""


def settings_file(tmp_path: Path, region: str, local: bool) -> Path:
    path = tmp_path / f"settings-{region}-{local}.toml"
    path.write_text(f'region = "{region}"\n' + (TWO_LONG_LOCAL if local else ""), "utf-8")
    return path


def poll_session(tmp_path: Path, question: str, name: str = "s.md") -> Path:
    path = tmp_path / name
    path.write_text(
        "---\ntitle: T\n---\n\n# A (3m)\n\n## Help\n\n```resources\n```\n\n"
        f"## P\n\n```poll\nid: p\nquestion: {question}\ntype: yes-no\n```\n\n"
        "## Support\n\n```resources\n```\n", encoding="utf-8")
    return path


ALL_RISKY = [text for cases in RISKY.values() for text, _ in cases] + CHAT


def test_check_rejects_every_risk_poll_and_passes_every_false_alarm(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for number, question in enumerate(ALL_RISKY):
        path = poll_session(tmp_path, question.replace(":", " -"), f"risk{number}.md")
        assert main(["check", "--no-fit", str(path)]) == 1, question
        assert f"{path}:14:1: " in capsys.readouterr().err, question
    for number, question in enumerate(t for texts in FALSE_ALARMS.values() for t in texts):
        path = poll_session(tmp_path, question.replace(":", " -"), f"ok{number}.md")
        assert main(["check", "--no-fit", str(path)]) == 0, question
        capsys.readouterr()


@pytest.mark.parametrize("region", REGION_CODES)
def test_bundled_session_is_projectable_in_every_region_with_two_local_services(
        qtbot: QtBot, tmp_path: Path, region: str, capsys: pytest.CaptureFixture[str]) -> None:
    for local in (False, True):
        config = settings_file(tmp_path, region, local)
        if local:  # check's fit step draws like render; once per region keeps the test short
            assert main(["--config", str(config), "check", BUNDLED]) == 0, (
                capsys.readouterr().err)
        out = tmp_path / f"{region}-{local}"
        assert main(["--config", str(config), "render", BUNDLED, "--out", str(out)]) == 0, (
            capsys.readouterr().err)
        assert "does not fit" not in capsys.readouterr().err


def test_a_slide_that_cannot_fit_is_an_error_naming_the_slide(
        qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    words = " ".join(["A line far too long to ever fit on one projected slide."] * 40)
    path = tmp_path / "long.md"
    path.write_text("---\ntitle: T\n---\n\n# A (3m)\n\n## Intro\n\n```content-note\nStep out "
                    "any time.\n```\n\n## Wall of text\n\n" + words + "\n", encoding="utf-8")
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:13:1: slide 2 ('Wall of text') does not fit" in err
    assert "at 1280x720 (region us, 0 local services)" in err
    assert main(["check", "--no-fit", str(path)]) == 0


def test_check_without_the_fit_step_never_imports_qt(tmp_path: Path) -> None:
    code = ("import sys; from facilitator.__main__ import main; "
            f"rc = main(['check', '--no-fit', {BUNDLED!r}]); "
            "print(rc, any(name.startswith('PySide6') for name in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.stdout.split()[-2:] == ["0", "False"], done.stderr


def test_a_config_file_that_does_not_exist_is_named_not_silently_replaced(
        qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "myroom.toml"  # a typo for the file with the local services
    assert main(["--config", str(missing), "check", BUNDLED]) == 0
    err = capsys.readouterr().err
    assert f"{missing}: no such settings file (--config); using the default settings" in err
