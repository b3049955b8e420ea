"""A page's layout: bylines (archive.text.sentences.byline_names, rule person.byline),
the review's title above one, a genre as a kicker or before the facts, compound cast
labels. Every text is invented for the test."""

from __future__ import annotations

import pytest
from archive.text import analyse
from archive.text.sentences import byline_names


def mentions(text: str) -> set[tuple[str, str]]:
    return {(m.surface, m.kind) for m in analyse(text).mentions}


@pytest.mark.parametrize(("line", "names"), [
    ("Von Ilse Obradović", ["Ilse Obradović"]),
    ("Kritik von Tom de Vries", ["Tom de Vries"]),
    ("Eine Filmkritik von Ute Klasen | Kategorie: Drama", ["Ute Klasen"]),
    ("Horror | Von Jonas Haase | 14.11.2025", ["Jonas Haase"]),
    ("von Kai-Uwe Brenning · 3. Mai 2024 · Superhelden", ["Kai-Uwe Brenning"]),
    ("Text: Mira Kurz und Tom Ellery", ["Mira Kurz", "Tom Ellery"]),
    ("Von Anfang an", []),
    ("Von Wölfen und Schafen", []),
    ("Ein Film von Ilse Obradović, der lange nachwirkt und uns fragt, wer wir sind, und was bleibt", []),
])
def test_a_byline_gives_its_names_and_other_lines_none(line, names):
    assert [line[a:b] for a, b in byline_names(line)] == names


BODY = "\n\n".join(10 * ["Ein Reiter kommt in das Dorf am Ende der Straße, und niemand grüßt ihn, weder der Wirt noch "
                         "die Kinder, die ihm nachsehen, bis er hinter der Kirche verschwindet."]) + "\n"


def test_the_name_in_a_byline_is_a_person_and_the_title_above_it_is_the_film():
    text = "Der letzte Winter\nKritik von Ilse Obradović\n\nWestern, A/D 2014, 115 Min.\nRegie: Tom Ellery\n\n" + BODY
    found = mentions(text)
    assert ("Ilse Obradović", "person") in found and ("Der letzte Winter", "film") in found
    assert not any("Kritik" in surface for surface, _ in found)


def test_a_title_stands_over_a_subtitle_and_a_byline_before_the_credit_block():
    text = ("Der Hof muss bleiben\nErbschaft mit Hund: zwei Städter ziehen aufs Land\n\nVon Mira Kurz\n\n"
            "Komödie, D 2025, 98 Min.\nRegie: Tom Ellery\n\n" + BODY)
    found = mentions(text)
    assert ("Der Hof muss bleiben", "film") in found and ("Mira Kurz", "person") in found
    assert not any(surface.startswith("Von") for surface, _ in found)


def test_a_genre_alone_over_the_heading_is_a_kicker_and_the_next_line_the_title():
    text = ("Animationsfilm\nPip und die Stadt unter dem Eis\nEin kleiner Roboter rettet die Welt\n\nVon Mira Kurz\n\n"
            "Regie: Tom Ellery\nD 2025, 89 Min.\n\n" + BODY)
    found = mentions(text)
    assert ("Pip und die Stadt unter dem Eis", "film") in found
    assert ("Pip", "character") not in found


def test_a_compound_cast_label_opens_a_cast_list_and_a_genre_before_the_facts_is_no_title():
    text = ("Pip und die Stadt unter dem Eis\n\nAnimation, USA 2015, 95 Min.\nRegie: Tom Ellery\n"
            "Originalstimmen: Ute Klasen (Zorn), Mira Kurz (Bommel), Jonas Haase (Riley)\n\n" + BODY)
    a = analyse(text)
    found = {(m.surface, m.kind) for m in a.mentions}
    assert {("Zorn", "character"), ("Bommel", "character"), ("Ute Klasen", "person")} <= found
    assert ("Zorn", "Ute Klasen") in {(r.character, r.actor) for r in a.roles}
    assert ("Animation", "film") not in found
