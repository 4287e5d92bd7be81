"""The results report's evaluation page: the session's own evaluation items.

Before/after items are printed as two distributions side by side, on one scale and one bar
length, so the reader compares the room before with the room after. The answers are never
linked person by person (the results hold counts only), and each side applies the same
threshold as every poll: a side under it is not drawn, a small count reads "fewer than N".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from facilitator.core.runs.results import PollResult, RunResults
from facilitator.core.session.evaluation import after_id, evaluation_phase
from facilitator.printing import theme
from facilitator.printing.flowables import BarChart
from facilitator.printing.theme import styles, text

PollPart = Callable[[PollResult], list[Flowable]]
Labeller = Callable[[tuple[int, ...], int, bool], tuple[str, ...]]


def is_evaluation(poll: PollResult) -> bool:
    return bool(evaluation_phase(poll.poll_id))


def evaluation_page(results: RunResults, width: float, plain_poll: PollPart,
                    labels: Labeller, anchors: Mapping[str, tuple[str, str]]) -> list[Flowable]:
    """The page, or nothing when the run had no evaluation items. `plain_poll` draws an
    item that is not a before/after pair the way the report draws any poll."""
    items = [poll for poll in results.polls if is_evaluation(poll)]
    if not items:
        return []
    st = styles()
    by_id = {poll.poll_id: poll for poll in items}
    story: list[Flowable] = [
        PageBreak(),
        Paragraph("The session's evaluation", st["h1"]),
        Paragraph("Anonymous, like every poll. Before/after questions were asked near the "
                  "start and again at the end; the two distributions are shown side by side. "
                  "Answers are not linked person by person, so the page compares the room, "
                  "not individuals.", st["body"]),
    ]
    for poll in items:
        phase = evaluation_phase(poll.poll_id)
        if phase == "after" and poll.poll_id.replace("after-", "before-", 1) in by_id:
            continue  # drawn beside its before item
        if phase == "before":
            after = by_id.get(after_id(poll.poll_id))
            story.append(KeepTogether(_pair(poll, after, results.threshold, width, labels,
                                            anchors.get(poll.poll_id))))
        else:
            story.append(KeepTogether(plain_poll(poll)))
    return story


def _pair(before: PollResult, after: PollResult | None, threshold: int, width: float,
          labels: Labeller, ends: tuple[str, str] | None) -> list[Flowable]:
    st = styles()
    sides = [("Before (start of the session)", before), ("After (end of the session)", after)]
    top = max((side.responses for _, side in sides if side), default=1) or 1
    column = (width - 6 * mm) / 2
    heads: list[Flowable] = []
    charts: list[Flowable] = []
    for title, side in sides:
        answered = "not asked" if side is None else _answered(side.responses, threshold)
        heads.append(Paragraph(f"<b>{title}</b><br/>{answered}", st["small"]))
        charts.append(_side(side, threshold, top, labels, ends))
    table = Table([heads, charts], colWidths=[column, column], hAlign="LEFT")
    table.setStyle(theme.table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEAFTER", (0, 0), (0, -1), 0.4, theme.RULE),
    ]))
    return [Paragraph(text(before.question), st["h2"]),
            Paragraph("Before and after, side by side (same scale, same bar length).",
                      st["small"]), Spacer(1, 3), table]


def _side(side: PollResult | None, threshold: int, top: int, labels: Labeller,
          ends: tuple[str, str] | None) -> Flowable:
    st = styles()
    if side is None:
        return Paragraph("This question was not asked again.", st["body"])
    if side.responses < threshold:
        return Paragraph(f"Fewer than {threshold} people answered, so the answers are not "
                         "shown.", st["body"])
    counts = tuple(option.count for option in side.options)
    shown = labels(counts, threshold, True)
    names = [option.label for option in side.options]
    items = [(name, count if label == str(count) else 0, label)
             for name, count, label in zip(names, counts, shown, strict=True)]
    return BarChart(items, max_value=top)


def _answered(count: int, threshold: int) -> str:
    return f"fewer than {threshold} answered" if count < threshold else f"{count} answered"
