"""Check that every `resources` block names support entries that exist in its region."""

from __future__ import annotations

from collections.abc import Callable

from facilitator.core.session.diagnostics import Diagnostic, did_you_mean
from facilitator.core.session.model import Session
from facilitator.core.support.regions import Region


def check_resource_refs(
    session: Session, path: str, region_of: Callable[[str], Region]
) -> list[Diagnostic]:
    """Errors for unknown entry ids; `region_of` reads a region's entries (see assets)."""
    problems = []
    for slide in session.slides:
        ref = slide.resources
        if ref is None or not ref.include:
            continue
        region = region_of(ref.region or session.region)
        known = tuple(entry.id for entry in region.entries)
        for entry_id in ref.include:
            if entry_id not in known:
                problems.append(
                    Diagnostic(
                        path,
                        ref.line,
                        1,
                        f'no support entry "{entry_id}" in region {region.code}'
                        f"{did_you_mean(entry_id, known)}; known: {', '.join(known)}",
                    )
                )
    return problems
