"""Person or character, when one review's cues disagree about one name.

The first pass types each proposal by its own cue; a name may get both types (`Die
Journalistin X …` makes X a figure of a story, `Produktion: X` a real person). The
second pass spreads one type over every mention of the name, in the review and in the
archive, so the choice between the cues is worth more than any one of them:

- a part with its actor (brackets, a cast list) or the object of a play verb is a
  character, whatever else is said of the name;
- otherwise a crew credit (`Regie:`, `Produktion:` …) or being the actor a rule pairs
  with a part makes the name a person, over a noun or apposition that made it a figure;
- a name typed character by any other cue is a character throughout;
- a full name found only by its given name (no other cue) whose first name is a
  character is that character (`Amélie Poulain …`, later `Amélie, die Kellnerin`),
  unless it is an actor (`Julia Kurz und Tom Ellery spielen die Eltern Julia und Tobias`)
  or another part holds that given name in full;
- two names joined by `alias` share the type;
- a full name found only by its given name that bears the surname of a part named in
  full is of that part's family (`Rosa Hartung (…)`, `Kristine Hartung`), one whose
  surname alone is a part is that part (`spielt den Stromberg`, `Bernd Stromberg`).

Before that, `orient_pairs` reads each `X (Y)` pair the way the rest of the review says:
a bracket's order is a guess, a credit, a role noun or a play verb elsewhere is not.
"""

from __future__ import annotations

from collections import Counter

from archive.text.names import syllable_given_name
from archive.text.view import Candidate

# Cues that name a part as such: no credit or actor pairing outweighs them.
PART_CUES = frozenset({"bracket", "cast-list", "play-object"})

# Pairs whose order is a guess: `Figur (Darsteller)` is the rule in prose, `Darsteller
# (Figur)` in a cast list, but both are written the other way round too.
_TWO_WAY = frozenset({"character.bracket", "character.cast-list"})
_BRACKETED = _TWO_WAY | {"film.after-person-in-brackets"}
# Cues that make a name a real person by themselves (a given name does not: figures have them).
_PERSON_CUES = frozenset({"role-cue", "work-cue", "paren-actor", "cast-list", "known"})
_CHARACTER_CUES = frozenset({"play-object", "character-cue", "bracket", "cast-list", "known"})


def orient_pairs(found: list[tuple[Candidate, int]], names: dict[int, str], text: str) -> None:
    """Turn round the `X (Y)` pairs whose order the rest of the review contradicts: where
    the name taken for the part is a real person by a cue of its own elsewhere (a crew
    credit, a role noun, the actor of a play verb) or the name taken for the actor is a
    part elsewhere (a play verb's object, a kin noun), the other reading holds. The
    entries of one list share an order: one the review contradicts turns those it says
    nothing of too. Names are compared whole or by their last word (`Hader` for `Josef
    Hader`). Only evidence from outside such pairs counts, so two of them cannot turn
    each other round."""
    if not any(c.rule in _BRACKETED for c, _ in found):
        return  # most reviews: no pair to read
    _surnames_in_brackets(found, names, text)
    _actors_in_brackets(found, names, text)
    by_span = {(c.start, c.end): c for c, _ in found}
    entries: dict[tuple[int, str], list[tuple[Candidate, Candidate]]] = {}
    for c, s in found:
        if c.kind == "character" and c.pair and c.rule in _TWO_WAY:
            actor = by_span.get(c.pair)
            if actor is not None and actor.kind == "person" and actor.rule == c.rule:
                entries.setdefault((s, c.rule), []).append((c, actor))
    if not entries:
        return
    inside = {id(x) for group in entries.values() for pair in group for x in pair}
    full = {names[id(c)] for c, _ in found if c.kind != "film" and " " in names[id(c)]}
    surnames = Counter(name.rsplit(" ", 1)[1] for name in full)
    givens = {name.split(" ", 1)[0] for name in full}
    persons, characters = _Names(surnames, givens), _Names(surnames, givens)
    for c, _ in found:
        if id(c) in inside:
            continue
        if c.kind == "person" and (c.cue in _PERSON_CUES or c.rule == "person.credit-line"):
            persons.add(names[id(c)])
        elif c.kind == "character" and c.cue in _CHARACTER_CUES:
            characters.add(names[id(c)])
            if c.pair and c.pair in by_span and id(by_span[c.pair]) not in inside:
                persons.add(names[id(by_span[c.pair])])  # the actor of a play verb, `gespielt von`
    for group in entries.values():
        said = [persons.has(names[id(a)]) - characters.has(names[id(a)])
                + characters.has(names[id(c)]) - persons.has(names[id(c)]) for c, a in group]
        total = sum(said)
        for (c, actor), score in zip(group, said):
            if score < 0 or score == 0 and total < 0:
                _turn(c, actor)


