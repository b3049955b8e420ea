"""Who is real and who is invented: the cues that type a name person or character
(GUIDELINES.md: real persons stay persons, even when a film portrays them)."""

from archive.text import analyse
from analysed import kinds



def test_a_full_name_in_apposition_with_a_definite_kin_noun_stays_a_person():
    found = kinds("Am Telefon meldet sich Selma Oktay, die Witwe, und lädt uns ein.")
    assert ("Selma Oktay", "person") in found
    assert ("Selma Oktay", "character") not in found


def test_an_everyday_noun_in_apposition_still_makes_a_character():
    found = kinds("Brad Sloan, ein Mann in den besten Jahren, zweifelt. Später steht Lena, die schüchterne Kellnerin, im Regen.")
    assert ("Brad Sloan", "character") in found
    assert ("Lena", "character") in found


def test_a_relative_clause_after_a_name_is_no_apposition():
    analysis = analyse("Wir sehen Jonas Ellery, der den Schmuggler Bruno Kade spielte, beim Proben.")
    found = {(m.surface, m.kind) for m in analysis.mentions}
    assert ("Jonas Ellery", "person") in found  # the actor, by the play verb closing the clause
    assert ("Bruno Kade", "character") in found  # the noun before it is no part of the name
    assert [(r.character, r.actor) for r in analysis.roles] == [("Bruno Kade", "Jonas Ellery")]


def test_a_noun_listed_after_a_name_starts_no_name_but_a_full_name_does():
    found = kinds("Die Ärztin Lotte Brandauer, Bürgermeisterin von Warnstedt, und Tom Ellery, Ute Klasen ermitteln.")
    assert not any(surface.startswith("Bürgermeisterin") for surface, _ in found)
    assert ("Tom Ellery", "person") in found and ("Ute Klasen", "person") in found


BIOPIC = ("Das Biopic „Die Denkerin“ erzählt vom Leben einer Philosophin.\n\n"
          "Mit: Ute Klasen (Hilde Sarnow), Tom Ellery (Konrad Sarnow), Lena Kurz (Mira)\n\n"
          "Hilde Sarnow (Ute Klasen) schreibt in New York. Ihre Freundin Mira lacht.")


def test_in_a_biopic_the_figures_named_in_full_are_real_persons():
    found = kinds(BIOPIC)
    assert ("Hilde Sarnow", "person") in found and ("Konrad Sarnow", "person") in found
    assert ("Ute Klasen", "person") in found
    assert ("Hilde Sarnow", "character") not in found
    assert ("Mira", "character") in found  # one name alone: an invented friend stays a character


def test_the_same_cast_outside_a_biopic_is_a_cast_of_characters():
    found = kinds(BIOPIC.replace("Das Biopic", "Das Drama"))
    assert ("Hilde Sarnow", "character") in found and ("Konrad Sarnow", "character") in found


def test_a_biopic_named_late_in_passing_is_another_film():
    text = BIOPIC.replace("Das Biopic", "Das Drama") + " Ganz anders als sein Biopic von damals." 
    text = text.replace("Mira lacht.", "Mira lacht. " + "Der Film ist lang und die Bilder sind ruhig. " * 40)
    found = kinds(text)
    assert ("Hilde Sarnow", "character") in found


def test_a_lone_unknown_name_before_a_making_verb_is_a_person_found_again_later():
    found = kinds("Haarvik inszeniert das mit großer Ruhe. Die Kamera inszeniert nichts. Am Ende lacht Haarvik.")
    assert ("Haarvik", "person") in found
    assert sum(1 for surface, kind in found if surface == "Haarvik" and kind == "person") == 1  # a set: both the same
    assert not any(surface == "Kamera" for surface, _ in found)
    assert len([m for m in analyse("Haarvik inszeniert das. Am Ende lacht Haarvik.").mentions if m.kind == "person"]) == 2


def test_an_unknown_name_in_the_genitive_before_a_work_noun_made_it():
    found = kinds("Wrzesniaks neuer Film ist ein Wagnis, Lindqvists Kamera nicht.")
    assert ("Wrzesniaks", "person") in found
    assert not any(surface == "Lindqvists" for surface, _ in found)  # a camera is no work


