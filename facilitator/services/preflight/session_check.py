"""Session: the file's check results, local services set or not, the region's support."""

from __future__ import annotations

from pathlib import Path

from facilitator.core.session.loader import load_session
from facilitator.core.session.model import Session
from facilitator.core.support.refs import check_resource_refs
from facilitator.core.support.regions import SupportError
from facilitator.services import assets
from facilitator.services.preflight.verdict import Level, Line
from facilitator.services.settings import Settings

AREA = "session"


def load(path: Path) -> tuple[Session | None, list[Line]]:
    """The session (None when it does not load) and the lines about its file."""
    result = load_session(path)
    if result.session is not None:
        result.errors.extend(check_resource_refs(result.session, str(path),
                                                 assets.support_region))
    if result.errors:
        first = str(result.errors[0])
        more = f" (and {len(result.errors) - 1} more)" if len(result.errors) > 1 else ""
        return None, [Line(AREA, Level.PROBLEM, f"{first}{more}",
                           f"Fix the file; `facilitator check {path}` lists every mistake.")]
    session = result.session
    assert session is not None
    lines = [summary(session, path.name)]
    for warning in result.warnings:
        lines.append(Line(AREA, Level.WARNING, str(warning),
                          "Warnings do not stop the session; fix them if you can."))
    return session, lines


def summary(session: Session, name: str) -> Line:
    return Line(AREA, Level.OK, f"{name}: {len(session.slides)} slides, "
                f"{len(session.polls)} polls, {session.minutes:g} minutes")


def check_support(session: Session, settings: Settings, settings_file: str) -> list[Line]:
    code = settings.region or session.region or "us"
    try:
        region = assets.support_region(code)
    except SupportError as error:
        return [Line(AREA, Level.PROBLEM, str(error),
                     "Set `region` in the session or the settings file to a known region.")]
    lines = [Line(AREA, Level.OK, f"support resources for {region.name}: "
                  f"{len(region.entries)} services"
                  + (f", emergency {region.emergency}" if region.emergency else ""))]
    local, problems = settings.local_entries()
    if problems:
        lines.append(Line(AREA, Level.PROBLEM, problems[0],
                          f"Fix local_resources in {settings_file}."))
    elif not local:
        lines.append(Line(AREA, Level.WARNING, "no local services set (the staff wellbeing "
                          "service, occupational health, a quiet room)",
                          f"Add them as local_resources in {settings_file}; they are listed "
                          "first on every support slide and card."))
    else:
        lines.append(Line(AREA, Level.OK, f"{len(local)} local services set"))
    return lines
