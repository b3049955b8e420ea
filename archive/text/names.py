"""Names across a review: the forms one name is written in, and the mentions whose type
or end only the whole review settles (docs/extraction.md, "Forms of names").

- a name written family name first (`Bong Joon-ho`, `Miyazaki Hayao`) is named again by
  its first word, also in the genitive (`Bongs neuer Film`);
- a nickname in quotes inside a name (`C.J. "Fiery" Obasi`) may be left out or stand
  for the given name (`C.J. Obasi`, `Fiery Obasi`): both are that name;
- a one-word genitive that some rule took for a film or a character (`das Werk
  Ceylans`), of a surname the review gives a person, is that person;
- a name whose last word is a noun and whose other words are a name found elsewhere
  (`Moreno Ocampo Jahrzehnte später`, with `Luis Moreno Ocampo` before) ends before the noun.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from archive.text.german import is_place
from archive.text.lexicon import ARTICLES, FUNCTION_WORDS, words
from archive.text.tokens import plain, words_of
from archive.text.view import Candidate, SentenceView
from archive.text.words import POSSESSIVES, ROMANIZED_GIVEN, genitive_form, is_adjective, is_given, is_plain_noun

_NICKNAME = re.compile(r" [\"„“»«‚›][^\"„“»«‚›‹‘”]+[\"“”«»‘‹] ")


NAME_SUFFIXES = words("name_suffixes")


def surname_of(parts: list[str]) -> str:
    """The last word of a name, with the word before it when that is a suffix: `Rao Jr.`."""
    if len(parts) > 2 and parts[-1].rstrip(".") in NAME_SUFFIXES:
        return " ".join(parts[-2:])
    return parts[-1]


def family_name_forms(name: str) -> list[str]:
    """`Bong Joon-ho` -> `Bong`: the first word of a name of two words or more when it is
    no given name (so the family name is written first), no noun, place or function word;
    before a Korean or Chinese given name of two syllables, also a short given name or a
    noun (`Wong Kar-wai`, `Song Kang-ho` -> `Wong`, `Song`: where an article or an
    adjective makes it the noun, `noun_not_name` says so)."""
    parts = name.split(" ")
    first = parts[0]
    if len(parts) < 2 or len(first) < 3 or not first[:1].isupper() or "." in first \
            or first.lower() in FUNCTION_WORDS or _NICKNAME.search(name) or is_place(first):
        return []
    if family_name_first(name):
        return [first]  # the family name of a Korean or Chinese name, whatever else it is
    if is_plain_noun(first) or is_given(first):
        return []
    return [first]


def family_name_first(name: str) -> bool:
    """`Park Chan-wook`, `Wong Kar-wai`: a short word, then a Korean or Chinese given
    name of two syllables; the first word is the family name."""
    parts = name.split(" ")
    return len(parts) == 2 and 2 <= len(parts[0]) <= 5 and syllable_given_name(parts[1])


# Before a family name that is a German noun too, these make it the noun: `der Song`, `im Park`.
_NOUN_BEFORE = ARTICLES | POSSESSIVES | frozenset("im am vom zum beim ins ans aufs kein keine keinen keinem keiner "
                                                  "keines jeder jede jeden jedem dieser diese diesen diesem".split())


def noun_family_names(persons: set[str]) -> set[str]:
    """The family names written first that are German nouns too (`Song`, `Park`)."""
    return {first for name in persons for first in family_name_forms(name) if is_plain_noun(first)}


def _name_token(view: SentenceView, start: int, word: str) -> int | None:
    """The index of the token at offset `start` when it is `word` or its genitive."""
    toks = view.tokens
    k = bisect_left(toks, start, key=lambda t: t.start)
    return k if k < len(toks) and toks[k].start == start and toks[k].text in (word, word + "s") else None


def noun_surnames(persons: set[str]) -> set[str]:
    """The surnames, written last, that are German nouns too (`Mann` of Michael Mann)."""
    return {name.rsplit(" ", 1)[1] for name in persons if " " in name and is_plain_noun(name.rsplit(" ", 1)[1])}


_DEFINITE = frozenset("der die das den dem des".split())
_RELATIVE_AFTER = frozenset("mit aus von bei in an zu für über nach vor unter durch gegen um auf".split())


def surname_used_as_noun(view: SentenceView, start: int, word: str) -> bool:
    """A surname that is a German noun (`Mann`) at offset `start` is the noun after a
    determiner that no relative clause opens with (`ein Mann`, `im Mann`), an article
    and an adjective (`der vierte Mann`), or a definite article but after a comma or a
    preposition (`was das Kind tut`): `mit der Fassbinder dreht`, `, der Schneider …`
    open a clause on someone, and the name follows."""
    k = _name_token(view, start, word)
    if k is None:
        return False
    before = view.word(k - 1)
    if before[:1].islower() and is_adjective(before):  # `der vierte Mann`: an article, whichever (not `die Stimme Manns`)
        return view.word(k - 2).lower() in _NOUN_BEFORE
    before = before.lower()
    if before in _DEFINITE:  # `was das Kind tut`; not `, der Schneider …`, `mit der Fassbinder …`: a relative clause
        return view.word(k - 2) != "," and view.word(k - 2).lower() not in _RELATIVE_AFTER
    return before in _NOUN_BEFORE or before.isdigit()


def noun_not_name(view: SentenceView, start: int, word: str) -> bool:
    """A family name that is a German noun too (`Song` of `Song Kang-ho`, `Songs`), at
    offset `start`, is the noun: after an article, a possessive, a contracted
    preposition, or an adjective after one (`den Song`, `im Park`, `einen neuen Song`)."""
    k = _name_token(view, start, word)
    if k is None:
        return False
    before = view.word(k - 1)
    return before.lower() in _NOUN_BEFORE or before.isdigit() \
        or is_adjective(before) and view.word(k - 2).lower() in _NOUN_BEFORE


_ADJECTIVE_TAILS = ("artig", "haft", "esk", "like", "los", "voll", "mäßig")


def syllable_given_name(word: str) -> bool:
    """`Joon-ho`, `Kar-wai`, `Chan-wook`: two romanized syllables joined by a hyphen, the
    second lower case, as Korean and Chinese given names are written (no German compound
    has a lower-case part so short, but `Hitchcock-artig` is an adjective)."""
    return bool(ROMANIZED_GIVEN.fullmatch(word)) and not word.endswith(_ADJECTIVE_TAILS)


def nickname_forms(name: str) -> list[str]:
    """`C.J. "Fiery" Obasi` -> `C.J. Obasi`, `Fiery Obasi`: the name without its quoted
    nickname, and the nickname with the words after it."""
    match = _NICKNAME.search(name)
    if not match:
        return []
    nickname = match.group(0).strip()[1:-1]
    return [name[: match.start()] + " " + name[match.end() :], nickname + " " + name[match.end() :]]


def genitives_of_persons(text: str, found: list[tuple[Candidate, int]]) -> None:
    """A one-word genitive typed film or character (not quoted) whose stem is the surname
    of a person found in the review is that person: `das frühe Werk Ceylans`."""
    surnames = set()
    for c, _ in found:
        if c.kind == "person":
            parts = plain(text[c.start : c.end]).split(" ")
            if len(parts) > 1:
                surnames.add(parts[-1].removesuffix("s") if genitive_form(parts[-1]) else parts[-1])
                surnames.update(family_name_forms(" ".join(parts)))
    if not surnames:
        return
    for c, _ in found:
        word = text[c.start : c.end]
        if c.kind != "person" and c.rule != "film.quoted" and genitive_form(word) and " " not in word \
                and word[:-1] in surnames:
            c.kind = "person"


def cut_trailing_nouns(text: str, found: list[tuple[Candidate, int]]) -> None:
    """`Moreno Ocampo Jahrzehnte später`: a name's last word that is a noun comes off
    when the words before it are a name found in the review, or the end of one."""
    written = {plain(text[c.start : c.end]) for c, _ in found if c.kind != "film"}
    tails = {" ".join(w.split(" ")[k:]) for w in written for k in range(len(w.split(" ")))}
    for c, _ in found:
        if c.kind == "film" or c.rule == "person.credit-line":  # a credit's entry runs to its comma
            continue
        surface = text[c.start : c.end]
        words = words_of(surface)
        if len(words) < 3 or not is_plain_noun(words[-1]):
            continue
        head = surface[: surface.rfind(words[-1])].rstrip()
        if plain(head) in tails and plain(head) != plain(surface):
            c.end = c.start + len(head)


def two_surnames_apart(text: str, found: list[tuple[Candidate, int]]) -> list[tuple[Candidate, int]]:
    """`holt der echte Makhmalbaf Sabzian … ab`: two words no lexicon knows that a last
    resort took for one name, each the surname of another name found in full in the
    review (`Mohsen Makhmalbaf`, `Hossain Sabzian`), are those two: the proposal goes,
    and the second pass finds each surname as its own."""
    lasts: dict[str, set[str]] = {}
    for c, _ in found:
        words = plain(text[c.start : c.end]).split(" ")
        if c.kind != "film" and len(words) >= 2:
            lasts.setdefault(words[-1], set()).add(" ".join(words))
    out = []
    for c, s in found:
        words = plain(text[c.start : c.end]).split(" ")
        if c.cue == "unknown" and len(words) == 2 and lasts.get(words[0], set()) - {" ".join(words)} \
                and lasts.get(words[1], set()) - {" ".join(words)}:
            continue
        out.append((c, s))
    return out
