"""Every variant a facilitator can print, read back run by run: no text below the type
floors, no text printed over other text, no heading left alone at the foot of a page,
"when to worry" on the page of the support table, room to write, cards that can be cut.

A4 and Letter, all six regions, with and without two long local services (the worst a
facilitator's settings are likely to hold).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pytest

from facilitator.core.session.model import Session
from facilitator.core.support.regions import REGION_CODES, Region, local_entry
from facilitator.printing import PrintContext, build_cards, build_guide, build_handout, theme
from facilitator.printing.card_sheet import CARD_H, CARD_W, card_slots
from facilitator.printing.handout import MAX_PAGES, REFLECTION_LINES, LinedSpace
from facilitator.services import assets
from tests.printing.pdfs import MM, qr_codes, raster
from tests.printing.runs import Run, horizontal_rules, overlapping, page_count, text_runs

LONG_LOCAL = (
    local_entry("University of Northshire Student Counselling and Mental Health Wellbeing "
                "Service", phone="+1 555 0100 2233",
                web="https://counselling.northshire.example.edu/students/",
                hours="Monday to Friday 8:30 am to 6 pm, term time only",
                note="Walk-in at the Student Centre, level 2"),
    local_entry("Northshire Medical School Occupational Health and Doctors' Wellbeing Line",
                phone="0800 123 456 789", web="https://occhealth.northshire.example.org/",
                hours="Weekdays 9-5", note="Confidential; not reported to your programme"),
)
VARIANTS = [(paper, region, local) for paper in ("a4", "letter") for region in REGION_CODES
            for local in (False, True)]
IDS = [f"{paper}-{region}{'-local' if local else ''}" for paper, region, local in VARIANTS]
HEADING_SIZES = {10.5, 12.0, 15.0, 22.0}  # h3, h2, h1, the guide's cover


def _region(code: str, local: bool) -> Region:
    region = assets.support_region(code)
    return region.with_local(LONG_LOCAL) if local else region


@cache
def _pdf(kind: str, paper: str, code: str, local: bool, session: Session) -> bytes:
    ctx = PrintContext(region=_region(code, local), paper=paper, author="Dr A. Example",
                       font_dir=assets.font_path("DejaVuSans.ttf").parent)
    build = {"handout": build_handout, "cards": build_cards, "guide": build_guide}[kind]
    return build(session, ctx)


@pytest.fixture
def variant(session: Session) -> Callable[[str, str, str, bool], bytes]:
    return lambda kind, paper, code, local: _pdf(kind, paper, code, local, session)


def _pages(pdf: bytes) -> list[list[Run]]:
    return [text_runs(pdf, index) for index in range(page_count(pdf))]


def _footer_start(runs: list[Run]) -> int:
    """Index of the handout footer's first run ("Need to talk to someone?")."""
    return next(i for i, run in enumerate(runs)
                if run.text == "Need" and run.bottom < 40 * MM)


def _lowest_line(runs: list[Run]) -> list[Run]:
    bottom = min(run.bottom for run in runs)
    return [run for run in runs if run.bottom - bottom < 3]


@pytest.mark.parametrize(("paper", "code", "local"), VARIANTS, ids=IDS)
def test_handout_type_overlap_keep_together_and_reading_order(
        variant: Callable[..., bytes], paper: str, code: str, local: bool) -> None:
    pdf = variant("handout", paper, code, local)
    pages = _pages(pdf)
    assert 2 <= len(pages) <= MAX_PAGES
    sizes: dict[float, int] = {}
    for number, runs in enumerate(pages, start=1):
        small = [run for run in runs if run.size < theme.TABLE_PT]
        assert not small, (number, small[:3])
        for run in runs:
            sizes[run.size] = sizes.get(run.size, 0) + 1
        assert not overlapping(runs), (number, overlapping(runs)[:2])
        # The footer comes after the body in the content stream: a screen reader reads
        # the page first and the repeated contacts last.
        footer = _footer_start(runs)
        body, after = runs[:footer], runs[footer:]
        footer_top = max(run.top for run in after)
        assert body and all(run.bottom > footer_top for run in body), number
        assert after[-1].text == str(len(pages)), "page X of N closes each page"
        if number < len(pages):
            line = _lowest_line(body)
            assert not [run for run in line if run.size in HEADING_SIZES], (number, line)
    assert max(sizes, key=lambda size: sizes[size]) >= theme.BODY_PT  # most text is body


