"""The one place that finds files shipped with facilitator.

resources/ and slides/ live at the top of the repository and ship inside the wheel as
`facilitator.resources` and `facilitator.slides` (see pyproject.toml); importlib.resources
finds them in both an editable install and a wheel. Nothing else builds paths from
`__file__`.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

BUNDLED_SESSION = "numb-in-medicine.md"


def resource(*parts: str) -> Traversable:
    """A file or folder under resources/, e.g. `resource("web", "index.html")`."""
    node = files("facilitator.resources")
    for part in parts:
        node = node.joinpath(part)
    return node


def resource_path(*parts: str) -> Path:
    """A real filesystem path for a resource (Qt and reportlab want paths, not streams).

    Installed packages are plain folders, so the context manager's path stays valid.
    """
    with as_file(resource(*parts)) as path:
        return Path(path)


def slide_file(name: str = BUNDLED_SESSION) -> Path:
    """A session file shipped under slides/."""
    with as_file(files("facilitator.slides").joinpath(name)) as path:
        return Path(path)


def bundled_sessions() -> list[Path]:
    """Every session file shipped under slides/ (the format reference excluded)."""
    folder = files("facilitator.slides")
    names = sorted(
        entry.name
        for entry in folder.iterdir()
        if entry.name.endswith(".md") and entry.name != "README.md"
    )
    return [slide_file(name) for name in names]
