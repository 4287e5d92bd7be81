"""CI proves what the README promises: it installs exactly the README's OS packages and
runs the README's test command."""

from __future__ import annotations

import re

from tests.paths import ROOT


def readme_packages() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"sudo apt-get install (.*?)\n```", text, re.DOTALL)
    assert match, "README has no apt-get install line"
    return set(match.group(1).replace("\\", " ").split())


def ci_packages() -> set[str]:
    text = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    match = re.search(r"^packages=\((.*?)^\)", text, re.DOTALL | re.MULTILINE)
    assert match, ".ci/run has no packages=(...) list"
    lines = [line.split("#", 1)[0] for line in match.group(1).splitlines()]
    return set(" ".join(lines).split())


def test_ci_installs_exactly_the_readme_packages() -> None:
    assert ci_packages() == readme_packages()
    # The app ships its slide font: no system font family is needed for slides to fit.
    assert "fonts-liberation" not in readme_packages()


def test_the_readme_test_command_is_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^python3 -m venv .*pytest", readme, re.MULTILINE)
    assert "grep -m 1 -E '^python3 -m venv .*pytest' README.md" in (
        ROOT / ".ci" / "run").read_text(encoding="utf-8")
