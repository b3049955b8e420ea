"""Word knowledge the extractor uses: given names (shipped by Faker, MIT), and small
hand-written lists of German words that cue a person, a character or a work, one list
per word class in data/words/ (data apart from code, as spaCy keeps `lang/de/`).

The lists name kinds of words (role nouns, function words), never names or titles of
any particular review: the extractor must generalize to reviews it has not seen."""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources


def words(name: str) -> frozenset[str]:
    """A word list from data/words/NAME.txt, one list per word class: one word a line,
    `#` starts a comment. Lists name kinds of words, never names or titles of a review."""
    text = (resources.files("archive.text") / "data" / "words" / f"{name}.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.split("\n") for w in line.split("#", 1)[0].split())


# Words that look like given names in some locale but are German words first (not
# `Martin`, `Mark`, `Will`: far more often names than words in film writing).
NOT_GIVEN_NAMES = words("not_given_names")

FUNCTION_WORDS = words("function_words") | words("pronominal_adverbs")
RULER_TITLES = words("ruler_titles")  # `Kaiserin Elisabeth`: a historical person's title
ARTICLES = words("articles")

# Before these in a compound, a capitalized word is a title: `Pusher-Reihe`.
SERIES_HEADS = words("series_heads")
# A name in a compound before these is a mention: Pusher-Reihe, Tarantino-Film, Gosling-Faible.
COMPOUND_HEADS = SERIES_HEADS | words("compound_heads")

# Given names that are German nouns too: after an article they are the noun (`der Roman`).
GIVEN_NAMES_THAT_ARE_NOUNS = words("given_names_that_are_nouns")

# Nouns that introduce a work: `sein neuer Film Drive`, `der Thriller „Shut In“`.
WORK_NOUNS = words("work_nouns")

# Nouns that introduce a real person: `Regisseur Refn`, `der britische Darsteller Rupert Everett`.
PERSON_NOUNS = words("person_nouns")

# Nouns that introduce a fictional person: `Figur des Travis Bickle`, `Nachbarin Irene`.
CHARACTER_NOUNS = words("character_nouns")
KIN_NOUNS = words("kin_nouns")
# Everyday person nouns: `Brad Sloan, ein Mann in den besten Jahren` introduces a
# character; real people are introduced by role nouns (`Refn, der Regisseur`).
EVERYDAY_PERSON_NOUNS = words("everyday_person_nouns") | KIN_NOUNS
# Forms of address and ranks: before a name, never part of it (`Madame Swiney`, `General Friedrichs`).
ADDRESS_TITLES = words("address_titles")
# Before a play verb these make the names after it the actors: `Die Hauptrollen spielen X und Y`.
CAST_NOUNS = words("cast_nouns")
PLAY_VERBS = words("play_verbs")
NAME_PARTICLES = words("name_particles")
# Only after one of the above: `von der Leyen`, `van den Berg`, `de la Iglesia`.
SECOND_PARTICLES = words("second_particles")
# Broadcasters and streaming services: `Netflix-Serie` names no title.
CHANNELS = words("channels")
ORGANISATION_ACRONYMS = words("organisation_acronyms")
ENGLISH_TITLE_STARTS = words("english_title_starts")
# Credit lines at the end of a review: `Regie: …`, `Mit: …`; `Originaltitel: …`.
CREDIT_LABELS = words("credit_labels")
TITLE_LABELS = words("title_labels")
CAST_LABELS = words("cast_labels")
VERSION_WORDS = words("version_words")  # `Director’s Cut`, `Langfassung`: a version, no title

@functools.cache
def given_names() -> frozenset[str]:
    """Given names of every locale Faker ships (about 30,000), minus German words."""
    import faker.providers.person as person_providers

    names: set[str] = set()
    for module in pkgutil.iter_modules(person_providers.__path__):
        try:
            provider = importlib.import_module(f"{person_providers.__name__}.{module.name}").Provider
        except Exception:  # a locale that fails to import only costs its names
            continue
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary",
                     "first_romanized_names"):  # `Akira` beside `明`
            value = next((base.__dict__[attr] for base in provider.__mro__ if attr in base.__dict__), None)
            if isinstance(value, dict):
                value = value.keys()
            if isinstance(value, (list, tuple, set, frozenset, type({}.keys()))):
                names.update(n for n in value if isinstance(n, str) and n[:1].isupper() and " " not in n)
    return frozenset(names - NOT_GIVEN_NAMES)


