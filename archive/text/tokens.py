"""Words, numbers and punctuation of a sentence, each with its offsets in the review."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word may hold inner apostrophes and hyphens (M’Barek, Coster-Waldau, Pusher-Reihe);
# a trailing apostrophe (Werenfels’ Film) is punctuation, not part of the word.
_TOKEN = re.compile(r"[^\W\d_][\w]*(?:['’ʼ\-‐][^\W_][\w]*)*|\d+(?:[.,]\d+)*|\S", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()

    @property
    def is_number(self) -> bool:
        return self.text[0].isdigit()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, start, end)]
