"""Articles of different shapes in, session files out: every one must pass the loader's check.

The loader (`parse_session`) is the judge here, not the importer's own idea of the format.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.core.importer.draft import ArticleError, import_article, import_file
from facilitator.core.session.loader import LoadResult, parse_session
from facilitator.core.session.model import GroupKind, PollType, Session, SlideKind, plain
from facilitator.core.session.safety import mentions_risk
from tests.paths import ARTICLES

BUNDLED = ARTICLES / "numb-in-medicine.txt"
UNSEEN = ARTICLES / "running-on-empty.txt"


def checked(text: str) -> Session:
    """The session a generated file loads into, after asserting it has no errors or warnings."""
    result: LoadResult = parse_session(text, "generated.md")
    assert result.errors == [], [str(e) for e in result.errors]
    assert result.warnings == [], [str(w) for w in result.warnings]
    assert result.session is not None
    return result.session


def kinds(session: Session) -> list[SlideKind]:
    return [slide.kind for slide in session.slides]


def test_bundled_article_imports_into_a_session_that_passes_check() -> None:
    result = import_file(BUNDLED)
    session = checked(result.text)
    assert session.title == "Numb in Medicine"  # first line is a sentence: title from the name
    titles = [section.title for section in session.sections]
    assert titles[0] == "Welcome and content note"
    assert titles[1:4] == [
        "The Lie You Were Sold About “Loving Medicine”",
        "Three Very Different Kinds of “Numb”",
        "Why Medicine Makes You Feel This Way",
    ]
    assert titles[-1] == "You’re Not Broken. But You Are At a Crossroads."
    # numbered headings are slides inside their section, not agenda items of their own
    assert "Functional Detachment (The “I Can Still Turn It Back On” Kind)" not in titles
    three_kinds = session.sections[2]
    slide_titles = [slide.title for slide in three_kinds.slides]
    for kind in ("Functional Detachment", "Warning-Sign Numbness", "Ethical Deadening"):
        assert any(title.startswith(kind) for title in slide_titles), kind
    assert session.minutes == 60 == sum(section.minutes for section in session.sections)


def test_bundled_article_tables_become_poll_chart_flow_and_matrix() -> None:
    session = checked(import_file(BUNDLED).text)
    # "| Category | Value |" with nothing before it saying what the numbers measure: a
    # chart of the article's figures, never a poll whose question cannot name its measure.
    assert [poll for poll in session.polls if poll.type is PollType.SINGLE] == []
    charts = [slide.chart for slide in session.slides if slide.chart]
    assert [(i.label, i.value) for i in charts[0].items] == [
        ("Stressed but engaged", 35), ("Occasionally numb", 30), ("Persistently numb", 20),
        ("Actively burnt out", 15),
    ]
    assert charts[0].unit == "%"
    flows = [slide.flow for slide in session.slides if slide.flow]
    assert len(flows) == 1 and flows[0].steps[0] == "High workload"
    assert flows[0].steps[-1] == "Numbness"
    matrix = [poll for poll in session.polls if poll.type is PollType.MATRIX]
    assert [row.label for row in matrix[0].rows] == [
        "Scope", "Duration", "Function", "Values", "Energy",
    ]
    assert matrix[0].scale_labels == ("More Likely Normal Phase", "More Likely Real Problem")
    comparison = next(s for s in session.slides if any(type(b).__name__ == "Table" for b in s.blocks))
    assert comparison.title == "More Likely Normal Phase or More Likely Real Problem?"


def test_bundled_article_questions_and_closing_reflection() -> None:
    session = checked(import_file(BUNDLED).text)
    prompts = [p for p in session.prompts if not p.text.startswith("“")]  # quotes, claims
    assert [p.text for p in prompts[:3]] == [
        "When you hear about a patient being mistreated or dismissed, even if you feel flat, "
        "does some small part of you think, “That’s not okay”?",
        "When you imagine yourself as an attending, do you care about not becoming “that "
        "doctor everyone hates working with”?",
        "When you think about leaving medicine, do you feel more sad/afraid than relieved—or "
        "is it the opposite?",
    ]
    # "Answer them honestly, just in your head": think alone first, then pairs if they want
    assert [phase.group.kind for phase in prompts[0].phases] == [GroupKind.SOLO, GroupKind.PAIRS]
    closing = prompts[-1]
    assert closing.text == (
        "If my numbness could talk honestly, what would it say about what I need right now?"
    )
    assert [phase.group.kind for phase in closing.phases] == [GroupKind.SOLO]
    assert closing.seconds == 10 * 60  # "Take 10 minutes"
    # rhetorical and quoted questions are not prompts
    texts = " ".join(p.text for p in prompts)
    assert "Is this a problem?" not in texts and "What if they think" not in texts


def test_sensitive_article_gets_content_note_resources_and_no_risk_poll() -> None:
    session = checked(import_file(BUNDLED).text)
    first = session.sections[0]
    assert first.slides[0].kind is SlideKind.TITLE
    note = first.slides[1]
    assert note.kind is SlideKind.CONTENT_NOTE and "self-harm" in note.content_note
    assert note.resources is not None
    worried = next(s for s in session.sections if s.title.startswith("When Should You Be Worried"))
    assert any(slide.kind is SlideKind.RESOURCES for slide in worried.slides)
    for section in session.sections:
        if any(mentions_risk(slide.text) for slide in section.slides):
            assert any(slide.resources for slide in section.slides), section.title
    for poll in session.polls:
        assert not mentions_risk(" ".join([poll.question, *(o.label for o in poll.options)]))


def test_notes_are_key_sentences_not_the_whole_article() -> None:
    result = import_file(BUNDLED)
    session = checked(result.text)
    notes = " ".join(slide.notes for slide in session.slides)
    article_words = len(BUNDLED.read_text(encoding="utf-8").split())
    assert 0.15 * article_words < len(notes.split()) < 0.6 * article_words
    # a long paragraph is cut down to its point, in the article's own words
    assert "You have to blunt your emotions a bit to survive this work." in notes
    assert "Like some Instagram version" not in plain_bodies(session)


def plain_bodies(session: Session) -> str:
    parts = []
    for slide in session.slides:
        for block in slide.blocks:
            text = getattr(block, "text", None)
            if text is not None:
                parts.append(plain(text))
    return " ".join(parts)


# -- an article the importer was not tuned on ---------------------------------------------


def test_unseen_article_passes_check_with_a_chart_and_matching_poll_per_numeric_table() -> None:
    session = checked(import_file(UNSEEN, minutes=45).text)
    assert session.title == "Running on Empty: Burnout on the Night Shift"
    charts = [slide.chart for slide in session.slides if slide.chart]
    singles = [poll for poll in session.polls if poll.type is PollType.SINGLE]
    assert len(charts) == len(singles) == 1  # one numeric table
    assert [o.label for o in singles[0].options] == [item.label for item in charts[0].items]
    assert singles[0].reference == tuple(item.value for item in charts[0].items)
    assert singles[0].reference == (41, 27, 22, 10)
    poll_index = next(i for i, s in enumerate(session.slides) if s.poll is singles[0])
    assert session.slides[poll_index + 1].chart is charts[0]  # answer first, then the figures


def test_unseen_article_flow_matrix_and_prompts() -> None:
    session = checked(import_file(UNSEEN).text)
    flows = [slide.flow for slide in session.slides if slide.flow]
    assert len(flows) == 1
    assert flows[0].steps == (
        "Short staffing becomes normal",
        'Breaks get skipped "just this once"',
        "Moral distress piles up",
        "Compassion fatigue sets in",
        "Detachment from patients",
        "Exhaustion and cynicism",
    )
    matrix = [poll for poll in session.polls if poll.type is PollType.MATRIX]
    assert [row.label for row in matrix[0].rows] == ["Sleep", "Patients", "Colleagues", "Outside work"]
    prompts = session.prompts
    # one prompt per reader question, plus the closing writing prompt
    assert [p.text for p in prompts] == [
        "What would change on your ward if breaks were protected for one month?",
        "When you last felt proud of your work, what were you doing differently?",
        "What is one thing I need to keep doing, and one thing I need to stop, to still be a "
        "nurse in five years?",
    ]
    assert prompts[0].phases[0].group.kind is GroupKind.GROUPS  # about the ward: small groups
    assert prompts[1].phases[0].group.kind is GroupKind.PAIRS
    assert prompts[2].phases[0].group.kind is GroupKind.SOLO and prompts[2].seconds == 300


@pytest.mark.parametrize("minutes", [30, 45, 60, 90, 120])
def test_unseen_article_minutes_are_plausible_and_add_up(minutes: int) -> None:
    session = checked(import_file(UNSEEN, minutes=minutes).text)
    planned = [section.minutes for section in session.sections]
    assert sum(planned) == minutes == session.minutes
    assert all(m >= 2 for m in planned)
    # a section with discussion gets at least the time its prompts take
    for section in session.sections:
        prompt_seconds = sum(s.prompt.seconds for s in section.slides if s.prompt)
        assert prompt_seconds <= section.minutes * 60, section.title
    # no section swallows the session
    assert max(planned) <= 0.35 * minutes


def test_unseen_article_sensitive_section_has_hopeful_slide_and_resources() -> None:
    session = checked(import_file(UNSEEN).text)
    section = next(s for s in session.sections if s.title == "When It Is More Than Burnout")
    opener = section.slides[0]
    assert not mentions_risk(plain_bodies_of(opener))  # the risk wording stays in the notes
    assert "people do recover" in plain_bodies_of(opener)
    assert section.slides[-1].kind is SlideKind.RESOURCES


def plain_bodies_of(slide: object) -> str:
    return " ".join(plain(b.text) for b in getattr(slide, "blocks", ()) if hasattr(b, "text"))


# -- other shapes ---------------------------------------------------------------------------


MARKDOWN = """\
# Sleep and Shift Work

