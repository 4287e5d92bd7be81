"""Results report after a run: aggregate charts with the threshold applied, approved free
text only, planned vs actual timing. It is built from `RunResults`, which has no per-person
field, so the report cannot leak one."""

from __future__ import annotations

import io

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
from facilitator.core.runs.results import PollResult, RunResults, shown_counts
from facilitator.printing import theme
from facilitator.printing.context import PrintContext
from facilitator.printing.flowables import BarChart
from facilitator.printing.theme import styles, text


def build_report(results: RunResults, ctx: PrintContext, language: str = "en") -> bytes:
    ctx.prepare()
    buffer = io.BytesIO()
    width, height = ctx.page_size
    m = theme.MARGIN
    doc = BaseDocTemplate(
        buffer, pagesize=ctx.page_size, leftMargin=m, rightMargin=m, topMargin=m + 6 * mm,
        bottomMargin=m + 6 * mm, title=f"{results.session_title}: results", author=ctx.author,
        subject="Aggregate results of an anonymous session", lang=language,
        creator=creator(), pageCompression=1, initialFontName=theme.FONT,
    )
    frame = Frame(m, m + 6 * mm, width - 2 * m, height - 2 * m - 12 * mm, leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)
    contacts = " · ".join(f"{e.name}: {e.contact_line}" for e in ctx.region.entries[:3])

    def on_page(canvas: Canvas, document: BaseDocTemplate) -> None:
        canvas.saveState()
        label = f"Results  ·  {results.session_title}"
        theme.draw_top_band(canvas, width, height, m, label, document.page)
        canvas.setFillColor(theme.MUTED)
        canvas.setFont(theme.FONT, 7)
        canvas.drawString(m, m, f"Support: {contacts}"[:160])
        canvas.restoreState()

    doc.addPageTemplates([PageTemplate("report", [frame], onPage=on_page)])
    body = width - 2 * m
    st = styles()
    story: list[Flowable] = [
        Paragraph(text(results.session_title), st["h1"].clone("cover", fontSize=20, leading=25)),
        Paragraph(
            f"Results{' of ' + text(results.date) if results.date else ''}. Counts only: no "
            f"names, no per-person answers. Any count under {results.threshold} is shown as "
            f"“fewer than {results.threshold}”, so no small group can be picked out.",
            st["body"]),
    ]
    for poll in results.polls:
        story.append(KeepTogether(_poll(poll, results, body)))
    if results.timing:
        story += _timing(results, body)
    doc.build(story)
    return buffer.getvalue()


def _poll(poll: PollResult, results: RunResults, width: float) -> list[Flowable]:
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
        kept = [item for item in poll.options if item.count >= threshold]
        if kept:
            parts.append(BarChart([(i.label, i.count, str(i.count)) for i in kept]))
        others = len(poll.options) - len(kept)
        if others:
            # A rare word can identify its writer: such words are left out, not just masked.
            parts.append(Paragraph(f"{others} other word{'s' * (others != 1)}, each given by "
                                   f"fewer than {threshold} people, not shown.", st["small"]))
    elif poll.rows:
        parts.append(_matrix(poll, threshold, width))
    elif poll.options:
        shown = shown_counts(tuple(i.count for i in poll.options), threshold,
                             poll.one_answer_each)
        items = [(item.label, 0 if label.startswith("fewer") else item.count, label)
                 for item, label in zip(poll.options, shown, strict=True)]
        parts.append(BarChart(items, max_value=max(poll.responses, 1)))
    texts = results.texts_for(poll.poll_id)
    if texts and poll.responses >= threshold:
        parts.append(Spacer(1, 3))
        parts.append(Paragraph(f"Approved answers ({len(texts)})", st["h3"]))
        for item in texts:
            parts.append(Paragraph(f"“{text(item)}”", st["body"].clone(
                "answer", leftIndent=5 * mm, spaceAfter=2, textColor=theme.NAVY)))
    return parts


def _matrix(poll: PollResult, threshold: int, width: float) -> Table:
    st = styles()
    head = [Paragraph("", st["cell_head"])]
    head += [Paragraph(text(column), st["cell_head"]) for column in poll.columns]
    rows = [head]
    for row in poll.rows:
        shown = shown_counts(row.counts, threshold, True)
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
    return table


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
