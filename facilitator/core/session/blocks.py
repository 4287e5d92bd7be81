"""Turn the fields of a fenced block into model values, with a message for each mistake."""

from __future__ import annotations

import re

from facilitator.core.session.diagnostics import Diagnostic, did_you_mean
from facilitator.core.session.durations import DurationError, parse_duration
from facilitator.core.session.fields import Field, Fields, parse_yes_no, split_list
from facilitator.core.session.model import (
    DEFAULT_MIN_RESPONSES,
    PREFER_NOT_TO_SAY,
    Chart,
    ChartItem,
    ChartKind,
    Flow,
    GroupFormat,
    GroupKind,
    Option,
    Phase,
    Poll,
    PollType,
    Prompt,
    ResourcesRef,
)

BLOCK_KEYS: dict[str, tuple[str, ...]] = {
    "prompt": ("text", "format", "duration", "phases"),
    "poll": (
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
    ),
    "chart": ("type", "unit", "caption", "items"),
    "flow": ("steps",),
    "resources": ("region", "show"),
}
REGIONS = ("us", "uk", "ie", "ca", "au", "intl")
# Below this the group is small enough that a result can point at a person.
MIN_RESPONSES_FLOOR = 3
_POLL_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]*$")
_GROUPS = re.compile(r"^(?:small\s+)?groups?\s+of\s+(\d+)$")


class BlockErrors:
    """Collects messages for one block so builders read as straight-line code."""

    def __init__(self, path: str, line: int) -> None:
        self.path = path
        self.line = line  # the fence line, for problems with the block as a whole
        self.items: list[Diagnostic] = []

    def at(self, line: int, col: int, message: str) -> None:
        self.items.append(Diagnostic(self.path, line, col, message))

    def on(self, found: Field, message: str) -> None:
        self.at(found.line, found.col, message)

    def block(self, message: str) -> None:
        self.at(self.line, 1, message)


def parse_group(text: str) -> GroupFormat | None:
    lowered = " ".join(text.lower().split())
    if lowered in {"solo", "alone", "on your own", "individual", "1"}:
        return GroupFormat(GroupKind.SOLO)
    if lowered in {"pairs", "pair", "2"}:
        return GroupFormat(GroupKind.PAIRS)
    if lowered in {"whole room", "room", "all", "whole group", "plenary"}:
        return GroupFormat(GroupKind.ROOM)
    if lowered in {"small groups", "groups"}:
        return GroupFormat(GroupKind.GROUPS, 4)
    match = _GROUPS.match(lowered)
    if match and 2 <= int(match.group(1)) <= 12:
        size = int(match.group(1))
        return GroupFormat(GroupKind.PAIRS) if size == 2 else GroupFormat(GroupKind.GROUPS, size)
    return None


_GROUP_HINT = 'use solo, pairs, "groups of N" or "whole room"'


def build_prompt(fields: Fields, errors: BlockErrors) -> Prompt | None:
    text = fields.get("text")
    if text is None or not text.value:
        errors.block('prompt needs "text: ..."')
        return None
    phases: list[Phase] = []
    phase_field = fields.get("phases")
    if phase_field is not None:
        if fields.get("duration") or fields.get("format"):
            errors.on(phase_field, 'give either "phases" or "format" and "duration", not both')
        if not phase_field.items:
            errors.on(phase_field, 'list the phases under "phases:", e.g. "- 1m solo"')
        for item in phase_field.items:
            duration, _, group_text = item.text.partition(" ")
            group = parse_group(group_text)
            try:
                seconds = parse_duration(duration)
            except DurationError as error:
                errors.at(item.line, item.col, str(error))
                continue
            if group is None:
                errors.at(item.line, item.col, f'unknown format "{group_text}" ({_GROUP_HINT})')
                continue
            phases.append(Phase(seconds, group))
    else:
        duration_field = fields.get("duration")
        format_field = fields.get("format")
        if duration_field is None:
            errors.block('prompt needs "duration: ..." (like 4m) or a "phases:" list')
            return None
        try:
            seconds = parse_duration(duration_field.value)
        except DurationError as error:
            errors.on(duration_field, str(error))
            return None
        group = GroupFormat(GroupKind.SOLO)
        if format_field is not None:
            parsed = parse_group(format_field.value)
            if parsed is None:
                errors.on(format_field, f'unknown format "{format_field.value}" ({_GROUP_HINT})')
            else:
                group = parsed
        phases.append(Phase(seconds, group))
    if not phases:
        return None
    return Prompt(text=text.value, phases=tuple(phases), line=errors.line)