Night shifts move your body clock. This guide is for new residents.

## What the Research Says

| Hours of sleep before a night shift | % of residents |
|---|---|
| Under 4 | 18% |
| 4 to 6 | 47% |
| Over 6 | 35% |

Most people sleep too little before their first night. **Anchor sleep** helps.

## Habits That Help

- Keep a fixed *anchor* block of sleep
- Use blackout blinds
- Caffeine early in the shift, never in the last four hours
- Eat a light meal at the start of the night
- Nap for twenty minutes if your unit allows it
- Walk outside in daylight after a run of nights
- Tell your household your sleep hours
- Switch your phone to do-not-disturb

### Planning Your Week

1. Sleep late the day before the first night.
2. Nap in the afternoon.
3. After the last night, sleep short and go to bed early.

## Talk About It

What does your team do to cover a colleague who is exhausted?
"""


def test_markdown_article_with_headings_emphasis_and_a_long_list() -> None:
    session = checked(import_article(MARKDOWN, "sleep.md").text)
    assert session.title == "Sleep and Shift Work"
    assert [s.title for s in session.sections[1:]] == [
        "What the Research Says", "Habits That Help", "Talk About It",
    ]
    poll = session.polls[0]
    assert poll.reference == (18, 47, 35) and poll.options[0].label == "Under 4"
    habits = session.sections[2]
    bullet_slides = [s for s in habits.slides if s.title.startswith("Habits That Help (")]
    assert [s.title for s in bullet_slides] == ["Habits That Help (1/2)", "Habits That Help (2/2)"]
    first_list = bullet_slides[0].blocks[-1]
    assert any(span.italic for item in first_list.items for span in item)  # *anchor* kept
    assert any(s.title == "Planning Your Week" for s in habits.slides)
    assert session.prompts[0].text.startswith("What does your team do")
    # no crisis topics: a gentle content note, and no resources slide anywhere
    note = session.sections[0].slides[1]
    assert note.content_note.startswith("This session is about “Sleep and Shift Work”.")
    assert "suicide" not in note.content_note and note.resources is None
    assert not any(slide.kind is SlideKind.RESOURCES for slide in session.slides)


PLAIN_WRAPPED = """\
Learning to Say No