def test_a_noun_in_apposition_with_a_creature_is_a_figure_found_again_but_not_as_a_noun():
    text = ("Vorneweg marschiert Sorge, ein zotteliges Geschöpf mit langen Ohren. "
            "Am Morgen packt Sorge die Koffer. Es gibt keine Sorge ohne Grund, und eine andere Sorge bleibt.")
    mentions = [m for m in analyse(text).mentions if m.surface == "Sorge"]
    assert [m.kind for m in mentions] == ["character", "character"]  # the figure twice, the nouns not
    assert mentions[1].rule == "occurrence"


def test_a_noun_after_an_article_or_preposition_in_apposition_is_no_figure():
    found = kinds("Er handelt aus Angst, ein lähmendes Wesen der Nacht. Die Angst, ein altes Tier, bleibt.")
    assert not any(kind == "character" for _, kind in found)


def test_als_before_a_name_in_the_genitive_is_no_role():
    found = kinds("Er begann als Walter Brennings Kameramann. Sie begann als Ute Haas’ Cutterin. Sie wartet als Rachel Haase auf den Zug.")
    assert ("Rachel Haase", "character") in found
    assert not any(kind == "character" and surface.startswith(("Walter", "Ute")) for surface, kind in found)


def test_the_agent_of_a_passive_is_a_person_but_a_noun_is_not():
    found = kinds("Der Vater wird von Lissabon Haarvik mit großer Ruhe gespielt. Er wird von Angst Getriebener.")
    assert ("Lissabon Haarvik", "person") in found
    assert not any(surface.startswith("Angst") for surface, _ in found)


def test_romanized_japanese_and_turkish_spellings_of_known_given_names_make_a_name():
    found = kinds("Atsushi Brenner lacht. Gestern sah ich, wie Tarık Brenner schwieg.")  # `Brenner` is a noun too
    assert ("Atsushi Brenner", "person") in found  # Faker's romanized Japanese names
    assert ("Tarık Brenner", "person") in found  # `Tarik` with a dotless i


def test_a_credit_line_reads_a_given_name_that_is_a_noun_before_von_as_the_noun():
    analysis = analyse("Vorlage: Roman von Tom Ellery\nSprecher: Ute Klasen (Erzählerin), Anke Haas (Freude)")
    found = {(m.surface, m.kind, m.name) for m in analysis.mentions}
    assert ("Tom Ellery", "person", "Tom Ellery") in found  # not `Roman von Tom Ellery`
    assert ("Freude", "character", "Freude") in found
    assert not any(surface == "Erzählerin" for surface, _, _ in found)  # a part named by a noun


def test_von_after_works_of_other_arts_names_their_maker_but_not_a_place():
    found = kinds("Die Farben erinnern an die Bilder von Haarvik. Er zeigt Bilder von Berlin.")
    assert ("Haarvik", "person") in found
    assert not any(surface == "Berlin" for surface, _ in found)


def test_a_family_name_before_a_siblings_noun_is_a_person_but_a_noun_is_not():
    found = kinds("Die Haarvik-Brüder drehen wieder. Die Haus-Brüder nicht.")
    assert ("Haarvik", "person") in found
    assert not any(surface.startswith("Haus") for surface, _ in found)


def test_credit_labels_on_one_line_end_each_name_and_leave_its_genitive_alone():
    analysis = analyse("Regie: Ilse Obradović Buch: Tom Haas Kamera: Ruben Haas")
    assert [(m.surface, m.name) for m in analysis.mentions] == [
        ("Ilse Obradović", "Ilse Obradović"), ("Tom Haas", "Tom Haas"), ("Ruben Haas", "Ruben Haas")]


def test_a_credit_value_that_starts_with_a_noun_is_no_person_and_roman_von_names_the_author():
    analysis = analyse("Produktion: Studio Ghibli\nBuch: nach dem gleichnamigen Roman von Stephen King\nRegie: Ilse Obradović")
    found = {(m.surface, m.kind, m.name) for m in analysis.mentions}
    assert not any(surface.startswith("Studio") for surface, _, _ in found)
    assert ("Stephen King", "person", "Stephen King") in found  # not `Roman von Stephen King`
    assert ("Ilse Obradović", "person", "Ilse Obradović") in found
