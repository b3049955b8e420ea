"""The German lexicon: which capitalised words are ordinary nouns (in any case and
number), which are names, which are places. Compiled from Wiktionary DE by the
german-nouns package (CC BY-SA 4.0) into data/german.txt.gz by scripts/build_lexicon.py,
read once per process on first use, so commands that analyse nothing never load it."""

from __future__ import annotations

import functools
import gzip
from importlib import resources
from typing import NamedTuple


class Lexicon(NamedTuple):
    nouns: frozenset[str]  # every form of every common noun: `Briefen`, `Schwiegereltern`
    names: frozenset[str]  # given names and surnames Wiktionary tags as such
    places: frozenset[str]  # toponyms: `Kopenhagen`, `Kamakura`


@functools.cache
def lexicon() -> Lexicon:
    sections: dict[str, list[str]] = {"noun": [], "name": [], "place": []}
    data = (resources.files("archive.text") / "data" / "german.txt.gz").read_bytes()
    current: list[str] = []
    for line in gzip.decompress(data).decode("utf-8").split("\n"):
        if line.startswith("# "):
            current = sections[line[2:]]
        elif line:
            current.append(line)
    return Lexicon(frozenset(sections["noun"]), frozenset(sections["name"]), frozenset(sections["place"]))


# Compound tails shorter than this are too often the end of a name (`Hartmann`, `Rosenberg`).
_MIN_TAIL = 5


@functools.lru_cache(maxsize=131_072)
def is_noun(word: str) -> bool:
    """An ordinary German noun form (`Briefen`, `Schwiegereltern`), also when Wiktionary
    knows it as a name too (`Mann`: a cue for a name still wins over this), and a compound
    on one whose head is a noun too (`Chefsekretärin`; `Grossmutter` in Swiss spelling)."""
    nouns = lexicon().nouns
    if word in nouns:
        return True
    if "ß" not in word and "ss" in word and word.replace("ss", "ß") in nouns:
        return True
    if "-" in word:
        tail = word.rsplit("-", 1)[1]
        return tail[:1].isupper() and tail in nouns
    return _compound(word)


def _compound(word: str) -> bool:
    """Head and tail both nouns, the tail no name (`Wortmanns` is no `Wort` + `Manns`)."""
    lex = lexicon()
    for cut in range(3, len(word) - _MIN_TAIL + 1):
        tail = word[cut].upper() + word[cut + 1 :]
        if tail in lex.nouns and tail not in lex.names and _is_head(word[:cut], lex.nouns):
            return True
    return False


def _is_head(head: str, nouns: frozenset[str]) -> bool:
    """`Chef`, `Kinder`, `Liebes` (with a linking -s), `Schul` (a noun less its -e)."""
    return (head in nouns or head[-1:] == "s" and head[:-1] in nouns or head + "e" in nouns
            or head[-1:] == "n" and head[:-1] in nouns)


@functools.lru_cache(maxsize=65_536)
def is_place(word: str) -> bool:
    return word in lexicon().places


@functools.lru_cache(maxsize=65_536)
def is_listed_name(word: str) -> bool:
    """A given name or surname Wiktionary tags as such (`Park`, `Fischer`)."""
    return word in lexicon().names
