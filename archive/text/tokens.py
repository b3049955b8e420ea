"""Words, numbers and punctuation of a sentence, each with its offsets in the review."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

# A word may hold inner apostrophes and hyphens (M’Barek, Coster-Waldau, Pusher-Reihe);
# a trailing apostrophe (Werenfels’ Film) is punctuation, not part of the word.
# Zero-width joiners and spaces and soft hyphens inside a word belong to it (`Gos\u200dling`).
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_TOKEN = re.compile(rf"[^\W\d_][\w{INVISIBLE}]*(?:['’ʼ\-‐][^\W_][\w{INVISIBLE}]*)*|\d+(?:[.,]\d+)*|\S", re.UNICODE)
_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))
INVISIBLE_TABLE = _INVISIBLE  # for str.translate: invisible characters left out
INVISIBLE_ORDS = frozenset(_INVISIBLE)
HAS_INVISIBLE = re.compile(f"[{INVISIBLE}]")


def plain(text: str) -> str:
    """A name as stored: white space runs as one space, invisible characters gone."""
    return " ".join((text if text.isascii() else text.translate(_INVISIBLE)).split())  # the invisible are not ASCII


class Token(NamedTuple):
    start: int
    end: int
    text: str
    is_word: bool  # starts with a letter
    is_cap: bool  # starts with an upper-case letter
    is_number: bool


def make_token(start: int, end: int, text: str) -> Token:
    first = text[0]
    return Token(start, end, text, first.isalpha(), first.isupper(), first.isdigit())


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    tokens = []
    # The hottest loop of the analysis. Only whitespace lies between tokens, so each
    # word's offset is where it is next found: cheaper than a match object per token.
    append, new, find, pos = tokens.append, tuple.__new__, text.find, start
    for word in _TOKEN.findall(text, start, end):
        begin = find(word, pos)
        pos = begin + len(word)
        first = word[0]
        append(new(Token, (begin, pos, word, first.isalpha(), first.isupper(), first.isdigit())))
    return tokens


@lru_cache(maxsize=65_536)
def words_of(text: str) -> tuple[str, ...]:
    """The words and signs of a short text such as a name; cached, as names recur."""
    return tuple(_TOKEN.findall(text))
