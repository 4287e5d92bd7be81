"""The projector's live results for one poll: bars, diverging bars, word cloud or texts.

In the app a `PollChart` takes the `PollBridge` in `__init__` and follows it: the slide
view that shows it says which poll (`show_poll`, when a poll slide comes up), and each
snapshot the bridge delivers carries that poll's newest results (`_on_changed`, main
thread). So a vote reaches the wall through five modules: the web handler, the ballot box,
the live hub (which coalesces), the bridge, and this chart. Updates arrive at most ~10
times a second and Qt merges repaint requests, so a room voting at once costs a few frames.
Without a bridge (tests, benchmarks) `set_results` gives it results directly.
Below the threshold it shows only "Waiting for N more answers"; hidden results show
"Results hidden" with no figure, so the chart never shows a count below the threshold.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent, QRegion, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from facilitator.core.polls.room import RoomStatus
from facilitator.core.polls.snapshot import BallotSnapshot, PollResults, PollStatus
from facilitator.core.polls.tally import ChoiceTally, MatrixTally, TextTally, WordTally
from facilitator.core.session.model import Poll
from facilitator.qt.polls.bridge import PollBridge
from facilitator.qt.polls.chart_paint import (
    BACKGROUND,
    MUTED,
    TEXT,
    Ink,
    paint_bars,
    paint_diverging,
    paint_message,
)
from facilitator.qt.polls.word_cloud import paint_cloud
from facilitator.qt.style import chart_font


def waiting_text(results: PollResults) -> str:
    """Under the minimum: how many more answers an open poll needs; a closed or locked one
    will get no more, so it says its results stay private (as the phones do)."""
    if results.state.status is PollStatus.CLOSED or results.state.locked:
        return "Too few answers to show results, so they stay private"
    n = results.waiting_for
    return f"Waiting for {n} more answer{'s' if n != 1 else ''}"


def state_badge(results: PollResults, presenter: bool) -> str:
    """A line over the figures naming what is not obvious from them: the poll is closed or
    locked, or (console only) the wall does not show these figures."""
    parts = []
    if presenter and results.state.hidden:
        parts.append("Hidden from the wall: H reveals")
    if results.state.status is PollStatus.CLOSED:
        parts.append(f"Poll closed · {results.responses} answers")
    elif results.state.locked:
        parts.append("Answers locked")
    return " · ".join(parts)


class PollChart(QWidget):
    """`overlay=True` (on a poll slide): until there is a chart to show, paint only a strip
    along the bottom, so the slide's question and options stay visible behind it. The
    widget's mask is then that strip, so it is opaque wherever it paints: a new count
    repaints the strip alone, never the slide beneath (one paint of the projector per
    slide change, not one more per update)."""

    def __init__(self, results: PollResults | None = None, overlay: bool = False,
                 parent: QWidget | None = None, *, bridge: PollBridge | None = None,
                 presenter: bool = False) -> None:
        """`presenter`: the console's copy. It shows the figures whenever the threshold is
        reached, hidden or not, and says what the wall shows instead: the facilitator
        decides when to reveal by looking at them."""
        super().__init__(parent)
        self._presenter = presenter
        self._results = results
        self._overlay = overlay
        self._bridge = bridge
        self._poll_id: str | None = None  # which poll's results this chart follows
        if bridge is not None:
            bridge.changed.connect(self._on_changed)
        self.drawn_text: list[str] = []  # what the last paint showed, for tests and logs
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._fit_mask()

    @property
    def results(self) -> PollResults | None:
        return self._results

    def set_results(self, results: PollResults | None) -> None:
        if results == self._results:
            return
        self._results = results
        self._fit_mask()
        self.update()  # Qt folds many update() calls into one paint

    def show_poll(self, poll: Poll | None) -> None:
        """Follow `poll`'s results (None: none); main thread. The slide view calls it when
        the slide it paints changes, so each view's chart shows that view's poll."""
        self._poll_id = poll.id if poll else None
        if self._bridge is not None:
            self.set_results(self._bridge.results(self._poll_id))

    def _on_changed(self, snapshot: BallotSnapshot, _status: RoomStatus) -> None:
        if self._poll_id is not None:
            self.set_results(snapshot.polls.get(self._poll_id))

    def sizeHint(self) -> QSize:
        return QSize(800, 450)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_mask()

    def _brief(self) -> bool:
        """An overlay with no chart to show yet: only the strip is painted."""
        return self._overlay and not (self._results and self._figures_shown(self._results))

    def _figures_shown(self, results: PollResults) -> bool:
        return results.tally is not None and (self._presenter or not results.state.hidden)

    def _strip(self) -> QRectF:
        """The bottom fifth, on whole pixels: the mask and the fill must cover the same
        rows, or a row under the mask is left unpainted (the widget is opaque there)."""
        top = round(self.height() * 0.8)
        return QRectF(0, top, self.width(), self.height() - top)

    def _fit_mask(self) -> None:
        if self._brief():
            strip = QRegion(self._strip().toRect())
            if self.mask() != strip:
                self.setMask(strip)
        elif not self.mask().isEmpty():
            self.clearMask()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        ink = Ink(painter)
        if self._brief():
            strip = self._strip()
            painter.fillRect(strip, BACKGROUND)
            self._paint(ink, strip.adjusted(strip.height() * 0.1, strip.height() * 0.08,
                                            -strip.height() * 0.1, -strip.height() * 0.08),
                        brief=True)
        else:
            painter.fillRect(self.rect(), BACKGROUND)
            margin = min(self.width(), self.height()) * 0.04
            self._paint(ink, QRectF(self.rect()).adjusted(margin, margin, -margin, -margin))
        painter.end()
        self.drawn_text = ink.drawn

    def _paint(self, ink: Ink, area: QRectF, brief: bool = False) -> None:
        results = self._results
        if results is None:
            paint_message(ink, area, "No poll open")
            return
        if results.tally is None:
            detail = "" if brief else (
                "Results appear when enough people have answered, so no one answer "
                "can be picked out.")
            if results.state.status is PollStatus.IDLE:
                paint_message(ink, area, "Poll not open yet", "")
            else:
                paint_message(ink, area, waiting_text(results), detail)
            return
        if results.state.hidden and not self._presenter:
            paint_message(ink, area, "Results hidden",
                          "" if brief else "The facilitator will reveal them.")
            return
        badge = state_badge(results, self._presenter)
        if badge:
            line = QRectF(area.left(), area.top(), area.width(), area.height() * 0.08)
            ink.text(line, badge, line.height() * 0.8, MUTED, Qt.AlignmentFlag.AlignRight,
                     bold=True)
            area = area.adjusted(0, line.height(), 0, 0)
        tally = results.tally
        match tally:
            case ChoiceTally():
                # The answers these bars hold (the publication), not the count since.
                paint_bars(ink, area, tally, results.poll.reference_label,
                           results.shown_responses or results.responses)
            case MatrixTally():
                paint_diverging(ink, area, tally)
            case WordTally():
                paint_cloud(ink, area, tally.words, tally.prefer_not)
            case TextTally():
                self._paint_texts(ink, area, tally)

    def _paint_texts(self, ink: Ink, area: QRectF, tally: TextTally) -> None:
        if not tally.approved:
            paint_message(ink, area, "Answers are being read",
                          "The facilitator shows them once they have been read.")
            return
        # Newest last, as many whole cards as fit at a readable size; older ones drop off.
        pixels = max(area.height() * 0.07, 14.0)
        pad = pixels * 0.6
        metrics = QFontMetricsF(chart_font(pixels))
        cards: list[tuple[str, float]] = []
        used = 0.0
        for text in reversed(tally.approved):
            bounds = metrics.boundingRect(QRectF(0, 0, area.width() - 2 * pad, 10_000),
                                          int(Qt.TextFlag.TextWordWrap), text)
            height = bounds.height() + pad * 1.4
            if cards and used + height > area.height():
                break
            cards.insert(0, (text, height))
            used += height + pad * 0.5
        painter = ink.painter
        y = area.top()
        for text, height in cards:
            box = QRectF(area.left(), y, area.width(), height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(MUTED.darker(380))
            painter.drawRoundedRect(box, pixels * 0.4, pixels * 0.4)
            ink.text(box.adjusted(pad, 0, -pad, 0), text, pixels, TEXT, wrap=True)
            y += height + pad * 0.5
