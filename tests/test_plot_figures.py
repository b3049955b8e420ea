"""Figures of a plot summary that no actor introduces, found by what the story makes
them (an occupation, a rank, a nickname, kin) and not taken for the film's makers.
Invented sentences only."""

from archive.text import analyse


def kinds(text):
    return {(m.surface, m.kind) for m in analyse(text).mentions}


def test_an_everyday_occupation_before_a_name_makes_a_figure_also_as_a_compound():
    found = kinds("Sie wohnt bei dem Kioskbesitzer Varek und der alten Haushälterin Ilmira. "
                  "Dann hilft ihr der Automechaniker Torvik.")
    assert {("Varek", "character"), ("Ilmira", "character"), ("Torvik", "character")} <= found


def test_a_film_makers_noun_before_a_name_makes_a_person_not_a_figure():
    found = kinds("Am Set trifft man die Stuntfrau Tina Kurz und den Kostümbildner Jonas Haase.")
    assert ("Tina Kurz", "person") in found and ("Jonas Haase", "person") in found
    assert not any(kind == "character" for _, kind in found)


def test_a_weak_kin_noun_declined_before_a_name_makes_a_figure():
    found = kinds("Als man ihm und seinem Kollegen Varek etwas vorwirft, schweigt er.")
    assert ("Varek", "character") in found


def test_a_detectives_rank_before_a_name_makes_a_figure_but_not_before_a_noun():
    found = kinds("Der Fall geht gut aus, weil Kommissar Varek ein Rezept mitbringt.")
    assert ("Varek", "character") in found
    assert not any(kind == "character" for _, kind in kinds("Am Ende hilft nur Kommissar Zufall."))
