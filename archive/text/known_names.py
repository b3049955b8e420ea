"""What a review's analysis asks of the archive's names (`Known`), asked so that what
it looked for is noted (`Asked`): the archive's memory (archive/memory.py) then knows
whether names stored later could change this analysis."""

from __future__ import annotations

import re

from archive.text.lexicon import Known
from archive.text.tokens import HAS_INVISIBLE, INVISIBLE_TABLE


class Written:
    """The names a review writes and the archive's, asked as one (without copying the
    archive's into the review's); what the archive lacks is noted, for `Asked`."""

    def __init__(self, written: set[str], known: Known):
        self.written, self.known = written, known
        self.last_words = {f.rsplit(" ", 1)[1] for f in written if " " in f}
        self.missed_names: set[str] = set()
        self.missed_last_words: set[str] = set()

    def names(self, stem: str) -> bool:
        """`stem` is named (whole, or as the last word of a longer name), here or in the archive."""
        known = self.known
        if stem in self.written or stem in known.persons or stem in known.films:
            return True
        last = stem.split(" ")[-1]
        if last in self.last_words or last in known.last_words:
            return True
        self.missed_names.add(stem)
        self.missed_last_words.add(last)
        return False


class KnownSurnames:
    """`Haneke` alone is `Michael Haneke` when the archive knows exactly one person of
    that surname and the review writes out no full name with it (its own persons and
    characters come first); a name a keeper's decision speaks of stays as written, so
    the decision holds. The surnames looked up are kept, for `Asked`."""

    def __init__(self, known: Known, review_names: set[str]):
        self.known = known
        self.review_surnames = {n.rsplit(" ", 1)[1] for n in review_names if " " in n}
        self.asked: set[str] = set()

    def full_name(self, surname: str) -> str | None:
        if surname in self.review_surnames or surname in self.known.decided:
            return None
        self.asked.add(surname)
        persons = self.known.by_surname.get(surname, ())
        return persons[0] if len(persons) == 1 else None


_RUNS = re.compile(r"\w+")


def written_words(text: str) -> set[str]:
    """Every run of word characters in the review, invisible characters left out."""
    return set(_RUNS.findall(text.translate(INVISIBLE_TABLE) if HAS_INVISIBLE.search(text) else text))


def any_word_written(name: str, runs: set[str]) -> bool:
    """A name none of whose words the review writes (as such, capitalised, or with a
    genitive -s) can change nothing in it: a known character is left out then (a film's
    characters add up to hundreds in an archive)."""
    for part in name.split(" "):
        parts = _RUNS.findall(part)
        if parts and all(any(form in runs for form in _forms(r)) for r in parts):
            return True
    return False


def _forms(run: str) -> tuple[str, str, str, str]:
    """The ways a review may write a name's word: as such, with a genitive -s,
    capitalised, both."""
    capital = run[:1].upper() + run[1:]
    return run, run + "s", capital, capital + "s"


def _first_words(name: str):
    """The forms (`_forms`) of the first run of each part of `name`: one of them is among
    the review's words whenever any_word_written says yes."""
    for part in name.split(" "):
        parts = _RUNS.findall(part)
        if parts:
            yield from _forms(parts[0])


class CharacterWords:
    """One film's known characters by the words that may show them written
    (`_first_words`), so that which of them a review writes costs its words, or the
    index's, whichever are fewer, not a test of every name: a film's characters add up to
    hundreds in an archive, and testing each cost a tenth of the analysis. Kept up to
    date in place as the film's characters change (archive/memory.py)."""

    __slots__ = ("by_word",)

    def __init__(self, names=()):
        self.by_word: dict[str, set[str]] = {}
        for name in names:
            self.add(name)

    def add(self, name: str) -> None:
        for word in _first_words(name):
            self.by_word.setdefault(word, set()).add(name)

    def discard(self, name: str) -> None:
        for word in _first_words(name):
            names = self.by_word.get(word)
            if names is not None:
                names.discard(name)
                if not names:
                    del self.by_word[word]

    def written(self, runs: set[str], persons: set[str]) -> set[str]:
        """The characters, not among `persons`, some word of whom the review writes
        (any_word_written), given the review's word runs."""
        by_word = self.by_word
        if len(by_word) < len(runs):
            hits = [names for word, names in by_word.items() if word in runs]
        else:
            hits = [by_word[word] for word in runs if word in by_word]
        if not hits:
            return set()
        return {name for name in set().union(*hits) if name not in persons and any_word_written(name, runs)}


def known_characters(known: Known, title: str, runs: set[str], persons: set[str]) -> set[str]:
    """The characters the archive knows for the film `title` that the review may name:
    some word of theirs is written (any_word_written) and they are no person of it. The
    index of each film is made on the first ask and kept with `known` (a live one keeps
    it up to date itself: archive.memory.Names)."""
    cache = known.__dict__.get("character_words")
    if cache is None:
        cache = known.__dict__["character_words"] = {}
    words = cache.get(title)
    if words is None:
        words = cache[title] = CharacterWords(known.characters.get(title, ()))
    return words.written(runs, persons)
