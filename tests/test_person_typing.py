"""Who is real and who is invented: the cues that type a name person or character
(GUIDELINES.md: real persons stay persons, even when a film portrays them)."""

from archive.text import analyse


def kinds(text):
    return {(m.surface, m.kind) for m in analyse(text).mentions}


def test_a_full_name_in_apposition_with_a_definite_kin_noun_stays_a_person():
    found = kinds("Ihre wichtigste Zeugin ist Selma Oktay, die Witwe, die bis heute den Nachlass verwaltet.")
    assert ("Selma Oktay", "person") in found
    assert ("Selma Oktay", "character") not in found


def test_an_everyday_noun_in_apposition_still_makes_a_character():
    found = kinds("Brad Sloan, ein Mann in den besten Jahren, zweifelt. Später steht Lena, die schüchterne Kellnerin, im Regen.")
    assert ("Brad Sloan", "character") in found
    assert ("Lena", "character") in found


def test_a_relative_clause_after_a_name_is_no_apposition():
    analysis = analyse("Der Film zeigt Jonas Ellery, der den Häftling Bruno Kade spielte, in einem Interview.")
    found = {(m.surface, m.kind) for m in analysis.mentions}
    assert ("Jonas Ellery", "person") in found  # the actor, by the play verb closing the clause
    assert ("Bruno Kade", "character") in found  # the noun before it is no part of the name
    assert [(r.character, r.actor) for r in analysis.roles] == [("Bruno Kade", "Jonas Ellery")]


def test_a_noun_listed_after_a_name_starts_no_name_but_a_full_name_does():
    found = kinds("Die Försterin Lotte Brandauer, Polizeichefin von Warnstedt, und Tom Ellery, Ute Klasen ermitteln.")
    assert not any(surface.startswith("Polizeichefin") for surface, _ in found)
    assert ("Tom Ellery", "person") in found and ("Ute Klasen", "person") in found
