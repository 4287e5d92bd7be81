"""The support services a session's phones and take-home page list: the facilitator's
local entries first, then the region's. Without the phone server, so `facilitator print`
can use it too (`services.takehome_file`)."""

from __future__ import annotations

from facilitator.core.session.model import Session
from facilitator.core.support.regions import SupportError
from facilitator.services import assets
from facilitator.services.settings import Settings
from facilitator.web.support_page import SupportInfo


def support_info(session: Session, settings: Settings) -> tuple[SupportInfo, list[str]]:
    """The phone's support page: local entries first (in-person help is nearest), then the
    region's; and a message for each entry that cannot be used."""
    local, problems = settings.local_entries()
    code = settings.region or session.region or "us"
    try:
        region = assets.support_region(code)
    except SupportError as error:
        problems.append(str(error))
        return SupportInfo(tuple(local)), problems
    return SupportInfo((*local, *region.entries), region.emergency_line, region.name), problems
