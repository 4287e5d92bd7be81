"""Settings live in a TOML file; tests never touch the real user config."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from facilitator.services import settings
from facilitator.services.settings import LocalResource, Settings


def test_tests_use_a_private_config(private_user_dirs: Path) -> None:
    path = settings.default_path()
    assert str(path).startswith(str(private_user_dirs))
    assert not str(path).startswith(platformdirs.user_config_dir("facilitator"))


def test_round_trip_with_local_resources() -> None:
    chosen = Settings(
        theme="high-contrast",
        paper="letter",
        local_resources=[LocalResource(name="Student counselling", phone="555 0100", hours="9-5")],
    )
    path = settings.save(chosen)
    loaded, problem = settings.load(path)
    assert problem == ""
    assert loaded == chosen


def test_missing_file_gives_defaults() -> None:
    assert settings.load() == (Settings(), "")


def test_broken_file_gives_defaults_and_a_message(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("theme = [unclosed\n", encoding="utf-8")
    loaded, problem = settings.load(path)
    assert loaded == Settings()
    assert problem.startswith(f"{path}:") and "using default settings" in problem


def test_wrong_types_and_unknown_keys_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('theme = "light"\nport = "eighty"\nmystery = 1\n', encoding="utf-8")
    loaded, _ = settings.load(path)
    assert loaded.theme == "light" and loaded.port == Settings().port
