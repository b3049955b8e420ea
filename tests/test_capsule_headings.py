"""The titles of a page's capsule reviews and the review's own title in its heading
(archive.text.headings): every text is invented for the test; each test says what must be
found, not only what must not."""

from __future__ import annotations

from archive.text import analyse


def films(text: str) -> list[tuple[str, str, int]]:
    return [(m.surface, m.name, m.start) for m in analyse(text).mentions if m.kind == "film"]


CAPSULES = ("Neu auf DVD: drei Filme für lange Abende.\n\n"
            "NORDWIND\nIlse Kowalczyk schickt eine alte Fähre in den Sturm vor der Küste, und das Ergebnis ist klüger, als man denkt, und schöner dazu.\n"
            "Nordwind. Schweden 2023, 98 Min. Regie: Ilse Kowalczyk.\n\n"
            "DER GRAUE HAFEN – ZWEITER TEIL\nTom Ellery kehrt an die Küste zurück, älter und müder als zuvor, und spielt den Kapitän mit einer Ruhe, die man nicht so schnell vergisst.\n"
            "Der graue Hafen – Zweiter Teil. Deutschland 2022, 101 Min. Regie: Ute Klasen.\n")


def test_a_capsule_heading_in_capitals_is_the_film_its_capsule_names_and_takes_its_spelling():
    found = films(CAPSULES)
    assert ("NORDWIND", "Nordwind", 43) in found
    assert ("DER GRAUE HAFEN – ZWEITER TEIL", "Der graue Hafen – Zweiter Teil", CAPSULES.index("DER GRAUE")) in found


def test_a_line_in_capitals_that_no_other_segment_names_as_a_film_is_no_title():
    text = "Die Woche im Kino.\n\nFEUILLETON\n" + "Ilse Kowalczyk schickt in „Nordwind“ eine alte Fähre in den Sturm vor der Küste, und das Ergebnis ist klüger, als man denkt, und schöner dazu.\n"
    assert films(text) == [("Nordwind", "Nordwind", text.index("Nordwind"))]


def test_a_heading_in_capitals_that_is_one_plain_noun_is_a_section_not_a_title():
    text = "KULTUR\n\nDer Mann am Fluss\n\nIlse Kowalczyk zeigt in „Wasserweg“ einen Fluss.\n"
    assert films(text) == [("Wasserweg", "Wasserweg", text.index("Wasserweg"))]


def test_a_line_before_a_credit_block_is_a_capsules_title_but_an_info_line_is_not():
    text = ("Tom Ellery kehrt an die Küste zurück, älter und müder als zuvor, und spielt den Kapitän mit einer Ruhe, die man nicht so schnell vergisst.\n\nDas Haus am Fluss\nRegie & Buch: Ilse Kowalczyk\n"
            "Mit: Tom Ellery, Ute Klasen\n\nNorwegen 2023, 98 Min., FSK 12\nRegie: Ilse Kowalczyk\n\nEin stiller Film.")
    found = films(text)
    assert ("Das Haus am Fluss", "Das Haus am Fluss", text.index("Das Haus")) in found
    assert all("Min" not in surface for surface, _, _ in found)


def test_a_heading_the_body_writes_whole_is_not_cut_at_its_dash():
    text = ("Nordwind: Sturmfahrt – Teil eins\n\nTom Ellery gegen das Meer.\n\n"
            "In „Nordwind: Sturmfahrt – Teil eins“ segelt Tom Ellery allein.\n")
    assert films(text)[0] == ("Nordwind: Sturmfahrt – Teil eins", "Nordwind: Sturmfahrt – Teil eins", 0)


def test_a_heading_the_body_names_as_a_film_is_the_title_though_a_name_is_inside():
    text = "Ein Hund namens Bruno\n\nTom Ellery spielt den Besitzer.\n\nSo wirkt auch „Ein Hund namens Bruno“: ordentlich.\n"
    assert films(text)[0] == ("Ein Hund namens Bruno", "Ein Hund namens Bruno", 0)


def test_an_info_block_title_may_hold_a_colon_but_a_label_or_a_tag_list_is_none():
    text = "Ein starker Film.\n\nNordwind: Sturmfahrt – Teil eins. USA 2023, 164 Minuten. Regie: Ute Klasen."
    assert ("Nordwind: Sturmfahrt – Teil eins", "Nordwind: Sturmfahrt – Teil eins", 19) in films(text)
    assert films("Ein starker Film.\n\nTags: Iran, Tom Ellery, Cannes 2024, Drama\n") == []