@dataclass(frozen=True)
class Known:
    """What the archive already knows, so a later review finds it without any cue:
    real persons by their full name, films by their title (both of more than one word:
    a single word is too often also a German word), and the characters of each film,
    found again in a review that names that film."""

    persons: frozenset[str] = field(default_factory=frozenset)
    films: frozenset[str] = field(default_factory=frozenset)
    characters: dict[str, frozenset[str]] = field(default_factory=dict)
    # What one review's metadata names (its director and cast, its characters, the films
    # it is about): taken as written out in that review, so every further occurrence is
    # found, a surname or a first name alone too.
    review_persons: frozenset[str] = field(default_factory=frozenset)
    review_characters: frozenset[str] = field(default_factory=frozenset)
    review_films: frozenset[str] = field(default_factory=frozenset)
    # Names a keeper's decision speaks of (archive/curation.py): the analysis keeps them
    # as written, so the decision finds them (a surname alone is not made a full name).
    decided: frozenset[str] = field(default_factory=frozenset)

    @functools.cached_property
    def by_first_word(self) -> dict[str, "NamesFrom"]:
        """Known persons and films by the first word of their name."""
        index: dict[str, NamesFrom] = {}
        for names, kind in ((self.persons, "person"), (self.films, "film")):
            for name in names:
                index.setdefault(name.split(" ")[0], NamesFrom()).add(name, kind)
        return index

    @functools.cached_property
    def last_words(self) -> frozenset[str]:
        """The last word of every known person's name and film's title of two words or more."""
        return frozenset(name.rsplit(" ", 1)[1] for names in (self.persons, self.films) for name in names if " " in name)

    @functools.cached_property
    def by_surname(self) -> dict[str, tuple[str, ...]]:
        """Known persons of two words or more by their last word, names sorted."""
        index: dict[str, list[str]] = {}
        for name in self.persons:
            if " " in name:
                index.setdefault(name.rsplit(" ", 1)[1], []).append(name)
        return {surname: tuple(sorted(names)) for surname, names in index.items()}

    def plus(self, persons: Iterable[str] = (), films: Iterable[str] = (),
             characters: dict[str, Iterable[str]] | None = None, **review) -> "Known":
        """This knowledge and more (`review`: the review_* fields, which replace), its indexes
        extended rather than built again: a bulk ingest grows the archive's names review by
        review, and an index of all of them costs milliseconds where the new names cost
        microseconds."""
        new_persons, new_films = frozenset(persons) - self.persons, frozenset(films) - self.films
        by_film = dict(self.characters)
        for title, names in (characters or {}).items():
            names = frozenset(names)
            if not names <= by_film.get(title, frozenset()):
                by_film[title] = by_film.get(title, frozenset()) | names
        fields = {f: getattr(self, f) for f in ("review_persons", "review_characters", "review_films", "decided")}
        fields.update(review)
        grown = Known(self.persons | new_persons, self.films | new_films, by_film, **fields)
        cached = self.__dict__  # the indexes this one has built, extended for the new names alone
        if "by_first_word" in cached:
            index, copied = dict(cached["by_first_word"]), set()
            for names, kind in ((new_persons, "person"), (new_films, "film")):
                for name in names:
                    first = name.split(" ")[0]
                    if first not in copied:  # copied on write: this one's entries stay as they are
                        index[first] = index[first].copy() if first in index else NamesFrom()
                        copied.add(first)
                    index[first].add(name, kind)
            grown.__dict__["by_first_word"] = index
        if "last_words" in cached:
            grown.__dict__["last_words"] = frozenset(cached["last_words"]) | {
                name.rsplit(" ", 1)[1] for name in new_persons | new_films if " " in name}
        if "character_words" in cached:  # archive.text.known_names.known_characters: films whose characters stay
            grown.__dict__["character_words"] = {title: words for title, words in cached["character_words"].items()
                                                 if by_film.get(title) is self.characters.get(title)}
        if "by_surname" in cached:
            index = dict(cached["by_surname"])
            for name in new_persons:
                if " " in name:
                    surname = name.rsplit(" ", 1)[1]
                    index[surname] = tuple(sorted((*index.get(surname, ()), name)))
            grown.__dict__["by_surname"] = index
        return grown

    @classmethod
    def from_database(cls, conn) -> "Known":
        persons = frozenset(r[0] for r in conn.execute("SELECT name FROM person WHERE kind = 'person' AND name LIKE '% %'"))
        films = frozenset(r[0] for r in conn.execute("SELECT DISTINCT title FROM film WHERE title LIKE '% %'"))
        characters: dict[str, set[str]] = {}
        for title, name in conn.execute(
            "SELECT f.title, p.name FROM person p JOIN film f ON f.id = p.film_id WHERE p.kind = 'character'"
        ):
            characters.setdefault(title, set()).add(name)
        return cls(persons, films, {t: frozenset(names) for t, names in characters.items()})


def _longest_first(entry: tuple[str, str]) -> tuple[int, str, str]:
    """Longest name first, then by name and kind: an order that no set's order decides."""
    return -len(entry[0]), entry[0], entry[1]


class NamesFrom:
    """The known names that begin with one word: their lengths in words, longest first,
    and by their words, the (name, kind) pairs, so that a token costs a lookup per length
    however many names begin with it (`Anna` begins hundreds)."""

    __slots__ = ("lengths", "by_words")

    def __init__(self):
        self.lengths: list[int] = []
        self.by_words: dict[tuple[str, ...], list[tuple[str, str]]] = {}

    def copy(self) -> "NamesFrom":
        other = NamesFrom()
        other.lengths = list(self.lengths)
        other.by_words = {words: list(names) for words, names in self.by_words.items()}
        return other

    def add(self, name: str, kind: str) -> None:
        words = tuple(name.split(" "))
        same = self.by_words.setdefault(words, [])
        if (name, kind) not in same:
            same.append((name, kind))
            same.sort(key=_longest_first)
        if len(words) not in self.lengths:
            self.lengths.append(len(words))
            self.lengths.sort(reverse=True)

    def remove(self, name: str, kind: str) -> None:
        words = tuple(name.split(" "))
        same = self.by_words.get(words, [])
        if (name, kind) in same:
            same.remove((name, kind))
        if not same:
            self.by_words.pop(words, None)
            self.lengths = sorted({len(w) for w in self.by_words}, reverse=True)
