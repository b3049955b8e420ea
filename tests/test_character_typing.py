"""Person or character, and characters no actor introduces: the cues and the
arbitration between them (GUIDELINES.md). Invented sentences only."""

from archive.text import analyse


def kinds(text):
    return {(m.surface, m.kind) for m in analyse(text).mentions}


def test_a_title_with_its_maker_and_year_in_brackets_is_a_film_not_a_part():
    found = kinds("Erwähnt werden:\n\nNordlicht (Greta Lindholm, 2014)\nDie stille Bucht (Tom Ellery, 2019)\n\n"
                  "Wer Nordlicht mag, mag auch das.")
    assert ("Nordlicht", "film") in found and ("Greta Lindholm", "person") in found
    assert not any(kind == "character" for _, kind in found)


def test_an_actor_in_brackets_without_a_year_still_makes_a_character():
    found = kinds("Im Haus wohnt Mira (Ute Klasen, 28) mit ihrem Hund.")
    assert ("Mira", "character") in found and ("Ute Klasen", "person") in found
