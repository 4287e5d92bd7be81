"""Questions the article asks its reader, and its closing invitation to write.

A reader question is a sentence that ends a paragraph with "?", is addressed to "you",
and is the writer's own voice, not a quotation: "When you think about leaving medicine, do
you feel more sad than relieved?" is one; "Your anxiety about this?" (a rhetorical lead
in), "Is this normal?" (the writer's own sub-question) and "“What if they think I'm
unfit?”" (quoted speech) are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from facilitator.core.importer.article import ArticleBlock, Para
from facilitator.core.importer.summary import sentences
from facilitator.core.session.model import GroupFormat, GroupKind, Phase, Prompt

_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_SECOND_PERSON = re.compile(r"\b(you|your|yours|yourself|you['’](re|ve|d|ll))\b", re.IGNORECASE)
_OPENERS = re.compile(
    r"^(what|how|when|why|where|which|who|whom|whose|do|does|did|is|are|was|were|have|has|"
    r"can|could|would|will|should|if|in what|think|imagine|picture)\b",
    re.IGNORECASE,
)
# Lead-ins that ask for a private answer: honour them with a silent first phase.
_PRIVATE = re.compile(
    r"\b(in your head|to yourself|privately|silently|quietly|honestly|no one (else )?needs)\b",
    re.IGNORECASE,
)
# Questions about a team, a ward or a school suit small groups better than pairs.
_COLLECTIVE = re.compile(
    r"\b(we|our|us|your (team|ward|unit|school|program|programme|service|department|"
    r"workplace|colleagues|organisation|organization|class|cohort))\b",
    re.IGNORECASE,
)
_WRITING = re.compile(
    r"\b(write|writing|journal|blank page|notebook|pen and paper|jot|letter to)\b", re.IGNORECASE
)
_UNITS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}
_NUMBER_WORDS = {word: value for value, word in enumerate(_UNITS, start=1)}
_NUMBER = (
    r"\d{1,2}|(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(_UNITS[:9]) + r"))?"
    r"|" + "|".join(sorted(_UNITS, key=len, reverse=True))
)
# "10 minutes", "ten minutes", "twenty-five mins", "five to ten minutes" (the first number:
# the writer's least), "a few minutes", "half an hour".
_MINUTES = re.compile(
    r"\b(?:(?P<number>" + _NUMBER + r")\s*(?:(?:-|to|or)\s*(?:" + _NUMBER + r")\s*)?"
    r"|(?P<phrase>a few|a couple of|a)\s+)min(?:ute)?s?\b"
    r"|\b(?P<half>half an|an) hour\b",
    re.IGNORECASE,
)
_PHRASES = {"a few": 3, "a couple of": 2, "a": 1, "half an": 30, "an": 60}


def _number_value(text: str) -> int:
    if text.isdigit():
        return int(text)
    tens, _, unit = text.lower().replace("-", " ").partition(" ")
    if tens in _TENS:
        return _TENS[tens] + (_NUMBER_WORDS[unit] if unit else 0)
    return _NUMBER_WORDS[tens]


def minutes_in(text: str) -> int | None:
    """The first length of time the text gives in minutes, in digits or words, or None."""
    found = _MINUTES.search(text)
    if found is None:
        return None
    if found["number"]:
        return _number_value(found["number"])
    phrase = found["phrase"] or found["half"]
    return _PHRASES[" ".join(phrase.lower().split())]
# Writing time is the author's, within reason: at least three minutes to get going, at
# most half an hour of a session.
MIN_WRITING_MINUTES, DEFAULT_WRITING_MINUTES, MAX_WRITING_MINUTES = 3, 5, 30
_QUOTE_MARKS = "\"“”'‘’«» "


# The reader addressed in the other languages articles arrive in (French, Spanish, German,
# Romanian); their questions are taken as written, without the English opener test.
_OTHER_SECOND_PERSON = re.compile(
    r"\b(vous|votre|vos|tu|toi|ton|tes|usted|ustedes|tú|tus|ti|contigo|vosotros|"
    r"du|dich|dir|dein\w*|euch|euer|voi|vă|dumneavoastră)\b"
    r"|\b(Sie|Ihnen|Ihre?[mnrs]?)\b",
    re.IGNORECASE,
)
_GERMAN_FORMAL = re.compile(r"\b(Sie|Ihnen|Ihre?[mnrs]?)\b")
# "So, how do you decide...?": a connective before the question word.
_LEAD_WORD = re.compile(r"^(so|and|but|now|then|well|okay|ok)\b,?\s+", re.IGNORECASE)
MAX_RUN_WORDS = 9  # "10 months?" is part of a run; a full question stands on its own


def _trailing_questions(parts: list[str]) -> str:
    """The last sentence, with the short questions before it that belong to it: "Can you
    keep up your pace for 10 weeks? 10 months? 10 years?" stays whole."""
    start = len(parts) - 1
    while start > 0 and parts[start].endswith("?") and parts[start - 1].endswith("?") and (
        len(parts[start].split()) <= MAX_RUN_WORDS
    ):
        start -= 1
    return " ".join(parts[start:])


