"""TV series in reviews: a season or an episode names its series, a channel's compound
is a work noun, and the investigators of crime series are figures. Invented sentences only."""

from analysed import kinds


def test_a_season_or_an_episode_names_its_series_not_a_person_who_made_it():
    found = kinds("Die dritte Staffel von The Long Dusk zeigt die Familie im Exil. "
                  "In der Pilotfolge von Harbour Lights (2019) stirbt der Vater.")
    assert {("The Long Dusk", "film"), ("Harbour Lights", "film")} <= found
    assert not any(kind == "person" for _, kind in found)


def test_after_an_episode_a_full_name_stays_its_director_and_a_consequence_no_title():
    assert ("Jim Jarmusch", "person") in kinds("Die stärkste Episode von Jim Jarmusch spielt in einem Taxi.")
    assert kinds("Eine Folge von Fehlern führt die Heldin ins Unglück.") == set()


def test_a_channels_compound_of_a_work_noun_names_the_title_after_it():
    found = kinds("In der Netflix-Serie Kaltfront spielt Jella Haase eine Agentin.")
    assert ("Kaltfront", "film") in found and ("Jella Haase", "person") in found
    assert not any("Netflix" in surface for surface, _ in found)


def test_an_investigator_by_trade_before_a_name_is_a_figure_with_or_without_an_article():
    found = kinds("Ermittler Janek Olbrich verhört den Hausmeister. "
                  "Später ruft die Profilerin Mara Lindqvist an, und Meisterdetektiv Albin Voss lacht.")
    assert {("Janek Olbrich", "character"), ("Mara Lindqvist", "character"), ("Albin Voss", "character")} <= found


def test_a_series_keeps_its_name_beside_the_cinema_film_made_of_it():
    from archive.text import analyse
    text = "Die Serie Bürohölle lief fünf Staffeln. Dann kam „Bürohölle – Der Film“. Bürohölle bleibt besser."
    names = {(m.surface, m.name) for m in analyse(text).mentions if m.kind == "film"}
    assert ("Bürohölle – Der Film", "Bürohölle – Der Film") in names
    assert ("Bürohölle", "Bürohölle") in names and ("Bürohölle", "Bürohölle – Der Film") not in names
