"""Slides for one headed part of an article.

Prose becomes facilitator notes (key sentences only) under an opening slide that shows the
part's best short sentence or two; lists become bullet slides; tables go to
`table_slides` (a poll and chart, a flow, or a comparison and matrix poll); reader
questions become timed prompts, except questions about suicide, self-harm or wanting to
die, which stay facilitator notes. Prose that follows a slide is summarised into that
slide's notes, except a lead-in ending in ":", which belongs to what comes next and names
its slide.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from facilitator.core.importer.activities import (
    exercise,
    exercise_prompt,
    heading_question,
    quotation,
    react_prompt,
)
from facilitator.core.importer.article import ArticleBlock, Bullets, Para, PipeTable, block_text
from facilitator.core.importer.phrases import Phrases
from facilitator.core.importer.prompts import (
    discussion_prompt,
    inner_question,
    reader_question,
    wants_privacy,
)
from facilitator.core.importer.sensitivity import is_sensitive
from facilitator.core.importer.summary import headline, key_sentences, sentences
from facilitator.core.importer.table_slides import TableSlides
from facilitator.core.session.model import (
    Block,
    BulletList,
    Paragraph,
    Slide,
    SlideKind,
    Span,
)
from facilitator.core.session.safety import mentions_risk

MAX_BULLETS = 6
MAX_BULLET_WORDS = 70

RISK_ITEMS_NOTE = "Left off the slide because it names a risk; say it calmly if it helps:"


def off_the_slide(items: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """(items for the slide, items for the notes): list items that name suicide, self-harm
    or wanting to die go to the facilitator's notes, never the projector."""
    shown = [item for item in items if not mentions_risk(item)]
    return shown, [item for item in items if mentions_risk(item)]


def keep_framing(run: list[str]) -> list[str]:
    """A paragraph that only frames the next ("Here's the alternative:") is joined to it, so
    no summary can lift the framed sentence out and show it as the article's advice."""
    out: list[str] = []
    for para in run:
        if out and out[-1].rstrip().endswith(":") and len(out[-1].split()) <= 8:
            out[-1] = f"{out[-1].rstrip()} {para}"
        else:
            out.append(para)
    return out


def inline(text: str) -> tuple[Span, ...]:
    return (Span(text),)


