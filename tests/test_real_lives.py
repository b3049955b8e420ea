"""A biopic's figures are real persons (GUIDELINES.md), found by what the review says of
its film: a biopic noun, a life told, a title of rule or a family noun before one name."""

from analysed import kinds
from archive.text import analyse

FILLER = "Die Bilder sind ruhig und der Schnitt ist genau. " * 30



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
            "Dazu kommt eine erfundene Figur: die Schwester Mira Sarnow, gespielt von Lena Kurz. Mira lacht.")
    found = kinds(text)
    assert ("Hilde Sarnow", "person") in found
    assert ("Mira Sarnow", "character") in found
    assert ("Mira", "person") not in found


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


def test_the_true_story_of_someone_makes_them_and_their_given_name_real_but_not_the_invented_friend():
    text = ("Der reiche Konrad (Tom Ellery) stellt den Pfleger Jonas (Ute Klasen) ein. "
            "Der Film erzählt nach der wahren Geschichte von Konrad Vestergaard und seinem Helfer.")
    found = kinds(text)
    assert ("Konrad Vestergaard", "person") in found and ("Konrad", "person") in found
    assert ("Jonas", "character") in found


def test_a_title_of_a_true_story_in_quotes_names_no_one():
    found = kinds("Sein Thriller „Nach einer wahren Geschichte“ läuft an. Hilde Sarnow (Ute Klasen) schreibt.")
    assert ("Hilde Sarnow", "character") in found


def test_a_figure_someone_portrayed_is_real_also_by_one_name_when_a_young_actor_plays_him():
    text = ("Tove Haarvik hat den Maler und Bildhauer Ottokar Brenning porträtiert. "
            "Sein Enkel Tom Ellery spielt den jungen Ottokar.")
    found = kinds(text)
    assert ("Ottokar", "person") in found and ("Ottokar", "character") not in found


def test_they_all_lived_makes_the_family_named_in_its_sentence_real():
    text = ("Der Vater Bertram, ein Sänger, die Mutter Ottilie – sie alle hat es gegeben. "
            "Ihre Freundin Mira (Lena Kurz) lacht.")
    found = kinds(text)
    assert ("Bertram", "person") in found and ("Ottilie", "person") in found
    assert ("Mira", "character") in found
    found = kinds(text.replace("sie alle hat es gegeben", "sie alle hat es nie gegeben"))
    assert ("Bertram", "person") not in found


def test_a_film_that_tells_the_life_of_someone_makes_the_family_it_names_real():
    text = ("Der Film „Klangwelt“ erzählt das Leben Ottokar Brennings.\n\n"
            "Ottokar erzählt von seinem Vater Bertram, einem Trompeter. Seine Nachbarin Mira lacht.")
    found = kinds(text)
    assert ("Bertram", "person") in found
    assert ("Mira", "character") in found
    found = kinds(text.replace("erzählt das Leben Ottokar Brennings", "erzählt vom Leben einer Familie"))
    assert ("Bertram", "character") in found


def test_someone_a_documentary_maker_has_filmed_is_real():
    text = "Tove Haarvik hat ihren Großvater Bertram Klasen gefilmt, einen Bergmann aus dem Norden."
    assert ("Bertram Klasen", "person") in kinds(text)
    assert ("Bertram Klasen", "character") in kinds(text.replace("hat ihren", "zeigt ihren").replace(" gefilmt", ""))


def test_in_a_biopic_a_figure_introduced_by_namens_stays_a_character():
    text = ("Das Biopic „Die Stimme“ folgt Ute Klasen als Hilde Sarnow. Später spielt die Sängerin "
            "in einem Krimi eine Pianistin namens Mira Vestergaard.")
    found = kinds(text)
    assert ("Hilde Sarnow", "person") in found
    assert ("Mira Vestergaard", "character") in found


def test_a_biopic_named_late_in_a_comparison_or_a_negation_makes_no_one_real():
    base = "Die Reiterin\n\nUte Klasen spielt Hilde Sarnow. " + FILLER + "\n\n"
    for late in ("Anders als ein klassisches Biopic erklärt der Film nichts.", "Der Film ist kein Biopic."):
        assert ("Hilde Sarnow", "character") in kinds(base + late), late
    assert ("Hilde Sarnow", "person") in kinds(base + "Der Film ist ein klassisches Biopic.")


def test_a_life_s_years_after_a_figure_make_it_real_but_a_film_s_year_does_not():
    text = "Ute Klasen spielt Hilde Sarnow (1898–1936) mit großer Ruhe. Hilde schreibt."
    found = kinds(text)
    assert ("Hilde Sarnow", "person") in found and ("Hilde Sarnow", "character") not in found
    assert ("Hilde Sarnow", "character") in kinds(text.replace(" (1898–1936)", ""))


def test_a_portrait_of_someone_unknown_introduced_by_ein_or_namens_names_no_real_person():
    found = kinds("Der Film porträtiert eine Lehrerin namens Hilde Sarnow (Ute Klasen), die in Kiel lebt.")
    assert ("Hilde Sarnow", "character") in found
    found = kinds("Der Film porträtiert die Lyrikerin Hilde Sarnow (Ute Klasen), die in Kiel lebte.")
    assert ("Hilde Sarnow", "person") in found