def addressed_to_reader(question: str) -> bool:
    outside_quotes = _QUOTED.sub(" ", question)
    if _SECOND_PERSON.search(outside_quotes):
        opening = _LEAD_WORD.sub("", question.lstrip("(*_¿¡ "))
        return bool(_OPENERS.match(opening))
    other = _OTHER_SECOND_PERSON.search(outside_quotes)
    if other is None:
        return False
    # "Sie" also means "they"/"she": only a question that opens with a verb is formal "you".
    if _GERMAN_FORMAL.fullmatch(other.group(0)):
        return bool(re.match(r"^(\w+\s+){1,2}(Sie|Ihnen)\b", question.lstrip("(*_ ")))
    return True


def reader_question(text: str) -> str | None:
    """The question a paragraph asks its reader, or None."""
    parts = sentences(text.strip())
    if not parts:
        return None
    last = _trailing_questions(parts).strip()
    if not last.endswith("?") or last[:1] in "\"“‘'«„":
        return None
    if len(last.split()) < 4 or not addressed_to_reader(last):
        return None
    return last


MIN_INNER_QUESTION_WORDS = 6


def inner_question(text: str) -> str | None:
    """A question to the reader inside a paragraph rather than at its end ("So, how do you
    decide when to stop? Most people..."), with any short questions run on after it."""
    parts = sentences(text.strip())
    for index, sentence in enumerate(parts[:-1]):
        if not sentence.endswith("?") or sentence[:1] in "\"“‘'«„":
            continue
        end = index + 1
        while end < len(parts) and parts[end].endswith("?") and (
            len(parts[end].split()) <= MAX_RUN_WORDS
        ):
            end += 1
        question = " ".join(parts[index:end])
        if len(sentence.split()) >= MIN_INNER_QUESTION_WORDS and addressed_to_reader(sentence):
            return question
    return None


def wants_privacy(lead_in: str) -> bool:
    return bool(_PRIVATE.search(lead_in))


def discussion_prompt(question: str, lead_in: str = "") -> Prompt:
    """A timed prompt for a reader question, with a format that fits how it is asked."""
    phases: tuple[Phase, ...]
    if wants_privacy(lead_in):
        # Think alone first, then talk if you want to: honest answers need that minute.
        phases = (
            Phase(60, GroupFormat(GroupKind.SOLO)),
            Phase(180, GroupFormat(GroupKind.PAIRS)),
        )
    elif _COLLECTIVE.search(question):
        phases = (Phase(360, GroupFormat(GroupKind.GROUPS, 4)),)
    else:
        phases = (Phase(240, GroupFormat(GroupKind.PAIRS)),)
    return Prompt(text=question, phases=phases)


@dataclass(frozen=True)
class WritingInvitation:
    cue_index: int  # index of the paragraph that invites writing
    prompt_index: int  # index of the paragraph with the prompt text (may be the same)
    text: str  # the prompt, verbatim, without its enclosing quote marks
    minutes: int


def _unquote(text: str) -> str:
    text = text.strip()
    if text[:1] in "\"“‘'«" and text[-1:] in "\"”’'»":
        return text[1:-1].strip()
    return text


_WRITE_ABOUT = re.compile(r"\bwrite (about|down|a letter|a note|to)\b", re.IGNORECASE)


def _instruction(text: str, match: re.Match[str]) -> str:
    """The instruction to write, from "write" on: "Write about a time you felt proud." """
    for sentence in sentences(text):
        found = _WRITE_ABOUT.search(sentence)
        if found:
            rest = sentence[found.start():]
            return rest[0].upper() + rest[1:]
    return text[match.start():]


def writing_invitation(blocks: tuple[ArticleBlock, ...]) -> WritingInvitation | None:
    """The last invitation to write in these blocks, with the prompt it gives, if any."""
    found: WritingInvitation | None = None
    for index, block in enumerate(blocks):
        if not isinstance(block, Para) or not _WRITING.search(block.text):
            continue
        given = minutes_in(block.text)
        minutes = DEFAULT_WRITING_MINUTES if given is None else min(
            MAX_WRITING_MINUTES, max(MIN_WRITING_MINUTES, given)
        )
        # The prompt is quoted in this paragraph after a colon, or is the next paragraph.
        _, colon, tail = block.text.rpartition(":")
        if colon and _unquote(tail) != tail.strip() and len(tail.split()) >= 4:
            found = WritingInvitation(index, index, _unquote(tail), minutes)
            continue
        instruction = _WRITE_ABOUT.search(block.text)
        if instruction:
            # "Take five minutes to write about a time you felt proud." is its own prompt.
            found = WritingInvitation(index, index, _instruction(block.text, instruction), minutes)
        for offset in (1, 2):
            if index + offset >= len(blocks):
                break
            candidate = blocks[index + offset]
            if not isinstance(candidate, Para):
                break
            text = candidate.text.strip()
            if _unquote(text) != text or text.endswith("?"):
                found = WritingInvitation(index, index + offset, _unquote(text), minutes)
                break
    return found


def writing_prompt(invitation: WritingInvitation) -> Prompt:
    seconds = invitation.minutes * 60
    return Prompt(text=invitation.text, phases=(Phase(seconds, GroupFormat(GroupKind.SOLO)),))


def is_quoted_text(text: str) -> bool:
    return _unquote(text) != text.strip()


def strip_quote_marks(text: str) -> str:
    return text.strip(_QUOTE_MARKS)
