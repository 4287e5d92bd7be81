"""The app's own version, for the About box, every PDF's metadata and every run journal.

Read from the installed package's metadata (the wheel, the editable install, or the copy
PyInstaller puts in the bundle), so pyproject.toml stays the one place it is written.
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError, version


@cache
def app_version() -> str:
    try:
        return version("facilitator")
    except PackageNotFoundError:  # running from a bare checkout that was never installed
        return "unknown"


def creator() -> str:
    """What PDFs name as the program that made them."""
    return f"facilitator {app_version()}"
