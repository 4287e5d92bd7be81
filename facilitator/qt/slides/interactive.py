"""Poll and prompt slides: the slides the room acts on.

A poll slide shows its question and options and reserves two regions, `results` and
`join`, reported in `Rendered.regions`; the projector's `SlideView` places the polling
widgets there (see `SlideView.set_results_widget` / `set_join_widget`). Until they are
plugged in, the regions show the options and a calm placeholder.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from facilitator.core.session.model import Poll, PollType, Slide
from facilitator.core.timing.timer import TimerMood, TimerSnapshot, format_seconds
from facilitator.qt.slides import text as st
from facilitator.qt.slides.base import (
    GROUPS_BANNER,
    Frame,
    Rendered,
    SlideContext,
    fit_and_draw,
    paint_heading,
)
from facilitator.qt.style import Theme, slide_font

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _poll_body_html(poll: Poll, theme: Theme) -> str:
    muted = f'style="color:{theme.muted};"'
    match poll.type:
        case PollType.SINGLE | PollType.MULTIPLE | PollType.YES_NO:
            rows = "".join(
                f'<tr><td width="8%" style="color:{theme.accent}; font-weight:bold;">'
                f"{LETTERS[index % 26]}</td><td>{html.escape(option.label)}</td></tr>"
                for index, option in enumerate(poll.options)
            )
            how = "Pick one" if poll.type is not PollType.MULTIPLE else (
                f"Pick up to {poll.max_choices}" if 1 < poll.max_choices < len(poll.options)
                else "Pick all that apply")
            return (f"<p {muted}>{how}</p>"
                    f'<table width="100%" cellspacing="0" cellpadding="4">{rows}</table>')
        case PollType.SCALE:
            low, high = poll.scale_labels
            ends = f"{poll.scale_min} = {html.escape(low)}" if low else str(poll.scale_min)
            ends += f"<br>{poll.scale_max} = {html.escape(high)}" if high \
                else f" to {poll.scale_max}"
            return (f"<p {muted}>On a scale from {poll.scale_min} to {poll.scale_max}</p>"
                    f"<p>{ends}</p>")
        case PollType.MATRIX:
            low, high = poll.scale_labels
            scale = f"{poll.scale_min} to {poll.scale_max}"
            if low or high:
                scale = (f"{poll.scale_min} ({html.escape(low)}) to "
                         f"{poll.scale_max} ({html.escape(high)})")
            rows = "".join(f"<li>{html.escape(row.label)}</li>" for row in poll.rows)
            return f"<p {muted}>Rate each, {scale}</p><ul>{rows}</ul>"
        case PollType.WORD:
            return "<p>Answer with one to three words.</p>" \
                   f"<p {muted}>Answers appear as a word cloud.</p>"
        case PollType.TEXT:
            return "<p>Answer in a sentence or two.</p>" \
                   f"<p {muted}>The facilitator reads answers before any are shown.</p>"
    return ""


def paint_poll(painter: QPainter, frame: Frame, slide: Slide, ctx: SlideContext,
               result: Rendered) -> None:
    poll = slide.poll
    theme = ctx.theme
    top = paint_heading(painter, frame, poll.question if poll else slide.title, ctx, result)
    if poll is None:
        return
    bottom = frame.height - frame.margin_y
    gap = frame.width * 0.03
    join_width = min(frame.content_width * 0.32, bottom - top)
    results = QRectF(frame.margin_x, top, frame.content_width - join_width - gap, bottom - top)
    join = QRectF(results.right() + gap, top, join_width, bottom - top)
    result.regions["results"] = results
    result.regions["join"] = join

    footer = [f"Anonymous. Results appear after {poll.min_responses} answers."]
    if poll.prefer_not_to_say:
        footer.append("“Prefer not to say” is always an option.")
    footer_html = f'<p style="color:{theme.muted};">{html.escape(" ".join(footer))}</p>'
    footer_box = QRectF(results.left(), results.bottom() - frame.body * 2.4, results.width(),
                        frame.body * 2.4)
    taken = fit_and_draw(painter, footer_html, footer_box, frame.body * 0.8, ctx, result,
                         "the poll footer", colour=theme.muted)
    # The live chart (and its "Waiting for N more answers" strip) stops above the footer:
    # the anonymity promise stays readable whatever the chart shows.
    result.regions["results"] = QRectF(results.left(), results.top(), results.width(),
                                       max(0.0, taken.top() - frame.body * 0.3 - results.top()))
    options_box = QRectF(results.left(), results.top(), results.width(),
                         taken.top() - results.top() - frame.body * 0.3)
    fit_and_draw(painter, _poll_body_html(poll, theme), options_box, frame.body, ctx, result,
                 "the poll options")

    # Join placeholder: where the QR code and address go once the phone server runs.
    if ctx.live_join:
        return
    painter.setPen(QPen(QColor(theme.muted), max(2.0, frame.height / 400), Qt.PenStyle.DashLine))
    painter.setBrush(QColor(theme.panel))
    side = min(join.width(), join.height())
    square = QRectF(join.left(), join.top(), side, side)
    painter.drawRoundedRect(square, frame.height * 0.012, frame.height * 0.012)
    fit_and_draw(painter, "<p>Answer on your phone</p>", square.adjusted(
        frame.body * 0.5, frame.body * 0.5, -frame.body * 0.5, -frame.body * 0.5),
        frame.body * 0.8, ctx, result, "the join placeholder", colour=theme.muted,
        align="center", valign_centre=True)


def _timer_colour(theme: Theme, mood: TimerMood) -> str:
    return {
        TimerMood.IDLE: theme.timer_running,
        TimerMood.RUNNING: theme.timer_running,
        TimerMood.PAUSED: theme.timer_paused,
        TimerMood.LAST_MINUTE: theme.timer_last_minute,
        TimerMood.OVERTIME: theme.timer_overtime,
    }[mood]


def paint_prompt(painter: QPainter, frame: Frame, slide: Slide, ctx: SlideContext,
                 result: Rendered) -> None:
    """Format chips on top, the prompt in large type, and a countdown the back row can read."""
    prompt = slide.prompt
    theme = ctx.theme
    top = paint_heading(painter, frame, slide.title, ctx, result)
    if prompt is None:
        return
    timer: TimerSnapshot | None = ctx.timer
    current_phase = timer.phase if timer else 0

    # Phase chips: "4 min · Pairs", with the phase under way filled in.
    labels = [
        f"{format_seconds(phase.seconds)}  {phase.group.label}" if prompt.multi_phase
        else phase.group.label for phase in prompt.phases
    ]
    chip_px = frame.body * 0.8
    while True:
        painter.setFont(slide_font(chip_px, bold=True))
        metrics = painter.fontMetrics()
        needed = sum(metrics.horizontalAdvance(label) + chip_px * 1.4 for label in labels)
        needed += (len(labels) - 1) * chip_px * 1.0
        if needed <= frame.content_width or chip_px <= frame.body * st.FLOOR_SCALE * 0.8:
            break
        chip_px *= 0.95
    result.scale = min(result.scale, chip_px / (frame.body * 0.8))
    chip_h = chip_px * 1.7
    x = frame.margin_x
    for index in range(len(prompt.phases)):
        label = labels[index]
        width = metrics.horizontalAdvance(label) + chip_px * 1.4
        if x + width > frame.width - frame.margin_x + 0.5:
            result.fits = False
            result.problems.append("the phase labels do not fit on one line")
        chip = QRectF(x, top, width, chip_h)
        active = index == current_phase
        painter.setPen(QPen(QColor(theme.accent), max(2.0, frame.height / 360)))
        painter.setBrush(QColor(theme.accent) if active else QColor(theme.background))
        painter.drawRoundedRect(chip, chip_h / 2, chip_h / 2)
        painter.setPen(QColor(theme.background) if active else QColor(theme.text))
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
        x += width
        if index < len(prompt.phases) - 1:
            painter.setPen(QColor(theme.muted))
            painter.drawText(QRectF(x, top, chip_px, chip_h), Qt.AlignmentFlag.AlignCenter, "›")
            x += chip_px

    # The slide's own paragraphs and bullets (the file's body) go under the prompt; the
    # clock then moves to a column on the right, so the text keeps the full height.
    body_html = st.blocks_html(slide.blocks, theme, frame.body) if slide.blocks else ""
    text_top = top + chip_h + frame.body * 0.8
    bottom = frame.height - frame.margin_y
    if ctx.groups_banner:  # the banner sits over the slide's foot: stop above it
        bottom = min(bottom, frame.height * (1 - GROUPS_BANNER) - frame.body * 0.3)
    if body_html:
        clock_h = frame.height * 0.17
        column = frame.content_width * 0.24
        text_area = QRectF(frame.margin_x, text_top, frame.content_width - column - frame.body,
                           bottom - text_top)
        clock_rect = QRectF(frame.width - frame.margin_x - column,
                            text_area.center().y() - clock_h / 2, column, clock_h)
        note_rect = QRectF(clock_rect.left(), clock_rect.bottom(), column, frame.body * 1.4)
    else:
        clock_h = frame.height * 0.25
        clock_area = QRectF(frame.margin_x, bottom - clock_h,
                            frame.content_width, clock_h)
        text_area = QRectF(frame.margin_x, text_top, frame.content_width,
                           clock_area.top() - top - chip_h - frame.body * 1.4)
        clock_rect = QRectF(clock_area.center().x() - frame.width * 0.22, clock_area.top(),
                            frame.width * 0.44, clock_h)
        note_rect = QRectF(clock_rect.right(), clock_area.top(),
                           frame.width - frame.margin_x - clock_rect.right(), clock_h)
    prompt_area = QRectF(text_area.left(), text_area.top(), text_area.width(),
                         text_area.height() * (0.4 if body_html else 1.0))
    taken = fit_and_draw(painter, f"<p>{html.escape(prompt.text)}</p>", prompt_area,
                         frame.body * (1.1 if body_html else 1.3), ctx, result, "the prompt")
    if body_html:
        gap = frame.body * 0.6
        rest = QRectF(text_area.left(), taken.bottom() + gap, text_area.width(),
                      text_area.bottom() - taken.bottom() - gap)
        fit_and_draw(painter, body_html, rest, frame.body, ctx, result, "the body")

    if timer is not None:
        display, colour = timer.display, _timer_colour(theme, timer.mood)
    else:
        display, colour = format_seconds(prompt.phases[0].seconds), theme.timer_running
    clock_font = slide_font(clock_h * 0.82, bold=True)
    painter.setFont(clock_font)
    if ctx.flash:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(clock_rect, clock_h * 0.1, clock_h * 0.1)
        colour = theme.background
    painter.setPen(QColor(colour))
    painter.drawText(clock_rect, Qt.AlignmentFlag.AlignCenter, display)
    if timer is not None and timer.mood in (TimerMood.PAUSED, TimerMood.OVERTIME):
        note = "Paused" if timer.mood is TimerMood.PAUSED else "Time is up"
        painter.setFont(slide_font(frame.body * 0.8, bold=True))
        painter.setPen(QColor(colour if not ctx.flash else theme.text))
        align = Qt.AlignmentFlag.AlignHCenter if body_html else Qt.AlignmentFlag.AlignLeft
        painter.drawText(note_rect, align | Qt.AlignmentFlag.AlignVCenter, note)
