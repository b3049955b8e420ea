"""Film titles without quotation marks, in headings and in prose (archive.text.headings,
archive.text.rules.titles). Every sentence is invented for the test; each test says what
must be found, not only what must not."""

from __future__ import annotations

from archive.text import analyse


def films(text: str) -> list[tuple[str, int]]:
    return [(m.surface, m.start) for m in analyse(text).mentions if m.kind == "film"]


def test_a_rubric_before_a_heading_is_cut_off_and_so_is_the_season():
    text = "Serienkritik: Zorrowind, Staffel 2\n\nMit Zorrowind zeigt der Sender, was er kann."
    a = analyse(text)
    assert films(text) == [("Zorrowind", 14), ("Zorrowind", 40)]
    assert a.subject == "Zorrowind"


def test_a_heading_that_is_only_a_rubric_names_no_film():
    text = "DOKUMENTARFILM\n\nDer Mann am Fluss\n\n„Wasserweg“ erzählt von Ilse Kowalczyk."
    assert films(text) == [("Wasserweg", 36)]


def test_a_heading_before_a_credit_block_is_the_reviews_film():
    text = "Nachtfalter\n\nRegie: Ilse Kowalczyk\nMit: Tom Ellery, Ute Klasen\n\nDer Film beginnt im Winter."
    a = analyse(text)
    assert films(text) == [("Nachtfalter", 0)]
    assert a.subject == "Nachtfalter"
    assert {m.surface: m.kind for m in a.mentions}["Tom Ellery"] == "person"


def test_a_german_headline_without_rubric_or_credit_block_is_still_no_title():
    text = "Versteckt hinter dem Vorhang\n\nDer Film von Ilse Kowalczyk zeigt eine Familie."
    assert films(text) == []


def test_a_capitalized_article_inside_a_sentence_opens_a_title_but_not_after_a_colon():
    assert films("Wer Das stille Haus mochte, wird hier froh.") == [("Das stille Haus", 4)]
    assert films("Sie sagt nur: Das stille Haus ist leer.") == []


def test_what_is_said_to_be_a_film_is_a_title_and_found_again_where_no_article_makes_it_a_noun():
    text = ("Nachtfähre ist der zweite Langfilm von Ilse Kowalczyk. Im Hafen liegt eine alte Nachtfähre. "
            "In Nachtfähre spielt Ute Klasen die Kapitänin.")
    assert films(text) == [("Nachtfähre", 0), ("Nachtfähre", 95)]


def test_a_person_or_a_work_noun_said_to_be_a_film_is_no_title():
    assert films("Der Film ist ein Drama über Schuld.") == []
    assert [m.kind for m in analyse("Tom Ellery ist der Regisseur des Films.").mentions] == ["person"]


def test_a_noun_after_an_article_before_a_year_is_no_title_but_a_title_before_a_year_is():
    assert films("Er zeigt ein verwackeltes Standbild von 1982.") == []
    assert films("Danach kam Walhalla Rising (2009) ins Kino.") == [("Walhalla Rising", 11)]


def test_a_quote_after_an_inscription_noun_is_no_title_but_after_a_work_noun_it_is():
    assert films("Auf der Tür klebt ein Schild mit der Aufschrift „Geduld“, dann geht sie.") == []
    assert films("Der Thriller „Geduld“ läuft ab Donnerstag.") == [("Geduld", 14)]


def test_capitalized_common_english_words_are_a_title():
    assert films("Die Vergleiche liegen nahe: Broken Lanterns wegen der Musik.") == [("Broken Lanterns", 28)]
    assert films("Wie in Lost in Silence geht es um Einsamkeit.") == [("Lost in Silence", 7)]
    assert films("Danach folgte Who Are We, ein Thriller.") == [("Who Are We", 14)]


