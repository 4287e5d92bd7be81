"""The same article gives the same draft on every run: a draft that changes when nothing
did cannot be reviewed, diffed or trusted. Python orders a set of words by the hash seed,
which differs per process; the note sentences were picked from sums over such a set, and
near-ties flipped (two drafts of the bundled article in six runs)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.paths import ARTICLES, python_path

DRAFT = """
import sys
from pathlib import Path
from facilitator.core.importer.draft import import_file
print(import_file(Path(sys.argv[1])).text)
"""


def draft_with_seed(article: Path, seed: int) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": python_path()}
    done = subprocess.run([sys.executable, "-c", DRAFT, str(article)], env=env,
                          capture_output=True, text=True, timeout=60, check=True)
    return done.stdout


def test_the_bundled_article_gives_one_draft_whatever_the_hash_seed() -> None:
    article = ARTICLES / "numb-in-medicine.txt"
    drafts = {draft_with_seed(article, seed) for seed in range(6)}
    assert len(drafts) == 1
    assert "numb" in next(iter(drafts)).lower()