def _surnames_in_brackets(found: list[tuple[Candidate, int]], names: dict[int, str], text: str) -> None:
    """`Ethan Hunt (Cruise)`: a full name, then in brackets one word that the review uses
    as a person's surname (`Tom Cruise`) and no part's, is a part and its actor, not a
    person and a film (`Julia Brandt (Hidden Harbour)`) nor an actor and a part named by
    a given name (`Kurt Haase (Aaron)`, where `Aaron` is the surname of `Tom Aaron`)."""
    inner = [c for c, _ in found if (c.rule == "film.after-person-in-brackets" or c.rule == "character.bracket"
                                     and c.kind == "character") and " " not in names[id(c)]
             and text[c.start - 1 : c.start] == "(" and text[c.end : c.end + 1] == ")"]
    if not inner:
        return
    surnames = {names[id(c)].rsplit(" ", 1)[1] for c, _ in found if c.kind == "person" and " " in names[id(c)]} \
        - {names[id(c)].rsplit(" ", 1)[1] for c, _ in found if c.kind == "character" and " " in names[id(c)]}
    inner = [c for c in inner if names[id(c)] in surnames]
    by_end = {c.end: c for c, _ in found if c.kind != "film"}
    for c in inner:
        named = by_end.get(c.start - 2)
        if named is None or text[c.start - 2] != " " or " " not in names[id(named)]:
            continue
        if c.kind == "character":
            _turn(c, named)
        else:
            c.kind, c.cue = "person", "paren-actor"
            named.kind, named.cue, named.pair = "character", "bracket", (c.start, c.end)
            named.rule = c.rule = "bracket-actor-surname"  # a second-pass reading, like `known-surname`


def _actors_in_brackets(found: list[tuple[Candidate, int]], names: dict[int, str], text: str) -> None:
    """`Mila Sahin (Almila Bagriacik)`: a full name, then in brackets a name read as a film
    (its given name no list knows) that the review credits as a person elsewhere (`Mit:
    Almila Bagriacik`): a part and its actor, as `Figur (Darsteller)` is in prose."""
    credited = {names[id(c)] for c, _ in found if c.kind == "person" and c.cue in _PERSON_CUES
                and c.rule != "film.after-person-in-brackets"}
    by_end = {c.end: c for c, _ in found if c.kind == "person"}
    for c, _ in found:
        if c.rule != "film.after-person-in-brackets" or names[id(c)] not in credited or " " not in names[id(c)] \
                or text[c.start - 1 : c.start] != "(" or text[c.end : c.end + 1] not in (")", ","):
            continue
        named = by_end.get(c.start - 2)
        if named is not None and text[c.start - 2] == " " and named.cue == "given":
            c.kind, c.cue = "person", "paren-actor"
            named.kind, named.cue, named.pair = "character", "bracket", (c.start, c.end)
            named.rule = c.rule = "bracket-actor-credited"  # a second-pass reading, like `bracket-actor-surname`


def _turn(character: Candidate, actor: Candidate) -> None:
    """The pair the other way round: the actor is the part, the part the actor."""
    character.kind, actor.kind = "person", "character"
    character.cue, actor.cue = actor.cue, character.cue
    actor.pair, character.pair = (character.start, character.end), None


class _Names:
    """Names, looked up whole, or a surname alone as the last word of a full name and the
    other way round (`Hader`, `Josef Hader`) when the review names only one person of
    that surname in full (`Kaurismäki` may be `Aki` or `Mika Kaurismäki`); two full names
    only whole (`Olivier Dietrich` is not `Jürgen Dietrich`); a word alone that opens
    another full name is that one's given name (`Oliver` of `Oliver Quick` is not the
    actress `Alison Oliver`)."""

    def __init__(self, surnames: dict[str, int], givens: set[str] = frozenset()) -> None:
        self.whole: set[str] = set()
        self.last: set[str] = set()
        self.surnames = surnames  # how many full names of the review end in each word
        self.givens = givens  # the first words of the review's full names

    def add(self, name: str) -> None:
        self.whole.add(name)
        if " " in name:
            self.last.add(name.rsplit(" ", 1)[1])

    def has(self, name: str) -> int:
        if name in self.whole:
            return 1
        last = name.rsplit(" ", 1)[-1]
        if self.surnames.get(last, 0) != 1:
            return 0
        return int(last in self.whole and last not in self.givens if " " in name else name in self.last)


