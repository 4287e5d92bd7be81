"""An extractive summariser: pick an article's key sentences for the facilitator's notes.

No model, no download: each sentence is scored by where it sits (a paragraph's first
sentence usually carries its point), by how many of the passage's frequent content words
it uses, and by cue phrases writers use for their main claims ("the danger is", "here's
the truth"). The best sentences are kept in their original order, so the notes still read
as the article's own argument.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

# Split after . ! ? or … (and any closing quotes) when a capital, digit or quote follows.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»)]*\s+(?=[\"'“‘(«„¿¡]?[A-Z0-9À-ÖØ-ÞĂÂÎȘȚ])")
_WORD = re.compile(r"[^\W\d_][\w'’-]+")
_STOPWORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because
    been before being below between both but by can can't cannot could did didn't do does
    doesn't doing don't down during each even every few for from further get gets getting
    go goes going got had has have having he her here here's hers herself him himself his
    how i i'd i'll i'm i've if in into is isn't it it's its itself just know let let's like
    me more most much must my myself no nor not now of off on once one only or other our
    ours ourselves out over own really same she should so some still such than that that's
    the their theirs them themselves then there there's these they they're thing things
    this those through to too under until up us very was wasn't way we we're were what
    what's when where which while who whom why will with won't would you you'd you'll
    you're you've your yours yourself yourselves yes yet""".split()
) | frozenset(
    # The function words of the other languages articles arrive in (French, Spanish, German,
    # Romanian), so their key sentences are picked by content too.
    """alors aussi avec avoir beaucoup c'est ce cela ces cet cette comme dans des donc dont
    elle elles est et être fait faire il ils les leur leurs lui mais même mes moins mon
    nous on ont ou où par pas plus pour qu'il que quel quelle qui sans ses son sont sur
    tout tous très une vos votre vous été ça l'on d'un d'une qu'un
    al algo como con cuando del desde donde el ella ellos en entre era es esa ese eso esta
    este esto estos fue han hay las los más muy nos o para pero por porque puede que se
    ser si sin sobre son su sus también tiene todo tu tus un una uno usted y ya
    aber als auch auf aus bei bin bis da dann das dass dem den der des die dies diese
    doch durch ein eine einem einen einer es für hat haben ich ihr ihre im ist kann mit
    nach nicht noch nur oder sich sie sind so um und uns von vor war was wenn wie wir
    wird zu zum zur über
    acest această care cu de din după este fi iar în la mai mult nu pe pentru sau se
    sunt un una și ca""".split()
)
# Sentences that lean on the one before: "It's...", "This is...", "They...".
_DANGLING = re.compile(r"^(it|it['’]s|this|that|these|those|they|they['’]re|he|she)\b", re.I)
# Said with a comma before a quotation: "I've heard, “Well, ...”".
_QUOTE_HEAVY = re.compile(r"[,:]\s*[“\"]")
_CUE = re.compile(
    r"\b(the (danger|point|truth|key|problem|risk|goal|question) is|here'?s|in fact|"
    r"means|matters|important|evidence|the hardest|the scariest|remember|crucial)\b",
    re.IGNORECASE,
)


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph; a quotation of several sentences stays in one piece."""
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start:match.start()]
        inside_curly = before.count("“") > before.count("”")
        inside_straight = before.count('"') % 2 == 1
        if inside_curly or inside_straight:
            continue
        pieces.append(before)
        start = match.end()
    pieces.append(text[start:])
    return [piece.strip() for piece in pieces if piece.strip()]


def content_words(text: str) -> list[str]:
    words = _WORD.findall(text.lower().replace("’", "'"))
    return [word for word in words if word not in _STOPWORDS and len(word) > 2]


@dataclass(frozen=True)
class _Scored:
    order: int
    text: str
    score: float
    paragraph: int = 0


def _score_all(paragraphs: list[str], title: str = "") -> list[_Scored]:
    frequency = Counter(word for para in paragraphs for word in content_words(para))
    # The heading says what the passage is about: its words count as the most frequent.
    top = max(frequency.values(), default=1)
    for word in content_words(title):
        frequency[word] = max(frequency[word], top)
    scored: list[_Scored] = []
    order = 0
    for para_index, para in enumerate(paragraphs):
        for sent_index, sentence in enumerate(sentences(para)):
            words = content_words(sentence)
            length = len(sentence.split())
            # fsum: exact whatever the order, and a set's order follows the hash seed; a plain
            # sum let near-ties flip, so one article gave two drafts from run to run.
            keyword = (math.fsum(frequency[word] / top for word in set(words))
                       / math.sqrt(len(words) + 1))
            position = (1.0 if sent_index == 0 else 0.5) + (0.4 if para_index == 0 else 0.0)
            cue = 0.6 if _CUE.search(sentence) else 0.0
            # Fragments ("Meh.") and run-ons read badly in notes.
            shape = -1.0 if length < 5 else (-0.6 if length > 40 else 0.0)
            # A lead-in ("Here's the thing:") or a quotation is rarely the point itself.
            if sentence.rstrip().endswith(":"):
                shape -= 1.0
            if sentence.lstrip()[:1] in "\"“‘'" or _QUOTE_HEAVY.search(sentence):
                shape -= 0.8
            if _DANGLING.match(sentence):
                shape -= 0.3  # "It's a set of commitments..." needs the sentence before it
            scored.append(_Scored(order, sentence, keyword + position + cue + shape, para_index))
            order += 1
    return scored


def key_sentences(
    paragraphs: list[str], limit: int | None = None, title: str = ""
) -> list[str]:
    """The key sentences of the paragraphs, in article order.

    By default about a third of the sentences are kept (at least one, at most six), which
    turns a page of prose into a few lines a facilitator can glance at mid-session.
    """
    scored = _score_all([para for para in paragraphs if para.strip()], title)
    if not scored:
        return []
    if limit is None:
        limit = min(6, max(1, round(len(scored) / 3)))
    best = sorted(scored, key=lambda item: (-item.score, item.order))[:limit]
    return [item.text for item in sorted(best, key=lambda item: item.order)]


def headline(paragraphs: list[str], max_words: int = 22, title: str = "") -> str:
    """The single best short sentence, for a slide body; empty if none is short enough."""
    short = [
        item for item in _score_all(paragraphs, title)
        if 5 <= len(item.text.split()) <= max_words and not item.text.endswith(":")
    ]
    if not short:
        return ""
    best = max(short, key=lambda item: (item.score, -item.order))
    if _DANGLING.match(best.text):
        # Keep a short sentence that the pronoun points back to: "Ethics isn't a feeling."
        before = [
            item for item in _score_all(paragraphs, title)
            if item.order == best.order - 1 and item.paragraph == best.paragraph
        ]
        if before and len(before[0].text.split()) <= 10:
            return f"{before[0].text} {best.text}"
    return best.text
