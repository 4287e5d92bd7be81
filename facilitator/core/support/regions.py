"""Support resources by region: who to call or text, as immutable values.

Each region lives in `resources/support/<code>.toml` (found by `facilitator.services.assets`);
this module only parses text, so it stays pure and testable. Local entries (the school's
counselling service, student health) come from the facilitator's settings; the
composition root turns them into entries with `local_entry` and adds them with
`Region.with_local`, so this module never imports the settings.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from typing import Any

REGION_CODES = ("us", "uk", "ie", "ca", "au", "intl")

_ENTRY_KEYS = frozenset(
    {
        "id",
        "name",
        "phone",
        "sms_number",
        "sms_keyword",
        "email",
        "web",
        "chat",
        "hours",
        "audience",
        "note",
        "checked",
    }
)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_REGION_KEYS = frozenset({"code", "name", "emergency", "add_local", "entry"})
# "Text HOME to 741741", "HOME to 741741", "SHOUT 85258"
_TEXT_CODE = re.compile(r"^\s*(?:text\s+)?([A-Za-z][\w-]*)\s+(?:to\s+)?(\+?[\d][\d\s-]*)\s*$", re.I)
_TEXT_NUMBER = re.compile(r"^\s*(?:text\s+)?(\+?[\d][\d\s-]*)\s*$", re.I)


class SupportError(ValueError):
    """A support-resources file that cannot be used; `str()` names the file and the problem."""


@dataclass(frozen=True)
class SupportEntry:
    """One service: a helpline, a text line, a website, or a local service."""

    id: str
    name: str
    phone: str = ""
    sms_number: str = ""
    sms_keyword: str = ""
    email: str = ""
    web: str = ""
    chat: str = ""
    hours: str = ""
    audience: str = ""
    note: str = ""
    checked: str = ""  # "2026-12-02": when someone last checked it on the service's own site
    local: bool = False  # added by the facilitator, not shipped

    @property
    def tel_uri(self) -> str:
        """`tel:` link for the phone number ("" without one); digits and a leading + only."""
        return f"tel:{_dial_digits(self.phone)}" if self.phone else ""

    @property
    def sms_uri(self) -> str:
        """`sms:` link with the keyword as the message body (RFC 5724), "" without a number."""
        if not self.sms_number:
            return ""
        uri = f"sms:{_dial_digits(self.sms_number)}"
        return f"{uri}?body={self.sms_keyword}" if self.sms_keyword else uri

    @property
    def call_text(self) -> str:
        """ "Call 116 123" or ""."""
        return f"Call {self.phone}" if self.phone else ""

    @property
    def sms_text(self) -> str:
        """ "Text HOME to 741741", "Text 50808" or ""."""
        if not self.sms_number:
            return ""
        if self.sms_keyword:
            return f"Text {self.sms_keyword} to {self.sms_number}"
        return f"Text {self.sms_number}"

    @property
    def contact_line(self) -> str:
        """How to reach the service in one line: "Call or text 988", "Text HOME to 741741"."""
        if self.phone and self.sms_number and _same(self.phone, self.sms_number):
            if self.sms_keyword:
                return f"Call {self.phone} or text {self.sms_keyword} to {self.sms_number}"
            return f"Call or text {self.phone}"
        parts = [part for part in (self.call_text, self.sms_text) if part]
        if len(parts) == 2:
            parts[1] = parts[1][0].lower() + parts[1][1:]
        line = " or ".join(parts)
        if not line and self.email:
            line = f"Email {self.email}"
        if not line and self.web:
            line = display_url(self.web)
        return line

    @property
    def summary(self) -> str:
        """Name, contact and hours in one line, for footers and plain text."""
        bits = [self.name, self.contact_line]
        if self.hours:
            bits.append(self.hours)
        return " · ".join(bit for bit in bits if bit)


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    entries: tuple[SupportEntry, ...]
    emergency: str = ""
    add_local: str = ""  # the line that asks the facilitator to add local services

    def entry(self, entry_id: str) -> SupportEntry | None:
        return next((entry for entry in self.entries if entry.id == entry_id), None)

    def select(self, ids: tuple[str, ...]) -> tuple[SupportEntry, ...]:
        """The entries with these ids, in that order; all entries when `ids` is empty."""
        if not ids:
            return self.entries
        return tuple(entry for entry_id in ids if (entry := self.entry(entry_id)))

    def with_local(self, local: tuple[SupportEntry, ...]) -> Region:
        """This region with the facilitator's local entries first: in-person help is nearest."""
        return replace(self, entries=(*local, *self.entries))

    @property
    def emergency_line(self) -> str:
        """ "In an emergency call 911." (or "" when the file names no number)."""
        return f"In an emergency call {self.emergency}." if self.emergency else ""


