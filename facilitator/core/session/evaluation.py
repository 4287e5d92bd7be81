"""The ```evaluation block: the session's own short evaluation, as ordinary polls.

An evaluation block stands for several questions, but the room answers one poll at a time,
so the loader turns the block's slide into one poll slide per item. Reusing polls is the
point: the items are anonymous, journaled, thresholded and (open text) moderated exactly
like every other poll, and nothing downstream needs a second answer path.

    ```evaluation
    phase: before
    before-after:
    - How able do you feel to notice numbness in yourself?
    ```

asks each `before-after` item near the start; a later block (`phase: end`, the default)
asks the default set (usefulness, one thing to keep, one thing to change, would you
recommend) and then every before-after item again. Before and after answers are linked by
question only, never by person: the report compares two distributions.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.core.session.block_errors import BlockErrors
from facilitator.core.session.fields import Fields, parse_yes_no
from facilitator.core.session.model import DEFAULT_MIN_RESPONSES, Option, Poll, PollType
from facilitator.core.session.poll_blocks import EVALUATION_PREFIX, MIN_RESPONSES_FLOOR

EVALUATION_KEYS = ("phase", "before-after", "defaults", "low", "high", "min-responses")
PHASES = ("before", "end")
ID_PREFIX = EVALUATION_PREFIX


@dataclass(frozen=True)
class EvaluationBlock:
    """What one ```evaluation block asked for; the loader expands it into polls."""

    phase: str
    before_after: tuple[str, ...] = ()
    defaults: bool = True
    scale_labels: tuple[str, str] = ("Not at all", "Very")
    min_responses: int = DEFAULT_MIN_RESPONSES
    line: int = 0


def build_evaluation(fields: Fields, errors: BlockErrors) -> EvaluationBlock | None:
    before = len(errors.items)
    phase = fields.text("phase", "end").strip().lower() or "end"
    if phase not in PHASES and (found := fields.get("phase")) is not None:
        errors.on(found, f'phase must be "before" or "end", not "{found.value}"')
    items_field = fields.get("before-after")
    items = tuple(item.text for item in items_field.items) if items_field else ()
    if items_field is not None and not items:
        errors.on(items_field, 'list the questions under "before-after:", one per "- " line')
    if phase == "end" and items_field is not None:
        errors.on(items_field, '"before-after" questions belong in the "phase: before" block; '
                  "the end block asks them again by itself")
    if phase == "before" and not items:
        errors.block('a "phase: before" evaluation needs a "before-after:" list')
    defaults = True
    if (found := fields.get("defaults")) is not None:
        value = parse_yes_no(found.value)
        if value is None:
            errors.on(found, f'"defaults" must be yes or no, not "{found.value}"')
        defaults = value is not False
        if phase == "before":
            errors.on(found, '"defaults" only applies to the end block')
    min_responses = _min_responses(fields, errors)
    if len(errors.items) > before:
        return None
    return EvaluationBlock(
        phase=phase,
        before_after=items,
        defaults=defaults,
        scale_labels=(fields.text("low", "Not at all"), fields.text("high", "Very")),
        min_responses=min_responses,
        line=errors.line,
    )


def _min_responses(fields: Fields, errors: BlockErrors) -> int:
    found = fields.get("min-responses")
    if found is None:
        return DEFAULT_MIN_RESPONSES
    try:
        value = int(found.value)
    except ValueError:
        errors.on(found, f'min-responses must be a whole number, not "{found.value}"')
        return DEFAULT_MIN_RESPONSES
    if value < MIN_RESPONSES_FLOOR:
        errors.on(found, f"min-responses must be at least {MIN_RESPONSES_FLOOR}: below that a "
                  "result can point at a person")
    return value


def before_polls(block: EvaluationBlock) -> tuple[Poll, ...]:
    return tuple(
        _scale(f"{ID_PREFIX}before-{n}", text, block, "before", pair=f"{ID_PREFIX}pair-{n}")
        for n, text in enumerate(block.before_after, start=1)
    )


def end_polls(block: EvaluationBlock, asked_before: tuple[Poll, ...]) -> tuple[Poll, ...]:
    """The default set, then every before item asked again (same question, same scale)."""
    polls: list[Poll] = []
    if block.defaults:
        polls.append(_scale(f"{ID_PREFIX}useful", "How useful was this session for you?",
                            block, "end", labels=("Not useful", "Very useful")))
        polls.append(_open(f"{ID_PREFIX}keep", "What is one thing this session should keep?",
                           block))
        polls.append(_open(f"{ID_PREFIX}change",
                           "What is one thing this session should change?", block))
        polls.append(Poll(
            id=f"{ID_PREFIX}recommend", question="Would you recommend this session to a colleague?",
            type=PollType.YES_NO,
            options=(Option("yes", "Yes"), Option("no", "No"), Option("unsure", "Unsure")),
            min_responses=block.min_responses, reveal_on_close=True, evaluation="end",
            line=block.line))
    for item in asked_before:
        polls.append(_scale(after_id(item.id), item.question, block, "after", pair=item.pair,
                            labels=item.scale_labels, min_responses=item.min_responses))
    return tuple(polls)


def _scale(poll_id: str, question: str, block: EvaluationBlock, phase: str, *,
           pair: str = "", labels: tuple[str, str] | None = None,
           min_responses: int | None = None) -> Poll:
    return Poll(
        id=poll_id, question=question, type=PollType.SCALE,
        scale_labels=labels or block.scale_labels,
        min_responses=min_responses or block.min_responses,
        # Results stay off the projector until the item closes: an evaluation is not a show.
        reveal_on_close=True, evaluation=phase, pair=pair, line=block.line,
    )


def _open(poll_id: str, question: str, block: EvaluationBlock) -> Poll:
    return Poll(id=poll_id, question=question, type=PollType.TEXT,
                min_responses=block.min_responses, reveal_on_close=True,
                evaluation="end", line=block.line)


def evaluation_phase(poll_id: str) -> str:
    """"before", "after", "end" or "" from an evaluation item's id alone, so saved results
    (which carry ids, not the session) still know their evaluation. The prefix is reserved:
    a plain poll may not use it."""
    if not poll_id.startswith(ID_PREFIX):
        return ""
    rest = poll_id.removeprefix(ID_PREFIX)
    for phase in ("before", "after"):
        if rest.startswith(f"{phase}-"):
            return phase
    return "end"


def after_id(before_id: str) -> str:
    return before_id.replace(f"{ID_PREFIX}before-", f"{ID_PREFIX}after-", 1)
