"""The slides of each agenda section of an imported session, before any minutes are planned.

An article's level-1 parts (with the level-2 parts under them) become sections; the welcome
section opens with the title, the content note and the article's introduction; every
section with prose enough to discuss gets an activity; the last section ends with the
article's own invitation to write; support resources follow wherever a risk is named.

Kept apart from `draft`, which orchestrates the import (parse, plan minutes, write): what a
section shows and in what order is one decision, made here, and `part_slides` makes the
slides of each part inside it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from facilitator.core.importer.article import (
    Article,
    ArticleBlock,
    Para,
    Part,
    block_text,
    block_words,
)
from facilitator.core.importer.part_slides import PartSlides, inline
from facilitator.core.importer.phrases import Phrases
from facilitator.core.importer.prompts import writing_invitation, writing_prompt
from facilitator.core.importer.sensitivity import content_note, is_sensitive
from facilitator.core.importer.slide_fit import short_title
from facilitator.core.importer.summary import key_sentences
from facilitator.core.session.model import (
    GroupFormat,
    GroupKind,
    Paragraph,
    Phase,
    Prompt,
    ResourcesRef,
    Section,
    Slide,
    SlideKind,
)
from facilitator.core.session.safety import mentions_risk


def sections_of(article: Article) -> list[tuple[Part, list[Part]]]:
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


def welcome(article: Article, topics: list[str], poll_ids: set[str], say: Phrases) -> Section:
    """The opening section: the title, the content note, and the article's introduction."""
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


def section_slides(
    part: Part, children: list[Part], poll_ids: set[str], closing: bool, topics: list[str],
    say: Phrases,
) -> list[Slide]:
    """A section's slides (`closing`: it is the article's last), with support resources
    after every risk it names and at its end when it touches a sensitive topic; the last
    section of a session with a content note says goodbye with them."""
    slides = _support_after_risk(_body_slides(part, children, poll_ids, closing, say), say)
    text = "\n".join(block_text(b) for p in (part, *children) for b in p.blocks)
    if slides[-1].kind is SlideKind.RESOURCES:
        pass  # the last slide named a risk and is already followed by support
    elif is_sensitive(text) or any(is_sensitive(slide.text) for slide in slides):
        slides.append(_resources_slide(say("support_title"), say("support_notes")))
    elif topics and closing:
        slides.append(_resources_slide(say("goodbye_title"), say("goodbye_notes")))
    return slides


def _body_slides(
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
