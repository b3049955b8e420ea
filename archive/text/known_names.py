"""What a review's analysis asks of the archive's names (`Known`), asked so that what
it looked for is noted (`Asked`): the archive's memory (archive/memory.py) then knows
whether names stored later could change this analysis."""

from __future__ import annotations

import re

from archive.text.lexicon import Known
from archive.text.tokens import INVISIBLE_TABLE


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
    return set(_RUNS.findall(text.translate(INVISIBLE_TABLE)))


def any_word_written(name: str, runs: set[str]) -> bool:
    """A name none of whose words the review writes (as such, capitalised, or with a
    genitive -s) can change nothing in it: a known character is left out then (a film's
    characters add up to hundreds in an archive)."""
    for part in name.split(" "):
        parts = _RUNS.findall(part)
        if parts and all(r in runs or r + "s" in runs or (r[:1].upper() + r[1:]) in runs
                         or (r[:1].upper() + r[1:] + "s") in runs for r in parts):
            return True
    return False
