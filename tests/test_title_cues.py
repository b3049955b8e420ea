"""Cues of unquoted titles that must not fire (archive.text.rules.titles): a cast list's
brackets, an actor's surname in brackets, a place in the genitive after a work noun.
Every sentence is invented; each test says what must be found, not only what must not."""

from __future__ import annotations

from archive.text import analyse


def kinds(text: str) -> dict[str, str]:
    return {m.surface: m.kind for m in analyse(text).mentions}


def test_brackets_in_a_cast_list_hold_parts_not_films():
    found = kinds("Mit Tom Ellery (Jonas Haase), Ute Klasen (Berti), Milo Klasen.")
    assert "Jonas Haase" in found and "film" not in found.values()
    assert kinds("Dass Julia Brandt (Hidden Harbour) hier überzeugt, freut uns.")["Hidden Harbour"] == "film"


def test_an_actors_surname_in_brackets_is_no_film_when_the_review_names_the_actor_in_full():
    found = kinds("Tom Stormfield ist der Star. Ethan Kade (Stormfield) will die Maschine zerstören.")
    assert found["Tom Stormfield"] == "person" and "film" not in found.values()


def test_a_place_in_the_genitive_after_a_work_noun_is_no_title_but_a_place_named_title_is():
    assert "film" not in kinds("Es war einer der erfolgreichsten Filme Südkoreas.").values()
    assert kinds("Das war sein Film Casablanca, den alle kennen.")["Casablanca"] == "film"


def test_a_word_put_before_der_film_alone_is_no_title_but_a_title_said_to_be_the_film_of_something_is():
    found = {m.surface: m.kind for m in analyse(
        "Stark ist der Film dort, wo er schweigt. Schwächer ist der Film, wo er erklärt. "
        "Nachtfähre ist der Film, den alle sehen wollen.").mentions}
    assert found == {"Nachtfähre": "film"}
