"""The poll block's rules: turn the fields of a ```poll block into a `Poll`.

Polls have more rules than every other block together (options per poll type, scales,
matrix rows, reference figures, privacy), so they live apart from `blocks`, one small
function per concern. Every rule runs and reports before the poll is refused, so the author
sees all of a poll's mistakes at once, in the order of the checks below.
"""

from __future__ import annotations

import re

from facilitator.core.session.block_errors import BlockErrors
from facilitator.core.session.diagnostics import did_you_mean
from facilitator.core.session.fields import Field, Fields, parse_yes_no, split_list
from facilitator.core.session.model import (
    DEFAULT_MIN_RESPONSES,
    PREFER_NOT_TO_SAY,
    Option,
    Poll,
    PollType,
)

POLL_KEYS = (
    "id",
    "question",
    "type",
    "options",
    "max",
    "scale",
    "low",
    "high",
    "rows",
    "reference",
    "reference-label",
    "min-responses",
    "sensitive",
    "prefer-not-to-say",
    "moderate",
    "reveal",
)
# Below this the group is small enough that a result can point at a person.
MIN_RESPONSES_FLOOR = 3
# The evaluation block's items are named "eval-..." (see core.session.evaluation, which
# imports this module, hence the literal here).
EVALUATION_PREFIX = "eval-"
_POLL_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]*$")
_SCALE = re.compile(r"\s*(-?\d+)\s*(?:-|to|\.\.)\s*(-?\d+)\s*")
_YES_NO_LABELS = ["Yes", "No", "Unsure"]


def build_poll(fields: Fields, errors: BlockErrors) -> Poll | None:
    before = len(errors.items)
    required = _required(fields, errors)
    if required is None:
        return None
    poll_id, question, type_field = required
    _check_id(poll_id, errors)
    poll_type = _poll_type(type_field, errors)
    if poll_type is None:
        return None
    options = _poll_options(fields, errors, poll_type, type_field)
    max_choices = _max_choices(fields, errors, poll_type, options)
    scale_min, scale_max = _scale(fields, errors, poll_type)
    rows = _rows(fields, errors, poll_type)
    reference = _reference(fields, errors, poll_type, options)
    min_responses = _min_responses(fields, errors)
    sensitive, prefer = _privacy(fields, errors)
    moderate_field = fields.get("moderate")
    moderate = _flag(moderate_field, errors, default=False) if moderate_field else None
    if moderate_field and poll_type not in (PollType.WORD, PollType.TEXT):
        errors.on(moderate_field, '"moderate" is for word polls (text polls always are)')
    reveal_on_close = _reveal(fields, errors, sensitive)
    if len(errors.items) > before:
        return None
    return Poll(
        id=poll_id.value,
        question=question.value,
        type=poll_type,
        options=options,
        rows=rows,
        max_choices=max_choices,
        scale_min=scale_min,
        scale_max=scale_max,
        scale_labels=(fields.text("low"), fields.text("high")),
        reference=reference,
        reference_label=fields.text("reference-label"),
        min_responses=min_responses,
        prefer_not_to_say=prefer,
        sensitive=sensitive,
        moderate=moderate,
        reveal_on_close=reveal_on_close,
        line=errors.line,
    )


def _required(fields: Fields, errors: BlockErrors) -> tuple[Field, Field, Field] | None:
    """id, question and type; an empty one is reported but the rest are still checked."""
    poll_id, question, type_field = fields.get("id"), fields.get("question"), fields.get("type")
    for key, found in (("id", poll_id), ("question", question), ("type", type_field)):
        if found is None or not found.value:
            errors.block(f'poll needs "{key}: ..."')
    if poll_id is None or question is None or type_field is None:
        return None
    return poll_id, question, type_field


def _check_id(poll_id: Field, errors: BlockErrors) -> None:
    if poll_id.value and not _POLL_ID.match(poll_id.value):
        errors.on(poll_id, f'poll id "{poll_id.value}" may only use letters, digits and "-"')
    elif poll_id.value.lower().startswith(EVALUATION_PREFIX):
        errors.on(poll_id, f'poll ids starting "{EVALUATION_PREFIX}" are kept for the '
                  "evaluation block's items; choose another id")


def _poll_type(type_field: Field, errors: BlockErrors) -> PollType | None:
    types = tuple(t.value for t in PollType)
    if type_field.value not in types:
        errors.on(
            type_field,
            f'unknown poll type "{type_field.value}"{did_you_mean(type_field.value, types)}; '
            f"use one of {', '.join(types)}",
        )
        return None
    return PollType(type_field.value)


def _poll_options(
    fields: Fields, errors: BlockErrors, poll_type: PollType, type_field: Field
) -> tuple[Option, ...]:
    options_field = fields.get("options")
    match poll_type:
        case PollType.SINGLE | PollType.MULTIPLE:
            return _choice_options(options_field, errors, poll_type, type_field)
        case PollType.YES_NO:
            # The answers are fixed; an "options:" given anyway has never been an error.
            return _options(_YES_NO_LABELS)
        case _:
            if options_field is not None:
                errors.on(options_field, f"a {poll_type} poll takes no options")
            return ()


def _choice_options(
    options_field: Field | None, errors: BlockErrors, poll_type: PollType, type_field: Field
) -> tuple[Option, ...]:
    """Options as a "- item" list, or as "a, b, c" on the key's line (which wins)."""
    labels = [item.text for item in options_field.items] if options_field else []
    if options_field and options_field.value:
        labels = split_list(options_field.value)
    if len(labels) < 2:
        errors.block(f'a {poll_type} poll needs at least two options under "options:"')
    if len({label.lower() for label in labels}) != len(labels):
        errors.on(options_field or type_field, "two options have the same text")
    return _options(labels)


