"""What the room sees right now: which slide, black or white screen, the resources overlay.

Pure state with no Qt, so key handling and navigation are tested without a window. The
Qt wrapper (`facilitator.qt.presenter.state`) owns one instance and turns changes into signals.
Navigation never clears a black/white screen or the overlay by itself: the facilitator
lifts them on purpose, and the console always shows what the projector shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from facilitator.core.session.model import Session, Slide, SlideKind


class Screen(StrEnum):
    SLIDE = "slide"
    BLACK = "black"
    WHITE = "white"


@dataclass
class Presentation:
    session: Session
    index: int = 0
    screen: Screen = Screen.SLIDE
    resources_overlay: bool = False

    def __post_init__(self) -> None:
        self._slides = self.session.slides
        if not self._slides:
            raise ValueError("a session needs at least one slide to present")
        self.index = self._clamp(self.index)

    @property
    def count(self) -> int:
        return len(self._slides)

    @property
    def slide(self) -> Slide:
        return self._slides[self.index]

    @property
    def next_slide(self) -> Slide | None:
        return self._slides[self.index + 1] if self.index + 1 < self.count else None

    @property
    def section(self) -> int:
        return self.session.section_of(self.index)

    def go_to(self, index: int) -> bool:
        """Show slide `index` (0-based, clamped); True when the slide changed."""
        target = self._clamp(index)
        changed = target != self.index
        self.index = target
        return changed

    def go_to_number(self, number: int) -> bool:
        """Jump to slide `number` as people count (1-based), as typed with number + Enter."""
        return self.go_to(number - 1)

    def next(self) -> bool:
        return self.go_to(self.index + 1)

    def previous(self) -> bool:
        return self.go_to(self.index - 1)

    def first(self) -> bool:
        return self.go_to(0)

    def last(self) -> bool:
        return self.go_to(self.count - 1)

    def toggle_black(self) -> None:
        self.screen = Screen.SLIDE if self.screen is Screen.BLACK else Screen.BLACK

    def toggle_white(self) -> None:
        self.screen = Screen.SLIDE if self.screen is Screen.WHITE else Screen.WHITE

    def toggle_resources(self) -> None:
        self.resources_overlay = not self.resources_overlay

    def resources_slide_index(self) -> int | None:
        """The session's own resources slide, if it has one."""
        for index, slide in enumerate(self._slides):
            if slide.kind is SlideKind.RESOURCES:
                return index
        return None

    def _clamp(self, index: int) -> int:
        return max(0, min(index, len(self._slides) - 1))