def test_english_words_after_an_article_a_company_a_prize_a_person_or_a_song_are_no_title():
    assert films("Es ist ein Road Movie durch die Provinz.") == []
    assert films("Produziert hat Universal Pictures, gewonnen hat sie zwei Golden Globes.") == []
    assert [m.kind for m in analyse("Dann singt Ute Klasen „Feeling Good“ am Klavier.").mentions] == ["person"]


def test_a_quote_after_a_book_a_song_a_saying_or_a_hotel_is_no_title_compounds_included():
    for text in ("Sie liest den Bestsellerroman „Nachtfähre“ im Zug.", "Er summt den Titelsong „Nachtfähre“ vor sich hin.",
                 "Am Ende fällt der Satz „Nachtfähre“, leise.", "Sie wohnt im Hotel „Nachtfähre“ am Hafen."):
        assert films(text) == [], text
    assert films("Er spielt im Kassenhit „Nachtfähre“ den Kapitän.") == [("Nachtfähre", 24)]


def test_an_english_title_that_opens_a_list_of_musicians_is_a_band_but_alone_it_is_a_title():
    assert films("Im Radio laufen The Lanterns, Hanna Brenning, Milo Klasen und andere.") == []
    assert films("Im Kino lief The Lanterns, ein Thriller.") == [("The Lanterns", 13)]


def test_one_english_word_after_dessen_is_a_title_but_a_german_noun_or_a_name_is_not():
    assert films("Er teilte den Preis mit Zandor und dessen Stranded.") == [("Stranded", 42)]
    assert films("Er kam mit Zandor und dessen Frau.") == []
    assert films("Er kam mit Zandor und dessen Tom.") == []


def test_an_original_title_ends_at_the_separator_of_an_info_line():
    text = "Nebelhafen\n\nOriginaltitel: Harbour: Fog | Norwegen 2023 | 101 Min.\nRegie: Ilse Kowalczyk\n\nEin ruhiger Film."
    found = films(text)
    assert ("Harbour: Fog", text.index("Harbour")) in found
    assert not any("|" in surface for surface, _ in found)


def test_an_ampersand_between_capitalized_words_joins_one_title():
    text = "Krone & Kelch (Norwegen 2023) erzählt von zwei Brüdern. Danach lief Krone & Kelch auch im Fernsehen."
    found = films(text)
    assert ("Krone & Kelch", 0) in found
    assert ("Krone & Kelch", text.index("Krone & Kelch auch")) in found
    assert ("Kelch", text.index("Kelch")) not in found


def test_an_info_line_with_separators_opens_with_the_title():
    text = "Nordwind: Teil Zwei\n\nKritik von Ute Klasen\n\nNordwind: Teil Zwei · Norwegen/Schweden 2024 · 166 Min. · FSK 12\nRegie: Ilse Kowalczyk\n\nEin ruhiger Film."
    found = films(text)
    assert ("Nordwind: Teil Zwei", text.index("Nordwind: Teil Zwei ·")) in found
    assert not any(surface.startswith("Kritik") for surface, _ in found)


def test_a_film_after_a_colon_or_dash_in_mid_sentence_is_the_subtitle_of_the_word_before():
    text = "Nach dem mauen Nebula: The Last Harbour und dem Ende von Korvath – The Silent Shore war Schluss."
    found = films(text)
    assert ("Nebula: The Last Harbour", text.index("Nebula")) in found
    assert ("Korvath – The Silent Shore", text.index("Korvath")) in found


def test_a_noun_before_a_colon_is_no_main_title():
    text = "Das Ergebnis ist klar, und dann kommt die Pointe: The Silent Shore läuft wieder im Kino."
    found = films(text)
    assert ("The Silent Shore", text.index("The Silent")) in found
    assert not any(surface.startswith("Pointe") for surface, _ in found)


def test_an_english_contraction_or_possessive_belongs_to_an_english_title():
    text = "Ilse Kowalczyk hat mit Don't Whisper bewiesen, dass sie Spannung kann, und später Mother’s Garden gedreht."
    found = films(text)
    assert ("Don't Whisper", text.index("Don't")) in found
    assert ("Mother’s Garden", text.index("Mother")) in found
    assert not films("Andrea's Laden und Gibt's Neues wurden geschlossen, sagt Ilse Kowalczyk.")