def test_a_figure_the_review_names_as_an_author_of_a_cited_work_is_a_real_person():
    text = ("Im Sommer 1816 treffen sich Dichter am See. Maren Vogt (Greta Lind) schreibt nachts. "
            "Maren Vogts Roman „Der Eisgarten“ wird noch heute gelesen. "
            "Auch Ilka Brandt (Ute Klasen) schreibt, doch Vogt liest nichts davon.")
    assert {("Maren Vogt", "person"), ("Vogt", "person"), ("Ilka Brandt", "character")} <= kinds(text)
    without = text.replace("Maren Vogts Roman „Der Eisgarten“ wird noch heute gelesen. ", "")
    assert ("Maren Vogt", "character") in kinds(without)


def test_a_true_crime_series_or_a_film_after_a_non_fiction_book_plays_real_people():
    crime = ("Die neue Serie ist True Crime: ein Mord in Kiel.\n\n"
             "Ute Klasen spielt die Nachbarin Hilde Sarnow. Tom Ellery spielt den Täter Konrad Vestergaard.")
    book = ("Der Film folgt dem Sachbuch von Greta Lindholm.\n\n"
            "Ute Klasen spielt die Nachbarin Hilde Sarnow. Tom Ellery spielt den Täter Konrad Vestergaard.")
    fiction = ("Die neue Krimiserie erzählt von einem Mord in Kiel.\n\n"
               "Ute Klasen spielt die Nachbarin Hilde Sarnow. Tom Ellery spielt den Täter Konrad Vestergaard.")
    for text in (crime, book):
        found = kinds(text)
        assert ("Hilde Sarnow", "person") in found and ("Konrad Vestergaard", "person") in found
        assert ("Hilde Sarnow", "character") not in found
    assert ("Hilde Sarnow", "character") in kinds(fiction) and ("Konrad Vestergaard", "character") in kinds(fiction)


def test_one_who_acts_in_the_review_is_a_real_person_when_someone_plays_them():
    text = ("Eine Woche im Juni: acht Filme mit Ute Klasen.\n\n"
            "In „Die Reiterin“ spielt Ute Klasen die junge Mira, die sich in einen Fischer verliebt.\n\n"
            "Zum Abschluss „Drei Tage am Meer“: Lena Kurz spielt Ute Klasen bei einem Interview, "
            "Tom Ellery den Fotografen Konrad Vestergaard.")
    found = kinds(text)
    assert ("Ute Klasen", "person") in found and ("Ute Klasen", "character") not in found
    assert ("Mira", "character") in found and ("Lena Kurz", "person") in found


def test_a_film_about_a_ruler_named_by_title_tells_a_real_life_and_her_name_alone_is_hers():
    text = ("Ute Klasens Film über Kaiserin Ottilie ist kein Kostümfilm.\n\n"
            "Lena Kurz (Ottilie) reitet, Tom Ellery (Bertram Vohs) trinkt. Ottilie raucht. Ihre Freundin Mira lacht.")
    found = kinds(text)
    assert ("Ottilie", "person") in found and ("Bertram Vohs", "person") in found
    assert ("Ottilie", "character") not in found
    assert ("Mira", "character") in found


def test_the_short_life_of_a_painter_told_is_a_real_life():
    text = ("Ute Klasens Maler-Film „Farben“ will das kurze Leben des Wiener Malers erzählen.\n\n"
            "Mit: Tom Ellery (Konrad Vestergaard), Lena Kurz (Hilde Sarnow)\n\nVestergaard malt, Hilde Sarnow sitzt Modell.")
    found = kinds(text)
    assert ("Konrad Vestergaard", "person") in found and ("Hilde Sarnow", "person") in found


def test_a_film_about_a_boy_by_his_given_name_tells_no_real_life():
    text = ("Ute Klasens Film über Jonas ist ein Märchen.\n\n"
            "Mit: Tom Ellery (Jonas Brenning), Lena Kurz (Hilde Sarnow)")
    found = kinds(text)
    assert ("Jonas Brenning", "character") in found and ("Hilde Sarnow", "character") in found


def test_a_name_after_a_noun_for_a_public_office_is_a_real_person_played():
    text = ("Der Krieg ist verloren, doch die Generäle wollen weiterkämpfen. Tom Ellery spielt den Zentrumspolitiker "
            "Ewald Brennicke, der um einen Waffenstillstand ringt, den ihm Marschall Obradin (Jonas Haase) verweigert. "
            "Brennicke gibt nicht auf. Ihr Freund Paul Kranich (Ute Klasen) stirbt in der ersten Nacht.")
    kinds_of = {m.surface: m.kind for m in analyse(text).mentions}
    assert kinds_of["Ewald Brennicke"] == "person" and kinds_of["Brennicke"] == "person"
    assert kinds_of["Obradin"] == "person" and kinds_of["Jonas Haase"] == "person"
    assert kinds_of["Paul Kranich"] == "character"


def test_in_a_biopic_one_name_after_a_noun_for_a_trade_is_a_real_person():
    text = ("Tove Haarvik hat einen Film über die letzten Jahre von Ilse Obradović gedreht. Die Tänzerin Mirela "
            "(Ute Klasen) bleibt bei ihr, und Obradović vertraut ihr. Im Dorf lacht Pim (Tom Ellery), ein Kind.")
    found = kinds(text)
    assert ("Mirela", "person") in found and ("Mirela", "character") not in found
    assert ("Pim", "character") in found  # no trade before it: an invented figure
