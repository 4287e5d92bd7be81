"""Composition root for printouts: settings + shipped resources + session -> PDF bytes.

Used by `facilitator print`, `facilitator report` and, through a callable that desktop_app.py
hands to the Qt print dialog, by the desktop app (qt/ may not import printing/).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import time

from facilitator.core.runs.results import RunResults
from facilitator.core.session.model import Session
from facilitator.core.support.regions import Region
from facilitator.printing import (
    PrintContext,
    PrintError,
    build_cards,
    build_guide,
    build_handout,
    build_poster,
    build_report,
)
from facilitator.services import assets
from facilitator.services.settings import Settings

DOCUMENTS = ("handout", "cards", "guide", "poster")
DEFAULT_DOCUMENTS = ("handout", "cards", "guide")


def region_for(code: str, settings: Settings) -> Region:
    """The shipped region with the facilitator's usable local entries first (the app and
    the commands report the unusable ones)."""
    local, _problems = settings.local_entries()
    return assets.support_region(code).with_local(local)


def context(session: Session, settings: Settings, *, paper: str = "", region: str = "",
            start: time | None = None, card_back: str = "prompt") -> PrintContext:
    """Options fall back from explicit values to settings to the session's own region."""
    code = region or settings.region or session.region
    return PrintContext(
        region=region_for(code, settings),
        font_dir=assets.font_path("DejaVuSans.ttf").parent,
        paper=(paper or settings.paper).lower(),
        start=start,
        quiet_space=settings.quiet_space,
        co_facilitator=settings.co_facilitator,
        card_back=card_back,
        author=settings.facilitator_name or ", ".join(session.facilitators),
    )


def render(session: Session, ctx: PrintContext, documents: Sequence[str],
           join_url: str = "", room_code: str = "", allow_local: bool = False
           ) -> dict[str, bytes]:
    """{document name: PDF bytes} in the order asked; the poster needs `join_url`."""
    unknown = [name for name in documents if name not in DOCUMENTS]
    if unknown:
        raise PrintError(f"unknown document(s) {', '.join(unknown)}: choose from "
                         f"{', '.join(DOCUMENTS)}")
    out: dict[str, bytes] = {}
    for name in documents:
        if name == "handout":
            out[name] = build_handout(session, ctx)
        elif name == "cards":
            out[name] = build_cards(session, ctx)
        elif name == "guide":
            out[name] = build_guide(session, ctx)
        elif name == "poster":
            if not join_url:
                raise PrintError("the join poster needs the server's URL (--join-url)")
            out[name] = build_poster(session, ctx, join_url, room_code, allow_local)
    return out


def report(results: RunResults, settings: Settings, *, paper: str = "",
           region: str = "", session: Session | None = None) -> bytes:
    """The results report; with the run's `session`, scale columns carry their end labels."""
    ctx = PrintContext(
        region=region_for(region or settings.region or "intl", settings),
        font_dir=assets.font_path("DejaVuSans.ttf").parent,
        paper=(paper or settings.paper).lower(),
        author=settings.facilitator_name,
    )
    anchors = {poll.id: poll.scale_labels for poll in session.polls} if session else {}
    return build_report(results, ctx, anchors=anchors)


Produce = Callable[[str, str, tuple[str, ...], time | None], dict[str, bytes]]


def producer(session: Session, settings: Settings,
             server: Callable[[], tuple[str, str]] | None = None) -> Produce:
    """The callable the Qt print dialog is given (qt/ cannot import printing/).

    `server()` returns the running phone server's (join URL, room code) at the moment of
    printing, or ("", "") when it is not running; the poster then asks for it.
    """
    def produce(paper: str, region: str, documents: tuple[str, ...],
                start: time | None) -> dict[str, bytes]:
        url, code = server() if server else ("", "")
        ctx = context(session, settings, paper=paper, region=region, start=start)
        # The running server's own URL: the app only listens on loopback when a test
        # gives it nothing else, and says so on screen when phones cannot join.
        return render(session, ctx, documents, url, code, allow_local=True)
    return produce


def report_producer(results: RunResults, settings: Settings,
                    session: Session | None = None) -> Produce:
    """The same dialog showing the results report of a run (documents=("report",)); with
    the run's `session`, scale and matrix columns carry their end labels, as `report` does."""
    def produce(paper: str, region: str, documents: tuple[str, ...],
                start: time | None) -> dict[str, bytes]:
        return {"report": report(results, settings, paper=paper, region=region,
                                 session=session)}
    return produce