def parse_region(text: str, source: str) -> Region:
    """A region from the TOML text of a support file; `source` names it in errors."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SupportError(f"{source}: not valid TOML: {error}") from None
    unknown = sorted(set(raw) - _REGION_KEYS)
    if unknown:
        raise SupportError(f"{source}: unknown key(s) {', '.join(unknown)}")
    code = _string(raw, "code", source, required=True)
    name = _string(raw, "name", source, required=True)
    items = raw.get("entry", [])
    if not isinstance(items, list) or not items:
        raise SupportError(f"{source}: needs at least one [[entry]]")
    entries: list[SupportEntry] = []
    for number, item in enumerate(items, start=1):
        where = f"{source}: entry {number}"
        if not isinstance(item, dict):
            raise SupportError(f"{where}: must be a table")
        entries.append(_entry(item, where))
    ids = [entry.id for entry in entries]
    duplicates = sorted({entry_id for entry_id in ids if ids.count(entry_id) > 1})
    if duplicates:
        raise SupportError(f"{source}: duplicate entry id(s) {', '.join(duplicates)}")
    return Region(
        code=code,
        name=name,
        entries=tuple(entries),
        emergency=_string(raw, "emergency", source),
        add_local=_string(raw, "add_local", source),
    )


def local_entry(
    name: str, phone: str = "", text: str = "", web: str = "", hours: str = "", note: str = ""
) -> SupportEntry:
    """An entry from the plain values a facilitator typed into the settings.

    `text` may be "Text HOME to 741741", "HOME to 741741" or just a number.
    """
    name = name.strip()
    if not name:
        raise SupportError("a local support entry needs a name")
    keyword, number = parse_text_code(text)
    return SupportEntry(
        id="local-" + (re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "entry"),
        name=name,
        phone=phone.strip(),
        sms_number=number,
        sms_keyword=keyword,
        web=normalise_url(web),
        hours=hours.strip(),
        note=note.strip(),
        local=True,
    )


def parse_text_code(text: str) -> tuple[str, str]:
    """(keyword, number) from "Text HOME to 741741"; ("", number) for a bare number."""
    if not text.strip():
        return "", ""
    if match := _TEXT_NUMBER.match(text):
        return "", match.group(1).strip()
    if match := _TEXT_CODE.match(text):
        return match.group(1).upper(), match.group(2).strip()
    raise SupportError(f"cannot read the text code {text!r}: write it like 'Text HOME to 741741'")


def normalise_url(url: str) -> str:
    """Add https:// to a bare host so a QR code opens a browser rather than a search."""
    url = url.strip()
    if url and not re.match(r"^[a-z][a-z0-9+.-]*://", url, re.I):
        url = "https://" + url
    return url


def display_url(url: str) -> str:
    """A URL as people type it: no scheme, no www., no trailing slash."""
    shown = re.sub(r"^https?://", "", url.strip(), flags=re.I)
    shown = re.sub(r"^www\.", "", shown, flags=re.I)
    return shown.rstrip("/")


def _entry(item: dict[str, Any], where: str) -> SupportEntry:
    unknown = sorted(set(item) - _ENTRY_KEYS)
    if unknown:
        raise SupportError(f"{where}: unknown key(s) {', '.join(unknown)}")
    values = {key: _string(item, key, where) for key in _ENTRY_KEYS}
    for key in ("id", "name"):
        if not values[key]:
            raise SupportError(f"{where}: needs {key!r}")
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", values["id"]):
        raise SupportError(f"{where}: id {values['id']!r} may use only a-z, 0-9 and '-'")
    if not (values["phone"] or values["sms_number"] or values["web"] or values["email"]):
        raise SupportError(f"{where} ({values['name']}): needs a phone, sms_number, email or web")
    if values["sms_keyword"] and not values["sms_number"]:
        raise SupportError(f"{where} ({values['name']}): sms_keyword without sms_number")
    for key in ("web", "chat"):
        if values[key] and not values[key].startswith("https://"):
            raise SupportError(f"{where} ({values['name']}): {key} must start with https://")
    if values["checked"] and not _DATE.fullmatch(values["checked"]):
        raise SupportError(f"{where} ({values['name']}): checked must be a date like "
                           f'"2026-12-02", not {values["checked"]!r}')
    return SupportEntry(
        id=values["id"],
        name=values["name"],
        phone=values["phone"],
        sms_number=values["sms_number"],
        sms_keyword=values["sms_keyword"],
        email=values["email"],
        web=values["web"],
        chat=values["chat"],
        hours=values["hours"],
        audience=values["audience"],
        note=values["note"],
        checked=values["checked"],
    )


def _string(table: dict[str, Any], key: str, where: str, required: bool = False) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise SupportError(f"{where}: {key!r} must be a string in quotes")
    if required and not value.strip():
        raise SupportError(f"{where}: needs {key!r}")
    return value.strip()


def _dial_digits(number: str) -> str:
    digits = re.sub(r"[^\d]", "", number)
    return f"+{digits}" if number.strip().startswith("+") else digits


def _same(a: str, b: str) -> bool:
    return _dial_digits(a) == _dial_digits(b)