def test_an_info_line_names_the_title_and_its_labelled_original_in_brackets():
    text = "Ein starker Film.\n\nVom grauen Hafen (Originaltitel: Havets ljus) · Schweden 2024 · 118 Min.\nRegie: Ilse Kowalczyk"
    found = films(text)
    assert ("Vom grauen Hafen", text.index("Vom")) in found
    assert ("Havets ljus", text.index("Havets")) in found


def test_an_english_title_before_a_series_compound_is_taken_whole():
    text = "Nach dem Silent Harbour-Remake wagt sich Ilse Kowalczyk an die ganze Nebelhafen-Reihe."
    found = films(text)
    assert ("Silent Harbour", text.index("Silent")) in found
    assert ("Nebelhafen", text.index("Nebelhafen")) in found
    assert ("Harbour", text.index("Harbour")) not in found


def test_a_remark_in_brackets_after_a_listed_film_is_no_part_of_it():
    text = "Ein Fazit.\n\nWEITERE FILME\nDer Nachtzug · Mr. Harbour (nicht verwechseln!) · Stille Wasser (1995)"
    found = films(text)
    assert ("Mr. Harbour", text.index("Mr.")) in found
    assert ("Stille Wasser", text.index("Stille")) in found


def test_a_work_noun_before_a_main_title_and_its_subtitle():
    text = "Sie hat Ilse Kowalczyks Stummfilmklassiker Korvath – Eine Sinfonie des Meeres von 1922 neu verfilmt."
    assert ("Korvath – Eine Sinfonie des Meeres", text.index("Korvath")) in films(text)


def test_a_bulleted_list_under_a_long_films_heading_gives_each_item_and_keeps_a_future_number():
    text = ("Ein Fazit.\n\nWEITERE FILME, DIE DIR GEFALLEN KÖNNTEN\n- Nebelhafen (2004)\n- Stille Wasser\n"
            "- Korvath 2049\n\nIlse Kowalczyk")
    found = films(text)
    assert ("Nebelhafen", text.index("Nebelhafen")) in found
    assert ("Stille Wasser", text.index("Stille")) in found
    assert ("Korvath 2049", text.index("Korvath")) in found
    assert not any(surface.startswith("-") for surface, _ in found)


def test_a_sequel_in_3d_belongs_to_the_title_found_again():
    text = "Der Film „Korvath“ lief gut. Danach kam Korvath 3D ins Kino, und Korvath blieb ein Erfolg."
    assert ("Korvath 3D", text.index("Korvath 3D")) in films(text)


def test_a_sentence_that_opens_with_films_and_a_comma_is_no_films_heading():
    text = "Sieben Filme, zwei Fortsetzungen und ein Remake – die Nebelhafen-Reihe hat alles durch, und bei Korvath: Ruhe war die Frage berechtigt."
    assert not any("Frage" in surface for surface, _ in films(text))


def test_an_english_title_ends_where_a_german_article_begins_the_object():
    text = "Tom Ellery, der in Ute Klasens Silent Harbour den Hafenmeister Jon spielt, kommt."
    assert [surface for surface, _ in films(text)] == ["Silent Harbour"]


def test_a_capitalized_preposition_mid_sentence_opens_a_title_of_three_words_or_more():
    from archive.text import analyse

    text = ("Wer sie zuletzt in Ilse Kowalczyks Gegen die Flut gesehen hat, erschrickt. Der beste Film seit "
            "So finster die See, sagt man. Das Publikum mochte Im Westen sehr.")
    films = {m.surface for m in analyse(text).mentions if m.kind == "film"}
    assert {"Gegen die Flut", "So finster die See"} <= films and "Im Westen" not in films
