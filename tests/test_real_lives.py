"""A biopic's figures are real persons (GUIDELINES.md), found by what the review says of
its film: a biopic noun, a life told, a title of rule or a family noun before one name."""

from archive.text import analyse

FILLER = "Die Bilder sind ruhig und der Schnitt ist genau. " * 30


def kinds(text):
    return {(m.surface, m.kind) for m in analyse(text).mentions}


def test_a_film_about_the_last_weeks_of_someone_tells_a_real_life():
    text = ("Tove Haarvik hat einen Film über die letzten Wochen von Ilse Obradović gedreht.\n\n"
            "Mit: Ute Klasen (Ilse Obradović), Lena Kurz (Mira), Tom Ellery (Konrad Vestergaard)\n\n"
            "Obradović schreibt in Paris, Vestergaard schweigt. Mira lacht.")
    found = kinds(text)
    assert ("Ilse Obradović", "person") in found and ("Konrad Vestergaard", "person") in found
    assert ("Ilse Obradović", "character") not in found
    assert ("Mira", "character") in found  # one name alone, no cue: an invented friend


def test_a_film_about_the_last_days_of_a_war_tells_no_life():
    text = ("Tove Haarvik hat einen Film über die letzten Tage des Krieges gedreht.\n\n"
            "Mit: Ute Klasen (Hilde Sarnow), Tom Ellery (Konrad Vestergaard)")
    found = kinds(text)
    assert ("Hilde Sarnow", "character") in found and ("Konrad Vestergaard", "character") in found


def test_in_a_biopic_a_title_of_rule_or_a_family_noun_makes_one_name_real():
    text = ("Das Biopic „Die Reiterin“ erzählt ein Jahr aus dem Leben einer Herrscherin.\n\n"
            "Ute Klasen spielt Kaiserin Ottilie, Tom Ellery den Vater Bertram. "
            "Ottilie reitet, Bertram trinkt. Ihre Freundin Mira lacht.")
    found = kinds(text)
    assert ("Ottilie", "person") in found and ("Bertram", "person") in found
    assert ("Mira", "character") in found  # a friend may be invented: no cue


def test_a_figure_the_review_calls_invented_stays_a_character_in_a_biopic():
    text = ("Das Biopic „Die Reiterin“ folgt Ute Klasen als Hilde Sarnow.\n\n"
            "Dazu kommt eine erfundene Figur: die Schwester Mira Sarnow, gespielt von Lena Kurz.")
    found = kinds(text)
    assert ("Hilde Sarnow", "person") in found
    assert ("Mira Sarnow", "character") in found


def test_a_biopic_noun_late_counts_but_on_a_page_of_several_films_only_in_its_paragraph():
    one = ("Die Reiterin\n\nUte Klasen spielt Hilde Sarnow, Tom Ellery ihren Mann Konrad Sarnow. " + FILLER
           + "\n\nDas ist ein herkömmliches Biopic, aber ein gutes.")
    assert ("Hilde Sarnow", "person") in kinds(one)
    page = ("Die Reiterin\nDrama, D 2020, 101 Min.\n\nUte Klasen spielt Hilde Sarnow. " + FILLER
            + "\n\nNachtfahrt\nMusikfilm, GB 2018, 133 Min.\n\n"
            "Der Rest ist brav erzähltes Biopic. Tom Ellery spielt Konrad Vestergaard.")
    found = kinds(page)
    assert ("Konrad Vestergaard", "person") in found
    assert ("Hilde Sarnow", "character") in found


def test_a_biopic_compound_on_a_figure_late_in_a_review_is_another_film():
    text = ("Die Reiterin\n\nUte Klasen spielt Hilde Sarnow. " + FILLER
            + "\n\nFrüher drehte er das Peter-Pan-Biopic „Nachtflug“.")
    assert ("Hilde Sarnow", "character") in kinds(text)