def test_a_crime_series_heading_names_the_series_and_its_episode():
    text = ("Nachtwache Bremen: „Der letzte Hafen“\n\nVon Ute Klasen\n\n"
            "Nachtwache „Der letzte Hafen“, RB 2026, 89 Min. Regie: Tom Ellery.\n\n"
            "Der neue Bremer Nachtwache ist düster und langsam, und Ilse Kowalczyk spielt die Kommissarin mit großer Ruhe.\n")
    found = films(text)
    assert ("Nachtwache", "Nachtwache", 0) in found
    assert ("Der letzte Hafen", "Der letzte Hafen", text.index("Der letzte")) in found
    assert ("Nachtwache", "Nachtwache", text.index("Nachtwache ist")) in found  # the series, modified too
    assert not any(surface.startswith("Nachtwache Bremen") for surface, _, _ in found)


def test_a_heading_with_a_colon_that_the_body_writes_whole_stays_one_title():
    text = ("Sternwind: Rückkehr\n\nVon Ute Klasen\n\n"
            "Mit dem Thriller „Sternwind: Rückkehr“ setzt Ilse Kowalczyk ihre Reihe fort, und der Sternwind weht wieder über der Küste.\n")
    found = films(text)
    assert ("Sternwind: Rückkehr", "Sternwind: Rückkehr", 0) in found
    assert not any(surface == "Rückkehr" for surface, _, _ in found)


GUIDE = ("TIPPS DES TAGES – Montag\n\n"
         "Ein Haus namens Greta\nVox, 20.15 Uhr (Wiederholung von 2021)\n\n"
         "Tragikomödie, D/S 2021, 104 Min.\nR: Ute Klasen  B: Ilse Kowalczyk\n"
         "D: Tom Ellery (Greta Lind), Walter Brenning (Jon)\n\n"
         "Greta Lind erbt ein Haus am Deich und will es loswerden, bis Jon vor der Tür steht. "
         "Der beste Film: Ute Klasens leise Komödie über das Bleiben ist ein Glücksfall des Programms.\n\n"
         "KRIMI DES TAGES\n\n"
         "Nordwind am Kai\nArte, jederzeit abrufbar\n\n"
         "Krimi, D 2020, 89 Min.\nR: Walter Brenning\n\n"
         "Ein Fall für Regentage, nicht mehr und nicht weniger, aber gut gespielt von allen.\n")


def test_a_programme_guides_title_stands_over_its_slot_and_its_genre_line_is_none():
    found = films(GUIDE)
    assert ("Ein Haus namens Greta", "Ein Haus namens Greta", GUIDE.index("Ein Haus")) in found
    assert ("Nordwind am Kai", "Nordwind am Kai", GUIDE.index("Nordwind")) in found
    surfaces = {surface for surface, _, _ in found}
    # no rubric, slot, rerun note, genre or prose after a colon is a title
    assert not surfaces & {"TIPPS DES TAGES", "DES TAGES", "Wiederholung", "20.15 Uhr", "Tragikomödie", "Krimi"}
    assert all("Uhr" not in s and "Komödie über" not in s for s in surfaces), surfaces


def test_a_programme_guides_title_and_the_heading_above_it_are_segments_of_their_own():
    text = "Remake gegen Original\nDas Haus am Deich\nVox, 20.15 Uhr\n\nKomödie, D 2021, 98 Min.\n"
    segments = [text[s.start : s.end] for s in analyse(text).sentences]
    assert segments[:3] == ["Remake gegen Original", "Das Haus am Deich", "Vox, 20.15 Uhr"]
    assert films(text) == [("Das Haus am Deich", "Das Haus am Deich", text.index("Das Haus"))]


def test_a_tagline_under_a_slot_and_a_series_info_line_are_no_titles():
    text = ("Das Haus am Deich\nVox, 20.15 Uhr\n\nUte Klasen ermittelt wieder – und diesmal wird es nass\n\n"
            "Krimi, D 2026, 90 Min.\nR: Walter Brenning\n\nSolide Kost für einen langen Abend mit Tee.\n\n"
            "Nordwind\nArte, alle Folgen\n\nMysteryserie, D 2019–2022, 18 Folgen\nIdee: Ilse Kowalczyk\n\nDüster und klug.\n")
    assert films(text) == [("Das Haus am Deich", "Das Haus am Deich", 0),
                           ("Nordwind", "Nordwind", text.index("Nordwind"))]