Saying no at work is a skill. Most of us were never taught it, and
many of us were rewarded for never using it.

Why It Is Hard

Saying no feels like letting the team down. In a ward that is already
short, every refusal seems to land on a colleague.

The cost of always saying yes is slower and harder to see: it is paid
in sleep, in patience and in mistakes.

A Script That Works

Thank the person, name what you are already doing, and offer what you
can do instead. Keep it short and kind.

Practise it once this week on something small.
"""


def test_plain_text_with_wrapped_paragraphs_and_no_tables() -> None:
    session = checked(import_article(PLAIN_WRAPPED, "say-no.txt", minutes=20).text)
    assert session.title == "Learning to Say No"
    assert [s.title for s in session.sections[1:]] == [
        "Why It Is Hard", "A Script That Works",
    ]
    assert session.polls == () and not any(slide.chart or slide.flow for slide in session.slides)
    assert sum(s.minutes for s in session.sections) == 20
    # wrapped lines were joined back into sentences, not read as headings
    assert (
        "The cost of always saying yes is slower and harder to see: it is paid in sleep, in "
        "patience and in mistakes." in session.sections[1].slides[0].text
    )


def test_very_short_article() -> None:
    text = "Gratitude at Work\nWhy It Helps\nSaying thank you to a colleague changes the room.\n"
    session = checked(import_article(text * 1 + "It costs nothing and it is noticed.\n",
                                     "g.txt", minutes=10).text)
    assert len(session.sections) == 2 and session.minutes == 10


def test_very_long_article_imports_quickly_and_adds_up() -> None:
    parts = []
    for index in range(1, 41):
        parts.append(f"Part {index} of the Long Read")
        parts.extend(
            f"Paragraph {n} of part {index} explains one more idea about rest and recovery "
            "in clinical teams, with an example from a real ward." for n in range(6)
        )
        parts.append("- first point\n- second point\n- third point")
    text = "A Very Long Read\n" + "\n".join(parts) + "\n"
    result = import_article(text, "long.txt", minutes=240)
    session = checked(result.text)
    assert len(session.sections) == 41
    assert sum(s.minutes for s in session.sections) == 240


def test_other_table_stays_a_table_and_comparison_rows_about_risk_are_not_polled() -> None:
    text = """\
