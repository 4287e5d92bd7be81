"""Settings live in a TOML file; tests never touch the real user config."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

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


def test_a_broken_line_is_reported_and_the_rest_of_the_file_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        "# room 4\n"
        'theme = "light"\n'
        "region = uk\n"  # no quotes: not TOML
        "paper = [unclosed\n"
        "\n"
        "[[local_resources]]\n"
        'name = "Student counselling"\n'
        'phone = "555 0100"\n'
        "hours = 9-5\n"  # not TOML either
        "\n"
        "[[local_resources]]\n"
        'name = "Chaplaincy"\n'
        'web = "https://example.org/chaplaincy"\n',
        encoding="utf-8",
    )
    loaded, problem = settings.load(path)
    assert loaded.theme == "light" and loaded.region == "" and loaded.paper == "a4"
    assert [item.name for item in loaded.local_resources] == ["Student counselling", "Chaplaincy"]
    assert loaded.local_resources[0].phone == "555 0100" and loaded.local_resources[0].hours == ""
    lines = problem.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"{path}:3: ignored `region = uk` (not valid TOML")
    assert "text goes in quotes" in lines[0]
    assert lines[1].startswith(f"{path}:4: ignored `paper = [unclosed`")
    assert lines[2].startswith(f"{path}:9: ignored `hours = 9-5`")
    assert all(line.endswith("the other settings are in use") for line in lines)


def test_a_file_that_is_all_mistakes_gives_defaults_and_says_where(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("theme = [unclosed\n", encoding="utf-8")
    loaded, problem = settings.load(path)
    assert loaded == Settings()
    assert problem.startswith(f"{path}:1: ignored `theme = [unclosed`")


def test_a_value_of_the_wrong_kind_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('theme = "light"\nport = "eighty"\nchime = 1\n', encoding="utf-8")
    loaded, problem = settings.load(path)
    assert loaded.theme == "light" and loaded.port == 8765 and loaded.chime is True
    assert problem.splitlines() == [
        f"{path}:2: ignored `port`: it should be a whole number; the other settings are in use",
        f"{path}:3: ignored `chime`: it should be true or false; the other settings are in use",
    ]


def test_wrong_types_and_unknown_keys_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('theme = "light"\nport = "eighty"\nmystery = 1\n', encoding="utf-8")
    loaded, _ = settings.load(path)
    assert loaded.theme == "light" and loaded.port == Settings().port


def test_saving_keeps_the_facilitators_comments_and_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    written = (
        "# Settings for the Tuesday sessions\n"
        'theme = "light"  # the projector in room 4 washes dark slides out\n'
        "mystery = 1\n\n"
        "[[local_resources]]\n"
        'name = "Student counselling"  # checked in September\n'
        'phone = "555 0100"\n'
    )
    path.write_text(written, encoding="utf-8")
    loaded, problem = settings.load(path)
    assert problem == ""
    loaded.interface = "wlan0"
    settings.save(loaded, path)
    text = path.read_text(encoding="utf-8")
    # Every line as it was, in its order; the one change added among the top-level keys
    # (before the first table, where TOML needs it).
    assert [line for line in text.splitlines() if line != 'interface = "wlan0"'] == (
        written.splitlines())
    assert text.index('interface = "wlan0"') < text.index("[[local_resources]]")
    assert settings.load(path) == (loaded, "")


def test_saving_over_a_file_that_is_not_toml_leaves_it_alone(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("theme = [unclosed\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"settings\.toml"):
        settings.save(Settings(interface="wlan0"), path)
    assert path.read_text(encoding="utf-8") == "theme = [unclosed\n"


def test_a_full_disk_while_saving_keeps_the_old_file(tmp_path: Path) -> None:
    import resource
    import signal

    path = tmp_path / "settings.toml"
    old = "# ours\n" + "".join(
        f'[[local_resources]]\nname = "Service {n}"\nphone = "555 01{n:02}"\n' for n in range(8))
    path.write_text(old, encoding="utf-8")
    loaded, _ = settings.load(path)
    loaded.interface = "wlan0"
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (16, hard))  # any write past 16 bytes fails
    try:
        with pytest.raises(OSError):
            settings.save(loaded, path)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
    assert path.read_text(encoding="utf-8") == old  # not truncated: the services are all there
    assert [p.name for p in tmp_path.iterdir()] == ["settings.toml"]


def test_a_new_file_holds_only_what_differs_from_the_defaults(tmp_path: Path) -> None:
    path = settings.save(Settings(interface="wlan0"), tmp_path / "settings.toml")
    assert path.read_text(encoding="utf-8") == 'interface = "wlan0"\n'