@dataclass
class PartSlides:
    """Builds the slides of one part; `poll_ids` is shared across the session for uniqueness."""

    title: str
    poll_ids: set[str]
    say: Phrases = field(default_factory=Phrases)
    slides: list[Slide] = field(default_factory=list)
    spare: list[Slide] = field(default_factory=list)  # activities kept in reserve
    _notes: dict[int, list[str]] = field(default_factory=dict)
    _held_notes: list[str] = field(default_factory=list)  # for the next slide, if none yet

    # -- helpers -------------------------------------------------------------------------
    def _add(self, slide: Slide, notes: list[str] | None = None) -> None:
        notes = [*self._held_notes, *(notes or [])]
        self._held_notes = []
        previous = self.slides[-1] if self.slides else None
        if previous and previous.title == slide.title:
            if (
                slide.kind is SlideKind.CONTENT and len(self.slides) == 1
                and previous.kind is SlideKind.CONTENT and len(previous.blocks) == 1
                and isinstance(previous.blocks[0], Paragraph)
                and isinstance(slide.blocks[-1], BulletList)  # a table needs the whole slide
            ):
                # The part's opening line sits above its first list or table: one slide, not
                # a one-sentence slide followed by a second slide with the same title.
                self.slides[-1] = replace(slide, blocks=(*previous.blocks, *slide.blocks))
                self._notes[0].extend(notes)
                return
            if slide.kind is SlideKind.FLOW:
                slide = replace(slide, title=self.say("step_by_step"))
            elif slide.kind is SlideKind.CHART:
                slide = replace(slide, title=self.say("what_found"))
        self._notes[len(self.slides)] = notes
        self.slides.append(slide)

    def _title(self, lead_in: str) -> str:
        """A list or table is named by its lead-in ("You can feel numb and still:"), unless
        it opens the part: then the part's own title comes first."""
        text = lead_in.strip()
        if (
            self.slides and text.endswith(":") and len(text.split()) <= 10
            and len(sentences(text)) == 1
        ):
            return text[:-1].rstrip() + "…"
        return self.title

    def _lead_block(self, lead_in: str, title: str) -> tuple[Block, ...]:
        """The lead-in above a list when it could not be the slide's title."""
        if lead_in and not title.endswith("…"):
            return (Paragraph(inline(lead_in)),)
        return ()

    # -- prose ---------------------------------------------------------------------------
    def _flush(self, run: list[str]) -> None:
        """Summarise pending prose into the last slide's notes, or open the part with it."""
        if not run:
            return
        run = keep_framing(run)
        if self.slides:
            self._notes[len(self.slides) - 1].extend(key_sentences(run, title=self.title))
            return
        words = sum(len(para.split()) for para in run)
        shown_count = 1 if words < 80 else (2 if words < 300 else 3)
        shown: list[str] = []
        remaining = list(run)
        # On the projector, lead with what helps; risk wording stays in the notes when the
        # passage has anything else to show (safe messaging: lead with hope).
        safe = [para for para in run if not is_sensitive(para)]
        if safe and len(safe) < len(run):
            remaining = safe
        for _ in range(shown_count):
            best = headline(remaining, title=self.title)
            if not best:
                break
            shown.append(best)
            remaining = [para.replace(best, "").strip() for para in remaining]
        body: tuple[Block, ...]
        if len(shown) > 1:
            body = (BulletList(tuple(inline(text) for text in shown)),)
        elif shown:
            body = (Paragraph(inline(shown[0])),)
        else:
            body = (Paragraph(inline(key_sentences(run, limit=1, title=self.title)[0])),)
        notes = [s for s in key_sentences(run, title=self.title) if s not in shown]
        self._add(Slide(self.title, SlideKind.CONTENT, blocks=body), notes)

    # -- visuals -------------------------------------------------------------------------
    def _bullets(self, block: Bullets, lead_in: str) -> None:
        title = self._title(lead_in)
        lead = self._lead_block(lead_in, title)
        items, held = off_the_slide(block.items)
        if held:
            # The importer never projects harm: risk wording is the facilitator's to say.
            self._held_notes.append(RISK_ITEMS_NOTE + " " + " / ".join(held))
        if not items:
            self._add(Slide(title, SlideKind.CONTENT, blocks=(*lead, Paragraph(inline(
                "If any of this is you, support is on the next slide.")))))
            return
        pages: list[list[str]] = [[]]
        for item in items:
            page = pages[-1]
            words = sum(len(text.split()) for text in page) + len(item.split())
            if page and (len(page) >= MAX_BULLETS or words > MAX_BULLET_WORDS):
                pages.append([])
            pages[-1].append(item)
        for number, page in enumerate(pages, start=1):
            name = f"{title} ({number}/{len(pages)})" if len(pages) > 1 else title
            bullets = BulletList(tuple(inline(item) for item in page), ordered=block.ordered)
            blocks = (*lead, bullets) if number == 1 else (bullets,)
            self._add(Slide(name, SlideKind.CONTENT, blocks=blocks))

    def _table(self, block: PipeTable, lead_in: str, before: str = "") -> None:
        # The table's slides are made apart from the walk; only the part knows the slides
        # before it (for the title), and only `_add` merges and renames them in order.
        previous = self.slides[-1].title if self.slides else None
        tables = TableSlides(self.title, self.poll_ids, self.say)
        for slide, notes in tables.build(block, self._title(lead_in), previous, lead_in, before):
            self._add(slide, notes)

    def _risk_question(self, question: str, prose: list[str]) -> None:
        """A question about suicide or self-harm asks for a disclosure that an anonymous
        room cannot follow up (safe messaging): the facilitator sees it in the notes of the
        slide it belongs to, never as a prompt, and the prose around it is summarised as
        usual (the projector only ever shows the non-risk sentences)."""
        self._flush(prose)
        note = [self.say("article_asks", question=question), self.say("risk_note")]
        if self.slides:
            self._notes[len(self.slides) - 1].extend(note)
        else:
            self._held_notes.extend(note)

    # -- activities ----------------------------------------------------------------------
    def _question(self, question: str, run: list[str], lead_in: str, context: str,
                  private: bool, number: tuple[int, int]) -> None:
        self._flush([para for para in run if para != lead_in] if lead_in else run)
        asked, total = number
        name = (
            self.say("question_n", n=asked, total=total) if total > 1
            else self.say("question_one")
        )
        prompt = discussion_prompt(question, "in your head" if private else "")
        notes = [text for text in (lead_in, context) if text]
        if private:
            notes.append(self.say("sharing_optional"))
        notes.append(self.say("why_run" if question.count("?") > 1 else "why_reader"))
        self._add(Slide(name, SlideKind.PROMPT, prompt=prompt), notes)

    def _exercise(self, text: str, run: list[str]) -> None:
        self._flush(run)
        self._add(Slide(self.say("try_this"), SlideKind.PROMPT, prompt=exercise_prompt(text)),
                  [self.say("why_exercise")])

    def _spare(self, text: str) -> None:
        """Keep a quotation or a soft invitation to reflect, for a section with no activity."""
        if mentions_risk(text) or is_sensitive(text):
            return
        quote = quotation(text)
        if quote is not None:
            prompt = react_prompt(quote, self.say("react_prompt"))
            if prompt is None:
                return
            self.spare.append(Slide(self.say("in_their_words"), SlideKind.PROMPT, prompt=prompt,
                                    notes=self.say("why_quote")))
            return
        found = exercise(text, strong_only=False)
        if found:
            self.spare.append(Slide(self.say("try_this"), SlideKind.PROMPT,
                                    prompt=exercise_prompt(found),
                                    notes=self.say("why_exercise")))

    def _heading_question(self, sensitive: bool) -> None:
        """The heading's own question as a prompt, after the part's slides; never where the
        part touches crisis topics ("When should you be worried?" invites disclosures)."""
        question = heading_question(self.title)
        if question and not sensitive and not mentions_risk(question) and not any(
            slide.prompt and slide.prompt.text == question for slide in self.slides
        ):
            self._add(Slide(self.say("question_one"), SlideKind.PROMPT,
                            prompt=discussion_prompt(question)), [self.say("why_heading")])

    # -- the walk ------------------------------------------------------------------------
    def build(self, blocks: tuple[ArticleBlock, ...]) -> list[Slide]:
        blocks = _questions_out_of_lists(_lists_around_quotes(blocks))
        questions = [
            block for block in blocks if isinstance(block, Para)
            and (question := reader_question(block.text) or inner_question(block.text))
            and not mentions_risk(question)
        ]
        asked = 0
        private = False
        run: list[str] = []
        for block in blocks:
            lead_in = run[-1] if run and run[-1].rstrip().endswith(":") else ""
            if isinstance(block, Para):
                if quotation(block.text) is not None:
                    self._spare(block.text)  # a quote is for reacting to, not for notes
                    continue
                question = reader_question(block.text) or inner_question(block.text)
                if question is None:
                    task = exercise(block.text)
                    if task and not mentions_risk(task):
                        self._exercise(task, run)
                        run = []
                        continue
                    self._spare(block.text)
                    run.append(block.text)
                    private = False
                    continue
                context = " ".join(block.text.replace(question, " ", 1).split())
                if mentions_risk(question):
                    self._risk_question(question, [*run, context] if context else run)
                    run = []
                    continue
                # A private lead-in ("answer in your head") holds for the questions after it.
                private = private or wants_privacy(run[-1] if run else "")
                asked += 1
                self._question(question, run, lead_in, context, private, (asked, len(questions)))
                run = []
                continue
            private = False
            # The lead-in names the next slide; the prose before it goes to the slide before.
            before = sentences(run[-1])[-1] if run and sentences(run[-1]) else ""
            self._flush(run[:-1] if lead_in else run)
            run = []
            if isinstance(block, Bullets):
                self._bullets(block, lead_in)
            else:
                self._table(block, lead_in, before)
        self._flush(run)
        if self._held_notes:
            # Only a risk question in this part: a plain slide carries its note.
            self._add(Slide(self.title, SlideKind.CONTENT, blocks=(Paragraph(inline(self.title)),)))
        self._heading_question(any(is_sensitive(block_text(b)) for b in blocks))
        return [
            replace(slide, notes="\n".join(self._notes.get(index, [])))
            for index, slide in enumerate(self.slides)
        ]


