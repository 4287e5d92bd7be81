"""A widget that paints one slide of the running session with the shared renderer.

The projector window is a `SlideView` in LIVE mode (it shows black/white screens and the
resources overlay); the console uses one in LIVE mode as the projector preview and one in
NEXT mode for the slide after. Poll slides reserve regions for live widgets: the polling
feature plugs its results chart and join QR in with `set_results_widget` and
`set_join_widget`; the view places them over the regions the renderer reports and shows
them only while a poll slide is on screen. A plugged widget that has a
`show_poll(poll)` method is told which poll is showing.
"""

from __future__ import annotations

import dataclasses
from enum import StrEnum

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPicture, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from facilitator.core.session.model import Poll, Slide, SlideKind
from facilitator.core.timing.presentation import Screen
from facilitator.qt.presenter.state import PresenterState
from facilitator.qt.slides.render import Rendered, SlideContext, paint_slide
from facilitator.qt.style import BLANK


def _tell_poll(widget: QWidget, poll: Poll) -> None:
    """A plugged widget that follows a poll (the results chart) is told which one."""
    show_poll = getattr(widget, "show_poll", None)
    if callable(show_poll):
        show_poll(poll)


REFERENCE = QSize(1280, 720)  # the projector size the next-slide preview is rendered at


class ViewMode(StrEnum):
    LIVE = "live"  # exactly what the projector shows
    NEXT = "next"  # the slide after the current one, for the console


