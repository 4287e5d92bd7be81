"""What the room sees: navigation and screen state, without Qt."""

from __future__ import annotations

import pytest

from facilitator.core.session.model import Paragraph, Section, Session, Slide, SlideKind, Span
from facilitator.core.timing.presentation import Presentation, Screen


def deck(count: int = 5, resources_at: int | None = None) -> Presentation:
    slides = tuple(
        Slide(f"Slide {i + 1}", SlideKind.RESOURCES if i == resources_at else SlideKind.CONTENT,
              blocks=(Paragraph((Span("x"),)),))
        for i in range(count)
    )
    return Presentation(Session("Deck", (Section("A", 5, slides[:2]), Section("B", 5, slides[2:]))))


def test_navigation_clamps_at_both_ends() -> None:
    p = deck()
    assert not p.previous()
    assert p.next() and p.index == 1
    assert p.last() and p.index == 4
    assert not p.next()
    assert p.first() and p.index == 0


def test_go_to_number_counts_from_one_and_reports_sections() -> None:
    p = deck()
    assert p.go_to_number(3)
    assert p.index == 2 and p.section == 1
    assert p.slide.title == "Slide 3"
    assert p.next_slide is not None and p.next_slide.title == "Slide 4"
    p.last()
    assert p.next_slide is None


def test_black_and_white_toggle_and_survive_navigation() -> None:
    p = deck()
    p.toggle_black()
    assert p.screen is Screen.BLACK
    p.next()
    assert p.screen is Screen.BLACK
    p.toggle_white()
    assert p.screen is Screen.WHITE
    p.toggle_white()
    assert p.screen is Screen.SLIDE


def test_resources_overlay_and_slide() -> None:
    p = deck(resources_at=4)
    p.toggle_resources()
    assert p.resources_overlay
    assert p.resources_slide_index() == 4
    p.toggle_resources()
    assert not p.resources_overlay
    assert deck().resources_slide_index() is None


def test_an_empty_session_cannot_be_presented() -> None:
    with pytest.raises(ValueError, match="at least one slide"):
        Presentation(Session("Empty", ()))
