"""Activities, polls, structure, language and limits of imported drafts, on small articles
written like the real ones that failed (heading questions, question runs, pull quotes, a
per-group prevalence table, a trailing References section) and on the corpus's French one."""

from __future__ import annotations

import re

import pytest

from facilitator.core.importer.article import ArticleError
from facilitator.core.importer.draft import import_article
from facilitator.core.importer.phrases import CATALOGUES
from facilitator.core.importer.phrases.lang_en import PHRASES as ENGLISH
from facilitator.core.importer.slide_fit import MAX_BODY_WORDS, MAX_TITLE_CHARS
from facilitator.core.session.loader import parse_session
from facilitator.core.session.model import GroupKind, PollType, Session, SlideKind
from tests.paths import ROOT

CORPUS = ROOT / "benchmarks" / "articles"
PROSE = (
    "Maintainers told us the same story in different words. The work grows faster than the "
    "people doing it, and the feedback that arrives is mostly complaints. Nobody plans to "
    "burn out; it happens one reasonable yes at a time, until the project feels like a debt. "
)


def draft(text: str, name: str = "a.md", **options: object) -> Session:
    result = import_article(text, name, **options)  # type: ignore[arg-type]
    loaded = parse_session(result.text, name)
    assert loaded.ok, loaded.errors
    assert loaded.session is not None
    return loaded.session


BALANCE = f"""# Keeping Your Balance

{PROSE}

## Watch out for signs of burnout

Can you keep up your pace for 10 weeks? 10 months? 10 years?

{PROSE}

## What would you need to continue sustaining yourself and your community?

{PROSE}

<aside markdown="1" class="pquote">
  <img src="avatar.png">
  My software is gratis, but my time and attention is not.
  <p markdown="1" class="pquote-credit">— @someone, maintainer of a map library</p>
</aside>

{{{{< tweet 12345 >}}}}

## Try it yourself

{PROSE} Finish this sentence: the part of this work that still gives me energy is...

## References

1. Someone, S. (2020). A study of maintainers. Journal of Things, 3(2), 1-20.
2. Another, A. (2021). Burnout in volunteers. Journal of Things, 4(1), 5-9.
"""


def test_questions_in_headings_and_runs_become_prompts_kept_whole() -> None:
    session = draft(BALANCE)
    texts = [prompt.text for prompt in session.prompts]
    assert "Can you keep up your pace for 10 weeks? 10 months? 10 years?" in texts
    heading = "What would you need to continue sustaining yourself and your community?"
    assert heading in texts
    # the long heading no longer overflows a slide title
    assert all(len(slide.title) <= MAX_TITLE_CHARS for slide in session.slides)
    notes = {slide.prompt.text: slide.notes for slide in session.slides if slide.prompt}
    assert "asks these questions together" in notes[texts[0]]
    assert "as a heading" in notes[heading]


def test_exercises_become_solo_then_pair_prompts() -> None:
    session = draft(BALANCE)
    exercise = next(p for p in session.prompts if p.text.startswith("Finish this sentence"))
    assert [phase.group.kind for phase in exercise.phases] == [GroupKind.SOLO, GroupKind.PAIRS]


def test_back_matter_shortcodes_and_raw_html_never_reach_a_slide() -> None:
    session = draft(BALANCE)
    assert "References" not in [section.title for section in session.sections]
    text = "\n".join(slide.text + slide.notes for slide in session.slides)
    for junk in ("Journal of Things", "{{<", "tweet", "<aside", "pquote", "avatar.png", "@someone"):
        assert junk not in text, junk


def test_every_section_with_prose_gets_an_activity_and_says_why() -> None:
    session = draft(BALANCE)
    for section in session.sections[1:]:
        prompts = [slide for slide in section.slides if slide.kind is SlideKind.PROMPT]
        assert prompts, section.title
        assert all("Chosen because" in slide.notes for slide in prompts), section.title


def test_a_pull_quote_becomes_something_to_react_to() -> None:
    text = f"# Boundaries\n\n{PROSE}\n\n## Saying no\n\n{PROSE}\n\n> My software is gratis, " \
           "but my time and attention is not, and I say so plainly.\n"
    session = draft(text)
    react = [p for p in session.prompts if p.text.startswith("“My software is gratis")]
    assert len(react) == 1 and "what rings true for you" in react[0].text


def _poll_article(header: tuple[str, str], rows: list[tuple[str, int]], before: str) -> str:
    table = "\n".join(f"| {label} | {value} |" for label, value in rows)
    return (f"# Tired\n\n{PROSE}\n\n## The numbers\n\n{PROSE}\n\n{before}\n\n"
            f"| {header[0]} | {header[1]} |\n|---|---|\n{table}\n")


def test_a_distribution_with_a_named_measure_becomes_a_poll_that_names_it() -> None:
    text = _poll_article(
        ("Where nurses said they were", "Percent"),
        [("Coping and mostly okay", 41), ("Tired but connected", 27), ("Running on empty", 32)],
        "In a survey of ward nurses across four hospitals, people said where they were.",
    )
    session = draft(text)
    (poll,) = session.polls
    assert "In a survey of ward nurses" in poll.question
    assert poll.reference == (41, 27, 32)


def test_a_per_group_prevalence_table_is_a_share_poll_without_reference_bars() -> None:
    text = _poll_article(
        ("Job", "Percent reporting burnout"),
        [("Residents", 45), ("Nurses", 40), ("Attendings", 35)], "Here is what we found.",
    )
    (poll,) = draft(text).polls
    assert poll.type is PollType.SINGLE and "percent reporting burnout" in poll.question
    assert poll.reference == ()  # 45 + 40 + 35 is not a spread of the room