Support Options at a Glance
Where to Go
| Service | Hours | Cost | Who |
|---|---|---|---|
| Staff counselling | 9-5 | Free | All staff |
| GP | 8-6 | Free | Everyone |
Comparing Two Weeks
| Sign | Good week | Hard week |
|---|---|---|
| Sleep | Seven hours | Four hours |
| Mood | Steady | Thoughts of self-harm |
| Food | Regular meals | Skipped meals |
"""
    session = checked(import_article(text, "support.txt").text)
    tables = [s for s in session.slides if s.blocks and type(s.blocks[-1]).__name__ == "Table"]
    assert len(tables) == 2
    matrix = session.polls[0]
    assert [row.label for row in matrix.rows] == ["Sleep", "Food"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \n\n  ", "empty"),
        ("just one paragraph of text with no structure at all. It goes on and on.\n", "no headings"),
        ("# Title only\n", "no section headings"),
        ("A Title\nA Heading\nToo short.\n", "too little text"),
        ("%PDF-1.7 stuff", "PDF"),
        ("abc\x01\x02\x03\x04\x05 binary", "binary"),
    ],
)
def test_bad_articles_give_a_clear_error(text: str, message: str) -> None:
    with pytest.raises(ArticleError, match=message):
        import_article(text, "bad.txt")


def test_too_few_minutes_for_the_sections_says_how_many_are_needed() -> None:
    with pytest.raises(ArticleError, match=r"allow at least \d+ minutes"):
        import_file(BUNDLED, minutes=10)


def test_question_lists_become_prompts_and_a_plain_writing_instruction_is_the_prompt() -> None:
    text = """\
Pride at Work
Where It Went
Most of us started with pride in the work. Then the rota took over and nobody noticed.
Ask yourself:
- What part of your job would you still do for free?
- When did a patient last make you laugh?
Finding It Again
Pride comes back in small moments, noticed on purpose.
Before you leave, take five minutes to write about a time you felt proud of your work.
"""
    session = checked(import_article(text, "pride.txt", minutes=30).text)
    assert [(p.text, p.seconds) for p in session.prompts] == [
        ("What part of your job would you still do for free?", 240),
        ("When did a patient last make you laugh?", 240),
        ("Write about a time you felt proud of your work.", 300),
    ]


def test_figures_about_suicide_get_a_chart_and_support_but_never_a_poll() -> None:
    text = """\
Hard Numbers
What the Survey Found
Most residents reported burnout at some point in training.
| Reported in the last year | Percent |
|---|---|
| Burnout | 48 |
| Thoughts of suicide | 9 |
| Neither | 43 |
Help-seeking works: most people who reached out said it made a difference.
"""
    session = checked(import_article(text, "hard.txt").text)
    assert session.polls == ()
    charts = [slide.chart for slide in session.slides if slide.chart]
    assert [item.label for item in charts[0].items] == ["Burnout", "Thoughts of suicide", "Neither"]
    section = session.sections[1]
    assert any(slide.kind is SlideKind.RESOURCES for slide in section.slides)
    assert "suicide" in session.sections[0].slides[1].content_note


@pytest.mark.parametrize("article", [BUNDLED, UNSEEN])
def test_without_minutes_the_length_is_the_material_rounded_up_to_five(article: Path) -> None:
    planned = import_file(article, minutes=None)
    session = checked(planned.text)
    assert session.minutes % 5 == 0 and session.minutes >= 15
    assert planned.natural_minutes <= session.minutes < planned.natural_minutes + 5
    assert sum(section.minutes for section in session.sections) == session.minutes


def test_without_minutes_a_tiny_article_gets_the_least_session_not_an_hour() -> None:
    text = ("Rest Matters\nWhy\nSleep helps you think, feel and care for patients safely. "
            "A short nap on a night shift helps too.\n")
    result = import_article(text, "rest.txt", minutes=None)
    assert result.natural_minutes < 10
    session = checked(result.text)
    assert session.minutes == 15 == sum(section.minutes for section in session.sections)