def _max_choices(
    fields: Fields, errors: BlockErrors, poll_type: PollType, options: tuple[Option, ...]
) -> int:
    max_choices = len(options) if poll_type is PollType.MULTIPLE else 1
    max_field = fields.get("max")
    if max_field is None:
        return max_choices
    if poll_type is not PollType.MULTIPLE:
        errors.on(max_field, '"max" only applies to multiple-choice polls')
    elif (value := _int(max_field, errors, "max")) is not None:
        if not 1 <= value <= len(options):
            errors.on(max_field, f"max must be between 1 and {len(options)}")
        max_choices = value
    return max_choices


def _scale(fields: Fields, errors: BlockErrors, poll_type: PollType) -> tuple[int, int]:
    scale_field = fields.get("scale")
    if scale_field is None:
        return 1, 5
    match = _SCALE.fullmatch(scale_field.value)
    if poll_type not in (PollType.SCALE, PollType.MATRIX):
        errors.on(scale_field, '"scale" only applies to scale and matrix polls')
    elif not match or int(match.group(1)) >= int(match.group(2)):
        errors.on(scale_field, f'bad scale "{scale_field.value}" (write it like 1-5)')
    else:
        scale_min, scale_max = int(match.group(1)), int(match.group(2))
        if scale_max - scale_min > 10:
            errors.on(scale_field, "a scale may have at most 11 points")
        return scale_min, scale_max
    return 1, 5


def _rows(fields: Fields, errors: BlockErrors, poll_type: PollType) -> tuple[Option, ...]:
    rows_field = fields.get("rows")
    if poll_type is PollType.MATRIX:
        if rows_field is None or len(rows_field.items) < 1:
            errors.block('a matrix poll needs a "rows:" list')
            return ()
        return _options([item.text for item in rows_field.items])
    if rows_field is not None:
        errors.on(rows_field, '"rows" only applies to matrix polls')
    return ()


def _reference(
    fields: Fields, errors: BlockErrors, poll_type: PollType, options: tuple[Option, ...]
) -> tuple[float, ...]:
    """Published figures to show beside the results, one per option."""
    reference: tuple[float, ...] = ()
    if (ref_field := fields.get("reference")) is not None:
        try:
            reference = tuple(float(part) for part in split_list(ref_field.value))
        except ValueError:
            errors.on(ref_field, "reference figures must be numbers separated by commas")
        else:
            if not options:
                errors.on(ref_field, f"a {poll_type} poll has no options to compare figures with")
            elif len(reference) != len(options):
                errors.on(
                    ref_field,
                    f"{len(reference)} reference figures for {len(options)} options; "
                    "give one figure per option",
                )
    if fields.get("reference-label") and not reference:
        errors.block('"reference-label" without "reference" figures')
    return reference


def _min_responses(fields: Fields, errors: BlockErrors) -> int:
    min_field = fields.get("min-responses")
    if min_field is None:
        return DEFAULT_MIN_RESPONSES
    value = _int(min_field, errors, "min-responses")
    if value is None:
        return DEFAULT_MIN_RESPONSES
    if value < MIN_RESPONSES_FLOOR:
        errors.on(
            min_field,
            f"min-responses must be at least {MIN_RESPONSES_FLOOR}: below that a result "
            "can point at a person",
        )
        return DEFAULT_MIN_RESPONSES
    return value


def _privacy(fields: Fields, errors: BlockErrors) -> tuple[bool, bool]:
    """(sensitive, prefer-not-to-say); a sensitive poll must let people decline."""
    sensitive = _flag(fields.get("sensitive"), errors, default=False)
    prefer_field = fields.get("prefer-not-to-say")
    prefer = _flag(prefer_field, errors, default=sensitive)
    if sensitive and not prefer and prefer_field:
        errors.on(prefer_field, 'a sensitive poll always offers "prefer not to say"')
        prefer = True
    return sensitive, prefer


REVEAL_VALUES = ("live", "on-close")


def _reveal(fields: Fields, errors: BlockErrors, sensitive: bool) -> bool:
    """`reveal: live` (results in batches while the poll is open) or `reveal: on-close`
    (only once it closes); a sensitive poll defaults to on-close."""
    found = fields.get("reveal")
    if found is None:
        return sensitive
    value = found.value.strip().lower()
    if value not in REVEAL_VALUES:
        errors.on(found, f'reveal must be "live" or "on-close", not "{found.value}"')
        return sensitive
    return value == "on-close"


def _slug(label: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
    return slug[:40].strip("-") or "option"


def _options(items: list[str]) -> tuple[Option, ...]:
    """Options with ids unique within the list, and never the reserved prefer-not-to-say id."""
    seen: set[str] = set()
    options = []
    for label in items:
        base = _slug(label)
        option_id, counter = base, 2
        while option_id in seen or option_id == PREFER_NOT_TO_SAY:
            option_id, counter = f"{base}-{counter}", counter + 1
        seen.add(option_id)
        options.append(Option(option_id, label))
    return tuple(options)


def _int(found: Field, errors: BlockErrors, what: str) -> int | None:
    try:
        return int(found.value)
    except ValueError:
        errors.on(found, f'{what} must be a whole number, not "{found.value}"')
        return None


def _flag(found: Field | None, errors: BlockErrors, default: bool) -> bool:
    if found is None:
        return default
    value = parse_yes_no(found.value)
    if value is None:
        errors.on(found, f'"{found.key}" must be yes or no, not "{found.value}"')
        return default
    return value
