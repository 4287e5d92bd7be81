"""Turn an article into a session draft: `import_article(text, ...)` -> session file text.

The pieces, one idea each: `plain` / `markdown` read the article into parts (`junk` drops
what is not for the room); `section_slides` makes each agenda section's slides, with
`part_slides` (and `table_slides`, `prompts`, `activities`, `summary`) for each part under
a heading and `sensitivity` for the content note and support resources. This module runs
them in order: it detects the language, plans the minutes (`minutes`), fits the slides
(`slide_fit`) and the prompts to the plan, and hands the Session to the session writer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from facilitator.core.importer.article import (
    Article,
    ArticleBlock,
    ArticleError,
    Part,
    block_text,
    block_words,
    check_article_text,
    read_article_text,
)
from facilitator.core.importer.junk import without_junk
from facilitator.core.importer.markdown import has_markdown_headings, parse_markdown
from facilitator.core.importer.minutes import (
    MINUTES_PER_POLL,
    SectionLoad,
    allocate,
    length_problem,
    natural_minutes,
    suggested_minutes,
)
from facilitator.core.importer.phrases import LANGUAGES, Phrases
from facilitator.core.importer.phrases.detect_language import detect_language
from facilitator.core.importer.plain import parse_plain
from facilitator.core.importer.section_slides import section_slides, sections_of, welcome
from facilitator.core.importer.sensitivity import sensitive_topics
from facilitator.core.importer.slide_fit import fit_slides
from facilitator.core.session.model import GroupKind, Prompt, Section, Session, SlideKind
from facilitator.core.session.writer import write_session

DEFAULT_MINUTES = 60
MIN_WORDS = 12
SENSITIVE_FLOOR = 4
_SMALL = frozenset("a an and as at but by for from in into of on or the to vs with".split())


class OutputExistsError(ArticleError):
    """The session file is there already; callers say how their user can replace it."""


@dataclass(frozen=True)
class ImportResult:
    text: str  # the session file
    session: Session  # what was written, for summaries and tests
    natural_minutes: float  # how long the material would take before scaling


def title_from_filename(name: str) -> str:
    """"numb-in-medicine.txt" -> "Numb in Medicine"."""
    stem = Path(name).stem
    words = [word for word in re.split(r"[-_\s.]+", stem) if word]
    if len(words) > 2 and words[-1].lower() in LANGUAGES:
        words = words[:-1]  # "codigo-de-conducta.es.docx": the language tag is no title
    titled = [
        word if word.isupper() else (word.lower() if index and word.lower() in _SMALL
                                     else word.capitalize())
        for index, word in enumerate(words)
    ]
    return " ".join(titled) or "Imported Session"


def parse_article(text: str, name: str = "article.txt") -> Article:
    """The article's structure; Markdown if it has Markdown headings or a Markdown name."""
    text = check_article_text(text)
    fallback = title_from_filename(name)
    markdown = name.lower().endswith((".md", ".markdown")) or has_markdown_headings(text)
    article = parse_markdown(text, fallback) if markdown else parse_plain(text, fallback)
    return without_junk(article, fallback)


MAX_STRETCH = 1.5


def _round_seconds(seconds: float) -> int:
    """Whole minutes for anything of two minutes or more, half minutes below that."""
    step = 60 if seconds >= 120 else 30
    return max(30, round(seconds / step) * step)


def _fit_prompts(section: Section, minutes: int) -> Section:
    """Fit a section's prompts to its planned minutes: shorten them when the section cannot
    hold them, lengthen them (up to half as long again) when the session is roomy, so the
    extra time goes to discussion rather than to talk."""
    polls = sum(1 for slide in section.slides if slide.poll)
    budget = minutes * 60 - polls * MINUTES_PER_POLL * 60 // 2
    used = sum(slide.prompt.seconds for slide in section.slides if slide.prompt)
    if used == 0:
        return replace(section, minutes=minutes)
    if used <= budget:
        ratio = min(MAX_STRETCH, 0.6 * budget / used)
        if ratio < 1.25:
            return replace(section, minutes=minutes)
    else:
        ratio = max(budget, 60) / used

    def shrink(prompt: Prompt) -> Prompt:
        # Solo writing time is the author's ("take ten minutes"): never stretch or squeeze
        # it; the discussions around it give way instead.
        if all(phase.group.kind is GroupKind.SOLO for phase in prompt.phases):
            return prompt
        phases = tuple(replace(phase, seconds=_round_seconds(phase.seconds * ratio))
                       for phase in prompt.phases)
        return replace(prompt, phases=phases)

    slides = tuple(
        replace(slide, prompt=shrink(slide.prompt)) if slide.prompt else slide
        for slide in section.slides
    )
    return replace(section, minutes=minutes, slides=slides)


def _load(section: Section, words: int) -> SectionLoad:
    prompts = sum(slide.prompt.seconds for slide in section.slides if slide.prompt)
    polls = sum(1 for slide in section.slides if slide.poll)
    return SectionLoad(words, len(section.slides), prompts + polls * MINUTES_PER_POLL * 60)


