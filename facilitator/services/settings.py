"""Typed user settings, saved as TOML in the user's config folder.

The path comes from, in order: the `--config` option, the FACILITATOR_CONFIG environment
variable (tests point it at a temporary folder), then platformdirs' user config dir.
Unknown keys are kept out; a broken file falls back to defaults with a message rather
than stopping the app before a session. Saving rewrites only the values that changed and
keeps the rest of the file as the facilitator wrote it (comments, order, unknown keys).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs
import tomlkit
from tomlkit.exceptions import TOMLKitError

from facilitator.core.support.regions import SupportEntry, SupportError, local_entry

APP_NAME = "facilitator"


@dataclass
class LocalResource:
    """A support entry the facilitator adds: school counselling, student health, ..."""

    name: str
    phone: str = ""
    text: str = ""
    web: str = ""
    hours: str = ""
    note: str = ""


@dataclass
class Settings:
    theme: str = "dark"  # dark | light | high-contrast
    region: str = ""  # empty = the session's own region
    paper: str = "a4"  # a4 | letter
    interface: str = ""  # LAN interface name for the phone server; empty = default route
    port: int = 8765
    chime: bool = True
    local_resources: list[LocalResource] = field(default_factory=list)
    quiet_space: str = ""  # where people can step out to; printed in the guide
    co_facilitator: str = ""
    facilitator_name: str = ""  # the printouts' author (PDF metadata); empty: the session's

    def local_entries(self) -> tuple[tuple[SupportEntry, ...], list[str]]:
        """The facilitator's own support entries, checked, and a message for each one
        that cannot be used (the others still show). One place, so the slides, the phone
        page and the printouts agree."""
        entries: list[SupportEntry] = []
        problems: list[str] = []
        for item in self.local_resources:
            try:
                entries.append(local_entry(item.name, item.phone, item.text, item.web,
                                           item.hours, item.note))
            except SupportError as error:
                problems.append(f"settings: local resource {item.name!r}: {error}")
        return tuple(entries), problems


def default_path() -> Path:
    override = os.environ.get("FACILITATOR_CONFIG")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME)) / "settings.toml"


def data_dir() -> Path:
    """Where runs, journals and timing reports go (FACILITATOR_DATA overrides, for tests)."""
    override = os.environ.get("FACILITATOR_DATA")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def load(path: Path | None = None) -> tuple[Settings, str]:
    """Settings from `path` (or the default), and a problem message ("" when fine)."""
    path = path or default_path()
    if not path.exists():
        return Settings(), ""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Settings(), f"{path}: {error}; using default settings"
    return _from_dict(raw), ""


def save(settings: Settings, path: Path | None = None) -> Path:
    """Write `settings` to `path` (default: the user's file). In an existing file only the
    values that differ from what it holds are rewritten: the facilitator's comments, order
    and keys this version does not know stay as they were. Raises OSError when the file
    cannot be written, ValueError when it is not TOML (it is then left untouched)."""
    path = path or default_path()
    if path.exists():
        try:
            document = tomlkit.parse(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, TOMLKitError) as error:
            raise ValueError(f"{path}: {error}") from None
        on_file = _from_dict(document.unwrap())
    else:  # a new file holds only what differs from the defaults, so new defaults apply
        document, on_file = tomlkit.document(), Settings()
    for key, value in asdict(settings).items():
        if getattr(on_file, key) != getattr(settings, key):
            document[key] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    # Write beside it, then swap: a full disk or a crash mid-write must not leave an empty
    # file, which would read as valid TOML and silently drop the local support entries.
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_text(tomlkit.dumps(document), encoding="utf-8")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def _from_dict(raw: dict[str, Any]) -> Settings:
    known = {f.name: f for f in fields(Settings)}
    values: dict[str, Any] = {}
    defaults = Settings()
    for key, value in raw.items():
        if key not in known:
            continue
        if key == "local_resources" and isinstance(value, list):
            entry_keys = {f.name for f in fields(LocalResource)}
            values[key] = [
                LocalResource(**{k: str(v) for k, v in item.items() if k in entry_keys})
                for item in value
                if isinstance(item, dict) and item.get("name")
            ]
        elif isinstance(value, type(getattr(defaults, key))):
            values[key] = value
    return Settings(**values)
