"""Support entries for slides: the region's shipped entries plus the facilitator's own.

Regions load lazily through `assets.support_region` and are cached; a region that cannot
be read leaves the slide with the local entries and the add-your-own line rather than
stopping the session.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from facilitator.core.session.model import ResourcesRef, Session
from facilitator.core.support.regions import Region, SupportEntry, SupportError
from facilitator.services import assets
from facilitator.services.settings import Settings


@dataclass(frozen=True)
class SupportBlock:
    entries: tuple[SupportEntry, ...]
    emergency_line: str = ""  # "In an emergency call 911."
    add_local: str = ""  # shown when no local entries were added


class SupportSource:
    def __init__(self, default_region: str, local: Sequence[SupportEntry] = (),
                 load: Callable[[str], Region] = assets.support_region) -> None:
        self.default_region = default_region or "us"
        self.local = tuple(local)
        self._load = load
        self._cache: dict[str, Region | None] = {}

    def region(self, code: str) -> Region | None:
        code = (code or self.default_region).lower()
        if code not in self._cache:
            try:
                self._cache[code] = self._load(code)
            except SupportError:
                self._cache[code] = None
        return self._cache[code]

    def block(self, ref: ResourcesRef | None) -> SupportBlock:
        """What a resources slide (or the R overlay, with `ref=None`) shows."""
        ref = ref or ResourcesRef()
        region = self.region(ref.region)
        if region is None:
            return SupportBlock(self.local)
        # A session written for another region names services this region lacks ("988" in
        # a US session run in the UK): show this region's own services rather than none.
        chosen = region.select(ref.include) or region.entries
        return SupportBlock(
            entries=(*self.local, *chosen),
            emergency_line=region.emergency_line,
            add_local="" if self.local else region.add_local,
        )


def support_from_settings(session: Session, settings: Settings) -> tuple[SupportSource, list[str]]:
    """The session's support source with the facilitator's local entries first, and a
    message for each local entry that cannot be used (the others still show)."""
    local, problems = settings.local_entries()
    return SupportSource(settings.region or session.region, local), problems
