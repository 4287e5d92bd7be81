"""Results report after a run: aggregate charts with the threshold applied, approved free
text only, planned vs actual timing. It is built from `RunResults`, which has no per-person
field, so the report cannot leak one."""

from __future__ import annotations

import io
from collections.abc import Mapping

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from facilitator.core.release import creator
from facilitator.core.runs.from_journal import PREFER_NOT_LABEL
from facilitator.core.runs.results import PollResult, RunResults, shown_counts
from facilitator.printing import theme
from facilitator.printing.context import PrintContext
from facilitator.printing.flowables import BarChart, bullets, keep_together
from facilitator.printing.pages import numbered_canvas
from facilitator.printing.theme import styles, text

Anchors = Mapping[str, tuple[str, str]]  # poll id -> the scale's (low, high) labels


def build_report(results: RunResults, ctx: PrintContext, language: str = "en",
                 anchors: Anchors | None = None) -> bytes:
    """`anchors` labels the ends of scale and matrix columns ("1 · Never"), from the
    session when the caller has it."""
    anchors = anchors or {}
    ctx.prepare()
    buffer = io.BytesIO()
    width, height = ctx.page_size
    m = theme.MARGIN
    contacts = " · ".join(f"<b>{text(e.name)}</b>: {text(keep_together(e.contact_line))}"
                          for e in ctx.region.entries[:3])
    footer = Paragraph(f"Support: {contacts}", styles()["small"])
    _, footer_h = footer.wrap(width - 2 * m, height)
    bottom = m + footer_h
    doc = BaseDocTemplate(
        buffer, pagesize=ctx.page_size, leftMargin=m, rightMargin=m, topMargin=m + 6 * mm,
        bottomMargin=bottom, title=f"{results.session_title}: results", author=ctx.author,
        subject="Aggregate results of an anonymous session", lang=language,
        creator=creator(), pageCompression=1, initialFontName=theme.FONT,
    )
    frame = Frame(m, bottom, width - 2 * m, height - m - 6 * mm - bottom, leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)

    def on_page(canvas: Canvas, document: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColor(theme.NAVY)
        canvas.rect(0, height - 9 * mm, width, 9 * mm, stroke=0, fill=1)
        canvas.setFillColor(theme.WHITE)
        canvas.setFont(theme.BOLD, theme.TABLE_PT)
        canvas.drawString(m, height - 6 * mm, f"Results  ·  {results.session_title}")
        canvas.restoreState()

    def on_end(canvas: Canvas, document: BaseDocTemplate) -> None:
        footer.drawOn(canvas, m, m - 4 * mm)  # after the body, in reading order too

    def stamp(canvas: Canvas, page: int, total: int) -> None:
        canvas.setFillColor(theme.WHITE)
        canvas.setFont(theme.FONT, theme.TABLE_PT)
        canvas.drawRightString(width - m, height - 6 * mm, f"Page {page} of {total}")

    doc.addPageTemplates([PageTemplate("report", [frame], onPage=on_page, onPageEnd=on_end)])
    body = width - 2 * m
    st = styles()
    story: list[Flowable] = [
        Paragraph(text(results.session_title), st["h1"].clone("cover", fontSize=20, leading=25)),
        Paragraph(
            f"Results{' of ' + text(results.date) if results.date else ''}. Counts only: no "
            f"names, no per-person answers. Any count under {results.threshold} is shown as "
            f"“fewer than {results.threshold}”, so no small group can be picked out; where "
            "that alone would not hide it, one more count reads “not shown”.",
            st["body"]),
    ]
    if results.polls and all(poll.responses < results.threshold for poll in results.polls):
        # A room under the minimum: said once, not a page of "fewer than" per poll.
        story.append(Paragraph(
            f"No poll reached {results.threshold} answers in this room, so no poll results "
            "are printed: with so few people, even a count could point at someone. The "
            "questions asked were:", st["body"]))
        story.append(bullets([text(poll.question) for poll in results.polls]))
    else:
        for poll in results.polls:
            story.append(KeepTogether(_poll(poll, results, body, anchors.get(poll.poll_id))))
    if results.timing:
        story += _timing(results, body)
    doc.build(story, canvasmaker=numbered_canvas(stamp))
    return buffer.getvalue()


def _poll(poll: PollResult, results: RunResults, width: float,
          ends: tuple[str, str] | None) -> list[Flowable]:
    st = styles()
    threshold = results.threshold
    parts: list[Flowable] = [
        Paragraph(text(poll.question), st["h2"]),
        Paragraph(f"{poll.type} poll · {_responses(poll.responses, threshold)}", st["small"]),
        Spacer(1, 3),
    ]
    if poll.responses < threshold:
        parts.append(Paragraph(f"Fewer than {threshold} people answered, so the results are "
                               "not shown.", st["body"]))
    elif poll.type == "word":
        parts += _words(poll, threshold)
    elif poll.rows:
        parts += _matrix(poll, threshold, width, ends)
    elif poll.options:
        parts += _bars(poll, threshold, ends)
    texts = results.texts_for(poll.poll_id)
    if texts and poll.responses >= threshold:
        parts.append(Spacer(1, 3))
        parts.append(Paragraph(f"Approved answers ({len(texts)})", st["h3"]))
        for item in texts:
            parts.append(Paragraph(f"“{text(item)}”", st["body"].clone(
                "answer", leftIndent=5 * mm, spaceAfter=2, textColor=theme.NAVY)))
    return parts


NOT_SHOWN = "not shown"


def cell_labels(counts: tuple[int, ...], threshold: int, sums_to_total: bool) -> tuple[str, ...]:
    """Each count as printed. A count under the threshold reads "fewer than N"; a count
    hidden only so the small one cannot be worked out from the total reads "not shown":
    calling it "fewer than N" would be false (it may be 5 or 50)."""
    shown = shown_counts(counts, threshold, sums_to_total)
    return tuple(NOT_SHOWN if label != str(count) and count >= threshold else label
                 for count, label in zip(counts, shown, strict=True))


def _explain(labels: list[str], threshold: int) -> list[Flowable]:
    """One line under a chart or table that holds a "not shown"."""
    if NOT_SHOWN not in labels:
        return []
    return [Paragraph(f"“Not shown”: a count of {threshold} or more, held back so that a "
                      f"count under {threshold} cannot be worked out from the total.",
                      styles()["small"])]


def _all_small(poll: PollResult, threshold: int) -> list[Flowable]:
    return [Paragraph(f"Every answer was given by fewer than {threshold} people, so the "
                      "counts are not printed; the room saw them live.", styles()["body"])]


def _bars(poll: PollResult, threshold: int, ends: tuple[str, str] | None) -> list[Flowable]:
    counts = tuple(i.count for i in poll.options)
    if all(count < threshold for count in counts):
        return _all_small(poll, threshold)
    labels = cell_labels(counts, threshold, poll.one_answer_each)
    names = [item.label for item in poll.options]
    # "Prefer not to say" comes after the scale's last point: it is not the high end.
    points = len(names) - (names[-1:] == [PREFER_NOT_LABEL])
    names = _anchored(names[:points], ends) + names[points:]
    items = [(name, item.count if label == str(item.count) else 0, label)
             for name, item, label in zip(names, poll.options, labels, strict=True)]
    return [BarChart(items, max_value=max(poll.responses, 1)), *_explain(list(labels), threshold)]


def _words(poll: PollResult, threshold: int) -> list[Flowable]:
    parts: list[Flowable] = []
    kept = [item for item in poll.options if item.count >= threshold]
    if kept:
        parts.append(BarChart([(i.label, i.count, str(i.count)) for i in kept]))
    others = len(poll.options) - len(kept)
    if others:
        # A rare word can identify its writer: such words are left out, not just masked.
        parts.append(Paragraph(f"{others} other word{'s' * (others != 1)}, each given by "
                               f"fewer than {threshold} people, not shown.", styles()["small"]))
    return parts


def _anchored(columns: list[str], ends: tuple[str, str] | None) -> list[str]:
    """Scale points with their end labels: "1 · Never", "2", ..., "5 · All the time".
    Only a bare number gets one: a scale poll's bars already read "1 Never" (the tally
    labels them), and must not read "1 Never · Never"."""
    if not ends or len(columns) < 2:
        return columns
    low, high = ends
    labelled = list(columns)
    if low and _is_point(columns[0]):
        labelled[0] = f"{columns[0]} · {low}"
    if high and _is_point(columns[-1]):
        labelled[-1] = f"{columns[-1]} · {high}"
    return labelled


def _is_point(label: str) -> bool:
    return label.removeprefix("-").isdigit()


def _matrix(poll: PollResult, threshold: int, width: float,
            ends: tuple[str, str] | None) -> list[Flowable]:
    st = styles()
    head = [Paragraph("", st["cell_head"])]
    head += [Paragraph(text(column), st["cell_head"])
             for column in _anchored(list(poll.columns), ends)]
    rows = [head]
    every: list[str] = []
    for row in poll.rows:
        shown = cell_labels(row.counts, threshold, True)
        every += shown
        rows.append([Paragraph(f"<b>{text(row.label)}</b>", st["cell"])]
                    + [Paragraph(value, st["cell"]) for value in shown])
    label = 32 * mm
    rest = (width - label) / max(1, len(poll.columns))
    table = Table(rows, colWidths=[label] + [rest] * len(poll.columns))
    table.setStyle(theme.table_style([
        ("BACKGROUND", (0, 0), (-1, 0), theme.NAVY),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, theme.RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return [table, *_explain(every, threshold)]


def _timing(results: RunResults, width: float) -> list[Flowable]:
    st = styles()
    head = [Paragraph(h, st["cell_head"]) for h in ("Section", "Planned", "Actual", "Difference")]
    rows = [head]
    for row in results.timing:
        rows.append([Paragraph(text(row.section), st["cell"]),
                     Paragraph(f"{row.planned_minutes:.0f} min", st["cell"]),
                     Paragraph(f"{row.actual_minutes:.1f} min", st["cell"]),
                     Paragraph(_signed(row.difference), st["cell"])])
    planned = sum(row.planned_minutes for row in results.timing)
    actual = sum(row.actual_minutes for row in results.timing)
    rows.append([Paragraph("<b>Total</b>", st["cell"]),
                 Paragraph(f"<b>{planned:.0f} min</b>", st["cell"]),
                 Paragraph(f"<b>{actual:.1f} min</b>", st["cell"]),
                 Paragraph(f"<b>{_signed(actual - planned)}</b>", st["cell"])])
    table = Table(rows, colWidths=[width - 84 * mm, 28 * mm, 28 * mm, 28 * mm], repeatRows=1)
    table.setStyle(theme.table_style([
        ("BACKGROUND", (0, 0), (-1, 0), theme.NAVY),
        ("LINEBELOW", (0, 1), (-1, -2), 0.4, theme.RULE),
        ("LINEABOVE", (0, -1), (-1, -1), 1, theme.NAVY),
    ]))
    return [KeepTogether([Paragraph("Timing: planned and actual", st["h2"]), table])]


def _responses(count: int, threshold: int) -> str:
    if count < threshold:
        return f"fewer than {threshold} responses"
    return f"{count} responses"


def _signed(minutes: float) -> str:
    if abs(minutes) < 0.05:
        return "on time"
    return f"{minutes:+.1f} min"
