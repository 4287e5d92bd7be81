"""Activities an article already holds, besides its direct questions (see `prompts`):

- a heading that is a question ("What would you need to continue sustaining yourself?");
- an exercise the article sets: "finish this sentence", "write down", "think of a time"
  (done alone first, then with a neighbour);
- a quotation worth reacting to (a pull quote, a blockquote): a "react" prompt, used only
  where a section would otherwise have no activity at all.

Works for English, French, Spanish, German and Romanian wording: articles arrive in all five.
Risk wording (`safety.mentions_risk`) never becomes an activity; the caller checks.
"""

from __future__ import annotations

import re

from facilitator.core.importer.prompts import addressed_to_reader
from facilitator.core.importer.summary import sentences
from facilitator.core.session.model import GroupFormat, GroupKind, Phase, Prompt

# Exercises the reader is asked to do, by language. Strong cues always make a prompt.
_EXERCISE = re.compile(
    r"\b(finish (this|the following|these) sentences?|complete (this|the following) sentences?|"
    r"write (it |them )?down|jot down|make a list|list (three|five|two|\d) |"
    r"think (of|about|back to) a time|think of (someone|one|a moment)|recall a time|"
    r"complétez (cette|la) phrase|terminez (cette|la) phrase|notez|écrivez|"
    r"pensez à (un moment|une fois|une situation)|faites la liste|"
    r"completa (esta|la) frase|termina (esta|la) frase|escribe|anota|apunta|"
    r"piensa en (un momento|una vez|una situación)|haz una lista|"
    r"vervollständigen Sie|schreiben Sie|notieren Sie|denken Sie an (eine|einen) "
    r"(Moment|Situation|Zeit)|"
    r"completați (această|fraza)|scrieți|notați|gândiți-vă la (un moment|o situație))",
    re.IGNORECASE,
)
# Softer invitations to reflect: a prompt only where the section has no other activity.
_REFLECT = re.compile(
    r"\b(take (a moment|some time|time) to|reflect on|ask yourself|"
    r"prenez (un moment|le temps) (de|pour)|demandez-vous|"
    r"t[oó]mate (un momento|tiempo) para|pregúntate|reflexiona sobre|"
    r"nehmen Sie sich (einen Moment|Zeit)|fragen Sie sich|"
    r"luați-vă (un moment|timp)|întrebați-vă)",
    re.IGNORECASE,
)
MAX_PROMPT_WORDS = 36  # what a prompt slide shows legibly at 1280x720 (see slide_fit)
MIN_QUOTE_WORDS, MAX_QUOTE_WORDS = 8, 80
_QUOTE_OPEN, _QUOTE_CLOSE = "“«„\"", "”»“\""


def heading_question(title: str) -> str | None:
    """The heading itself when it asks the reader something ("What would you need to
    continue?"); a rhetorical heading ("How Common Is It, Really?") is answered by its own
    section and is no prompt."""
    text = title.strip().rstrip(":").strip()
    if text.endswith("?") and len(text.split()) >= 4 and addressed_to_reader(text):
        return text
    return None


def exercise(text: str, strong_only: bool = True) -> str | None:
    """The sentence (and what it introduces) that sets an exercise, or None."""
    pattern_hit = _EXERCISE.search(text) or (None if strong_only else _REFLECT.search(text))
    if pattern_hit is None:
        return None
    parts = sentences(text)
    for index, sentence in enumerate(parts):
        if pattern_hit.group(0) in sentence:
            chosen = [sentence]
            if sentence.rstrip().endswith(":") and index + 1 < len(parts):
                chosen.append(parts[index + 1])  # "Finish this sentence: I feel most..."
            found = " ".join(chosen)
            return found if len(found.split()) <= MAX_PROMPT_WORDS else None
    return None


def exercise_prompt(text: str) -> Prompt:
    """Alone first (a minute to think or write), then compare with a neighbour."""
    return Prompt(text=text, phases=(
        Phase(120, GroupFormat(GroupKind.SOLO)),
        Phase(180, GroupFormat(GroupKind.PAIRS)),
    ))


def quotation(text: str) -> str | None:
    """The words of a paragraph that is one quotation, without its marks, or None."""
    stripped = text.strip()
    if not (stripped[:1] in _QUOTE_OPEN and stripped.rstrip(".")[-1:] in _QUOTE_CLOSE):
        return None
    inner = stripped.strip(_QUOTE_OPEN + _QUOTE_CLOSE + ". ").strip()
    if any(mark in inner for mark in "“”«»@") or "://" in inner:
        return None  # two quotations, a quote inside prose, or contact details
    if not MIN_QUOTE_WORDS <= len(inner.split()) <= MAX_QUOTE_WORDS:
        return None
    return inner


def react_prompt(quote: str, instruction: str) -> Prompt | None:
    """A pair discussion of a quotation (its first sentences, if it is long); None when even
    its first sentence is too long to show with the instruction."""
    room = MAX_PROMPT_WORDS - len(instruction.split())
    kept: list[str] = []
    for sentence in sentences(quote):
        if len(" ".join([*kept, sentence]).split()) > room:
            break
        kept.append(sentence)
    if not kept:
        return None
    shown = " ".join(kept) + ("" if len(kept) == len(sentences(quote)) else " …")
    return Prompt(text=f"“{shown}” {instruction}",
                  phases=(Phase(240, GroupFormat(GroupKind.PAIRS)),))
