"""Every module, resources/ and slides/ ship inside the wheel; assets.py finds them."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from facilitator.services import assets
from tests.paths import ROOT


def test_wheel_carries_resources_and_slides(tmp_path: Path) -> None:
    # Build from a copy: setuptools leaves build/ and egg-info beside the sources it builds.
    source = tmp_path / "src"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "*.egg-info", "__pycache__", ".*cache"
        ),
    )
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    (wheel,) = tmp_path.glob("facilitator-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "facilitator/slides/numb-in-medicine.md" in names
    shipped = {name for name in names if name.startswith("facilitator/resources/")}
    tracked = {
        "facilitator/resources/" + str(path.relative_to(ROOT / "resources"))
        for path in (ROOT / "resources").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert tracked <= shipped, f"missing from the wheel: {sorted(tracked - shipped)}"
    # pyproject lists the packages by name: a new folder left off that list would work from
    # a checkout and be missing from every installed copy.
    modules = {
        str(path.relative_to(ROOT)) for path in (ROOT / "facilitator").rglob("*.py")
        if "__pycache__" not in path.parts
    }
    assert modules <= names, f"missing from the wheel: {sorted(modules - names)}"


def test_assets_find_the_bundled_session() -> None:
    path = assets.slide_file()
    assert path.is_file() and path.read_text(encoding="utf-8").startswith("---\ntitle:")
    assert path in assets.bundled_sessions()
    assert all(p.name != "README.md" for p in assets.bundled_sessions())
