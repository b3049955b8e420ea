"""The small typed objects the text analysis returns: plain data with character offsets
into the review text (0-based, end exclusive, in code points as SQLite's substr counts).

Named tuples rather than dataclasses: they are made by the hundred thousand and passed
between processes, and a named tuple is made and pickled two to three times faster."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

Kind = Literal["person", "character", "film"]
KINDS: tuple[Kind, ...] = ("person", "character", "film")


class Sentence(NamedTuple):
    start: int
    end: int


class Mention(NamedTuple):
    start: int
    end: int
    surface: str
    kind: Kind
    name: str  # canonical: uninflected, the fullest form in the review
    sentence: int  # index into Analysis.sentences
    rule: str = ""  # the rule that found it (`film.quoted`; `occurrence`: found again)


class Entity(NamedTuple):
    kind: Kind
    name: str
    year: int | None = None  # films only, when the text gives it
    film: str | None = None  # characters only: their film, when it is not the review's film


class Role(NamedTuple):
    """`Irene (Carey Mulligan)`: the actor plays the character."""

    character: str
    actor: str


class Asked(NamedTuple):
    """What an analysis asked of the archive's names (`Known`) beyond the words of its
    text, so that a caller can tell whether more names would change it: the names and
    last words it looked for and did not find (an answer `yes` stays yes as names are
    added), the films whose characters it took (and the names it had already, which a
    film's character does not change), and the surnames it looked up."""

    names: frozenset[str] = frozenset()
    last_words: frozenset[str] = frozenset()
    films: frozenset[str] = frozenset()
    surnames: frozenset[str] = frozenset()
    characters: frozenset[str] = frozenset()  # its own characters and persons, when it took the films' characters


@dataclass(slots=True)
class Analysis:
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    subject: str | None = None  # the film the review is about, when the text makes it clear
    asked: Asked = field(default_factory=Asked, compare=False)  # of Known (archive.memory); not stored

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.text[s.start : s.end]


class Taken:
    """Which characters of a text some span already holds: `free` and `take` cost the
    length of the span, not the number of spans taken (a sentence of 8,000 names stays
    linear)."""

    __slots__ = ("_base", "_marks")

    def __init__(self, start: int, end: int):
        self._base = start
        self._marks = bytearray(max(0, end - start))

    def free(self, start: int, end: int) -> bool:
        a, b = max(0, start - self._base), min(len(self._marks), end - self._base)
        return a >= b or self._marks.find(1, a, b) < 0

    def take(self, start: int, end: int) -> None:
        a, b = max(0, start - self._base), min(len(self._marks), end - self._base)
        if a < b:
            self._marks[a:b] = b"\x01" * (b - a)
