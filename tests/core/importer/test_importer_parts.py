"""The importer's pieces one by one: headings, tables, summaries, questions, minutes, writer."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.core.importer.article import Bullets, Para, PipeTable
from facilitator.core.importer.markdown import parse_markdown
from facilitator.core.importer.minutes import SectionLoad, allocate
from facilitator.core.importer.plain import looks_like_title, parse_plain
from facilitator.core.importer.prompts import minutes_in, reader_question, writing_invitation
from facilitator.core.importer.sensitivity import sensitive_topics
from facilitator.core.importer.summary import headline, key_sentences, sentences
from facilitator.core.importer.tables import (
    Comparison,
    Figures,
    OtherTable,
    Steps,
    classify_table,
    parse_number,
)
from facilitator.core.session.loader import load_session, parse_session
from facilitator.core.session.writer import duration, write_session
from facilitator.services.assets import slide_file

# -- headings in plain text -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "is_title"),
    [
        ("The Lie You Were Sold About “Loving Medicine”", True),
        ("Why Medicine Makes You Feel This Way", True),
        ("So… Is My Numbness Normal or a Real Problem?", True),
        ("You’re Not Broken. But You Are At a Crossroads.", True),
        ("Coming back to why you started", True),  # sentence case, short, no full stop
        ("Is this a problem?", False),
        ("Then real life hits.", False),
        ("Here’s the contradiction nobody tells you about:", False),
        ("“What if they think I’m unfit?”", False),
        ("you can still laugh with friends", False),
        ("A very long line that goes on and on without punctuation because it is really a "
         "sentence that someone forgot to finish properly at all", False),
    ],
)
def test_title_like_lines(line: str, is_title: bool) -> None:
    assert looks_like_title(line) is is_title


def test_plain_text_numbered_headings_nest_and_numbered_sentences_are_a_list() -> None:
    text = """\
Getting Better Sleep
Some people never learn to sleep after nights.
What Helps
Here are the habits that work:
1. Keep the room dark.
2. Keep the room cool.
1. Find an Anchor
Sleep at the same time after every night.
2. Protect It
Tell the people you live with.
"""
    article = parse_plain(text, "fallback")
    assert article.title == "Getting Better Sleep"
    assert article.intro == (Para("Some people never learn to sleep after nights.", 2),)
    assert [(p.title, p.level) for p in article.parts] == [
        ("What Helps", 1), ("Find an Anchor", 2), ("Protect It", 2),
    ]
    assert article.parts[0].blocks[1] == Bullets(
        ("Keep the room dark.", "Keep the room cool."), ordered=True, line=5
    )


def test_plain_text_lines_in_a_row_are_a_list_not_headings() -> None:
    text = "Title Line\nSection One\nA paragraph here.\nApples\nPears\nPlums\nAnother sentence.\n"
    article = parse_plain(text, "fallback")
    assert [part.title for part in article.parts] == ["Section One"]
    assert [b.text for b in article.parts[0].blocks if isinstance(b, Para)] == [
        "A paragraph here.", "Apples", "Pears", "Plums", "Another sentence.",
    ]


def test_plain_text_underlined_headings_and_wrapped_paragraphs() -> None:
    text = """\
Caring for Carers
=================

Carers give a lot and get little back. This is about
what helps them keep going.

What Wears People Down
----------------------

