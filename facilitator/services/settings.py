"""Typed user settings, saved as TOML in the user's config folder.

The path comes from, in order: the `--config` option, the FACILITATOR_CONFIG environment
variable (tests point it at a temporary folder), then platformdirs' user config dir.
Unknown keys are kept out; a broken file falls back to defaults with a message rather
than stopping the app before a session. Saving rewrites only the values that changed and
keeps the rest of the file as the facilitator wrote it (comments, order, unknown keys).
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

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
    """Settings from `path` (or the default), and what was wrong with the file ("" when
    fine; one line per problem). A line that is not valid TOML, or a value of the wrong
    kind, is left out and reported; every other line still counts, so one typo never
    loses the facilitator's local crisis services."""
    path = path or default_path()
    if not path.exists():
        return Settings(), ""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return Settings(), f"{path}: {error}; using default settings"
    problems: list[str] = []
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        raw, problems = _salvage(text, path)
    problems += _wrong_kinds(raw, text, path)
    problems.sort(key=_line_number)
    return _from_dict(raw), "\n".join(problems)


def _line_number(problem: str) -> int:
    match = re.search(r":(\d+): ignored", problem)
    return int(match.group(1)) if match else 0


# A line that starts a new TOML statement: a [table] header or a `key =`.
_STATEMENT = re.compile(r"""^\s*(\[|[A-Za-z0-9_\-"'.]+\s*=)""")
_WHERE = re.compile(r"\s*\((at line \d+, column \d+|at end of document)\)$")


def _salvage(text: str, path: Path) -> tuple[dict[str, Any], list[str]]:
    """Read a file with mistakes statement by statement, keeping every statement that
    parses on top of the ones kept before it (a value spread over several lines counts as
    one statement) and reporting each one left out with its line number."""
    lines = text.splitlines(keepends=True)
    kept, problems, start, reason = "", [], 0, ""
    while start < len(lines):
        end = start + 1  # the statement runs to the next line that starts another one
        while end < len(lines) and not _STATEMENT.match(lines[end]):
            end += 1
        for stop in range(start + 1, end + 1):
            try:
                tomllib.loads(kept + "".join(lines[start:stop]))
            except tomllib.TOMLDecodeError as error:
                reason = _WHERE.sub("", str(error))
                continue
            kept += "".join(lines[start:stop])
            start = stop
            break
        else:
            shown = lines[start].strip()
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            hint = "; text goes in quotes" if "=" in shown and '"' not in shown else ""
            problems.append(f"{path}:{start + 1}: ignored `{shown}` (not valid TOML: "
                            f"{reason.lower()}{hint}); the other settings are in use")
            start = end
    return tomllib.loads(kept), problems


def _wrong_kinds(raw: dict[str, Any], text: str, path: Path) -> list[str]:
    """A known key with a value of the wrong kind (`port = "eighty"`): left out, said."""
    defaults = Settings()
    problems = []
    for item in fields(Settings):
        if item.name not in raw:
            continue
        value, default = raw[item.name], getattr(defaults, item.name)
        if isinstance(value, type(default)) and not (
                isinstance(value, bool) and not isinstance(default, bool)):
            continue
        line = next((number for number, line in enumerate(text.splitlines(), start=1)
                     if re.match(rf"^\s*{re.escape(item.name)}\s*=", line)), 0)
        kind = {bool: "true or false", int: "a whole number", str: "text in quotes",
                list: "a list"}.get(type(default), type(default).__name__)
        where = f"{path}:{line}" if line else str(path)
        problems.append(f"{where}: ignored `{item.name}`: it should be {kind}; "
                        "the other settings are in use")
    return problems


def save(settings: Settings, path: Path | None = None) -> Path:
    """Write `settings` to `path` (default: the user's file). In an existing file only the
    values that differ from what it holds are rewritten: the facilitator's comments, order
    and keys this version does not know stay as they were. Raises OSError when the file
    cannot be written, ValueError when it is not TOML (it is then left untouched)."""
    # tomlkit keeps comments and order when writing; reading needs only tomllib, so the
    # app's start (which only reads) does not pay for importing it.
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

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
