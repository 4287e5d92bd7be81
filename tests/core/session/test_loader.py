"""What a good session file turns into, and the safe-messaging checks."""

from __future__ import annotations

import pytest

from facilitator.core.session.durations import DurationError, format_duration, parse_duration
from facilitator.core.session.loader import load_session, parse_session
from facilitator.core.session.model import (
    PREFER_NOT_TO_SAY,
    BulletList,
    ChartKind,
    GroupKind,
    PollType,
    SlideKind,
    Table,
    plain,
)
from facilitator.services.assets import bundled_sessions, slide_file

HEAD = "---\ntitle: T\n---\n\n"


def test_bundled_session_passes_with_no_warnings() -> None:
    result = load_session(slide_file())
    assert result.errors == [] and result.warnings == []
    session = result.session
    assert session is not None
    assert len(session.polls) >= 5
    assert len([p for p in session.prompts if p.seconds]) >= 6
    assert 60 <= session.minutes <= 90
    assert session.minutes == sum(section.minutes for section in session.sections)
    assert {poll.type for poll in session.polls} == set(PollType)


def test_bundled_session_carries_the_article() -> None:
    session = load_session(slide_file()).session
    assert session is not None
    room = session.poll("room-check")
    assert room is not None and room.reference == (35, 30, 20, 15)
    assert room.prefer_not_to_say and room.sensitive
    assert [option.label for option in room.options] == [
        "Stressed but engaged",
        "Occasionally numb",
        "Persistently numb",
        "Actively burnt out",
    ]
    flows = [slide.flow for slide in session.slides if slide.flow]
    assert len(flows) == 1 and len(flows[0].steps) == 7
    assert flows[0].steps[0] == "High workload" and flows[0].steps[-1] == "Numbness"
    gut = session.poll("gut-check")
    assert gut is not None and [row.label for row in gut.rows] == [
        "Scope",
        "Duration",
        "Function",
        "Values",
        "Energy",
    ]
    closing = session.prompts[-1]
    assert closing.text == (
        "If my numbness could talk honestly, what would it say about what I need right now?"
    )
    assert closing.seconds == 600 and closing.phases[0].group.kind is GroupKind.SOLO
    assert any(p.multi_phase and len(p.phases) == 4 for p in session.prompts)
    assert session.slides[0].kind is SlideKind.TITLE
    assert session.slides[1].kind is SlideKind.CONTENT_NOTE
    assert all(slide.notes for slide in session.slides), "every slide needs facilitator notes"
    worry = next(s for s in session.sections if s.title.startswith("When to worry"))
    assert not any(slide.poll for slide in worry.slides)
    assert any(slide.kind is SlideKind.RESOURCES for slide in worry.slides)


def test_every_bundled_session_loads() -> None:
    files = bundled_sessions()
    assert files, "at least the numbness session ships"
    for path in files:
        assert load_session(path).ok, path


def test_slide_contents() -> None:
    text = HEAD + (
        "# A (3m)\n\n## One\n\nSome *it* and **bold**.\n\n- a\n- b\n\n"
        "| K | Left | Right |\n|---|---|---|\n| Scope | x | y |\n\n"
        "## Chart\n\n```chart\ntype: donut\nunit: %\nitems:\n- Yes: 60\n- No: 40%\n```\n"
    )
    session = parse_session(text).session
    assert session is not None
    one, chart = session.slides
    paragraph, bullets, table = one.blocks
    assert [(s.text, s.bold, s.italic) for s in paragraph.text] == [
        ("Some ", False, False),
        ("it", False, True),
        (" and ", False, False),
        ("bold", True, False),
        (".", False, False),
    ]
    assert isinstance(bullets, BulletList) and [plain(i) for i in bullets.items] == ["a", "b"]
    assert isinstance(table, Table) and plain(table.rows[0][0]) == "Scope"
    assert chart.chart is not None and chart.chart.kind is ChartKind.DONUT
    assert [item.value for item in chart.chart.items] == [60, 40]


def test_poll_defaults_and_ids() -> None:
    text = HEAD + (
        "# A (3m)\n\n## P\n\n```poll\nid: p\nquestion: Q?\ntype: multiple\nmax: 2\n"
        "options:\n- Not sure\n- Not sure!\n- prefer not to say\n```\n\n"
        "## Y\n\n```poll\nid: y\nquestion: Q?\ntype: yes-no\n```\n"
    )
    session = parse_session(text).session
    assert session is not None
    multiple, yes_no = session.polls
    assert [o.id for o in multiple.options] == ["not-sure", "not-sure-2", "prefer-not-to-say-2"]
    assert PREFER_NOT_TO_SAY not in {o.id for o in multiple.options}
    assert multiple.max_choices == 2 and not multiple.prefer_not_to_say
    assert [o.label for o in yes_no.options] == ["Yes", "No", "Unsure"]
    assert yes_no.min_responses == 5


def test_sensitive_poll_always_offers_prefer_not_to_say() -> None:
    text = HEAD + (
        "# A (3m)\n\n## P\n\n```poll\nid: p\nquestion: Q?\ntype: word\nsensitive: yes\n"
        "prefer-not-to-say: no\n```\n"
    )
    result = parse_session(text, "s.md")
    assert [str(e) for e in result.errors] == [
        's.md:14:20: a sensitive poll always offers "prefer not to say"'
    ]


def test_risk_slide_without_resources_warns() -> None:
    text = (
        HEAD
        + "# A (3m)\n\n## Signs\n\n- Thoughts of self-harm\n\n```content-note\nHard topic.\n```\n"
    )
    result = parse_session(text, "s.md")
    assert result.ok
    assert [str(w) for w in result.warnings] == [
        's.md:7:1: warning: slide 1 ("Signs") names suicide or self-harm but neither it nor the '
        "next slide shows support; add a resources block to it or put a resources slide right "
        "after it"
    ]
    fixed = text + "\n## Help\n\n```resources\nregion: uk\n```\n"
    assert parse_session(fixed).warnings == []
    # Help two slides later is out of reach: the room sees the topic without it.
    later = text + "\n## Break\n\nTea.\n\n## Help\n\n```resources\nregion: uk\n```\n"
    assert [w.line for w in parse_session(later).warnings] == [7]


def test_session_without_support_warns() -> None:
    result = parse_session(HEAD + "# A (3m)\n\n## S\n\nText\n", "s.md")
    assert result.ok
    assert "no content note and no resources slide" in result.warnings[0].message


def test_minutes_mismatch_warns() -> None:
    text = "---\ntitle: T\nminutes: 60\n---\n\n# A (3m)\n\n## S\n\n```content-note\nx\n```\n"
    result = parse_session(text, "s.md")
    assert [str(w) for w in result.warnings] == [
        "s.md:3:1: warning: minutes says 60 but the sections add up to 3"
    ]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("4m", 240), ("90s", 90), ("1m30s", 90), ("5 min", 300), ("1h 10m", 4200), ("2 minutes", 120)],
)
def test_durations(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "4", "m", "4mx", "soon", "4m later", "0s"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(DurationError):
        parse_duration(text)


def test_format_duration_round_trips() -> None:
    for seconds in (30, 60, 90, 600, 61):
        assert parse_duration(format_duration(seconds)) == seconds
