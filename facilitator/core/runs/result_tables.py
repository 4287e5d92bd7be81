"""A run's results as plain tables for spreadsheets: one per poll, one for the approved
questions. The report's rules apply: a count under the minimum reads "fewer than N" (with
the same second-cell masking), rare words and unapproved text never appear, and there is
no device, time or per-person column (the results hold none to begin with)."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.core.runs.results import PollResult, RunResults, shown_counts


@dataclass(frozen=True)
class Table:
    name: str  # short, unique: a sheet name (31 characters at most)
    title: str  # the poll's question, in full
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def tables(results: RunResults) -> list[Table]:
    out = [_poll(poll, results) for poll in results.polls]
    if results.questions:
        votes = shown_counts(tuple(q.votes for q in results.questions), results.threshold, False)
        out.append(Table("questions", "Questions from the room (approved)", ("question", "votes"),
                         tuple((q.text, n) for q, n in zip(results.questions, votes,
                                                             strict=True))))
    return out


def _poll(poll: PollResult, results: RunResults) -> Table:
    threshold = results.threshold
    name = poll.poll_id[:31]
    responses = str(poll.responses) if poll.responses >= threshold else f"fewer than {threshold}"
    if poll.responses < threshold:
        # Under the minimum, nothing but the fact: the same as the printed report.
        return Table(name, poll.question, ("responses",), ((responses,),))
    if poll.rows:
        rows = []
        for row in poll.rows:
            rows.append((row.label, *shown_counts(row.counts, threshold, True)))
        return Table(name, poll.question, ("row", *poll.columns), tuple(rows))
    if poll.type == "text":
        texts = results.texts_for(poll.poll_id)
        return Table(name, poll.question, ("approved answer",), tuple((t,) for t in texts))
    counts = tuple(option.count for option in poll.options)
    if poll.type == "word":
        # Words under the minimum are left out altogether (a rare word can name someone).
        kept = [(o.label, str(o.count)) for o in poll.options if o.count >= threshold]
        return Table(name, poll.question, ("word", "count"), tuple(kept))
    shown = shown_counts(counts, threshold, poll.one_answer_each)
    return Table(name, poll.question, ("option", "count"),
                 tuple((o.label, n) for o, n in zip(poll.options, shown, strict=True)))
