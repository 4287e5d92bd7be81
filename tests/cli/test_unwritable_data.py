"""A data folder that cannot be written gives a sentence, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from facilitator.services.assets import slide_file


def test_serve_record_with_an_unwritable_data_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    env = {**os.environ, "FACILITATOR_DATA": str(blocker / "data")}
    done = subprocess.run(
        [sys.executable, "-m", "facilitator", "serve", str(slide_file()), "--record",
         "--host", "127.0.0.1", "--port", "0"],
        capture_output=True, text=True, timeout=60, env=env, check=False,
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert "cannot record this run" in done.stderr
