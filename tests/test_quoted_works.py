"""Quotations that are no film title (archive.text.rules.quotes): speech, a song named
with a comma between, a translation, a programme of screenings, a cinema; and a relative
pronoun before quotes is no article. Every sentence is invented for the test; each test
says what must be found, not only what must not."""

from __future__ import annotations

from archive.text import analyse


def films(text: str) -> list[str]:
    return [m.surface for m in analyse(text).mentions if m.kind == "film"]


def test_a_quote_after_a_relative_pronoun_is_a_title_but_after_an_article_a_term():
    assert films("Für alle, die „Nordwind“ lieben, ist das ein Fest.") == ["Nordwind"]
    assert films("Sie treten dem „Club der Dichter“ bei.") == []
    assert films("Die »Neuen Wilden«, die »Stillen Jahre« des Kinos, sind in »Nordwind« zu sehen.") == ["Nordwind"]


def test_a_quote_before_a_comma_and_a_verb_of_telling_is_speech():
    text = "„Sie kam am Morgen mit roten Augen ans Set, vom Tränengas“, erzählt Ilse Kowalczyk. Danach drehte sie „Nordwind“."
    assert films(text) == ["Nordwind"]


def test_a_song_named_after_its_noun_and_a_comma_is_no_title():
    assert films("Dann singt niemand mehr. Es ist ein altes Wiegenlied, „Mondweg“, das sie summen.") == []
    assert films("Es ist ein alter Film, „Mondweg“, den sie zeigen.") == ["Mondweg"]


def test_a_translation_of_a_title_is_no_title_of_its_own():
    text = "Der Originaltitel „Kaze no michi“ heißt übersetzt „Wohin geht der Wind?“ und stammt aus einem Gedicht."
    assert films(text) == ["Kaze no michi"]


def test_someones_words_in_the_first_person_are_no_title():
    assert films("„Ich wollte immer einen Film über meine Großmutter drehen“ stand über dem Gespräch.") == []
    assert films("Danach kam „Ich bin dein Mensch“ ins Kino.") == ["Ich bin dein Mensch"]


def test_a_cinema_or_a_programme_of_screenings_is_no_title_but_the_film_it_shows_is():
    text = "Das Programmkino „Lichtburg am Hafen“ zeigt in seiner Reihe „Kino am Montag“ das Drama „Nordwind“."
    assert films(text) == ["Nordwind"]
    assert films("Sie sahen ihn in der Krimireihe „Hafenwache“ wieder.") == ["Hafenwache"]


def test_a_song_sung_for_a_film_is_no_title_but_the_film_after_fuer_is():
    text = "Dazu kommt Ute Klasen, die Kowalczyks „Mondweg“ für „Die Fähre von Tarnow“ sang."
    assert films(text) == ["Die Fähre von Tarnow"]


def test_als_after_a_comma_opening_a_clause_is_a_conjunction_not_a_label():
    assert films("Ein Rekord wie 2017, als „Nordwind“ zehn Millionen vor den Fernseher lockte, wird es nicht.") == ["Nordwind"]
    assert films("Sie war nur als „stille Zeugin“ geführt.") == []


def test_a_title_quoted_without_its_article_after_a_declined_one_is_that_film():
    text = ("Das Herzstück bleibt „Der Fährmann“ von 2009. Man kann die Box mit dem „Fährmann“ beginnen, "
            "und zum „Fährmann“ gibt es einen Kommentar. Sie treten dem „Club der Dichter“ bei.")
    found = [(m.surface, m.name) for m in analyse(text).mentions if m.kind == "film"]
    assert found == [("Der Fährmann", "Der Fährmann"), ("Fährmann", "Der Fährmann"), ("Fährmann", "Der Fährmann")]


def test_the_gloss_after_a_quoted_original_title_is_no_title():
    text = "Der Originaltitel lautet «Kaze no michi», «Der Weg des Windes», und er stammt aus einem Gedicht."
    assert films(text) == ["Kaze no michi"]
    assert films("Der Titel „Kaze no michi“ bedeutet „Weg des Windes“.") == ["Kaze no michi"]
    assert films("Sie drehte „Nordwind“, „Der graue Hafen“ und „Mondweg“.") == ["Nordwind", "Der graue Hafen", "Mondweg"]


def test_a_broadcasts_programme_is_no_title_but_the_film_it_discusses_is():
    text = "Ein Gespräch in der Sendung „Kino am Abend“ über „Nordwind“, den neuen Film von Ute Klasen."
    assert films(text) == ["Nordwind"]


def test_singing_in_another_clause_leaves_the_quoted_title_a_film():
    assert films("Ute Klasen erzählt in „Les Vagues“ von Matrosen, die kaum singen.") == ["Les Vagues"]
    assert films("»Mondweg«, sang sie dann, und alle schwiegen.") == []


def test_a_name_someone_is_called_in_quotes_and_a_song_danced_to_are_no_titles():
    text = ("Wenn sie ihn „Brummbär“ nennt, lacht er. Sein Chef, von allen gern „Der Herr Direktor“ genannt, schweigt. "
            "Ihr Tanz zu „Nordlicht Boogie“ ist Kult, und Tom Ellery hat Ilse Kowalczyks „Der graue Hafen“ als Vorbild genannt. "
            "Die Mutter singt den Tango „Herzen im Wind“.")
    films = {m.surface for m in analyse(text).mentions if m.kind == "film"}
    assert films == {"Der graue Hafen"}
