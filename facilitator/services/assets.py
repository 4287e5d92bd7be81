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

from facilitator.core.support.regions import REGION_CODES, Region, SupportError, parse_region

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


def support_region(code: str) -> Region:
    """The shipped support resources for a region code (us, uk, ie, ca, au, intl).

    Raises `SupportError` with a clear message for an unknown code or a broken file.
    """
    code = code.strip().lower()
    if code not in REGION_CODES:
        raise SupportError(f"unknown region {code!r}: choose one of {', '.join(REGION_CODES)}")
    node = resource("support", f"{code}.toml")
    return parse_region(node.read_text(encoding="utf-8"), f"resources/support/{code}.toml")


def font_path(name: str) -> Path:
    """A TTF shipped under resources/fonts/ (embedded in printouts for full Unicode)."""
    return resource_path("fonts", name)