def test_a_title_with_its_original_in_brackets_over_a_credit_block_names_two_films():
    text = ("Berlinale, dritter Tag: viel Regen, wenig Glanz und ein Film, der bleibt.\n\n"
            "Das stille Ufer (La rive silencieuse)\nRegie: Ilse Kowalczyk.\nMit: Tom Ellery, Ute Klasen.\n\n"
            "Ein Film über das Warten, und Tom Ellery wartet großartig.\n")
    assert films(text) == [("Das stille Ufer", "Das stille Ufer", text.index("Das stille")),
                           ("La rive silencieuse", "La rive silencieuse", text.index("La rive"))]
    segments = [text[s.start : s.end] for s in analyse(text).sentences]
    assert "Das stille Ufer (La rive silencieuse)" in segments


def test_a_remark_in_brackets_after_a_capsules_title_is_no_second_title_and_no_part_of_it():
    for remark in ("OmU", "Frankreich", "Dokumentarfilm"):
        text = f"Ein Tag am Meer, mit Regen und Wind und einem Film, der bleibt.\n\nDas stille Ufer ({remark})\nRegie: Ilse Kowalczyk.\n"
        assert films(text) == [("Das stille Ufer", "Das stille Ufer", text.index("Das stille"))], remark


def test_a_dateline_under_a_headline_is_no_programme_slot():
    text = "Ein Abend mit Freunden\nBerlin, 12.03.2024\n\nKomödie ist das keine, sagt Ute Klasen, und lacht.\n"
    assert films(text) == []


RETROSPECTIVE = ("HOMMAGE ILSE KOWALCZYK\nZum Geburtstag: drei Filme im Mai\n\n"
                 "Sie wollte nie die brave Tochter spielen, und das Kino hat es ihr gedankt.\n\n"
                 "DIE NACHT AM FLUSS (La nuit du fleuve, F 1963, R: Jean Godin)\n"
                 "Ein Fährmann und eine Lehrerin warten auf das Hochwasser.\n\n"
                 "DER GRAUE HAFEN (BRD 1971, R: Ute Klasen)\nEine Hafenstadt im Winter.\n\n"
                 "Herbstgold\n(Syysmetsä) FIN/S 2021, 94 Min. Regie: Mika Laaksonen\n"
                 "Eine Försterin kehrt in ihr Dorf zurück.\n")


def test_a_retrospectives_heading_is_no_title_but_each_entry_and_its_original_is_one():
    found = [surface for surface, _, _ in films(RETROSPECTIVE)]
    assert found == ["DIE NACHT AM FLUSS", "La nuit du fleuve", "DER GRAUE HAFEN", "Herbstgold", "Syysmetsä"]


def test_an_info_line_ends_its_segment_so_the_prose_below_opens_no_title():
    a = analyse(RETROSPECTIVE)
    segments = [RETROSPECTIVE[s.start : s.end] for s in a.sentences]
    assert "(Syysmetsä) FIN/S 2021, 94 Min. Regie: Mika Laaksonen" in segments
    assert "DER GRAUE HAFEN (BRD 1971, R: Ute Klasen)" in segments
    assert {m.surface: m.kind for m in a.mentions}["Mika Laaksonen"] == "person"
    assert not any(m.surface.startswith("Eine") for m in a.mentions)


def test_facts_in_brackets_inside_a_line_of_prose_name_no_title():
    text = "Ein starker Film.\n\nIlse Kowalczyk drehte damals (BRD 1981) einen Film über den Hafen, und „Nordwind“ danach.\n"
    assert [surface for surface, _, _ in films(text)] == ["Nordwind"]


def test_a_rankings_items_are_titles_without_season_or_platform_but_one_numbered_line_is_none():
    ranking = ("Die besten Serien des Jahres\n\n2. Harbour Nights, Staffel 2 (Apple TV+)\n\nDie Serie bleibt klug.\n\n"
               "1. Nordwind: Prophecy (Sky/WOW)\n\nZehntausend Jahre vorher spielt sie.\n")
    assert [surface for surface, _, _ in films(ranking)] == ["Harbour Nights", "Nordwind: Prophecy"]
    alone = "Ein Abend im Kino.\n\n3. Nordwind am Abend\n\nDie Serie bleibt klug.\n"
    assert films(alone) == []


def test_a_heading_with_a_season_before_its_tagline_names_the_series():
    text = ("Kallmora, Staffel 2: Willkommen zurück im Büro der Seelen\n\nVon Jana Kreutzer\n\n"
            "Die Serie ist gut, und Kallmora bleibt der Maßstab.\n")
    assert films(text)[0] == ("Kallmora", "Kallmora", 0)
