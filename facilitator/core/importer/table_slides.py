"""The slides a table in an article makes, by what `tables.classify_table` says it is for.

- figures: a poll first (when they say how people are spread or what share of a group
  does something), then a bar chart of what the article found;
- steps: a flow;
- a comparison: the table itself, then a matrix poll on its rows;
- anything else: the table on a content slide.

Kept apart from `part_slides`, which walks a part's prose, lists and questions and hands
each table here: what a table makes depends only on the table, its lead-in, the sentence
before it and the titles the part gives, never on the rest of the walk. The slides come
back with their notes, in order, for the part to add (it alone merges a slide into the one
before it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from facilitator.core.importer.article import PipeTable
from facilitator.core.importer.phrases import Phrases
from facilitator.core.importer.sensitivity import is_sensitive
from facilitator.core.importer.tables import (
    Comparison,
    Figures,
    OtherTable,
    Steps,
    classify_table,
    measure_of,
    poll_reading,
)
from facilitator.core.session.model import (
    Chart,
    ChartItem,
    ChartKind,
    Flow,
    Inline,
    Option,
    Poll,
    PollType,
    Slide,
    SlideKind,
    Span,
    Table,
)
from facilitator.core.session.safety import mentions_risk

MAX_POLL_QUESTION_CHARS = 80  # a poll slide's heading at 1280x720, DejaVu Sans (measured)
_GENERIC_HEADERS = frozenset({"", "category", "label", "item", "name", "group", "type", "option"})

NotedSlide = tuple[Slide, list[str]]  # a slide and the facilitator's notes for it


def slug(text: str, limit: int = 28) -> str:
    """A poll or option id from text: whole words, joined by "-", at most `limit` long."""
    kept: list[str] = []
    for word in re.findall(r"[a-z0-9]+", text.lower()):
        if kept and len("-".join([*kept, word])) > limit:
            break
        kept.append(word[:limit])
    return "-".join(kept) or "poll"


def _cells(texts: tuple[str, ...]) -> tuple[Inline, ...]:
    """A table row's cells as slide text, each one plain span."""
    return tuple((Span(text),) for text in texts)


@dataclass
class TableSlides:
    """Makes the slides of the tables in one part; `poll_ids` is shared across the session
    for uniqueness."""

    title: str  # the part's title
    poll_ids: set[str]
    say: Phrases

    def build(
        self, block: PipeTable, named: str, previous: str | None, lead_in: str, before: str = "",
    ) -> list[NotedSlide]:
        """The table's slides. `named`: the title its lead-in gives it (the part decides);
        `previous`: the title of the part's slide before it, if any; `before`: the sentence
        before the table, which may say what its figures measure."""
        match classify_table(block):
            case Figures() as figures:
                return self._figures(figures, lead_in, before)
            case Steps(steps=steps):
                return [(Slide(named, SlideKind.FLOW, flow=Flow(steps)), [])]
            case Comparison() as comparison:
                return self._comparison(comparison, named, previous)
            case OtherTable(table=table):
                rows = tuple(_cells(row) for row in table.rows)
                table_block = (Table(_cells(table.header), rows),)
                return [(Slide(named, SlideKind.CONTENT, blocks=table_block), [])]

    def _poll_id(self, base: str) -> str:
        candidate, number = slug(base), 2
        while candidate in self.poll_ids:
            candidate, number = f"{slug(base)}-{number}", number + 1
        self.poll_ids.add(candidate)
        return candidate

    def _figures(self, figures: Figures, lead_in: str, before: str = "") -> list[NotedSlide]:
        made: list[NotedSlide] = []
        unit = "%" if figures.percent else ""
        label = figures.label_header if figures.label_header.lower() not in _GENERIC_HEADERS else ""
        measure = measure_of(figures, before or lead_in)
        reading = poll_reading(figures, measure)
        risky = any(is_sensitive(text) or mentions_risk(text)
                    for text in (*figures.labels, label, lead_in, before, measure or ""))
        # Poll first, figures second: the room answers before it sees what the article found.
        if reading and measure and not risky:
            distribution = reading == "distribution"
            key = ("poll_question_quote" if measure.startswith("“") else "poll_question"
                   if distribution else "poll_question_share")
            poll = Poll(
                id=self._poll_id(self.title),
                question=self._poll_question(key, measure),
                type=PollType.SINGLE,
                options=tuple(Option(slug(text, 40), text) for text in figures.labels),
                # Reference bars only where they compare like with like: a spread of people.
                reference=figures.values if distribution else (),
                reference_label=(self.say("article_figures") + (" (%)" if figures.percent else ""))
                if distribution else "",
                sensitive=True,
            )
            notes = [
                *([self.say("table_headed", label=label)] if label else []),
                self.say("poll_why", measure=measure),
                self.say("poll_wait"),
                self.say("poll_then"),
            ]
            made.append((Slide(self.say("quick_poll"), SlideKind.POLL, poll=poll), notes))
            title = self.say("what_found")
        else:
            title = self.title
        caption = (measure or "").strip("“”") or label or (
            lead_in.rstrip(":").strip() if len(lead_in.split()) <= 20 else "")
        pairs = zip(figures.labels, figures.values, strict=True)
        items = tuple(ChartItem(text, value) for text, value in pairs)
        caption = caption or self.say("figures_caption")
        chart = Chart(ChartKind.BAR, items, unit=unit, caption=caption)
        made.append((Slide(title, SlideKind.CHART, chart=chart), []))
        return made

    def _poll_question(self, key: str, measure: str) -> str:
        """The question naming the measure, its measure cut short (with "…") if the whole
        would not fit a poll slide's heading at 1280x720."""
        question = self.say(key, measure=measure)
        excess = len(question) - MAX_POLL_QUESTION_CHARS
        if excess > 0:
            words = measure.strip("“”")[: max(12, len(measure) - excess - 3)]
            cut = words.rsplit(" ", 1)[0] + "…"
            question = self.say(key, measure=f"“{cut}”" if measure.startswith("“") else cut)
        return question

    def _comparison(
        self, comparison: Comparison, named: str, previous: str | None,
    ) -> list[NotedSlide]:
        table = Table(_cells((comparison.label_header, *comparison.columns)),
                      tuple(_cells(row) for row in comparison.rows))
        title = named
        if title == previous:
            # The title names what the table compares.
            title = f" {self.say('or')} ".join(comparison.columns) + "?"
        made: list[NotedSlide] = [(Slide(title, SlideKind.CONTENT, blocks=(table,)), [])]
        safe_rows = [row for row in comparison.rows if not is_sensitive(" ".join(row))]
        if len(safe_rows) < 2:
            return made
        low, high = comparison.columns[0], comparison.columns[-1]
        poll = Poll(
            id=self._poll_id(f"{self.title} matrix"),
            question=self.say("matrix_question"),
            type=PollType.MATRIX,
            rows=tuple(Option(slug(row[0], 40), row[0]) for row in safe_rows),
            scale_labels=(low, high),
            sensitive=True,
        )
        notes = [
            self.say("matrix_scale", low=low, high=high),
            self.say("results_hidden"),
        ]
        made.append((Slide(self.say("matrix_title"), SlideKind.POLL, poll=poll), notes))
        return made
