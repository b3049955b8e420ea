"""Figures named in full with a nickname the story gives them, and the nickname's name
(GUIDELINES: the fullest form of the figure's name). Invented sentences only."""

from archive.text import analyse
from analysed import kinds


def test_a_full_name_with_a_nickname_in_apposition_is_a_figure():
    for text in ("Im Büro sitzt Ewald Kranich, genannt Schnecke, und sortiert Akten.",
                 "Sein Opfer ist Ewald Kranich, von allen nur Schnecke genannt, ein Bürobote.",
                 "Hinzu kommt Ewald Kranich, den alle nur Schnecke nennen, mit seinem Hund."):
        found = kinds(text)
        assert ("Ewald Kranich", "character") in found, text
        assert ("Schnecke", "character") in found, text
        assert ("Ewald Kranich", "person") not in found, text


def test_the_nickname_is_named_by_the_full_name_every_time():
    mentions = analyse("Dazu kommt Lotte Braake, genannt Motte, die Wirtin. Später lacht Motte laut.").mentions
    assert [(m.surface, m.name) for m in mentions if m.surface == "Motte"] == [("Motte", "Lotte Braake")] * 2


def test_a_name_with_no_nickname_after_it_stays_a_person():
    found = kinds("Regie führte Ewald Kranich, genannt wird er selten.")
    assert ("Ewald Kranich", "person") in found
    found = kinds("Gedreht hat Ewald Kranich, den alle kennen, in Köln.")
    assert ("Ewald Kranich", "person") in found
