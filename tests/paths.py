"""Folders the tests read from, named once (tests move; these stay right)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "core" / "importer" / "articles"  # real articles for the importer


def python_path() -> str:
    """PYTHONPATH for a child Python: this checkout first, then whatever the run had."""
    import os

    return os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")]))