Long hours, little sleep and no one to hand over to. Most
carers never take a full day off.
"""
    article = parse_plain(text, "fallback")
    assert article.title == "Caring for Carers"
    assert article.intro == (
        Para("Carers give a lot and get little back. This is about what helps them keep going.", 4),
    )
    assert [(p.title, p.blocks) for p in article.parts] == [(
        "What Wears People Down",
        (Para("Long hours, little sleep and no one to hand over to. Most carers never take a "
              "full day off.", 10),),
    )]


def test_markdown_bold_lines_are_headings_below_real_ones() -> None:
    text = "# Rest\n\nIntro.\n\n## Why\n\n**Sleep debt**\n\nIt adds up.\n\n## How\n\n- Nap\n"
    article = parse_markdown(text, "fallback")
    assert [(p.title, p.level) for p in article.parts] == [
        ("Why", 1), ("Sleep debt", 2), ("How", 1),
    ]
    only_bold = parse_markdown("Intro.\n\n**First**\n\nText.\n\n**Second**\n\nMore.\n", "T")
    assert [(p.title, p.level) for p in only_bold.parts] == [("First", 1), ("Second", 1)]


def test_markdown_front_matter_title_and_nested_lists() -> None:
    text = "---\ntitle: From Front Matter\n---\n\nIntro.\n\n## One\n\n- a\n  - b\n- c\n"
    article = parse_markdown(text, "fallback")
    assert article.title == "From Front Matter"
    assert article.parts[0].blocks == (Bullets(("a", "b", "c"), line=9),)


# -- tables ---------------------------------------------------------------------------------


def table(header: tuple[str, ...], *rows: tuple[str, ...]) -> PipeTable:
    return PipeTable(header, rows)


def test_table_kinds() -> None:
    figures = classify_table(table(("Category", "Value"), ("A", "35"), ("B", "65")))
    assert isinstance(figures, Figures) and figures.values == (35, 65) and figures.percent
    counts = classify_table(table(("Ward", "Nurses"), ("A", "1,200"), ("B", "17")))
    assert isinstance(counts, Figures) and counts.values == (1200, 17) and not counts.percent
    steps = classify_table(table(("Step", "Description"), ("Step 1", "Start"), ("Step 2", "")))
    assert steps == Steps(("Start", "Step 2"))
    numbered = classify_table(table(("#", "What"), ("1", "Notice"), ("2", "Name it")))
    assert numbered == Steps(("Notice", "Name it"))
    comparison = classify_table(
        table(("Sign", "Tired", "Burnt out"), ("Sleep", "A day off helps", "Nothing helps"),
              ("Mood", "Low but lifts", "Flat for weeks"))
    )
    assert isinstance(comparison, Comparison) and comparison.row_labels == ("Sleep", "Mood")
    mixed = table(("Name", "Score", "Note"), ("A", "3", "ok"), ("B", "4", "fine"))
    assert classify_table(mixed) == OtherTable(mixed)


@pytest.mark.parametrize(
    ("cell", "value"),
    [("35", (35.0, False)), ("35%", (35.0, True)), ("3.5", (3.5, False)),
     ("1,200", (1200.0, False)), ("~40 %", (40.0, True)), ("n/a", None), ("35 people", None)],
)
def test_numbers_in_cells(cell: str, value: tuple[float, bool] | None) -> None:
    assert parse_number(cell) == value


# -- summaries, questions, safety -------------------------------------------------------------


def test_sentences_keep_quoted_speech_whole() -> None:
    text = 'He said, “This matters. I want to do this right,” and left. Then we talked.'
    assert sentences(text) == [
        "He said, “This matters. I want to do this right,” and left.", "Then we talked.",
    ]


def test_key_sentences_prefer_the_point_and_keep_article_order() -> None:
    paragraphs = [
        "Burnout builds slowly. It starts with skipped breaks and ends with detachment.",
        "Meh. Whatever. Fine.",
        "The danger is that nobody notices burnout until the detachment is complete.",
    ]
    chosen = key_sentences(paragraphs, limit=2, title="How burnout builds")
    assert chosen == [
        "It starts with skipped breaks and ends with detachment.",
        "The danger is that nobody notices burnout until the detachment is complete.",
    ]  # "Burnout builds slowly." is too short to carry the point
    assert "Meh." not in key_sentences(paragraphs)
    assert headline(["Here is the thing:", "Rest is a skill you can practise every day."]) == (
        "Rest is a skill you can practise every day."
    )


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("When you think about leaving, do you feel more sad than relieved?",
         "When you think about leaving, do you feel more sad than relieved?"),
        ("Think about last week. What did you notice about your energy?",
         "What did you notice about your energy?"),
        ("Is this a problem?", None),
        ("Your anxiety about this? It’s evidence you’re still in there.", None),
        ("“What if they think I’m unfit?”", None),
        ("And if some provider leaps to “You shouldn’t be here” from one disclosure?", None),
    ],
)
def test_reader_questions(text: str, question: str | None) -> None:
    assert reader_question(text) == question


def test_writing_invitation_takes_the_quoted_prompt_verbatim() -> None:
    blocks = (
        Para("Do one thing today:"),
        Para("Take 10 minutes, open a blank page and answer this prompt:"),
        Para("“If my numbness could talk, what would it say?”"),
        Para("Write until you run out of words."),
    )
    found = writing_invitation(blocks)
    assert found is not None
    assert (found.cue_index, found.prompt_index, found.minutes) == (1, 2, 10)
    assert found.text == "If my numbness could talk, what would it say?"


@pytest.mark.parametrize(
    ("cue", "minutes"),
    [
        ("Take ten minutes and write about the last time work felt meaningful.", 10),
        ("Take 10 minutes and write about the last time work felt meaningful.", 10),
        ("Take twenty-five minutes to write about the last time work felt meaningful.", 25),
        ("Take twenty five minutes to write about the last time work felt meaningful.", 25),
        ("Spend seven minutes and write about the last time work felt meaningful.", 7),
        ("Give it five to ten minutes: write about the last time work felt meaningful.", 5),
        ("Take a few minutes to write about the last time work felt meaningful.", 3),
        ("Take a minute to write about the last time work felt meaningful.", 3),
        ("Take half an hour to write about the last time work felt meaningful.", 30),
        ("Take Twelve Minutes to write about the last time work felt meaningful.", 12),
        ("Write about the last time work felt meaningful.", 5),  # no time given
    ],
)
def test_writing_minutes_spelled_out_or_in_digits(cue: str, minutes: int) -> None:
    found = writing_invitation((Para(cue),))
    assert found is not None and found.minutes == minutes


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("one minute", 1), ("sixty minutes", 60), ("forty-two mins", 42), ("an hour", 60),
     ("a couple of minutes", 2), ("half an hour", 30), ("often minutes", None),
     ("the minutes of the meeting", None), ("ten", None)],
)
def test_minutes_in(text: str, minutes: int | None) -> None:
    assert minutes_in(text) == minutes


def test_sensitive_topics_and_ordinary_crises() -> None:
    assert sensitive_topics("thinking about self-harm or not wanting to be alive") == [
        "self-harm", "not wanting to be alive",
    ]
    assert sensitive_topics("Call a crisis line tonight") == ["what to do in a crisis"]
    assert sensitive_topics("the staffing crisis on our ward") == []


# -- minutes --------------------------------------------------------------------------------


@given(
    loads=st.lists(
        st.builds(SectionLoad, st.integers(0, 3000), st.integers(1, 12), st.integers(0, 1800)),
        min_size=1, max_size=25,
    ),
    extra=st.integers(0, 300),
)
def test_minutes_always_add_up_and_respect_the_floor(loads: list[SectionLoad], extra: int) -> None:
    total = 2 * len(loads) + extra
    minutes = allocate(loads, total)
    assert sum(minutes) == total and all(m >= 2 for m in minutes)


def test_minutes_follow_length_and_prompts() -> None:
    talk = SectionLoad(words=600, slides=3, activity_seconds=0)
    discuss = SectionLoad(words=100, slides=2, activity_seconds=600)
    short = SectionLoad(words=50, slides=1, activity_seconds=0)
    # The 10 minutes of prompts are kept; the other 20 follow talk (6.25 : 2.17 : 1.08).
    assert allocate([talk, discuss, short], 30) == [13, 15, 2]
    assert allocate([talk, discuss, short], 60) == [33, 21, 6]


def test_a_capped_section_gives_its_time_to_the_others() -> None:
    welcome = SectionLoad(words=400, slides=3, activity_seconds=0, floor=3, cap=6)
    rest = SectionLoad(words=400, slides=3, activity_seconds=0)
    assert allocate([welcome, rest], 60) == [6, 54]


# -- writer ---------------------------------------------------------------------------------


def without_lines(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: without_lines(getattr(value, f.name)) for f in dataclasses.fields(value)}
        changes.update({key: type(changes[key])() for key in ("line", "source") if key in changes})
        return dataclasses.replace(value, **changes)
    if isinstance(value, tuple):
        return tuple(without_lines(item) for item in value)
    return value


def test_writer_round_trips_the_bundled_session() -> None:
    """Every block type and all seven poll types survive session -> file -> session."""
    original = load_session(slide_file()).session
    assert original is not None
    again = parse_session(write_session(original), "rewritten.md")
    assert again.errors == [] and again.warnings == []
    assert without_lines(again.session) == without_lines(original)


@pytest.mark.parametrize(("seconds", "text"), [(240, "4m"), (90, "1m30s"), (45, "45s")])
def test_durations(seconds: int, text: str) -> None:
    assert duration(seconds) == text