@pytest.mark.parametrize(("paper", "code", "local"), VARIANTS, ids=IDS)
def test_when_to_worry_shares_a_page_with_the_support_table_and_reflection_has_room(
        variant: Callable[..., bytes], paper: str, code: str, local: bool) -> None:
    pdf = variant("handout", paper, code, local)
    pages = [" ".join(run.text for run in runs) for runs in _pages(pdf)]
    worry = next(i for i, page in enumerate(pages) if "Don’t wait for it to pass if" in page)
    # The table's first entry and its emergency line are on the same page.
    first = _region(code, local).entries[0].name.split()[0]
    assert first in pages[worry] and "In an emergency" in pages[worry]
    # The reflection: at least REFLECTION_LINES ruled lines below the prompt.
    last = pdf and page_count(pdf) - 1
    runs = text_runs(pdf, last)
    quote_bottom = min(run.bottom for run in runs if run.size == 13.0)
    footer_top = max(run.top for run in runs[_footer_start(runs):])
    rules = [y for y in horizontal_rules(pdf, last, 100 * MM) if footer_top + 4 < y < quote_bottom]
    assert len(rules) >= REFLECTION_LINES, len(rules)
    assert LinedSpace.PITCH >= 8 * MM


@pytest.mark.parametrize(("paper", "code", "local"), VARIANTS, ids=IDS)
def test_cards_type_floors_and_no_overlap(variant: Callable[..., bytes], paper: str, code: str,
                                          local: bool) -> None:
    pdf = variant("cards", paper, code, local)
    region = _region(code, local)
    # Digits of phone numbers and text codes: what must be read in a hurry.
    elsewhere = " ".join(f"{entry.name} {entry.hours} {entry.note}" for entry in region.entries)
    numbers = {word for entry in region.entries for word in entry.contact_line.split()
               if sum(ch.isdigit() for ch in word) >= 3 and word not in elsewhere}
    for index in range(2):
        runs = text_runs(pdf, index)
        assert runs
        assert not [run for run in runs if run.size < theme.CARD_NOTE_PT], index
        assert not overlapping(runs), overlapping(runs)[:2]
        for run in runs:
            if run.text in numbers:
                assert run.size >= theme.CARD_NAME_PT, run
    # NHS 111 and Practitioner Health say "England only" on every card, however crowded.
    if code == "uk":
        front = " ".join(run.text for run in text_runs(pdf, 0))
        assert front.count("England only") == 2 * len(card_slots(theme.page_size(paper)))


@pytest.mark.parametrize("code", REGION_CODES)
def test_letter_cards_leave_three_millimetres_of_white_at_every_edge(
        variant: Callable[..., bytes], code: str) -> None:
    """Rendered, not computed: no ink (marks, instructions, cards) near the paper's edge."""
    pdf = variant("cards", "letter", code, True)
    scale = 150 / 72
    for index in range(2):
        image = raster(pdf, index, scale)
        edge = int(3 * MM * scale) - 1
        w, h = image.size
        strips = [image.crop((0, 0, w, edge)), image.crop((0, h - edge, w, h)),
                  image.crop((0, 0, edge, h)), image.crop((w - edge, 0, w, h))]
        assert all(strip.getextrema()[0] > 240 for strip in strips), index


@pytest.mark.parametrize(("paper", "code", "local", "least"), [
    ("a4", "us", False, 3), ("letter", "us", False, 3), ("letter", "intl", True, 1),
    ("letter", "ie", True, 0), ("a4", "uk", True, 0),
])
def test_qr_codes_on_cards_decode_to_their_service(
        variant: Callable[..., bytes], paper: str, code: str, local: bool, least: int) -> None:
    """A QR code is printed where its modules stay large enough to scan and it leaves the
    number on one line at 8 pt; on a crowded card (five or more services) the numbers win."""
    pdf = variant("cards", paper, code, local)
    webs = {entry.web for entry in _region(code, local).entries}
    slots = card_slots(theme.page_size(paper))
    found = qr_codes(pdf, 0, scale=2)
    assert {qr.text for qr in found} <= webs
    per_card = [sorted(qr.text for qr in found
                       if slot.x < qr.x < slot.x + CARD_W and slot.y < qr.y < slot.y + CARD_H)
                for slot in slots]
    assert all(card == per_card[0] for card in per_card)  # every card the same
    assert len(per_card[0]) >= least and len(found) == len(slots) * len(per_card[0])


