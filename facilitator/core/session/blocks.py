"""Turn the fields of a fenced block into model values, with a message for each mistake."""

from __future__ import annotations

import re

from facilitator.core.session.block_errors import BlockErrors
from facilitator.core.session.diagnostics import did_you_mean
from facilitator.core.session.durations import DurationError, parse_duration
from facilitator.core.session.evaluation import EVALUATION_KEYS, build_evaluation
from facilitator.core.session.fields import Fields, split_list
from facilitator.core.session.model import (
    Chart,
    ChartItem,
    ChartKind,
    Flow,
    GroupFormat,
    GroupKind,
    Phase,
    Prompt,
    ResourcesRef,
    TakeHomeBlock,
)
from facilitator.core.session.poll_blocks import POLL_KEYS, build_poll

BLOCK_KEYS: dict[str, tuple[str, ...]] = {
    "prompt": ("text", "format", "duration", "phases"),
    "poll": POLL_KEYS,
    "chart": ("type", "unit", "caption", "items"),
    "flow": ("steps",),
    "resources": ("region", "show"),
    "evaluation": EVALUATION_KEYS,
    "takehome": ("points",),
}
# A phone screen's worth: the page is read on a phone, and each point is one line or two.
MAX_TAKEHOME_POINTS = 8
MAX_TAKEHOME_POINT = 200
REGIONS = ("us", "uk", "ie", "ca", "au", "intl")
_GROUPS = re.compile(r"^(?:small\s+)?groups?\s+of\s+(\d+)$")


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


def build_takehome(fields: Fields, errors: BlockErrors) -> TakeHomeBlock | None:
    """An empty block takes the session's objectives as key points; `points:` overrides."""
    for item in fields.bare:
        errors.at(item.line, item.col - 2, 'a list item needs a key above it: "points:"')
    found = fields.get("points")
    if found is None:
        return None if fields.bare else TakeHomeBlock((), errors.line)
    if found.value or not found.items:
        errors.on(found, 'list the key points under "points:", one per "- " line')
        return None
    if len(found.items) > MAX_TAKEHOME_POINTS:
        extra = found.items[MAX_TAKEHOME_POINTS]
        errors.at(extra.line, extra.col, f"at most {MAX_TAKEHOME_POINTS} key points: "
                  "the page is read on a phone")
        return None
    for item in found.items:
        if len(item.text) > MAX_TAKEHOME_POINT:
            errors.at(item.line, item.col, f"a key point is at most {MAX_TAKEHOME_POINT} "
                      f"characters (this one has {len(item.text)})")
            return None
    return TakeHomeBlock(tuple(item.text for item in found.items), errors.line)


# BlockErrors and build_poll live in their own modules; the loader finds every builder here.
__all__ = [
    "BLOCK_KEYS",
    "REGIONS",
    "BlockErrors",
    "build_chart",
    "build_evaluation",
    "build_flow",
    "build_poll",
    "build_prompt",
    "build_resources",
    "build_takehome",
    "parse_group",
]
