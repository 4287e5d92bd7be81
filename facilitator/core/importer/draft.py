"""Turn an article into a session draft: `import_article(text, ...)` -> session file text.

The pieces, one idea each: `importer_plain` / `importer_markdown` read the article into
parts; `importer_slides` makes each part's slides (with `importer_tables`,
`importer_prompts` and `importer_summary`); this module adds the welcome, the content
note and support resources (`importer_safety`), plans the minutes (`importer_minutes`) and
hands the Session to `importer_writer`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from facilitator.core.importer.article import (
    Article,
    ArticleBlock,
    ArticleError,
    Para,
    Part,
    block_text,
    block_words,
    check_article_text,
    read_article_text,
)
from facilitator.core.importer.markdown import has_markdown_headings, parse_markdown
from facilitator.core.importer.minutes import (
    MINUTES_PER_POLL,
    SectionLoad,
    allocate,
    natural_minutes,
    suggested_minutes,
)
from facilitator.core.importer.part_slides import RISK_QUESTION_NOTE, PartSlides, inline
from facilitator.core.importer.plain import parse_plain
from facilitator.core.importer.prompts import writing_invitation, writing_prompt
from facilitator.core.importer.sensitivity import content_note, is_sensitive, sensitive_topics
from facilitator.core.importer.summary import key_sentences
from facilitator.core.session.model import (
    GroupKind,
    Paragraph,
    Prompt,
    ResourcesRef,
    Section,
    Session,
    Slide,
    SlideKind,
)
from facilitator.core.session.safety import mentions_risk
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
    return parse_markdown(text, fallback) if markdown else parse_plain(text, fallback)


def _sections_of(article: Article) -> list[tuple[Part, list[Part]]]:
    """Level-1 parts with the level-2 parts under them."""
    grouped: list[tuple[Part, list[Part]]] = []
    for part in article.parts:
        if part.level == 1 or not grouped:
            grouped.append((part, []))
        else:
            grouped[-1][1].append(part)
    return grouped


def _resources_slide(title: str, notes: str) -> Slide:
    return Slide(title, SlideKind.RESOURCES, resources=ResourcesRef(), notes=notes)


def _welcome(article: Article, topics: list[str], poll_ids: set[str]) -> Section:
    slides = [
        Slide(
            article.title, SlideKind.TITLE,
            notes="Welcome people as they arrive. Say how long the session runs, that polls "
            "are anonymous, and where people can step out.",
        )
    ]
    # When the note names crisis topics, support sits under it on the same slide
    # (safe-messaging rule 1: pair the topic with help).
    slides.append(Slide(
        "Before we begin", SlideKind.CONTENT_NOTE,
        content_note=content_note(topics, _subject(article)),
        resources=ResourcesRef() if topics else None,
        notes="Read this aloud. Name the quiet space and who will check on anyone who "
        "steps out.",
    ))
    if article.intro:
        intro = PartSlides("Where we start", poll_ids).build(article.intro)
        slides.extend(intro)
    title = "Welcome and content note" if topics else "Welcome"
    return Section(title, 0, tuple(slides))


def _subject(article: Article) -> str:
    """What the session is about, for the content note: the title in lower case."""
    title = article.title.strip().rstrip(".!?")
    return f"“{title}”"


def _closing_blocks(
    blocks: tuple[ArticleBlock, ...],
) -> tuple[tuple[ArticleBlock, ...], Slide | str | None]:
    """The last part's blocks without its writing invitation, and the reflection slide, or
    a facilitator note in its place when the prompt is about suicide or self-harm."""
    invitation = writing_invitation(blocks)
    if invitation is None:
        return blocks, None
    cue = blocks[invitation.cue_index]
    lead = [b for b in blocks[max(0, invitation.cue_index - 1):invitation.cue_index]
            if isinstance(b, Para) and b.text.rstrip().endswith(":")]
    if mentions_risk(invitation.text):
        # Even private writing about it, set by a facilitator who cannot follow up, is
        # not safe to prompt: keep the invitation out of the slides, in the notes.
        kept = (*blocks[: invitation.cue_index - len(lead)], *blocks[invitation.prompt_index + 1:])
        return kept, f"The article asks: “{invitation.text}”\n{RISK_QUESTION_NOTE}"
    notes = [*(block_text(b) for b in lead), block_text(cue)]
    if invitation.prompt_index == invitation.cue_index:
        notes = notes[:-1]  # the cue is the prompt itself; the slide shows it already
    after = blocks[invitation.prompt_index + 1:]
    notes.extend(key_sentences([block_text(b) for b in after if isinstance(b, Para)]))
    notes.append("Writing stays private: no one will be asked to read theirs out.")
    slide = Slide(
        "Reflection: write for yourself", SlideKind.PROMPT,
        prompt=writing_prompt(invitation), notes="\n".join(notes),
    )
    kept = blocks[: invitation.cue_index - len(lead)]
    return kept, slide


def _section_slides(
    part: Part, children: list[Part], poll_ids: set[str], closing: bool
) -> list[Slide]:
    slides: list[Slide] = []
    parts = [part, *children]
    for index, piece in enumerate(parts):
        blocks = piece.blocks
        reflection = None
        if closing and index == len(parts) - 1:
            blocks, reflection = _closing_blocks(blocks)
        slides.extend(PartSlides(piece.title, poll_ids).build(blocks))
        if isinstance(reflection, Slide):
            slides.append(reflection)
        elif reflection:
            if not slides:
                slides.append(_title_slide(piece.title))
            last = slides[-1]
            slides[-1] = replace(last, notes="\n".join(filter(None, (last.notes, reflection))))
    if not slides:
        slides.append(_title_slide(part.title))
    return slides


def _title_slide(title: str) -> Slide:
    return Slide(title, SlideKind.CONTENT, blocks=(Paragraph(inline(title)),))


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
        # Solo writing time is the author's ("take five minutes"): never stretch it.
        if ratio > 1 and all(phase.group.kind is GroupKind.SOLO for phase in prompt.phases):
            return prompt
        phases = tuple(replace(phase, seconds=_round_seconds(phase.seconds * ratio))
                       for phase in prompt.phases)
        return replace(prompt, phases=phases)

    slides = tuple(
        replace(slide, prompt=shrink(slide.prompt)) if slide.prompt else slide
        for slide in section.slides
    )
    return replace(section, minutes=minutes, slides=slides)


def _support_after_risk(slides: list[Slide]) -> list[Slide]:
    """A support slide right after every slide that names a risk without help on it or on
    the next slide: the checker (and safe messaging) want help while the topic is up."""
    out: list[Slide] = []
    for index, slide in enumerate(slides):
        out.append(slide)
        following = slides[index + 1] if index + 1 < len(slides) else None
        if (mentions_risk(slide.text) and slide.resources is None
                and (following is None or following.resources is None)):
            out.append(_resources_slide(
                "Support is available",
                "Leave this up while the topic is in the room. Name the local options aloud.",
            ))
    return out


def _load(section: Section, words: int) -> SectionLoad:
    prompts = sum(slide.prompt.seconds for slide in section.slides if slide.prompt)
    polls = sum(1 for slide in section.slides if slide.poll)
    return SectionLoad(words, len(section.slides), prompts + polls * MINUTES_PER_POLL * 60)


def build_session(
    article: Article, minutes: int | None = DEFAULT_MINUTES, region: str = "us"
) -> tuple[Session, float]:
    """The session for an article, and the minutes its material would take unscaled.
    With `minutes=None` the session is as long as its material (`suggested_minutes`)."""
    topics = sensitive_topics("\n".join(block_text(b) for b in _all_blocks(article)))
    poll_ids: set[str] = set()
    sections = [_welcome(article, topics, poll_ids)]
    words = [sum(block_words(b) for b in article.intro)]
    grouped = _sections_of(article)
    for index, (part, children) in enumerate(grouped):
        closing = index == len(grouped) - 1
        slides = _section_slides(part, children, poll_ids, closing)
        text = "\n".join(block_text(b) for p in (part, *children) for b in p.blocks)
        slides = _support_after_risk(slides)
        if slides[-1].kind is SlideKind.RESOURCES:
            pass  # the last slide named a risk and is already followed by support
        elif is_sensitive(text) or any(is_sensitive(slide.text) for slide in slides):
            slides.append(_resources_slide(
                "Support is available",
                "Leave this up while the section runs. Name the local options aloud "
                "and say that reaching out early is a strength.",
            ))
        elif topics and closing:
            slides.append(_resources_slide(
                "Before you go: support", "Point to the handout and the local contacts.",
            ))
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
    if minutes is None:
        minutes = suggested_minutes(loads)
    # The welcome is worth no more than a tenth of a long session, however short the article.
    loads[0] = replace(loads[0], cap=max(welcome_floor, minutes // 10))
    planned = allocate(loads, minutes)
    sections = [_fit_prompts(s, m) for s, m in zip(sections, planned, strict=True)]
    session = Session(
        title=article.title,
        subtitle="A small-group session",
        credit=f"Adapted from the article “{article.title}”",
        sections=tuple(sections),
        minutes=float(minutes),
        region=region,
    )
    return session, natural_minutes(loads)


def _all_blocks(article: Article) -> list[ArticleBlock]:
    return [*article.intro, *(block for part in article.parts for block in part.blocks)]


def import_article(
    text: str, name: str = "article.txt", minutes: int | None = DEFAULT_MINUTES,
    region: str = "us",
) -> ImportResult:
    """The session file for an article's text; ArticleError explains what is wrong.
    `minutes=None` plans the session to the material's own length."""
    article = parse_article(text, name)
    if article.word_count < MIN_WORDS:
        raise ArticleError(
            f"too little text to make a session from ({article.word_count} words)"
        )
    session, natural = build_session(article, minutes, region)
    return ImportResult(write_session(session), session, natural)


def import_file(
    path: Path, minutes: int | None = DEFAULT_MINUTES, region: str = "us"
) -> ImportResult:
    return import_article(read_article_text(path), path.name, minutes, region)


def import_to_file(
    article: Path, out: Path, minutes: int | None = DEFAULT_MINUTES, region: str = "us",
    replace_existing: bool = False,
) -> ImportResult:
    """Import `article` and write the draft to `out`. ArticleError messages start with the
    file they are about ("FILE: message"), ready to show as they are."""
    if out.exists() and not replace_existing:
        raise OutputExistsError(f"{out}: already exists")
    if out.exists() and out.resolve() == article.resolve():
        raise ArticleError(f"{out}: is the article itself; choose another output file")
    try:
        result = import_file(article, minutes, region)
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
