"""Texts as the phrase lists expect them: lower case, accents and punctuation gone, plus
the spellings people use to get past a filter (leetspeak, spaced letters, stretched letters).

`variants(text)` returns every reading worth screening; a phrase that matches any of them
counts. Readings are built only when they differ, so plain answers cost one regex pass.
"""

from __future__ import annotations

import re
import unicodedata

# Digits and symbols read as letters, only inside a word that also has a letter
# ("su1cide", "k!ll", "$elf"), so "24/7" or "3 people" stay numbers.
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b",
                       "@": "a", "$": "s", "!": "i", "|": "i", "+": "t"})
_LEET_WORD = re.compile(r"[\w@$!|+]*[a-z][\w@$!|+]*|[\w@$!|+]*[@$!|][\w@$!|+]*")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d"})
_NOT_WORD = re.compile(r"[^a-z0-9' ]+")
_SPACES = re.compile(r"\s+")
# Three or more single letters in a row ("s u i c i d e", "k.m.s" once dots are spaces).
_SPACED = re.compile(r"\b(?:[a-z0-9] ){2,}[a-z0-9]\b")
_STRETCHED = re.compile(r"([a-z])\1{2,}")


def plain(text: str) -> str:
    """Lower case, no accents, curly quotes straightened, punctuation as single spaces."""
    text = text.lower().translate(_APOSTROPHES).translate(_SPECIAL)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(ch))
    return text


def _words(text: str) -> str:
    return _SPACES.sub(" ", _NOT_WORD.sub(" ", text)).strip()


def _deleet_word(word: str) -> str:
    # "die!" and "why?!" end a sentence: only symbols inside a word stand for letters.
    core = word.strip("!|+")
    start = word.find(core) if core else 0
    return word[:start] + core.translate(_LEET) + word[start + len(core):]


def _deleet(text: str) -> str:
    return _LEET_WORD.sub(lambda m: _deleet_word(m.group(0)), text)


def variants(text: str) -> tuple[str, ...]:
    """The readings of `text` to screen: as written, de-leeted, spaced letters joined and
    stretched letters squeezed ("diiiie")."""
    base = plain(text)
    readings = [_words(base)]
    deleeted = _words(_deleet(base))
    joined = _SPACED.sub(lambda m: m.group(0).replace(" ", ""), readings[0])
    for reading in (deleeted, _words(_deleet(joined)), _STRETCHED.sub(r"\1", deleeted)):
        if reading not in readings:
            readings.append(reading)
    return tuple(readings)
