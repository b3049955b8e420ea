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
  unless it is an actor (`Julia Kurz und Tom Ellery spielen die Eltern Julia und Tobias`).
"""

from __future__ import annotations

from archive.text.view import Candidate

# Cues that name a part as such: no credit or actor pairing outweighs them.
PART_CUES = frozenset({"bracket", "cast-list", "play-object"})


def typed_names(found: list[tuple[Candidate, int]], names: dict[int, str]) -> tuple[set[str], set[str], set[str]]:
    """The review's (characters, persons, given_only) from the first pass's proposals;
    `given_only`: persons found by a given name and no other cue."""
    characters = {names[id(c)] for c, _ in found if c.kind == "character"}
    parts = {names[id(c)] for c, _ in found if c.kind == "character" and c.cue in PART_CUES}
    actors = _actors(found, names)
    credited = {names[id(c)] for c, _ in found if c.kind == "person" and c.rule == "person.credit-line"}
    characters -= (actors | credited) - parts
    strong = {names[id(c)] for c, _ in found if c.kind == "person" and c.cue != "given"} | actors
    characters |= {names[id(c)] for c, _ in found if c.kind == "person" and c.cue == "given"
                   and names[id(c)] not in strong and names[id(c)].split(" ")[0] in characters}
    persons = {names[id(c)] for c, _ in found if c.kind == "person"} - characters
    given_only = {names[id(c)] for c, _ in found if c.kind == "person" and c.cue == "given"} - strong - characters
    return characters, persons, given_only


def _actors(found: list[tuple[Candidate, int]], names: dict[int, str]) -> set[str]:
    """Persons a rule pairs with a part: the whole pair span, or its end (`Regisseur X als Y`)."""
    ends: dict[int, int] = {}
    for c, _ in found:
        if c.pair:
            ends[c.pair[1]] = min(c.pair[0], ends.get(c.pair[1], c.pair[0]))
    return {names[id(c)] for c, _ in found
            if c.kind == "person" and c.end in ends and c.start >= ends[c.end]}