class SlideView(QWidget):
    def __init__(self, state: PresenterState, mode: ViewMode = ViewMode.LIVE,
                 preview: bool = False, parent: QWidget | None = None) -> None:
        """`preview` views keep 16:9 and label a black or white screen for the facilitator."""
        super().__init__(parent)
        self._state = state
        self._mode = mode
        self._preview = preview
        self._poll_widgets: dict[str, QWidget] = {}
        self._shown_polls: dict[str, str] = {}  # region -> id of the poll its widget shows
        self._timer_look: object = None  # what the countdown showed at the last repaint
        self.last_render = Rendered()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 90)
        state.slide_changed.connect(self._on_slide_changed)
        state.screen_changed.connect(self._on_screen_changed)
        state.timer_changed.connect(self._on_timer_changed)

    # -- plug-in points for the polling feature -------------------------------------------
    def set_results_widget(self, widget: QWidget | None) -> None:
        """Show `widget` over a poll slide's results region (None removes it)."""
        self._plug("results", widget)

    def set_join_widget(self, widget: QWidget | None) -> None:
        """Show `widget` (QR code and address) over a poll slide's join region."""
        self._plug("join", widget)

    def _plug(self, region: str, widget: QWidget | None) -> None:
        old = self._poll_widgets.pop(region, None)
        if old is not None and old is not widget:
            old.hide()
            old.setParent(None)
        self._shown_polls.pop(region, None)
        if widget is not None:
            widget.setParent(self)
            widget.hide()
            self._poll_widgets[region] = widget
        self.update()

    # -- what to draw ---------------------------------------------------------------------
    def shown(self) -> tuple[Slide | None, SlideContext | None]:
        """The slide this view paints now and how; (None, None) for black/white/nothing."""
        state = self._state
        if self._mode is ViewMode.NEXT:
            index = state.index + 1
            if index >= len(state.session.slides):
                return None, None
            return state.session.slides[index], state.context_for(index)
        if state.screen is not Screen.SLIDE:
            return None, None
        if state.resources_overlay:
            return state.resources_slide(), state.context_for(-1)
        return state.slide, state.context_for(state.index)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            slide, ctx = self.shown()
            if slide is None or ctx is None:
                painter.fillRect(self.rect(), self._blank_colour())
                self.last_render = Rendered()
                if self._preview:
                    self._paint_blank_label(painter)
            elif self._mode is ViewMode.NEXT:
                self._paint_scaled(painter, slide, ctx)
            else:
                if "join" in self._poll_widgets:  # the live QR goes there: no placeholder
                    ctx = dataclasses.replace(ctx, live_join=True)
                self.last_render = paint_slide(painter, self.width(), self.height(), slide, ctx)
        finally:
            painter.end()
        if self._poll_widgets:
            # Moving child widgets inside a paint event would schedule paints from within
            # painting; place them right after instead.
            QTimer.singleShot(0, self._place_poll_widgets)

    def _paint_scaled(self, painter: QPainter, slide: Slide, ctx: SlideContext) -> None:
        """The next slide as the projector will show it, scaled down: rendered at a
        projector's size and shrunk, not laid out afresh for a small box (where the type
        floors would crowd a six-option poll into overlapping lines)."""
        image = QImage(REFERENCE, QImage.Format.Format_RGB32)
        inner = QPainter(image)
        try:
            self.last_render = paint_slide(inner, REFERENCE.width(), REFERENCE.height(),
                                           slide, ctx)
        finally:
            inner.end()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(QRectF(self.rect()), image)

    def _paint_blank_label(self, painter: QPainter) -> None:
        if self._mode is ViewMode.NEXT:
            text = "End of session"
        elif self._state.screen is Screen.BLACK:
            text = "Projector is black. Press B to show the slide."
        else:
            text = "Projector is white. Press W to show the slide."
        white = self._mode is ViewMode.LIVE and self._state.screen is Screen.WHITE
        if self._mode is ViewMode.NEXT:  # on the theme's panel (light in the light theme)
            painter.setPen(self._state.theme.color("muted"))
        else:
            painter.setPen(QColor(BLANK.label_on_white if white else BLANK.label_on_black))
        font = painter.font()
        font.setPixelSize(max(12, self.height() // 14))
        painter.setFont(font)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)

    def _blank_colour(self) -> QColor:
        if self._mode is ViewMode.LIVE and self._state.screen is Screen.WHITE:
            return QColor(BLANK.white)
        if self._mode is ViewMode.NEXT:
            return QColor(self._state.theme.panel)
        return QColor(BLANK.black)

    def _place_poll_widgets(self, regions: dict[str, QRectF] | None = None) -> None:
        """Put plugged widgets over `regions` (default: those of the last paint), on a poll
        slide only."""
        slide, _ = self.shown()
        poll = slide.poll if slide is not None and slide.kind is SlideKind.POLL else None
        regions = self.last_render.regions if regions is None else regions
        for region, widget in self._poll_widgets.items():
            rect: QRectF | None = regions.get(region)
            if poll is None or rect is None:
                if not widget.isHidden():
                    widget.hide()
                self._shown_polls.pop(region, None)
                continue
            # Touch the widget only when something changed: placing runs after every paint,
            # and a needless show/raise would repaint the view and loop.
            target = rect.toAlignedRect()
            if widget.geometry() != target:
                widget.setGeometry(target)
            if self._shown_polls.get(region) != poll.id:
                self._shown_polls[region] = poll.id
                _tell_poll(widget, poll)
            if widget.isHidden():
                widget.show()
                widget.raise_()

    def sizeHint(self) -> QSize:
        return QSize(640, 360)

    def hasHeightForWidth(self) -> bool:
        return self._preview

    def heightForWidth(self, width: int) -> int:
        return width * 9 // 16

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.update()

    # -- state handlers -------------------------------------------------------------------
    def _on_slide_changed(self, index: int) -> None:
        self._timer_look = None
        self._place_before_painting()
        self.update()

    def _on_screen_changed(self) -> None:
        self._place_before_painting()
        self.update()

    def _place_before_painting(self) -> None:
        """Show, move or hide the plugged widgets for what comes next, before the paint:
        placed after it (as on a resize), they would make the view paint a second time.
        The regions come from laying the slide out into a QPicture, which draws nothing."""
        if not self._poll_widgets or not self.isVisible():
            return
        slide, ctx = self.shown()
        regions: dict[str, QRectF] = {}
        if slide is not None and ctx is not None and slide.kind is SlideKind.POLL:
            picture = QPicture()
            painter = QPainter(picture)
            try:
                regions = paint_slide(painter, self.width(), self.height(), slide, ctx).regions
            finally:
                painter.end()
        self._place_poll_widgets(regions)

    def _on_timer_changed(self) -> None:
        slide, ctx = self.shown()
        if slide is None or ctx is None or slide.kind is not SlideKind.PROMPT:
            return
        # Ticks come five times a second; repaint only when what the room sees changes.
        timer = ctx.timer
        look = (timer.display, timer.mood, timer.phase, ctx.flash) if timer else None
        if look != self._timer_look:
            self._timer_look = look
            self.update()