def typed_names(found: list[tuple[Candidate, int]], names: dict[int, str],
                text: str = "") -> tuple[set[str], set[str], set[str]]:
    """The review's (characters, persons, given_only) from the first pass's proposals;
    `given_only`: persons found by a given name and no other cue, whose given name is no
    part's named in full (so a lone use of it is not theirs)."""
    characters = {names[id(c)] for c, _ in found if c.kind == "character"}
    parts = {names[id(c)] for c, _ in found if c.kind == "character" and c.cue in PART_CUES}
    actors = _actors(found, names)
    credited = {names[id(c)] for c, _ in found if c.kind == "person" and c.rule == "person.credit-line"}
    # one who plays a part is real, so a part of that name is a real person played (`Marie
    # Bäumer spielt Romy Schneider`, where `Romy Schneider spielt Elisabeth` too): a person
    characters -= actors | (credited - parts)
    strong = {names[id(c)] for c, _ in found if c.kind == "person" and c.cue != "given"} | actors
    # `Amélie Poulain …`, later `Amélie, die Kellnerin`; not when a part of that given name
    # is named in full (`Otto Kranz (Tom Ellery)` … `Otto Waalkes`: the lone `Otto` is his)
    taken = {name.split(" ")[0] for name in characters
             if " " in name and not syllable_given_name(name.split(" ")[1])}  # `Park Doo-man`: a family name first
    characters |= {names[id(c)] for c, _ in found if c.kind == "person" and c.cue == "given"
                   and names[id(c)] not in strong and names[id(c)].split(" ")[0] in characters - taken}
    characters |= _aliases_of(found, names, text, characters) - strong
    characters |= _relatives_of_parts(found, names, parts) - strong
    persons = {names[id(c)] for c, _ in found if c.kind == "person"} - characters
    given_only = {names[id(c)] for c, _ in found if c.kind == "person" and c.cue == "given"
                  and names[id(c)].split(" ")[0] not in taken} - strong - characters
    return characters, persons, given_only


def _relatives_of_parts(found: list[tuple[Candidate, int]], names: dict[int, str], parts: set[str]) -> set[str]:
    """`Rosa Hartung (Iben Dorner)` … `Kristine Hartung`: a full name found by its given
    name only, whose surname a part named in full bears, is of that part's family in
    the story (a real person sharing a part's surname would be named by a cue of theirs);
    one whose surname is a part by itself (`spielt den Stromberg`) is that part."""
    families = {name.rsplit(" ", 1)[-1] for name in parts}
    return {names[id(c)] for c, _ in found if c.kind == "person" and c.cue == "given" and " " in names[id(c)]
            and names[id(c)].rsplit(" ", 1)[1] in families}


def _aliases_of(found: list[tuple[Candidate, int]], names: dict[int, str], text: str, characters: set[str]) -> set[str]:
    """`Wade Wilson alias Deadpool (…)`: two names joined by `alias` are one figure's (or
    one real person's: `Reginald Dwight alias Elton John`), so the other name of a
    character is a character too, and the part's actor plays it."""
    if " alias " not in text:
        return set()
    by_start = {c.start: c for c, _ in found if c.kind != "film"}
    out = set()
    for c, _ in found:
        if c.kind != "film" and text.startswith(" alias ", c.end):
            other = by_start.get(c.end + len(" alias "))
            if other is not None:
                first, second = names[id(c)], names[id(other)]
                out |= {first} if second in characters else {second} if first in characters else set()
                if second in characters and other.pair and not c.pair:
                    c.pair = other.pair  # and played by the same actor (the cast comes from pairs)
    return out


def _actors(found: list[tuple[Candidate, int]], names: dict[int, str]) -> set[str]:
    """Persons a rule pairs with a part: the whole pair span, or its end (`Regisseur X als Y`)."""
    ends: dict[int, int] = {}
    for c, _ in found:
        if c.pair:
            ends[c.pair[1]] = min(c.pair[0], ends.get(c.pair[1], c.pair[0]))
    return {names[id(c)] for c, _ in found
            if c.kind == "person" and c.end in ends and c.start >= ends[c.end]}
