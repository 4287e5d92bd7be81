"""Facilitator guide: agenda clock times, safety protocol, checklist, per-slide details."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time

import pytest

from facilitator.core.session.model import Session
from facilitator.printing import PrintContext, build_guide
from facilitator.printing.guide import clock_times
from tests.printing.pdfs import flat, page_size_mm, page_texts, reader


@pytest.fixture(scope="module")
def guide_text(session: Session) -> str:
    from facilitator.services import assets

    ctx = PrintContext(region=assets.support_region("us"),
                       font_dir=assets.font_path("DejaVuSans.ttf").parent, paper="letter",
                       start=time(13, 30), quiet_space="Room 2.14, across the corridor",
                       co_facilitator="Dr Rivera")
    pdf = build_guide(session, ctx)
    assert page_size_mm(pdf) == (215.9, 279.4)
    metadata = reader(pdf).metadata
    assert metadata is not None and metadata.title == "Numb in Medicine: facilitator guide"
    return flat(" ".join(page_texts(pdf, layout=True)))


def test_clock_times_follow_the_planned_minutes(session: Session) -> None:
    times = clock_times(session, time(13, 30))
    assert times[0] == ("13:30", "13:35")
    assert times[1] == ("13:35", "13:41")
    assert times[-1][1] == "14:55"  # 85 minutes after 13:30
    assert clock_times(session, None)[1] == ("+0:05", "+0:11")
    assert clock_times(session, time(23, 30))[-1][1] == "00:55"


def test_agenda_table_has_every_section_with_times(guide_text: str, session: Session) -> None:
    for section, (begin, end) in zip(session.sections, clock_times(session, time(13, 30)),
                                     strict=True):
        assert f"{begin} {end} {section.minutes:g} {section.title}" in guide_text, section.title
    assert "85 minutes" in guide_text and "13:30–14:55" in guide_text


def test_safety_protocol_names_the_quiet_space_and_co_facilitator(guide_text: str) -> None:
    assert "Today touches burnout, low mood" in guide_text  # the content note script
    assert "Room 2.14, across the corridor" in guide_text
    assert "Dr Rivera" in guide_text
    assert "If someone becomes distressed" in guide_text
    assert "Stay with them; do not leave them alone" in guide_text
    assert "Text HOME to 741741" in guide_text and "In an emergency call 911." in guide_text


def test_room_checklist_includes_testing_with_serve(guide_text: str) -> None:
    assert "Room checklist" in guide_text
    assert "facilitator serve" in guide_text
    assert "hotspot" in guide_text


def test_every_slide_prompt_and_poll_is_in_the_guide(guide_text: str, session: Session) -> None:
    for slide in session.slides:
        assert slide.title in guide_text or slide.title.replace("'", "’") in guide_text
    # Multi-phase prompt timings and formats.
    assert "1 min on your own → 2 min pairs → 3 min groups of 4 → 3 min whole room" in guide_text
    # Poll options.
    for option in ("Fear it goes on their record", "Persistently numb", "Unsure"):
        assert option in guide_text, option
    assert "Watch for:" in guide_text and "Say:" in guide_text


def test_without_start_time_offsets_are_printed(
        small_session: Session, make_ctx: Callable[..., PrintContext]) -> None:
    text = flat(" ".join(page_texts(build_guide(small_session, make_ctx(region="uk")))))
    assert "+0:00" in text and "+0:10" in text
    assert "____" in text  # quiet space left blank to fill in by hand


def test_the_us_only_physician_support_line_is_cited_only_for_the_us(session: Session) -> None:
    from facilitator.printing.guide import for_region
    from facilitator.services import assets

    def guide(region: str) -> str:
        ctx = PrintContext(region=assets.support_region(region),
                           font_dir=assets.font_path("DejaVuSans.ttf").parent)
        return flat(" ".join(page_texts(build_guide(session, ctx))))

    assert "Physician Support Line" in guide("us")
    for region in ("uk", "ie", "ca", "au", "intl"):
        assert "Physician Support Line" not in guide(region), region
    note = "Answer with facts: help exists (in the US, the Physician Support Line). Then go on."
    assert for_region(note, "uk") == "Answer with facts: help exists. Then go on."
    assert for_region(note, "us") == note