@pytest.mark.parametrize("header, rows, before", [
    # symptoms are not groups a person places themselves in
    (("Symptom", "Percent"), [("Racing heart", 80), ("Dizziness", 60), ("Derealization", 30)],
     "In a survey, people reported these symptoms."),
    # nothing says what the numbers measure
    (("Category", "Value"), [("Stressed", 35), ("Numb", 65)], "Here they are."),
])
def test_tables_that_would_make_meaningless_polls_become_charts(
    header: tuple[str, str], rows: list[tuple[str, int]], before: str,
) -> None:
    session = draft(_poll_article(header, rows, before))
    assert session.polls == ()
    assert [slide.kind for slide in session.slides].count(SlideKind.CHART) == 1


def test_every_poll_question_names_what_its_numbers_measure() -> None:
    for path in CORPUS.iterdir():
        if path.suffix in (".md", ".txt") and path.name != "SOURCES.md":
            result = import_article(path.read_text(encoding="utf-8"), path.name, None)
            for poll in result.session.polls:
                if poll.reference or poll.type is PollType.SINGLE:
                    assert "(" in poll.question, poll.question


def _fixed_parts(template: str) -> list[str]:
    return [part.strip() for part in re.split(r"\{\w+\}", template) if len(part.strip()) >= 12]


def test_a_french_article_gives_a_french_draft_from_content_note_to_notes() -> None:
    path = CORPUS / "equilibre-mainteneurs.fr.md"
    result = import_article(path.read_text(encoding="utf-8"), path.name, None)
    assert result.session.language == "fr"
    assert "language: fr" in result.text
    for template in ENGLISH.values():
        for part in _fixed_parts(template):
            assert part not in result.text, part
    note = next(s for s in result.session.slides if s.kind is SlideKind.CONTENT_NOTE)
    assert note.content_note.startswith("Cette séance porte sur")
    assert note.title == "Avant de commencer"


def test_language_can_be_overridden() -> None:
    session = draft(BALANCE, language="de")
    assert session.language == "de"
    assert any(slide.title == "Bevor wir beginnen" for slide in session.slides)


def test_every_language_has_every_phrase_with_the_same_placeholders() -> None:
    for language, table in CATALOGUES.items():
        assert table.keys() == ENGLISH.keys(), language
        for key, template in ENGLISH.items():
            wanted = set(re.findall(r"\{(\w+)\}", template))
            assert set(re.findall(r"\{(\w+)\}", table[key])) == wanted, (language, key)


def test_a_book_length_article_suggests_options_the_command_accepts() -> None:
    chapters = "\n\n".join(f"## Chapter {n}\n\n" + PROSE * 40 for n in range(1, 121))
    with pytest.raises(ArticleError) as error:
        import_article(f"# A Very Long Read\n\n{chapters}", "long.md", None)
    message = str(error.value)
    suggested = [int(n) for n in re.findall(r"--(?:minutes|max-sections) (\d+)", message)]
    assert suggested and all(1 <= n <= 480 for n in suggested), message
    assert "trim it to about" in message
    sections = int(re.search(r"--max-sections (\d+)", message).group(1))  # type: ignore[union-attr]
    shorter = import_article(f"# A Very Long Read\n\n{chapters}", "long.md", None,
                             max_sections=sections)
    assert shorter.session.minutes <= 480


def test_long_paragraphs_and_lists_are_paged_not_overflowing() -> None:
    items = "\n".join(f"- {PROSE}" for _ in range(6))
    session = draft(f"# Lists\n\n{PROSE}\n\n## A long list\n\nThese are the themes:\n\n{items}\n")
    for slide in session.slides:
        words = sum(len(b.text[0].text.split()) for b in slide.blocks if hasattr(b, "text"))
        assert words <= MAX_BODY_WORDS, slide.title
    assert any(slide.title.endswith("(2/6)") or "(2/" in slide.title for slide in session.slides)


def test_a_heading_question_in_a_part_about_crisis_is_no_prompt() -> None:
    text = (f"# Numb\n\n{PROSE}\n\n## When should you be worried right now?\n\n{PROSE} "
            "If you think about suicide, call a crisis line today.\n")
    session = draft(text)
    assert "When should you be worried right now?" not in [p.text for p in session.prompts]


def test_a_rhetorical_heading_question_is_no_prompt() -> None:
    session = draft(f"# Tired\n\n{PROSE}\n\n## How Common Is It, Really?\n\n{PROSE}\n")
    assert "How Common Is It, Really?" not in [p.text for p in session.prompts]


def test_a_question_to_the_reader_inside_a_paragraph_becomes_a_prompt() -> None:
    text = (f"# Errors\n\n{PROSE}\n\n## Deciding\n\nSo, how do you decide when you should stop "
            "and when you should push on? When work piles up, there is no way back. " + PROSE)
    session = draft(text)
    assert "So, how do you decide when you should stop and when you should push on?" in [
        p.text for p in session.prompts
    ]


def test_plain_text_rules_separate_lessons_and_banners_are_no_sections() -> None:
    lesson = ("  ** Press j to move the cursor down. **\n\n  Move around until you feel sure of "
              "it, then go on to the next lesson when you are ready for it.\n")
    text = ("=" * 60 + "\n=  W e l c o m e   to   the   T u t o r  =\n" + "=" * 60 + "\n\n"
            + PROSE + "\nGo on to lesson 1.1 now.\n" + "~" * 60 + "\n"
            + "\t\tLesson 1.1: MOVING THE CURSOR\n\n" + lesson + "~" * 60 + "\n"
            + "\t\tLesson 1.2: LEAVING\n\n" + lesson)
    session = draft(text, "tutor.txt")
    assert [s.title for s in session.sections][1:] == [
        "Lesson 1.1: MOVING THE CURSOR", "Lesson 1.2: LEAVING",
    ]
    assert session.title == "Tutor"
