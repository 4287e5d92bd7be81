"""Turn an article into a session draft: `import_article(text, ...)` -> session file text.

The pieces, one idea each: `importer_plain` / `importer_markdown` read the article into
parts; `importer_slides` makes each part's slides (with `importer_tables`,
`importer_prompts` and `importer_summary`); this module adds the welcome, the content
note and support resources (`importer_safety`), plans the minutes (`importer_minutes`) and
hands the Session to `importer_writer`.
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
    Para,
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
from facilitator.core.importer.part_slides import PartSlides, inline
from facilitator.core.importer.phrases import LANGUAGES, Phrases
from facilitator.core.importer.phrases.detect_language import detect_language
from facilitator.core.importer.plain import parse_plain
from facilitator.core.importer.prompts import writing_invitation, writing_prompt
from facilitator.core.importer.sensitivity import content_note, is_sensitive, sensitive_topics
from facilitator.core.importer.slide_fit import fit_slides, short_title
from facilitator.core.importer.summary import key_sentences
from facilitator.core.session.model import (
    GroupFormat,
    GroupKind,
    Paragraph,
    Phase,
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


def _sections_of(article: Article) -> list[tuple[Part, list[Part]]]:
    """Level-1 parts with the level-2 parts under them. A section holding more than about a
    third of the article is split at its subheadings: one 30-minute block is a lecture."""
    grouped: list[tuple[Part, list[Part]]] = []
    for part in article.parts:
        if part.level == 1 or not grouped:
            grouped.append((part, []))
        else:
            grouped[-1][1].append(part)
    total = max(1, article.word_count)
    split: list[tuple[Part, list[Part]]] = []
    for part, children in grouped:
        words = sum(block_words(b) for p in (part, *children) for b in p.blocks)
        if len(children) >= 2 and words > total / 3:
            if part.blocks:
                split.append((part, []))
            split.extend((replace(child, level=1), []) for child in children)
        else:
            split.append((part, children))
    return split


def _resources_slide(title: str, notes: str) -> Slide:
    return Slide(title, SlideKind.RESOURCES, resources=ResourcesRef(), notes=notes)


def _welcome(article: Article, topics: list[str], poll_ids: set[str], say: Phrases) -> Section:
    slides = [Slide(article.title, SlideKind.TITLE, notes=say("welcome_notes"))]
    # When the note names crisis topics, support sits under it on the same slide
    # (safe-messaging rule 1: pair the topic with help).
    slides.append(Slide(
        say("before_we_begin"), SlideKind.CONTENT_NOTE,
        content_note=content_note(topics, _subject(article, say), say),
        resources=ResourcesRef() if topics else None,
        notes=say("before_notes"),
    ))
    if article.intro:
        intro = PartSlides(say("where_we_start"), poll_ids, say).build(article.intro)
        slides.extend(intro)
    title = say("welcome_and_note") if topics else say("welcome")
    return Section(title, 0, tuple(slides))


def _subject(article: Article, say: Phrases) -> str:
    """What the session is about, for the content note: the title, quoted the language's
    way."""
    return say("quoted", text=short_title(article.title.strip().rstrip(".!?"), 60))


def _closing_blocks(
    blocks: tuple[ArticleBlock, ...], say: Phrases,
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
        return kept, say("article_asks", question=invitation.text) + "\n" + say("risk_note")
    notes = [*(block_text(b) for b in lead), block_text(cue)]
    if invitation.prompt_index == invitation.cue_index:
        notes = notes[:-1]  # the cue is the prompt itself; the slide shows it already
    after = blocks[invitation.prompt_index + 1:]
    notes.extend(key_sentences([block_text(b) for b in after if isinstance(b, Para)]))
    notes.append(say("writing_private"))
    slide = Slide(
        say("reflection_title"), SlideKind.PROMPT,
        prompt=writing_prompt(invitation), notes="\n".join(notes),
    )
    kept = blocks[: invitation.cue_index - len(lead)]
    return kept, slide


def _section_slides(
    part: Part, children: list[Part], poll_ids: set[str], closing: bool, say: Phrases
) -> list[Slide]:
    slides: list[Slide] = []
    parts = [part, *children]
    spare: list[tuple[int, Slide]] = []  # (where it would go, an activity held in reserve)
    for index, piece in enumerate(parts):
        blocks = piece.blocks
        reflection = None
        if closing and index == len(parts) - 1:
            blocks, reflection = _closing_blocks(blocks, say)
        builder = PartSlides(piece.title, poll_ids, say)
        slides.extend(builder.build(blocks))
        spare.extend((len(slides), slide) for slide in builder.spare[:1])
        if isinstance(reflection, Slide):
            slides.append(reflection)
        elif reflection:
            if not slides:
                slides.append(_title_slide(piece.title))
            last = slides[-1]
            slides[-1] = replace(last, notes="\n".join(filter(None, (last.notes, reflection))))
    if not slides:
        slides.append(_title_slide(part.title))
    if not any(slide.kind is SlideKind.PROMPT for slide in slides):
        # Every section with something to discuss gets an activity: the best kept in reserve
        # (a quotation to react to, or the article's own invitation to reflect), else its
        # key claim to test against experience.
        claim = _claim_activity(parts, say, "\n".join(slide.text for slide in slides))
        if spare:
            position, activity = spare[0]
            slides.insert(max(1, position), activity)
        elif claim is not None:
            slides.append(claim)
    return slides


MIN_DISCUSSABLE_WORDS = 80
# Narration ("Then, we implement..."), code and questions are not claims to test.
_NOT_A_CLAIM = re.compile(
    r"^(then|now|next|here|first|so|and|but|also|let['’]s|we['’](ll|re|ve)?|in listing|"
    r"listing|this|that|these|it|like|not|just|or|because|as|such|to do so|especially)\b"
    r"|^[\"“‘'«„]|[(){}\[\]<>:=_/\\@]|::|\?$|\bListing \d"
    r"|\bwe['’]ll\b|\bwe will\b|\blet['’]s\b|^(recall|in chapter|chapters? \d)",
    re.IGNORECASE,
)


def _claim_activity(parts: list[Part], say: Phrases, shown: str) -> Slide | None:
    """A pair prompt on the section's key sentence, when it has prose enough to discuss;
    not a sentence its slides already show."""
    prose = [b.text for p in parts for b in p.blocks if isinstance(b, Para)]
    if sum(len(text.split()) for text in prose) < MIN_DISCUSSABLE_WORDS:
        return None
    claims = [
        sentence for sentence in key_sentences(prose, limit=8, title=parts[0].title)
        if 6 <= len(sentence.split()) <= 24 and not _NOT_A_CLAIM.search(sentence)
        and not mentions_risk(sentence) and not is_sensitive(sentence) and sentence not in shown
    ]
    if not claims:
        return None
    claim = claims[0]
    prompt = Prompt(text=f"“{claim}” {say('claim_prompt')}",
                    phases=(Phase(240, GroupFormat(GroupKind.PAIRS)),))
    return Slide(say("in_their_words"), SlideKind.PROMPT, prompt=prompt, notes=say("why_claim"))


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


def _support_after_risk(slides: list[Slide], say: Phrases) -> list[Slide]:
    """A support slide right after every slide that names a risk without help on it or on
    the next slide: the checker (and safe messaging) want help while the topic is up."""
    out: list[Slide] = []
    for index, slide in enumerate(slides):
        out.append(slide)
        following = slides[index + 1] if index + 1 < len(slides) else None
        if (mentions_risk(slide.text) and slide.resources is None
                and (following is None or following.resources is None)):
            out.append(_resources_slide(say("support_title"), say("support_notes")))
    return out


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
    sections = [_welcome(article, topics, poll_ids, say)]
    words = [sum(block_words(b) for b in article.intro)]
    grouped = _sections_of(article)
    for index, (part, children) in enumerate(grouped):
        closing = index == len(grouped) - 1
        slides = _section_slides(part, children, poll_ids, closing, say)
        text = "\n".join(block_text(b) for p in (part, *children) for b in p.blocks)
        slides = _support_after_risk(slides, say)
        if slides[-1].kind is SlideKind.RESOURCES:
            pass  # the last slide named a risk and is already followed by support
        elif is_sensitive(text) or any(is_sensitive(slide.text) for slide in slides):
            slides.append(_resources_slide(say("support_title"), say("support_notes")))
        elif topics and closing:
            slides.append(_resources_slide(say("goodbye_title"), say("goodbye_notes")))
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