@pytest.mark.parametrize(("paper", "code", "local"), VARIANTS[::3], ids=IDS[::3])
def test_guide_type_overlap_and_no_orphaned_heading(
        variant: Callable[..., bytes], paper: str, code: str, local: bool) -> None:
    pdf = variant("guide", paper, code, local)
    pages = _pages(pdf)
    height = theme.page_size(paper)[1]
    for number, runs in enumerate(pages, start=1):
        assert not [run for run in runs if run.size < theme.TABLE_PT], number
        assert not overlapping(runs), (number, overlapping(runs)[:2])
        body = [run for run in runs if run.top < height - 10 * MM]
        if number < len(pages):
            line = _lowest_line(body)
            assert not [run for run in line if run.size in HEADING_SIZES], (number, line)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_poster_and_report_no_overlap_and_no_small_type(session: Session, paper: str) -> None:
    from facilitator.printing import build_poster, build_report
    from tests.printing.run_fixture import RUN

    ctx = PrintContext(region=_region("uk", True), paper=paper,
                       font_dir=assets.font_path("DejaVuSans.ttf").parent)
    url = "http://192.168.1.23:8765/join?t=Xq3v9KfP2mT8wL1aZ0bC4dE5"
    for pdf in (build_poster(session, ctx, url, "K7Q2"), build_poster(session, ctx, url),
                build_report(RUN, ctx)):
        for runs in _pages(pdf):
            assert not overlapping(runs), overlapping(runs)[:2]
            assert not [run for run in runs if run.size < theme.TABLE_PT]


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_eight_services_fit_a_card_and_a_ninth_is_left_for_the_handout(
        session: Session, paper: str) -> None:
    third = local_entry("Deanery Professional Support and Wellbeing Service",
                        phone="0161 555 0199", hours="Weekdays 9-5")
    region = assets.support_region("uk").with_local((*LONG_LOCAL, third))
    region = region.with_local((local_entry("Chaplaincy", phone="0161 555 0100"),))
    assert len(region.entries) == 9
    ctx = PrintContext(region=region, paper=paper,
                       font_dir=assets.font_path("DejaVuSans.ttf").parent)
    pdf = build_cards(session, ctx)
    cards = len(card_slots(theme.page_size(paper)))
    runs = text_runs(pdf, 0)
    assert not overlapping(runs)
    assert not [run for run in runs if run.size < theme.CARD_NOTE_PT]
    front = " ".join(run.text for run in runs).replace("\u00a0", " ")
    for entry in region.entries[:8]:  # every number of the first eight, on every card
        assert front.count(entry.contact_line) == cards, entry.contact_line
    # Local entries come first; the ninth (NHS 111) is left to the handout's table.
    assert front.count("Chaplaincy") == cards and "Call 111" not in front
    assert "Local support:" not in front  # no spare slot, and local services are printed


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_self_check_backs_keep_the_floors_and_every_row(session: Session, paper: str) -> None:
    ctx = PrintContext(region=_region("uk", True), paper=paper, card_back="check",
                       font_dir=assets.font_path("DejaVuSans.ttf").parent)
    pdf = build_cards(session, ctx)
    runs = text_runs(pdf, 1)
    assert not overlapping(runs)
    assert not [run for run in runs if run.size < theme.CARD_NOTE_PT]
    back = " ".join(run.text for run in runs)
    assert back.count("Energy") == len(card_slots(theme.page_size(paper)))  # the last row


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("code", ["uk", "us"])
def test_a_number_too_wide_for_its_column_stays_on_one_line(
        session: Session, paper: str, code: str) -> None:
    """"Call +44 (0)20 3447 9000" is wider than a card's half column at 8 pt: it broke after
    "+44". The number keeps one line (without "Call " if need be), and its hours stay."""
    region = assets.support_region(code).with_local((
        local_entry("Occupational Health", phone="+44 (0)20 3447 9000", hours="Mon-Fri 9-5"),
        local_entry("Student Wellbeing", web="https://www.example.ac.uk/students/wellbeing"),
    ))
    ctx = PrintContext(region=region, paper=paper,
                       font_dir=assets.font_path("DejaVuSans.ttf").parent)
    runs = text_runs(build_cards(session, ctx), 0)
    assert not overlapping(runs)
    cards = len(card_slots(theme.page_size(paper)))
    lines = [sorted((run for run in runs
                     if abs(run.bottom - start.bottom) < 3 and run.left >= start.left),
                    key=lambda run: run.left)
             for start in runs if start.text == "+44"]
    assert len(lines) == cards
    for line in lines:
        assert [run.text for run in line if run.left - line[0].left < 40 * MM][:4] == [
            "+44", "(0)20", "3447", "9000"]
        assert all(run.size >= theme.CARD_NAME_PT for run in line[:4])
    assert " ".join(run.text for run in runs).count("Mon-Fri 9-5") == cards
    if code == "uk":  # the region note still beside NHS 111's number
        assert " ".join(run.text for run in runs).count("England only") == 2 * cards


def test_keep_together_joins_a_number_with_brackets() -> None:
    from facilitator.printing.flowables import keep_together

    assert keep_together("Call +44 (0)20 3447 9000") == "Call +44\u00a0(0)20\u00a03447\u00a09000"
    assert keep_together("Call or text 988") == "Call or text 988"


@pytest.mark.parametrize("kind", ["handout", "guide"])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_long_web_address_breaks_after_a_dot_not_inside_a_name(
        variant: Callable[..., bytes], kind: str, paper: str) -> None:
    """The support table's address column printed "counselling.northshire.example.e" over
    "du"; a line of an address now ends at a "." or "/"."""
    pdf = variant(kind, paper, "uk", True)
    pieces = [run.text for runs in _pages(pdf) for run in runs if "northshire.example" in run.text
              or run.text in ("edu", "du", "u", "org")]
    assert pieces
    for piece in pieces:
        assert piece.endswith((".", "/", ".edu", ".org")) or piece in ("edu", "org"), pieces
