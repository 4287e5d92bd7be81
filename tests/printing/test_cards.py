"""Resource cards: geometry in millimetres, crop marks, duplex alignment, scannable QRs."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from facilitator.core.session.model import Session
from facilitator.printing import PrintContext, build_cards
from facilitator.printing.card_sheet import (
    CARD_H,
    CARD_W,
    Rect,
    back_slots,
    card_slots,
    crop_marks,
)
from facilitator.printing.theme import page_size
from tests.printing.pdfs import MM, flat, page_size_mm, page_texts, qr_codes, raster, reader


def mm_rect(rect: Rect) -> tuple[float, float, float, float]:
    return tuple(round(v / MM, 2) for v in (rect.x, rect.y, rect.w, rect.h))  # type: ignore[return-value]


def inside(rect: Rect, x: float, y: float) -> bool:
    return rect.x < x < rect.x + rect.w and rect.y < y < rect.y + rect.h


def test_ten_cards_of_85_by_55_mm_centred_on_a4() -> None:
    slots = [mm_rect(slot) for slot in card_slots(page_size("a4"))]
    assert len(slots) == 10
    assert all((w, h) == (85.0, 55.0) for _, _, w, h in slots)
    # Two columns at 20 and 105 mm, five rows from 11 mm up: 170 x 275 mm on 210 x 297 mm.
    assert {x for x, _, _, _ in slots} == {20.0, 105.0}
    assert sorted({y for _, y, _, _ in slots}) == [11.0, 66.0, 121.0, 176.0, 231.0]
    assert slots[0] == (20.0, 231.0, 85.0, 55.0)  # the first card is top left


def test_eight_cards_on_letter_leave_room_for_printable_marks() -> None:
    """Five rows would leave 2.2 mm above and below: four rows keep every mark printable."""
    slots = [mm_rect(slot) for slot in card_slots(page_size("letter"))]
    assert len(slots) == 8
    assert {x for x, _, _, _ in slots} == {22.95, 107.95}
    assert min(y for _, y, _, _ in slots) == 29.7
    assert max(y + h for _, y, _, h in slots) == pytest.approx(249.7)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_crop_marks_lie_on_every_cut_line_and_outside_every_card(paper: str) -> None:
    size = page_size(paper)
    slots = card_slots(size)
    marks = crop_marks(size)
    cut_x = {round(slots[0].x + i * CARD_W, 3) for i in range(3)}
    rows = len(slots) // 2
    cut_y = {round(slots[-1].y + i * CARD_H, 3) for i in range(rows + 1)}
    vertical = [m for m in marks if m[0] == m[2]]
    horizontal = [m for m in marks if m[1] == m[3]]
    assert {round(m[0], 3) for m in vertical} == cut_x
    assert {round(m[1], 3) for m in horizontal} == cut_y
    assert len(vertical) == 2 * len(cut_x) and len(horizontal) == 2 * len(cut_y)
    clear = 3 * MM  # most printers cannot print nearer the edge than this
    for x1, y1, x2, y2 in marks:
        assert clear <= min(x1, x2) and max(x1, x2) <= size[0] - clear
        assert clear <= min(y1, y2) and max(y1, y2) <= size[1] - clear
        for slot in slots:  # a mark never runs onto a card
            mx, my = (x1 + x2) / 2, (y1 + y2) / 2
            assert not inside(slot, mx, my)
    lengths = {round(abs(x2 - x1 + y2 - y1) / MM, 2) for x1, y1, x2, y2 in marks}
    assert lengths == {5.0}


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_backs_are_mirrored_on_the_long_edge(paper: str) -> None:
    size = page_size(paper)
    fronts, backs = card_slots(size), back_slots(size)
    for front, back in zip(fronts, backs, strict=True):
        # Turning the sheet over on its long (vertical) edge maps x to width - x.
        assert back.y == front.y
        assert back.x == pytest.approx(size[0] - front.x - front.w)
        # Column 0's back lands on column 1 and the other way round.
        twin = [f for f in fronts if abs(f.x - back.x) < 1e-6 and abs(f.y - back.y) < 1e-6]
        assert len(twin) == 1 and twin[0] != front


@pytest.fixture(scope="module")
def cards_us(session: Session) -> bytes:
    from facilitator.services import assets

    return build_cards(session, PrintContext(
        region=assets.support_region("us"), font_dir=assets.font_path("DejaVuSans.ttf").parent))


def test_two_pages_a4_with_metadata(cards_us: bytes) -> None:
    pdf = reader(cards_us)
    assert len(pdf.pages) == 2
    assert page_size_mm(cards_us, 0) == page_size_mm(cards_us, 1) == (210.0, 297.0)
    assert pdf.metadata is not None and pdf.metadata.title == "Numb in Medicine: support cards"
    assert pdf.metadata.author != "facilitator"  # a person or nothing, never the app
    assert str(pdf.trailer["/Root"]["/Lang"]) == "en"
    # Viewers are asked to print at actual size and two-sided on the long edge.
    preferences = pdf.trailer["/Root"]["/ViewerPreferences"]
    assert preferences["/PrintScaling"] == "/None"
    assert preferences["/Duplex"] == "/DuplexFlipLongEdge"


def test_fronts_carry_numbers_and_text_codes_on_every_card(cards_us: bytes) -> None:
    front = page_texts(cards_us)[0]
    assert front.count("Call or text 988") == 10
    assert front.count("Text HOME to 741741") == 10
    assert front.count("Call 1-888-409-0141") == 10
    assert front.count("Emergency: 911") == 10


def test_every_qr_decodes_to_its_service_and_sits_on_its_card(cards_us: bytes) -> None:
    urls = {"https://988lifeline.org/", "https://www.crisistextline.org/",
            "https://www.physiciansupportline.com/"}
    found = qr_codes(cards_us, 0, scale=2)
    assert len(found) == 30
    assert {qr.text for qr in found} == urls
    slots = card_slots(page_size("a4"))
    for slot in slots:
        on_card = sorted(qr.text for qr in found if inside(slot, qr.x, qr.y))
        assert on_card == sorted(urls)


def test_each_back_sits_behind_its_front(cards_us: bytes) -> None:
    """The prompt on page 2 is drawn inside each mirrored slot, once per card."""
    positions: list[tuple[float, float]] = []

    def visitor(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.startswith("Ask yourself"):
            # Page position = text matrix origin through the current transformation matrix.
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            positions.append((x, y))

    reader(cards_us).pages[1].extract_text(visitor_text=visitor)
    backs = back_slots(page_size("a4"))
    assert len(positions) == 10
    for back in backs:
        assert sum(inside(back, x, y) for x, y in positions) == 1
    back_text = flat(page_texts(cards_us)[1])
    assert back_text.count("If my numbness could talk honestly") == 10


def test_crop_marks_are_printed(cards_us: bytes) -> None:
    scale = 150 / 72
    for index in (0, 1):
        image = raster(cards_us, index, scale)
        height = image.height
        for x1, y1, x2, y2 in crop_marks(page_size("a4")):
            mx, my = (x1 + x2) / 2 * scale, height - (y1 + y2) / 2 * scale
            dark = min(image.getpixel((int(mx) + dx, int(my) + dy))
                       for dx in (-1, 0, 1) for dy in (-1, 0, 1))
            assert dark < 200, (index, x1, y1)  # white paper is 255


def test_uk_letter_cards_with_a_local_entry(session: Session,
                                            make_ctx: Callable[..., PrintContext]) -> None:
    ctx = make_ctx(region="uk", paper="letter", local=True)
    pdf = build_cards(session, ctx)
    assert page_size_mm(pdf) == (215.9, 279.4)
    front = flat(page_texts(pdf)[0])
    assert front.count("Student Counselling Service") == 8  # local entries come first
    assert front.count("Text SHOUT to 85258") == 8
    # England-only services say so on the card, where the audience line has no room.
    assert front.count("NHS Practitioner Health") == 8
    assert front.count("England only") == 16
    # Where a QR code fits it decodes to its service, and every card carries the same.
    found = qr_codes(pdf, 0, scale=2)
    webs = {e.web for e in ctx.region.entries}
    assert found and {qr.text for qr in found} <= webs
    assert len(found) % 8 == 0


def test_international_cards_point_to_findahelpline_with_room_to_write(
        session: Session, make_ctx: Callable[..., PrintContext]) -> None:
    pdf = build_cards(session, make_ctx(region="intl"))
    found = qr_codes(pdf, 0, scale=2)
    assert [qr.text for qr in found] == ["https://findahelpline.com/"] * 10
    front = page_texts(pdf)[0]
    assert front.count("Local support:") == 10
    assert front.count("In an emergency call your local emergency number.") == 10


def test_self_check_backs_come_from_the_sessions_comparison(
        session: Session, make_ctx: Callable[..., PrintContext]) -> None:
    pdf = build_cards(session, make_ctx(card_back="check"))
    back = flat(page_texts(pdf)[1])
    assert back.count("Quick self-check") == 10
    assert back.count("Spills into everything") == 10
    assert "If my numbness could talk" not in back


def test_self_check_falls_back_to_the_prompt_without_a_comparison(
        small_session: Session, make_ctx: Callable[..., PrintContext]) -> None:
    back = flat(page_texts(build_cards(small_session, make_ctx(card_back="check")))[1])
    assert back.count("What would a kinder rota look like for me?") == 10