def _lists_around_quotes(blocks: tuple[ArticleBlock, ...]) -> tuple[ArticleBlock, ...]:
    """One list, not five: pull quotes set between the items of a list (a common blog
    layout) move after it, so the list stays whole and in order."""
    result: list[ArticleBlock] = []
    held: list[ArticleBlock] = []
    for block in blocks:
        if isinstance(block, Para) and quotation(block.text) is not None and result and (
            isinstance(result[-1], Bullets)
        ):
            held.append(block)
            continue
        last = result[-1] if result else None
        if held and isinstance(block, Bullets) and isinstance(last, Bullets) and (
            block.ordered == last.ordered
        ):
            result[-1] = replace(last, items=(*last.items, *block.items))
            continue
        result.extend(held)
        held = []
        result.append(block)
    result.extend(held)
    return tuple(result)


def _questions_out_of_lists(blocks: tuple[ArticleBlock, ...]) -> tuple[ArticleBlock, ...]:
    """A list made only of questions to the reader ("- What drains you?") is a set of
    prompts, so its items are treated like question paragraphs."""
    result: list[ArticleBlock] = []
    for block in blocks:
        if isinstance(block, Bullets) and all(
            reader_question(item) == item.strip() for item in block.items
        ):
            result.extend(Para(item, block.line) for item in block.items)
        else:
            result.append(block)
    return tuple(result)