def _slug(label: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
    return slug[:40].strip("-") or "option"


def _options(items: list[str]) -> tuple[Option, ...]:
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


def build_poll(fields: Fields, errors: BlockErrors) -> Poll | None:
    before = len(errors.items)
    poll_id, question, type_field = fields.get("id"), fields.get("question"), fields.get("type")
    for key, found in (("id", poll_id), ("question", question), ("type", type_field)):
        if found is None or not found.value:
            errors.block(f'poll needs "{key}: ..."')
    if poll_id is None or question is None or type_field is None:
        return None
    if poll_id.value and not _POLL_ID.match(poll_id.value):
        errors.on(poll_id, f'poll id "{poll_id.value}" may only use letters, digits and "-"')
    types = tuple(t.value for t in PollType)
    if type_field.value not in types:
        errors.on(
            type_field,
            f'unknown poll type "{type_field.value}"{did_you_mean(type_field.value, types)}; '
            f"use one of {', '.join(types)}",
        )
        return None
    poll_type = PollType(type_field.value)
    options: tuple[Option, ...] = ()
    options_field = fields.get("options")
    if poll_type in (PollType.SINGLE, PollType.MULTIPLE):
        labels = [item.text for item in options_field.items] if options_field else []
        if options_field and options_field.value:
            labels = split_list(options_field.value)
        if len(labels) < 2:
            errors.block(f'a {poll_type} poll needs at least two options under "options:"')
        if len({label.lower() for label in labels}) != len(labels):
            errors.on(options_field or type_field, "two options have the same text")
        options = _options(labels)
    elif poll_type is PollType.YES_NO:
        options = _options(["Yes", "No", "Unsure"])
    elif options_field is not None:
        errors.on(options_field, f"a {poll_type} poll takes no options")

    max_choices = len(options) if poll_type is PollType.MULTIPLE else 1
    if (max_field := fields.get("max")) is not None:
        if poll_type is not PollType.MULTIPLE:
            errors.on(max_field, '"max" only applies to multiple-choice polls')
        elif (value := _int(max_field, errors, "max")) is not None:
            if not 1 <= value <= len(options):
                errors.on(max_field, f"max must be between 1 and {len(options)}")
            max_choices = value

    scale_min, scale_max = 1, 5
    if (scale_field := fields.get("scale")) is not None:
        match = re.fullmatch(r"\s*(-?\d+)\s*(?:-|to|\.\.)\s*(-?\d+)\s*", scale_field.value)
        if poll_type not in (PollType.SCALE, PollType.MATRIX):
            errors.on(scale_field, '"scale" only applies to scale and matrix polls')
        elif not match or int(match.group(1)) >= int(match.group(2)):
            errors.on(scale_field, f'bad scale "{scale_field.value}" (write it like 1-5)')
        else:
            scale_min, scale_max = int(match.group(1)), int(match.group(2))
            if scale_max - scale_min > 10:
                errors.on(scale_field, "a scale may have at most 11 points")

    rows: tuple[Option, ...] = ()
    rows_field = fields.get("rows")
    if poll_type is PollType.MATRIX:
        if rows_field is None or len(rows_field.items) < 1:
            errors.block('a matrix poll needs a "rows:" list')
        else:
            rows = _options([item.text for item in rows_field.items])
    elif rows_field is not None:
        errors.on(rows_field, '"rows" only applies to matrix polls')

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

    min_responses = DEFAULT_MIN_RESPONSES
    if (min_field := fields.get("min-responses")) is not None:
        value = _int(min_field, errors, "min-responses")
        if value is not None and value < MIN_RESPONSES_FLOOR:
            errors.on(
                min_field,
                f"min-responses must be at least {MIN_RESPONSES_FLOOR}: below that a result "
                "can point at a person",
            )
        elif value is not None:
            min_responses = value

    sensitive = _flag(fields.get("sensitive"), errors, default=False)
    prefer = _flag(fields.get("prefer-not-to-say"), errors, default=sensitive)
    if sensitive and not prefer and (found := fields.get("prefer-not-to-say")):
        errors.on(found, 'a sensitive poll always offers "prefer not to say"')
        prefer = True
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
        line=errors.line,
    )


def _flag(found: Field | None, errors: BlockErrors, default: bool) -> bool:
    if found is None:
        return default
    value = parse_yes_no(found.value)
    if value is None:
        errors.on(found, f'"{found.key}" must be yes or no, not "{found.value}"')
        return default
    return value


_CHART_ITEM = re.compile(r"^(?P<label>.+?)\s*:\s*(?P<value>-?\d+(?:\.\d+)?)\s*%?$")


def build_chart(fields: Fields, errors: BlockErrors) -> Chart | None:
    kind = ChartKind.BAR
    if (type_field := fields.get("type")) is not None:
        kinds = tuple(k.value for k in ChartKind)
        if type_field.value not in kinds:
            errors.on(
                type_field,
                f'unknown chart type "{type_field.value}"{did_you_mean(type_field.value, kinds)}; '
                "use bar or donut",
            )
            return None
        kind = ChartKind(type_field.value)
    items_field = fields.get("items")
    if items_field is None or not items_field.items:
        errors.block('chart needs an "items:" list like "- Label: 35"')
        return None
    items = []
    for item in items_field.items:
        match = _CHART_ITEM.match(item.text)
        if not match:
            errors.at(item.line, item.col, f'chart item "{item.text}" must be "Label: number"')
            continue
        items.append(ChartItem(match.group("label"), float(match.group("value"))))
    if kind is ChartKind.DONUT and any(item.value < 0 for item in items):
        errors.block("a donut chart cannot show negative values")
    if len(items) != len(items_field.items):
        return None
    return Chart(kind, tuple(items), fields.text("unit"), fields.text("caption"), errors.line)


def build_flow(fields: Fields, errors: BlockErrors) -> Flow | None:
    steps_field = fields.get("steps")
    steps = [item.text for item in (steps_field.items if steps_field else fields.bare)]
    if len(steps) < 2:
        errors.block('flow needs at least two steps, one per line starting with "- "')
        return None
    return Flow(tuple(steps), errors.line)


def build_resources(fields: Fields, errors: BlockErrors) -> ResourcesRef | None:
    region = fields.text("region")
    if region and region not in REGIONS:
        found = fields.get("region")
        assert found is not None
        errors.on(
            found,
            f'unknown region "{region}"{did_you_mean(region, REGIONS)}; use one of '
            f"{', '.join(REGIONS)}",
        )
        return None
    return ResourcesRef(region, tuple(split_list(fields.text("show"))), errors.line)
