"""The works an actor is known from (archive.text.rules.known_from): every sentence is
invented for the test; each test says what must be found, not only what must not."""

from __future__ import annotations

from archive.text import analyse


def kinds(text: str) -> dict[str, str]:
    return {m.surface: m.kind for m in analyse(text).mentions}


def test_the_works_between_aus_and_kennt_are_films_whatever_words_they_hold():
    found = kinds("Ute Klasen, die man aus Nordlicht und Kalter Hafen kennt, spielt die Mutter.")
    assert found == {"Ute Klasen": "person", "Nordlicht": "film", "Kalter Hafen": "film"}


def test_kennt_man_aus_and_bekannt_aus_take_the_works_to_the_clauses_end():
    assert kinds("Tom Ellery kennt man aus Wellenbrecher und Dark, hier ist er der Vater.") == {
        "Tom Ellery": "person", "Wellenbrecher": "film", "Dark": "film"}
    assert kinds("Ute Klasen, bekannt aus Nordlicht, Kalter Hafen und Dark, spielt mit.") == {
        "Ute Klasen": "person", "Nordlicht": "film", "Kalter Hafen": "film", "Dark": "film"}


def test_a_place_a_plural_noun_a_genitive_or_an_idiom_after_aus_is_no_work():
    assert kinds("Tom Ellery, den man aus Berlin kennt, trifft Ute Klasen, die man aus Interviews kennt.") == {
        "Tom Ellery": "person", "Ute Klasen": "person"}
    assert kinds("Wer Tom Ellery aus Tschechows Stücken kennt, staunt.") == {"Tom Ellery": "person"}
    assert kinds("Wer aus Erfahrung spricht, kennt das, und Tom Ellery kennt man durch Zufall.") == {"Tom Ellery": "person"}
    assert not any(kind == "film" for kind in kinds("Ute Klasen ist bekannt aus Funk und Fernsehen.").values())


def test_a_work_noun_after_aus_leaves_the_title_to_its_own_rule():
    found = kinds("Ute Klasen, die man aus der Serie Nachtfalter kennt, spielt die Chefin.")
    assert found == {"Ute Klasen": "person", "Nachtfalter": "film"}
    found = kinds("Ute Klasen, die man aus Serien wie Nachtfalter kennt, spielt die Chefin.")
    assert "Serien wie Nachtfalter" not in found and found.get("Ute Klasen") == "person"