def build_session(
    article: Article, minutes: int | None = DEFAULT_MINUTES, region: str = "us",
    language: str | None = None,
) -> tuple[Session, float]:
    """The session for an article, and the minutes its material would take unscaled.
    With `minutes=None` the session is as long as its material (`suggested_minutes`).
    `language` None: the article's own, detected."""
    all_text = "\n".join(block_text(b) for b in _all_blocks(article))
    language = language or detect_language(f"{article.title}\n{all_text}")
    say = Phrases(language)
    topics = sensitive_topics(all_text)
    poll_ids: set[str] = set()
    sections = [welcome(article, topics, poll_ids, say)]
    words = [sum(block_words(b) for b in article.intro)]
    grouped = sections_of(article)
    for index, (part, children) in enumerate(grouped):
        closing = index == len(grouped) - 1
        slides = section_slides(part, children, poll_ids, closing, topics, say)
        sections.append(Section(part.title, 0, tuple(slides)))
        words.append(sum(block_words(b) for p in (part, *children) for b in p.blocks))
    loads = [_load(section, count) for section, count in zip(sections, words, strict=True)]
    # Welcoming people and reading a content note aloud takes a few minutes, whatever the text.
    welcome_floor = 4 if topics else 3
    loads[0] = replace(loads[0], floor=welcome_floor)
    # A section that shows support resources is never rushed.
    loads = [
        replace(load, floor=max(load.floor, SENSITIVE_FLOOR))
        if any(slide.kind is SlideKind.RESOURCES for slide in section.slides) else load
        for load, section in zip(loads, sections, strict=True)
    ]
    problem = length_problem(loads, minutes, article.word_count)
    if problem:
        raise ArticleError(problem)
    if minutes is None:
        minutes = suggested_minutes(loads)
    # The welcome is worth no more than a tenth of a long session, however short the article.
    loads[0] = replace(loads[0], cap=max(welcome_floor, minutes // 10))
    planned = allocate(loads, minutes)
    # Fitted after planning: splitting a slide moves no minutes, it only pages the text.
    sections = [replace(s, slides=fit_slides(s.slides)) for s in sections]
    sections = [_fit_prompts(s, m) for s, m in zip(sections, planned, strict=True)]
    session = Session(
        title=article.title,
        subtitle=say("subtitle"),
        credit=say("credit", title=article.title),
        sections=tuple(sections),
        minutes=float(minutes),
        region=region,
        language=language,
    )
    return session, natural_minutes(loads)


def first_sections(article: Article, count: int) -> Article:
    """The article cut after its first `count` top-level sections."""
    kept: list[Part] = []
    seen = 0
    for part in article.parts:
        seen += part.level == 1
        if seen > count:
            break
        kept.append(part)
    return replace(article, parts=tuple(kept))


def _all_blocks(article: Article) -> list[ArticleBlock]:
    return [*article.intro, *(block for part in article.parts for block in part.blocks)]


def import_article(
    text: str, name: str = "article.txt", minutes: int | None = DEFAULT_MINUTES,
    region: str = "us", language: str | None = None, max_sections: int | None = None,
) -> ImportResult:
    """The session file for an article's text; ArticleError explains what is wrong.
    `minutes=None` plans the session to the material's own length; `max_sections` keeps
    only the article's first sections (for an article longer than a session)."""
    article = parse_article(text, name)
    if max_sections is not None:
        article = first_sections(article, max_sections)
    if article.word_count < MIN_WORDS:
        raise ArticleError(
            f"too little text to make a session from ({article.word_count} words)"
        )
    session, natural = build_session(article, minutes, region, language)
    return ImportResult(write_session(session), session, natural)


def _read_text(path: Path) -> tuple[str, str]:
    return read_article_text(path), path.name


ArticleReader = Callable[[Path], tuple[str, str]]


def import_file(
    path: Path, minutes: int | None = DEFAULT_MINUTES, region: str = "us",
    language: str | None = None, read: ArticleReader = _read_text,
    max_sections: int | None = None,
) -> ImportResult:
    text, name = read(path)
    return import_article(text, name, minutes, region, language, max_sections)


def import_to_file(
    article: Path, out: Path, minutes: int | None = DEFAULT_MINUTES, region: str = "us",
    replace_existing: bool = False, language: str | None = None,
    read: ArticleReader = _read_text, max_sections: int | None = None,
) -> ImportResult:
    """Import `article` and write the draft to `out`. ArticleError messages start with the
    file they are about ("FILE: message"), ready to show as they are."""
    if out.exists() and not replace_existing:
        raise OutputExistsError(f"{out}: already exists")
    if out.exists() and out.resolve() == article.resolve():
        raise ArticleError(f"{out}: is the article itself; choose another output file")
    try:
        result = import_file(article, minutes, region, language, read, max_sections)
    except ArticleError as error:
        raise ArticleError(f"{article}: {error}") from None
    try:
        out.write_text(result.text, encoding="utf-8")
    except OSError as error:
        raise ArticleError(f"{out}: cannot write: {error.strerror or error}") from None
    return result


__all__ = [
    "DEFAULT_MINUTES",
    "ArticleError",
    "ImportResult",
    "OutputExistsError",
    "build_session",
    "import_article",
    "import_file",
    "import_to_file",
    "parse_article",
    "title_from_filename",
]
